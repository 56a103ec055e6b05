/* bench-scene.c — how long the projector takes to draw each scene
 *
 *   bench-scene [--runs N] FILE   medians of N draws (default 11), in milliseconds
 *
 * Draws every scene of FILE at 1920 × 1080 into an image surface, the board
 * and the sequence on the sequence with the most cards, the votes on the
 * workshop's last round (revealed). The projector and the console's thumbnail
 * each draw the scene again whenever the workshop changes, and four times a
 * second while a timer runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "bench-common.h"
#include "v21-projector-scene.h"

#define WIDTH 1920
#define HEIGHT 1080

/* The sequence with the most cards, and how many it has. */
static V21Record *
fullest_sequence (V21Workshop *workshop,
                  guint       *n_cards)
{
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint most = 0;

  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    {
      const char *sequence = v21_record_get_string (v21_collection_get (cards, i), "sequence");
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, sequence)) + 1;

      g_hash_table_insert (counts, (gpointer) sequence, GUINT_TO_POINTER (count));
      if (count > most)
        {
          most = count;
          best = sequence;
        }
    }
  *n_cards = most;
  return best ? v21_workshop_lookup (workshop, best) : NULL;
}

static double
measure (V21Workshop         *workshop,
         const V21SceneState *state,
         cairo_t             *cr,
         int                  runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      v21_render_scene (workshop, state, cr, WIDTH, HEIGHT, FALSE);
      cairo_surface_flush (cairo_get_target (cr));
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  return bench_median (times);
}

int
main (int   argc,
      char *argv[])
{
  int runs = 11;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Repetitions (default 11)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE — projector scene benchmarks");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(V21Workshop) workshop = NULL;
  V21SceneState state = { .timer_text = "12:34" };
  V21Collection *rounds;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_cards = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-scene [--runs N] FILE\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  workshop = v21_workshop_load_file (file, NULL, &error);
  if (workshop == NULL)
    {
      fprintf (stderr, "bench-scene: %s\n", error->message);
      return 1;
    }
  state.sequence = fullest_sequence (workshop, &n_cards);
  rounds = v21_workshop_get_collection (workshop, "vote_rounds");
  if (v21_collection_get_n (rounds) > 0)
    state.round = v21_collection_get (rounds, v21_collection_get_n (rounds) - 1);
  if (state.round != NULL)
    v21_workshop_set (workshop, state.round, "revealed", json_object_new_boolean (TRUE), NULL);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cr = cairo_create (surface);

  printf ("file\t%s\truns %d\t%d×%d\n", argv[1], runs, WIDTH, HEIGHT);
  state.scene = V21_SCENE_BOARD;
  printf ("board-cards\t%u\nboard-pages\t%u\n", n_cards, v21_scene_n_pages (workshop, &state, WIDTH, HEIGHT));
  printf ("measure\tmedian-ms\n");
  for (state.scene = 0; state.scene < V21_N_SCENES; state.scene++)
    printf ("scene-%s\t%.2f\n", v21_scene_to_string (state.scene), measure (workshop, &state, cr, runs));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
