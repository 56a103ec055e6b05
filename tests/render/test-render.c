/* test-render.c — the drawings: geometry, label placement, pixels, exports
 *
 * Pixels are checked at coordinates computed from the layout, never against
 * reference images (fonts vary from one machine to another).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "v21-bar-chart.h"
#include "v21-heat-map.h"
#include "v21-pdf-lang.h"
#include "v21-render-export.h"
#include "v21-render-text.h"
#include "v21-projector-scene.h"
#include "v21-trajectory-diagram.h"
#include "fixture.h"

static char *tmp_dir;

/* Geometry */

static void
test_geometry_mapping (void)
{
  cairo_rectangle_t plot = { 100, 50, 600, 400 };
  V21DiagramGeometry g;
  int year;
  double level;

  v21_diagram_geometry_init (&g, &plot, 2016, 2056);
  g_assert_cmpfloat_with_epsilon (v21_diagram_year_to_x (&g, 2016), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (v21_diagram_year_to_x (&g, 2056), 700, 1e-9);
  g_assert_cmpfloat_with_epsilon (v21_diagram_year_to_x (&g, 2036), 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (v21_diagram_level_to_y (&g, 0), 450, 1e-9);
  g_assert_cmpfloat_with_epsilon (v21_diagram_level_to_y (&g, 1), 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (v21_diagram_level_to_y (&g, 0.25), 350, 1e-9);
  for (int y = 2016; y <= 2056; y += 3)
    g_assert_cmpfloat_with_epsilon (v21_diagram_x_to_year (&g, v21_diagram_year_to_x (&g, y)), y, 1e-9);
  for (double l = 0; l <= 1; l += 0.05)
    g_assert_cmpfloat_with_epsilon (v21_diagram_y_to_level (&g, v21_diagram_level_to_y (&g, l)), l, 1e-9);

  /* A drag snaps to whole years and hundredths of a level, within the axes. */
  v21_diagram_snap (&g, v21_diagram_year_to_x (&g, 2030.4), v21_diagram_level_to_y (&g, 0.333), &year, &level);
  g_assert_cmpint (year, ==, 2030);
  g_assert_cmpfloat_with_epsilon (level, 0.33, 1e-9);
  v21_diagram_snap (&g, 0, 1000, &year, &level);
  g_assert_cmpint (year, ==, 2016);
  g_assert_cmpfloat (level, ==, 0);
  v21_diagram_snap (&g, 5000, -1000, &year, &level);
  g_assert_cmpint (year, ==, 2056);
  g_assert_cmpfloat (level, ==, 1);
}

/* Label placement */

static void
assert_apart (const cairo_rectangle_t *a,
              const cairo_rectangle_t *b)
{
  if (v21_rectangles_overlap (a, b))
    g_error ("(%g, %g, %g × %g) overlaps (%g, %g, %g × %g)",
             a->x, a->y, a->width, a->height, b->x, b->y, b->width, b->height);
}

static void
test_placer_crowded (void)
{
  cairo_rectangle_t bounds = { 0, 0, 1200, 600 };
  g_autoptr(V21LabelPlacer) placer = v21_label_placer_new (&bounds, 3);
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  GRand *rand = g_rand_new_with_seed (6);

  /* 30 milestones within 5 years of a 30-year axis: 200 pixels wide. */
  for (int i = 0; i < 30; i++)
    {
      double x = 400 + i * 200.0 / 30, y = g_rand_double_range (rand, 200, 400);
      cairo_rectangle_t marker = { x - 5, y - 5, 10, 10 };

      g_array_append_val (markers, marker);
      v21_label_placer_add_obstacle (placer, &marker, FALSE);
    }
  for (guint i = 0; i < markers->len; i++)
    {
      const cairo_rectangle_t *marker = &g_array_index (markers, cairo_rectangle_t, i);
      V21LabelPlacement placement;

      if (v21_label_placer_place (placer, marker->x + 5, marker->y + 5, marker,
                                  g_rand_double_range (rand, 60, 180), 30, &placement))
        {
          g_assert_true (placement.placed);
          g_array_append_val (labels, placement.box);
        }
    }
  g_rand_free (rand);

  /* Leaders may not cross a label or another leader: what finds no room
   * then is numbered by the diagram (see test-diagram-layout). */
  g_assert_cmpuint (labels->len, >=, 15);
  for (guint i = 0; i < labels->len; i++)
    {
      const cairo_rectangle_t *a = &g_array_index (labels, cairo_rectangle_t, i);

      g_assert_cmpfloat (a->x, >=, bounds.x);
      g_assert_cmpfloat (a->y, >=, bounds.y);
      g_assert_cmpfloat (a->x + a->width, <=, bounds.width);
      g_assert_cmpfloat (a->y + a->height, <=, bounds.height);
      for (guint j = i + 1; j < labels->len; j++)
        assert_apart (a, &g_array_index (labels, cairo_rectangle_t, j));
      for (guint j = 0; j < markers->len; j++)
        assert_apart (a, &g_array_index (markers, cairo_rectangle_t, j));
    }
}

/* Every placed label of the diagram is clear of the others and of every marker. */
static guint
assert_layout_clear (V21DiagramLayout *layout)
{
  guint placed = 0;

  for (guint i = 0; i < v21_diagram_layout_get_n_labels (layout); i++)
    {
      const V21DiagramLabel *a = v21_diagram_layout_get_label (layout, i);

      if (!a->placement.placed)
        continue;
      placed++;
      for (guint j = i + 1; j < v21_diagram_layout_get_n_labels (layout); j++)
        {
          const V21DiagramLabel *b = v21_diagram_layout_get_label (layout, j);

          if (b->placement.placed)
            assert_apart (&a->placement.box, &b->placement.box);
        }
      for (guint j = 0; j < v21_diagram_layout_get_n_markers (layout); j++)
        assert_apart (&a->placement.box, v21_diagram_layout_get_marker (layout, j));
    }
  return placed;
}

static void
test_diagram_crowded (void)
{
  /* 30 labelled milestones within 5 years, at two sizes and in every style. */
  g_autoptr(V21Workshop) workshop = fixture_trajectories (1, 30, 2030, 5, 1);
  const double sizes[][2] = { { 1280, 760 }, { 640, 400 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (V21RenderMedium medium = V21_RENDER_SCREEN; medium <= V21_RENDER_PRINT; medium++)
      {
        V21RenderStyle style;
        g_autoptr(V21DiagramLayout) layout = NULL;
        guint placed;

        v21_render_style_init (&style, medium, FALSE);
        layout = v21_diagram_layout_new (workshop, NULL, sizes[s][0], sizes[s][1], &style);
        g_assert_cmpuint (v21_diagram_layout_get_n_labels (layout), ==, 30);
        placed = assert_layout_clear (layout);
        g_test_message ("%g × %g, style %d: %u of 30 labels placed", sizes[s][0], sizes[s][1], medium, placed);
        if (s == 0 && medium != V21_RENDER_PROJECTOR)
          g_assert_cmpuint (placed, >=, 24);
      }
}

static void
test_diagram_demo_labels (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  const char * const scenarios[] = { NULL, "sc1", "sc2", "sc3" };

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      V21RenderStyle style;
      g_autoptr(V21DiagramLayout) layout = NULL;

      v21_render_style_init (&style, V21_RENDER_SCREEN, FALSE);
      layout = v21_diagram_layout_new (workshop, scenarios[i], 1280, 760, &style);
      assert_layout_clear (layout);
      /* One scenario at a time, every label finds room. */
      if (scenarios[i] != NULL)
        g_assert_cmpuint (assert_layout_clear (layout), ==, v21_diagram_layout_get_n_labels (layout));
    }
}

/* Pixels */

typedef struct
{
  cairo_surface_t *surface;
  V21DiagramLayout *layout;
  V21RenderStyle style;
} Picture;

static void
picture_clear (Picture *picture)
{
  g_clear_pointer (&picture->surface, cairo_surface_destroy);
  g_clear_pointer (&picture->layout, v21_diagram_layout_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Picture, picture_clear)

static void
draw_picture (Picture     *picture,
              V21Workshop *workshop,
              const char  *scenario,
              gboolean     dark,
              int          width,
              int          height)
{
  cairo_t *cr;

  v21_render_style_init (&picture->style, V21_RENDER_SCREEN, dark);
  picture->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  picture->layout = v21_diagram_layout_new (workshop, scenario, width, height, &picture->style);
  cr = cairo_create (picture->surface);
  v21_diagram_layout_draw (picture->layout, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (picture->surface);
}

static gboolean
pixel_is (Picture       *picture,
          int            x,
          int            y,
          const V21Rgba *color)
{
  cairo_surface_t *s = picture->surface;
  guint32 pixel = *(guint32 *) (cairo_image_surface_get_data (s) + y * cairo_image_surface_get_stride (s) + x * 4);
  int r = pixel >> 16 & 0xff, g = pixel >> 8 & 0xff, b = pixel & 0xff;

  return ABS (r - (int) round (color->red * 255)) <= 6
      && ABS (g - (int) round (color->green * 255)) <= 6
      && ABS (b - (int) round (color->blue * 255)) <= 6;
}

/* Whether a label or a marker covers (@x, @y). */
static gboolean
covered (V21DiagramLayout *layout,
         double            x,
         double            y)
{
  for (guint i = 0; i < v21_diagram_layout_get_n_labels (layout); i++)
    {
      const V21DiagramLabel *label = v21_diagram_layout_get_label (layout, i);
      const cairo_rectangle_t *b = &label->placement.box;

      if (label->placement.placed && x >= b->x - 2 && x <= b->x + b->width + 2 && y >= b->y - 2 && y <= b->y + b->height + 2)
        return TRUE;
    }
  for (guint i = 0; i < v21_diagram_layout_get_n_markers (layout); i++)
    {
      const cairo_rectangle_t *b = v21_diagram_layout_get_marker (layout, i);

      if (x >= b->x - 2 && x <= b->x + b->width + 2 && y >= b->y - 2 && y <= b->y + b->height + 2)
        return TRUE;
    }
  return FALSE;
}

static void
assert_point_color (Picture       *picture,
                    V21Workshop   *workshop,
                    const char    *point_id,
                    const V21Rgba *color)
{
  V21Record *point = v21_workshop_lookup (workshop, point_id);
  double x, y;

  g_assert_nonnull (point);
  g_assert_true (v21_diagram_layout_get_position (picture->layout, point, &x, &y));
  if (!pixel_is (picture, (int) x, (int) y, color))
    g_error ("the marker of %s at (%d, %d) is not in its path's colour", point_id, (int) x, (int) y);
}

static void
test_pixels_demo (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();

  for (int dark = 0; dark <= 1; dark++)
    {
      g_auto(Picture) picture = { NULL, NULL, { 0 } };
      const V21DiagramGeometry *g;
      double today_x;
      int checked = 0, matched = 0;

      draw_picture (&picture, workshop, NULL, dark, 1280, 760);
      g = v21_diagram_layout_get_geometry (picture.layout);

      /* The background, in a corner and in the figure's margin. */
      g_assert_true (pixel_is (&picture, 1, 1, &picture.style.background));
      g_assert_true (pixel_is (&picture, 1278, 758, &picture.style.background));
      g_assert_true (pixel_is (&picture, 2, (int) (g->plot.y + g->plot.height / 2), &picture.style.background));

      /* The "today" line, over the height of the plot where no label or
       * marker covers it (a leader line or a path may cross it here and there). */
      g_assert_cmpint (g->today, ==, 2026);
      today_x = v21_diagram_year_to_x (g, g->today);
      for (double y = g->plot.y + 2; y < g->plot.y + g->plot.height - 2; y += 5)
        if (!covered (picture.layout, today_x, y))
          {
            matched += pixel_is (&picture, (int) today_x, (int) y, &picture.style.today);
            checked++;
          }
      g_assert_cmpint (checked, >, 40);
      g_assert_cmpint (matched, >=, checked * 9 / 10);

      /* Each path's colour at one of its milestones. */
      assert_point_color (&picture, workshop, "pt02", &picture.style.past);
      assert_point_color (&picture, workshop, "pt18", &picture.style.baseline);
      assert_point_color (&picture, workshop, "pt21", &picture.style.desired);
      assert_point_color (&picture, workshop, "pt34", &picture.style.disruption);
      assert_point_color (&picture, workshop, "pt15", &picture.style.threat);
      assert_point_color (&picture, workshop, "pt26", &picture.style.resource);
    }
}

static void
test_pixels_one_scenario (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  g_auto(Picture) picture = { NULL, NULL, { 0 } };
  double x, y;

  /* The desired scenario alone: its path and the past, not the disruption. */
  draw_picture (&picture, workshop, "sc2", FALSE, 900, 600);
  assert_point_color (&picture, workshop, "pt21", &picture.style.desired);
  assert_point_color (&picture, workshop, "pt02", &picture.style.past);
  g_assert_false (v21_diagram_layout_get_position (picture.layout, v21_workshop_lookup (workshop, "pt34"), &x, &y));
  g_assert_false (v21_diagram_layout_get_position (picture.layout, v21_workshop_lookup (workshop, "pt18"), &x, &y));
}

/* Exports */

static void
test_export_pdf (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  g_autofree char *path = g_build_filename (tmp_dir, "demo.pdf", NULL);
  g_autofree char *command = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GError) error = NULL;
  V21Collection *points = v21_workshop_get_collection (workshop, "points");
  V21RenderStyle style;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils, see scripts/setup.sh)");
      return;
    }
  v21_render_style_init (&style, V21_RENDER_PRINT, FALSE);
  g_assert_true (v21_render_export_trajectories (workshop, NULL, V21_EXPORT_PDF, path, 842, 595, 1, &style, &error));
  g_assert_no_error (error);

  /* In content order, a wrapped label's lines stay together. */
  command = g_strdup_printf ("pdftotext -raw -enc UTF-8 '%s' -", path);
  text = fixture_run (command);
  flat = fixture_squeeze (text);
  for (guint i = 0; i < v21_collection_get_n (points); i++)
    {
      V21Record *point = v21_collection_get (points, i);
      const char *kind = v21_record_get_string (point, "kind");
      g_autofree char *label = fixture_squeeze (v21_record_get_string (point, "label"));

      if (label[0] == '\0' || (strcmp (kind, "milestone") != 0 && strcmp (kind, "vision") != 0
                               && strcmp (kind, "bifurcation") != 0))
        continue;
      if (strstr (flat, label) == NULL)
        g_error ("the PDF does not show the milestone “%s”:\n%s", label, text);
    }
  g_assert_nonnull (strstr (flat, "2056"));
}

static void
test_export_svg (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  g_autofree char *path = g_build_filename (tmp_dir, "demo.svg", NULL);
  g_autofree char *command = NULL;
  g_autofree char *width = NULL;
  g_autofree char *height = NULL;
  g_autoptr(GError) error = NULL;
  V21RenderStyle style;
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed (libxml2-utils)");
      return;
    }
  v21_render_style_init (&style, V21_RENDER_SCREEN, FALSE);
  g_assert_true (v21_render_export_trajectories (workshop, "sc2", V21_EXPORT_SVG, path, 640, 400, 1, &style, &error));
  g_assert_no_error (error);

  g_free (fixture_run (command = g_strdup_printf ("xmllint --noout '%s'", path)));
  g_free (command);
  command = g_strdup_printf ("xmllint --xpath 'string(/*[local-name()=\"svg\"]/@width)' '%s'", path);
  width = fixture_run (command);
  g_free (command);
  command = g_strdup_printf ("xmllint --xpath 'string(/*[local-name()=\"svg\"]/@height)' '%s'", path);
  height = fixture_run (command);
  g_assert_cmpfloat (g_ascii_strtod (width, NULL), ==, 640);
  g_assert_cmpfloat (g_ascii_strtod (height, NULL), ==, 400);
}

static void
assert_png_size (const char *path,
                 int         width,
                 int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  cairo_surface_destroy (surface);
}

static void
test_export_png (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  g_autofree char *path = g_build_filename (tmp_dir, "demo.png", NULL);
  g_autoptr(GError) error = NULL;
  V21RenderStyle style;

  v21_render_style_init (&style, V21_RENDER_SCREEN, FALSE);
  g_assert_true (v21_render_export_trajectories (workshop, NULL, V21_EXPORT_PNG, path, 800, 450, 1, &style, &error));
  g_assert_no_error (error);
  assert_png_size (path, 800, 450);
  g_assert_true (v21_render_export_trajectories (workshop, NULL, V21_EXPORT_PNG, path, 800, 450, 2, &style, &error));
  assert_png_size (path, 1600, 900);

  /* An absurd size is refused, and the file already there stays. */
  g_assert_false (v21_render_export_trajectories (workshop, NULL, V21_EXPORT_PNG, path, 0, 450, 1, &style, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  assert_png_size (path, 1600, 900);
}

/* Charts */

static void
test_bar_chart_ranks (void)
{
  const double counts[4][2] = { { 3, 2 }, { 4, 3 }, { 5, 0 }, { 1, 2 } };
  const V21BarItem items[] = {
    { "Eau", 5, counts[0] }, { "Santé", 7, counts[1] }, { "Mobilités", 5, counts[2] }, { "Énergie", 3, counts[3] },
  };
  const char * const groups[] = { "Table Sèvre", "Table Bocage" };
  const char * const colors[] = { "#1c71d8", "#e66100" };
  V21BarChart chart = { "Enjeux prioritaires", items, G_N_ELEMENTS (items), groups, colors, 2, TRUE };
  g_autofree guint *order = NULL;
  g_autofree guint *ranks = NULL;
  g_autofree gboolean *tied = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 400);
  cairo_t *cr = cairo_create (surface);
  V21RenderStyle style;
  V21Rgba blue, orange;
  gboolean seen_blue = FALSE, seen_orange = FALSE;
  unsigned char *data;

  order = v21_bar_chart_rank (&chart, &ranks, &tied);
  g_assert_cmpuint (order[0], ==, 1);
  g_assert_cmpuint (order[1], ==, 0);   /* ties keep their order */
  g_assert_cmpuint (order[2], ==, 2);
  g_assert_cmpuint (order[3], ==, 3);
  g_assert_cmpuint (ranks[1], ==, 1);
  g_assert_false (tied[1]);
  g_assert_cmpuint (ranks[0], ==, 2);
  g_assert_cmpuint (ranks[2], ==, 2);
  g_assert_true (tied[0] && tied[2]);
  g_assert_cmpuint (ranks[3], ==, 4);
  g_assert_false (tied[3]);

  /* The breakdown shows each table's colour. */
  v21_render_style_init (&style, V21_RENDER_SCREEN, FALSE);
  v21_render_bar_chart (&chart, cr, 800, 400, &style);
  cairo_surface_flush (surface);
  v21_render_parse_color (colors[0], &blue);
  v21_render_parse_color (colors[1], &orange);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < 400; y += 2)
    for (int x = 0; x < 800; x += 2)
      {
        guint32 pixel = *(guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

        seen_blue |= pixel == 0xff1c71d8;
        seen_orange |= pixel == 0xffe66100;
      }
  g_assert_true (seen_blue && seen_orange);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static gboolean
boxes_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width - 0.01 && b->x < a->x + a->width - 0.01
      && a->y < b->y + b->height - 0.01 && b->y < a->y + a->height - 0.01;
}

/* Labels of 120 characters in the report's column: each whole on its lines,
 * none over another; what finds no room is counted on the last line. */
static void
test_bar_chart_long_labels (void)
{
  const char *long_label = "Une alimentation à rayonnement local pour les cantines, les épiceries, les marchés "
                           "et les restaurants de tous les bourgs";
  V21BarItem items[20];
  V21BarChart chart = { "Actions prioritaires", items, G_N_ELEMENTS (items), NULL, NULL, 0, FALSE };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 482, 400);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) texts = NULL;
  V21RenderStyle style;
  gboolean counted = FALSE;
  guint whole = 0;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    items[i] = (V21BarItem) { long_label, 30 - i, NULL };
  v21_render_style_init (&style, V21_RENDER_PRINT, FALSE);
  v21_render_text_record_start ();
  v21_render_bar_chart (&chart, cr, 482, 400, &style);
  texts = v21_render_text_record_stop ();
  for (guint i = 0; i < texts->len; i++)
    {
      const V21ShownText *a = &g_array_index (texts, V21ShownText, i);

      g_assert_false (a->ellipsized);
      g_assert_cmpfloat (a->box.y + a->box.height, <=, 400.5);
      whole += g_strcmp0 (a->text, long_label) == 0;
      counted |= g_str_has_prefix (a->text, "and ") && g_str_has_suffix (a->text, " more");
      for (guint j = i + 1; j < texts->len; j++)
        g_assert_false (boxes_overlap (&a->box, &g_array_index (texts, V21ShownText, j).box));
    }
  g_assert_cmpuint (whole, >=, 3);
  g_assert_cmpuint (whole, <, G_N_ELEMENTS (items));
  g_assert_true (counted);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The heat map's column headers */

static const char * const answers[] = {
  "Maison de santé pluriprofessionnelle de Marcillé (9 professionnels)",
  "Plateforme de rénovation énergétique « Rénov’Bocage »",
  "Transport à la demande intercommunal (2 lignes, réservation la veille)",
  "Réseau de chaleur bois de Marcillé alimenté par le bois des haies locales",
  "Programme intercommunal de plantation de haies (12 km par an)",
  NULL
};

/* Where the words of the headers may break, written out. */
static const char * const hyphenations[] = {
  "Mai-son", "plu-ri-pro-fes-sion-nelle", "Mar-cillé", "pro-fes-sion-nels", "Pla-te-forme", "ré-no-va-tion",
  "éner-gé-tique", "Bo-cage", "Trans-port", "de-mande", "in-ter-com-mu-nal", "li-gnes", "ré-ser-va-tion",
  "Ré-seau", "cha-leur", "ali-menté", "lo-cales", "Pro-gramme", "plan-ta-tion", "res-tric-tions",
  NULL
};

/* Whether a line may end with @fragment and a hyphen. */
static gboolean
may_break_after (const char *fragment)
{
  for (guint i = 0; hyphenations[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (hyphenations[i], "-", -1);
      g_autoptr(GString) prefix = g_string_new (NULL);

      for (guint k = 0; parts[k + 1] != NULL; k++)
        {
          g_string_append (prefix, parts[k]);
          if (strcmp (prefix->str, fragment) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* Each line ends on a space, a hyphen or a syllable the written-out list
 * allows; "«" never ends a line. */
static void
assert_breaks_right (const V21ShownText *text)
{
  for (guint i = 0; text->lines[i] != NULL && text->lines[i + 1] != NULL; i++)
    {
      g_autofree char *line = g_strdup (text->lines[i]);
      const char *last = g_utf8_find_prev_char (line, line + strlen (line));
      gunichar end;

      g_assert_nonnull (last);
      if (g_str_has_suffix (line, "\u00ad"))
        {
          const char *start = line;

          *(char *) last = '\0';
          for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
            if (!g_unichar_isalpha (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0x00ad)
              start = g_utf8_next_char (p);
          {
            g_auto(GStrv) pieces = g_strsplit (start, "\u00ad", -1);
            g_autofree char *fragment = g_strjoinv ("", pieces);

            if (!may_break_after (fragment))
              g_test_message ("a break after \"%s\" in \"%s\"", fragment, text->text);
            g_assert_true (may_break_after (fragment));
          }
          continue;
        }
      end = g_utf8_get_char (last);
      g_strchomp (line);
      if (!g_unichar_isspace (end) && end != '-')
        g_test_message ("a line ends in a word: \"%s\" in \"%s\"", line, text->text);
      g_assert_false (g_str_has_suffix (line, "«"));
      g_assert_true (g_unichar_isspace (end) || end == '-');
    }
}

static GArray *
heat_map_texts (V21Workshop          *workshop,
                double                width,
                double                height,
                const V21RenderStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);
  GArray *texts;

  v21_render_text_record_start ();
  v21_render_heat_map (workshop, cr, width, height, style);
  texts = v21_render_text_record_stop ();
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  for (guint i = 0; i < texts->len; i++)
    {
      const V21ShownText *a = &g_array_index (texts, V21ShownText, i);

      g_assert_false (a->ellipsized);
      g_assert_cmpfloat (a->box.x, >=, -0.5);
      g_assert_cmpfloat (a->box.y, >=, -0.5);
      g_assert_cmpfloat (a->box.x + a->box.width, <=, width + 0.5);
      g_assert_cmpfloat (a->box.y + a->box.height, <=, height + 0.5);
      assert_breaks_right (a);
      for (guint j = i + 1; j < texts->len; j++)
        g_assert_false (boxes_overlap (&a->box, &g_array_index (texts, V21ShownText, j).box));
    }
  return texts;
}

/* The recorded text of @wanted (soft hyphens and spaces aside), or NULL. */
static const V21ShownText *
find_text (GArray     *texts,
           const char *wanted)
{
  g_autofree char *want = fixture_squeeze (wanted);

  for (guint i = 0; i < texts->len; i++)
    {
      const V21ShownText *text = &g_array_index (texts, V21ShownText, i);
      g_auto(GStrv) pieces = g_strsplit (text->text, "\u00ad", -1);
      g_autofree char *joined = g_strjoinv ("", pieces);
      g_autofree char *got = fixture_squeeze (joined);

      if (strcmp (got, want) == 0)
        return text;
    }
  return NULL;
}

/* In the report's column, five answers: every header whole, across its
 * column or turned, broken only between words or syllables; the corner
 * explained in the legend. */
static void
test_heat_map_headers (void)
{
  g_autoptr(V21Workshop) workshop = fixture_robustness (4, 5, answers);
  const double sizes[][2] = { { 483, 240 }, { 300, 300 }, { 800, 400 } };
  V21RenderStyle style;

  v21_render_style_init (&style, V21_RENDER_PRINT, FALSE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GArray) texts = heat_map_texts (workshop, sizes[s][0], sizes[s][1], &style);

      for (guint i = 0; answers[i] != NULL; i++)
        g_assert_nonnull (find_text (texts, answers[i]));
      g_assert_nonnull (find_text (texts, "Défi 4 — l’eau rare : six mois de restrictions par an"));
      g_assert_nonnull (find_text (texts, "a comment on the score"));
    }
}

/* On a projector at 1280×720 (its body size, 1/28 of the height), every
 * challenge is shown, the type a little smaller rather than rows left out. */
static void
test_heat_map_projector_rows (void)
{
  g_autoptr(V21Workshop) workshop = fixture_robustness (4, 5, answers);
  g_autoptr(GArray) texts = NULL;
  V21ProjectorSizes sizes;
  V21RenderStyle style;

  v21_projector_sizes (720, &sizes);
  v21_render_style_init (&style, V21_RENDER_PROJECTOR, FALSE);
  style.title_size = sizes.heading;
  style.text_size = style.small_size = sizes.body;
  texts = heat_map_texts (workshop, 1280 - sizes.margin, 720 - sizes.margin, &style);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *challenge = g_strdup_printf ("Défi %u — l’eau rare : six mois de restrictions par an", i + 1);

      g_assert_nonnull (find_text (texts, challenge));
    }
  for (guint i = 0; answers[i] != NULL; i++)
    g_assert_nonnull (find_text (texts, answers[i]));
}

/* Twelve columns: the headers turn a quarter (taller than wide), whole. */
static void
test_heat_map_many_columns (void)
{
  g_autoptr(V21Workshop) workshop = fixture_robustness (3, 12, answers);
  g_autoptr(GArray) texts = NULL;
  V21RenderStyle style;

  v21_render_style_init (&style, V21_RENDER_PRINT, FALSE);
  texts = heat_map_texts (workshop, 483, 360, &style);
  for (guint i = 0; answers[i] != NULL; i++)
    {
      const V21ShownText *header = find_text (texts, answers[i]);

      g_assert_nonnull (header);
      g_assert_cmpfloat (header->box.height, >, header->box.width);
    }
}

/* Thirty columns: too narrow even turned; a number over each, and the
 * texts in full in a key under the grid. */
static void
test_heat_map_numbered (void)
{
  g_autoptr(V21Workshop) workshop = fixture_robustness (3, 30, answers);
  g_autoptr(GArray) texts = NULL;
  V21RenderStyle style;

  v21_render_style_init (&style, V21_RENDER_PRINT, FALSE);
  texts = heat_map_texts (workshop, 483, 700, &style);
  for (guint c = 0; c < 30; c++)
    {
      g_autofree char *number = g_strdup_printf ("%u", c + 1);
      g_autofree char *entry = g_strdup_printf ("%u %s", c + 1, answers[c % 5]);

      g_assert_nonnull (find_text (texts, number));
      g_assert_nonnull (find_text (texts, entry));
    }
}

static void
test_heat_map_demo (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 600);
  cairo_t *cr = cairo_create (surface);
  V21RenderStyle style;
  guint seen[4] = { 0 };
  unsigned char *data;

  v21_render_style_init (&style, V21_RENDER_SCREEN, FALSE);
  v21_render_heat_map (workshop, cr, 1000, 600, &style);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < 600; y += 3)
    for (int x = 0; x < 1000; x += 3)
      {
        guint32 pixel = *(guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

        for (int score = 0; score < 4; score++)
          {
            const V21Rgba *c = &style.heat[score];
            guint32 want = 0xff000000 | (guint32) round (c->red * 255) << 16
                         | (guint32) round (c->green * 255) << 8 | (guint32) round (c->blue * 255);

            seen[score] += pixel == want;
          }
      }
  /* The demo scores every level; the cells of score 0 are the most. */
  for (int score = 0; score < 4; score++)
    g_assert_cmpuint (seen[score], >, 100);
  g_assert_cmpuint (seen[0], >, seen[3]);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The document language goes in an incremental update: cairo's bytes stay
 * as they were, a new catalog follows with its xref section and a trailer
 * pointing back at the old one. */
static void
test_pdf_language (void)
{
  static const char head[] =
    "%PDF-1.5\n"
    "1 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    "2 0 obj\n<< /Creator (x) >>\nendobj\n"
    "3 0 obj\n<< /Type /Catalog\n   /Pages 1 0 R\n>>\nendobj\n"
    "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000061 00000 n \n0000000095 00000 n \n"
    "trailer\n<< /Size 4\n   /Root 3 0 R\n   /Info 2 0 R\n>>\nstartxref\n147\n%%EOF\n";
  static const char update[] =
    "3 0 obj\n<< /Type /Catalog\n   /Pages 1 0 R\n   /Lang (fr-FR)\n>>\nendobj\n"
    "xref\n3 1\n0000000308 00000 n \n"
    "trailer\n<< /Size 4\n   /Root 3 0 R\n   /Info 2 0 R\n   /Prev 147\n>>\nstartxref\n377\n%%EOF\n";
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GByteArray) broken = g_byte_array_new ();
  g_autofree char *tail = NULL;

  g_byte_array_append (pdf, (const guint8 *) head, strlen (head));
  g_assert_true (v21_pdf_add_language (pdf, "fr-FR"));
  g_assert_cmpmem (pdf->data, strlen (head), head, strlen (head));
  tail = g_strndup ((const char *) pdf->data + strlen (head), pdf->len - strlen (head));
  g_assert_cmpstr (tail, ==, update);

  /* No catalog: the bytes are left as they were. */
  g_byte_array_append (broken, (const guint8 *) head, 120);
  g_assert_false (v21_pdf_add_language (broken, "fr-FR"));
  g_assert_cmpuint (broken->len, ==, 120);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("v21-render-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/render/geometry/mapping", test_geometry_mapping);
  g_test_add_func ("/render/labels/crowded", test_placer_crowded);
  g_test_add_func ("/render/labels/diagram-crowded", test_diagram_crowded);
  g_test_add_func ("/render/labels/demo", test_diagram_demo_labels);
  g_test_add_func ("/render/pixels/demo", test_pixels_demo);
  g_test_add_func ("/render/pixels/one-scenario", test_pixels_one_scenario);
  g_test_add_func ("/render/export/pdf", test_export_pdf);
  g_test_add_func ("/render/export/pdf-language", test_pdf_language);
  g_test_add_func ("/render/export/svg", test_export_svg);
  g_test_add_func ("/render/export/png", test_export_png);
  g_test_add_func ("/render/bar-chart/ranks", test_bar_chart_ranks);
  g_test_add_func ("/render/bar-chart/long-labels", test_bar_chart_long_labels);
  g_test_add_func ("/render/heat-map/demo", test_heat_map_demo);
  g_test_add_func ("/render/heat-map/headers", test_heat_map_headers);
  g_test_add_func ("/render/heat-map/many-columns", test_heat_map_many_columns);
  g_test_add_func ("/render/heat-map/projector-rows", test_heat_map_projector_rows);
  g_test_add_func ("/render/heat-map/numbered", test_heat_map_numbered);
  status = g_test_run ();

  for (const char *name = NULL; ; )
    {
      g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

          g_unlink (path);
        }
      break;
    }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
