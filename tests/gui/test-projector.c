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
  GtkWidget *next = gui_test_find_by_text (page, "Next page of the board (Alt+Page Down)", FALSE);
  GtkWidget *previous = gui_test_find_by_text (page, "Previous page of the board (Alt+Page Up)", FALSE);
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

/* The scenes on Ctrl+F1…F7 and the board's pages on Alt+Page Up/Down, sent
 * while the capture line has the focus: they never take its Ctrl+digit (the
 * kind) or Alt+digit (the table), and typing still types. */
static void
test_console_keys (void)
{
  Run run;
  GtkWidget *live;
  guint n_pages;

  run_open (&run);
  live = _v21_window_get_section (run.window, "live");
  for (V21Scene scene = 0; scene < V21_N_SCENES; scene++)
    {
      gui_test_send_keysym (run.entry, XK_F1 + scene, ControlMask);
      g_assert_cmpint ((v21_session_get_black (run.session) ? V21_SCENE_BLACK : v21_session_get_scene (run.session)),
                       ==, scene);
    }
  /* The capture line's keys still choose the kind and the table, not a scene. */
  v21_session_set_scene (run.session, V21_SCENE_BOARD);
  gui_test_send_keysym (run.entry, XK_2, ControlMask);
  g_assert_cmpstr (v21_live_page_get_kind (V21_LIVE_PAGE (live)), ==, "threat");
  gui_test_send_keysym (run.entry, XK_1, Mod1Mask);
  g_assert_nonnull (v21_live_page_get_table (V21_LIVE_PAGE (live)));
  g_assert_cmpint (v21_session_get_scene (run.session), ==, V21_SCENE_BOARD);
  g_assert_false (v21_session_get_black (run.session));

  v21_session_set_sequence (run.session, v21_workshop_lookup (run.workshop, "seq-d1-05"));
  v21_session_set_scene (run.session, V21_SCENE_BOARD);
  n_pages = v21_session_get_n_pages (run.session);
  g_assert_cmpuint (n_pages, >, 2);
  gui_test_send_keysym (run.entry, XK_Page_Down, Mod1Mask);
  gui_test_send_keysym (run.entry, XK_Page_Down, Mod1Mask);
  g_assert_cmpuint (v21_session_get_page (run.session), ==, 2);
  gui_test_send_keysym (run.entry, XK_Page_Up, Mod1Mask);
  g_assert_cmpuint (v21_session_get_page (run.session), ==, 1);
  /* The sequence did not move. */
  g_assert_cmpstr (v21_record_get_id (v21_session_get_sequence (run.session)), ==, "seq-d1-05");

  gtk_editable_set_text (GTK_EDITABLE (run.entry), "");
  gui_test_type_text (run.entry, "abc");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (run.entry)), ==, "abc");
  gtk_editable_set_text (GTK_EDITABLE (run.entry), "");
  run_close (&run);
}

static gboolean
label_shows (GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = gui_test_find_by_text (root, text, TRUE);

  return label != NULL && gtk_widget_is_drawable (label);
}

/* The console says in words and colour whether the timer runs, shows the
 * black screen and the freeze in capitals, the time now and when the day
 * ends, pushed back when the run is late (a rehearsal counts from its start). */
static void
test_console_state (void)
{
  Run run;
  GtkWidget *page = open_console (&run);
  V21SessionTimer *timer;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = g_date_time_format (now, "%H:%M");
  GtkWidget *state;

  v21_session_set_sequence (run.session, v21_workshop_lookup (run.workshop, "seq-d1-05"));
  gui_test_spin (30);
  g_assert_true (label_shows (page, "Not started"));
  /* Seminar days to come (March 2027): nothing started today, no drift yet. */
  g_assert_true (label_shows (page, "End of the day planned at 17:30"));
  g_assert_nonnull (gui_test_find_widget (page, GTK_TYPE_BUTTON, "_Start"));

  gui_test_send_keysym (page, XK_T, ControlMask | ShiftMask);
  timer = v21_session_get_timer (run.session, NULL);
  g_assert_true (timer->timer.running);
  state = gui_test_find_by_text (page, "Running", TRUE);
  g_assert_nonnull (state);
  g_assert_true (gtk_widget_has_css_class (state, "success"));
  g_assert_nonnull (gui_test_find_widget (page, GTK_TYPE_BUTTON, "_Pause"));
  /* Started now, the rehearsal is on time; five more minutes put it late. */
  g_assert_true (label_shows (page, "End of the day planned at 17:30"));
  g_assert_true (label_shows (page, "On time"));
  v21_timer_add (&timer->timer, 5);
  v21_session_timer_changed (run.session);
  gui_test_spin (30);
  g_assert_true (label_shows (page, "5 min late"));
  g_assert_true (label_shows (page, "End of the day 17:35 (planned 17:30)"));

  gui_test_send_keysym (page, XK_T, ControlMask | ShiftMask);
  state = gui_test_find_by_text (page, "Paused", TRUE);
  g_assert_nonnull (state);
  g_assert_true (gtk_widget_has_css_class (state, "warning"));
  g_assert_false (gtk_widget_has_css_class (state, "success"));
  g_assert_nonnull (gui_test_find_widget (page, GTK_TYPE_BUTTON, "Res_ume"));

  /* The clock (allow for the minute turning during the test). */
  {
    g_autoptr(GDateTime) later = g_date_time_new_now_local ();
    g_autofree char *clock2 = g_date_time_format (later, "%H:%M");

    g_assert_true (label_shows (page, clock) || label_shows (page, clock2));
  }

  g_assert_false (label_shows (page, "BLACK"));
  gui_test_send_keysym (page, XK_b, ControlMask);
  g_assert_true (label_shows (page, "BLACK"));
  gui_test_send_keysym (page, XK_b, ControlMask);
  g_assert_false (label_shows (page, "BLACK"));
  gui_test_send_keysym (page, XK_F, ControlMask | ShiftMask);
  g_assert_true (label_shows (page, "FROZEN"));
  gui_test_send_keysym (page, XK_F, ControlMask | ShiftMask);
  g_assert_false (label_shows (page, "FROZEN"));
  run_close (&run);
}

