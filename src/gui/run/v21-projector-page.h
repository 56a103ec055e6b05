/* v21-projector-page.h — the presenter console: what the room sees, and the controls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_PROJECTOR_PAGE (v21_projector_page_get_type ())
G_DECLARE_FINAL_TYPE (V21ProjectorPage, v21_projector_page, V21, PROJECTOR_PAGE, AdwBin)

GtkWidget *v21_projector_page_new (V21Workshop *workshop);

G_END_DECLS
