/* test-prepare.c — the "Prepare" pages and their dialogs, on the demo workshop
 *
 * Run with G_DEBUG=fatal-warnings: a page whose template names something
 * libadwaita 1.2 does not have fails here, not in front of a user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "gui-test-util.h"
#include "v21-application.h"
#include "v21-csv-import-dialog.h"
#include "v21-day-row.h"
#include "v21-field-binding.h"
#include "v21-new-workshop-dialog.h"
#include "v21-pages.h"
#include "v21-people-page.h"
#include "v21-person-dialog.h"
#include "v21-run-sheet.h"
#include "v21-run-sheet-page.h"
#include "v21-table-assign.h"
#include "v21-table-card.h"
#include "v21-window.h"
#include "v21-window-private.h"
#include "v21-workshop.h"

/* The demo in a window, from a copy the test may lock. */
static V21Window *
open_demo (void)
{
  g_autoptr(GFile) file = gui_test_copy_demo ();
  V21Window *window;

  g_assert_nonnull (file);
  window = v21_window_new (gui_test_get_application ());
  gtk_window_present (GTK_WINDOW (window));
  gui_test_open_file (window, file);
  g_assert_nonnull (v21_window_get_workshop (window));
  return window;
}

/* Closes @window, throwing its changes away. */
static void
close_window (V21Window *window)
{
  GtkWindow *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  gui_test_spin (100);
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  if (dialog != NULL)
    {
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
      gtk_window_destroy (dialog);
      gui_test_spin (100);
    }
  g_assert_null (window);
}

/* Each page of the section, alone in a window: it builds, shows and goes
 * without a warning, and leaves the workshop as it was. */
