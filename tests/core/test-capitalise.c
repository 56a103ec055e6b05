/* test-capitalise.c — several workshops in one document: what it holds
 *
 * The demo and the minimal workshop of the tests (another territory, T1 run
 * 95 minutes for 90 planned, T2 not run): the same workshop twice, the
 * figures' numbers (the timeline's milestones, the drift chart's drifts and
 * medians), the CSV, and names. Runs under valgrind with the core suite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "v21-capitalise.h"
#include "v21-error.h"

#define DEMO "Communauté de communes Val de Sèvre et Bocage"
#define MINIMAL "Communauté de communes du Val Test"

static V21Workshop *
load (const char *name)
{
  g_autofree char *path = g_strcmp0 (name, "demo") == 0
                          ? g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "demo.visions21", NULL)
                          : g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  V21Workshop *workshop = v21_workshop_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return workshop;
}

static V21Capitalisation *
demo_and_minimal (gboolean anonymize)
{
  g_autoptr(V21Workshop) demo = load ("demo");
  g_autoptr(V21Workshop) minimal = load ("minimal.visions21");
  V21Capitalisation *capitalisation = v21_capitalisation_new (anonymize);
  g_autoptr(GError) error = NULL;

  g_assert_true (v21_capitalisation_add (capitalisation, demo, &error));
  g_assert_no_error (error);
  g_assert_true (v21_capitalisation_add (capitalisation, minimal, &error));
  g_assert_no_error (error);
  return capitalisation;
}

static const V21ReportBlock *
find_figure (V21Report     *report,
             V21FigureKind  kind)
{
  const V21ReportBlock *found = NULL;

  for (guint i = 0; i < report->blocks->len; i++)
    {
      const V21ReportBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind == V21_BLOCK_FIGURE && block->figure == kind)
        {
          g_assert_null (found);   /* one of each */
          found = block;
        }
    }
  g_assert_nonnull (found);
  return found;
}

static const V21ReportItem *
cell (const V21ReportBlock *table,
      guint                 row,
      guint                 column)
{
  GPtrArray *cells;

  g_assert_cmpuint (row, <, table->rows->len);
  cells = g_ptr_array_index (table->rows, row);
  g_assert_cmpuint (column, <, cells->len);
  return g_ptr_array_index (cells, column);
}

/* The same workshop twice, even from a file of an older format (migrated on
 * open), is taken once; the first stays. */
static void
test_duplicate (void)
{
  g_autoptr(V21Capitalisation) capitalisation = v21_capitalisation_new (FALSE);
  g_autoptr(V21Workshop) minimal = load ("minimal.visions21");
  g_autoptr(V21Workshop) old = load ("old-0.9.visions21");
  g_autoptr(GError) error = NULL;

  g_assert_true (v21_capitalisation_add (capitalisation, minimal, &error));
  g_assert_no_error (error);
  g_assert_false (v21_capitalisation_add (capitalisation, old, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "already in the document"));
  g_assert_cmpuint (v21_capitalisation_get_n (capitalisation), ==, 1);
}

/* One row per milestone of each territory's desired path, by year, the
 * vision marked; none of the baseline's. */
static void
test_timeline (void)
{
  g_autoptr(V21Capitalisation) capitalisation = demo_and_minimal (FALSE);
  g_autoptr(V21Report) report = v21_capitalisation_report (capitalisation);
  const V21ReportBlock *figure = find_figure (report, V21_FIGURE_TIMELINE);
  static const struct { const char *territory, *year, *label; gboolean vision; } expected[] = {
    { DEMO, "2030", "Plan de partage de l'eau signé par tous les usagers", FALSE },
    { DEMO, "2035", "Un référent solidarité dans chaque hameau", FALSE },
    { DEMO, "2040", "La moitié des repas des cantines produite localement", FALSE },
    { DEMO, "2045", "Territoire à énergie positive", FALSE },
    { DEMO, "2050", "Une ferme sur deux transmise à de jeunes installés", FALSE },
    { DEMO, "2056", "Le bocage en partage", TRUE },
    { MINIMAL, "2026", "Départ", FALSE },
    { MINIMAL, "2056", "Vision", TRUE },
  };

  g_assert_cmpuint (figure->rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (cell (figure, i, 0)->text, ==, expected[i].territory);
      g_assert_cmpstr (cell (figure, i, 1)->note, ==, expected[i].year);
      /* As written (in this locale the report's typography changes nothing). */
      g_assert_cmpstr (cell (figure, i, 2)->text, ==, expected[i].label);
      g_assert_cmpint (cell (figure, i, 2)->note != NULL, ==, expected[i].vision);
    }
}

