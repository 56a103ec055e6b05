/* v21-territory-page.h — the territory, the framing, the horizon and the days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_TERRITORY_PAGE (v21_territory_page_get_type ())
G_DECLARE_FINAL_TYPE (V21TerritoryPage, v21_territory_page, V21, TERRITORY_PAGE, AdwBin)

GtkWidget *v21_territory_page_new (V21Workshop *workshop);

G_END_DECLS
