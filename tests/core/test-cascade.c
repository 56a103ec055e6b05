/* Removing a record removes or clears what refers to it, exactly as the rules
 * written out below say (independently of v21-schema.c, whose flags they check),
 * whatever edits, undos and redos came before: each removal is checked against
 * the rules applied by hand to the saved file — list by list, every record
 * scanned — and undo and redo give back each file byte for byte. On the demo workshop, on a generated one (its path as the argument), and
 * after random edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "v21-schema.h"
#include "v21-votes.h"
#include "v21-workshop.h"

#include "test-util.h"

static const char *generated_path;

static gboolean
quick (void)
{
  return g_getenv ("V21_TEST_QUICK") != NULL;
}

/* The rules by hand, on the saved file's JSON */

static const char *
string_of (json_object *record,
           const char  *field)
{
  json_object *value = NULL;

  if (json_object_object_get_ex (record, field, &value) && json_object_is_type (value, json_type_string))
    return json_object_get_string (value);
  return NULL;
}

static json_object *
list_of (json_object *doc,
         const char  *collection)
{
  json_object *list = NULL;

  g_assert_true (json_object_object_get_ex (doc, collection, &list));
  return list;
}

static gboolean
list_find (json_object *list,
           json_object *record,
           gsize       *position)
{
  for (gsize i = 0; i < json_object_array_length (list); i++)
    if (json_object_array_get_idx (list, i) == record)
      {
        if (position)
          *position = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
holds_id (json_object *ids,
          const char  *id)
{
  for (gsize i = 0; json_object_is_type (ids, json_type_array) && i < json_object_array_length (ids); i++)
    if (g_strcmp0 (json_object_get_string (json_object_array_get_idx (ids, i)), id) == 0)
      return TRUE;
  return FALSE;
}

/* What goes when a record goes: every reference of the format, and whether the
 * record holding it is removed with its target (REMOVE) or keeps going without
 * it (CLEAR: the reference becomes null; for a list, the id leaves the list).
 * A day removed leaves the attendance lists; a table removed unseats its people
 * and leaves its cards on the board; a card removed takes its links, scores and
 * votes; a scenario, its trajectories and their points. A target of NULL: an id of any list. */
typedef enum { CLEAR, REMOVE } Action;

typedef struct
{
  const char *collection;
  const char *field;
  const char *target;
  Action      action;
  gboolean    list;
} Rule;

static const Rule rules[] = {
  { "people", "table", "tables", CLEAR, FALSE },
  { "people", "attended", "days", CLEAR, TRUE },
  { "sequences", "day", "days", REMOVE, FALSE },
  { "sequences", "exercise", "exercises", CLEAR, FALSE },
  { "materials", "exercise", "exercises", CLEAR, FALSE },
  { "clusters", "sequence", "sequences", CLEAR, FALSE },
  { "cards", "table", "tables", CLEAR, FALSE },
  { "cards", "sequence", "sequences", CLEAR, FALSE },
  { "cards", "cluster", "clusters", CLEAR, FALSE },
  { "links", "from", "cards", REMOVE, FALSE },
  { "links", "to", "cards", REMOVE, FALSE },
  { "vote_rounds", "sequence", "sequences", CLEAR, FALSE },
  { "vote_rounds", "targets", NULL, CLEAR, TRUE },
  { "votes", "round", "vote_rounds", REMOVE, FALSE },
  { "votes", "voter", NULL, REMOVE, FALSE },
  { "votes", "target", NULL, REMOVE, FALSE },
  { "robustness", "challenge", "cards", REMOVE, FALSE },
  { "robustness", "answer", "cards", REMOVE, FALSE },
  { "scenarios", "table", "tables", CLEAR, FALSE },
  { "trajectories", "scenario", "scenarios", REMOVE, FALSE },
  { "points", "trajectory", "trajectories", REMOVE, FALSE },
  { "points", "card", "cards", CLEAR, FALSE },
  { "exercise_notes", "exercise", "exercises", REMOVE, FALSE },
};

static void rules_remove (json_object *doc, const char *collection, json_object *record);

static void
put (gpointer json)
{
  json_object_put (json);
}

/* Every record whose field of @rule holds the id of @target: cleared, or removed in turn. */
static void
rules_clear (json_object *doc,
             const Rule  *rule,
             json_object *target)
{
  json_object *list = list_of (doc, rule->collection);
  const char *id = string_of (target, "id");
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (put);

  for (gsize i = 0; i < json_object_array_length (list); i++)
    {
      json_object *record = json_object_array_get_idx (list, i);

      if (record != target && g_strcmp0 (string_of (record, rule->field), id) == 0)
        g_ptr_array_add (found, json_object_get (record));
    }
  for (guint i = 0; i < found->len; i++)
    {
      json_object *record = g_ptr_array_index (found, i);

      if (!list_find (list, record, NULL))
        continue;
      if (rule->action == REMOVE)
        rules_remove (doc, rule->collection, record);
      else
        json_object_object_add (record, rule->field, NULL);
    }
}

static void
rules_clear_lists (json_object *doc,
                   const Rule  *rule,
                   const char  *id)
{
  json_object *list = list_of (doc, rule->collection);

  for (gsize i = 0; i < json_object_array_length (list); i++)
    {
      json_object *record = json_object_array_get_idx (list, i);
      json_object *ids = NULL;
      json_object *kept;

      json_object_object_get_ex (record, rule->field, &ids);
      if (!holds_id (ids, id))
        continue;
      kept = json_object_new_array ();
      for (gsize j = 0; j < json_object_array_length (ids); j++)
        if (g_strcmp0 (json_object_get_string (json_object_array_get_idx (ids, j)), id) != 0)
          json_object_array_add (kept, json_object_get (json_object_array_get_idx (ids, j)));
      json_object_object_add (record, rule->field, kept);
    }
}

static void
rules_remove (json_object *doc,
              const char  *collection,
              json_object *record)
{
  g_autofree char *id = g_strdup (string_of (record, "id"));
  json_object *list = list_of (doc, collection);
  gsize position = 0;

  json_object_get (record);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      if (rules[i].list)
        rules_clear_lists (doc, &rules[i], id);
      else if (rules[i].target == NULL || strcmp (rules[i].target, collection) == 0)
        rules_clear (doc, &rules[i], record);
    }
  if (list_find (list, record, &position))
    json_object_array_del_idx (list, position, 1);
  json_object_put (record);
}

static json_object *
parse (const char *data)
{
  json_tokener *tokener = json_tokener_new_ex (V21_DEPTH_MAX);
  json_object *doc = json_tokener_parse_ex (tokener, data, strlen (data));

  json_tokener_free (tokener);
  g_assert_nonnull (doc);
  return doc;
}

/* The file as v21_workshop_to_data() writes it. */
static char *
serialise (json_object *doc)
{
  return g_strconcat (json_object_to_json_string_ext (doc, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
                                                           | JSON_C_TO_STRING_NOSLASHESCAPE),
                      "\n", NULL);
}

/* The file after @records are removed one after the other, by the rules. */
static char *
expected_after (const char *before,
                GPtrArray  *records)
{
  g_autoptr(json_object) doc = parse (before);

  for (guint i = 0; i < records->len; i++)
    {
      V21Record *record = g_ptr_array_index (records, i);
      const char *collection = v21_record_get_collection (record);
      json_object *list = list_of (doc, collection);
      json_object *found = NULL;

      /* Already gone with an earlier one: removing it again is refused. */
      for (gsize j = 0; j < json_object_array_length (list) && found == NULL; j++)
        if (g_strcmp0 (string_of (json_object_array_get_idx (list, j), "id"), v21_record_get_id (record)) == 0)
          found = json_object_array_get_idx (list, j);
      if (found)
        rules_remove (doc, collection, found);
    }
  return serialise (doc);
}

/* Removes @records as one step (one by one when there is one), then checks the
 * file against the rules, undo, redo, and undoes it again. */
static void
assert_removal (V21Workshop *workshop,
                GPtrArray   *records)
{
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autofree char *expected = expected_after (before, records);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  v21_workshop_begin_group (workshop, "Delete");
  for (guint i = 0; i < records->len; i++)
    {
      V21Record *record = g_ptr_array_index (records, i);
      gboolean present = v21_workshop_lookup (workshop, v21_record_get_id (record)) == record;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (v21_workshop_remove (workshop, record, &error), ==, present);
      g_assert_true (v21_workshop_lookup (workshop, v21_record_get_id (record)) == NULL);
    }
  v21_workshop_end_group (workshop);
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (after, ==, expected);
  g_assert_true (v21_workshop_undo (workshop));
  undone = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (v21_workshop_redo (workshop));
  redone = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (redone, ==, expected);
  g_assert_true (v21_workshop_undo (workshop));
}

static void
assert_removal_of (V21Workshop *workshop,
                   V21Record   *record)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (one, g_object_ref (record));
  assert_removal (workshop, one);
}

