/* v21-kit-export.c — saving the printable kit from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-kit-export"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-kit-export.h"
#include "v21-pages.h"
#include "v21-print-kit.h"

#define CHOOSER_KEY "v21-kit-chooser"

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             GtkWidget       *widget)
{
  V21Workshop *workshop = g_object_get_data (G_OBJECT (chooser), "v21-workshop");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path != NULL)
    {
      name = g_file_get_basename (file);
      if (v21_print_kit_write (workshop, path, &error))
        {
          guint pages = v21_print_kit_count_pages (workshop);

          message = g_strdup_printf (ngettext ("Kit saved as “%s” (%u page)", "Kit saved as “%s” (%u pages)", pages),
                                     name, pages);
        }
      else
        {
          message = g_strdup (error->message);
        }
      v21_show_toast (widget, message, NULL, NULL);
    }
  /* Drops the chooser, kept until now. */
  g_object_set_data (G_OBJECT (widget), CHOOSER_KEY, NULL);
}

static void
destroy_chooser (gpointer chooser)
{
  g_signal_handlers_disconnect_matched (chooser, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_response, NULL);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
v21_kit_export (GtkWidget   *widget,
                V21Workshop *workshop)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (V21_IS_WORKSHOP (workshop));
  if (g_object_get_data (G_OBJECT (widget), CHOOSER_KEY) != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Printable Kit"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  /* Translators: the file name suggested for the kit; %s is the workshop's title. */
  name = g_strdup_printf (_("%s — kit.pdf"), v21_workshop_get_title (workshop));
  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "v21-workshop", g_object_ref (workshop), g_object_unref);
  g_object_set_data_full (G_OBJECT (widget), CHOOSER_KEY, chooser, destroy_chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
