/* v21-votes.c — vote rounds: entering votes, revealing, results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-votes"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "v21-cards.h"
#include "v21-votes.h"
#include "v21-workshop-private.h"

static gboolean
target_fits (V21Record  *record,
             const char *target,
             const char *card_kind,
             V21Record  *sequence)
{
  const char *kind = v21_record_get_string (record, "kind");

  if (sequence != NULL && g_strcmp0 (v21_record_get_string (record, "sequence"),
                                     v21_record_get_id (sequence)) != 0)
    return FALSE;
  if (g_strcmp0 (target, "cards") == 0)
    return g_strcmp0 (kind, card_kind) == 0;
  return card_kind == NULL || *kind == '\0' || g_strcmp0 (kind, card_kind) == 0;
}

/* The kind every card of @targets shares, or NULL. */
static const char *
common_kind (GPtrArray *targets)
{
  const char *kind = NULL;

  for (guint i = 0; i < targets->len; i++)
    {
      const char *k = v21_record_get_string (g_ptr_array_index (targets, i), "kind");

      if (k == NULL || (kind != NULL && g_strcmp0 (k, kind) != 0))
        return NULL;
      kind = k;
    }
  return kind;
}

static V21Record *
insert_round (V21Workshop *workshop,
              const char  *title,
              const char  *target,
              const char  *card_kind,
              GPtrArray   *records,
              V21Record   *sequence,
              const char  *method,
              int          budget,
              const char  *voters,
              GError     **error)
{
  json_object *targets = json_object_new_array ();
  json_object *fields = json_object_new_object ();

  for (guint i = 0; i < records->len; i++)
    json_object_array_add (targets, json_object_new_string (v21_record_get_id (g_ptr_array_index (records, i))));
  json_object_object_add (fields, "title", json_object_new_string (title ? title : ""));
  json_object_object_add (fields, "sequence", v21_ref_or_null (sequence));
  json_object_object_add (fields, "target", json_object_new_string (target ? target : ""));
  json_object_object_add (fields, "card_kind", card_kind ? json_object_new_string (card_kind) : NULL);
  json_object_object_add (fields, "targets", targets);
  json_object_object_add (fields, "method", json_object_new_string (method ? method : ""));
  json_object_object_add (fields, "budget", json_object_new_int (budget));
  json_object_object_add (fields, "voters", json_object_new_string (voters ? voters : ""));
  json_object_object_add (fields, "revealed", json_object_new_boolean (FALSE));
  return v21_workshop_insert (workshop, "vote_rounds", -1, fields, error);
}

V21Record *
v21_vote_round_create (V21Workshop *workshop,
                       const char  *title,
                       const char  *target,
                       const char  *card_kind,
                       V21Record   *sequence,
                       const char  *method,
                       int          budget,
                       const char  *voters,
                       GError     **error)
{
  V21Collection *list;
  g_autoptr(GPtrArray) records = g_ptr_array_new ();

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  list = v21_workshop_get_collection (workshop, g_strcmp0 (target, "clusters") == 0 ? "clusters" : "cards");
  for (guint i = 0; i < v21_collection_get_n (list); i++)
    {
      V21Record *record = v21_collection_get (list, i);

      if (target_fits (record, target, card_kind, sequence))
        g_ptr_array_add (records, record);
    }
  return insert_round (workshop, title, target, card_kind, records, sequence, method, budget, voters, error);
}

V21Record *
v21_vote_round_create_on (V21Workshop *workshop,
                          const char  *title,
                          GPtrArray   *cards,
                          V21Record   *sequence,
                          const char  *method,
                          int          budget,
                          const char  *voters,
                          GError     **error)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (cards != NULL, NULL);
  return insert_round (workshop, title, "cards", common_kind (cards), cards, sequence, method, budget, voters,
                       error);
}

gboolean
v21_person_votes (V21Record *person)
{
  const char *role = v21_record_get_string (person, "role");

  return g_strcmp0 (role, "facilitator") != 0 && g_strcmp0 (role, "observer") != 0;
}

GPtrArray *
v21_vote_round_voters (V21Workshop *workshop,
                       V21Record   *round)
{
  gboolean tables = g_strcmp0 (v21_record_get_string (round, "voters"), "tables") == 0;
  V21Collection *list = v21_workshop_get_collection (workshop, tables ? "tables" : "people");
  GPtrArray *voters = g_ptr_array_new ();

  for (guint i = 0; i < v21_collection_get_n (list); i++)
    if (tables || v21_person_votes (v21_collection_get (list, i)))
      g_ptr_array_add (voters, v21_collection_get (list, i));
  return voters;
}

