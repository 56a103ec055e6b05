/* gen-workshop — writes a large, valid workshop for the benchmarks and the kill test.
 *
 *   gen-workshop --cards N [--people N] [--votes N] [--seed S] [--title T] [--territory T]
 *                [--skip N] [--overrun N:M] -o FILE
 *
 * Every record goes through the core model (v21_workshop_insert validates it as an
 * edit would) and the file is written by v21_workshop_save_file, so what comes out
 * is what the application itself would write. The same options and seed give the
 * same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "v21-workshop.h"

typedef struct
{
  V21Workshop *workshop;
  GRand       *rand;
  guint        cards;
  guint        people;
  guint        tables;
  guint        votes;
  guint        clusters;
  guint        sequences;
  guint        exercises;
  guint        rounds;
  const char  *title;       /* NULL: "Atelier de N cartes" */
  const char  *territory;   /* NULL: the Val d’Essai */
  guint        skip;        /* the exercise T<skip> did not run (0: none) */
  guint        overrun;     /* the exercise T<overrun> ran over its plan… */
  guint        overrun_by;  /* …by this many minutes per sequence */
} Gen;

static const char *subjects[] = {
  "la mobilité rurale", "l’eau potable", "les commerces de centre-bourg", "la forêt communale",
  "le logement des jeunes", "les circuits courts", "la rénovation des écoles", "le tourisme vert",
  "l’accès aux soins", "les zones d’activité", "la ressource en eau", "les mobilités douces",
  "la vacance des logements", "la biodiversité des haies", "les friches industrielles",
  "la sobriété foncière", "l’agriculture biologique", "le numérique pour tous",
  "les solidarités entre communes", "la culture en milieu rural",
};

static const char *verbs[] = {
  "renforcer", "anticiper la baisse de", "mutualiser", "préserver", "réinventer",
  "sécuriser", "rendre accessible", "partager", "relocaliser", "protéger",
};

static const char *card_kinds[] = {
  "issue", "threat", "resource", "trend", "weak_signal", "challenge", "idea", "action", "vision",
};

static const char *categories[] = {
  "elus", "services", "partenaires", "associations", "entreprises", "habitants", "experts",
};

static const char *link_kinds[] = {
  "threatens", "mobilises", "answers", "leads_to", "contradicts", "reinforces",
};

static const char *point_kinds[] = {
  "milestone", "bifurcation", "threat", "resource", "weak_signal", "action",
};

/* A JSON object from NULL-terminated key, value pairs (values stolen). */
static json_object *
object (const char *first_key,
        ...)
{
  json_object *obj = json_object_new_object ();
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key; key = va_arg (args, const char *))
    json_object_object_add (obj, key, va_arg (args, json_object *));
  va_end (args);
  return obj;
}

