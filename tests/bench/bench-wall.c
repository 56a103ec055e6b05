/* bench-wall — frame times of the board's wall while it scrolls, and after a move
 *
 *   bench-wall [--runs N] FILE     medians over N rounds (default 5) in one process
 *
 * The board page opens on FILE in a 1366 × 768 window, the wall shown. A round
 * scrolls the wall down a third of its height per frame for 120 frames (back
 * to the top at the end, then across the columns), measuring each frame from
 * its update to the end of its paint; then moves one card to another cluster
 * through the core and measures until the frame that shows it (a new layout
 * of every card). Each round is paired with the floor: a window of the
 * same size holding a drawing area that fills itself, redrawn for 120 frames, so the
 * ratio wall / floor compares two figures taken under the same load.
 * Figures, not assertions (GSK_RENDERER=cairo, as in CI).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <adwaita.h>

#include "bench-common.h"
#include "v21-application.h"
#include "v21-board-page.h"
#include "v21-cards.h"
#include "v21-wall-view.h"

#define N_FRAMES 120

typedef struct
{
  GtkAdjustment *vadjustment;
  GtkAdjustment *hadjustment;
  GtkWidget     *redrawn;     /* the floor's drawing area, or NULL */
  GArray        *paint;       /* double, ms: from a frame's update to the end of its paint */
  GArray        *interval;    /* double, ms: between the ends of two frames */
  gint64         last_end;
  gint64         update_start;
  guint          frames;
  gboolean       running;
  gint64         moved;       /* a card moved at this time, waiting for its frame */
  double         move_ms;
} Bench;

static void
on_update (GdkFrameClock *clock,
           Bench         *bench)
{
  bench->update_start = g_get_monotonic_time ();
  if (!bench->running)
    return;
  if (bench->redrawn != NULL)
    gtk_widget_queue_draw (bench->redrawn);
  else
    {
      GtkAdjustment *adjustment = bench->frames < N_FRAMES / 2 ? bench->vadjustment : bench->hadjustment;
      double value = gtk_adjustment_get_value (adjustment);
      double step = gtk_adjustment_get_page_size (adjustment) / 3;

      if (value + step >= gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
        value = -step;
      gtk_adjustment_set_value (adjustment, value + step);
    }
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (bench->moved != 0)
    {
      bench->move_ms = (now - bench->moved) / 1000.0;
      bench->moved = 0;
      return;
    }
  if (!bench->running)
    return;
  g_array_append_val (bench->paint, (double) { (now - bench->update_start) / 1000.0 });
  if (bench->frames > 0)
    g_array_append_val (bench->interval, (double) { (now - bench->last_end) / 1000.0 });
  bench->last_end = now;
  if (++bench->frames >= N_FRAMES)
    bench->running = FALSE;
  else
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_UPDATE);
}

static void
wait_until_done (Bench     *bench,
                 GtkWidget *widget)
{
  bench->frames = 0;
  bench->running = TRUE;
  gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (widget), GDK_FRAME_CLOCK_PHASE_UPDATE);
  while (bench->running)
    g_main_context_iteration (NULL, TRUE);
}

static void
fill (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        data)
{
  cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
  cairo_paint (cr);
}