/* The live page's rest of the day: a rehearsal started now is on time; ten
 * minutes more push every later time back by ten minutes, live. */
static void
test_live_day_plan (void)
{
  Run run;
  GtkWidget *live;
  V21SessionTimer *timer;

  run_open (&run);
  live = _v21_window_get_section (run.window, "live");
  /* seq-d1-03: 09:45 for 90 min; then the break at 11:15 and the vote at 11:30. */
  v21_session_set_sequence (run.session, v21_workshop_lookup (run.workshop, "seq-d1-03"));
  gui_test_spin (50);
  g_assert_true (label_shows (live, "Rest of the day"));
  g_assert_true (label_shows (live, "11:15"));
  g_assert_true (label_shows (live, "11:30"));
  g_assert_true (label_shows (live, "End of the day planned at 17:30"));
  g_assert_false (label_shows (live, "11:25"));

  gui_test_send_keysym (run.entry, XK_T, ControlMask | ShiftMask);
  gui_test_send_keysym (run.entry, XK_F6, 0);   /* five more minutes */
  gui_test_send_keysym (run.entry, XK_F6, 0);
  timer = v21_session_get_timer (run.session, NULL);
  g_assert_true (timer->timer.running);
  gui_test_spin (300);
  g_assert_true (label_shows (live, "10 min late"));
  g_assert_true (label_shows (live, "11:15"));   /* planned, struck out */
  g_assert_true (gtk_widget_has_css_class (gui_test_find_by_text (live, "11:15", TRUE), "v21-plan-moved"));
  g_assert_true (label_shows (live, "11:25"));
  g_assert_true (label_shows (live, "11:40"));
  g_assert_true (label_shows (live, "End of the day 17:40 (planned 17:30)"));
  gui_test_send_keysym (run.entry, XK_T, ControlMask | ShiftMask);
  run_close (&run);
}

static gboolean
has_focus_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static GtkPopover *
open_new_round (GtkWidget *votes)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (gui_test_find_widget (votes, GTK_TYPE_MENU_BUTTON, NULL));
  GtkPopover *popover;

  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  gui_test_spin (100);
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  return popover;
}

static GtkDropDown *
dropdown (GtkWidget  *root,
          const char *tooltip)
{
  GtkWidget *widget = gui_test_find_by_text (root, tooltip, FALSE);

  g_assert_true (GTK_IS_DROP_DOWN (widget));
  return GTK_DROP_DOWN (widget);
}

static gboolean
dropdown_lists (GtkDropDown *dropdown,
                const char  *name)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name) == 0)
      return TRUE;
  return FALSE;
}

/* The new vote round by keys: Enter creates it from any field, on a
 * cluster's cards, the current sequence's, or cards ticked in a list; the
 * count entry then has the focus; a points round says points; the
 * facilitator and observers are not offered as voters. */
