/* bench-frame — time to the first frame of the main window opened on a workshop,
 * under a display (Xvfb in CI), and the memory the application then uses.
 *
 *   bench-frame [--runs N] FILE     medians of N runs (default 7), each a fresh process
 *
 * A run creates the application and its window, opens FILE (read, validate, build
 * the model in a worker thread, show the workshop) and presents the window; it
 * stops at the first GdkFrameClock "after-paint" showing the workshop. Measured from just before the window is made;
 * "startup" counts from the start of the process (GTK and libadwaita set-up too).
 * The runs use transparent huge pages for the heap, as the program does (see
 * src/main.c); V21_NO_HUGE_PAGES=1 measures without.
 * Each run is paired with a run of the floor: an empty libadwaita window with a
 * header bar, in a fresh process too, so that the ratio app / floor compares two
 * figures taken under the same load of the machine.
 * Other pages add their own modes here (e.g. frame times while scrolling the board).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "bench-common.h"
#include "v21-application.h"
#include "v21-window.h"
#include "v21-window-private.h"

typedef struct
{
  gint64     process_start;
  gint64     window_start;
  gint64     painted;
  GtkWidget *window;
  gboolean   app;      /* the app's window: its first frame showing the workshop */
} Run;

static void
after_paint (GdkFrameClock *clock,
             Run           *run)
{
  /* The file opens in a worker thread: frames before it shows do not count. */
  if (run->app && g_strcmp0 (_v21_window_get_page (V21_WINDOW (run->window)), "workshop") != 0)
    return;
  if (run->painted == 0)
    run->painted = g_get_monotonic_time ();
}

static void
on_realize (GtkWidget *widget,
            Run       *run)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (after_paint), run);
}

static int
print_run (Run *run)
{
  printf ("%.2f %.2f %.1f\n", (run->painted - run->window_start) / 1000.0,
          (run->painted - run->process_start) / 1000.0, bench_status_kib ("VmRSS:") / 1024.0);
  gtk_window_destroy (GTK_WINDOW (run->window));
  return 0;
}

/* The floor: an empty AdwApplicationWindow with a header bar. */
static int
run_floor (void)
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *box;
  Run run = { 0 };

  run.process_start = g_get_monotonic_time ();
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  app = adw_application_new ("io.github.visions21.BenchFloor", G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  run.window_start = g_get_monotonic_time ();
  run.window = adw_application_window_new (GTK_APPLICATION (app));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (run.window), box);
  gtk_window_set_default_size (GTK_WINDOW (run.window), 1240, 760);  /* the app's default */
  g_signal_connect (run.window, "realize", G_CALLBACK (on_realize), &run);
  gtk_window_present (GTK_WINDOW (run.window));
  while (run.painted == 0)
    g_main_context_iteration (NULL, TRUE);
  return print_run (&run);
}

/* One run in this process: prints "first-frame-ms startup-ms rss-mib". */
static int
run_once (const char *path)
{
  g_autoptr(V21Application) app = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  run.process_start = g_get_monotonic_time ();
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-frame: no display (run under xvfb-run)\n");
      return 77;
    }
  app = v21_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  run.window_start = g_get_monotonic_time ();
  run.window = GTK_WIDGET (v21_window_new (app));
  run.app = TRUE;
  g_signal_connect (run.window, "realize", G_CALLBACK (on_realize), &run);
  v21_window_open_file (V21_WINDOW (run.window), file);
  gtk_window_present (GTK_WINDOW (run.window));
  while (run.painted == 0)
    g_main_context_iteration (NULL, TRUE);
  if (g_strcmp0 (_v21_window_get_page (V21_WINDOW (run.window)), "workshop") != 0)
    g_error ("the workshop did not open");
  return print_run (&run);
}

/* Runs this program with @mode ("--once" or "--floor") in a fresh process. */
static int
spawn_run (const char *self,
           const char *mode,
           const char *path,
           double      out[3])
{
  const char *child[] = { self, mode, path, NULL };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status, &error))
    g_error ("%s", error->message);
  if (g_spawn_check_wait_status (status, NULL) == FALSE)
    {
      fprintf (stderr, "bench-frame: a run failed (no display? run under xvfb-run)\n");
      return WIFEXITED (status) && WEXITSTATUS (status) == 77 ? 77 : 1;
    }
  if (sscanf (text, "%lf %lf %lf", &out[0], &out[1], &out[2]) != 3)
    g_error ("bench-frame: unexpected output “%s”", text);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 7;
  gboolean once = FALSE;
  gboolean floor_once = FALSE;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Repetitions (default 7)", "N" },
    { "once", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &once, NULL, NULL },
    { "floor", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &floor_once, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE — time to the first frame");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) startup = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_rss = g_array_new (FALSE, FALSE, sizeof (double));
  double floor_ms, floor_mib;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-frame [--runs N] FILE\n");
      return 2;
    }
  if (floor_once)
    return run_floor ();
  if (once)
    return run_once (argv[1]);

  /* A copy, with the lock file and the recovery folder beside it. */
  dir = g_dir_make_tmp ("v21-frame-XXXXXX", &error);
  g_assert_no_error (error);
  copy = g_build_filename (dir, "workshop.visions21", NULL);
  if (!g_file_get_contents (argv[1], &contents, &length, &error) || !g_file_set_contents (copy, contents, length, &error))
    g_error ("%s", error->message);
  g_setenv ("XDG_STATE_HOME", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  /* As the visions21 program runs itself (src/main.c), unless V21_NO_HUGE_PAGES. */
  if (g_getenv ("V21_NO_HUGE_PAGES") == NULL)
    g_setenv ("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", TRUE);

  for (int i = 0; i < runs; i++)
    {
      double app[3], bare[3];
      int failed;

      if ((failed = spawn_run (argv[0], "--floor", copy, bare)) != 0
          || (failed = spawn_run (argv[0], "--once", copy, app)) != 0)
        return failed;
      g_array_append_val (floor_frame, bare[0]);
      g_array_append_val (floor_rss, bare[2]);
      g_array_append_val (frame, app[0]);
      g_array_append_val (startup, app[1]);
      g_array_append_val (rss, app[2]);
    }
  printf ("file\t%s\t%.1f MiB\truns %d\t%s, renderer %s\n", argv[1], length / 1048576.0, runs,
          g_getenv ("V21_NO_HUGE_PAGES") ? "4 KiB pages" : "huge pages",
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  floor_ms = bench_median (floor_frame);
  floor_mib = bench_median (floor_rss);
  printf ("measure\tmedian\n");
  printf ("floor-first-frame-ms\t%.2f\t(an empty libadwaita window, same run)\n", floor_ms);
  printf ("first-frame-ms\t%.2f\t(%.1f × the floor; goal ≤ 4 × with the demo, ≤ 15 × with 10,000 cards)\n",
          bench_median (frame), bench_median (frame) / floor_ms);
  printf ("startup-to-first-frame-ms\t%.2f\n", bench_median (startup));
  printf ("floor-rss-mib\t%.1f\n", floor_mib);
  printf ("app-rss-mib\t%.1f\t(%.2f × the floor; goal ≤ 1.75 × with 10,000 cards)\n",
          bench_median (rss), bench_median (rss) / floor_mib);
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (command) != 0)
      fprintf (stderr, "could not remove %s\n", dir);
  }
  return 0;
}
