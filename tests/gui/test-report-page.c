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
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  GtkFileChooserNative *chooser;
  char *path = g_build_filename (f->dir, name, NULL);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "report.export", "s", kind);
  gui_test_spin (100);
  chooser = _v21_report_page_get_chooser (f->page);
  g_assert_nonnull (chooser);
  if (proposed != NULL)
    g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==, proposed);
  gui_test_choose_file (GTK_FILE_CHOOSER (chooser), folder, name);
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

  g_file_get_contents (path, &contents, NULL, &error);
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

/* The value the workshop saved for @key in its "report" object, as a
 * string: "true", "false" or "missing". */
static const char *
saved_section (V21Workshop *workshop,
               const char  *key)
{
  json_object *saved = v21_record_get_value (v21_workshop_get_root (workshop), "report");
  json_object *value = NULL;

  if (saved == NULL || !json_object_object_get_ex (saved, key, &value))
    return "missing";
  return json_object_get_boolean (value) ? "true" : "false";
}

/* A switch per section: turning one off saves it in the workshop (undoably)
 * and the export lacks it; the method notes are off until turned on. */
static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  GtkSwitch *run_sheet = _v21_report_page_get_section_switch (f->page, V21_REPORT_RUN_SHEET);
  GtkSwitch *notes = _v21_report_page_get_section_switch (f->page, V21_REPORT_METHOD_NOTES);
  GtkSwitch *appendix = _v21_report_page_get_section_switch (f->page, V21_REPORT_APPENDIX);
  g_autofree char *before_path = export (f, "md", "avant.md", NULL);
  g_autofree char *before = contents_of (before_path);
  g_autofree char *after_path = NULL;
  g_autofree char *after = NULL;

  g_assert_true (gtk_switch_get_active (run_sheet));
  g_assert_false (gtk_switch_get_active (notes));
  g_assert_false (gtk_switch_get_active (appendix));
  g_assert_cmpstr (saved_section (f->workshop, "run_sheet"), ==, "missing");
  g_assert_nonnull (strstr (before, "The run sheet as held"));
  g_assert_null (strstr (before, "Le mot « menace » inquiète certains élus"));

  /* As a click does: the row activates its switch (which slides a moment). */
  adw_action_row_activate (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (run_sheet), ADW_TYPE_ACTION_ROW)));
  adw_action_row_activate (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (notes), ADW_TYPE_ACTION_ROW)));
  gui_test_spin (500);
  g_assert_false (gtk_switch_get_active (run_sheet));
  g_assert_cmpstr (saved_section (f->workshop, "run_sheet"), ==, "false");
  g_assert_cmpstr (saved_section (f->workshop, "method_notes"), ==, "true");
  g_assert_cmpstr (saved_section (f->workshop, "appendix"), ==, "false");
  after_path = export (f, "md", "apres.md", NULL);
  after = contents_of (after_path);
  g_assert_null (strstr (after, "The run sheet as held"));
  g_assert_nonnull (strstr (after, "Le mot « menace » inquiète certains élus"));
  g_assert_nonnull (strstr (after, "What the seminar produced"));

  /* Undo: the switch follows the workshop. */
  g_assert_true (v21_workshop_undo (f->workshop));
  gui_test_spin (50);
  g_assert_false (gtk_switch_get_active (notes));
  g_assert_false (gtk_switch_get_active (run_sheet));
  g_assert_true (v21_workshop_undo (f->workshop));
  gui_test_spin (50);
  g_assert_true (gtk_switch_get_active (run_sheet));
  g_assert_cmpstr (saved_section (f->workshop, "run_sheet"), ==, "missing");
}

/* The ODT button writes an OpenDocument package. */
static void
test_export_odt (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = export (f, "odt", "restitution.odt", "Visions +21 — Val de Sèvre et Bocage 2056.odt");
  g_autofree char *head = contents_of (path);

  /* A zip whose first entry is "mimetype", stored: its name, then its text,
   * after the 30 bytes of the entry's header. */
  g_assert_true (g_str_has_prefix (head, "PK\003\004"));
  g_assert_true (g_str_has_prefix (head + 30, "mimetypeapplication/vnd.oasis.opendocument.text"));
}

static void
add_card (Fixture    *f,
          const char *text,
          const char *details)
{
  g_autoptr(GError) error = NULL;
  V21Record *card = v21_capture_add_card (f->workshop, "idea", text, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  if (details != NULL)
    v21_workshop_set (f->workshop, card, "details", json_object_new_string (details), &error);
  g_assert_no_error (error);
}

static void
assert_lines (Fixture            *f,
              const char * const *expected)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *all = NULL;

  _v21_report_page_get_n_pages (f->page);
  lines = _v21_report_page_get_replaced_lines (f->page);
  all = g_strjoinv ("\n", lines);
  if (!g_strv_equal ((const char * const *) lines, expected))
    g_error ("the list of what is replaced says:\n%s", all);
}

/* Before sending, the list says who becomes which label and how often the
 * texts named them, and the e-mails and phone numbers removed; with the
 * anonymise switch, everyone. */
static void
test_replaced (Fixture       *f,
               gconstpointer  data)
{
  static const char * const unconsented[] = {
    "Gérard Pouvreau → Participant 9 — Named 2 times in the texts, replaced there",
    "Fatima Ouali → Participant 14 — Not named in the texts: only in the list of people",
    "Jeanne Audebert → Participant 21 — Named 1 time in the texts, replaced there",
    "Alain Suire → Participant 27 — Not named in the texts: only in the list of people",
    "Monique Guilbaud → Participant 33 — Not named in the texts: only in the list of people",
    "E-mail addresses — 1 address in the texts, removed",
    "Phone numbers — 1 number in the texts, removed",
    NULL
  };
  g_auto(GStrv) everyone = NULL;

  add_card (f, "Proposition de Gérard Pouvreau, reprise par M. Pouvreau", NULL);
  add_card (f, "Une idée de Mme Audebert et de Cédric Large", "Contact : f.ouali (at) mairie.example ou 06 11 22 33 44");
  gui_test_spin (50);
  assert_lines (f, unconsented);

  gtk_switch_set_active (_v21_report_page_get_anonymize_switch (f->page), TRUE);
  gui_test_spin (50);
  _v21_report_page_get_n_pages (f->page);
  everyone = _v21_report_page_get_replaced_lines (f->page);
  /* 38 people, then the e-mails and the phones. */
  g_assert_cmpuint (g_strv_length (everyone), ==, 40);
  g_assert_cmpstr (everyone[0], ==, "Claire Fontanel → Participant 1 — Not named in the texts: only in the list of people");
  g_assert_cmpstr (everyone[36], ==, "Cédric Large → Participant 37 — Named 1 time in the texts, replaced there");
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
  g_test_add ("/gui/report/sections", Fixture, NULL, fixture_set_up, test_sections, fixture_tear_down);
  g_test_add ("/gui/report/export-odt", Fixture, NULL, fixture_set_up, test_export_odt, fixture_tear_down);
  g_test_add ("/gui/report/replaced", Fixture, NULL, fixture_set_up, test_replaced, fixture_tear_down);
  g_test_add ("/gui/report/import-other-workshop", Fixture, NULL, fixture_set_up, test_import_other_workshop,
              fixture_tear_down);
  return gui_test_run ();
}
