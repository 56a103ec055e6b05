/* v21-save-changes-dialog.c — asks what to do with unsaved changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-save-changes"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "v21-save-changes-dialog.h"

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             GTask            *task)
{
  V21SaveChanges answer = V21_SAVE_CHANGES_CANCEL;

  if (g_str_equal (response, "discard"))
    answer = V21_SAVE_CHANGES_DISCARD;
  else if (g_str_equal (response, "save"))
    answer = V21_SAVE_CHANGES_SAVE;
  g_task_return_int (task, answer);
}

void
v21_save_changes_dialog_run_async (GtkWindow           *parent,
                                   const char          *title,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, v21_save_changes_dialog_run_async);
  dialog = adw_message_dialog_new (parent, _("Save Changes?"), NULL);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has changes that are not saved. "
                                    "Changes that are not saved will be lost."),
                                  title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The task lives as long as the dialog, which answers exactly once. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), task,
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

V21SaveChanges
v21_save_changes_dialog_run_finish (GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  gssize answer;

  g_return_val_if_fail (G_IS_TASK (result), V21_SAVE_CHANGES_CANCEL);
  answer = g_task_propagate_int (G_TASK (result), &error);
  return error != NULL ? V21_SAVE_CHANGES_CANCEL : (V21SaveChanges) answer;
}