static void
test_pages_build (void)
{
  g_autoptr(V21Workshop) workshop = gui_test_load_demo ();
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autofree char *after = NULL;
  guint built = 0;

  for (const V21PageInfo *info = v21_pages (); info->name != NULL; info++)
    {
      GtkWidget *window;
      GtkWidget *page;

      if (g_strcmp0 (info->section, "Prepare") != 0)
        continue;
      window = gtk_window_new ();
      page = info->create (workshop);
      g_assert_true (GTK_IS_WIDGET (page));
      gtk_window_set_child (GTK_WINDOW (window), page);
      gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
      gtk_window_present (GTK_WINDOW (window));
      gui_test_spin (150);
      gtk_window_destroy (GTK_WINDOW (window));
      gui_test_spin (20);
      built++;
    }
  g_assert_cmpuint (built, ==, 5);
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* Adding a person and moving a sequence through the pages, then undoing
 * both with the window's action, gives the document back unchanged. */
static void
test_add_move_undo (void)
{
  V21Window *window = open_demo ();
  V21Workshop *workshop = v21_window_get_workshop (window);
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autofree char *after = NULL;
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  guint n_people = v21_collection_get_n (people);
  GtkWidget *people_page = _v21_window_get_section (window, "people");
  GtkWidget *run_sheet_page = _v21_window_get_section (window, "run-sheet");
  V21Record *pause = v21_workshop_lookup (workshop, "seq-d1-04");
  GtkWindow *dialog;
  GtkWidget *name_row;
  g_autoptr(GPtrArray) day = NULL;

  /* A person, through the page's dialog. */
  gtk_widget_activate_action (people_page, "people.add", NULL);
  gui_test_spin (100);
  dialog = gui_test_find_toplevel (V21_TYPE_PERSON_DIALOG);
  g_assert_nonnull (dialog);
  name_row = gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Agathe Moreau");
  g_signal_emit_by_name (name_row, "entry-activated");
  gui_test_spin (100);
  g_assert_null (gui_test_find_toplevel (V21_TYPE_PERSON_DIALOG));
  g_assert_cmpuint (v21_collection_get_n (people), ==, n_people + 1);
  g_assert_cmpstr (v21_record_get_string (v21_collection_get (people, n_people), "name"), ==, "Agathe Moreau");
  g_assert_true (v21_people_page_get_selected (V21_PEOPLE_PAGE (people_page)) == v21_collection_get (people, n_people));

  /* A sequence, one place later, as Alt+Down does. */
  v21_run_sheet_page_select (V21_RUN_SHEET_PAGE (run_sheet_page), pause);
  gtk_widget_activate_action (run_sheet_page, "run-sheet.move-down", NULL);
  gui_test_spin (100);
  day = v21_run_sheet_sequences (workshop, v21_workshop_lookup (workshop, "d1"));
  g_assert_true (g_ptr_array_index (day, 4) == pause);
  g_assert_cmpstr (v21_record_get_string (pause, "start"), ==, "12:15");
  g_assert_true (v21_run_sheet_page_get_selected (V21_RUN_SHEET_PAGE (run_sheet_page)) == pause);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gui_test_spin (100);
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (v21_workshop_can_undo (workshop));

  close_window (window);
}

/* Typing in a field sets it once typing pauses (or before saving): one step. */
static void
test_typing (void)
{
  V21Window *window = open_demo ();
  V21Workshop *workshop = v21_window_get_workshop (window);
  GtkWidget *page = _v21_window_get_section (window, "territory");
  GtkWidget *title_row = gui_test_find_widget (page, ADW_TYPE_ENTRY_ROW, NULL);
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autofree char *after = NULL;

  gtk_editable_set_text (GTK_EDITABLE (title_row), "Vallée");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Vallée 2056");
  g_assert_false (v21_workshop_can_undo (workshop));
  v21_field_binding_flush_all ();
  g_assert_cmpstr (v21_workshop_get_title (workshop), ==, "Vallée 2056");

  /* An empty title is refused: the field says so and the title stays. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "   ");
  v21_field_binding_flush_all ();
  g_assert_cmpstr (v21_workshop_get_title (workshop), ==, "Vallée 2056");
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));

  /* Undo comes back to the field. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gui_test_spin (50);
  gtk_editable_set_text (GTK_EDITABLE (title_row), v21_workshop_get_title (workshop));
  v21_field_binding_flush_all ();
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (after, ==, before);

  close_window (window);
}

/* The demo after its 34 participants are seated at its 6 tables: each table has
 * 5 or 6 of them, the 4 staff (facilitator, technical lead, observers) none. */
static void
assert_seated (V21Workshop *workshop)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  V21Collection *tables = v21_workshop_get_collection (workshop, "tables");
  g_autoptr(GHashTable) sizes = g_hash_table_new (g_str_hash, g_str_equal);
  guint seated = 0;

  g_assert_cmpuint (v21_collection_get_n (tables), ==, 6);
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);
      const char *table = v21_record_get_string (person, "table");
      const char *role = v21_record_get_string (person, "role");
      gboolean staff = g_strcmp0 (role, "participant") != 0 && g_strcmp0 (role, "political_sponsor") != 0;

      if (staff)
        {
          g_assert_null (table);
          continue;
        }
      g_assert_nonnull (table);
      g_assert_nonnull (v21_workshop_lookup (workshop, table));
      g_hash_table_insert (sizes, (gpointer) table,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sizes, table)) + 1));
      seated++;
    }
  g_assert_cmpuint (seated, ==, 34);
  g_assert_cmpuint (g_hash_table_size (sizes), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      guint size = GPOINTER_TO_UINT (g_hash_table_lookup (sizes, v21_record_get_id (v21_collection_get (tables, i))));

      g_assert_cmpuint (size, >=, 5);
      g_assert_cmpuint (size, <=, 6);
    }
}

static void
test_assign_tables (void)
{
  V21Window *window = open_demo ();
  V21Workshop *workshop = v21_window_get_workshop (window);
  GtkWidget *page = _v21_window_get_section (window, "people");
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autofree char *after = NULL;
  GtkWindow *dialog;

  gtk_widget_activate_action (page, "people.assign", NULL);
  gui_test_spin (100);
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (g_strrstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "34"));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "34 participants to seat: 5 or 6 people per table. Categories are spread evenly and "
                   "people of the same organisation sit apart when possible. 2 locked people stay at their tables.");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "assign");
  gtk_window_destroy (dialog);
  gui_test_spin (100);
  g_assert_cmpstr (v21_workshop_get_undo_label (workshop), ==, "Assign tables");
  assert_seated (workshop);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gui_test_spin (50);
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (after, ==, before);
  close_window (window);
}

