/* test-document.c — the open workshop's document in its window: opening in a
 * worker (progress, cancel), saving, the save-changes question, autosave
 * (debounce, failure banner, flush on SIGTERM and at the session's end)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "v21-document.h"
#include "v21-window.h"
#include "v21-window-private.h"


static V21Window *
new_window (void)
{
  V21Window *window = v21_window_new (gui_test_get_application ());

  gtk_window_present (GTK_WINDOW (window));
  gui_test_spin (50);
  return window;
}

static V21Window *
open_demo_copy (GFile **file_out)
{
  g_autoptr(GFile) file = gui_test_copy_demo ();
  V21Window *window = new_window ();

  gui_test_open_file (window, file);
  g_assert_nonnull (v21_window_get_workshop (window));
  if (file_out != NULL)
    *file_out = g_steal_pointer (&file);
  return window;
}

static void
set_title (V21Window  *window,
           const char *title)
{
  V21Workshop *workshop = v21_window_get_workshop (window);
  g_autoptr(GError) error = NULL;

  g_assert_true (v21_workshop_set (workshop, v21_workshop_get_root (workshop), "title",
                                   json_object_new_string (title), &error));
  g_assert_no_error (error);
}

/* The demo with its 150 cards copied 40 times: 6,150 cards, over 2 MB, more
 * than what shows a progress bar. */
static GFile *
write_large_workshop (void)
{
  g_autofree char *path = g_build_filename (gui_test_get_tmp_dir (), "large.visions21", NULL);
  g_autoptr(GFile) demo = gui_test_copy_demo ();
  g_autoptr(json_object) root = json_object_from_file (g_file_peek_path (demo));
  json_object *cards = json_object_object_get (root, "cards");
  gsize n = json_object_array_length (cards);

  for (int copy = 1; copy <= 40; copy++)
    for (gsize i = 0; i < n; i++)
      {
        json_object *card = NULL;
        g_autofree char *id = NULL;

        json_object_deep_copy (json_object_array_get_idx (cards, i), &card, NULL);
        id = g_strdup_printf ("%s-copy%d", json_object_get_string (json_object_object_get (card, "id")), copy);
        json_object_object_add (card, "id", json_object_new_string (id));
        json_object_array_add (cards, card);
      }
  g_assert_cmpint (json_object_to_file_ext (path, root, JSON_C_TO_STRING_PRETTY), ==, 0);
  return g_file_new_for_path (path);
}

static gboolean
shows_loading (gpointer window)
{
  return g_strcmp0 (_v21_window_get_page (window), "loading") == 0;
}

static gboolean
not_loading (gpointer window)
{
  return !_v21_window_is_loading (window);
}

/* A large file shows its progress while it loads in a worker, and opens. */
static void
test_open_large (void)
{
  g_autoptr(GFile) file = write_large_workshop ();
  V21Window *window = new_window ();
  GtkWidget *bar;

  v21_window_open_file (window, file);
  g_assert_true (gui_test_wait_for (shows_loading, window));
  bar = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR, NULL);
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_get_mapped (bar));
  g_assert_true (gui_test_wait_for (not_loading, window));
  gui_test_spin (50);
  g_assert_cmpstr (_v21_window_get_page (window), ==, "workshop");
  g_assert_cmpuint (v21_collection_get_n (v21_workshop_get_collection (v21_window_get_workshop (window), "cards")),
                    ==, 150 * 41);
  gui_test_destroy_window (GTK_WINDOW (window));
}

