/* fixture.c — workshops with many trajectories, built in memory for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "fixture.h"

static const char * const styles[] = { "past", "baseline", "desired", "disruption", "exploratory" };
static const char * const scenario_kinds[] = { "baseline", "baseline", "desired", "disruption", "exploratory" };
static const char * const kinds[] = {
  "milestone", "milestone", "threat", "milestone", "resource", "weak_signal", "milestone", "action"
};
static const char * const words[] = {
  "Commission locale de l’eau", "Plan de partage", "Réseau de chaleur", "Maison de santé",
  "Fermes transmises", "Cantines locales", "Haies replantées", "Énergie positive",
};

static V21Record *
insert (V21Workshop *workshop,
        const char  *collection,
        json_object *fields)
{
  g_autoptr(GError) error = NULL;
  V21Record *record = v21_workshop_insert (workshop, collection, -1, fields, &error);

  g_assert_no_error (error);
  return record;
}

/* An empty workshop from 2026 to @horizon. */
static V21Workshop *
new_workshop (int horizon)
{
  V21Workshop *workshop = v21_workshop_new ();
  V21Record *root = v21_workshop_get_root (workshop);
  g_autoptr(GError) error = NULL;

  g_assert_true (v21_workshop_set (workshop, root, "horizon_year", json_object_new_int (horizon), &error));
  g_assert_true (v21_workshop_set (workshop, root, "start_year", json_object_new_int (2026), &error));
  g_assert_no_error (error);
  return workshop;
}

V21Workshop *
fixture_trajectories (guint n_trajectories,
                      guint n_points,
                      int   first_year,
                      int   span,
                      guint label_every)
{
  V21Workshop *workshop = new_workshop (2056);
  GRand *rand = g_rand_new_with_seed (21);

  for (guint t = 0; t < n_trajectories; t++)
    {
      json_object *scenario = json_object_new_object ();
      json_object *trajectory = json_object_new_object ();
      g_autofree char *title = g_strdup_printf ("Scénario %u", t + 1);
      V21Record *record;
      double level = g_rand_double_range (rand, 0.1, 0.5);

      json_object_object_add (scenario, "kind", json_object_new_string (scenario_kinds[t % 5]));
      json_object_object_add (scenario, "title", json_object_new_string (title));
      record = insert (workshop, "scenarios", scenario);
      json_object_object_add (trajectory, "scenario", json_object_new_string (v21_record_get_id (record)));
      json_object_object_add (trajectory, "style", json_object_new_string (styles[t % 5]));
      record = insert (workshop, "trajectories", trajectory);

      for (guint p = 0; p < n_points; p++)
        {
          json_object *point = json_object_new_object ();
          g_autofree char *label = NULL;
          int year = first_year + (int) ((double) p * span / MAX (n_points - 1, 1));

          double step = g_rand_double_range (rand, -0.04, 0.06);

          level = CLAMP (level + step, 0.0, 1.0);
          if (label_every > 0 && p % label_every == 0)
            label = g_strdup_printf ("%s %u.%u", words[(t + p) % G_N_ELEMENTS (words)], t + 1, p + 1);
          json_object_object_add (point, "trajectory", json_object_new_string (v21_record_get_id (record)));
          json_object_object_add (point, "year", json_object_new_int (year));
          json_object_object_add (point, "level", json_object_new_double (round (level * 100) / 100));
          json_object_object_add (point, "label", json_object_new_string (label != NULL ? label : ""));
          json_object_object_add (point, "kind", json_object_new_string (p == n_points - 1 && t % 5 == 2
                                                                          ? "vision" : kinds[(t + p) % G_N_ELEMENTS (kinds)]));
          insert (workshop, "points", point);
        }
    }
  g_rand_free (rand);
  return workshop;
}

static char *
long_label (guint t,
            guint p,
            guint chars)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "T%u.%u", t + 1, p + 1);
  for (guint i = 0; g_utf8_strlen (text->str, -1) < chars; i++)
    g_string_append_printf (text, " %s", words[(t + p + i) % G_N_ELEMENTS (words)]);
  while (g_utf8_strlen (text->str, -1) > chars)
    g_string_truncate (text, g_utf8_offset_to_pointer (text->str, chars) - text->str);
  return g_string_free (text, FALSE);
}