gboolean
v21_vote_round_reveal (V21Workshop *workshop,
                       V21Record   *round,
                       gboolean     revealed,
                       GError     **error)
{
  return v21_workshop_set (workshop, round, "revealed", json_object_new_boolean (revealed), error);
}

/**
 * v21_votes_find:
 * @voter: (nullable): a voter's id, or NULL for counted dots
 *
 * Returns: (transfer none) (nullable): the vote of @voter for @target in @round
 */
V21Record *
v21_votes_find (V21Workshop *workshop,
                const char  *round,
                const char  *voter,
                const char  *target)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  return _v21_workshop_find_vote (workshop, round, voter, target);
}

static V21Record *
find_vote (V21Workshop *workshop,
           V21Record   *round,
           V21Record   *voter,
           V21Record   *target)
{
  return v21_votes_find (workshop, v21_record_get_id (round),
                         voter ? v21_record_get_id (voter) : NULL, v21_record_get_id (target));
}

gint64
v21_votes_get_count (V21Workshop *workshop,
                     V21Record   *round,
                     V21Record   *voter,
                     V21Record   *target)
{
  V21Record *vote;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), 0);
  vote = find_vote (workshop, round, voter, target);
  return vote != NULL ? v21_record_get_int (vote, "count", 0) : 0;
}

gint64
v21_votes_used (V21Workshop *workshop,
                V21Record   *round,
                V21Record   *voter)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), 0);
  g_return_val_if_fail (V21_IS_RECORD (round), 0);
  return _v21_workshop_vote_total (workshop, v21_record_get_id (round),
                                   voter ? v21_record_get_id (voter) : NULL);
}

static gboolean
check_budget (V21Workshop *workshop,
              V21Record   *round,
              V21Record   *voter,
              gint64       current,
              gint64       count,
              GError     **error)
{
  gint64 budget = v21_record_get_int (round, "budget", 0);
  gint64 elsewhere;
  const char *name;

  if (voter == NULL)
    return TRUE;
  elsewhere = v21_votes_used (workshop, round, voter) - current;
  if (elsewhere + count <= budget)
    return TRUE;
  name = v21_record_get_string (voter, "name");
  g_set_error (error, V21_ERROR, V21_ERROR_VALUE,
               /* Translators: "Table Sèvre has 5 votes in this round and already gave 4 elsewhere: at most 1 here" */
               _("%s has %ld votes in this round and already gave %ld elsewhere: at most %ld here"),
               name, (long) budget, (long) elsewhere, (long) MAX (budget - elsewhere, 0));
  return FALSE;
}

gboolean
v21_votes_set_count (V21Workshop *workshop,
                     V21Record   *round,
                     V21Record   *voter,
                     V21Record   *target,
                     gint64       count,
                     GError     **error)
{
  V21Record *vote;
  json_object *fields;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (V21_IS_RECORD (round) && V21_IS_RECORD (target), FALSE);
  if (count < 0 || count > 10000)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_VALUE, _("A count of votes is between 0 and %d"), 10000);
      return FALSE;
    }
  vote = find_vote (workshop, round, voter, target);
  if (!check_budget (workshop, round, voter, vote ? v21_record_get_int (vote, "count", 0) : 0, count, error))
    return FALSE;
  if (vote != NULL && count == 0)
    return v21_workshop_remove (workshop, vote, error);
  if (vote != NULL)
    return v21_workshop_set (workshop, vote, "count", json_object_new_int64 (count), error);
  if (count == 0)
    return TRUE;
  fields = json_object_new_object ();
  json_object_object_add (fields, "round", v21_ref_or_null (round));
  json_object_object_add (fields, "voter", v21_ref_or_null (voter));
  json_object_object_add (fields, "target", v21_ref_or_null (target));
  json_object_object_add (fields, "count", json_object_new_int64 (count));
  return v21_workshop_insert (workshop, "votes", -1, fields, error) != NULL;
}

/* Results */

static int
by_total (gconstpointer a,
          gconstpointer b,
          gpointer      data)
{
  const V21VoteTally *x = a;
  const V21VoteTally *y = b;

  return (x->total < y->total) - (x->total > y->total);
}