static void
test_new_round_keys (void)
{
  Run run;
  GtkWidget *votes;
  GtkPopover *popover;
  V21Collection *rounds;
  V21Record *round;
  GtkWidget *count, *title, *spin, *check;
  GtkDropDown *voter;
  guint n;

  run_open (&run);
  votes = _v21_window_get_section (run.window, "votes");
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (votes)), votes);
  gui_test_spin (200);
  rounds = v21_workshop_get_collection (run.workshop, "vote_rounds");
  n = v21_collection_get_n (rounds);
  count = gui_test_find_by_text (votes, "Type the count, Enter goes to the next line; Up and Down move.", TRUE);
  count = gtk_widget_get_prev_sibling (count);
  g_assert_true (GTK_IS_ENTRY (count));

  /* A cluster's cards, in points, Enter in the budget field. */
  popover = open_new_round (votes);
  title = gui_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_ENTRY, NULL);
  gtk_widget_grab_focus (title);
  gui_test_type_text (title, "Eau");
  gtk_drop_down_set_selected (dropdown (GTK_WIDGET (popover), "What the round is on"), 2);
  gui_test_spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dropdown (GTK_WIDGET (popover), "Cluster whose cards are voted on"))));
  gtk_drop_down_set_selected (dropdown (GTK_WIDGET (popover), "Cluster whose cards are voted on"), 0);
  gtk_drop_down_set_selected (dropdown (GTK_WIDGET (popover), "Dots or points"), 1);
  spin = gui_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (spin), ==, "Points per voter");
  gtk_widget_grab_focus (spin);
  gui_test_send_keysym (spin, XK_Return, 0);
  gui_test_spin (200);
  g_assert_cmpuint (v21_collection_get_n (rounds), ==, n + 1);
  round = v21_collection_get (rounds, n);
  g_assert_cmpstr (v21_record_get_string (round, "title"), ==, "Eau");
  g_assert_cmpuint (json_object_array_length (v21_record_get_value (round, "targets")), ==, 4);   /* cl01's cards */
  g_assert_cmpstr (v21_record_get_string (round, "method"), ==, "points");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (has_focus_in (count));
  /* People vote, not the facilitator nor the observers. */
  voter = dropdown (votes, "Whose votes are entered");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (voter)), ==, 1 + 35);
  g_assert_true (dropdown_lists (voter, "Julien Marchais"));
  g_assert_false (dropdown_lists (voter, "Claire Fontanel"));
  g_assert_false (dropdown_lists (voter, "Hélène Rouvière"));
  gtk_drop_down_set_selected (voter, 1);
  gui_test_spin (50);
  g_assert_true (label_shows (votes, "0 of 5 points given"));

  /* The current sequence's cards (seq-d1-05 has two), Enter in the title. */
  v21_session_set_sequence (run.session, v21_workshop_lookup (run.workshop, "seq-d1-05"));
  popover = open_new_round (votes);
  gtk_drop_down_set_selected (dropdown (GTK_WIDGET (popover), "What the round is on"), 3);
  gui_test_spin (50);
  g_assert_true (label_shows (GTK_WIDGET (popover), "2 cards of “Regroupement des enjeux et vote sur les priorités”"));
  gtk_widget_grab_focus (title);
  gui_test_send_keysym (title, XK_Return, 0);
  gui_test_spin (200);
  g_assert_cmpuint (v21_collection_get_n (rounds), ==, n + 2);
  round = v21_collection_get (rounds, n + 1);
  g_assert_cmpuint (json_object_array_length (v21_record_get_value (round, "targets")), ==, 2);
  g_assert_cmpstr (v21_record_get_string (round, "sequence"), ==, "seq-d1-05");
  g_assert_true (has_focus_in (count));

  /* Chosen cards: none ticked is refused; one ticked with Space, Enter. */
  popover = open_new_round (votes);
  gtk_drop_down_set_selected (dropdown (GTK_WIDGET (popover), "What the round is on"), 4);
  gui_test_spin (100);
  gtk_widget_grab_focus (title);
  gui_test_send_keysym (title, XK_Return, 0);
  gui_test_spin (100);
  g_assert_cmpuint (v21_collection_get_n (rounds), ==, n + 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  check = gui_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  gtk_widget_grab_focus (check);
  gui_test_send_keysym (check, XK_space, 0);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (label_shows (GTK_WIDGET (popover), "1 card chosen"));
  gui_test_send_keysym (check, XK_Return, 0);
  gui_test_spin (200);
  g_assert_cmpuint (v21_collection_get_n (rounds), ==, n + 3);
  round = v21_collection_get (rounds, n + 2);
  g_assert_cmpuint (json_object_array_length (v21_record_get_value (round, "targets")), ==, 1);
  g_assert_cmpstr (v21_record_get_string (round, "title"), ==, "Vote round 5");   /* none typed */
  g_assert_true (has_focus_in (count));
  run_close (&run);
}

/* The preview of the next scene is the projector's picture once the next
 * sequence shows; under the black screen, the picture black hides. */
