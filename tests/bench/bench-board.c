/* bench-board.c — the board with 10,000 cards: time to first frame, scroll frames
 *
 * Run: xvfb-run -a -s "-screen 0 1600x1000x24" meson test -C _build --benchmark -v
 * Prints medians (and the 95th percentile) measured with the GdkFrameClock.
 * A benchmark, not a test: it asserts nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <adwaita.h>

#include "v21-application.h"
#include "v21-board-page.h"
#include "v21-capture.h"

#define N_CARDS 10000
#define N_SCROLL_FRAMES 240

typedef struct
{
  gint64     start;
  gint64     first_frame;
  gint64     update_start;
  GArray    *paint;      /* µs from the frame's update to the end of its paint */
  GArray    *interval;   /* µs between the ends of two painted frames */
  gint64     last_end;
  GtkAdjustment *adjustment;
  gboolean   scrolling;
  gboolean   done;
} Bench;

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  return (*(gint64 *) a > *(gint64 *) b) - (*(gint64 *) a < *(gint64 *) b);
}

static double
percentile (GArray *values,
            double  p)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_gint64);
  return g_array_index (values, gint64, (guint) (p * (values->len - 1))) / 1000.0;
}

static void
on_update (GdkFrameClock *clock,
           Bench         *bench)
{
  bench->update_start = g_get_monotonic_time ();
  if (bench->scrolling)
    {
      double value = gtk_adjustment_get_value (bench->adjustment);
      double step = gtk_adjustment_get_page_size (bench->adjustment) / 3;

      /* Down the list, back to the top at the end. */
      if (value + step >= gtk_adjustment_get_upper (bench->adjustment) - gtk_adjustment_get_page_size (bench->adjustment))
        value = 0;
      gtk_adjustment_set_value (bench->adjustment, value + step);
    }
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (bench->first_frame == 0)
    {
      bench->first_frame = now;
      bench->scrolling = TRUE;
      bench->last_end = now;
      return;
    }
  if (!bench->scrolling)
    return;
  g_array_append_val (bench->paint, (gint64) { now - bench->update_start });
  g_array_append_val (bench->interval, (gint64) { now - bench->last_end });
  bench->last_end = now;
  if (bench->paint->len >= N_SCROLL_FRAMES)
    bench->done = TRUE;
  else
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_UPDATE);
}

static V21Workshop *
workshop_with_cards (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("V21_SOURCE_ROOT"), "data", "examples", "demo.visions21", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  V21Workshop *workshop = v21_workshop_load_file (file, NULL, &error);
  V21Collection *sequences;
  V21Collection *cards;
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  sequences = v21_workshop_get_collection (workshop, "sequences");
  cards = v21_workshop_get_collection (workshop, "cards");
  while (v21_collection_get_n (cards) < N_CARDS)
    {
      guint i = v21_collection_get_n (cards);
      g_autofree char *text = g_strdup_printf ("Carte %u : une idée de la table %u sur le territoire", i, i % 6 + 1);

      v21_capture_add_card (workshop, v21_capture_kind_for_key ((int) (i % 9) + 1), text,
                            v21_capture_table (workshop, (int) (i % 6) + 1),
                            v21_collection_get (sequences, i % v21_collection_get_n (sequences)), NULL, &error);
      g_assert_no_error (error);
    }
  g_print ("# %d cards added one by one through the core in %.0f ms\n", N_CARDS,
           (g_get_monotonic_time () - start) / 1000.0);
  return workshop;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(V21Application) app = NULL;
  g_autoptr(V21Workshop) workshop = NULL;
  g_autoptr(GError) error = NULL;
  Bench bench = { 0 };
  GtkWidget *window;
  GtkWidget *page;
  GdkFrameClock *clock;

  /* Not g_test_init(): a benchmark should not die of a warning. */
  if (!gtk_init_check ())
    {
      g_print ("# no display: skipped\n");
      return 77;
    }
  app = v21_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  workshop = workshop_with_cards ();

  bench.paint = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.interval = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.start = g_get_monotonic_time ();
  page = v21_board_page_new (workshop);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_widget_realize (window);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "update", G_CALLBACK (on_update), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &bench);
  bench.adjustment = gtk_scrolled_window_get_vadjustment (v21_board_page_get_scroller (V21_BOARD_PAGE (page)));
  gtk_window_present (GTK_WINDOW (window));

  while (!bench.done)
    g_main_context_iteration (NULL, TRUE);

  g_print ("# board of %u cards (shown: %u), renderer %s (set GSK_RENDERER to compare)\n", N_CARDS,
           g_list_model_get_n_items (v21_board_page_get_model (V21_BOARD_PAGE (page))),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  g_print ("time to first frame: %.1f ms\n", (bench.first_frame - bench.start) / 1000.0);
  g_print ("scroll, %u frames: update to end of paint, median %.2f ms (95th percentile %.2f ms)\n",
           bench.paint->len, percentile (bench.paint, 0.5), percentile (bench.paint, 0.95));
  g_print ("scroll: interval between frames, median %.2f ms (95th percentile %.2f ms)\n",
           percentile (bench.interval, 0.5), percentile (bench.interval, 0.95));

  g_signal_handlers_disconnect_by_data (clock, &bench);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (bench.paint);
  g_array_unref (bench.interval);
  return EXIT_SUCCESS;
}
