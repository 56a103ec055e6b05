/* v21-merge.c — bringing the tables' files into the master workshop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-merge"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-merge.h"
#include "v21-schema.h"
#include "v21-report-private.h"
#include "v21-workshop-private.h"

/* The lists whose differing records keep both versions. */
static const char * const produced[] = {
  "clusters", "cards", "links", "scenarios", "trajectories", "points", "exercise_notes", NULL
};

static void
conflict_free (V21MergeConflict *conflict)
{
  g_free (conflict->collection);
  g_free (conflict->id);
  g_free (conflict->copy_id);
  g_free (conflict->label);
  g_free (conflict->detail);
  g_free (conflict);
}

V21MergeSummary *
v21_merge_summary_new (void)
{
  V21MergeSummary *summary = g_new0 (V21MergeSummary, 1);

  summary->added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  summary->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);
  summary->refused = g_ptr_array_new_with_free_func (g_free);
  return summary;
}

void
v21_merge_summary_free (V21MergeSummary *summary)
{
  if (summary == NULL)
    return;
  g_hash_table_unref (summary->added);
  g_ptr_array_unref (summary->conflicts);
  g_ptr_array_unref (summary->refused);
  g_free (summary);
}

guint
v21_merge_summary_get_added (V21MergeSummary *summary,
                             const char      *collection)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (summary->added, collection));
}

guint
v21_merge_summary_total_added (V21MergeSummary *summary)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, summary->added);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);
  return total;
}

static void
count_added (V21MergeSummary *summary,
             const char      *collection)
{
  g_hash_table_insert (summary->added, g_strdup (collection),
                       GUINT_TO_POINTER (v21_merge_summary_get_added (summary, collection) + 1));
}

