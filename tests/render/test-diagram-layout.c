/* test-diagram-layout.c — the geometry of trajectory diagrams, read from their layout
 *
 * Every label within three years of its point, no two boxes over each other,
 * no leader across another leader, a label or a curve, nothing cut, the key
 * complete: for the demo and for crowded generated workshops, at the sizes
 * the diagram is shown (projector, screen, report column, A4 landscape).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "v21-trajectory-diagram.h"
#include "v21-projector-scene.h"
#include "v21-render-text.h"
#include "fixture.h"

#define EPSILON 0.01

typedef struct
{
  const char      *name;
  double           width;
  double           height;
  V21RenderMedium  medium;
  double           text_size;   /* the report's labels; 0: the style's */
} Size;

/* A4 portrait: the report's column (595 pt less two margins of 56.7 pt) at
 * the scenarios' aspect; A4 landscape: the PDF export's page. */
static const Size sizes[] = {
  { "projector 1280×720", 1280, 720, V21_RENDER_PROJECTOR, 0 },
  { "projector 1920×1080", 1920, 1080, V21_RENDER_PROJECTOR, 0 },
  { "screen 1280×720", 1280, 720, V21_RENDER_SCREEN, 0 },
  { "A4 portrait column", 481.9, 289.1, V21_RENDER_PRINT, 9 },
  { "A4 landscape", 842, 595, V21_RENDER_PRINT, 0 },
};

/* The projector draws the diagram inside its margin, with its text sizes
 * (see draw_figure in v21-projector-scene.c). */
static void
size_style (const Size     *size,
            V21RenderStyle *style,
            double         *width,
            double         *height)
{
  V21ProjectorSizes scene;

  v21_render_style_init (style, size->medium, FALSE);
  *width = size->width;
  *height = size->height;
  if (size->medium != V21_RENDER_PROJECTOR)
    return;
  v21_projector_sizes (size->height, &scene);
  style->title_size = scene.heading;
  style->text_size = scene.body;
  style->small_size = scene.body;
  style->label_max_width = size->width / 5;
  style->padding = scene.body * 0.3;
  *width = size->width - scene.margin;
  *height = size->height - scene.margin;
}

static gboolean
boxes_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width - EPSILON && b->x < a->x + a->width - EPSILON
      && a->y < b->y + b->height - EPSILON && b->y < a->y + a->height - EPSILON;
}