/* Each exercise that ran somewhere: each territory's drift (half minutes in
 * the note) and the median. */
static void
test_drift (void)
{
  g_autoptr(V21Capitalisation) capitalisation = demo_and_minimal (FALSE);
  g_autoptr(V21Report) report = v21_capitalisation_report (capitalisation);
  const V21ReportBlock *figure = find_figure (report, V21_FIGURE_DRIFT);
  /* The demo's run sheet: T1 +5, T2 +5, T3 +8, T4 −2, T5 +6, T6 0; the
   * minimal workshop's T1 +5 (95 for 90), its T2 never started. */
  static const struct { const char *code, *demo, *minimal, *median; } expected[] = {
    { "T1", "10", "10", "10" }, { "T2", "10", NULL, "10" }, { "T3", "16", NULL, "16" },
    { "T4", "-4", NULL, "-4" }, { "T5", "12", NULL, "12" }, { "T6", "0", NULL, "0" },
  };

  g_assert_cmpuint (figure->n_columns, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (figure->header, 1), ==, DEMO);
  g_assert_cmpstr (g_ptr_array_index (figure->header, 2), ==, MINIMAL);
  g_assert_cmpuint (figure->rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (cell (figure, i, 0)->text, ==, expected[i].code);
      g_assert_cmpstr (cell (figure, i, 1)->note, ==, expected[i].demo);
      g_assert_cmpstr (cell (figure, i, 2)->note, ==, expected[i].minimal);
      g_assert_cmpstr (cell (figure, i, 3)->note, ==, expected[i].median);
    }
  g_assert_cmpstr (cell (figure, 3, 1)->text, ==, "-2 min");
  g_assert_cmpstr (cell (figure, 1, 2)->text, ==, "not run");
}

static void
test_csv (void)
{
  g_autoptr(V21Capitalisation) capitalisation = demo_and_minimal (FALSE);
  gsize length = 0;
  g_autofree char *csv = v21_capitalisation_csv (capitalisation, &length);

  g_assert_cmpuint (length, ==, strlen (csv));
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbfterritory;exercise;measure;value\r\n"));
  g_assert_nonnull (strstr (csv, "\"" MINIMAL "\";\"T1\";\"planned_minutes\";90\r\n"));
  g_assert_nonnull (strstr (csv, "\"" MINIMAL "\";\"T1\";\"held_minutes\";95\r\n"));
  g_assert_nonnull (strstr (csv, "\"" DEMO "\";\"T4\";\"drift_minutes\";-2\r\n"));
  g_assert_null (strstr (csv, "\"" MINIMAL "\";\"T2\";"));
  g_assert_nonnull (strstr (csv, "\"\";\"T1\";\"median_drift_minutes\";5,0\r\n"));
}

/* Without --anonymize only people who consented are named; with it, nobody. */
static void
test_names (void)
{
  for (guint anonymize = 0; anonymize < 2; anonymize++)
    {
      g_autoptr(V21Capitalisation) capitalisation = demo_and_minimal (anonymize);
      g_autoptr(V21Report) report = v21_capitalisation_report (capitalisation);
      g_autofree char *markdown = v21_report_to_markdown (report);

      g_assert_true (report->anonymized == (gboolean) anonymize);
      g_assert_null (strstr (markdown, "Louis Bernard"));   /* did not consent */
      if (anonymize)
        {
          g_assert_null (strstr (markdown, "Claire Fontanel"));
          g_assert_null (strstr (markdown, "Inès Petit"));
        }
      else
        {
          g_assert_nonnull (strstr (markdown, "Claire Fontanel"));   /* the demo's facilitator */
          g_assert_nonnull (strstr (markdown, "Inès Petit"));        /* the minimal one's */
        }
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/capitalise/duplicate", test_duplicate);
  g_test_add_func ("/core/capitalise/timeline", test_timeline);
  g_test_add_func ("/core/capitalise/drift", test_drift);
  g_test_add_func ("/core/capitalise/csv", test_csv);
  g_test_add_func ("/core/capitalise/names", test_names);

  return g_test_run ();
}
