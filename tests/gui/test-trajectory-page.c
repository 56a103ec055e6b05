/* test-trajectory-page.c — the "Scenarios and trajectories" page, driven as a user would
 *
 * The diagram is driven through the handlers its gestures and key controller
 * call, at coordinates computed from the same layout it draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "v21-trajectory-page.h"
#include "v21-trajectory-page-private.h"
#include "v21-diagram-view-private.h"
#include "v21-workshop.h"

typedef struct
{
  V21Workshop       *workshop;
  GtkWindow         *window;
  V21TrajectoryPage *page;
  V21DiagramView    *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->workshop = gui_test_load_demo ();
  f->page = V21_TRAJECTORY_PAGE (v21_trajectory_page_new (f->workshop));
  f->view = _v21_trajectory_page_get_view (f->page);
  f->window = gui_test_present_page (GTK_WIDGET (f->page), 1200, 800);
  gui_test_spin (200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), >, 300);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
  gtk_window_destroy (f->window);
  gui_test_spin (50);
  g_assert_null (f->view);
  g_assert_finalize_object (f->workshop);
}

/* Where the diagram draws @point_id now. */
static void
position_of (Fixture    *f,
             const char *point_id,
             double     *x,
             double     *y)
{
  V21DiagramLayout *layout = _v21_diagram_view_get_layout (f->view);

  g_assert_true (v21_diagram_layout_get_position (layout, v21_workshop_lookup (f->workshop, point_id), x, y));
}

static double
x_of_year (Fixture *f,
           int      year)
{
  return v21_diagram_year_to_x (v21_diagram_layout_get_geometry (_v21_diagram_view_get_layout (f->view)), year);
}

static gint64
year_of (Fixture    *f,
         const char *point_id)
{
  return v21_record_get_int (v21_workshop_lookup (f->workshop, point_id), "year", 0);
}

static double
level_of (Fixture    *f,
          const char *point_id)
{
  return v21_record_get_double (v21_workshop_lookup (f->workshop, point_id), "level", 0);
}

static void
test_drag_undo (Fixture       *f,
                gconstpointer  data)
{
  double x, y, dx;

  /* The desired scenario: its milestone of 2045, dragged three years later. */
  _v21_trajectory_page_select (f->page, 1);
  gui_test_spin (100);
  g_assert_cmpstr (v21_diagram_view_get_scenario (f->view), ==, "sc2");
  position_of (f, "pt21", &x, &y);
  dx = x_of_year (f, 2048) - x;

  _v21_diagram_view_drag_begin (f->view, x, y);
  g_assert_true (v21_diagram_view_get_selected (f->view) == v21_workshop_lookup (f->workshop, "pt21"));
  _v21_diagram_view_drag_update (f->view, dx / 3, 1);
  gui_test_spin (20);
  _v21_diagram_view_drag_update (f->view, dx + 0.3, 0.4);
  gui_test_spin (20);
  _v21_diagram_view_drag_end (f->view, dx + 0.3, 0.4);
  gui_test_spin (50);
  g_assert_cmpint (year_of (f, "pt21"), ==, 2048);           /* a whole year */
  g_assert_cmpfloat_with_epsilon (level_of (f, "pt21"), 0.74, 0.006);
  position_of (f, "pt21", &x, &y);
  g_assert_cmpfloat_with_epsilon (x, x_of_year (f, 2048), 0.01);

  /* The whole drag is one step. */
  g_assert_true (v21_workshop_undo (f->workshop));
  g_assert_cmpint (year_of (f, "pt21"), ==, 2045);
  g_assert_cmpfloat_with_epsilon (level_of (f, "pt21"), 0.74, 1e-9);
  g_assert_true (v21_workshop_redo (f->workshop));
  g_assert_cmpint (year_of (f, "pt21"), ==, 2048);

  /* Dragging up past the top stops at level 1. */
  position_of (f, "pt21", &x, &y);
  _v21_diagram_view_drag_begin (f->view, x, y);
  _v21_diagram_view_drag_end (f->view, 0, -2000);
  g_assert_cmpfloat (level_of (f, "pt21"), ==, 1.0);
}