static double
orientation (double ax, double ay, double bx, double by, double cx, double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/* Whether two segments cross each other (not merely touch). */
static gboolean
segments_cross (const double a[4],
                const double b[4])
{
  double d1 = orientation (b[0], b[1], b[2], b[3], a[0], a[1]);
  double d2 = orientation (b[0], b[1], b[2], b[3], a[2], a[3]);
  double d3 = orientation (a[0], a[1], a[2], a[3], b[0], b[1]);
  double d4 = orientation (a[0], a[1], a[2], a[3], b[2], b[3]);

  return d1 * d2 < -EPSILON && d3 * d4 < -EPSILON;
}

/* Whether a segment passes through the inside of a box (its edges shrunk a
 * little: a leader ends on its own label's edge). */
static gboolean
segment_through_box (const double             s[4],
                     const cairo_rectangle_t *box)
{
  double x0 = box->x + 0.1, y0 = box->y + 0.1;
  double x1 = box->x + box->width - 0.1, y1 = box->y + box->height - 0.1;
  double edges[4][4] = {
    { x0, y0, x1, y0 }, { x1, y0, x1, y1 }, { x1, y1, x0, y1 }, { x0, y1, x0, y0 },
  };

  for (int i = 0; i < 2; i++)
    if (s[2 * i] > x0 && s[2 * i] < x1 && s[2 * i + 1] > y0 && s[2 * i + 1] < y1)
      return TRUE;
  for (int i = 0; i < 4; i++)
    if (segments_cross (s, edges[i]))
      return TRUE;
  return FALSE;
}

static gboolean
shown_at_point (const V21DiagramLabel *label)
{
  return label->placement.placed
         && (label->state == V21_LABEL_BESIDE || label->state == V21_LABEL_NUMBERED);
}

static void
leader_of (const V21DiagramLabel *label,
           double                 s[4])
{
  s[0] = label->placement.leader_x0;
  s[1] = label->placement.leader_y0;
  s[2] = label->placement.leader_x1;
  s[3] = label->placement.leader_y1;
}

typedef struct
{
  guint beside;
  guint numbered;
  guint unlisted;
  guint left_out;
} Counts;

static void
assert_inside (const cairo_rectangle_t *box,
               double                   width,
               double                   height)
{
  g_assert_cmpfloat (box->x, >=, -EPSILON);
  g_assert_cmpfloat (box->y, >=, -EPSILON);
  g_assert_cmpfloat (box->x + box->width, <=, width + EPSILON);
  g_assert_cmpfloat (box->y + box->height, <=, height + EPSILON);
}

/* Each shown label within three years of its point, inside the figure, whole. */
static void
assert_near_and_whole (V21DiagramLayout *layout,
                       double            width,
                       double            height)
{
  const V21DiagramGeometry *g = v21_diagram_layout_get_geometry (layout);
  double three_years = 3 * g->plot.width / (g->year_max - g->year_min);

  for (guint i = 0; i < v21_diagram_layout_get_n_labels (layout); i++)
    {
      const V21DiagramLabel *label = v21_diagram_layout_get_label (layout, i);
      const cairo_rectangle_t *box = &label->placement.box;
      double x, y;

      if (!shown_at_point (label))
        continue;
      g_assert_true (v21_diagram_layout_get_position (layout, label->point, &x, &y));
      g_assert_cmpfloat (MAX (box->x - x, x - (box->x + box->width)), <=, three_years + EPSILON);
      assert_inside (box, width, height);
      g_assert_false (label->cut);
      if (label->state == V21_LABEL_NUMBERED)
        assert_inside (&label->key_box, width, height);
    }
}

/* No two boxes (labels, numbers, markers) over each other. */
static void
assert_apart (V21DiagramLayout *layout)
{
  guint n = v21_diagram_layout_get_n_labels (layout);

  for (guint i = 0; i < n; i++)
    {
      const V21DiagramLabel *a = v21_diagram_layout_get_label (layout, i);

      if (!shown_at_point (a))
        continue;
      for (guint j = i + 1; j < n; j++)
        {
          const V21DiagramLabel *b = v21_diagram_layout_get_label (layout, j);

          if (shown_at_point (b))
            g_assert_false (boxes_overlap (&a->placement.box, &b->placement.box));
          if (a->state == V21_LABEL_NUMBERED && b->state == V21_LABEL_NUMBERED)
            g_assert_false (boxes_overlap (&a->key_box, &b->key_box));
        }
      for (guint j = 0; j < v21_diagram_layout_get_n_markers (layout); j++)
        g_assert_false (boxes_overlap (&a->placement.box, v21_diagram_layout_get_marker (layout, j)));
    }
}

static gboolean
crosses_a_curve (V21DiagramLayout *layout,
                 const double      leader[4])
{
  for (guint c = 0; c < v21_diagram_layout_get_n_curves (layout); c++)
    {
      guint n;
      const double *xy = v21_diagram_layout_get_curve (layout, c, &n);

      for (guint k = 1; k < n; k++)
        {
          double segment[4] = { xy[2 * k - 2], xy[2 * k - 1], xy[2 * k], xy[2 * k + 1] };

          if (segments_cross (leader, segment))
            return TRUE;
        }
    }
  return FALSE;
}

/* No leader across another leader, another label or a curve. */
static void
assert_leaders_clear (V21DiagramLayout *layout)
{
  guint n = v21_diagram_layout_get_n_labels (layout);

  for (guint i = 0; i < n; i++)
    {
      const V21DiagramLabel *a = v21_diagram_layout_get_label (layout, i);
      double leader[4];

      if (!shown_at_point (a) || !a->placement.leader)
        continue;
      leader_of (a, leader);
      g_assert_false (crosses_a_curve (layout, leader));
      for (guint j = 0; j < n; j++)
        {
          const V21DiagramLabel *b = v21_diagram_layout_get_label (layout, j);
          double other[4];

          if (j == i || !shown_at_point (b))
            continue;
          g_assert_false (segment_through_box (leader, &b->placement.box));
          leader_of (b, other);
          if (b->placement.leader)
            g_assert_false (segments_cross (leader, other));
        }
    }
}

/* The key: numbers 1…n, each once, each at its point. */
static Counts
assert_key_complete (V21DiagramLayout *layout)
{
  guint n = v21_diagram_layout_get_n_labels (layout);
  g_autofree gboolean *seen = g_new0 (gboolean, n + 1);
  Counts counts = { 0 };

  for (guint i = 0; i < n; i++)
    {
      const V21DiagramLabel *label = v21_diagram_layout_get_label (layout, i);

      switch (label->state)
        {
        case V21_LABEL_BESIDE:
          counts.beside++;
          g_assert_true (label->placement.placed);
          g_assert_cmpuint (label->number, ==, 0);
          break;
        case V21_LABEL_NUMBERED:
          counts.numbered++;
          g_assert_true (label->placement.placed);
          g_assert_cmpuint (label->number, >=, 1);
          g_assert_cmpuint (label->number, <=, n);
          g_assert_false (seen[label->number]);
          seen[label->number] = TRUE;
          break;
        case V21_LABEL_UNLISTED:
          counts.unlisted++;
          break;
        case V21_LABEL_LEFT_OUT:
        default:
          counts.left_out++;
          break;
        }
    }
  for (guint k = 1; k <= counts.numbered; k++)
    g_assert_true (seen[k]);
  return counts;
}

/* The frame's texts whole, inside the figure and clear of each other. */
static void
assert_texts_whole (V21DiagramLayout *layout)
{
  guint n = v21_diagram_layout_get_n_texts (layout);

  g_assert_cmpuint (n, >, 3);
  for (guint i = 0; i < n; i++)
    {
      const V21DiagramText *a = v21_diagram_layout_get_text (layout, i);

      g_assert_false (a->cut);
      for (guint j = i + 1; j < n; j++)
        {
          const V21DiagramText *b = v21_diagram_layout_get_text (layout, j);

          if (boxes_overlap (&a->box, &b->box))
            g_test_message ("texts %u (%g, %g, %g × %g) and %u (%g, %g, %g × %g) overlap", i, a->box.x,
                            a->box.y, a->box.width, a->box.height, j, b->box.x, b->box.y, b->box.width, b->box.height);
          g_assert_false (boxes_overlap (&a->box, &b->box));
        }
    }
}

/* Every point and marker inside the plot: nothing below the axis, such as
 * the actions' squares were, away from the line they belong to. */
static void
assert_markers_in_plot (V21DiagramLayout *layout)
{
  const cairo_rectangle_t *plot = &v21_diagram_layout_get_geometry (layout)->plot;

  for (guint i = 0; i < v21_diagram_layout_get_n_markers (layout); i++)
    {
      const cairo_rectangle_t *box = v21_diagram_layout_get_marker (layout, i);
      double x = box->x + box->width / 2, y = box->y + box->height / 2;

      g_assert_cmpfloat (x, >=, plot->x - EPSILON);
      g_assert_cmpfloat (x, <=, plot->x + plot->width + EPSILON);
      g_assert_cmpfloat (y, >=, plot->y - EPSILON);
      g_assert_cmpfloat (y, <=, plot->y + plot->height + EPSILON);
    }
}

static Counts
check_layout (V21Workshop             *workshop,
              const char              *scenario,
              const Size              *size,
              const V21DiagramOptions *options)
{
  V21RenderStyle style;
  V21DiagramOptions with_size = options != NULL ? *options : (V21DiagramOptions) { 0 };
  g_autoptr(V21DiagramLayout) layout = NULL;
  double width, height;
  Counts counts;

  size_style (size, &style, &width, &height);
  with_size.text_size = size->text_size;
  layout = v21_diagram_layout_new_with_options (workshop, scenario, width, height, &style, &with_size);
  assert_near_and_whole (layout, width, height);
  assert_apart (layout);
  assert_leaders_clear (layout);
  assert_texts_whole (layout);
  assert_markers_in_plot (layout);
  counts = assert_key_complete (layout);
  g_assert_cmpuint (counts.beside + counts.numbered + counts.unlisted + counts.left_out, ==,
                    v21_diagram_layout_get_n_labels (layout));
  g_test_message ("%s, %s: %u beside, %u numbered, %u not listed", scenario ? scenario : "all",
                  size->name, counts.beside, counts.numbered, counts.unlisted);
  return counts;
}

static void
test_demo (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  const char * const scenarios[] = { NULL, "sc1", "sc2", "sc3" };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
      {
        Counts counts = check_layout (workshop, scenarios[i], &sizes[s], NULL);

        /* Off the projector, every label of the demo is beside its point or
         * in the key (all of them overlaid in the report's column show the
         * most important only: see test_modes). */
        if (sizes[s].medium != V21_RENDER_PROJECTOR && (scenarios[i] != NULL || sizes[s].width > 600))
          g_assert_cmpuint (counts.unlisted, ==, 0);
      }
}

/* Whether @text starts with the same year twice ("2056 2056 au fil de l'eau"). */
static gboolean
year_repeated (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("[\\s\u2002\u00a0]+", text, 0, 0);

  return g_strv_length (words) >= 2 && strlen (words[0]) == 4 && g_ascii_isdigit (words[0][0])
         && strcmp (words[0], words[1]) == 0;
}

/* The demo's labels and key entries print their year once, though some
 * labels begin with it. */
static void
test_year_once (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  V21DiagramOptions key = { V21_DIAGRAM_LABELS_KEY, 0, 0 };
  guint with_year = 0;

  g_assert_true (year_repeated ("2056\u20022056 au fil de l’eau"));
  g_assert_false (year_repeated ("2056\u2002au fil de l’eau"));
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int numbered = 0; numbered < 2; numbered++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
        cairo_t *cr = cairo_create (surface);
        g_autoptr(GArray) texts = NULL;
        V21RenderStyle style;
        double width, height;

        size_style (&sizes[s], &style, &width, &height);
        v21_render_text_record_start ();
        v21_render_trajectories_with_options (workshop, NULL, cr, width, height, &style, numbered ? &key : NULL);
        texts = v21_render_text_record_stop ();
        for (guint i = 0; i < texts->len; i++)
          {
            const char *text = g_array_index (texts, V21ShownText, i).text;

            with_year += g_str_has_prefix (text, "2056");
            g_assert_false (year_repeated (text));
          }
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
  g_assert_cmpuint (with_year, >, 0);
}

static void
test_stress (gconstpointer data)
{
  int horizon = GPOINTER_TO_INT (data);
  g_autoptr(V21Workshop) workshop = fixture_stress (20, 12, horizon, 120);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    check_layout (workshop, NULL, &sizes[s], NULL);
}

/* A few labels one year apart at a 10-year horizon: all beside their point. */
static void
test_sparse_all_beside (void)
{
  g_autoptr(V21Workshop) workshop = fixture_stress (1, 6, 10, 30);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Counts counts = check_layout (workshop, NULL, &sizes[s], NULL);

      g_assert_cmpuint (counts.beside, >=, 4);
      g_assert_cmpuint (counts.beside + counts.numbered, ==, 6);
    }
}

