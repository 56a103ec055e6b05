/* v21-material-page.h — future news articles, challenge sheets, trend cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_MATERIAL_PAGE (v21_material_page_get_type ())
G_DECLARE_FINAL_TYPE (V21MaterialPage, v21_material_page, V21, MATERIAL_PAGE, AdwBin)

/* The prepared material, filtered by kind, and the selected one's headline,
 * year, exercise, source and text. Actions ("material." prefix): add (s: a
 * material kind), remove, export-kit. */
GtkWidget *v21_material_page_new (V21Workshop *workshop);

G_END_DECLS
