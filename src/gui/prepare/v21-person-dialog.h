/* v21-person-dialog.h — adding or editing one participant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_PERSON_DIALOG (v21_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (V21PersonDialog, v21_person_dialog, V21, PERSON_DIALOG, AdwWindow)

/* A dialog over @parent for @person, or for a new person when NULL (seated
 * at @table, nullable). Saving is one undoable step; then the dialog emits
 * "saved" (V21Record *person) and closes. Cancel changes nothing. */
V21PersonDialog *v21_person_dialog_new (GtkWindow   *parent,
                                        V21Workshop *workshop,
                                        V21Record   *person,
                                        V21Record   *table);

G_END_DECLS
