/* bench-report.c — how long the written report takes at the scale of the brief
 *
 * A workshop built here at the scale the product promises — 60 participants,
 * 10,000 cards in 120 clusters, 50,000 votes in 10 rounds, 20 trajectories of
 * 30 points, a robustness grid — then: the report's content, its layout on
 * A4 pages, the PDF file, and the HTML file with its figures. Prints the
 * median of a few runs of each, in wall-clock milliseconds.
 *
 * Run with: meson test -C _build --benchmark bench-report -v
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "v21-report-export.h"

#define RUNS 5
#define N_PEOPLE 60
#define N_TABLES 6
#define N_CARDS 10000
#define N_CLUSTERS 120
#define N_ROUNDS 10
#define VOTES_PER_PERSON 83
#define N_TRAJECTORIES 20
#define N_POINTS 30

static const char * const kinds[] = { "issue", "threat", "resource", "idea", "action", "trend", "weak_signal" };
static const char * const categories[] = { "elus", "services", "partenaires", "associations", "entreprises", "habitants", "experts" };

static json_object *
record (const char *id)
{
  json_object *object = json_object_new_object ();

  json_object_object_add (object, "id", json_object_new_string (id));
  return object;
}

static void
add_string (json_object *object,
            const char  *key,
            const char  *value)
{
  json_object_object_add (object, key, json_object_new_string (value));
}

static char *
big_workshop (gsize *length)
{
  json_object *root = json_object_new_object ();
  json_object *list;
  char id[64], text[256];

  add_string (root, "format", "visions21");
  add_string (root, "version", "1.0");
  add_string (root, "id", "bench");
  add_string (root, "title", "Atelier de très grande taille");
  list = json_object_new_object ();
  add_string (list, "name", "Communauté d'agglomération du Grand Banc d'Essai");
  add_string (list, "kind", "epci");
  add_string (list, "context", "Un territoire imaginaire pour mesurer la restitution à grande échelle.");
  json_object_object_add (root, "territory", list);
  json_object_object_add (root, "start_year", json_object_new_int (2026));
  json_object_object_add (root, "horizon_year", json_object_new_int (2056));

  list = json_object_new_array ();
  for (int d = 1; d <= 2; d++)
    {
      json_object *day;

      g_snprintf (id, sizeof id, "d%d", d);
      day = record (id);
      g_snprintf (text, sizeof text, "2027-03-%02d", 17 + d);
      add_string (day, "date", text);
      add_string (day, "start", "09:00");
      add_string (day, "end", "18:00");
      json_object_array_add (list, day);
    }
  json_object_object_add (root, "days", list);

  list = json_object_new_array ();
  for (int t = 1; t <= N_TABLES; t++)
    {
      json_object *table;

      g_snprintf (id, sizeof id, "t%d", t);
      table = record (id);
      g_snprintf (text, sizeof text, "Table %d", t);
      add_string (table, "name", text);
      json_object_array_add (list, table);
    }
  json_object_object_add (root, "tables", list);

  list = json_object_new_array ();
  for (int p = 1; p <= N_PEOPLE; p++)
    {
      json_object *person;

      g_snprintf (id, sizeof id, "p%d", p);
      person = record (id);
      g_snprintf (text, sizeof text, "Prénom%d Nom%d", p, p);
      add_string (person, "name", text);
      add_string (person, "organisation", p % 3 == 0 ? "Communauté d'agglomération" : "Association locale");
      add_string (person, "category", categories[p % G_N_ELEMENTS (categories)]);
      g_snprintf (id, sizeof id, "t%d", 1 + p % N_TABLES);
      add_string (person, "table", id);
      json_object_object_add (person, "consent", json_object_new_boolean (p % 5 != 0));
      json_object_array_add (list, person);
    }
  json_object_object_add (root, "people", list);

  list = json_object_new_array ();
  for (int e = 1; e <= 5; e++)
    {
      json_object *exercise;
      json_object *outputs = json_object_new_array ();

      g_snprintf (id, sizeof id, "ex%d", e);
      exercise = record (id);
      g_snprintf (text, sizeof text, "T%d", e);
      add_string (exercise, "code", text);
      g_snprintf (text, sizeof text, "Exercice %d", e);
      add_string (exercise, "title", text);
      json_object_array_add (outputs, json_object_new_string (e == 3 ? "vision" : "issue"));
      json_object_object_add (exercise, "outputs", outputs);
      json_object_array_add (list, exercise);
    }
  json_object_object_add (root, "exercises", list);

  list = json_object_new_array ();
  for (int s = 1; s <= 10; s++)
    {
      json_object *sequence;

      g_snprintf (id, sizeof id, "s%d", s);
      sequence = record (id);
      add_string (sequence, "day", s <= 5 ? "d1" : "d2");
      g_snprintf (text, sizeof text, "%02d:00", 9 + (s - 1) % 5);
      add_string (sequence, "start", text);
      json_object_object_add (sequence, "minutes", json_object_new_int (60));
      g_snprintf (text, sizeof text, "Séquence %d", s);
      add_string (sequence, "title", text);
      g_snprintf (id, sizeof id, "ex%d", 1 + (s - 1) / 2);
      add_string (sequence, "exercise", id);
      add_string (sequence, "kind", "tables");
      json_object_array_add (list, sequence);
    }
  json_object_object_add (root, "sequences", list);

  list = json_object_new_array ();
  for (int c = 1; c <= N_CLUSTERS; c++)
    {
      json_object *cluster;

      g_snprintf (id, sizeof id, "cl%d", c);
      cluster = record (id);
      g_snprintf (text, sizeof text, "Regroupement numéro %d", c);
      add_string (cluster, "name", text);
      add_string (cluster, "kind", kinds[c % G_N_ELEMENTS (kinds)]);
      json_object_array_add (list, cluster);
    }
  json_object_object_add (root, "clusters", list);

  list = json_object_new_array ();
  for (int c = 1; c <= N_CARDS; c++)
    {
      json_object *card;
      int cluster = 1 + (c % N_CLUSTERS);

      g_snprintf (id, sizeof id, "c%d", c);
      card = record (id);
      add_string (card, "kind", kinds[cluster % G_N_ELEMENTS (kinds)]);
      g_snprintf (text, sizeof text, "Contribution %d : une idée d'une longueur ordinaire, comme on en écrit sur un post-it", c);
      add_string (card, "text", text);
      add_string (card, "details", c % 4 == 0 ? "Avec quelques précisions notées par le scribe." : "");
      g_snprintf (id, sizeof id, "t%d", 1 + c % N_TABLES);
      add_string (card, "table", id);
      g_snprintf (id, sizeof id, "s%d", 1 + c % 10);
      add_string (card, "sequence", id);
      g_snprintf (id, sizeof id, "cl%d", cluster);
      add_string (card, "cluster", id);
      json_object_array_add (list, card);
    }
  json_object_object_add (root, "cards", list);

  {
    json_object *rounds = json_object_new_array ();
    json_object *votes = json_object_new_array ();
    int n_votes = 0;

    for (int r = 0; r < N_ROUNDS; r++)
      {
        json_object *round, *targets = json_object_new_array ();

        g_snprintf (id, sizeof id, "vr%d", r);
        round = record (id);
        g_snprintf (text, sizeof text, "Vote %d", r + 1);
        add_string (round, "title", text);
        g_snprintf (id, sizeof id, "s%d", 1 + r);
        add_string (round, "sequence", id);
        add_string (round, "target", "cards");
        for (int t = 0; t < 200; t++)
          {
            g_snprintf (id, sizeof id, "c%d", 1 + r * 1000 + t);
            json_object_array_add (targets, json_object_new_string (id));
          }
        json_object_object_add (round, "targets", targets);
        add_string (round, "method", "points");
        json_object_object_add (round, "budget", json_object_new_int (100));
        add_string (round, "voters", "people");
        json_object_array_add (rounds, round);
        for (int p = 1; p <= N_PEOPLE; p++)
          for (int v = 0; v < VOTES_PER_PERSON; v++)
            {
              json_object *vote;

              g_snprintf (id, sizeof id, "v%d", ++n_votes);
              vote = record (id);
              g_snprintf (id, sizeof id, "vr%d", r);
              add_string (vote, "round", id);
              g_snprintf (id, sizeof id, "p%d", p);
              add_string (vote, "voter", id);
              g_snprintf (id, sizeof id, "c%d", 1 + r * 1000 + (p * 7 + v) % 200);
              add_string (vote, "target", id);
              json_object_object_add (vote, "count", json_object_new_int (1));
              /* One vote per voter and target. */
              if ((p * 7 + v) % 200 != (p * 7 + v - 200) % 200 || v < 200)
                json_object_array_add (votes, vote);
              else
                json_object_put (vote);
            }
      }
    json_object_object_add (root, "vote_rounds", rounds);
    json_object_object_add (root, "votes", votes);
  }

  list = json_object_new_array ();
  for (int s = 0; s < 4; s++)
    {
      static const char * const scenario_kinds[] = { "baseline", "desired", "disruption", "exploratory" };
      json_object *scenario;

      g_snprintf (id, sizeof id, "sc%d", s);
      scenario = record (id);
      add_string (scenario, "kind", scenario_kinds[s]);
      g_snprintf (text, sizeof text, "Scénario %d", s + 1);
      add_string (scenario, "title", text);
      add_string (scenario, "narrative", "Un récit de quelques phrases.\nEt un second paragraphe.");
      json_object_array_add (list, scenario);
    }
  json_object_object_add (root, "scenarios", list);

  {
    json_object *trajectories = json_object_new_array ();
    json_object *points = json_object_new_array ();
    static const char * const styles[] = { "baseline", "desired", "disruption", "exploratory" };

    for (int t = 0; t < N_TRAJECTORIES; t++)
      {
        json_object *trajectory;

        g_snprintf (id, sizeof id, "tr%d", t);
        trajectory = record (id);
        g_snprintf (id, sizeof id, "sc%d", t % 4);
        add_string (trajectory, "scenario", id);
        add_string (trajectory, "style", styles[t % 4]);
        json_object_array_add (trajectories, trajectory);
        for (int p = 0; p < N_POINTS; p++)
          {
            json_object *point;

            g_snprintf (id, sizeof id, "pt%d-%d", t, p);
            point = record (id);
            g_snprintf (id, sizeof id, "tr%d", t);
            add_string (point, "trajectory", id);
            json_object_object_add (point, "year", json_object_new_int (2026 + p));
            json_object_object_add (point, "level", json_object_new_double ((p + t % 5) / 40.0));
            if (p % 3 == 0)
              g_snprintf (text, sizeof text, "Jalon %d", p);
            else
              text[0] = '\0';
            add_string (point, "label", text);
            add_string (point, "kind", "milestone");
            json_object_array_add (points, point);
          }
      }
    json_object_object_add (root, "trajectories", trajectories);
    json_object_object_add (root, "points", points);
  }

  {
    const char *text_out = json_object_to_json_string_ext (root, JSON_C_TO_STRING_PLAIN);
    char *copy = g_strdup (text_out);

    *length = strlen (copy);
    json_object_put (root);
    return copy;
  }
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, RUNS, sizeof (double), compare_doubles);
  return values[RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *data = big_workshop (&length);
  g_autoptr(V21Workshop) workshop = v21_workshop_load_data (data, length, NULL, &error);
  g_autofree char *dir = g_dir_make_tmp ("v21-bench-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *html = g_build_filename (dir, "report.html", NULL);
  double content[RUNS], layout[RUNS], write[RUNS], export_html[RUNS];
  guint n_pages = 0;

  if (workshop == NULL)
    {
      fprintf (stderr, "bench-report: %s\n", error->message);
      return 1;
    }
  for (int i = 0; i < RUNS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      V21Report *report = v21_report_new (workshop, V21_REPORT_DEFAULT);
      gint64 t1 = g_get_monotonic_time ();
      g_autoptr(V21ReportPages) pages = v21_report_pages_new (report, workshop);
      gint64 t2 = g_get_monotonic_time ();

      if (!v21_report_pages_write_pdf (pages, pdf, &error))
        {
          fprintf (stderr, "bench-report: %s\n", error->message);
          return 1;
        }
      n_pages = v21_report_pages_get_n_pages (pages);
      content[i] = (t1 - t0) / 1000.0;
      layout[i] = (t2 - t1) / 1000.0;
      write[i] = (g_get_monotonic_time () - t2) / 1000.0;
      t0 = g_get_monotonic_time ();
      if (!v21_report_export (workshop, V21_REPORT_HTML, html, FALSE, &error))
        {
          fprintf (stderr, "bench-report: %s\n", error->message);
          return 1;
        }
      export_html[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  printf ("report of %d cards, %u votes, %d people: %u pages\n", N_CARDS,
          v21_collection_get_n (v21_workshop_get_collection (workshop, "votes")), N_PEOPLE, n_pages);
  printf ("content (median of %d): %.0f ms\n", RUNS, median (content));
  printf ("layout on pages:        %.0f ms\n", median (layout));
  printf ("drawing the PDF:        %.0f ms\n", median (write));
  printf ("HTML with SVG figures:  %.0f ms\n", median (export_html));
  g_unlink (pdf);
  g_unlink (html);
  g_rmdir (dir);
  return 0;
}
