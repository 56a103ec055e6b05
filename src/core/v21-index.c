/* v21-index.c — which records refer to an id, and the votes by round and voter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-index"

#include "config.h"

#include <string.h>

#include "v21-index.h"
#include "v21-schema.h"

/* Each part is NULL until asked. Records are borrowed: each leaves the index
 * before it leaves the workshop. */
struct _V21Index
{
  GHashTable *collections;   /* name -> V21Collection (borrowed) */
  GHashTable *refs;          /* id -> GHashTable (V21Record -> how many of its references hold the id) */
  GHashTable *rounds;        /* round id -> GHashTable (voter id, "" for counted dots -> Voter) */
};

/* The votes of one voter (or the counted dots) in one round. */
typedef struct
{
  gint64      total;       /* their counts */
  GHashTable *by_target;   /* target id (the vote's own string) -> V21Record */
  GHashTable *others;      /* target id (owned) -> GPtrArray: its other votes, when a
                            * file holds several for one target; NULL until then */
} Voter;

static void
voter_free (Voter *voter)
{
  g_hash_table_unref (voter->by_target);
  g_clear_pointer (&voter->others, g_hash_table_unref);
  g_free (voter);
}

V21Index *
v21_index_new (GHashTable *collections)
{
  V21Index *self = g_new0 (V21Index, 1);

  self->collections = collections;
  return self;
}

void
v21_index_free (V21Index *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->refs, g_hash_table_unref);
  g_clear_pointer (&self->rounds, g_hash_table_unref);
  g_free (self);
}

/* References */

static void
count_reference (V21Index   *self,
                 const char *id,
                 V21Record  *record,
                 int         delta)
{
  GHashTable *set = g_hash_table_lookup (self->refs, id);
  guint count;

  if (set == NULL)
    {
      g_return_if_fail (delta > 0);
      set = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (self->refs, g_strdup (id), set);
    }
  count = GPOINTER_TO_UINT (g_hash_table_lookup (set, record));
  g_return_if_fail (delta > 0 || count > 0);
  count += delta;
  if (count > 0)
    g_hash_table_insert (set, record, GUINT_TO_POINTER (count));
  else if (g_hash_table_remove (set, record) && g_hash_table_size (set) == 0)
    g_hash_table_remove (self->refs, id);
}

/* Adds (@delta 1) or takes back (-1) what @field of @record refers to. */
static void
count_field (V21Index       *self,
             V21Record      *record,
             const V21Field *field,
             int             delta)
{
  /* The typed getter for a reference: a text would make the record lend its tree. */
  const char *id = field->type == V21_FIELD_REF ? v21_record_get_string (record, field->name) : NULL;
  json_object *value = field->type == V21_FIELD_REF_LIST ? v21_record_get_value (record, field->name) : NULL;

  if (id)
    count_reference (self, id, record, delta);
  else if (json_object_is_type (value, json_type_array))
    for (gsize i = 0; i < json_object_array_length (value); i++)
      {
        json_object *item = json_object_array_get_idx (value, i);

        if (json_object_is_type (item, json_type_string))
          count_reference (self, json_object_get_string (item), record, delta);
      }
}

static void
count_record (V21Index  *self,
              V21Record *record,
              int        delta)
{
  const V21Kind *kind = v21_schema_lookup (v21_record_get_collection (record));

  if (kind == NULL)
    return;
  for (const V21Field *f = kind->fields; f->name; f++)
    if (f->type == V21_FIELD_REF || f->type == V21_FIELD_REF_LIST)
      count_field (self, record, f, delta);
}

static void
ensure_refs (V21Index *self)
{
  GHashTableIter iter;
  gpointer list;

  if (self->refs != NULL)
    return;
  self->refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  g_hash_table_iter_init (&iter, self->collections);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    for (guint i = 0; i < v21_collection_get_n (list); i++)
      count_record (self, v21_collection_get (list, i), 1);
}

GPtrArray *
v21_index_referrers (V21Index   *self,
                     const char *id)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTable *set;
  GHashTableIter iter;
  gpointer record;

  ensure_refs (self);
  set = g_hash_table_lookup (self->refs, id);
  if (set == NULL)
    return found;
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &record, NULL))
    g_ptr_array_add (found, g_object_ref (record));
  return found;
}

/* Votes */

static gboolean
is_vote (V21Record *record)
{
  return g_strcmp0 (v21_record_get_collection (record), "votes") == 0;
}

/* The votes of @voter (NULL: counted dots) in @round; made when @create. */
static Voter *
voter_entry (V21Index   *self,
             const char *round,
             const char *voter,
             gboolean    create)
{
  GHashTable *voters = g_hash_table_lookup (self->rounds, round);
  Voter *entry;

  if (voter == NULL)
    voter = "";
  if (voters == NULL && !create)
    return NULL;
  if (voters == NULL)
    {
      voters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) voter_free);
      g_hash_table_insert (self->rounds, g_strdup (round), voters);
    }
  entry = g_hash_table_lookup (voters, voter);
  if (entry == NULL && create)
    {
      entry = g_new0 (Voter, 1);
      entry->by_target = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (voters, g_strdup (voter), entry);
    }
  return entry;
}