static const char *
count_format (const char *collection,
              guint       n)
{
  if (strcmp (collection, "days") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", n);
  if (strcmp (collection, "tables") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u table", "%u tables", n);
  if (strcmp (collection, "people") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n);
  if (strcmp (collection, "exercises") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u exercise", "%u exercises", n);
  if (strcmp (collection, "sequences") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u session block", "%u session blocks", n);
  if (strcmp (collection, "materials") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u prepared material", "%u prepared materials", n);
  if (strcmp (collection, "clusters") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u cluster", "%u clusters", n);
  if (strcmp (collection, "cards") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u card", "%u cards", n);
  if (strcmp (collection, "links") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", n);
  if (strcmp (collection, "vote_rounds") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u vote round", "%u vote rounds", n);
  if (strcmp (collection, "votes") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u vote", "%u votes", n);
  if (strcmp (collection, "robustness") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u robustness score", "%u robustness scores", n);
  if (strcmp (collection, "scenarios") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u scenario", "%u scenarios", n);
  if (strcmp (collection, "trajectories") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u trajectory", "%u trajectories", n);
  if (strcmp (collection, "points") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u point of a trajectory", "%u points of trajectories", n);
  if (strcmp (collection, "exercise_notes") == 0)
    return g_dngettext (GETTEXT_PACKAGE, "%u exercise note", "%u exercise notes", n);
  return g_dngettext (GETTEXT_PACKAGE, "%u checklist item", "%u checklist items", n);
}

static char *
count_text (const char *collection,
            guint       n)
{
  return g_strdup_printf (count_format (collection, n), n);
}

char *
v21_merge_summary_format (V21MergeSummary *summary)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GString) added = g_string_new (NULL);

  for (const V21Kind **kind = v21_schema_collections (); *kind != NULL; kind++)
    {
      guint n = v21_merge_summary_get_added (summary, (*kind)->collection);
      g_autofree char *part = NULL;

      if (n == 0)
        continue;
      part = count_text ((*kind)->collection, n);
      g_string_append_printf (added, "%s%s", added->len > 0 ? ", " : "", part);
    }
  if (added->len > 0)
    /* Translators: after a merge: "Arrivés : 12 cartes, 3 votes." */
    g_string_append_printf (text, _("Came in: %s."), added->str);
  else
    g_string_append (text, _("Nothing new came in."));
  if (summary->updated > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u item took the table’s changes.",
                                                 "%u items took the tables’ changes.", summary->updated),
                              summary->updated);
    }
  if (summary->unchanged > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u item was already there.",
                                                 "%u items were already there.", summary->unchanged),
                              summary->unchanged);
    }
  if (summary->conflicts->len > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u conflict (edited on both sides):",
                                                 "%u conflicts (edited on both sides):", summary->conflicts->len),
                              summary->conflicts->len);
      for (guint i = 0; i < summary->conflicts->len; i++)
        {
          V21MergeConflict *conflict = g_ptr_array_index (summary->conflicts, i);

          g_string_append_printf (text, "\n  • “%s”: %s", conflict->label, conflict->detail);
        }
    }
  if (summary->refused->len > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u item could not come in:",
                                                 "%u items could not come in:", summary->refused->len),
                              summary->refused->len);
      for (guint i = 0; i < summary->refused->len; i++)
        g_string_append_printf (text, "\n  • %s", (const char *) g_ptr_array_index (summary->refused, i));
    }
  return g_string_free (text, FALSE);
}

/* Merging */

typedef struct
{
  V21Workshop     *master;
  V21MergeSummary *summary;
  GHashTable      *keys;      /* natural key ("votes\x1fround\x1fvoter\x1ftarget") → V21Record */
  GHashTable      *base;      /* id → the record as the table received it (incoming's merge_base) */
  json_object     *base_root; /* the workshop's own fields then, or NULL */
} Merge;

static const char *
record_label (json_object *record)
{
  static const char * const fields[] = { "text", "title", "name", "label", "comment", NULL };

  for (guint i = 0; fields[i] != NULL; i++)
    {
      json_object *value = NULL;

      if (json_object_object_get_ex (record, fields[i], &value) && json_object_is_type (value, json_type_string)
          && json_object_get_string_len (value) > 0)
        return json_object_get_string (value);
    }
  return json_object_get_string (json_object_object_get (record, "id"));
}

static const char *
string_of (json_object *record,
           const char  *field)
{
  json_object *value = NULL;

  if (json_object_object_get_ex (record, field, &value) && json_object_is_type (value, json_type_string))
    return json_object_get_string (value);
  return "";
}

/* Votes, scores and links are also the same when they join the same records. */
static char *
natural_key (const char  *collection,
             json_object *record)
{
  if (strcmp (collection, "votes") == 0)
    return g_strjoin ("\x1f", collection, string_of (record, "round"), string_of (record, "voter"),
                      string_of (record, "target"), NULL);
  if (strcmp (collection, "robustness") == 0)
    return g_strjoin ("\x1f", collection, string_of (record, "challenge"), string_of (record, "answer"), NULL);
  if (strcmp (collection, "links") == 0)
    return g_strjoin ("\x1f", collection, string_of (record, "from"), string_of (record, "to"),
                      string_of (record, "kind"), NULL);
  return NULL;
}

static void
index_keys (Merge *merge)
{
  static const char * const keyed[] = { "votes", "robustness", "links", NULL };

  for (guint k = 0; keyed[k] != NULL; k++)
    {
      V21Collection *list = v21_workshop_get_collection (merge->master, keyed[k]);

      for (guint i = 0; i < v21_collection_get_n (list); i++)
        {
          V21Record *record = v21_collection_get (list, i);

          g_hash_table_insert (merge->keys, natural_key (keyed[k], v21_record_get_json (record)), record);
        }
    }
}

/* The common ancestor: what the master was when @incoming was made from it
 * (v21_workshop_copy_for_table). None for a file copied by hand, or made from
 * another workshop. */
static void
index_base (Merge       *merge,
            V21Workshop *incoming)
{
  json_object *base = v21_record_get_value (v21_workshop_get_root (incoming), V21_MERGE_BASE);
  json_object *workshop = NULL;

  if (base == NULL || !json_object_is_type (base, json_type_object)
      || !json_object_object_get_ex (base, "workshop", &workshop)
      || !json_object_is_type (workshop, json_type_object)
      || g_strcmp0 (string_of (workshop, "id"), v21_record_get_id (v21_workshop_get_root (merge->master))) != 0)
    return;
  merge->base_root = workshop;
  merge->base = g_hash_table_new (g_str_hash, g_str_equal);
  for (const V21Kind **kind = v21_schema_collections (); *kind != NULL; kind++)
    {
      json_object *list = json_object_object_get (workshop, (*kind)->collection);

      for (gsize i = 0; list != NULL && json_object_is_type (list, json_type_array) && i < json_object_array_length (list); i++)
        {
          json_object *record = json_object_array_get_idx (list, i);

          if (json_object_is_type (record, json_type_object))
            g_hash_table_insert (merge->base, (gpointer) string_of (record, "id"), record);
        }
    }
}

/* Equal but for the id. */
static gboolean
same_content (json_object *a,
              json_object *b)
{
  g_autoptr(json_object) x = NULL;
  g_autoptr(json_object) y = NULL;

  json_object_deep_copy (a, &x, NULL);
  json_object_deep_copy (b, &y, NULL);
  json_object_object_del (x, "id");
  json_object_object_del (y, "id");
  return json_object_equal (x, y);
}

static void
add_conflict (Merge       *merge,
              const char  *collection,
              V21Record   *record,
              const char  *copy_id,
              const char  *detail)
{
  V21MergeConflict *conflict = g_new0 (V21MergeConflict, 1);

  conflict->collection = g_strdup (collection);
  conflict->id = g_strdup (v21_record_get_id (record));
  conflict->copy_id = g_strdup (copy_id);
  conflict->label = g_strdup (record_label (v21_record_get_json (record)));
  conflict->detail = g_strdup (detail);
  g_ptr_array_add (merge->summary->conflicts, conflict);
}

static void
refuse (Merge       *merge,
        const char  *collection,
        json_object *record,
        GError      *error)
{
  /* Translators: after a merge, an item that could not come in: "“Text” (cards): reason". */
  g_ptr_array_add (merge->summary->refused,
                   g_strdup_printf (_("“%s” (%s): %s"), record_label (record), collection, error->message));
}

static V21Record *
insert (Merge       *merge,
        const char  *collection,
        json_object *record)
{
  g_autoptr(GError) error = NULL;
  json_object *fields = NULL;
  V21Record *inserted;
  char *key;

  json_object_deep_copy (record, &fields, NULL);
  inserted = v21_workshop_insert (merge->master, collection, -1, fields, &error);
  if (inserted == NULL)
    {
      refuse (merge, collection, record, error);
      return NULL;
    }
  key = natural_key (collection, v21_record_get_json (inserted));
  if (key != NULL)
    g_hash_table_insert (merge->keys, key, inserted);
  count_added (merge->summary, collection);
  return inserted;
}

/* An id for the incoming version of @record, the same every time. */
static char *
copy_id (json_object *record)
{
  const char *id = string_of (record, "id");
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1,
                                                         json_object_to_json_string_ext (record, JSON_C_TO_STRING_PLAIN),
                                                         -1);

  return g_strdup_printf ("%.50s-v%.8s", id, hash);
}

static void
keep_both (Merge       *merge,
           const char  *collection,
           V21Record   *mine,
           json_object *theirs)
{
  g_autofree char *id = copy_id (theirs);
  json_object *copy = NULL;
  V21Record *inserted;

  if (v21_workshop_lookup (merge->master, id) != NULL)
    {
      merge->summary->unchanged++;
      return;
    }
  json_object_deep_copy (theirs, &copy, NULL);
  json_object_object_add (copy, "id", json_object_new_string (id));
  inserted = insert (merge, collection, copy);
  json_object_put (copy);
  if (inserted != NULL)
    add_conflict (merge, collection, mine, id, _("both versions kept, the table’s as a copy"));
}

/* Sets @field of @record, known to the format or not. */
static gboolean
set_field (Merge       *merge,
           V21Record   *record,
           const char  *field,
           json_object *value,
           GError     **error)
{
  V21Record *root = v21_workshop_get_root (merge->master);
  const V21Kind *kind = record == root ? v21_schema_root () : v21_schema_lookup (v21_record_get_collection (record));
  json_object *copy = NULL;

  json_object_deep_copy (value, &copy, NULL);
  if (v21_kind_field (kind, field) != NULL)
    return v21_workshop_set (merge->master, record, field, copy, error);
  return _v21_workshop_set_extra (merge->master, record, field, copy, error);
}

/* The table's version of fields the master changed too, kept in the file
 * ("merge_conflicts") for someone to choose: nothing the table typed is lost. */
static gboolean
keep_their_values (Merge       *merge,
                   const char  *collection,
                   V21Record   *mine,
                   json_object *theirs,
                   GPtrArray   *fields)
{
  V21Record *root = v21_workshop_get_root (merge->master);
  json_object *kept = v21_record_get_value (root, V21_MERGE_CONFLICTS);
  json_object *list = json_object_new_array ();
  gboolean added = FALSE;

  for (gsize i = 0; kept != NULL && json_object_is_type (kept, json_type_array) && i < json_object_array_length (kept); i++)
    json_object_array_add (list, json_object_get (json_object_array_get_idx (kept, i)));
  for (guint f = 0; f < fields->len; f++)
    {
      const char *field = g_ptr_array_index (fields, f);
      json_object *entry = json_object_new_object ();
      json_object *value = NULL;
      gboolean present = FALSE;

      json_object_deep_copy (json_object_object_get (theirs, field), &value, NULL);
      json_object_object_add (entry, "collection", json_object_new_string (collection));
      json_object_object_add (entry, "id", json_object_new_string (v21_record_get_id (mine)));
      json_object_object_add (entry, "field", json_object_new_string (field));
      json_object_object_add (entry, "theirs", value);
      for (gsize i = 0; !present && i < json_object_array_length (list); i++)
        present = json_object_equal (json_object_array_get_idx (list, i), entry);
      if (present)
        json_object_put (entry);
      else
        {
          json_object_array_add (list, entry);
          added = TRUE;
        }
    }
  if (!added)
    {
      json_object_put (list);
      return FALSE;
    }
  return _v21_workshop_set_extra (merge->master, root, V21_MERGE_CONFLICTS, list, NULL);
}

static char *
describe_fields (json_object *theirs,
                 GPtrArray   *fields)
{
  GString *text = g_string_new (NULL);

  for (guint f = 0; f < fields->len; f++)
    {
      const char *field = g_ptr_array_index (fields, f);
      json_object *value = json_object_object_get (theirs, field);
      const char *shown = json_object_is_type (value, json_type_string) ? json_object_get_string (value)
                          : json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);

      g_string_append_printf (text, "%s%s “%.80s”", text->len > 0 ? ", " : "", field, shown);
    }
  return g_string_free (text, FALSE);
}

static void
keep_master_and_theirs (Merge       *merge,
                        const char  *collection,
                        V21Record   *mine,
                        json_object *theirs,
                        GPtrArray   *fields)
{
  g_autofree char *values = NULL;
  g_autofree char *detail = NULL;

  if (!keep_their_values (merge, collection, mine, theirs, fields))
    {
      merge->summary->unchanged++;
      return;
    }
  values = describe_fields (theirs, fields);
  /* Translators: after a merge; %s lists the table's values, e.g. email “a@b.fr”. */
  detail = g_strdup_printf (_("edited on both sides: the master’s version kept; the table’s (%s) kept in the file’s merge_conflicts"), values);
  add_conflict (merge, collection, mine, NULL, detail);
}

static void
merge_round (Merge       *merge,
             V21Record   *mine,
             json_object *theirs)
{
  g_autoptr(json_object) mine_copy = NULL;
  g_autoptr(json_object) theirs_copy = NULL;
  json_object *targets = v21_record_get_value (mine, "targets");
  json_object *their_targets = json_object_object_get (theirs, "targets");
  json_object *union_targets = json_object_new_array ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  /* Besides the targets and whether it was revealed, the rounds must agree. */
  json_object_deep_copy (v21_record_get_json (mine), &mine_copy, NULL);
  json_object_deep_copy (theirs, &theirs_copy, NULL);
  json_object_object_del (mine_copy, "targets");
  json_object_object_del (theirs_copy, "targets");
  json_object_object_del (mine_copy, "revealed");
  json_object_object_del (theirs_copy, "revealed");
  if (!json_object_equal (mine_copy, theirs_copy))
    {
      json_object_put (union_targets);
      keep_both (merge, "vote_rounds", mine, theirs);
      return;
    }
  for (int pass = 0; pass < 2; pass++)
    {
      json_object *list = pass == 0 ? targets : their_targets;

      for (gsize i = 0; list != NULL && json_object_is_type (list, json_type_array) && i < json_object_array_length (list); i++)
        {
          const char *id = json_object_get_string (json_object_array_get_idx (list, i));

          if (!g_hash_table_contains (seen, id))
            {
              g_hash_table_add (seen, (gpointer) id);
              json_object_array_add (union_targets, json_object_new_string (id));
            }
        }
    }
  if (!json_object_equal (union_targets, targets))
    v21_workshop_set (merge->master, mine, "targets", json_object_get (union_targets), &error);
  json_object_put (union_targets);
  if (!v21_record_get_bool (mine, "revealed") && json_object_get_boolean (json_object_object_get (theirs, "revealed")))
    v21_workshop_set (merge->master, mine, "revealed", json_object_new_boolean (TRUE), NULL);
  merge->summary->unchanged++;
}

static void
merge_score (Merge       *merge,
             V21Record   *mine,
             json_object *theirs)
{
  const char *comment = _v21_text (mine, "comment");
  const char *their_comment = string_of (theirs, "comment");
  long their_score = (long) json_object_get_int64 (json_object_object_get (theirs, "score"));
  /* Translators: added to a robustness comment when a merged file scored the same cell differently. */
  g_autofree char *other = g_strdup_printf (_("Other version: %ld — %s"), their_score, their_comment);
  g_autofree char *joined = NULL;

  if (strstr (comment, other) != NULL)
    {
      merge->summary->unchanged++;
      return;
    }
  joined = comment[0] != '\0' ? g_strconcat (comment, "\n", other, NULL) : g_strdup (other);
  v21_workshop_set (merge->master, mine, "comment", json_object_new_string (joined), NULL);
  add_conflict (merge, "robustness", mine, NULL, _("the master’s score kept, the other version added to its comment"));
}

static void
merge_different (Merge       *merge,
                 const char  *collection,
                 V21Record   *mine,
                 json_object *theirs,
                 GPtrArray   *fields)
{
  if (strcmp (collection, "vote_rounds") == 0)
    merge_round (merge, mine, theirs);
  else if (strcmp (collection, "robustness") == 0)
    merge_score (merge, mine, theirs);
  else if (g_strv_contains (produced, collection))
    keep_both (merge, collection, mine, theirs);
  else
    keep_master_and_theirs (merge, collection, mine, theirs, fields);
}

static gboolean
same_value (json_object *a,
            json_object *b)
{
  return json_object_equal (a, b);
}

/* Fields that are the record's identity or the merge's own: never merged. */
static gboolean
merged_field (const char *collection,
              const char *field)
{
  if (strcmp (field, "id") == 0)
    return FALSE;
  if (collection[0] != '\0')
    return TRUE;
  return strcmp (field, "format") != 0 && strcmp (field, "version") != 0
         && strcmp (field, V21_MERGE_BASE) != 0 && strcmp (field, V21_MERGE_CONFLICTS) != 0
         && v21_schema_lookup (field) == NULL;
}

/* Three-way, field by field: a field the table changed and the master did not
 * (against @base, as the table received it) is taken; changed on both sides
 * (or without @base, different) it goes into @conflicting. */
static void
merge_fields (Merge       *merge,
              const char  *collection,
              V21Record   *mine,
              json_object *theirs,
              json_object *base,
              GPtrArray   *conflicting)
{
  json_object *my_json = v21_record_get_json (mine);
  gboolean taken = FALSE;

  json_object_object_foreach (theirs, field, their_value)
    {
      json_object *my_value = NULL;
      json_object *base_value = NULL;
      gboolean in_base = base != NULL && json_object_object_get_ex (base, field, &base_value);
      gboolean in_mine = json_object_object_get_ex (my_json, field, &my_value);

      if (!merged_field (collection, field) || (in_mine && same_value (my_value, their_value)))
        continue;
      if (base != NULL && in_base && same_value (their_value, base_value))
        continue;  /* the master's change, or no change */
      if (base != NULL && ((in_base && in_mine && same_value (my_value, base_value)) || (!in_base && !in_mine)))
        {
          g_autoptr(GError) error = NULL;

          if (set_field (merge, mine, field, their_value, &error))
            taken = TRUE;
          else
            refuse (merge, collection[0] != '\0' ? collection : _("the workshop"), theirs, error);
          continue;
        }
      g_ptr_array_add (conflicting, (gpointer) field);
    }
  if (taken)
    merge->summary->updated++;
}

static void
merge_existing (Merge       *merge,
                const char  *collection,
                V21Record   *mine,
                json_object *theirs)
{
  json_object *base = merge->base != NULL ? g_hash_table_lookup (merge->base, string_of (theirs, "id")) : NULL;
  g_autoptr(GPtrArray) conflicting = g_ptr_array_new ();

  if (same_content (v21_record_get_json (mine), theirs))
    {
      merge->summary->unchanged++;
      return;
    }
  merge_fields (merge, collection, mine, theirs, base, conflicting);
  if (conflicting->len == 0)
    return;
  if (strcmp (collection, "votes") == 0)
    {
      g_autofree char *detail = g_strdup_printf (_("the master’s count kept (%ld; the table’s file says %ld)"),
                                                 (long) v21_record_get_int (mine, "count", 0),
                                                 (long) json_object_get_int64 (json_object_object_get (theirs, "count")));

      keep_their_values (merge, collection, mine, theirs, conflicting);
      add_conflict (merge, collection, mine, NULL, detail);
      return;
    }
  merge_different (merge, collection, mine, theirs, conflicting);
}

static void
merge_record (Merge       *merge,
              const char  *collection,
              json_object *theirs)
{
  V21Record *mine = v21_workshop_lookup (merge->master, string_of (theirs, "id"));
  g_autofree char *key = NULL;

  if (mine != NULL && strcmp (v21_record_get_collection (mine), collection) != 0)
    {
      /* The same id in another list: the record comes in under a new id. */
      json_object *copy = NULL;
      g_autofree char *id = copy_id (theirs);

      if (v21_workshop_lookup (merge->master, id) != NULL)
        {
          merge->summary->unchanged++;
          return;
        }
      json_object_deep_copy (theirs, &copy, NULL);
      json_object_object_add (copy, "id", json_object_new_string (id));
      insert (merge, collection, copy);
      json_object_put (copy);
      return;
    }
  if (mine == NULL)
    {
      json_object *base = merge->base != NULL ? g_hash_table_lookup (merge->base, string_of (theirs, "id")) : NULL;

      /* Removed from the master after the copy was made, and not changed by
       * the table: it stays removed. */
      if (base != NULL && json_object_equal (base, theirs))
        {
          merge->summary->unchanged++;
          return;
        }
      key = natural_key (collection, theirs);
      mine = key != NULL ? g_hash_table_lookup (merge->keys, key) : NULL;
      if (mine == NULL)
        {
          insert (merge, collection, theirs);
          return;
        }
    }
  merge_existing (merge, collection, mine, theirs);
}

/* The workshop's own fields (title, territory, political goal…), three-way
 * like a record's; what both sides changed goes to merge_conflicts. */
static void
merge_root (Merge       *merge,
            V21Workshop *incoming)
{
  V21Record *mine = v21_workshop_get_root (merge->master);
  json_object *theirs = v21_record_get_json (v21_workshop_get_root (incoming));
  json_object *conflicts = json_object_object_get (theirs, V21_MERGE_CONFLICTS);
  g_autoptr(GPtrArray) conflicting = g_ptr_array_new ();

  merge_fields (merge, "", mine, theirs, merge->base_root, conflicting);
  if (conflicting->len > 0)
    keep_master_and_theirs (merge, "", mine, theirs, conflicting);
  /* What the table's own file kept from earlier merges stays kept. */
  for (gsize i = 0; conflicts != NULL && json_object_is_type (conflicts, json_type_array) && i < json_object_array_length (conflicts); i++)
    {
      json_object *entry = json_object_array_get_idx (conflicts, i);
      json_object *kept = v21_record_get_value (mine, V21_MERGE_CONFLICTS);
      json_object *list = json_object_new_array ();
      gboolean present = FALSE;

      for (gsize k = 0; kept != NULL && json_object_is_type (kept, json_type_array) && k < json_object_array_length (kept); k++)
        {
          present = present || json_object_equal (json_object_array_get_idx (kept, k), entry);
          json_object_array_add (list, json_object_get (json_object_array_get_idx (kept, k)));
        }
      if (present)
        json_object_put (list);
      else
        {
          json_object_array_add (list, json_object_get (entry));
          _v21_workshop_set_extra (merge->master, mine, V21_MERGE_CONFLICTS, list, NULL);
        }
    }
}

gboolean
v21_workshop_merge (V21Workshop     *master,
                    V21Workshop     *incoming,
                    V21MergeSummary *summary,
                    GError         **error)
{
  Merge merge = { master, summary, NULL, NULL, NULL };

  g_return_val_if_fail (V21_IS_WORKSHOP (master) && V21_IS_WORKSHOP (incoming), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  if (g_strcmp0 (v21_record_get_id (v21_workshop_get_root (master)),
                 v21_record_get_id (v21_workshop_get_root (incoming))) != 0)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_VALUE,
                   _("This file comes from another workshop (“%s”): only copies of “%s” can be merged into it"),
                   v21_workshop_get_title (incoming), v21_workshop_get_title (master));
      return FALSE;
    }
  merge.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index_keys (&merge);
  index_base (&merge, incoming);
  v21_workshop_begin_group (master, _("Import a Table’s Contributions"));
  merge_root (&merge, incoming);
  for (const V21Kind **kind = v21_schema_collections (); *kind != NULL; kind++)
    {
      V21Collection *list = v21_workshop_get_collection (incoming, (*kind)->collection);

      for (guint i = 0; i < v21_collection_get_n (list); i++)
        merge_record (&merge, (*kind)->collection, v21_record_get_json (v21_collection_get (list, i)));
    }
  v21_workshop_end_group (master);
  g_hash_table_unref (merge.keys);
  g_clear_pointer (&merge.base, g_hash_table_unref);
  summary->files++;
  return TRUE;
}

V21Workshop *
v21_workshop_copy_for_table (V21Workshop  *master,
                             GError      **error)
{
  g_autofree char *data = NULL;
  g_autoptr(json_object) root = NULL;
  g_autoptr(json_object) snapshot = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *made = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  json_object *base = json_object_new_object ();
  const char *text;

  g_return_val_if_fail (V21_IS_WORKSHOP (master), NULL);
  data = v21_workshop_to_data (master, NULL);
  root = json_tokener_parse (data);
  snapshot = json_tokener_parse (data);
  g_return_val_if_fail (root != NULL && snapshot != NULL, NULL);
  json_object_object_del (snapshot, V21_MERGE_BASE);
  json_object_object_del (snapshot, V21_MERGE_CONFLICTS);
  json_object_object_add (base, "made", json_object_new_string (made));
  json_object_object_add (base, "workshop", g_steal_pointer (&snapshot));
  json_object_object_add (root, V21_MERGE_BASE, base);
  text = json_object_to_json_string_ext (root, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
  return v21_workshop_load_data (text, strlen (text), NULL, error);
}

gboolean
v21_workshop_merge_file (V21Workshop     *master,
                         GFile           *file,
                         V21MergeSummary *summary,
                         GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(V21Workshop) incoming = v21_workshop_load_file (file, NULL, &local_error);
  g_autofree char *name = g_file_get_parse_name (file);

  if (incoming == NULL || !v21_workshop_merge (master, incoming, summary, &local_error))
    {
      /* Translators: "FILE: message". */
      g_set_error (error, V21_ERROR, local_error->code, _("%s: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
