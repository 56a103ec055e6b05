/* v21-new-workshop-dialog.h — the few things a new workshop needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_NEW_WORKSHOP_DIALOG (v21_new_workshop_dialog_get_type ())
G_DECLARE_FINAL_TYPE (V21NewWorkshopDialog, v21_new_workshop_dialog, V21, NEW_WORKSHOP_DIALOG, AdwWindow)

/* Asks the title, the territory, the start and horizon years (30 years
 * ahead by default, a warning outside 10 to 50) and the first day's date,
 * then makes the workshop from the toolkit (exercises, two-day run sheet on
 * consecutive dates, checklist), emits "created" (V21Workshop *) and closes. */
V21NewWorkshopDialog *v21_new_workshop_dialog_new    (GtkWindow            *parent);

/* What the dialog asks, for tests: the workshop "Create" would make. */
V21Workshop          *v21_new_workshop_dialog_create (V21NewWorkshopDialog *self,
                                                      GError              **error);

G_END_DECLS
