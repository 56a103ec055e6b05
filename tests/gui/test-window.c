/* test-window.c — smoke tests of the main window and its dialogs
 *
 * Run with G_DEBUG=fatal-warnings: a .ui template that names a property or a
 * widget libadwaita 1.2 does not have only fails at run time, with a warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "gui-test-util.h"
#include "v21-application.h"
#include "v21-new-workshop-dialog.h"
#include "v21-window.h"
#include "v21-window-private.h"
#include "v21-workshop.h"

static V21Window *
new_window (void)
{
  V21Window *window = v21_window_new (gui_test_get_application ());

  gtk_window_present (GTK_WINDOW (window));
  gui_test_spin (100);

  return window;
}

static void
test_welcome (void)
{
  V21Window *window = new_window ();

  g_assert_cmpstr (_v21_window_get_page (window), ==, "welcome");
  g_assert_null (v21_window_get_workshop (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "save"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open"));

  gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_open_demo (void)
{
  g_autoptr(GFile) file = gui_test_copy_demo ();
  g_autoptr(V21Workshop) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) recent = NULL;
  GSettings *settings;
  AdwWindowTitle *title;
  GtkWindow *dialog;
  V21Window *window;
  V21Workshop *workshop;

  if (file == NULL)
    {
      g_test_skip ("data/examples/demo.visions21 is missing");
      return;
    }

  expected = v21_workshop_load_file (file, NULL, &error);
  g_assert_no_error (error);

  window = new_window ();
  gui_test_open_file (window, file);

  g_assert_cmpstr (_v21_window_get_page (window), ==, "workshop");
  workshop = v21_window_get_workshop (window);
  g_assert_nonnull (workshop);

  title = _v21_window_get_title_widget (window);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, v21_workshop_get_title (expected));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "demo.visions21");
  g_assert_cmpstr (adw_status_page_get_title (_v21_window_get_overview (window)), ==,
                   v21_workshop_get_title (expected));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "save"));

  settings = v21_application_get_settings (gui_test_get_application ());
  g_assert_nonnull (settings);
  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpstr (recent[0], ==, g_file_peek_path (file));

  /* An edit shows in the title, marked as not saved, and can be undone. */
  g_assert_true (v21_workshop_set (workshop, v21_workshop_get_root (workshop), "title",
                                   json_object_new_string ("Vallée 2055"), &error));
  g_assert_no_error (error);
  gui_test_spin (50);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "• Vallée 2055");
  g_assert_cmpstr (adw_status_page_get_title (_v21_window_get_overview (window)), ==, "Vallée 2055");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gui_test_spin (50);
  g_assert_cmpstr (adw_status_page_get_title (_v21_window_get_overview (window)), ==,
                   v21_workshop_get_title (expected));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "redo"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  gui_test_spin (50);

  /* Closing with unsaved changes asks first; Discard closes. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  gui_test_spin (100);
  g_assert_nonnull (window);
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  /* As a click would: the response, then the dialog goes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  gtk_window_destroy (dialog);
  gui_test_spin (100);
  g_assert_null (window);
}

/* The sidebar row of the page @name (rows are named after their page). */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *name)
{
  if (GTK_IS_LIST_BOX_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Opening builds no page but the overview; a page is built when its sidebar
 * row is activated, and shown. */
static void
test_lazy_pages (void)
{
  g_autoptr(GFile) file = gui_test_copy_demo ();
  V21Window *window;
  GtkWidget *row;

  if (file == NULL)
    {
      g_test_skip ("data/examples/demo.visions21 is missing");
      return;
    }
  window = new_window ();
  gui_test_open_file (window, file);
  g_assert_cmpstr (_v21_window_get_page (window), ==, "workshop");
  for (const char *const *name = (const char *[]) { "territory", "people", "live", "board", "votes", "report", NULL };
       *name != NULL; name++)
    g_assert_false (_v21_window_is_section_built (window, *name));

  row = find_row (GTK_WIDGET (window), "board");
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  gui_test_spin (100);
  g_assert_true (_v21_window_is_section_built (window, "board"));
  g_assert_false (_v21_window_is_section_built (window, "votes"));
  g_assert_true (gtk_widget_get_mapped (_v21_window_get_section (window, "board")));

  gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_open_twice (void)
{
  g_autoptr(GFile) file = gui_test_copy_demo ();
  V21Window *window;
  V21Workshop *workshop;
  guint n_windows;

  if (file == NULL)
    {
      g_test_skip ("data/examples/demo.visions21 is missing");
      return;
    }

  /* Opening the file a window already shows only brings that window forward:
   * the same workshop, with its unsaved change, no question, no other window. */
  window = new_window ();
  gui_test_open_file (window, file);
  g_assert_true (v21_window_has_file (window, file));
  workshop = v21_window_get_workshop (window);
  g_assert_true (v21_workshop_set (workshop, v21_workshop_get_root (workshop), "title",
                                   json_object_new_string ("Titre pas encore enregistré"), NULL));
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (gui_test_get_application ())));
  gui_test_open_file (window, file);
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (v21_window_get_workshop (window) == workshop);
  g_assert_cmpstr (v21_workshop_get_title (workshop), ==, "Titre pas encore enregistré");
  g_assert_true (v21_workshop_get_modified (workshop));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (gui_test_get_application ()))),
                    ==, n_windows);

  g_assert_true (v21_workshop_undo (workshop));
  gtk_window_close (GTK_WINDOW (window));
  gui_test_spin (100);
}