static void
test_click_adds (Fixture       *f,
                 gconstpointer  data)
{
  V21Collection *points = v21_workshop_get_collection (f->workshop, "points");
  guint before = v21_collection_get_n (points);
  V21DiagramGeometry g = *v21_diagram_layout_get_geometry (_v21_diagram_view_get_layout (f->view));
  double x = x_of_year (f, 2043), y = v21_diagram_level_to_y (&g, 0.2);
  V21Record *added;

  /* A stray click on an empty spot adds nothing. */
  _v21_trajectory_page_select (f->page, 0);
  gui_test_spin (50);
  g_assert_null (v21_diagram_layout_find_point (_v21_diagram_view_get_layout (f->view), x, y, 20));
  _v21_diagram_view_drag_begin (f->view, x, y);
  _v21_diagram_view_drag_end (f->view, 1, 0);
  gui_test_spin (50);
  g_assert_cmpuint (v21_collection_get_n (points), ==, before);
  g_assert_false (v21_workshop_can_undo (f->workshop));

  /* With "Add points" on, a click there adds a milestone. */
  gtk_toggle_button_set_active (_v21_trajectory_page_get_adding_button (f->page), TRUE);
  g_assert_true (v21_diagram_view_get_adding (f->view));
  _v21_diagram_view_drag_begin (f->view, x, y);
  _v21_diagram_view_drag_end (f->view, 1, 0);
  gui_test_spin (50);
  g_assert_cmpuint (v21_collection_get_n (points), ==, before + 1);
  added = v21_diagram_view_get_selected (f->view);
  g_assert_nonnull (added);
  g_assert_cmpint (v21_record_get_int (added, "year", 0), ==, 2043);
  g_assert_cmpfloat_with_epsilon (v21_record_get_double (added, "level", 0), 0.2, 0.006);
  g_assert_cmpstr (v21_record_get_string (added, "kind"), ==, "milestone");
  g_assert_cmpstr (v21_record_get_string (added, "trajectory"), ==, "tr1");

  /* Its label is typed next, and Enter gives it. */
  g_assert_nonnull (gtk_widget_get_focus_child (GTK_WIDGET (_v21_trajectory_page_get_label_entry (f->page))));
  gtk_editable_set_text (_v21_trajectory_page_get_label_entry (f->page), "Zone d’activités en friche");
  g_signal_emit_by_name (_v21_trajectory_page_get_label_entry (f->page), "activate");
  gui_test_spin (50);
  g_assert_cmpstr (v21_record_get_string (added, "label"), ==, "Zone d’activités en friche");

  g_assert_true (v21_workshop_undo (f->workshop));
  g_assert_cmpstr (v21_record_get_string (added, "label"), ==, "");
  g_assert_true (v21_workshop_undo (f->workshop));
  g_assert_cmpuint (v21_collection_get_n (points), ==, before);

  /* Escape on the diagram leaves the adding mode, and the button says so. */
  g_assert_true (_v21_diagram_view_key (f->view, GDK_KEY_Escape, 0));
  g_assert_false (gtk_toggle_button_get_active (_v21_trajectory_page_get_adding_button (f->page)));
}

/* Types @text into the year field and leaves it, as Tab would. */
static void
type_year (Fixture    *f,
           const char *text)
{
  GtkSpinButton *spin = _v21_trajectory_page_get_year_spin (f->page);

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (spin);
  gui_test_spin (20);
}

static void
test_year_bounded (Fixture       *f,
                   gconstpointer  data)
{
  GtkSpinButton *spin = _v21_trajectory_page_get_year_spin (f->page);
  double lower, upper;

  /* The desired scenario's milestone of 2045 (the demo runs 2026–2056). */
  _v21_trajectory_page_select (f->page, 1);
  gui_test_spin (50);
  v21_diagram_view_set_selected (f->view, v21_workshop_lookup (f->workshop, "pt21"));
  gui_test_spin (20);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 2045);
  gtk_spin_button_get_range (spin, &lower, &upper);
  g_assert_cmpfloat (lower, ==, 2016);
  g_assert_cmpfloat (upper, ==, 2056);
  g_assert_true (gtk_spin_button_get_numeric (spin));

  /* Letters, and years outside the workshop's, change nothing. */
  type_year (f, "abc");
  g_assert_cmpint (year_of (f, "pt21"), ==, 2045);
  type_year (f, "1800");
  g_assert_cmpint (year_of (f, "pt21"), ==, 2045);
  type_year (f, "2300");
  g_assert_cmpint (year_of (f, "pt21"), ==, 2045);
  g_assert_false (v21_workshop_can_undo (f->workshop));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 2045);

  /* A year inside them moves the point. */
  type_year (f, "2038");
  g_assert_cmpint (year_of (f, "pt21"), ==, 2038);

  /* The arrows stop at the horizon too. */
  v21_diagram_view_set_selected (f->view, v21_workshop_lookup (f->workshop, "pt21"));
  type_year (f, "2055");
  g_assert_true (_v21_diagram_view_key (f->view, GDK_KEY_Right, 0));
  g_assert_true (_v21_diagram_view_key (f->view, GDK_KEY_Right, 0));
  g_assert_cmpint (year_of (f, "pt21"), ==, 2056);
}