/* The table a vote counts for: the voting table, or the voting person's table. */
static int
table_index (V21VoteResults *results,
             V21Workshop    *workshop,
             const char     *voter_id)
{
  V21Record *voter = voter_id ? v21_workshop_lookup (workshop, voter_id) : NULL;
  const char *table_id;

  if (voter == NULL)
    return -1;
  table_id = g_strcmp0 (v21_record_get_collection (voter), "tables") == 0
             ? v21_record_get_id (voter) : v21_record_get_string (voter, "table");
  for (guint i = 0; i < results->n_tables; i++)
    if (g_strcmp0 (v21_record_get_id (results->tables[i]), table_id) == 0)
      return (int) i;
  return -1;
}

static void
count_votes (V21VoteResults *results,
             V21Workshop    *workshop,
             GHashTable     *by_target)
{
  V21Collection *votes = v21_workshop_get_collection (workshop, "votes");
  g_autoptr(GHashTable) voters = g_hash_table_new (g_str_hash, g_str_equal);
  const char *round_id = v21_record_get_id (results->round);

  for (guint i = 0; i < v21_collection_get_n (votes); i++)
    {
      V21Record *vote = v21_collection_get (votes, i);
      V21VoteTally *tally;
      const char *voter;
      gint64 count;
      int table;

      if (g_strcmp0 (v21_record_get_string (vote, "round"), round_id) != 0)
        continue;
      tally = g_hash_table_lookup (by_target, v21_record_get_string (vote, "target"));
      if (tally == NULL)
        continue;
      voter = v21_record_is_null (vote, "voter") ? NULL : v21_record_get_string (vote, "voter");
      count = v21_record_get_int (vote, "count", 0);
      table = table_index (results, workshop, voter);
      tally->total += count;
      if (table >= 0)
        tally->per_table[table] += count;
      else
        tally->no_table += count;
      results->total += count;
      if (voter != NULL)
        g_hash_table_add (voters, (gpointer) voter);
    }
  results->n_voters = g_hash_table_size (voters);
}

static void
rank (V21VoteResults *results)
{
  /* g_qsort_with_data is stable (a merge sort): ties keep the round's order. */
  g_qsort_with_data (results->tallies, results->n_tallies, sizeof (V21VoteTally),
                     by_total, NULL);
  for (guint i = 0; i < results->n_tallies; i++)
    {
      V21VoteTally *tally = &results->tallies[i];

      tally->rank = i > 0 && tally->total == tally[-1].total ? tally[-1].rank : i + 1;
      results->max_total = MAX (results->max_total, tally->total);
    }
}

/**
 * v21_vote_results_new:
 *
 * Counts @round's votes. Targets that no longer exist are left out.
 *
 * Returns: (transfer full): the results; free with v21_vote_results_free()
 */
V21VoteResults *
v21_vote_results_new (V21Workshop *workshop,
                      V21Record   *round)
{
  V21Collection *tables = v21_workshop_get_collection (workshop, "tables");
  json_object *targets = v21_record_get_value (round, "targets");
  gsize n = json_object_is_type (targets, json_type_array) ? json_object_array_length (targets) : 0;
  g_autoptr(GHashTable) by_target = g_hash_table_new (g_str_hash, g_str_equal);
  V21VoteResults *results = g_new0 (V21VoteResults, 1);

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  results->round = g_object_ref (round);
  results->revealed = v21_record_get_bool (round, "revealed");
  results->n_tables = v21_collection_get_n (tables);
  results->tables = g_new0 (V21Record *, results->n_tables + 1);
  for (guint i = 0; i < results->n_tables; i++)
    results->tables[i] = v21_collection_get (tables, i);
  results->tallies = g_new0 (V21VoteTally, n + 1);
  for (gsize i = 0; i < n; i++)
    {
      const char *id = json_object_get_string (json_object_array_get_idx (targets, i));
      V21Record *target = v21_workshop_lookup (workshop, id);
      V21VoteTally *tally;

      if (target == NULL || g_hash_table_contains (by_target, id))
        continue;
      tally = &results->tallies[results->n_tallies++];
      tally->target = target;
      tally->label = g_strcmp0 (v21_record_get_collection (target), "clusters") == 0
                     ? v21_record_get_string (target, "name") : v21_record_get_string (target, "text");
      tally->per_table = g_new0 (gint64, MAX (results->n_tables, 1));
      g_hash_table_insert (by_target, (gpointer) v21_record_get_id (target), tally);
    }
  count_votes (results, workshop, by_target);
  rank (results);
  return results;
}

void
v21_vote_results_free (V21VoteResults *results)
{
  if (results == NULL)
    return;
  for (guint i = 0; i < results->n_tallies; i++)
    g_free (results->tallies[i].per_table);
  g_free (results->tallies);
  g_free (results->tables);
  g_clear_object (&results->round);
  g_free (results);
}