static void
test_modes (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  V21DiagramOptions none = { V21_DIAGRAM_LABELS_NONE, 0, 0 };
  V21DiagramOptions three = { V21_DIAGRAM_LABELS_MOST_IMPORTANT, 3, 0 };
  V21DiagramOptions key = { V21_DIAGRAM_LABELS_KEY, 0, 0 };
  const Size *column = &sizes[3];
  const Size *landscape = &sizes[4];
  Counts counts;

  counts = check_layout (workshop, NULL, column, &none);
  g_assert_cmpuint (counts.beside + counts.numbered + counts.unlisted, ==, 0);
  /* The report's cover (the column's width and height): three labels. */
  counts = check_layout (workshop, NULL, column, &three);
  g_assert_cmpuint (counts.beside, ==, 3);
  g_assert_cmpuint (counts.numbered + counts.unlisted, ==, 0);
  /* The demo has 30 labels; in the key mode they are all numbered. */
  counts = check_layout (workshop, NULL, landscape, &key);
  g_assert_cmpuint (counts.beside, ==, 0);
  g_assert_cmpuint (counts.numbered + counts.unlisted, ==, 30);
}

/* Three labels asked, three beside their point, even when the most
 * important ones crowd each other (20 paths, a label each year). */
static void
test_three_most_important (void)
{
  g_autoptr(V21Workshop) workshop = fixture_stress (20, 12, 30, 30);
  V21DiagramOptions three = { V21_DIAGRAM_LABELS_MOST_IMPORTANT, 3, 0 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Counts counts = check_layout (workshop, NULL, &sizes[s], &three);

      g_assert_cmpuint (counts.beside, ==, 3);
      g_assert_cmpuint (counts.numbered + counts.unlisted, ==, 0);
    }
}