/* Every @step-th record of every list, removed on its own. */
static void
remove_each (V21Workshop *workshop,
             guint        step)
{
  for (const V21Kind **k = v21_schema_collections (); *k; k++)
    {
      V21Collection *list = v21_workshop_get_collection (workshop, (*k)->collection);

      for (guint i = 0; i < v21_collection_get_n (list); i += step)
        assert_removal_of (workshop, v21_collection_get (list, i));
    }
}

/* The board's Delete on every card of a table, then the table: one step. */
static void
remove_table_with_cards (V21Workshop *workshop,
                         V21Record   *table)
{
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    if (g_strcmp0 (v21_record_get_string (v21_collection_get (cards, i), "table"), v21_record_get_id (table)) == 0)
      g_ptr_array_add (records, g_object_ref (v21_collection_get (cards, i)));
  g_ptr_array_add (records, g_object_ref (table));
  assert_removal (workshop, records);
}

static void
test_demo_every_record (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  g_autofree char *original = v21_workshop_to_data (workshop, NULL);
  g_autofree char *after = NULL;
  V21Collection *tables = v21_workshop_get_collection (workshop, "tables");

  remove_each (workshop, quick () ? 3 : 1);
  for (guint i = 0; i < v21_collection_get_n (tables); i++)
    remove_table_with_cards (workshop, v21_collection_get (tables, i));
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (after, ==, original);
}

