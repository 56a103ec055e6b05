/* v21-checklist-page.h — the preparation steps and their progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_CHECKLIST_PAGE (v21_checklist_page_get_type ())
G_DECLARE_FINAL_TYPE (V21ChecklistPage, v21_checklist_page, V21, CHECKLIST_PAGE, AdwBin)

/* The checklist with its progress: steps ticked, reworded, added, deleted
 * (each undoable), and the printable kit's export. */
GtkWidget *v21_checklist_page_new (V21Workshop *workshop);

G_END_DECLS
