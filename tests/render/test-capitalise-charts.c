/* test-capitalise-charts.c — the comparative timeline and the drift chart
 *
 * Drawn as in the PDF (print style, the text width of an A4 page) from the
 * document of the demo and the minimal workshop: every label is written
 * whole, none over another, every territory named.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "v21-capitalise.h"
#include "v21-capitalise-charts.h"
#include "v21-render-text.h"

static V21Report *
document (void)
{
  const char *names[] = { "demo", "minimal.visions21" };
  g_autoptr(V21Capitalisation) capitalisation = v21_capitalisation_new (FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = i == 0
        ? g_test_build_filename (G_TEST_DIST, "..", "..", "data", "examples", "demo.visions21", NULL)
        : g_test_build_filename (G_TEST_DIST, "..", "data", "good", names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(V21Workshop) workshop = v21_workshop_load_file (file, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (v21_capitalisation_add (capitalisation, workshop, &error));
    }
  return v21_capitalisation_report (capitalisation);
}

static const V21ReportBlock *
figure_of (V21Report     *report,
           V21FigureKind  kind)
{
  for (guint i = 0; i < report->blocks->len; i++)
    {
      const V21ReportBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind == V21_BLOCK_FIGURE && block->figure == kind)
        return block;
    }
  g_assert_not_reached ();
}

/* The texts drawn by @kind's chart, 481 points wide as on the page. */
static GArray *
draw (V21Report     *report,
      V21FigureKind  kind)
{
  const V21ReportBlock *figure = figure_of (report, kind);
  double width = 481, height = width * figure->aspect;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  V21RenderStyle style;

  v21_render_style_init (&style, V21_RENDER_PRINT, FALSE);
  v21_render_text_record_start ();
  if (kind == V21_FIGURE_TIMELINE)
    v21_render_comparative_timeline (figure, cr, width, height, &style);
  else
    v21_render_drift_chart (figure, cr, width, height, &style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return v21_render_text_record_stop ();
}

static gboolean
drawn (GArray     *texts,
       const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_array_index (texts, V21ShownText, i).text, text) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_readable (GArray *texts,
                 double  width,
                 double  height)
{
  for (guint i = 0; i < texts->len; i++)
    {
      const V21ShownText *a = &g_array_index (texts, V21ShownText, i);

      g_assert_false (a->ellipsized);
      g_assert_cmpfloat (a->box.x, >=, 0);
      g_assert_cmpfloat (a->box.x + a->box.width, <=, width + 0.5);
      g_assert_cmpfloat (a->box.y + a->box.height, <=, height + 0.5);
      for (guint k = i + 1; k < texts->len; k++)
        {
          const V21ShownText *b = &g_array_index (texts, V21ShownText, k);

          if (a->box.x + a->box.width > b->box.x + 0.5 && b->box.x + b->box.width > a->box.x + 0.5
              && a->box.y + a->box.height > b->box.y + 0.5 && b->box.y + b->box.height > a->box.y + 0.5)
            g_error ("“%s” and “%s” overlap", a->text, b->text);
        }
    }
}

static void
test_timeline (void)
{
  g_autoptr(V21Report) report = document ();
  g_autoptr(GArray) texts = draw (report, V21_FIGURE_TIMELINE);
  const char *expected[] = {
    "Communauté de communes Val de Sèvre et Bocage", "Communauté de communes du Val Test",
    "Plan de partage de l'eau signé par tous les usagers", "Un référent solidarité dans chaque hameau",
    "La moitié des repas des cantines produite localement", "Territoire à énergie positive",
    "Une ferme sur deux transmise à de jeunes installés", "Le bocage en partage", "Départ", "Vision",
    "2025", "2055",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!drawn (texts, expected[i]))
      g_error ("“%s” is not drawn", expected[i]);
  assert_readable (texts, 481, 481 * figure_of (report, V21_FIGURE_TIMELINE)->aspect);
}

static void
test_drift (void)
{
  g_autoptr(V21Report) report = document ();
  g_autoptr(GArray) texts = draw (report, V21_FIGURE_DRIFT);
  const char *expected[] = {
    "Communauté de communes Val de Sèvre et Bocage", "Communauté de communes du Val Test", "Median drift",
    "T1", "T6", "+5 min", "-2 min", "+8 min", "+0 min", "minutes against the plan",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!drawn (texts, expected[i]))
      g_error ("“%s” is not drawn", expected[i]);
  assert_readable (texts, 481, 481 * figure_of (report, V21_FIGURE_DRIFT)->aspect);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/capitalise/timeline", test_timeline);
  g_test_add_func ("/render/capitalise/drift", test_drift);
  return g_test_run ();
}
