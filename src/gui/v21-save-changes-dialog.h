/* v21-save-changes-dialog.h — asks what to do with unsaved changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  V21_SAVE_CHANGES_CANCEL,
  V21_SAVE_CHANGES_DISCARD,
  V21_SAVE_CHANGES_SAVE,
} V21SaveChanges;

/* Asks, over @parent, whether to save the changes of the workshop @title
 * before they would be lost (Cancel / Discard / Save). */
void           v21_save_changes_dialog_run_async  (GtkWindow           *parent,
                                                   const char          *title,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
V21SaveChanges v21_save_changes_dialog_run_finish (GAsyncResult        *result);

G_END_DECLS
