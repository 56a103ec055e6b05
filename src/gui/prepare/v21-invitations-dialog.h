/* v21-invitations-dialog.h — the letters, the calendar file and the addresses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_INVITATIONS_DIALOG (v21_invitations_dialog_get_type ())
G_DECLARE_FINAL_TYPE (V21InvitationsDialog, v21_invitations_dialog, V21, INVITATIONS_DIALOG, AdwWindow)

/* Who invites, the letter's template and reply-by date (written to @workshop
 * in one undoable step when the dialog closes or before a file is written),
 * and buttons that write the letters (PDF, ODT) and the calendar file, and
 * copy the addresses for BCC. Toasts go to @toast_widget's window. Nothing is
 * sent. */
V21InvitationsDialog *v21_invitations_dialog_new   (GtkWindow   *parent,
                                                    V21Workshop *workshop,
                                                    GtkWidget   *toast_widget);
/* Writes the fields to the workshop, if they changed. */
void                  v21_invitations_dialog_apply (V21InvitationsDialog *self);
/* For tests: writes to @path what the button @what ("pdf", "odt", "ics")
 * writes, without asking where. */
gboolean              _v21_invitations_dialog_write (V21InvitationsDialog *self,
                                                     const char           *what,
                                                     const char           *path,
                                                     GError              **error);

G_END_DECLS