static void
test_bad_file (void)
{
  g_autofree char *path = g_build_filename (gui_test_get_tmp_dir (), "broken.visions21", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  V21Window *window;
  GtkWindow *dialog;

  g_file_set_contents (path, "{ \"format\": \"visions21\", ", -1, &error);
  g_assert_no_error (error);

  window = new_window ();
  gui_test_open_file (window, file);

  /* The error is on screen, in a dialog naming the file; nothing opened. */
  g_assert_cmpstr (_v21_window_get_page (window), ==, "welcome");
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  heading = g_strdup (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (heading, "broken.visions21"));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), !=, "");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_destroy (dialog);
  gui_test_spin (50);

  gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_new_workshop (void)
{
  V21Window *window = new_window ();
  V21Workshop *workshop;
  V21Collection *days;
  AdwWindowTitle *title;
  GtkWindow *dialog;
  GtkWidget *title_row;

  /* "New Workshop" asks first: title, territory, years, dates. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  gui_test_spin (100);
  g_assert_cmpstr (_v21_window_get_page (window), ==, "welcome");
  dialog = gui_test_find_toplevel (V21_TYPE_NEW_WORKSHOP_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  title_row = gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Atelier de la vallée");
  g_signal_emit_by_name (title_row, "entry-activated");
  gui_test_spin (100);

  g_assert_null (gui_test_find_toplevel (V21_TYPE_NEW_WORKSHOP_DIALOG));
  g_assert_cmpstr (_v21_window_get_page (window), ==, "workshop");
  workshop = v21_window_get_workshop (window);
  g_assert_nonnull (workshop);
  g_assert_cmpstr (v21_workshop_get_title (workshop), ==, "Atelier de la vallée");
  g_assert_null (v21_workshop_get_file (workshop));
  g_assert_false (v21_workshop_can_undo (workshop));
  /* The toolkit's two days, on consecutive dates. */
  days = v21_workshop_get_collection (workshop, "days");
  g_assert_cmpuint (v21_collection_get_n (days), ==, 2);
  {
    GDate first;
    GDate second;

    g_date_clear (&first, 1);
    g_date_clear (&second, 1);
    g_date_set_parse (&first, v21_record_get_string (v21_collection_get (days, 0), "date"));
    g_date_set_parse (&second, v21_record_get_string (v21_collection_get (days, 1), "date"));
    g_assert_cmpint (g_date_days_between (&first, &second), ==, 1);
  }
  title = _v21_window_get_title_widget (window);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), !=, "");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "save"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "save-as"));

  gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_about (void)
{
  V21Window *window = new_window ();
  GtkWindow *about;

  gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL);
  gui_test_spin (200);

  about = gui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  gtk_window_destroy (about);
  gui_test_spin (50);

  gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_shortcuts (void)
{
  V21Window *window = new_window ();
  GtkShortcutsWindow *overlay;

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  gui_test_spin (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  /* The window owns its help overlay: closing only hides it. */
  gtk_window_close (GTK_WINDOW (overlay));
  gui_test_spin (50);

  gui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv, "window", GUI_TEST_NEEDS_DISPLAY))
    return gui_test_run ();

  g_test_add_func ("/gui/window/welcome", test_welcome);
  g_test_add_func ("/gui/window/open-demo", test_open_demo);
  g_test_add_func ("/gui/window/lazy-pages", test_lazy_pages);
  g_test_add_func ("/gui/window/open-twice", test_open_twice);
  g_test_add_func ("/gui/window/bad-file", test_bad_file);
  g_test_add_func ("/gui/window/new", test_new_workshop);
  g_test_add_func ("/gui/window/about", test_about);
  g_test_add_func ("/gui/window/shortcuts", test_shortcuts);
  return gui_test_run ();
}