static double
percentile (GArray *values,
            double  p)
{
  bench_median (values);   /* sorts */
  return values->len ? g_array_index (values, double, (guint) (p * (values->len - 1))) : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(V21Application) app = NULL;
  g_autoptr(V21Workshop) workshop = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) wall_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wall_interval = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_interval = g_array_new (FALSE, FALSE, sizeof (double));
  Bench bench = { 0 };
  GtkWidget *window, *floor_window, *page, *area, *wall;
  V21Collection *cards, *clusters;
  GdkFrameClock *clock;
  int runs = 5;

  if (argc >= 3 && strcmp (argv[1], "--runs") == 0)
    {
      runs = MAX (1, atoi (argv[2]));
      argv += 2;
      argc -= 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-wall [--runs N] FILE\n");
      return 2;
    }
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-wall: no display (run under xvfb-run)\n");
      return 77;
    }
  app = v21_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  file = g_file_new_for_commandline_arg (argv[1]);
  workshop = v21_workshop_load_file (file, NULL, &error);
  if (workshop == NULL)
    {
      fprintf (stderr, "bench-wall: %s\n", error->message);
      return 1;
    }
  cards = v21_workshop_get_collection (workshop, "cards");
  clusters = v21_workshop_get_collection (workshop, "clusters");

  page = v21_board_page_new (workshop);
  area = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), fill, NULL, NULL);
  floor_window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (floor_window), 1366, 768);
  gtk_window_set_child (GTK_WINDOW (floor_window), area);
  gtk_window_present (GTK_WINDOW (floor_window));
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  wall = GTK_WIDGET (_v21_board_page_get_wall (V21_BOARD_PAGE (page)));
  /* The wall shown, as its toggle does. */
  {
    GtkWidget *scroller = gtk_widget_get_parent (wall);
    GtkWidget *view_stack = gtk_widget_get_ancestor (scroller, GTK_TYPE_STACK);

    gtk_stack_set_visible_child_name (GTK_STACK (view_stack), "wall");
    bench.vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    bench.hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  }
  while (!gtk_widget_get_mapped (wall) || gtk_widget_get_height (wall) == 0)
    g_main_context_iteration (NULL, TRUE);

  while (!gtk_widget_get_mapped (area))
    g_main_context_iteration (NULL, TRUE);
  for (GtkWidget **w = (GtkWidget *[]) { window, floor_window, NULL }; *w != NULL; w++)
    {
      clock = gtk_widget_get_frame_clock (*w);
      g_signal_connect (clock, "update", G_CALLBACK (on_update), &bench);
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &bench);
    }

  for (int run = 0; run < runs; run++)
    {
      V21Record *card = v21_collection_get (cards, run % v21_collection_get_n (cards));
      V21Record *cluster = v21_collection_get (clusters, run % v21_collection_get_n (clusters));

      bench.redrawn = area;
      bench.paint = floor_paint;
      bench.interval = floor_interval;
      wait_until_done (&bench, floor_window);

      bench.redrawn = NULL;
      bench.paint = wall_paint;
      bench.interval = wall_interval;
      wait_until_done (&bench, window);

      /* One move, as a drop makes it: the wall is laid out again. */
      bench.moved = g_get_monotonic_time ();
      v21_cards_move_to_cluster (workshop, card, cluster, &error);
      g_assert_no_error (error);
      while (bench.moved != 0)
        g_main_context_iteration (NULL, TRUE);
      g_array_append_val (moves, bench.move_ms);
    }

  printf ("file\t%s\t%u cards, %u clusters\truns %d × %d frames\t1366×768, renderer %s\n", argv[1],
          v21_collection_get_n (cards), v21_collection_get_n (clusters), runs, N_FRAMES,
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  printf ("measure\tmedian\n");
  printf ("floor-frame-ms\t%.2f\t(a drawing area filling a window of the same size, same run)\n", bench_median (floor_paint));
  printf ("wall-scroll-frame-ms\t%.2f\t(%.1f × the floor; 95th percentile %.2f)\n", bench_median (wall_paint),
          bench_median (wall_paint) / MAX (bench_median (floor_paint), 0.001), percentile (wall_paint, 0.95));
  printf ("floor-frame-interval-ms\t%.2f\t(from the end of a frame to the end of the next)\n",
          bench_median (floor_interval));
  printf ("wall-scroll-frame-interval-ms\t%.2f\t(%.2f × the floor; 95th percentile %.2f)\n", bench_median (wall_interval),
          bench_median (wall_interval) / MAX (bench_median (floor_interval), 0.001), percentile (wall_interval, 0.95));
  printf ("wall-move-to-frame-ms\t%.2f\t(a card moved, the wall laid out again and drawn)\n", bench_median (moves));
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (floor_window));
  return 0;
}
