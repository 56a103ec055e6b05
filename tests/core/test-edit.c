/* Edits of a workshop: validation of impossible values, removal with what
 * depends on it, and undo/redo giving back the file byte for byte. */

#include "config.h"

#include <string.h>

#include "v21-workshop.h"
#include "test-util.h"

static V21Record *
first_of (V21Workshop *workshop,
          const char  *collection)
{
  V21Collection *list = v21_workshop_get_collection (workshop, collection);

  g_assert_cmpuint (v21_collection_get_n (list), >, 0);
  return v21_collection_get (list, 0);
}

static void
assert_refused (V21Workshop *workshop,
                V21Record   *record,
                const char  *field,
                json_object *value)
{
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (v21_workshop_set (workshop, record, field, value, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_assert_cmpstr (error->message, !=, "");
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (v21_workshop_get_modified (workshop));
  g_assert_false (v21_workshop_can_undo (workshop));
}

static void
test_impossible_values (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  V21Record *root = v21_workshop_get_root (workshop);
  gint64 start = v21_record_get_int (root, "start_year", 0);

  assert_refused (workshop, root, "horizon_year", json_object_new_int64 (start - 1));
  assert_refused (workshop, root, "horizon_year", json_object_new_int64 (start));
  assert_refused (workshop, root, "title", json_object_new_string ("  "));
  assert_refused (workshop, root, "start_year", json_object_new_string ("2026"));
  assert_refused (workshop, first_of (workshop, "sequences"), "minutes", json_object_new_int (-5));
  assert_refused (workshop, first_of (workshop, "sequences"), "minutes", json_object_new_int (0));
  assert_refused (workshop, first_of (workshop, "vote_rounds"), "budget", json_object_new_int (1000000));
  assert_refused (workshop, first_of (workshop, "points"), "level", json_object_new_double (1.5));
  assert_refused (workshop, first_of (workshop, "cards"), "table", json_object_new_string ("nowhere"));
  assert_refused (workshop, first_of (workshop, "cards"), "kind", json_object_new_string ("gossip"));
  assert_refused (workshop, first_of (workshop, "cards"), "id", json_object_new_string ("other"));
}

static json_object *
nested_lists (guint levels)
{
  json_object *value = json_object_new_int (0);

  for (guint i = 0; i < levels; i++)
    {
      json_object *list = json_object_new_array ();
      json_object_array_add (list, value);
      value = list;
    }
  return value;
}

static json_object *
checklist_item (const char  *key,
                json_object *value)
{
  json_object *fields = json_object_new_object ();

  json_object_object_add (fields, "label", json_object_new_string ("Réserver la salle"));
  json_object_object_add (fields, key, value);
  return fields;
}

/* What an edit accepts always saves to a file that loads: no invalid UTF-8, no
 * NUL, no nesting deeper than a file may have, even in fields the application
 * does not know (found by tests/fuzz/fuzz-edit). */
static void
test_unloadable_values (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(V21Workshop) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  assert_refused (workshop, first_of (workshop, "cards"), "text", json_object_new_string_len ("Eau \xff", 5));
  assert_refused (workshop, first_of (workshop, "cards"), "details", json_object_new_string_len ("a\0b", 3));
  assert_refused (workshop, v21_workshop_get_root (workshop), "territory",
                  json_tokener_parse ("{\"name\": \"Val\", \"note\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"));
  g_assert_null (v21_workshop_insert (workshop, "checklist", -1,
                                      checklist_item ("note", json_object_new_string_len ("\xc3", 1)), &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_null (v21_workshop_insert (workshop, "checklist", -1, checklist_item ("note", nested_lists (29)), &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_false (v21_workshop_can_undo (workshop));

  /* As deep as a file may hold: accepted, saved, loaded again. */
  g_assert_nonnull (v21_workshop_insert (workshop, "checklist", -1, checklist_item ("note", nested_lists (28)), &error));
  g_assert_no_error (error);
  data = v21_workshop_to_data (workshop, &length);
  again = v21_workshop_load_data (data, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

static void
test_set_and_undo (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  V21Record *card = first_of (workshop, "cards");
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (v21_workshop_set (workshop, card, "text", json_object_new_string ("Eau potable"), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (v21_record_get_string (card, "text"), ==, "Eau potable");
  g_assert_true (v21_workshop_get_modified (workshop));
  g_assert_true (v21_workshop_undo (workshop));
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (v21_workshop_get_modified (workshop));
  g_assert_true (v21_workshop_redo (workshop));
  g_assert_cmpstr (v21_record_get_string (card, "text"), ==, "Eau potable");
}

static V21Record *
insert_vote (V21Workshop *workshop,
             const char  *voter,
             const char  *target,
             gint64       count,
             GError     **error)
{
  json_object *vote = json_object_new_object ();

  json_object_object_add (vote, "round", json_object_new_string ("vr1"));
  json_object_object_add (vote, "voter", json_object_new_string (voter));
  json_object_object_add (vote, "target", json_object_new_string (target));
  json_object_object_add (vote, "count", json_object_new_int64 (count));
  return v21_workshop_insert (workshop, "votes", -1, vote, error);
}

static void
test_vote_budget (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  V21Record *round = first_of (workshop, "vote_rounds");
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  V21Collection *tables = v21_workshop_get_collection (workshop, "tables");
  gboolean by_tables = g_strcmp0 (v21_record_get_string (round, "voters"), "tables") == 0;
  V21Record *voter = v21_collection_get (by_tables ? tables : people, 0);
  json_object *targets = v21_record_get_value (round, "targets");
  gint64 budget = v21_record_get_int (round, "budget", 0);
  g_autoptr(json_object) vote = json_object_new_object ();
  g_autoptr(GError) error = NULL;

  json_object_object_add (vote, "round", json_object_new_string (v21_record_get_id (round)));
  json_object_object_add (vote, "voter", json_object_new_string (v21_record_get_id (voter)));
  json_object_object_add (vote, "target", json_object_get (json_object_array_get_idx (targets, 0)));
  json_object_object_add (vote, "count", json_object_new_int64 (budget + 1));
  g_assert_null (v21_workshop_insert (workshop, "votes", -1, json_object_get (vote), &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_assert_false (v21_workshop_can_undo (workshop));
  g_clear_error (&error);
  /* p2 gave 1 of their 3 dots: 2 more reach the budget exactly, 1 more is one too many. */
  g_assert_cmpint (budget, ==, 3);
  g_assert_nonnull (insert_vote (workshop, "p2", "c4", 2, &error));
  g_assert_no_error (error);
  g_assert_null (insert_vote (workshop, "p2", "c5", 1, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_assert_cmpuint (v21_collection_get_n (v21_workshop_get_collection (workshop, "votes")), ==, 4);
}

static void
test_remove_cascade (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autofree char *after = NULL;
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  V21Record *table = first_of (workshop, "tables");
  g_autofree char *table_id = g_strdup (v21_record_get_id (table));
  g_autoptr(V21Workshop) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (table_id, ==, "t1");
  g_assert_true (v21_workshop_remove (workshop, table, &error));
  g_assert_no_error (error);
  g_assert_null (v21_workshop_lookup (workshop, table_id));
  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    g_assert_cmpstr (v21_record_get_string (v21_collection_get (cards, i), "table"), !=, table_id);
  /* The table's cards stay on the board, at no table; its people are unseated. */
  g_assert_cmpuint (v21_collection_get_n (cards), ==, 6);
  g_assert_null (v21_record_get_string (v21_workshop_lookup (workshop, "c1"), "table"));
  g_assert_null (v21_record_get_string (v21_workshop_lookup (workshop, "c2"), "table"));
  g_assert_cmpstr (v21_record_get_string (v21_workshop_lookup (workshop, "c3"), "table"), ==, "t2");
  g_assert_cmpuint (v21_collection_get_n (v21_workshop_get_collection (workshop, "people")), ==, 4);
  g_assert_null (v21_record_get_string (v21_workshop_lookup (workshop, "p1"), "table"));
  g_assert_null (v21_record_get_string (v21_workshop_lookup (workshop, "p4"), "table"));
  /* The file stays valid after the removal. */
  after = v21_workshop_to_data (workshop, NULL);
  reloaded = v21_workshop_load_data (after, strlen (after), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
  g_clear_pointer (&after, g_free);
  /* One undo brings everything back. */
  g_assert_true (v21_workshop_undo (workshop));
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (before, ==, after);
}

/* A random edit: a text or level set, a card inserted, a record removed or moved. */
static void
random_edit (V21Workshop *workshop,
             GRand       *rand)
{
  static const char *lists[] = { "cards", "clusters", "tables", "people", "sequences", "scenarios", "points" };
  const char *name = lists[g_rand_int_range (rand, 0, G_N_ELEMENTS (lists))];
  V21Collection *list = v21_workshop_get_collection (workshop, name);
  guint n = v21_collection_get_n (list);
  V21Record *record = n ? v21_collection_get (list, g_rand_int_range (rand, 0, n)) : NULL;
  g_autofree char *text = g_strdup_printf ("Texte %u", g_rand_int (rand));
  json_object *fields;

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      if (record && g_strcmp0 (name, "cards") == 0)
        g_assert_true (v21_workshop_set (workshop, record, "text", json_object_new_string (text), NULL));
      else if (record && g_strcmp0 (name, "points") == 0)
        g_assert_true (v21_workshop_set (workshop, record, "level", json_object_new_double (g_rand_double (rand)), NULL));
      break;
    case 1:
      fields = json_object_new_object ();
      json_object_object_add (fields, "kind", json_object_new_string ("idea"));
      json_object_object_add (fields, "text", json_object_new_string (text));
      g_assert_nonnull (v21_workshop_insert (workshop, "cards", g_rand_int_range (rand, -1, 5), fields, NULL));
      break;
    case 2:
      if (record)
        g_assert_true (v21_workshop_remove (workshop, record, NULL));
      break;
    default:
      if (record)
        g_assert_true (v21_workshop_move (workshop, record, g_rand_int_range (rand, 0, n), NULL));
      break;
    }
}

/* Edits, undos and redos mixed at random: after each step the file is, byte for
 * byte, the one at that point of the history (the states after each edit kept
 * by the test); an edit drops what could be redone. Then everything undone gives
 * the original file, and everything redone the last edited one. */
static void
random_step (V21Workshop *workshop,
             GRand       *rand,
             GPtrArray   *states,
             guint       *position)
{
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autofree char *after = NULL;
  int choice = g_rand_int_range (rand, 0, 10);

  if (choice < 6)
    {
      random_edit (workshop, rand);
      after = v21_workshop_to_data (workshop, NULL);
      if (g_strcmp0 (after, before) == 0)
        return;
      g_ptr_array_set_size (states, *position + 1);
      g_ptr_array_add (states, g_steal_pointer (&after));
      (*position)++;
      g_assert_false (v21_workshop_can_redo (workshop));
      return;
    }
  if (choice < 8)
    {
      g_assert_cmpint (v21_workshop_undo (workshop), ==, *position > 0);
      if (*position > 0)
        (*position)--;
    }
  else
    {
      g_assert_cmpint (v21_workshop_redo (workshop), ==, *position + 1 < states->len);
      if (*position + 1 < states->len)
        (*position)++;
    }
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (after, ==, g_ptr_array_index (states, *position));
  if (*position == 0)
    g_assert_false (v21_workshop_get_modified (workshop));
}

static void
test_random_undo_redo (void)
{
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autoptr(V21Workshop) workshop = test_load_minimal ();
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;
      guint position = 0;

      g_ptr_array_add (states, v21_workshop_to_data (workshop, NULL));
      for (guint i = 0; i < 80; i++)
        random_step (workshop, rand, states, &position);
      while (v21_workshop_undo (workshop))
        ;
      undone = v21_workshop_to_data (workshop, NULL);
      g_assert_cmpstr (undone, ==, g_ptr_array_index (states, 0));
      g_assert_false (v21_workshop_get_modified (workshop));
      while (v21_workshop_redo (workshop))
        ;
      redone = v21_workshop_to_data (workshop, NULL);
      g_assert_cmpstr (redone, ==, g_ptr_array_index (states, states->len - 1));
    }
}

static void
test_group (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  guint n = v21_collection_get_n (cards);

  v21_workshop_begin_group (workshop, "Merge cards");
  g_assert_true (v21_workshop_set (workshop, v21_collection_get (cards, 0), "text", json_object_new_string ("A + B"), NULL));
  g_assert_true (v21_workshop_remove (workshop, v21_collection_get (cards, 1), NULL));
  v21_workshop_end_group (workshop);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, n - 1);
  g_assert_cmpstr (v21_workshop_get_undo_label (workshop), ==, "Merge cards");
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_cmpuint (v21_collection_get_n (cards), ==, n);
  g_assert_false (v21_workshop_can_undo (workshop));
}

/* "record-changed" tells which record and which field, "changed" comes after. */
static void
log_record (V21Workshop *workshop,
            V21Record   *record,
            const char  *field,
            GString     *log)
{
  g_string_append_printf (log, "%s %s %s; ", v21_record_get_collection (record), v21_record_get_id (record),
                          field ? field : "(in or out)");
}

static void
log_changed (V21Workshop *workshop,
             GString     *log)
{
  g_string_append (log, "changed; ");
}

static void
test_record_changed (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GString) clusters_only = g_string_new (NULL);

  g_signal_connect (workshop, "record-changed", G_CALLBACK (log_record), log);
  g_signal_connect (workshop, "record-changed::clusters", G_CALLBACK (log_record), clusters_only);
  g_signal_connect (workshop, "changed", G_CALLBACK (log_changed), log);
  g_assert_true (v21_workshop_set (workshop, test_get (workshop, "c2"), "text", json_object_new_string ("Canicules"), NULL));
  g_assert_cmpstr (log->str, ==, "cards c2 text; changed; ");

  g_string_truncate (log, 0);
  g_assert_true (v21_workshop_move (workshop, test_get (workshop, "c3"), 0, NULL));
  g_assert_cmpstr (log->str, ==, "cards c3 (in or out); changed; ");

  g_string_truncate (log, 0);
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_cmpstr (log->str, ==, "cards c3 (in or out); changed; ");

  g_string_truncate (log, 0);
  g_assert_true (v21_workshop_remove (workshop, test_get (workshop, "cl2"), NULL));
  g_assert_cmpstr (log->str, ==, "cards c3 cluster; changed; clusters cl2 (in or out); changed; ");
  g_assert_cmpstr (clusters_only->str, ==, "clusters cl2 (in or out); ");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/edit/impossible-values", test_impossible_values);
  g_test_add_func ("/core/edit/set-and-undo", test_set_and_undo);
  g_test_add_func ("/core/edit/unloadable-values", test_unloadable_values);
  g_test_add_func ("/core/edit/vote-budget", test_vote_budget);
  g_test_add_func ("/core/edit/remove-cascade", test_remove_cascade);
  g_test_add_func ("/core/edit/group", test_group);
  g_test_add_func ("/core/edit/record-changed", test_record_changed);
  g_test_add_func ("/core/history/random-undo-redo", test_random_undo_redo);
  return g_test_run ();
}
