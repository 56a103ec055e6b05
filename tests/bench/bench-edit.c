/* bench-edit — edits a user makes on a large workshop: entering votes one by one,
 * removing records with many others referring to them, undo and redo.
 *
 *   bench-edit [--runs N] [--votes N] [--only NAME] FILE   medians of N runs (default 11), ms
 *
 * enter-votes     a new round on the ideas (points, 100 per voter), then N votes
 *                 (default 1,000) typed one by one as on the Votes page: each of
 *                 the first people gives 1 to each target in turn, one undo step each
 * undo-votes      undoing them one by one
 * remove-card     deleting the card with the most votes (its votes, links, scores go)
 * remove-cards    deleting the first 100 cards one by one, each its own undo step
 * remove-person   deleting the first person (their votes go)
 * remove-cluster  deleting the largest cluster (its cards leave it)
 * remove-round    deleting the round with the most votes (they go)
 * remove-table    deleting every card of the first table and the table, as one step
 *                 (the board's Delete on a selection, then the table)
 * undo-table      undoing that step
 * redo-table      redoing it
 *
 * Each measure runs on a workshop freshly loaded from FILE (not timed). Prints one
 * "NAME<TAB>MEDIAN<TAB>MIN" line per measure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-common.h"
#include "v21-votes.h"
#include "v21-workshop.h"

typedef enum
{
  ENTER_VOTES,
  UNDO_VOTES,
  REMOVE_CARD,
  REMOVE_CARDS,
  REMOVE_PERSON,
  REMOVE_CLUSTER,
  REMOVE_ROUND,
  REMOVE_TABLE,
  UNDO_TABLE,
  REDO_TABLE,
  N_MEASURES
} Measure;

static const char *measure_names[N_MEASURES] = {
  "enter-votes", "undo-votes", "remove-card", "remove-cards", "remove-person", "remove-cluster",
  "remove-round", "remove-table", "undo-table", "redo-table",
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    {
      fprintf (stderr, "bench-edit: %s: %s\n", what, error ? error->message : "failed");
      exit (1);
    }
}

/* The record of @collection that the most records of @referrers refer to by @field. */
static V21Record *
most_referred (V21Workshop *workshop,
               const char  *collection,
               const char  *referrers,
               const char  *field)
{
  V21Collection *list = v21_workshop_get_collection (workshop, referrers);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;

  for (guint i = 0; i < v21_collection_get_n (list); i++)
    {
      const char *id = v21_record_get_string (v21_collection_get (list, i), field);
      V21Record *target = v21_workshop_lookup (workshop, id);
      guint count;

      if (target == NULL || g_strcmp0 (v21_record_get_collection (target), collection) != 0)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)) + 1;
      g_hash_table_insert (counts, (gpointer) id, GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best = id;
          best_count = count;
        }
    }
  if (best == NULL)
    {
      fprintf (stderr, "bench-edit: no %s refers to %s\n", referrers, collection);
      exit (1);
    }
  return v21_workshop_lookup (workshop, best);
}

typedef struct
{
  V21Record *round;
  GPtrArray *voters;    /* V21Record, borrowed */
  GPtrArray *targets;
} VoteSetup;

static void
setup_votes (V21Workshop *workshop,
             VoteSetup   *setup)
{
  g_autoptr(GError) error = NULL;
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  json_object *ids;

  setup->round = v21_vote_round_create (workshop, "Bench", "cards", "idea", NULL, "points", 100, "people", &error);
  check (setup->round != NULL, error, "new round");
  ids = v21_record_get_value (setup->round, "targets");
  setup->targets = g_ptr_array_new ();
  for (gsize i = 0; i < json_object_array_length (ids) && i < 100; i++)
    g_ptr_array_add (setup->targets, v21_workshop_lookup (workshop, json_object_get_string (json_object_array_get_idx (ids, i))));
  setup->voters = g_ptr_array_new ();
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    g_ptr_array_add (setup->voters, v21_collection_get (people, i));
}

/* @n votes of 1, voter after voter, each within the budget of 100. */
static void
enter_votes (V21Workshop *workshop,
             VoteSetup   *setup,
             guint        n)
{
  g_autoptr(GError) error = NULL;
  guint per_voter = setup->targets->len;

  if (per_voter == 0 || (guint64) per_voter * setup->voters->len < n)
    {
      fprintf (stderr, "bench-edit: too few people or ideas for %u votes\n", n);
      exit (1);
    }
  for (guint i = 0; i < n; i++)
    check (v21_votes_set_count (workshop, setup->round, g_ptr_array_index (setup->voters, i / per_voter),
                                g_ptr_array_index (setup->targets, i % per_voter), 1, &error),
           error, "vote");
}

static void
remove_one (V21Workshop *workshop,
            V21Record   *record)
{
  g_autoptr(GError) error = NULL;

  check (v21_workshop_remove (workshop, record, &error), error, "remove");
}

static GPtrArray *
first_cards (V21Workshop *workshop,
             guint        n)
{
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  GPtrArray *selection = g_ptr_array_new ();

  for (guint i = 0; i < MIN (n, v21_collection_get_n (cards)); i++)
    g_ptr_array_add (selection, v21_collection_get (cards, i));
  return selection;
}