/* Tab in the narrative goes on to the next control; nothing is inserted. */
static void
test_narrative_tab (Fixture       *f,
                    gconstpointer  data)
{
  GtkTextView *view = _v21_trajectory_page_get_narrative_view (f->page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  V21Record *scenario;

  if (!gui_test_xtest_init ())
    {
      g_test_skip ("no XTEST");
      return;
    }
  _v21_trajectory_page_select (f->page, 1);
  gui_test_spin (50);
  scenario = v21_workshop_lookup (f->workshop, "sc2");
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gui_test_spin (50);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  for (int i = 0; i < 3; i++)
    gui_test_send_keysym (GTK_WIDGET (view), GDK_KEY_Tab, 0);
  gui_test_spin (50);
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (view)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_null (strchr (text, '\t'));
  g_assert_null (strchr (v21_record_get_string (scenario, "narrative"), '\t'));
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  V21Collection *points = v21_workshop_get_collection (f->workshop, "points");
  guint before = v21_collection_get_n (points);
  V21Record *first, *second;

  _v21_trajectory_page_select (f->page, 2);   /* the disruption, with the past */
  gui_test_spin (50);

  /* Tab walks through the points, and out of the diagram after the last one. */
  g_assert_true (_v21_diagram_view_key (f->view, GDK_KEY_Tab, 0));
  first = v21_diagram_view_get_selected (f->view);
  g_assert_cmpstr (v21_record_get_id (first), ==, "pt01");
  g_assert_true (_v21_diagram_view_key (f->view, GDK_KEY_Tab, 0));
  second = v21_diagram_view_get_selected (f->view);
  g_assert_cmpstr (v21_record_get_id (second), ==, "pt02");
  g_assert_true (_v21_diagram_view_key (f->view, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_true (v21_diagram_view_get_selected (f->view) == first);
  for (int i = 0; i < 200 && _v21_diagram_view_key (f->view, GDK_KEY_Tab, 0); i++)
    ;
  g_assert_null (v21_diagram_view_get_selected (f->view));

  /* Arrows move the selected point by a year, or by a level step. */
  v21_diagram_view_set_selected (f->view, v21_workshop_lookup (f->workshop, "pt34"));
  g_assert_true (_v21_diagram_view_key (f->view, GDK_KEY_Right, 0));
  g_assert_true (_v21_diagram_view_key (f->view, GDK_KEY_Right, 0));
  g_assert_true (_v21_diagram_view_key (f->view, GDK_KEY_Left, 0));
  g_assert_cmpint (year_of (f, "pt34"), ==, 2041);
  g_assert_true (_v21_diagram_view_key (f->view, GDK_KEY_Up, 0));
  g_assert_cmpfloat_with_epsilon (level_of (f, "pt34"), 0.36, 1e-9);
  g_assert_true (_v21_diagram_view_key (f->view, GDK_KEY_Down, 0));
  g_assert_true (_v21_diagram_view_key (f->view, GDK_KEY_Down, 0));
  g_assert_cmpfloat_with_epsilon (level_of (f, "pt34"), 0.26, 1e-9);

  /* Delete removes it and selects a neighbour; undo brings everything back. */
  g_assert_true (_v21_diagram_view_key (f->view, GDK_KEY_Delete, 0));
  g_assert_null (v21_workshop_lookup (f->workshop, "pt34"));
  g_assert_cmpuint (v21_collection_get_n (points), ==, before - 1);
  g_assert_nonnull (v21_diagram_view_get_selected (f->view));
  for (int i = 0; i < 7; i++)
    g_assert_true (v21_workshop_undo (f->workshop));
  g_assert_cmpint (year_of (f, "pt34"), ==, 2040);
  g_assert_cmpfloat_with_epsilon (level_of (f, "pt34"), 0.31, 1e-9);
  g_assert_false (v21_workshop_can_undo (f->workshop));
}

static void
test_backcasting (Fixture       *f,
                  gconstpointer  data)
{
  json_object *fields = json_object_new_object ();
  V21Collection *scenarios = v21_workshop_get_collection (f->workshop, "scenarios");
  g_autoptr(GError) error = NULL;
  V21DiagramGeometry geometry;
  const V21DiagramGeometry *g = &geometry;
  V21Record *scenario, *vision, *first, *second, *third;

  json_object_object_add (fields, "kind", json_object_new_string ("desired"));
  json_object_object_add (fields, "title", json_object_new_string ("Vallée sobre 2056"));
  scenario = v21_workshop_insert (f->workshop, "scenarios", -1, fields, &error);
  g_assert_no_error (error);
  _v21_trajectory_page_select (f->page, v21_collection_get_n (scenarios) - 1);
  gui_test_spin (50);
  g_assert_cmpstr (v21_diagram_view_get_scenario (f->view), ==, v21_record_get_id (scenario));
  v21_diagram_view_set_backcasting (f->view, TRUE);
  /* A copy: each edit makes a new layout. */
  geometry = *v21_diagram_layout_get_geometry (_v21_diagram_view_get_layout (f->view));

  /* First the vision, at the horizon whatever the year clicked. */
  vision = v21_diagram_view_add_point (f->view, x_of_year (f, 2040), v21_diagram_level_to_y (g, 0.9));
  g_assert_nonnull (vision);
  g_assert_cmpstr (v21_record_get_string (vision, "kind"), ==, "vision");
  g_assert_cmpint (v21_record_get_int (vision, "year", 0), ==, 2056);
  g_assert_cmpstr (v21_record_get_string (vision, "label"), ==, "Vallée sobre 2056");

  /* Then milestones, each before the last one, toward today. */
  first = v21_diagram_view_add_point (f->view, x_of_year (f, 2045), v21_diagram_level_to_y (g, 0.7));
  g_assert_cmpint (v21_record_get_int (first, "year", 0), ==, 2045);
  second = v21_diagram_view_add_point (f->view, x_of_year (f, 2050), v21_diagram_level_to_y (g, 0.6));
  g_assert_cmpint (v21_record_get_int (second, "year", 0), ==, 2044);
  v21_diagram_view_set_selected (f->view, NULL);
  third = _v21_diagram_view_key (f->view, GDK_KEY_Insert, 0) ? v21_diagram_view_get_selected (f->view) : NULL;
  g_assert_nonnull (third);
  g_assert_cmpint (v21_record_get_int (third, "year", 0), ==, 2039);
  g_assert_cmpstr (v21_record_get_string (first, "trajectory"), ==, v21_record_get_string (vision, "trajectory"));

  /* Reaching today ends it. */
  v21_diagram_view_set_selected (f->view, NULL);
  g_assert_nonnull (v21_diagram_view_add_point (f->view, x_of_year (f, 2026), v21_diagram_level_to_y (g, 0.3)));
  v21_diagram_view_set_selected (f->view, NULL);
  g_assert_null (v21_diagram_view_add_point (f->view, x_of_year (f, 2030), v21_diagram_level_to_y (g, 0.4)));
}

static void
test_kind_restyles (Fixture       *f,
                    gconstpointer  data)
{
  V21Record *trajectory = v21_workshop_lookup (f->workshop, "tr3");
  V21Record *past = v21_workshop_lookup (f->workshop, "tr0");
  GtkDropDown *kind = _v21_trajectory_page_get_kind_drop_down (f->page);

  /* The disruption made exploratory: its path follows; undo puts both back. */
  _v21_trajectory_page_select (f->page, 2);
  gui_test_spin (50);
  g_assert_cmpuint (gtk_drop_down_get_selected (kind), ==, 2);
  g_assert_nonnull (kind);
  gtk_drop_down_set_selected (kind, 3);
  gui_test_spin (50);
  g_assert_cmpstr (v21_record_get_string (v21_workshop_lookup (f->workshop, "sc3"), "kind"), ==, "exploratory");
  g_assert_cmpstr (v21_record_get_string (trajectory, "style"), ==, "exploratory");
  g_assert_cmpstr (v21_record_get_string (past, "style"), ==, "past");
  g_assert_true (v21_workshop_undo (f->workshop));
  g_assert_cmpstr (v21_record_get_string (v21_workshop_lookup (f->workshop, "sc3"), "kind"), ==, "disruption");
  g_assert_cmpstr (v21_record_get_string (trajectory, "style"), ==, "disruption");
}

/* The star flags the selected point (one undo step) and follows the
 * selection and undo. */
static void
test_highlight (Fixture       *f,
                gconstpointer  data)
{
  GtkToggleButton *star = _v21_trajectory_page_get_highlight_button (f->page);
  V21Record *agenda = v21_workshop_lookup (f->workshop, "pt01");

  g_assert_cmpstr (v21_record_get_string (agenda, "label"), ==, "Agenda 21 des Coteaux de Sèvre en cours");
  v21_diagram_view_set_selected (f->view, agenda);
  gui_test_spin (50);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (star)));
  g_assert_false (gtk_toggle_button_get_active (star));
  gtk_widget_activate (GTK_WIDGET (star));   /* as Space does: clicked after its animation */
  gui_test_spin (400);
  g_assert_true (v21_record_get_bool (agenda, "highlight"));

  /* Another point shows its own state; back on the first, the star is on. */
  v21_diagram_view_set_selected (f->view, v21_workshop_lookup (f->workshop, "pt02"));
  gui_test_spin (50);
  g_assert_false (gtk_toggle_button_get_active (star));
  v21_diagram_view_set_selected (f->view, agenda);
  gui_test_spin (50);
  g_assert_true (gtk_toggle_button_get_active (star));

  g_assert_true (v21_workshop_undo (f->workshop));
  gui_test_spin (50);
  g_assert_false (v21_record_get_bool (agenda, "highlight"));
  g_assert_false (gtk_toggle_button_get_active (star));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("v21-export-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkFileChooserNative *chooser;
  cairo_surface_t *png;

  g_assert_no_error (error);
  path = g_build_filename (dir, "vision.png", NULL);
  folder = g_file_new_for_path (dir);

  /* Export, PNG: the chooser proposes the scenario's title; accepting writes
   * the figure at twice its size, for sharp screens and print. */
  _v21_trajectory_page_select (f->page, 1);
  gui_test_spin (50);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trajectories.export", "s", "png");
  gui_test_spin (100);
  chooser = _v21_trajectory_page_get_chooser (f->page);
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "Le bocage en partage — vision 2056.png");
  gui_test_choose_file (GTK_FILE_CHOOSER (chooser), folder, "vision.png");
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  gui_test_spin (100);
  g_assert_null (_v21_trajectory_page_get_chooser (f->page));

  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 2560);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1520);
  cairo_surface_destroy (png);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv, "trajectories", GUI_TEST_NEEDS_DISPLAY))
    return gui_test_run ();

  g_test_add ("/gui/trajectories/drag-undo", Fixture, NULL, fixture_set_up, test_drag_undo, fixture_tear_down);
  g_test_add ("/gui/trajectories/click-adds", Fixture, NULL, fixture_set_up, test_click_adds, fixture_tear_down);
  g_test_add ("/gui/trajectories/year-bounded", Fixture, NULL, fixture_set_up, test_year_bounded, fixture_tear_down);
  g_test_add ("/gui/trajectories/narrative-tab", Fixture, NULL, fixture_set_up, test_narrative_tab, fixture_tear_down);
  g_test_add ("/gui/trajectories/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/gui/trajectories/backcasting", Fixture, NULL, fixture_set_up, test_backcasting, fixture_tear_down);
  g_test_add ("/gui/trajectories/kind-restyles", Fixture, NULL, fixture_set_up, test_kind_restyles, fixture_tear_down);
  g_test_add ("/gui/trajectories/highlight", Fixture, NULL, fixture_set_up, test_highlight, fixture_tear_down);
  g_test_add ("/gui/trajectories/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  return gui_test_run ();
}
