/* Anonymised copies and merging the tables' files, without a screen. */

#include "config.h"

#include <string.h>

#include "v21-anonymize.h"
#include "v21-capture.h"
#include "v21-merge.h"
#include "v21-votes.h"

static char *
fixture_path (const char *name)
{
  if (g_strcmp0 (name, "demo") == 0)
    return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "demo.visions21", NULL);
  return g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
}

static V21Workshop *
load (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  V21Workshop *workshop = v21_workshop_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return workshop;
}

static char *
data_of (V21Workshop *workshop)
{
  return v21_workshop_to_data (workshop, NULL);
}

/* The words of a name, and the name, as they could be found in a file. */
static void
assert_no_person (const char  *data,
                  V21Workshop *original)
{
  V21Collection *people = v21_workshop_get_collection (original, "people");
  g_autofree char *folded = g_utf8_casefold (data, -1);

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);
      const char *email = v21_record_get_string (person, "email");
      g_autofree char *name = g_utf8_casefold (v21_record_get_string (person, "name"), -1);
      g_auto(GStrv) words = g_strsplit (name, " ", -1);

      if (strstr (folded, name) != NULL)
        g_error ("the name “%s” is still there", name);
      if (email[0] != '\0' && strstr (data, email) != NULL)
        g_error ("the e-mail “%s” is still there", email);
      /* Surnames, as written in capitals or with a capital initial. */
      for (guint w = 1; words[w] != NULL; w++)
        {
          g_autofree char *upper = g_utf8_strup (words[w], -1);
          g_autofree char *title = g_strdup (words[w]);
          const char *found;

          title[0] = g_ascii_toupper (title[0]);
          if (strstr (data, upper) != NULL)
            g_error ("the surname “%s” is still there", upper);
          found = strstr (data, title);
          while (found != NULL)
            {
              gunichar after = g_utf8_get_char (found + strlen (title));

              /* Only a whole word counts. */
              if (!g_unichar_isalnum (after) && (found == data || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (found)))))
                g_error ("the surname “%s” is still there", title);
              found = strstr (found + 1, title);
            }
        }
    }
}

/* Anonymisation */

/* The points of every vote, or of the votes whose voter is in @voters. */
static gint64
votes_total (V21Workshop *workshop,
             const char  *voters)
{
  V21Collection *votes = v21_workshop_get_collection (workshop, "votes");
  gint64 total = 0;

  for (guint i = 0; i < v21_collection_get_n (votes); i++)
    {
      V21Record *vote = v21_collection_get (votes, i);
      V21Record *voter = v21_record_is_null (vote, "voter") ? NULL
                         : v21_workshop_lookup (workshop, v21_record_get_string (vote, "voter"));

      if (voters == NULL || (voter != NULL && g_strcmp0 (v21_record_get_collection (voter), voters) == 0))
        total += v21_record_get_int (vote, "count", 0);
    }
  return total;
}