V21Workshop *
fixture_stress (guint n_trajectories,
                guint n_points,
                int   horizon_years,
                guint label_chars)
{
  V21Workshop *workshop = new_workshop (2026 + horizon_years);
  GRand *rand = g_rand_new_with_seed (14);
  for (guint t = 0; t < n_trajectories; t++)
    {
      json_object *scenario = json_object_new_object ();
      json_object *trajectory = json_object_new_object ();
      V21Record *record;
      double level = g_rand_double_range (rand, 0.2, 0.6);

      json_object_object_add (scenario, "kind", json_object_new_string (scenario_kinds[t % 5]));
      json_object_object_add (scenario, "title", json_object_new_string ("Scénario"));
      record = insert (workshop, "scenarios", scenario);
      json_object_object_add (trajectory, "scenario", json_object_new_string (v21_record_get_id (record)));
      json_object_object_add (trajectory, "style", json_object_new_string (styles[t % 5]));
      record = insert (workshop, "trajectories", trajectory);
      for (guint p = 0; p < n_points; p++)
        {
          json_object *point = json_object_new_object ();
          g_autofree char *label = long_label (t, p, label_chars);

          level = CLAMP (level + g_rand_double_range (rand, -0.05, 0.06), 0.0, 1.0);
          json_object_object_add (point, "trajectory", json_object_new_string (v21_record_get_id (record)));
          json_object_object_add (point, "year", json_object_new_int (2026 + (int) p));
          json_object_object_add (point, "level", json_object_new_double (round (level * 100) / 100));
          json_object_object_add (point, "label", json_object_new_string (label));
          json_object_object_add (point, "kind", json_object_new_string (kinds[(t + p) % G_N_ELEMENTS (kinds)]));
          insert (workshop, "points", point);
        }
    }
  g_rand_free (rand);
  return workshop;
}

char *
fixture_run (const char *command_line)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_command_line_sync (command_line, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", command_line, err);
  return g_steal_pointer (&out);
}

char *
fixture_squeeze (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  GString *out = g_string_new (NULL);

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

V21Workshop *
fixture_load_demo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "examples",
                                                 "demo.visions21", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  V21Workshop *workshop = v21_workshop_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return workshop;
}

static V21Record *
insert_card (V21Workshop *workshop,
             const char  *kind,
             const char  *text)
{
  json_object *card = json_object_new_object ();

  json_object_object_add (card, "kind", json_object_new_string (kind));
  json_object_object_add (card, "text", json_object_new_string (text));
  return insert (workshop, "cards", card);
}

V21Workshop *
fixture_robustness (guint               n_challenges,
                    guint               n_answers,
                    const char * const *answers)
{
  V21Workshop *workshop = new_workshop (2056);
  g_autoptr(GPtrArray) challenges = g_ptr_array_new ();
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  guint n_texts = g_strv_length ((GStrv) answers);

  for (guint i = 0; i < n_challenges; i++)
    {
      g_autofree char *text = g_strdup_printf ("Défi %u — l’eau rare : six mois de restrictions par an", i + 1);

      g_ptr_array_add (challenges, insert_card (workshop, "challenge", text));
    }
  for (guint i = 0; i < n_answers; i++)
    g_ptr_array_add (cards, insert_card (workshop, "resource", answers[i % n_texts]));
  for (guint c = 0; c < n_challenges; c++)
    for (guint a = 0; a < n_answers; a++)
      {
        json_object *score = json_object_new_object ();

        json_object_object_add (score, "challenge", json_object_new_string (v21_record_get_id (challenges->pdata[c])));
        json_object_object_add (score, "answer", json_object_new_string (v21_record_get_id (cards->pdata[a])));
        json_object_object_add (score, "score", json_object_new_int ((c + a) % 4));
        json_object_object_add (score, "comment", json_object_new_string ((c + a) % 3 == 0 ? "À revoir" : ""));
        insert (workshop, "robustness", score);
      }
  return workshop;
}
