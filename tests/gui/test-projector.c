/* test-projector.c — the projector window, the presenter console, the shortcuts
 *
 * The pictures are checked offscreen at 1920×1080 through v21_session_draw(),
 * the function both the projector window and the console's thumbnail call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>

#include "gui-test-util.h"
#include "v21-application.h"
#include "v21-live-page.h"
#include "v21-projector-page.h"
#include "v21-projector-window.h"
#include "v21-session.h"
#include "v21-window.h"
#include "v21-window-private.h"

#define WIDTH 1920
#define HEIGHT 1080

typedef struct
{
  V21Window   *window;
  V21Workshop *workshop;
  V21Session  *session;
  GtkWidget   *entry;
} Run;

/* The demo open on the live page, its capture line focused. */
static void
run_open (Run *run)
{
  g_autoptr(GFile) file = gui_test_copy_demo ();
  GtkWidget *page;

  run->window = v21_window_new (gui_test_get_application ());
  gtk_window_set_default_size (GTK_WINDOW (run->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (run->window));
  gui_test_open_file (run->window, file);
  run->workshop = v21_window_get_workshop (run->window);
  run->session = v21_session_get (run->workshop);
  page = _v21_window_get_section (run->window, "live");
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (page)), page);
  gui_test_spin (200);
  run->entry = gui_test_find_widget (page, GTK_TYPE_ENTRY, NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (run->window)), run->entry));
}

static void
run_close (Run *run)
{
  V21Window *window = run->window;

  v21_session_set_projecting (run->session, FALSE);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_spin (100);
  g_assert_null (window);
}

static cairo_surface_t *
picture (V21Session *session)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  v21_session_draw (session, cr, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  unsigned char *da = cairo_image_surface_get_data (a);
  unsigned char *db = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  guint n = 0;

  for (int y = 0; y < HEIGHT; y += 2)
    for (int x = 0; x < WIDTH; x += 2)
      n += (*(guint32 *) (da + y * stride + x * 4) & 0xffffff) != (*(guint32 *) (db + y * stride + x * 4) & 0xffffff);
  return n;
}

static gboolean
all_black (cairo_surface_t *surface)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < HEIGHT; y += 5)
    for (int x = 0; x < WIDTH; x += 5)
      if ((*(guint32 *) (data + y * stride + x * 4) & 0xffffff) != 0)
        return FALSE;
  return TRUE;
}

/* The pixels @window shows, rendered as GTK renders it on screen. */
static GBytes *
window_pixels (GtkWindow *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  guchar *data;

  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, data, width * 4);
  return g_bytes_new_take (data, (gsize) width * height * 4);
}

/* The real window shows every scene, in both styles, without a warning; each
 * scene shows something else. */
static void
test_window_scenes (void)
{
  Run run;
  GtkWindow *projector;
  g_autoptr(GBytes) previous = NULL;

  run_open (&run);
  v21_session_set_projecting (run.session, TRUE);
  gui_test_spin (200);
  projector = v21_session_get_projector (run.session);
  g_assert_true (V21_IS_PROJECTOR_WINDOW (projector));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (projector)));
  g_assert_false (gtk_window_get_decorated (projector));
  g_assert_null (gtk_window_get_titlebar (projector));
  g_assert_false (gtk_widget_get_focusable (gtk_window_get_child (projector)));
  for (int dark = 0; dark < 2; dark++)
    for (V21Scene scene = 0; scene < V21_N_SCENES; scene++)
      {
        g_autoptr(GBytes) shown = NULL;

        v21_session_set_dark (run.session, dark);
        v21_session_set_scene (run.session, scene);
        gui_test_spin (60);
        /* What the room sees changes with each scene and style. */
        shown = window_pixels (projector);
        g_assert_nonnull (shown);
        if (previous != NULL && g_bytes_equal (previous, shown))
          g_error ("the projector shows the same picture for scene %d (%s) as before it",
                   scene, dark ? "dark" : "light");
        g_clear_pointer (&previous, g_bytes_unref);
        previous = g_steal_pointer (&shown);
      }
  v21_session_set_projecting (run.session, FALSE);
  gui_test_spin (50);
  g_assert_null (v21_session_get_projector (run.session));
  run_close (&run);
}