static void
test_generated (void)
{
  g_autoptr(V21Workshop) workshop = NULL;
  V21Collection *tables;
  V21Collection *cards;
  g_autoptr(GPtrArray) some_cards = g_ptr_array_new_with_free_func (g_object_unref);

  if (generated_path == NULL)
    {
      g_test_skip ("no generated workshop given");
      return;
    }
  workshop = test_load_file (generated_path);
  tables = v21_workshop_get_collection (workshop, "tables");
  cards = v21_workshop_get_collection (workshop, "cards");
  remove_each (workshop, quick () ? 97 : 13);
  remove_table_with_cards (workshop, v21_collection_get (tables, 0));
  if (!quick ())
    remove_table_with_cards (workshop, v21_collection_get (tables, v21_collection_get_n (tables) - 1));
  /* A selection of cards with a card twice and their table in the middle. */
  for (guint i = 0; i < v21_collection_get_n (cards); i += 7)
    g_ptr_array_add (some_cards, g_object_ref (v21_collection_get (cards, i)));
  g_ptr_array_insert (some_cards, some_cards->len / 2, g_object_ref (v21_collection_get (tables, 1)));
  g_ptr_array_add (some_cards, g_object_ref (g_ptr_array_index (some_cards, 0)));
  assert_removal (workshop, some_cards);
}

/* Random edits that make and unmake references, with undos and redos between
 * them; after each, a removal checked against the rules. */

static V21Record *
pick (V21Workshop *workshop,
      GRand       *rand,
      const char  *collection)
{
  V21Collection *list = v21_workshop_get_collection (workshop, collection);
  guint n = v21_collection_get_n (list);

  return n ? v21_collection_get (list, g_rand_int_range (rand, 0, n)) : NULL;
}

static json_object *
ref_or_null (V21Record *record)
{
  return record ? json_object_new_string (v21_record_get_id (record)) : NULL;
}