static void
test_anonymize_demo (void)
{
  g_autoptr(V21Workshop) workshop = load ("demo");
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) anonymous = v21_anonymize (workshop, &error);
  g_autofree char *data = NULL;
  V21Collection *people;
  V21Record *sequence;

  g_assert_no_error (error);
  g_assert_nonnull (anonymous);
  data = data_of (anonymous);
  assert_no_person (data, workshop);
  people = v21_workshop_get_collection (anonymous, "people");
  /* Nobody in the demo shares category and table with two others: labels
   * carry a number only. */
  g_assert_cmpstr (v21_record_get_string (v21_collection_get (people, 11), "name"), ==, "Participant 12");
  g_assert_false (v21_record_get_bool (v21_collection_get (people, 0), "consent"));
  /* Organisations stay: they are public bodies, not people. */
  g_assert_cmpstr (v21_record_get_string (v21_collection_get (people, 0), "organisation"), ==,
                   "Centre régional de ressources du développement durable");
  /* "M. Chaigneau" in a private note: the note goes. "(J. Marchais)" in a card. */
  sequence = v21_workshop_lookup (anonymous, "seq-d1-01");
  g_assert_cmpstr (v21_record_get_string (sequence, "notes"), ==, "");
  g_assert_cmpstr (v21_record_get_string (v21_workshop_lookup (anonymous, "c148"), "text"), ==,
                   "Diffuser la restitution écrite aux participants sous un mois (Participant 2)");
  /* The same workshop otherwise: as many cards, votes and points. */
  g_assert_cmpuint (v21_collection_get_n (v21_workshop_get_collection (anonymous, "cards")), ==,
                    v21_collection_get_n (v21_workshop_get_collection (workshop, "cards")));
  /* As many points, but no vote of a person any more: totals per proposal. */
  g_assert_cmpint (votes_total (anonymous, NULL), ==, votes_total (workshop, NULL));
  g_assert_cmpint (votes_total (workshop, "people"), >, 0);
  g_assert_cmpint (votes_total (anonymous, "people"), ==, 0);
  g_assert_false (v21_workshop_can_undo (anonymous));
}

static void
assert_anonymized (V21Workshop *workshop,
                   const char  *text,
                   const char  *expected)
{
  g_autofree char *result = v21_anonymize_text (workshop, text);

  g_assert_cmpstr (result, ==, expected);
}

static void
test_anonymize_text (void)
{
  g_autoptr(V21Workshop) workshop = load ("hostile.visions21");

  /* Camille Martin: participant 1; Louis Bernard 2; Inès Petit 3; Élise
   * Bernard-Roux 5 (no two share category and table: numbers only). */
  assert_anonymized (workshop, "Camille Martin a proposé", "Participant 1 a proposé");
  assert_anonymized (workshop, "selon CAMILLE MARTIN et camille martin", "selon Participant 1 et Participant 1");
  assert_anonymized (workshop, "Martin Camille, puis MARTIN, puis Martin", "Participant 1, puis Participant 1, puis Participant 1");
  assert_anonymized (workshop, "Ines Petit et INÈS PETIT", "Participant 3 et Participant 3");
  /* A surname that is also a word is left alone when written as a word. */
  assert_anonymized (workshop, "un petit pas, une martingale, Martinique", "un petit pas, une martingale, Martinique");
  /* A whole surname before a part of a compound one; the title goes too. */
  assert_anonymized (workshop, "Mme Bernard-Roux et M. Bernard", "Participant 5 et Participant 2");
  assert_anonymized (workshop, "Élise et Elise", "Participant 5 et Participant 5");
  assert_anonymized (workshop, "écrire à camille.martin@example.org ou x@y.fr",
                     "écrire à [e-mail removed] ou [e-mail removed]");
  assert_anonymized (workshop, "", "");
}

static void
test_anonymize_unconsented (void)
{
  g_autoptr(V21Workshop) workshop = load ("hostile.visions21");
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) partial = v21_anonymize_unconsented (workshop, &error);
  g_autofree char *data = NULL;

  g_assert_no_error (error);
  data = data_of (partial);
  g_assert_null (strstr (data, "Louis Bernard"));
  g_assert_null (strstr (data, "Élise"));
  g_assert_nonnull (strstr (data, "Camille Martin"));
  g_assert_nonnull (strstr (data, "Inès Petit"));
  /* Private notes are the team's: they stay in this copy, without the name. */
  g_assert_nonnull (strstr (v21_record_get_string (v21_workshop_lookup (partial, "s1"), "notes"), "Note privée"));
}

/* Merging */

static V21Record *
add_card (V21Workshop *workshop,
          const char  *text)
{
  g_autoptr(GError) error = NULL;
  V21Record *card = v21_capture_add_card (workshop, "idea", text, NULL,
                                          v21_workshop_lookup (workshop, "seq-d2-02"), NULL, &error);

  g_assert_no_error (error);
  return card;
}