static void
test_black_and_freeze (void)
{
  Run run;
  cairo_surface_t *title, *black, *frozen, *board;

  run_open (&run);
  v21_session_set_scene (run.session, V21_SCENE_TITLE);
  title = picture (run.session);
  g_assert_false (all_black (title));

  v21_session_set_black (run.session, TRUE);
  black = picture (run.session);
  g_assert_true (all_black (black));
  v21_session_set_black (run.session, FALSE);

  /* Frozen, the title stays while the facilitator goes to the board. */
  v21_session_set_frozen (run.session, TRUE);
  v21_session_set_scene (run.session, V21_SCENE_BOARD);
  frozen = picture (run.session);
  g_assert_cmpuint (count_differences (title, frozen), ==, 0);
  v21_session_set_frozen (run.session, FALSE);
  board = picture (run.session);
  g_assert_cmpuint (count_differences (title, board), >, 1000);

  cairo_surface_destroy (title);
  cairo_surface_destroy (black);
  cairo_surface_destroy (frozen);
  cairo_surface_destroy (board);
  run_close (&run);
}

/* Each shortcut, sent while the capture line has the focus; typing still types. */
static void
test_shortcuts (void)
{
  Run run;
  V21Record *sequence, *round;
  V21SessionTimer *timer;
  gboolean revealed;

  run_open (&run);
  gui_test_send_keysym (run.entry, XK_F5, 0);
  gui_test_spin (100);
  g_assert_true (v21_session_get_projecting (run.session));
  /* The projector takes no focus: the keys still reach the main window. */
  gtk_window_present (GTK_WINDOW (run.window));
  gui_test_spin (100);

  gui_test_send_keysym (run.entry, XK_b, ControlMask);
  g_assert_true (v21_session_get_black (run.session));
  gui_test_send_keysym (run.entry, XK_b, ControlMask);
  g_assert_false (v21_session_get_black (run.session));

  gui_test_send_keysym (run.entry, XK_F, ControlMask | ShiftMask);
  g_assert_true (v21_session_get_frozen (run.session));
  gui_test_send_keysym (run.entry, XK_F, ControlMask | ShiftMask);
  g_assert_false (v21_session_get_frozen (run.session));

  sequence = v21_session_get_sequence (run.session);
  g_assert_nonnull (v21_sequence_previous (run.workshop, sequence));
  gui_test_send_keysym (run.entry, XK_Page_Up, ControlMask);
  g_assert_true (v21_session_get_sequence (run.session) == v21_sequence_previous (run.workshop, sequence));
  gui_test_send_keysym (run.entry, XK_Page_Down, ControlMask);
  g_assert_true (v21_session_get_sequence (run.session) == sequence);

  round = v21_session_get_round (run.session);
  g_assert_nonnull (round);
  revealed = v21_record_get_bool (round, "revealed");
  g_assert_false (revealed);
  gui_test_send_keysym (run.entry, XK_r, ControlMask);
  g_assert_true (v21_record_get_bool (round, "revealed"));
  /* Hiding revealed results is asked first. */
  gui_test_send_keysym (run.entry, XK_r, ControlMask);
  g_assert_true (v21_record_get_bool (round, "revealed"));
  {
    GtkWindow *dialog = NULL;

    for (guint i = 0; i < 50 && dialog == NULL; i++)
      {
        gui_test_spin (20);
        dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
      }
    g_assert_nonnull (dialog);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "hide");
    gtk_window_destroy (dialog);
  }
  g_assert_false (v21_record_get_bool (round, "revealed"));
  gtk_widget_grab_focus (run.entry);

  timer = v21_session_get_timer (run.session, NULL);
  g_assert_false (timer->timer.running);
  gui_test_send_keysym (run.entry, XK_T, ControlMask | ShiftMask);
  g_assert_true (timer->timer.running);
  gui_test_send_keysym (run.entry, XK_T, ControlMask | ShiftMask);
  g_assert_false (timer->timer.running);

  gtk_editable_set_text (GTK_EDITABLE (run.entry), "");
  gui_test_type_text (run.entry, "brft");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (run.entry)), ==, "brft");
  gtk_editable_set_text (GTK_EDITABLE (run.entry), "");

  gui_test_send_keysym (run.entry, XK_F5, 0);
  gui_test_spin (100);
  g_assert_false (v21_session_get_projecting (run.session));
  run_close (&run);
}