static void
test_console_next (void)
{
  Run run;
  GtkWidget *page = open_console (&run);
  cairo_surface_t *preview = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_surface_t *shown, *live;
  cairo_t *cr;

  v21_session_set_sequence (run.session, v21_workshop_lookup (run.workshop, "seq-d1-03"));
  v21_session_set_scene (run.session, V21_SCENE_SEQUENCE);
  gui_test_spin (30);
  g_assert_true (label_shows (page, "Next sequence (Ctrl+Page Down): Pause"));
  cr = cairo_create (preview);
  v21_session_draw_next (run.session, cr, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (preview);
  live = picture (run.session);
  g_assert_cmpuint (count_differences (preview, live), >, 1000);
  v21_session_go_next (run.session);
  shown = picture (run.session);
  g_assert_cmpuint (count_differences (preview, shown), ==, 0);
  cairo_surface_destroy (shown);

  /* Black: the preview is the live picture under it. */
  v21_session_set_black (run.session, TRUE);
  gui_test_spin (30);
  g_assert_true (label_shows (page, "Under the black screen (Ctrl+B)"));
  cr = cairo_create (preview);
  v21_session_draw_next (run.session, cr, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (preview);
  g_assert_false (all_black (preview));
  v21_session_set_black (run.session, FALSE);
  shown = picture (run.session);
  g_assert_cmpuint (count_differences (preview, shown), ==, 0);
  cairo_surface_destroy (shown);
  cairo_surface_destroy (live);
  cairo_surface_destroy (preview);
  run_close (&run);
}

static void
count_time_up (guint *n)
{
  (*n)++;
}

static gboolean
alert_lit (gpointer data)
{
  return gtk_widget_has_css_class (data, "v21-alert");
}

static gboolean
session_lit (gpointer data)
{
  return v21_session_get_alert_lit (data);
}

static gboolean
alert_over (gpointer data)
{
  return !v21_session_get_alerting (data);
}

/* The end of time: one "time-up", the console's picture flashes, the
 * projector's picture gets a frame in the warning colour, then both stop.
 * The sound is off in the settings here, and never needed. */
static void
test_time_up (void)
{
  Run run;
  GtkWidget *page = open_console (&run);
  GtkWidget *frame = gui_test_find_widget (page, GTK_TYPE_ASPECT_FRAME, NULL);
  GSettings *settings = v21_application_get_settings (gui_test_get_application ());
  GtkWidget *sound;
  V21SessionTimer *timer;
  cairo_surface_t *before, *lit;
  guint n = 0;

  g_assert_true (g_settings_get_boolean (settings, "timer-sound"));
  sound = gui_test_find_by_text (page, "A sound when the timer reaches the end (the pictures flash in any case)", FALSE);
  g_assert_nonnull (sound);
  gtk_switch_set_active (GTK_SWITCH (sound), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "timer-sound"));

  g_assert_nonnull (frame);
  v21_session_set_scene (run.session, V21_SCENE_SEQUENCE);
  timer = v21_session_get_timer (run.session, NULL);
  v21_timer_init (&timer->timer, 0);
  timer->timer.duration = G_USEC_PER_SEC;   /* one second to go */
  g_signal_connect_swapped (run.session, "time-up", G_CALLBACK (count_time_up), &n);
  before = picture (run.session);
  g_assert_false (v21_session_get_alerting (run.session));
  gui_test_send_keysym (page, XK_T, ControlMask | ShiftMask);
  g_assert_true (gui_test_wait_for (alert_lit, frame));
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (v21_session_get_alerting (run.session));
  g_assert_true (gui_test_wait_for (session_lit, run.session));
    {
      const char *background, *foreground, *warning;
      unsigned char *data;

      lit = picture (run.session);
      data = cairo_image_surface_get_data (lit);
      v21_projector_colors (FALSE, &background, &foreground, &warning);
      /* The corner pixel is the warning colour, "#rrggbb". */
      g_assert_cmpuint (*(guint32 *) data & 0xffffff, ==, (guint32) g_ascii_strtoull (warning + 1, NULL, 16));
      g_assert_cmpuint (*(guint32 *) cairo_image_surface_get_data (before) & 0xffffff, !=,
                        (guint32) g_ascii_strtoull (warning + 1, NULL, 16));
      cairo_surface_destroy (lit);
    }
  g_assert_true (label_shows (page, "Running — time is up"));
  g_assert_true (gui_test_wait_for (alert_over, run.session));
  gui_test_spin (600);
  g_assert_false (gtk_widget_has_css_class (frame, "v21-alert"));
  g_assert_cmpuint (n, ==, 1);
  g_signal_handlers_disconnect_by_data (run.session, &n);
  cairo_surface_destroy (before);
  g_settings_reset (settings, "timer-sound");
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
  g_test_add_func ("/gui/projector/console-keys", test_console_keys);
  g_test_add_func ("/gui/projector/console-state", test_console_state);
  g_test_add_func ("/gui/projector/console-next", test_console_next);
  g_test_add_func ("/gui/projector/time-up", test_time_up);
  g_test_add_func ("/gui/projector/live-day-plan", test_live_day_plan);
  g_test_add_func ("/gui/projector/new-round-keys", test_new_round_keys);
  return gui_test_run ();
}