static void
set_text (V21Workshop *workshop,
          const char  *id,
          const char  *field,
          const char  *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (v21_workshop_set (workshop, v21_workshop_lookup (workshop, id), field, json_object_new_string (text), &error));
  g_assert_no_error (error);
}

static void
test_merge_new_and_conflict (void)
{
  g_autoptr(V21Workshop) master = load ("demo");
  g_autoptr(V21Workshop) copy = load ("demo");
  g_autoptr(V21MergeSummary) summary = v21_merge_summary_new ();
  g_autoptr(V21MergeSummary) again = v21_merge_summary_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = data_of (master);
  g_autofree char *merged = NULL;
  g_autofree char *text = NULL;
  V21Record *card = add_card (copy, "Une maison des saisons dans chaque bourg");
  V21MergeConflict *conflict;
  guint n_cards = v21_collection_get_n (v21_workshop_get_collection (master, "cards"));

  /* The same card edited on both sides; another only in the copy. */
  set_text (master, "c001", "text", "Garantir l'eau potable (version du maître)");
  set_text (copy, "c001", "text", "Garantir l'eau potable (version de la table)");
  set_text (copy, "c002", "details", "Précisé par la table");
  g_free (before);
  before = data_of (master);

  g_assert_true (v21_workshop_merge (master, copy, summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (v21_merge_summary_get_added (summary, "cards"), ==, 3);
  g_assert_nonnull (v21_workshop_lookup (master, v21_record_get_id (card)));
  /* Both versions of c001 are kept, the table's as a copy. */
  g_assert_cmpstr (v21_record_get_string (v21_workshop_lookup (master, "c001"), "text"), ==,
                   "Garantir l'eau potable (version du maître)");
  g_assert_cmpuint (summary->conflicts->len, ==, 2);
  conflict = g_ptr_array_index (summary->conflicts, 0);
  g_assert_cmpstr (conflict->id, ==, "c001");
  g_assert_nonnull (conflict->copy_id);
  g_assert_cmpstr (v21_record_get_string (v21_workshop_lookup (master, conflict->copy_id), "text"), ==,
                   "Garantir l'eau potable (version de la table)");
  g_assert_cmpuint (v21_collection_get_n (v21_workshop_get_collection (master, "cards")), ==, n_cards + 3);
  text = v21_merge_summary_format (summary);
  g_assert_nonnull (strstr (text, "3 cards"));
  g_assert_nonnull (strstr (text, "2 conflicts"));

  /* The same file again changes nothing. */
  merged = data_of (master);
  g_assert_true (v21_workshop_merge (master, copy, again, &error));
  g_assert_cmpuint (v21_merge_summary_total_added (again), ==, 0);
  {
    g_autofree char *twice = data_of (master);
    g_assert_cmpstr (twice, ==, merged);
  }
  /* The whole merge is one undo step. */
  g_assert_cmpstr (v21_workshop_get_undo_label (master), ==, "Import a Table’s Contributions");
  g_assert_true (v21_workshop_undo (master));
  {
    g_autofree char *undone = data_of (master);
    g_assert_cmpstr (undone, ==, before);
  }
}

static void
test_merge_other_workshop (void)
{
  g_autoptr(V21Workshop) master = load ("demo");
  g_autoptr(V21Workshop) other = load ("minimal.visions21");
  g_autoptr(V21MergeSummary) summary = v21_merge_summary_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = data_of (master);
  g_autofree char *after = NULL;

  g_assert_false (v21_workshop_merge (master, other, summary, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "another workshop"));
  after = data_of (master);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (v21_workshop_can_undo (master));
}

static void
test_merge_votes_scores (void)
{
  g_autoptr(V21Workshop) master = load ("demo");
  g_autoptr(V21Workshop) copy = load ("demo");
  g_autoptr(V21MergeSummary) summary = v21_merge_summary_new ();
  g_autoptr(GError) error = NULL;
  V21Record *score = v21_workshop_lookup (copy, "s01");

  /* A score changed on a table's laptop; the round revealed there. */
  g_assert_true (v21_workshop_set (copy, score, "score", json_object_new_int (0), &error));
  g_assert_true (v21_vote_round_reveal (copy, v21_workshop_lookup (copy, "vr2"), TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (v21_workshop_merge (master, copy, summary, &error));
  score = v21_workshop_lookup (master, "s01");
  g_assert_cmpint (v21_record_get_int (score, "score", -1), ==, 2);
  g_assert_nonnull (strstr (v21_record_get_string (score, "comment"), "Other version: 0"));
  g_assert_true (v21_record_get_bool (v21_workshop_lookup (master, "vr2"), "revealed"));
  g_assert_cmpuint (summary->conflicts->len, ==, 1);
}

/* Random edits on copies, merged back in any order, lose nothing. */

static void
random_edits (V21Workshop *copy,
              GRand       *rand,
              guint        table)
{
  V21Collection *cards = v21_workshop_get_collection (copy, "cards");
  V21Collection *points = v21_workshop_get_collection (copy, "points");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("Vote de la table %u", table);
  V21Record *round;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *text = g_strdup_printf ("Idée %u de la table %u (%u)", i, table, g_rand_int (rand));
      V21Record *card;

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          add_card (copy, text);
          break;
        case 1:
          card = v21_collection_get (cards, g_rand_int_range (rand, 0, v21_collection_get_n (cards)));
          set_text (copy, v21_record_get_id (card), "text", text);
          break;
        case 2:
          {
            V21Record *point = v21_collection_get (points, g_rand_int_range (rand, 0, v21_collection_get_n (points)));
            g_autoptr(GError) local = NULL;

            v21_workshop_set (copy, point, "year", json_object_new_int (g_rand_int_range (rand, 2027, 2056)), &local);
          }
          break;
        default:
          /* A deletion on a laptop never deletes in the master. */
          card = v21_collection_get (cards, g_rand_int_range (rand, 0, v21_collection_get_n (cards)));
          g_assert_true (v21_workshop_remove (copy, card, &error));
          break;
        }
    }
  {
    json_object *fields = json_object_new_object ();

    json_object_object_add (fields, "trajectory", json_object_new_string ("tr2"));
    json_object_object_add (fields, "year", json_object_new_int (2030 + table));
    json_object_object_add (fields, "level", json_object_new_double (0.5));
    json_object_object_add (fields, "label", json_object_new_string (title));
    json_object_object_add (fields, "kind", json_object_new_string ("milestone"));
    g_assert_nonnull (v21_workshop_insert (copy, "points", -1, fields, &error));
  }
  round = v21_vote_round_create (copy, title, "cards", "idea", NULL, "dots", 3, "tables", &error);
  g_assert_no_error (error);
  for (guint t = 0; t < 3; t++)
    {
      V21Record *target = v21_workshop_lookup (copy, json_object_get_string (json_object_array_get_idx (v21_record_get_value (round, "targets"), t)));

      g_assert_true (v21_votes_set_count (copy, round, v21_capture_table (copy, t + 1), target, 1, &error));
    }
}

/* Every record of @list in @copy is in @master, under its id or as a copy. */
static void
assert_kept (V21Workshop *master,
             V21Workshop *copy,
             const char  *list)
{
  V21Collection *records = v21_workshop_get_collection (copy, list);
  V21Collection *merged = v21_workshop_get_collection (master, list);
  g_autoptr(GHashTable) contents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < v21_collection_get_n (merged); i++)
    {
      json_object *copy_json = NULL;

      json_object_deep_copy (v21_record_get_json (v21_collection_get (merged, i)), &copy_json, NULL);
      json_object_object_del (copy_json, "id");
      g_hash_table_add (contents, g_strdup (json_object_to_json_string_ext (copy_json, JSON_C_TO_STRING_PLAIN)));
      json_object_put (copy_json);
    }
  for (guint i = 0; i < v21_collection_get_n (records); i++)
    {
      V21Record *record = v21_collection_get (records, i);
      json_object *copy_json = NULL;
      gboolean found;

      g_assert_nonnull (v21_workshop_lookup (master, v21_record_get_id (record)));
      json_object_deep_copy (v21_record_get_json (record), &copy_json, NULL);
      json_object_object_del (copy_json, "id");
      found = g_hash_table_contains (contents, json_object_to_json_string_ext (copy_json, JSON_C_TO_STRING_PLAIN));
      json_object_put (copy_json);
      if (!found)
        g_error ("%s %s of a copy was lost in the merge", list, v21_record_get_id (record));
    }
}

static void
test_merge_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(V21Workshop) master = load ("demo");
      g_autoptr(V21Workshop) original = load ("demo");
      V21Workshop *copies[4];
      guint order[4] = { 0, 1, 2, 3 };

      for (guint i = 0; i < 4; i++)
        {
          copies[i] = load ("demo");
          random_edits (copies[i], rand, i + 1);
        }
      for (guint i = 3; i > 0; i--)
        {
          guint j = g_rand_int_range (rand, 0, i + 1), t = order[i];

          order[i] = order[j];
          order[j] = t;
        }
      for (guint i = 0; i < 4; i++)
        {
          g_autoptr(V21MergeSummary) summary = v21_merge_summary_new ();
          g_autoptr(GError) error = NULL;

          g_assert_true (v21_workshop_merge (master, copies[order[i]], summary, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (summary->refused->len, ==, 0);
        }
      for (guint i = 0; i < 4; i++)
        {
          assert_kept (master, copies[i], "cards");
          assert_kept (master, copies[i], "votes");
          assert_kept (master, copies[i], "points");
          g_object_unref (copies[i]);
        }
      /* Nothing of the master went away. */
      assert_kept (master, original, "votes");
      for (guint i = 0; i < v21_collection_get_n (v21_workshop_get_collection (original, "cards")); i++)
        g_assert_nonnull (v21_workshop_lookup (master, v21_record_get_id (v21_collection_get (v21_workshop_get_collection (original, "cards"), i))));
    }
}

/* A table's copy edited where the master was not: every change comes in. */
static void
test_merge_three_way (void)
{
  g_autoptr(V21Workshop) master = load ("demo");
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) copy = v21_workshop_copy_for_table (master, &error);
  g_autoptr(V21MergeSummary) summary = v21_merge_summary_new ();
  g_autoptr(V21MergeSummary) again = v21_merge_summary_new ();
  g_autofree char *merged = NULL;
  g_autofree char *twice = NULL;
  V21Record *root = v21_workshop_get_root (master);

  g_assert_no_error (error);
  g_assert_nonnull (v21_record_get_value (v21_workshop_get_root (copy), "merge_base"));
  set_text (copy, "p01", "email", "nouvelle.adresse@example.org");
  set_text (copy, "m01", "body", "Le texte réécrit par la table.");
  g_assert_true (v21_workshop_set (copy, v21_workshop_get_root (copy), "political_goal",
                                   json_object_new_string ("L’objectif revu par la table."), &error));
  set_text (copy, "c001", "details", "Précisé par la table");
  /* Meanwhile the master changes other things. */
  set_text (master, "p02", "email", "maitre@example.org");
  g_assert_true (v21_workshop_set (master, root, "venue", json_object_new_string ("Salle du maître"), &error));

  g_assert_true (v21_workshop_merge (master, copy, summary, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (v21_record_get_string (v21_workshop_lookup (master, "p01"), "email"), ==, "nouvelle.adresse@example.org");
  g_assert_cmpstr (v21_record_get_string (v21_workshop_lookup (master, "m01"), "body"), ==, "Le texte réécrit par la table.");
  g_assert_cmpstr (v21_record_get_string (root, "political_goal"), ==, "L’objectif revu par la table.");
  g_assert_cmpstr (v21_record_get_string (v21_workshop_lookup (master, "c001"), "details"), ==, "Précisé par la table");
  g_assert_cmpstr (v21_record_get_string (v21_workshop_lookup (master, "p02"), "email"), ==, "maitre@example.org");
  g_assert_cmpstr (v21_record_get_string (root, "venue"), ==, "Salle du maître");
  g_assert_cmpuint (summary->conflicts->len, ==, 0);
  g_assert_cmpuint (summary->updated, ==, 4);
  g_assert_cmpuint (v21_merge_summary_total_added (summary), ==, 0);
  /* The copy's ancestor stays out of the master. */
  g_assert_null (v21_record_get_value (root, "merge_base"));

  merged = data_of (master);
  g_assert_true (v21_workshop_merge (master, copy, again, &error));
  twice = data_of (master);
  g_assert_cmpstr (twice, ==, merged);
}

/* Without an ancestor (a file copied by hand) or when both sides changed a
 * field, the master's value stays and the table's is kept in the file. */
static void
test_merge_both_sides (void)
{
  g_autoptr(V21Workshop) master = load ("demo");
  g_autoptr(V21Workshop) by_hand = load ("demo");
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) copy = v21_workshop_copy_for_table (master, &error);
  g_autoptr(V21MergeSummary) summary = v21_merge_summary_new ();
  g_autoptr(V21MergeSummary) hand_summary = v21_merge_summary_new ();
  g_autofree char *text = NULL;
  g_autofree char *data = NULL;
  V21Record *root = v21_workshop_get_root (master);
  V21MergeConflict *conflict;

  set_text (by_hand, "p01", "email", "table@example.org");
  set_text (by_hand, "m01", "body", "Le corps selon la table.");
  g_assert_true (v21_workshop_set (by_hand, v21_workshop_get_root (by_hand), "political_goal",
                                   json_object_new_string ("L’objectif selon la table."), &error));
  g_assert_true (v21_workshop_merge (master, by_hand, hand_summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hand_summary->conflicts->len, ==, 3);
  data = data_of (master);
  g_assert_nonnull (strstr (data, "\"theirs\": \"table@example.org\""));
  g_assert_nonnull (strstr (data, "\"theirs\": \"Le corps selon la table.\""));
  g_assert_nonnull (strstr (data, "\"theirs\": \"L’objectif selon la table.\""));

  g_assert_true (v21_workshop_set (copy, v21_workshop_get_root (copy), "title",
                                   json_object_new_string ("Titre de la table"), &error));
  g_assert_true (v21_workshop_set (master, root, "title", json_object_new_string ("Titre du maître"), &error));
  g_assert_true (v21_workshop_merge (master, copy, summary, &error));
  g_assert_cmpstr (v21_record_get_string (root, "title"), ==, "Titre du maître");
  g_assert_cmpuint (summary->conflicts->len, ==, 1);
  conflict = g_ptr_array_index (summary->conflicts, 0);
  g_assert_cmpstr (conflict->collection, ==, "");
  g_assert_cmpstr (conflict->detail, ==,
                   "edited on both sides: the master’s version kept; the table’s (title “Titre de la table”) kept in the file’s merge_conflicts");
  text = v21_merge_summary_format (summary);
  g_assert_nonnull (strstr (text, "1 conflict"));
  g_free (data);
  data = data_of (master);
  g_assert_nonnull (strstr (data, "\"field\": \"title\",\n      \"theirs\": \"Titre de la table\""));
}

/* A record the master removed after the copy was made, and that the table
 * did not touch, stays removed. */
static void
test_merge_removed_in_master (void)
{
  g_autoptr(V21Workshop) master = load ("demo");
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) copy = v21_workshop_copy_for_table (master, &error);
  g_autoptr(V21MergeSummary) summary = v21_merge_summary_new ();

  g_assert_true (v21_workshop_remove (master, v21_workshop_lookup (master, "ck01"), &error));
  g_assert_true (v21_workshop_merge (master, copy, summary, &error));
  g_assert_null (v21_workshop_lookup (master, "ck01"));
  g_assert_cmpuint (v21_merge_summary_total_added (summary), ==, 0);
}

/* The text fields the property test edits: at least one in every list that has one. */
static const char *const edited_fields[][2] = {
  { "", "title" }, { "", "political_goal" }, { "", "venue" },
  { "tables", "name" }, { "people", "email" }, { "people", "organisation" },
  { "exercises", "summary" }, { "sequences", "instructions" }, { "sequences", "notes" },
  { "materials", "body" }, { "materials", "source" }, { "clusters", "name" },
  { "cards", "text" }, { "cards", "details" }, { "vote_rounds", "title" },
  { "robustness", "comment" }, { "scenarios", "narrative" }, { "trajectories", "indicator" },
  { "points", "label" }, { "exercise_notes", "usage" }, { "checklist", "label" },
};

typedef struct
{
  char *collection;
  char *id;
  char *field;
  char *value;
} Edit;

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_free (edit->collection);
  g_free (edit->id);
  g_free (edit->field);
  g_free (edit->value);
  g_free (edit);
}