static V21DiagramLabelState
state_of (V21DiagramLayout *layout,
          V21Record        *point)
{
  for (guint i = 0; i < v21_diagram_layout_get_n_labels (layout); i++)
    if (v21_diagram_layout_get_label (layout, i)->point == point)
      return v21_diagram_layout_get_label (layout, i)->state;
  g_assert_not_reached ();
}

/* A milestone the user flagged is among the three labels the cover keeps. */
static void
test_highlight_kept (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  V21Record *agenda = v21_workshop_lookup (workshop, "pt01");
  V21DiagramOptions three = { V21_DIAGRAM_LABELS_MOST_IMPORTANT, 3, 9 };
  V21RenderStyle style;
  g_autoptr(GError) error = NULL;
  V21DiagramLayout *layout;

  v21_render_style_init (&style, V21_RENDER_PRINT, FALSE);
  layout = v21_diagram_layout_new_with_options (workshop, NULL, 481.9, 289.1, &style, &three);
  g_assert_cmpint (state_of (layout, agenda), ==, V21_LABEL_LEFT_OUT);
  v21_diagram_layout_free (layout);

  g_assert_true (v21_workshop_set (workshop, agenda, "highlight", json_object_new_boolean (TRUE), &error));
  g_assert_no_error (error);
  layout = v21_diagram_layout_new_with_options (workshop, NULL, 481.9, 289.1, &style, &three);
  g_assert_cmpint (state_of (layout, agenda), ==, V21_LABEL_BESIDE);
  v21_diagram_layout_free (layout);
  check_layout (workshop, NULL, &sizes[3], &three);
}