static void
on_imported (V21CsvImportDialog *dialog,
             guint               n,
             guint              *count)
{
  *count = n;
}

/* The import dialog lists what it would do; nothing changes until Import. */
static void
test_csv_import (void)
{
  V21Window *window = open_demo ();
  V21Workshop *workshop = v21_window_get_workshop (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "csv", "bad-rows.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(V21CsvImport) import = v21_csv_import_new_from_file (file, &error);
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autofree char *after = NULL;
  V21CsvImportDialog *dialog;
  GtkWidget *button;
  guint imported = 0;

  g_assert_no_error (error);
  dialog = v21_csv_import_dialog_new (GTK_WINDOW (window), workshop, import, "bad-rows.csv");
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_spin (150);
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (v21_csv_import_get_skipped (import)->len, ==, 7);
  button = gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import 3 People");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  gui_test_spin (100);
  g_assert_cmpuint (imported, ==, 3);
  g_assert_null (gui_test_find_toplevel (V21_TYPE_CSV_IMPORT_DIALOG));
  g_assert_cmpstr (v21_workshop_get_undo_label (workshop), ==, "Import participants");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gui_test_spin (50);
  g_free (after);
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (after, ==, before);
  close_window (window);
}

/* The first editable under @root showing @text. */
static GtkWidget *
find_editable (GtkWidget  *root,
               const char *text)
{
  if (GTK_IS_EDITABLE (root) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_editable (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first spin button under @root set to @value. */
static GtkWidget *
find_spin (GtkWidget *root,
           int        value)
{
  if (GTK_IS_SPIN_BUTTON (root) && gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (root)) == value)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_spin (child, value);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The other dialogs build, show what they are about, and close cleanly. */
static void
test_dialogs (void)
{
  V21Window *window = open_demo ();
  V21Workshop *workshop = v21_window_get_workshop (window);
  GtkWindow *dialogs[] = {
    GTK_WINDOW (v21_person_dialog_new (GTK_WINDOW (window), workshop,
                                       v21_workshop_lookup (workshop, "p05"), NULL)),
    GTK_WINDOW (v21_new_workshop_dialog_new (GTK_WINDOW (window))),
  };

  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      gtk_window_present (dialogs[i]);
      gui_test_spin (100);
      /* What each shows: the person being edited; this year to 30 years ahead. */
      if (i == 0)
        {
          g_assert_nonnull (find_editable (GTK_WIDGET (dialogs[i]), "Bernard Chaigneau"));
          g_assert_nonnull (find_editable (GTK_WIDGET (dialogs[i]), "bernard.chaigneau@cc-valdesevre-bocage.example"));
          g_assert_nonnull (gui_test_find_widget (GTK_WIDGET (dialogs[i]), GTK_TYPE_BUTTON, "_Save"));
        }
      else
        {
          g_assert_nonnull (find_spin (GTK_WIDGET (dialogs[i]), year));
          g_assert_nonnull (find_spin (GTK_WIDGET (dialogs[i]), year + 30));
        }
      gtk_window_close (dialogs[i]);
      gui_test_spin (50);
    }
  g_assert_false (v21_workshop_can_undo (workshop));
  close_window (window);
}

/* The first GtkDropTarget of @widget. */
static GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* What a drop of @id on @widget at height @y does. */
static gboolean
drop_id (GtkWidget  *widget,
         const char *id,
         double      y)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = drop_target_of (widget);
  gboolean done = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, id);
  g_signal_emit_by_name (target, "drop", &value, 10.0, y, &done);
  return done;
}

/* The first widget under @widget (depth first) that @match accepts. */
static GtkWidget *
find_matching (GtkWidget *widget,
               gboolean (*match) (GtkWidget *, gpointer),
               gpointer   data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_matching (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Laid out on screen (a busy machine may take more than a few frames). */
static gboolean
has_height (gpointer widget)
{
  return gtk_widget_get_height (widget) > 10;
}

static gboolean
is_row_of (GtkWidget *widget,
           gpointer   sequence)
{
  return GTK_IS_LIST_BOX_ROW (widget) && g_object_get_data (G_OBJECT (widget), "v21-sequence") == sequence;
}

static gboolean
is_card_of (GtkWidget *widget,
            gpointer   table)
{
  return V21_IS_TABLE_CARD (widget) && v21_table_card_get_table (V21_TABLE_CARD (widget)) == table;
}

/* Dropping a sequence on a row puts it before the row, or after it on the
 * row's lower half; dropping a person on a table seats them there. */
static void
test_drag_and_drop (void)
{
  V21Window *window = open_demo ();
  V21Workshop *workshop = v21_window_get_workshop (window);
  GtkWidget *run_sheet = _v21_window_get_section (window, "run-sheet");
  GtkWidget *people = _v21_window_get_section (window, "people");
  V21Record *onto = v21_workshop_lookup (workshop, "seq-d2-02");
  V21Record *table = v21_workshop_lookup (workshop, "t3");
  g_autoptr(GPtrArray) day2 = NULL;
  GtkWidget *row;
  GtkWidget *card;

  /* On screen, so the rows have a height. */
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (run_sheet)), run_sheet);
  row = find_matching (run_sheet, is_row_of, onto);
  g_assert_nonnull (row);
  g_assert_true (gui_test_wait_for (has_height, row));
  g_assert_true (drop_id (row, "seq-d1-04", gtk_widget_get_height (row) - 1.0));
  gui_test_spin (50);
  day2 = v21_run_sheet_sequences (workshop, v21_workshop_lookup (workshop, "d2"));
  g_assert_cmpstr (v21_record_get_id (g_ptr_array_index (day2, 2)), ==, "seq-d1-04");
  g_assert_cmpstr (v21_record_get_string (v21_workshop_lookup (workshop, "seq-d1-04"), "start"), ==, "11:45");

  card = find_matching (people, is_card_of, table);
  g_assert_nonnull (card);
  g_assert_true (drop_id (card, "p06", 10.0));
  g_assert_cmpstr (v21_record_get_string (v21_workshop_lookup (workshop, "p06"), "table"), ==, "t3");
  /* Only people can be dropped on a table. */
  g_assert_false (drop_id (card, "seq-d1-01", 10.0));
  close_window (window);
}

/* A new workshop replaces the open one: its pages go, the new ones come. */
static void
test_new_over_demo (void)
{
  V21Window *window = open_demo ();
  GtkWindow *dialog;
  GtkWidget *title_row;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  gui_test_spin (100);
  dialog = gui_test_find_toplevel (V21_TYPE_NEW_WORKSHOP_DIALOG);
  g_assert_nonnull (dialog);
  title_row = gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Atelier du Thouet");
  g_signal_emit_by_name (title_row, "entry-activated");
  gui_test_spin (200);
  g_assert_cmpstr (v21_workshop_get_title (v21_window_get_workshop (window)), ==, "Atelier du Thouet");
  g_assert_nonnull (_v21_window_get_section (window, "run-sheet"));
  close_window (window);
}

/* An edit of one checklist item re-reads that item's label and nothing else:
 * no other row, not its own check box, not the territory page's fields. */
static void
test_precise_reads (void)
{
  V21Window *window = open_demo ();
  V21Workshop *workshop = v21_window_get_workshop (window);
  V21Collection *checklist = v21_workshop_get_collection (workshop, "checklist");
  g_autoptr(GError) error = NULL;
  guint before;

  g_assert_nonnull (_v21_window_get_section (window, "checklist"));
  g_assert_nonnull (_v21_window_get_section (window, "territory"));
  gui_test_spin (100);
  g_assert_cmpuint (v21_collection_get_n (checklist), >=, 3);
  before = _v21_field_binding_get_n_reads ();
  g_assert_true (v21_workshop_set (workshop, v21_collection_get (checklist, 1), "label",
                                   json_object_new_string ("Réserver la salle"), &error));
  g_assert_no_error (error);
  gui_test_spin (50);
  g_assert_cmpuint (_v21_field_binding_get_n_reads () - before, ==, 1);
  close_window (window);
}

/* An edit of one sequence re-reads the row of its day on the territory page,
 * and no other day's. */
static void
test_precise_day_rows (void)
{
  V21Window *window = open_demo ();
  V21Workshop *workshop = v21_window_get_workshop (window);
  V21Collection *days = v21_workshop_get_collection (workshop, "days");
  V21Record *sequence = v21_collection_get (v21_workshop_get_collection (workshop, "sequences"), 0);
  g_autoptr(GError) error = NULL;
  guint before;

  g_assert_nonnull (_v21_window_get_section (window, "territory"));
  gui_test_spin (100);
  g_assert_cmpuint (v21_collection_get_n (days), ==, 2);
  before = _v21_day_row_get_n_reads ();
  g_assert_true (v21_workshop_set (workshop, sequence, "minutes",
                                   json_object_new_int (v21_record_get_int (sequence, "minutes", 0) + 5), &error));
  g_assert_no_error (error);
  gui_test_spin (50);
  g_assert_cmpuint (_v21_day_row_get_n_reads () - before, ==, 1);
  before = _v21_day_row_get_n_reads ();
  g_assert_true (v21_workshop_undo (workshop));
  gui_test_spin (50);
  g_assert_cmpuint (_v21_day_row_get_n_reads () - before, ==, 1);
  close_window (window);
}

/* An edit of one person re-reads the card of their table; a move, the two cards. */
static void
test_precise_table_cards (void)
{
  V21Window *window = open_demo ();
  V21Workshop *workshop = v21_window_get_workshop (window);
  GtkWidget *people = _v21_window_get_section (window, "people");
  V21Record *t1 = v21_workshop_lookup (workshop, "t1");
  V21Record *t3 = v21_workshop_lookup (workshop, "t3");
  g_autoptr(GPtrArray) members = NULL;
  V21Record *person;
  guint before;

  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (people)), people);
  gui_test_spin (200);
  members = v21_table_members (workshop, t1);
  g_assert_cmpuint (members->len, >, 0);
  person = g_ptr_array_index (members, 0);
  before = _v21_table_card_get_n_reads ();
  g_assert_true (v21_workshop_set (workshop, person, "organisation", json_object_new_string ("Mairie de Parthenay"), NULL));
  gui_test_spin (50);
  g_assert_cmpuint (_v21_table_card_get_n_reads () - before, ==, 1);
  before = _v21_table_card_get_n_reads ();
  g_assert_true (v21_workshop_set (workshop, person, "table", json_object_new_string (v21_record_get_id (t3)), NULL));
  gui_test_spin (50);
  g_assert_cmpuint (_v21_table_card_get_n_reads () - before, ==, 2);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  if (!gui_test_init (&argc, &argv, "prepare", GUI_TEST_NEEDS_DISPLAY))
    return gui_test_run ();

  g_test_add_func ("/gui/prepare/pages-build", test_pages_build);
  g_test_add_func ("/gui/prepare/add-move-undo", test_add_move_undo);
  g_test_add_func ("/gui/prepare/typing", test_typing);
  g_test_add_func ("/gui/prepare/assign-tables", test_assign_tables);
  g_test_add_func ("/gui/prepare/csv-import", test_csv_import);
  g_test_add_func ("/gui/prepare/dialogs", test_dialogs);
  g_test_add_func ("/gui/prepare/new-over-demo", test_new_over_demo);
  g_test_add_func ("/gui/prepare/drag-and-drop", test_drag_and_drop);
  g_test_add_func ("/gui/prepare/precise-reads", test_precise_reads);
  g_test_add_func ("/gui/prepare/precise-day-rows", test_precise_day_rows);
  g_test_add_func ("/gui/prepare/precise-table-cards", test_precise_table_cards);
  return gui_test_run ();
}