/* Random text edits of @workshop, the last value of each field in @edits. */
static void
random_text_edits (V21Workshop *workshop,
                   GRand       *rand,
                   const char  *side,
                   guint        n,
                   GHashTable  *edits)
{
  for (guint i = 0; i < n; i++)
    {
      guint f = g_rand_int_range (rand, 0, G_N_ELEMENTS (edited_fields));
      const char *collection = edited_fields[f][0];
      const char *field = edited_fields[f][1];
      V21Record *record = v21_workshop_get_root (workshop);
      g_autofree char *value = g_strdup_printf ("%s, modification %u (%08x)", side, i, g_rand_int (rand));
      g_autoptr(GError) error = NULL;
      Edit *edit = g_new0 (Edit, 1);

      if (collection[0] != '\0')
        {
          V21Collection *list = v21_workshop_get_collection (workshop, collection);
          record = v21_collection_get (list, g_rand_int_range (rand, 0, MIN (v21_collection_get_n (list), 4)));
        }
      g_assert_true (v21_workshop_set (workshop, record, field, json_object_new_string (value), &error));
      g_assert_no_error (error);
      edit->collection = g_strdup (collection);
      edit->id = g_strdup (v21_record_get_id (record));
      edit->field = g_strdup (field);
      edit->value = g_strdup (value);
      g_hash_table_insert (edits, g_strdup_printf ("%s/%s/%s", collection, edit->id, field), edit);
    }
}

