/* test-report-page.c — the "Written report" page, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "gui-test-util.h"
#include "v21-capture.h"
#include "v21-report-page.h"
#include "v21-report-page-private.h"
#include "v21-workshop.h"

typedef struct
{
  V21Workshop   *workshop;
  GtkWindow     *window;
  V21ReportPage *page;
  char          *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("v21-report-XXXXXX", &error);
  g_assert_no_error (error);
  f->workshop = gui_test_load_demo ();
  f->page = V21_REPORT_PAGE (v21_report_page_new (f->workshop));
  f->window = gui_test_present_page (GTK_WIDGET (f->page), 1000, 800);
  gui_test_spin (300);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);

  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  gtk_window_destroy (f->window);
  gui_test_spin (50);
  g_assert_null (f->page);
  g_assert_finalize_object (f->workshop);
  gui_test_remove_tree (dir);
  g_free (f->dir);
}

/* Exports @kind through the chooser as a user would, into @name. */
static char *
export (Fixture    *f,
        const char *kind,
        const char *name,
        const char *proposed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  GtkFileChooserNative *chooser;
  char *path = g_build_filename (f->dir, name, NULL);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "report.export", "s", kind);
  gui_test_spin (100);
  chooser = _v21_report_page_get_chooser (f->page);
  g_assert_nonnull (chooser);
  if (proposed != NULL)
    g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==, proposed);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gui_test_spin (100);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  gui_test_spin (20);
  g_assert_null (_v21_report_page_get_chooser (f->page));
  /* Written in a thread: the window goes on meanwhile. */
  for (guint i = 0; i < 600 && _v21_report_page_is_exporting (f->page); i++)
    gui_test_spin (50);
  g_assert_false (_v21_report_page_is_exporting (f->page));
  return path;
}

static char *
contents_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  guint n = _v21_report_page_get_n_pages (f->page);
  guint more;

  g_assert_cmpuint (n, >=, 15);
  /* Many more cards: the preview follows, a moment later. */
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("Une idée de plus, la %u-ième, pour allonger la restitution", i);

      g_assert_nonnull (v21_capture_add_card (f->workshop, "idea", text, NULL, NULL, NULL, &error));
    }
  gui_test_spin (1200);
  more = _v21_report_page_get_n_pages (f->page);
  g_assert_cmpuint (more, >, n);
}

static void
test_export_pdf_and_anonymised (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *pdf = export (f, "pdf", "restitution.pdf", "Visions +21 — Val de Sèvre et Bocage 2056.pdf");
  g_autofree char *head = contents_of (pdf);
  g_autofree char *html_path = NULL;
  g_autofree char *html = NULL;
  g_autofree char *workshop_path = NULL;
  g_autofree char *workshop = NULL;

  g_assert_true (g_str_has_prefix (head, "%PDF-"));
  /* With the switch on, exports name nobody. */
  gtk_switch_set_active (_v21_report_page_get_anonymize_switch (f->page), TRUE);
  gui_test_spin (100);
  html_path = export (f, "html", "anonyme.html", "Visions +21 — Val de Sèvre et Bocage 2056 (anonymised).html");
  html = contents_of (html_path);
  g_assert_null (strstr (html, "Claire Fontanel"));
  g_assert_nonnull (strstr (html, "Anonymised version"));
  workshop_path = export (f, "workshop", "anonyme.visions21", NULL);
  workshop = contents_of (workshop_path);
  g_assert_null (strstr (workshop, "Fontanel"));
  g_assert_null (strstr (workshop, "@crdd.example"));
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "table3.visions21", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GError) error = NULL;
  guint n_cards = v21_collection_get_n (v21_workshop_get_collection (f->workshop, "cards"));
  AdwMessageDialog *dialog;

  /* A table's copy with one more card. */
  {
    g_autoptr(V21Workshop) copy = gui_test_load_demo ();

    g_assert_nonnull (v21_capture_add_card (copy, "idea", "Une idée écrite à la table 3", v21_capture_table (copy, 3), NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (v21_workshop_save_file (copy, file, &error));
  }

  /* The button opens a chooser of workshop files. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "report.import", NULL);
  gui_test_spin (100);
  g_assert_nonnull (_v21_report_page_get_chooser (f->page));
  g_signal_emit_by_name (_v21_report_page_get_chooser (f->page), "response", GTK_RESPONSE_CANCEL);
  gui_test_spin (50);
  g_assert_null (_v21_report_page_get_chooser (f->page));

  /* What the chooser gives is merged, and summed up. */
  g_list_store_append (files, file);
  _v21_report_page_import_files (f->page, G_LIST_MODEL (files));
  gui_test_spin (100);
  g_assert_cmpuint (v21_collection_get_n (v21_workshop_get_collection (f->workshop, "cards")), ==, n_cards + 1);
  dialog = _v21_report_page_get_dialog (f->page);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 card"));
  g_assert_true (adw_message_dialog_has_response (dialog, "undo"));
  g_assert_cmpstr (v21_workshop_get_undo_label (f->workshop), ==, "Import a Table’s Contributions");

  /* "Undo the import" takes it all back. */
  adw_message_dialog_response (dialog, "undo");
  gui_test_spin (100);
  g_assert_cmpuint (v21_collection_get_n (v21_workshop_get_collection (f->workshop, "cards")), ==, n_cards);
  g_assert_null (_v21_report_page_get_dialog (f->page));
}

static void
test_import_other_workshop (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "good", "minimal.visions21", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  AdwMessageDialog *dialog;

  g_list_store_append (files, file);
  _v21_report_page_import_files (f->page, G_LIST_MODEL (files));
  gui_test_spin (100);
  dialog = _v21_report_page_get_dialog (f->page);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "another workshop"));
  g_assert_false (adw_message_dialog_has_response (dialog, "undo"));
  g_assert_false (v21_workshop_can_undo (f->workshop));
  adw_message_dialog_response (dialog, "close");
  gui_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv, "report", GUI_TEST_NEEDS_DISPLAY))
    return gui_test_run ();

  g_test_add ("/gui/report/preview", Fixture, NULL, fixture_set_up, test_preview, fixture_tear_down);
  g_test_add ("/gui/report/export", Fixture, NULL, fixture_set_up, test_export_pdf_and_anonymised, fixture_tear_down);
  g_test_add ("/gui/report/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/gui/report/import-other-workshop", Fixture, NULL, fixture_set_up, test_import_other_workshop,
              fixture_tear_down);
  return gui_test_run ();
}