/* Keys pressed while the projector window has the focus (a click on it, a
 * window manager focusing a new window) still reach the main window. */
static void
test_keys_on_projector (void)
{
  Run run;
  GtkWidget *projector;
  V21Record *sequence;

  run_open (&run);
  v21_session_set_projecting (run.session, TRUE);
  gui_test_spin (200);
  projector = GTK_WIDGET (v21_session_get_projector (run.session));
  g_assert_nonnull (projector);
  gui_test_send_keysym (projector, XK_b, ControlMask);
  g_assert_true (v21_session_get_black (run.session));
  sequence = v21_session_get_sequence (run.session);
  gui_test_send_keysym (projector, XK_Page_Up, ControlMask);
  g_assert_true (v21_session_get_sequence (run.session) == v21_sequence_previous (run.workshop, sequence));
  /* Typing there types nothing anywhere. */
  gui_test_type_text (projector, "abc");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (run.entry)), ==, "");
  gui_test_send_keysym (projector, XK_F5, 0);
  gui_test_spin (100);
  g_assert_false (v21_session_get_projecting (run.session));
  run_close (&run);
}

static GtkWidget *
open_console (Run *run)
{
  GtkWidget *page;

  run_open (run);
  page = _v21_window_get_section (run->window, "projector");
  g_assert_nonnull (page);
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (page)), page);
  gui_test_spin (200);
  return page;
}

/* The console switches every scene, and says where the run sheet stands. */
static void
test_console (void)
{
  Run run;
  GtkWidget *page = open_console (&run);
  V21Record *sequence = v21_workshop_lookup (run.workshop, "seq-d1-05");
  gboolean late;
  g_autofree char *drift = NULL;

  static const char * const labels[V21_N_SCENES] = {
    "Title", "Sequence", "Board", "Voting", "Diagram", "Heat map", "Black",
  };

  for (V21Scene scene = 0; scene < V21_N_SCENES; scene++)
    {
      GtkWidget *button = gui_test_find_widget (page, GTK_TYPE_TOGGLE_BUTTON, labels[scene]);

      g_assert_nonnull (button);
      g_signal_emit_by_name (button, "clicked");
      gui_test_spin (30);
      g_assert_cmpint ((v21_session_get_black (run.session) ? V21_SCENE_BLACK : v21_session_get_scene (run.session)),
                       ==, scene);
    }
  /* The demo's days are past: the console says how long the sequence took. */
  v21_session_set_sequence (run.session, sequence);
  gui_test_spin (30);
  drift = v21_session_describe_drift (run.session, &late);
  g_assert_cmpstr (drift, ==, "Took 63 min, planned 60");
  g_assert_nonnull (gui_test_find_by_text (page, drift, TRUE));
  run_close (&run);
}

/* The votes scene shows the round chosen in the console, the diagram the
 * scenario chosen; each choice changes what the room sees. */
static void
test_console_choices (void)
{
  Run run;
  GtkWidget *page = open_console (&run);
  GtkDropDown *rounds = GTK_DROP_DOWN (gui_test_find_by_text (page, "Vote round shown", FALSE));
  GtkDropDown *scenarios = GTK_DROP_DOWN (gui_test_find_by_text (page, "Trajectories shown: one scenario or all", FALSE));
  V21Record *last = v21_collection_get (v21_workshop_get_collection (run.workshop, "vote_rounds"), 1);
  V21Record *scenario = v21_collection_get (v21_workshop_get_collection (run.workshop, "scenarios"), 0);
  cairo_surface_t *before, *after;

  g_assert_nonnull (rounds);
  g_assert_nonnull (scenarios);
  v21_session_set_sequence (run.session, v21_workshop_lookup (run.workshop, "seq-d1-05"));
  v21_session_set_scene (run.session, V21_SCENE_VOTES);
  gui_test_spin (50);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (rounds)));
  g_assert_cmpuint (gtk_drop_down_get_selected (rounds), ==, 0);
  before = picture (run.session);
  gtk_drop_down_set_selected (rounds, 2);
  gui_test_spin (50);
  g_assert_true (v21_session_get_round (run.session) == last);
  after = picture (run.session);
  g_assert_cmpuint (count_differences (before, after), >, 1000);
  cairo_surface_destroy (after);
  gtk_drop_down_set_selected (rounds, 0);
  gui_test_spin (50);
  g_assert_null (v21_session_get_chosen_round (run.session));
  after = picture (run.session);
  g_assert_cmpuint (count_differences (before, after), ==, 0);
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);

  v21_session_set_scene (run.session, V21_SCENE_DIAGRAM);
  gui_test_spin (50);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (scenarios)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (rounds)));
  before = picture (run.session);
  gtk_drop_down_set_selected (scenarios, 1);
  gui_test_spin (50);
  g_assert_cmpstr (v21_session_get_scenario (run.session), ==, v21_record_get_id (scenario));
  after = picture (run.session);
  g_assert_cmpuint (count_differences (before, after), >, 1000);
  /* Chosen elsewhere, the console follows. */
  v21_session_set_scenario (run.session, NULL);
  gui_test_spin (50);
  g_assert_cmpuint (gtk_drop_down_get_selected (scenarios), ==, 0);
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  run_close (&run);
}