static json_object *
str (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static json_object *
str (const char *format,
     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  return json_object_new_string (text);
}

static json_object *
num (gint64 n)
{
  return json_object_new_int64 (n);
}

static const char *
pick (Gen         *gen,
      const char **values,
      guint        n)
{
  return values[g_rand_int_range (gen->rand, 0, n)];
}

#define PICK(gen, values) pick (gen, values, G_N_ELEMENTS (values))

static void
add (Gen         *gen,
     const char  *collection,
     json_object *fields)
{
  g_autoptr(GError) error = NULL;

  if (v21_workshop_insert (gen->workshop, collection, -1, fields, &error) == NULL)
    {
      fprintf (stderr, "gen-workshop: %s: %s\n", collection, error->message);
      exit (1);
    }
}

static void
set_root (Gen         *gen,
          const char  *field,
          json_object *value)
{
  g_autoptr(GError) error = NULL;

  if (!v21_workshop_set (gen->workshop, v21_workshop_get_root (gen->workshop), field, value, &error))
    {
      fprintf (stderr, "gen-workshop: %s: %s\n", field, error->message);
      exit (1);
    }
}

static json_object *
outputs (void)
{
  json_object *list = json_object_new_array ();

  json_object_array_add (list, json_object_new_string ("issue"));
  json_object_array_add (list, json_object_new_string ("idea"));
  return list;
}

/* A sequence of the exercise T<i % exercises + 1>: 45 minutes planned, 50 held,
 * none for the skipped exercise, 45 + overrun_by for the overrun one. */
static void
gen_sequence (Gen   *gen,
              guint  i)
{
  guint code = i % gen->exercises + 1;
  gboolean skipped = code == gen->skip;
  guint held = code == gen->overrun ? 45 + gen->overrun_by : 50;

  add (gen, "sequences", object ("id", str ("s%u", i), "day", str ("d%u", i < gen->sequences / 2 ? 1 : 2),
                                 "start", str ("%02u:%02u", 9 + (i % 6), (i * 15) % 60),
                                 "minutes", num (45), "title", str ("Séquence %u", i + 1),
                                 "exercise", str ("e%u", i % gen->exercises), "kind", str ("tables"),
                                 "instructions", json_object_new_string (""), "notes", json_object_new_string (""),
                                 "status", str ("%s", skipped ? "skipped" : "done"),
                                 "actual_start", skipped ? NULL : str ("2027-03-18T%02u:05:00+01:00", 9 + (i % 6)),
                                 "actual_minutes", skipped ? NULL : num (held), NULL));
}

static const char *
territory_name (Gen *gen)
{
  return gen->territory != NULL ? gen->territory : "Communauté de communes du Val d’Essai";
}

static void
gen_frame (Gen *gen)
{
  if (gen->title != NULL)
    set_root (gen, "title", str ("%s", gen->title));
  else
    set_root (gen, "title", str ("Atelier de %u cartes", gen->cards));
  set_root (gen, "territory", object ("name", str ("%s", territory_name (gen)),
                                      "kind", str ("epci"), "population", num (48200),
                                      "context", str ("Fusion récente de trois intercommunalités."), NULL));
  set_root (gen, "start_year", num (2027));
  set_root (gen, "horizon_year", num (2057));
  set_root (gen, "venue", str ("Salle des fêtes de Saint-Essai"));
  add (gen, "days", object ("id", str ("d1"), "date", str ("2027-03-18"),
                            "start", str ("09:00"), "end", str ("17:30"), NULL));
  add (gen, "days", object ("id", str ("d2"), "date", str ("2027-03-19"),
                            "start", str ("09:00"), "end", str ("16:30"), NULL));
  for (guint i = 0; i < gen->tables; i++)
    add (gen, "tables", object ("id", str ("t%u", i), "name", str ("Table %u", i + 1),
                                "color", str ("#%06x", g_rand_int (gen->rand) & 0xffffff), NULL));
  for (guint i = 0; i < gen->people; i++)
    add (gen, "people", object ("id", str ("p%u", i), "name", str ("Participant·e %u", i + 1),
                                "organisation", str ("Commune n°%u", i % 17 + 1),
                                "category", str ("%s", PICK (gen, categories)),
                                "role", str ("participant"), "table", str ("t%u", i % gen->tables),
                                "email", str ("p%u@exemple.fr", i),
                                "consent", json_object_new_boolean (i % 3 != 0),
                                "locked", json_object_new_boolean (FALSE), NULL));
  for (guint i = 0; i < gen->exercises; i++)
    add (gen, "exercises", object ("id", str ("e%u", i), "code", str ("T%u", i + 1),
                                   "title", str ("Exercice %u", i + 1),
                                   "summary", str ("Travail en tables sur %s.", PICK (gen, subjects)),
                                   "minutes", num (45), "kind", str ("tables"),
                                   "instructions", str ("Chaque table note ses idées sur des cartes."),
                                   "outputs", outputs (), NULL));
  for (guint i = 0; i < gen->sequences; i++)
    gen_sequence (gen, i);
}

static void
gen_cards (Gen *gen)
{
  for (guint i = 0; i < gen->clusters; i++)
    add (gen, "clusters", object ("id", str ("g%u", i), "name", str ("Regroupement %u : %s", i + 1, PICK (gen, subjects)),
                                  "kind", json_object_new_string (PICK (gen, card_kinds)),
                                  "sequence", str ("s%u", i % gen->sequences), NULL));
  for (guint i = 0; i < gen->cards; i++)
    {
      guint minute = i % (8 * 60);
      json_object *cluster = g_rand_int_range (gen->rand, 0, 4) ? str ("g%u", g_rand_int_range (gen->rand, 0, gen->clusters)) : NULL;

      add (gen, "cards", object ("id", str ("c%u", i), "kind", str ("%s", PICK (gen, card_kinds)),
                                 "text", str ("%s %s (%u)", PICK (gen, verbs), PICK (gen, subjects), i),
                                 "details", str ("%s", i % 10 == 0 ? "Noté pendant la restitution en plénière." : ""),
                                 "table", str ("t%u", g_rand_int_range (gen->rand, 0, gen->tables)),
                                 "sequence", str ("s%u", g_rand_int_range (gen->rand, 0, gen->sequences)),
                                 "cluster", cluster,
                                 "created", str ("2027-03-%02uT%02u:%02u:00+01:00", 18 + i % 2, 9 + minute / 60, minute % 60),
                                 NULL));
    }
  for (guint i = 0; i < gen->cards / 5; i++)
    {
      guint from = g_rand_int_range (gen->rand, 0, gen->cards);
      guint to = (from + 1 + g_rand_int_range (gen->rand, 0, gen->cards - 1)) % gen->cards;

      add (gen, "links", object ("id", str ("l%u", i), "from", str ("c%u", from), "to", str ("c%u", to),
                                 "kind", str ("%s", PICK (gen, link_kinds)), NULL));
    }
}

#define TARGETS_PER_ROUND 40
#define BUDGET 10

/* Rounds on cards, each with TARGETS_PER_ROUND targets. People vote first, each
 * within the budget; the rest are dots counted on paper (no voter, no budget). */
static void
gen_votes (Gen *gen)
{
  guint given = 0;
  guint people_rounds = MIN (gen->rounds, 8);

  for (guint r = 0; r < gen->rounds; r++)
    {
      json_object *targets = json_object_new_array ();

      for (guint t = 0; t < TARGETS_PER_ROUND; t++)
        json_object_array_add (targets, str ("c%u", (r * TARGETS_PER_ROUND + t) % gen->cards));
      add (gen, "vote_rounds", object ("id", str ("r%u", r), "title", str ("Vote %u", r + 1),
                                       "sequence", str ("s%u", r % gen->sequences),
                                       "target", str ("cards"), "card_kind", NULL, "targets", targets,
                                       "method", str ("dots"), "budget", num (BUDGET),
                                       "voters", str ("people"), "revealed", json_object_new_boolean (r % 2),
                                       NULL));
    }
  for (guint r = 0; r < people_rounds && given < gen->votes; r++)
    for (guint p = 0; p < gen->people && given < gen->votes; p++)
      for (guint left = BUDGET; left > 0 && given < gen->votes; given++)
        {
          guint count = g_rand_int_range (gen->rand, 1, 5);   /* not inside MIN(): evaluated twice */
          guint target = (r * TARGETS_PER_ROUND + g_rand_int_range (gen->rand, 0, TARGETS_PER_ROUND)) % gen->cards;

          count = MIN (count, left);
          add (gen, "votes", object ("id", str ("v%u", given), "round", str ("r%u", r), "voter", str ("p%u", p),
                                     "target", str ("c%u", target), "count", num (count), NULL));
          left -= count;
        }
  for (; given < gen->votes; given++)
    {
      guint r = g_rand_int_range (gen->rand, 0, gen->rounds);
      guint target = (r * TARGETS_PER_ROUND + g_rand_int_range (gen->rand, 0, TARGETS_PER_ROUND)) % gen->cards;

      add (gen, "votes", object ("id", str ("v%u", given), "round", str ("r%u", r), "voter", NULL,
                                 "target", str ("c%u", target), "count", num (g_rand_int_range (gen->rand, 1, 30)), NULL));
    }
}

static void
gen_results (Gen *gen)
{
  static const char *scenarios[] = { "baseline", "desired", "disruption", "exploratory" };
  guint n_scores = MIN (gen->cards / 2, 400);

  /* Distinct (challenge, answer) pairs: challenge i with answer cards/2 + i. */
  for (guint i = 0; i < n_scores; i++)
    add (gen, "robustness", object ("id", str ("rb%u", i), "challenge", str ("c%u", i),
                                    "answer", str ("c%u", gen->cards / 2 + i),
                                    "score", num (g_rand_int_range (gen->rand, 0, 4)),
                                    "comment", json_object_new_string (""), NULL));
  for (guint i = 0; i < 5; i++)
    add (gen, "scenarios", object ("id", str ("sc%u", i), "kind", str ("%s", scenarios[i % 4]),
                                   "title", str ("Scénario %u", i + 1),
                                   "narrative", str ("En 2057, %s.", PICK (gen, subjects)),
                                   "table", str ("t%u", i % gen->tables), NULL));
  for (guint i = 0; i < 20; i++)
    {
      add (gen, "trajectories", object ("id", str ("tr%u", i), "scenario", str ("sc%u", i % 5),
                                        "style", str ("%s", scenarios[i % 4]),
                                        "indicator", json_object_new_string (""), "unit", json_object_new_string (""), NULL));
      for (guint k = 0; k < 12; k++)
        add (gen, "points", object ("id", str ("pt%u_%u", i, k), "trajectory", str ("tr%u", i),
                                    "year", num (2027 + k * 30 / 11),
                                    "level", json_object_new_double (g_rand_double (gen->rand)),
                                    "label", str ("%s", k % 3 ? "" : "Jalon"),
                                    "kind", str ("%s", k == 11 ? "vision" : PICK (gen, point_kinds)),
                                    "card", k % 4 == 0 ? str ("c%u", g_rand_int_range (gen->rand, 0, gen->cards)) : NULL,
                                    NULL));
    }
  for (guint i = 0; i < gen->exercises; i++)
    add (gen, "exercise_notes", object ("id", str ("n%u", i), "exercise", str ("e%u", i),
                                        "conditions", str ("Salle assez grande pour T%u (%s).", i + 1, territory_name (gen)),
                                        "usage", str ("Cartes saisies en direct pour T%u (%s).", i + 1, territory_name (gen)),
                                        "vigilance", str ("Tenir le temps de T%u (%s).", i + 1, territory_name (gen)), NULL));
  for (guint i = 0; i < 12; i++)
    add (gen, "checklist", object ("id", str ("k%u", i), "label", str ("Préparer l’étape %u", i + 1),
                                   "done", json_object_new_boolean (i % 2), NULL));
}

int
main (int   argc,
      char *argv[])
{
  int cards = 1000;
  int people = 60;
  int votes = -1;
  int seed = 21;
  int skip = 0;
  g_autofree char *output = NULL;
  g_autofree char *title = NULL;
  g_autofree char *territory = NULL;
  g_autofree char *overrun = NULL;
  const GOptionEntry entries[] = {
    { "cards", 0, 0, G_OPTION_ARG_INT, &cards, "Number of cards (default 1000)", "N" },
    { "people", 0, 0, G_OPTION_ARG_INT, &people, "Number of people (default 60)", "N" },
    { "votes", 0, 0, G_OPTION_ARG_INT, &votes, "Number of votes (default 5 per card, at most 150,000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed (default 21)", "S" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the workshop to FILE", "FILE" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, "Title of the workshop", "TEXT" },
    { "territory", 0, 0, G_OPTION_ARG_STRING, &territory, "Name of the territory", "TEXT" },
    { "skip", 0, 0, G_OPTION_ARG_INT, &skip, "The exercise TN did not run", "N" },
    { "overrun", 0, 0, G_OPTION_ARG_STRING, &overrun, "Each sequence of TN ran M minutes over its 45", "N:M" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— write a large valid workshop");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  Gen gen = { 0 };

  setlocale (LC_CTYPE, "");   /* UTF-8 titles and territories on the command line */
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || output == NULL || cards < 10 || people < 1)
    {
      fprintf (stderr, "usage: gen-workshop --cards N [--people N] [--votes N] [--seed S] [--title T] [--territory T] [--skip N] [--overrun N:M] -o FILE\n");
      return 2;
    }
  g_random_set_seed (seed);   /* the workshop's own id */
  gen.rand = g_rand_new_with_seed (seed);
  gen.workshop = v21_workshop_new ();
  gen.cards = cards;
  gen.people = people;
  gen.votes = votes >= 0 ? (guint) votes : MIN ((guint) cards * 5, 150000);
  gen.tables = MAX (6, gen.people / 8);
  gen.exercises = 8;
  gen.sequences = 16;
  gen.title = title;
  gen.territory = territory;
  gen.skip = (guint) MAX (skip, 0);
  if (overrun != NULL && sscanf (overrun, "%u:%u", &gen.overrun, &gen.overrun_by) != 2)
    {
      fprintf (stderr, "gen-workshop: --overrun N:M\n");
      return 2;
    }
  gen.clusters = MAX (1, gen.cards / 20);
  gen.rounds = MAX (2, MIN (gen.cards / TARGETS_PER_ROUND, 100));

  v21_workshop_begin_group (gen.workshop, "generate");
  gen_frame (&gen);
  gen_cards (&gen);
  gen_votes (&gen);
  gen_results (&gen);
  v21_workshop_end_group (gen.workshop);

  file = g_file_new_for_commandline_arg (output);
  g_file_delete (file, NULL, NULL);   /* no "FILE~" backup of an older run */
  if (!v21_workshop_save_file (gen.workshop, file, &error))
    {
      fprintf (stderr, "gen-workshop: %s\n", error->message);
      return 1;
    }
  g_object_unref (gen.workshop);
  g_rand_free (gen.rand);
  return 0;
}