/* On a projector the plot takes at least 60 % of the figure's height. */
static void
test_projector_share (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();

  for (guint s = 0; s < 2; s++)
    {
      V21RenderStyle style;
      g_autoptr(V21DiagramLayout) layout = NULL;
      double width, height;

      size_style (&sizes[s], &style, &width, &height);
      layout = v21_diagram_layout_new (workshop, NULL, width, height, &style);
      g_test_message ("%s: plot %.0f of %.0f", sizes[s].name, v21_diagram_layout_get_geometry (layout)->plot.height, height);
      g_assert_cmpfloat (v21_diagram_layout_get_geometry (layout)->plot.height, >=, 0.6 * height);
    }
}

/* On a projector, at 1280×720 and 1920×1080, each scenario's figure writes
 * every one of its labels beside its point or numbered with its text in the
 * key: none left to "see the report" (12, 18 and 19 labels). */
static void
test_projector_key_complete (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  const struct { const char *scenario; guint n_labels; } cases[] = { { "sc1", 12 }, { "sc2", 18 }, { "sc3", 19 } };

  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        Counts counts = check_layout (workshop, cases[i].scenario, &sizes[s], NULL);

        g_assert_cmpuint (counts.unlisted, ==, 0);
        g_assert_cmpuint (counts.beside + counts.numbered, ==, cases[i].n_labels);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/diagram-layout/demo", test_demo);
  g_test_add_data_func ("/render/diagram-layout/stress-10-years", GINT_TO_POINTER (10), test_stress);
  g_test_add_data_func ("/render/diagram-layout/stress-50-years", GINT_TO_POINTER (50), test_stress);
  g_test_add_func ("/render/diagram-layout/sparse", test_sparse_all_beside);
  g_test_add_func ("/render/diagram-layout/year-once", test_year_once);
  g_test_add_func ("/render/diagram-layout/modes", test_modes);
  g_test_add_func ("/render/diagram-layout/three-most-important", test_three_most_important);
  g_test_add_func ("/render/diagram-layout/highlight-kept", test_highlight_kept);
  g_test_add_func ("/render/diagram-layout/projector-share", test_projector_share);
  g_test_add_func ("/render/diagram-layout/projector-key-complete", test_projector_key_complete);
  return g_test_run ();
}