static void
random_edit (V21Workshop *workshop,
             GRand       *rand)
{
  V21Record *card = pick (workshop, rand, "cards");
  V21Record *other = pick (workshop, rand, "cards");
  V21Record *round = pick (workshop, rand, "vote_rounds");
  json_object *fields;

  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0:
      if (card)
        v21_workshop_set (workshop, card, "cluster", ref_or_null (pick (workshop, rand, "clusters")), NULL);
      break;
    case 1:
      if (card)
        v21_workshop_set (workshop, card, "table", ref_or_null (pick (workshop, rand, "tables")), NULL);
      break;
    case 2:
      fields = json_object_new_object ();
      json_object_object_add (fields, "kind", json_object_new_string ("idea"));
      json_object_object_add (fields, "text", json_object_new_string ("Nouvelle idée"));
      json_object_object_add (fields, "table", ref_or_null (pick (workshop, rand, "tables")));
      json_object_object_add (fields, "cluster", ref_or_null (pick (workshop, rand, "clusters")));
      v21_workshop_insert (workshop, "cards", g_rand_int_range (rand, -1, 3), fields, NULL);
      break;
    case 3:
      if (card && other && card != other)
        {
          fields = json_object_new_object ();
          json_object_object_add (fields, "from", ref_or_null (card));
          json_object_object_add (fields, "to", ref_or_null (other));
          json_object_object_add (fields, "kind", json_object_new_string ("reinforces"));
          v21_workshop_insert (workshop, "links", -1, fields, NULL);
        }
      break;
    case 4:
      if (round && card && v21_record_get_value (round, "targets"))
        {
          /* A round's targets: one more card, then votes on it. */
          json_object *targets = NULL;

          json_object_deep_copy (v21_record_get_value (round, "targets"), &targets, NULL);
          json_object_array_add (targets, ref_or_null (card));
          if (v21_workshop_set (workshop, round, "targets", targets, NULL))
            v21_votes_set_count (workshop, round, pick (workshop, rand, "people"), card, 1, NULL);
        }
      break;
    case 5:
      if (card)
        v21_workshop_remove (workshop, card, NULL);
      break;
    case 6:
    case 7:
      v21_workshop_undo (workshop);
      break;
    default:
      v21_workshop_redo (workshop);
      break;
    }
}

static void
random_removal (V21Workshop *workshop,
                GRand       *rand)
{
  static const char *lists[] = { "cards", "cards", "tables", "people", "clusters", "vote_rounds", "sequences" };
  V21Record *record = pick (workshop, rand, lists[g_rand_int_range (rand, 0, G_N_ELEMENTS (lists))]);

  if (record)
    assert_removal_of (workshop, record);
}

static void
test_after_edits (void)
{
  guint seeds = quick () ? 3 : 12;

  for (guint32 seed = 1; seed <= seeds; seed++)
    {
      g_autoptr(V21Workshop) workshop = test_load_demo ();
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

      for (guint i = 0; i < 60; i++)
        {
          random_edit (workshop, rand);
          if (i % 3 == 0)
            random_removal (workshop, rand);
        }
    }
}

/* Every reference the format has is in the rules above: a new one needs its rule. */
static void
test_every_reference_has_a_rule (void)
{
  for (const V21Kind **k = v21_schema_collections (); *k; k++)
    for (const V21Field *f = (*k)->fields; f->name; f++)
      {
        gboolean found = FALSE;

        if (f->type != V21_FIELD_REF && f->type != V21_FIELD_REF_LIST)
          continue;
        for (guint i = 0; i < G_N_ELEMENTS (rules) && !found; i++)
          found = strcmp (rules[i].collection, (*k)->collection) == 0 && strcmp (rules[i].field, f->name) == 0;
        if (!found)
          g_error ("%s.%s refers to another record: write its rule in test-cascade.c", (*k)->collection, f->name);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc > 1)
    generated_path = argv[1];
  g_test_add_func ("/core/edit/cascade/every-reference-has-a-rule", test_every_reference_has_a_rule);
  g_test_add_func ("/core/edit/cascade/demo-every-record", test_demo_every_record);
  g_test_add_func ("/core/edit/cascade/generated", test_generated);
  g_test_add_func ("/core/edit/cascade/after-edits", test_after_edits);
  return g_test_run ();
}