/* A board too full for one screen has pages, turned from the console. */
static void
test_console_pages (void)
{
  Run run;
  GtkWidget *page = open_console (&run);
  GtkWidget *next = gui_test_find_by_text (page, "Next page of the board", FALSE);
  GtkWidget *previous = gui_test_find_by_text (page, "Previous page of the board", FALSE);
  cairo_surface_t *first, *second;
  guint n_pages;

  v21_session_set_sequence (run.session, v21_workshop_lookup (run.workshop, "seq-d1-05"));
  v21_session_set_scene (run.session, V21_SCENE_BOARD);
  gui_test_spin (50);
  n_pages = v21_session_get_n_pages (run.session);
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_false (gtk_widget_get_sensitive (previous));
  first = picture (run.session);
  g_signal_emit_by_name (next, "clicked");
  gui_test_spin (50);
  g_assert_cmpuint (v21_session_get_page (run.session), ==, 1);
  g_assert_true (gtk_widget_get_sensitive (previous));
  second = picture (run.session);
  g_assert_cmpuint (count_differences (first, second), >, 1000);
  for (guint i = 0; i < n_pages + 2; i++)
    g_signal_emit_by_name (next, "clicked");
  gui_test_spin (50);
  g_assert_cmpuint (v21_session_get_page (run.session), ==, n_pages - 1);
  g_assert_false (gtk_widget_get_sensitive (next));
  /* On the last page, the projector follows the cards coming in. */
  for (guint i = 0; v21_session_get_n_pages (run.session) == n_pages; i++)
    {
      json_object *fields = json_object_new_object ();
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (i, <, 40);
      json_object_object_add (fields, "text", json_object_new_string ("Une carte de plus, assez longue pour prendre deux lignes"));
      json_object_object_add (fields, "sequence", json_object_new_string ("seq-d1-05"));
      json_object_object_add (fields, "kind", json_object_new_string ("issue"));
      g_assert_nonnull (v21_workshop_insert (run.workshop, "cards", -1, fields, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (v21_session_get_page (run.session), ==, n_pages);
  /* Elsewhere, it stays on its page. */
  v21_session_set_page (run.session, 0);
  v21_workshop_undo (run.workshop);
  g_assert_cmpuint (v21_session_get_page (run.session), ==, 0);
  /* Another sequence starts on its first page. */
  v21_session_go_next (run.session);
  g_assert_cmpuint (v21_session_get_page (run.session), ==, 0);
  cairo_surface_destroy (first);
  cairo_surface_destroy (second);
  run_close (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  if (!gui_test_init (&argc, &argv, "projector", GUI_TEST_NEEDS_XTEST))
    return gui_test_run ();

  g_test_add_func ("/gui/projector/window-scenes", test_window_scenes);
  g_test_add_func ("/gui/projector/black-and-freeze", test_black_and_freeze);
  g_test_add_func ("/gui/projector/shortcuts", test_shortcuts);
  g_test_add_func ("/gui/projector/keys-on-projector", test_keys_on_projector);
  g_test_add_func ("/gui/projector/console", test_console);
  g_test_add_func ("/gui/projector/console-choices", test_console_choices);
  g_test_add_func ("/gui/projector/console-pages", test_console_pages);
  return gui_test_run ();
}