static GPtrArray *
table_with_cards (V21Workshop *workshop)
{
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  V21Record *table = v21_collection_get (v21_workshop_get_collection (workshop, "tables"), 0);
  GPtrArray *selection = g_ptr_array_new ();

  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    if (g_strcmp0 (v21_record_get_string (v21_collection_get (cards, i), "table"), v21_record_get_id (table)) == 0)
      g_ptr_array_add (selection, v21_collection_get (cards, i));
  g_ptr_array_add (selection, table);
  return selection;
}

static void
remove_group (V21Workshop *workshop,
              GPtrArray   *selection)
{
  g_autoptr(GError) error = NULL;

  v21_workshop_begin_group (workshop, "Delete cards");
  for (guint i = 0; i < selection->len; i++)
    check (v21_workshop_remove (workshop, g_ptr_array_index (selection, i), &error), error, "remove");
  v21_workshop_end_group (workshop);
}

/* One timed measure on @workshop, after its untimed setup. */
static double
run_one (V21Workshop *workshop,
         Measure      what,
         guint        n_votes)
{
  VoteSetup votes = { NULL, NULL, NULL };
  g_autoptr(GPtrArray) selection = NULL;
  V21Record *record = NULL;
  double start;
  double ms;

  switch (what)
    {
    case ENTER_VOTES:
    case UNDO_VOTES:
      setup_votes (workshop, &votes);
      if (what == UNDO_VOTES)
        enter_votes (workshop, &votes, n_votes);
      break;
    case REMOVE_CARD:
      record = most_referred (workshop, "cards", "votes", "target");
      break;
    case REMOVE_CARDS:
      selection = first_cards (workshop, 100);
      break;
    case REMOVE_PERSON:
      record = v21_collection_get (v21_workshop_get_collection (workshop, "people"), 0);
      break;
    case REMOVE_CLUSTER:
      record = most_referred (workshop, "clusters", "cards", "cluster");
      break;
    case REMOVE_ROUND:
      record = most_referred (workshop, "vote_rounds", "votes", "round");
      break;
    case REMOVE_TABLE:
    case UNDO_TABLE:
    case REDO_TABLE:
      selection = table_with_cards (workshop);
      if (what != REMOVE_TABLE)
        remove_group (workshop, selection);
      if (what == REDO_TABLE)
        v21_workshop_undo (workshop);
      break;
    default:
      g_assert_not_reached ();
    }

  start = now_ms ();
  switch (what)
    {
    case ENTER_VOTES:
      enter_votes (workshop, &votes, n_votes);
      break;
    case UNDO_VOTES:
      for (guint i = 0; i < n_votes; i++)
        check (v21_workshop_undo (workshop), NULL, "undo");
      break;
    case REMOVE_CARD:
    case REMOVE_PERSON:
    case REMOVE_CLUSTER:
    case REMOVE_ROUND:
      remove_one (workshop, record);
      break;
    case REMOVE_CARDS:
      for (guint i = 0; i < selection->len; i++)
        remove_one (workshop, g_ptr_array_index (selection, i));
      break;
    case REMOVE_TABLE:
      remove_group (workshop, selection);
      break;
    case UNDO_TABLE:
      check (v21_workshop_undo (workshop), NULL, "undo");
      break;
    case REDO_TABLE:
      check (v21_workshop_redo (workshop), NULL, "redo");
      break;
    default:
      g_assert_not_reached ();
    }
  ms = now_ms () - start;
  g_clear_pointer (&votes.voters, g_ptr_array_unref);
  g_clear_pointer (&votes.targets, g_ptr_array_unref);
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 11;
  int n_votes = 1000;
  gboolean verbose = FALSE;
  g_autofree char *only = NULL;
  const GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print every run", NULL },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Run only this measure", "NAME" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Repetitions (default 11)", "N" },
    { "votes", 0, 0, G_OPTION_ARG_INT, &n_votes, "Votes entered (default 1000)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE — edit benchmarks");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1 || n_votes < 1)
    {
      fprintf (stderr, "usage: bench-edit [--runs N] [--votes N] [--only NAME] FILE\n");
      return 2;
    }
  if (!g_file_get_contents (argv[1], &data, &length, &error))
    {
      fprintf (stderr, "bench-edit: %s\n", error->message);
      return 1;
    }
  /* New records get random ids: the same ones in every run. */
  g_random_set_seed (21);
  printf ("file\t%s\t%.1f MiB\truns %d\t%d votes entered\n", argv[1], length / 1048576.0, runs, n_votes);
  printf ("measure\tmedian-ms\tmin-ms\n");
  for (int k = 0; k < N_MEASURES; k++)
    {
      g_autoptr(GArray) series = g_array_new (FALSE, FALSE, sizeof (double));

      if (only && strcmp (only, measure_names[k]) != 0)
        continue;
      for (int i = 0; i < runs; i++)
        {
          g_autoptr(V21Workshop) workshop = v21_workshop_load_data (data, length, NULL, &error);
          double ms;

          check (workshop != NULL, error, "load");
          ms = run_one (workshop, k, n_votes);
          g_array_append_val (series, ms);
          if (verbose)
            fprintf (stderr, "%s\t%.2f\n", measure_names[k], ms);
        }
      printf ("%s\t%.2f\t", measure_names[k], bench_median (series));
      printf ("%.2f\n", g_array_index (series, double, 0));
      fflush (stdout);
    }
  return 0;
}