static void
add_target (Voter      *voter,
            const char *target,
            V21Record  *vote)
{
  GPtrArray *others;

  if (!g_hash_table_contains (voter->by_target, target))
    {
      g_hash_table_insert (voter->by_target, (gpointer) target, vote);
      return;
    }
  if (voter->others == NULL)
    voter->others = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  others = g_hash_table_lookup (voter->others, target);
  if (others == NULL)
    {
      others = g_ptr_array_new ();
      g_hash_table_insert (voter->others, g_strdup (target), others);
    }
  g_ptr_array_add (others, vote);
}

/* The vote kept for @target leaving, one of its others (if any) takes its place. */
static void
remove_target (Voter      *voter,
               const char *target,
               V21Record  *vote)
{
  GPtrArray *others = voter->others ? g_hash_table_lookup (voter->others, target) : NULL;

  if (g_hash_table_lookup (voter->by_target, target) == vote)
    {
      g_hash_table_remove (voter->by_target, target);
      if (others == NULL)
        return;
      vote = g_ptr_array_steal_index (others, others->len - 1);
      g_hash_table_insert (voter->by_target, (gpointer) v21_record_get_string (vote, "target"), vote);
    }
  else if (others == NULL || !g_ptr_array_remove_fast (others, vote))
    g_return_if_reached ();
  if (others->len == 0)
    g_hash_table_remove (voter->others, target);
}

static void
count_vote (V21Index  *self,
            V21Record *vote,
            int        delta)
{
  const char *round = v21_record_get_string (vote, "round");
  const char *target = v21_record_get_string (vote, "target");
  Voter *voter;

  if (round == NULL)
    return;
  voter = voter_entry (self, round, v21_record_get_string (vote, "voter"), delta > 0);
  g_return_if_fail (voter != NULL);
  voter->total += delta * v21_record_get_int (vote, "count", 0);
  if (target == NULL)
    return;
  if (delta > 0)
    add_target (voter, target, vote);
  else
    remove_target (voter, target, vote);
}

static void
ensure_rounds (V21Index *self)
{
  V21Collection *votes;

  if (self->rounds != NULL)
    return;
  self->rounds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  votes = g_hash_table_lookup (self->collections, "votes");
  for (guint i = 0; i < v21_collection_get_n (votes); i++)
    count_vote (self, v21_collection_get (votes, i), 1);
}

static Voter *
lookup_voter (V21Index   *self,
              const char *round,
              const char *voter)
{
  ensure_rounds (self);
  return voter_entry (self, round, voter, FALSE);
}

gint64
v21_index_vote_total (V21Index   *self,
                      const char *round,
                      const char *voter)
{
  Voter *entry = round ? lookup_voter (self, round, voter) : NULL;

  return entry ? entry->total : 0;
}

/* Of several votes, the one first in the list. */
static V21Record *
first_vote (V21Index  *self,
            V21Record *vote,
            GPtrArray *others)
{
  V21Collection *votes = g_hash_table_lookup (self->collections, "votes");
  guint first = G_MAXUINT;

  v21_collection_find (votes, vote, &first);
  for (guint i = 0; i < others->len; i++)
    {
      guint position = G_MAXUINT;

      if (v21_collection_find (votes, g_ptr_array_index (others, i), &position) && position < first)
        {
          first = position;
          vote = g_ptr_array_index (others, i);
        }
    }
  return vote;
}

V21Record *
v21_index_find_vote (V21Index   *self,
                     const char *round,
                     const char *voter,
                     const char *target)
{
  Voter *entry = round && target ? lookup_voter (self, round, voter) : NULL;
  V21Record *vote = entry ? g_hash_table_lookup (entry->by_target, target) : NULL;
  GPtrArray *others = vote && entry->others ? g_hash_table_lookup (entry->others, target) : NULL;

  return others ? first_vote (self, vote, others) : vote;
}

/* Keeping it right */

static gboolean
is_vote_field (const char *field)
{
  return strcmp (field, "round") == 0 || strcmp (field, "voter") == 0
         || strcmp (field, "target") == 0 || strcmp (field, "count") == 0;
}

void
v21_index_add (V21Index  *self,
               V21Record *record)
{
  if (self->refs)
    count_record (self, record, 1);
  if (self->rounds && is_vote (record))
    count_vote (self, record, 1);
}

void
v21_index_remove (V21Index  *self,
                  V21Record *record)
{
  if (self->refs)
    count_record (self, record, -1);
  if (self->rounds && is_vote (record))
    count_vote (self, record, -1);
}

static void
count_change (V21Index   *self,
              V21Record  *record,
              const char *field,
              int         delta)
{
  const V21Kind *kind = v21_schema_lookup (v21_record_get_collection (record));
  const V21Field *f = kind ? v21_kind_field (kind, field) : NULL;

  if (f == NULL)
    return;
  if (self->refs && (f->type == V21_FIELD_REF || f->type == V21_FIELD_REF_LIST))
    count_field (self, record, f, delta);
  if (self->rounds && is_vote (record) && is_vote_field (field))
    count_vote (self, record, delta);
}

void
v21_index_forget_field (V21Index   *self,
                        V21Record  *record,
                        const char *field)
{
  count_change (self, record, field, -1);
}

void
v21_index_add_field (V21Index   *self,
                     V21Record  *record,
                     const char *field)
{
  count_change (self, record, field, 1);
}