/* Cancel, while it loads: nothing opens, the welcome page is back. */
static void
test_open_cancel (void)
{
  g_autoptr(GFile) file = write_large_workshop ();
  V21Window *window = new_window ();
  GtkWidget *cancel;

  v21_window_open_file (window, file);
  g_assert_true (gui_test_wait_for (shows_loading, window));
  cancel = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Cancel");
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");
  g_assert_true (gui_test_wait_for (not_loading, window));
  gui_test_spin (50);
  g_assert_cmpstr (_v21_window_get_page (window), ==, "welcome");
  g_assert_null (v21_window_get_workshop (window));
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gui_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closing with changes asks; Save writes the file (in a worker), then closes. */
static void
test_close_save (void)
{
  g_autoptr(GFile) file = NULL;
  V21Window *window = open_demo_copy (&file);
  g_autoptr(V21Workshop) reread = NULL;
  GtkWindow *dialog;

  set_title (window, "Enregistré en fermant");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  gui_test_spin (50);
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_destroy (dialog);
  g_assert_true (gui_test_wait_for (window_gone, &window));
  reread = v21_workshop_load_file (file, NULL, NULL);
  g_assert_nonnull (reread);
  g_assert_cmpstr (v21_workshop_get_title (reread), ==, "Enregistré en fermant");
}

static gboolean
is_saved (gpointer workshop)
{
  return !v21_workshop_get_modified (workshop);
}

/* Ctrl+S: written in a worker, then the workshop is marked saved. */
static void
test_save (void)
{
  g_autoptr(GFile) file = NULL;
  V21Window *window = open_demo_copy (&file);
  V21Workshop *workshop = v21_window_get_workshop (window);
  g_autoptr(V21Workshop) reread = NULL;

  set_title (window, "Enregistré");
  g_assert_true (v21_workshop_get_modified (workshop));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (gui_test_wait_for (is_saved, workshop));
  reread = v21_workshop_load_file (file, NULL, NULL);
  g_assert_cmpstr (v21_workshop_get_title (reread), ==, "Enregistré");
  gui_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
recovery_written (gpointer document)
{
  g_autoptr(GFile) recovery = v21_autosave_get_recovery_file (v21_document_get_autosave (document));

  return g_file_query_exists (recovery, NULL);
}

/* A change is in the recovery file once the debounce delay (2 s) is over,
 * without waiting for the interval (30 s). */
static void
test_autosave_debounce (void)
{
  V21Window *window = open_demo_copy (NULL);
  V21Document *document = v21_window_get_document (window);
  g_autoptr(GFile) recovery = v21_autosave_get_recovery_file (v21_document_get_autosave (document));
  g_autoptr(V21Workshop) restored = NULL;

  set_title (window, "Gardé au bout de deux secondes");
  g_assert_false (g_file_query_exists (recovery, NULL));
  g_assert_true (gui_test_wait_for (recovery_written, document));
  restored = v21_workshop_load_file (recovery, NULL, NULL);
  g_assert_cmpstr (v21_workshop_get_title (restored), ==, "Gardé au bout de deux secondes");
  gui_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
banner_shown (gpointer window)
{
  return gtk_revealer_get_reveal_child (_v21_window_get_autosave_banner (window));
}

static gboolean
banner_hidden (gpointer window)
{
  return !banner_shown (window);
}

static char *
recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "visions21", "recovery", NULL);
}

/* The recovery folder cannot be made (a file is in its way): the window says
 * so, and keeps saying it until a save works. */
static void
test_autosave_banner (void)
{
  g_autofree char *dir = recovery_dir ();
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  V21Window *window = open_demo_copy (NULL);
  V21Document *document = v21_window_get_document (window);
  GtkWidget *label;

  gui_test_remove_tree (dir_file);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (dir, "in the way", -1, &error);
  g_assert_no_error (error);
  v21_autosave_set_idle_delay (v21_document_get_autosave (document), 10);
  g_assert_false (banner_shown (window));

  set_title (window, "Pas de dossier de récupération");
  g_assert_true (gui_test_wait_for (banner_shown, window));
  label = gui_test_find_widget (GTK_WIDGET (_v21_window_get_autosave_banner (window)), GTK_TYPE_LABEL, NULL);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), dir));
  gui_test_spin (100);
  g_assert_true (banner_shown (window));

  g_unlink (dir);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (gui_test_wait_for (banner_hidden, window));
  gui_test_destroy_window (GTK_WINDOW (window));
}

/* The session ends (the session manager asks "query-end" before logging out or
 * shutting down): the unsaved change is in the recovery file at once, though
 * the debounce is ten minutes away, and the window stays open. */
static void
test_query_end (void)
{
  V21Window *window = open_demo_copy (NULL);
  V21Document *document = v21_window_get_document (window);
  g_autoptr(GFile) recovery = v21_autosave_get_recovery_file (v21_document_get_autosave (document));
  g_autoptr(V21Workshop) restored = NULL;

  v21_autosave_set_idle_delay (v21_document_get_autosave (document), 600000);
  set_title (window, "Gardé avant la fin de session");
  gui_test_spin (50);
  g_assert_false (g_file_query_exists (recovery, NULL));
  g_signal_emit_by_name (gui_test_get_application (), "query-end");
  restored = v21_workshop_load_file (recovery, NULL, NULL);
  g_assert_nonnull (restored);
  g_assert_cmpstr (v21_workshop_get_title (restored), ==, "Gardé avant la fin de session");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  gui_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
no_window (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (gui_test_get_application ())) == NULL;
}

/* In a child process: SIGTERM writes the unsaved change to the recovery file
 * (though the debounce is ten minutes away) and closes the window. */
static void
sigterm_child (void)
{
  V21Window *window = open_demo_copy (NULL);
  V21Document *document = v21_window_get_document (window);
  g_autoptr(GFile) recovery = v21_autosave_get_recovery_file (v21_document_get_autosave (document));
  g_autoptr(V21Workshop) restored = NULL;

  v21_autosave_set_idle_delay (v21_document_get_autosave (document), 600000);
  set_title (window, "Gardé malgré SIGTERM");
  gui_test_spin (50);
  g_assert_false (g_file_query_exists (recovery, NULL));
  kill (getpid (), SIGTERM);
  g_assert_true (gui_test_wait_for (no_window, NULL));
  restored = v21_workshop_load_file (recovery, NULL, NULL);
  g_assert_nonnull (restored);
  g_assert_cmpstr (v21_workshop_get_title (restored), ==, "Gardé malgré SIGTERM");
}

static void
test_sigterm (void)
{
  if (g_test_subprocess ())
    {
      sigterm_child ();
      return;
    }
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv, "document", GUI_TEST_NEEDS_DISPLAY))
    return gui_test_run ();

  g_test_add_func ("/gui/document/open-large", test_open_large);
  g_test_add_func ("/gui/document/open-cancel", test_open_cancel);
  g_test_add_func ("/gui/document/save", test_save);
  g_test_add_func ("/gui/document/close-save", test_close_save);
  g_test_add_func ("/gui/document/autosave-debounce", test_autosave_debounce);
  g_test_add_func ("/gui/document/autosave-banner", test_autosave_banner);
  g_test_add_func ("/gui/document/query-end", test_query_end);
  g_test_add_func ("/gui/document/sigterm", test_sigterm);
  return gui_test_run ();
}