/* The table's @edit is in @master: in place, in a copy of the record, in a
 * robustness comment, or kept among the merge's conflicts. */
static gboolean
edit_kept (V21Workshop *master,
           Edit        *edit)
{
  V21Record *root = v21_workshop_get_root (master);
  json_object *kept = v21_record_get_value (root, "merge_conflicts");
  V21Record *record = edit->collection[0] != '\0' ? v21_workshop_lookup (master, edit->id) : root;

  if (record != NULL && g_strcmp0 (v21_record_get_string (record, edit->field), edit->value) == 0)
    return TRUE;
  if (edit->collection[0] != '\0')
    {
      V21Collection *list = v21_workshop_get_collection (master, edit->collection);

      for (guint i = 0; i < v21_collection_get_n (list); i++)
        {
          const char *text = v21_record_get_string (v21_collection_get (list, i), edit->field);

          if (text != NULL && strstr (text, edit->value) != NULL)
            return TRUE;
        }
    }
  for (gsize i = 0; kept != NULL && i < json_object_array_length (kept); i++)
    {
      json_object *entry = json_object_array_get_idx (kept, i);

      if (g_strcmp0 (json_object_get_string (json_object_object_get (entry, "id")), edit->id) == 0
          && g_strcmp0 (json_object_get_string (json_object_object_get (entry, "theirs")), edit->value) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Random edits on copies of every collection and top-level field, merged back
 * in any order: every change of every side is in the output (in place, or
 * kept and listed as a conflict), none lost; the master's own stay in place. */
static void
test_merge_property (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(V21Workshop) master = load ("demo");
      g_autoptr(GHashTable) master_edits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, edit_free);
      g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GHashTable *table_edits[3];
      V21Workshop *copies[3];
      guint order[3] = { 0, 1, 2 };
      GHashTableIter iter;
      gpointer value;

      for (guint i = 0; i < 3; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *side = g_strdup_printf ("table %u", i + 1);

          /* One copy in three is copied by hand: no ancestor. */
          copies[i] = round % 3 == i ? load ("demo") : v21_workshop_copy_for_table (master, &error);
          g_assert_no_error (error);
          table_edits[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, edit_free);
          random_text_edits (copies[i], rand, side, 25, table_edits[i]);
        }
      random_text_edits (master, rand, "maître", 15, master_edits);
      for (guint i = 2; i > 0; i--)
        {
          guint j = g_rand_int_range (rand, 0, i + 1), t = order[i];

          order[i] = order[j];
          order[j] = t;
        }
      for (guint i = 0; i < 3; i++)
        {
          g_autoptr(V21MergeSummary) summary = v21_merge_summary_new ();
          g_autoptr(GError) error = NULL;

          g_assert_true (v21_workshop_merge (master, copies[order[i]], summary, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (summary->refused->len, ==, 0);
          for (guint c = 0; c < summary->conflicts->len; c++)
            {
              V21MergeConflict *conflict = g_ptr_array_index (summary->conflicts, c);
              g_hash_table_add (listed, g_strdup (conflict->id));
            }
        }
      for (guint i = 0; i < 3; i++)
        {
          g_hash_table_iter_init (&iter, table_edits[i]);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            {
              Edit *edit = value;
              V21Record *record = edit->collection[0] != '\0' ? v21_workshop_lookup (master, edit->id)
                                                              : v21_workshop_get_root (master);

              if (!edit_kept (master, edit))
                g_error ("round %u: table %u's %s of %s “%s” was lost", round, i + 1, edit->field, edit->id, edit->value);
              /* Not in place: it is listed as a conflict. */
              if (g_strcmp0 (v21_record_get_string (record, edit->field), edit->value) != 0
                  && !g_hash_table_contains (listed, edit->collection[0] != '\0' ? edit->id : v21_record_get_id (record)))
                g_error ("round %u: table %u's %s of %s kept but not listed", round, i + 1, edit->field, edit->id);
            }
          g_hash_table_unref (table_edits[i]);
          g_object_unref (copies[i]);
        }
      g_hash_table_iter_init (&iter, master_edits);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Edit *edit = value;
          V21Record *record = edit->collection[0] != '\0' ? v21_workshop_lookup (master, edit->id)
                                                          : v21_workshop_get_root (master);
          const char *now = v21_record_get_string (record, edit->field);

          if (now == NULL || strstr (now, edit->value) != now)
            g_error ("round %u: the master's %s of %s “%s” is now “%s”", round, edit->field, edit->id, edit->value, now);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/anonymize/demo", test_anonymize_demo);
  g_test_add_func ("/core/anonymize/text", test_anonymize_text);
  g_test_add_func ("/core/anonymize/unconsented", test_anonymize_unconsented);
  g_test_add_func ("/core/merge/new-and-conflict", test_merge_new_and_conflict);
  g_test_add_func ("/core/merge/other-workshop", test_merge_other_workshop);
  g_test_add_func ("/core/merge/votes-scores", test_merge_votes_scores);
  g_test_add_func ("/core/merge/random", test_merge_random);
  g_test_add_func ("/core/merge/three-way", test_merge_three_way);
  g_test_add_func ("/core/merge/both-sides", test_merge_both_sides);
  g_test_add_func ("/core/merge/removed-in-master", test_merge_removed_in_master);
  g_test_add_func ("/core/merge/property", test_merge_property);

  return g_test_run ();
}
