/* v21-trajectory-diagram.c — the trajectory diagram: layout and drawing
 *
 * The layout is computed first (what is drawn where, which labels go where)
 * and drawn afterwards, so the editor hit-tests and the tests check exactly
 * what is on the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-trajectory-diagram.h"
#include "v21-render-text.h"

typedef enum
{
  STYLE_PAST,
  STYLE_BASELINE,
  STYLE_DESIRED,
  STYLE_DISRUPTION,
  STYLE_EXPLORATORY,
  N_STYLES
} PathStyle;

typedef enum
{
  KIND_MILESTONE,
  KIND_BIFURCATION,
  KIND_VISION,
  KIND_THREAT,
  KIND_RESOURCE,
  KIND_WEAK_SIGNAL,
  KIND_ACTION,
  N_KINDS
} PointKind;

static const char * const style_names[] = {
  "past", "baseline", "desired", "disruption", "exploratory"
};
static const char * const kind_names[] = {
  "milestone", "bifurcation", "vision", "threat", "resource", "weak_signal", "action"
};
/* Which paths are drawn on top, and whose labels are placed first. */
static const int style_rank[] = { 1, 2, 5, 4, 3 };

typedef struct
{
  V21Record *record;
  guint      trajectory;   /* index into trajectories */
  PointKind  kind;
  int        year;
  double     level;
  guint      order;        /* position in the document, to keep sorts stable */
  double     x;
  double     y;
} Point;

typedef struct
{
  V21Record *record;
  PathStyle  style;
  GPtrArray *path;         /* Point*, not actions, by year */
} Trajectory;

typedef struct
{
  Point             *point;
  PangoLayout       *layout;
  V21LabelPlacement  placement;
  double             pad;
} Label;

typedef struct
{
  gboolean     line;        /* a path sample, else a marker */
  int          which;       /* PathStyle or PointKind */
  PangoLayout *text;
  double       x;
  double       y;
} LegendItem;

struct _V21DiagramLayout
{
  V21RenderStyle      style;
  double              width;
  double              height;
  PangoContext       *context;
  V21DiagramGeometry  geometry;
  double              today_level;

  Point              *points;
  guint               n_points;
  GHashTable         *point_index;    /* V21Record* → Point* */
  GArray             *trajectories;   /* Trajectory */
  GArray             *labels;         /* Label */
  GArray             *public_labels;  /* V21DiagramLabel */
  GArray             *markers;        /* cairo_rectangle_t */
  GArray             *legend;         /* LegendItem */
  cairo_rectangle_t   action_band;
  gboolean            has_actions;

  PangoLayout        *title;
  PangoLayout        *axis_title;
  PangoLayout        *today_label;
  PangoLayout        *horizon_label;
  PangoLayout        *empty_label;
  GPtrArray          *ticks;          /* PangoLayout*, with "year" data */
  int                 tick_step;
  double              title_y;
  double              header_y;
  double              tick_y;
};

static int
index_of (const char * const *names,
          guint               n,
          const char         *name,
          int                 fallback)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return (int) i;
  return fallback;
}

static const V21Rgba *
style_color (const V21RenderStyle *style,
             PathStyle             path)
{
  switch (path)
    {
    case STYLE_PAST: return &style->past;
    case STYLE_BASELINE: return &style->baseline;
    case STYLE_DESIRED: return &style->desired;
    case STYLE_DISRUPTION: return &style->disruption;
    case STYLE_EXPLORATORY:
    case N_STYLES:
    default: return &style->exploratory;
    }
}

static const V21Rgba *
point_color (V21DiagramLayout *self,
             const Point      *point)
{
  const Trajectory *trajectory = &g_array_index (self->trajectories, Trajectory, point->trajectory);

  switch (point->kind)
    {
    case KIND_THREAT: return &self->style.threat;
    case KIND_RESOURCE: return &self->style.resource;
    case KIND_WEAK_SIGNAL: return &self->style.weak_signal;
    case KIND_VISION: return &self->style.desired;
    case KIND_BIFURCATION: return &self->style.disruption;
    case KIND_MILESTONE:
    case KIND_ACTION:
    case N_KINDS:
    default: return style_color (&self->style, trajectory->style);
    }
}

/* Collecting the trajectories of the selection and their points. */

/* One scenario is drawn with its context: the past, which every scenario
 * shares, and, for a disruption, the baseline it forks from. */
static gboolean
trajectory_selected (V21Record  *trajectory,
                     const char *scenario_id,
                     gboolean    with_baseline)
{
  const char *style = v21_record_get_string (trajectory, "style");

  if (scenario_id == NULL)
    return TRUE;
  return g_strcmp0 (v21_record_get_string (trajectory, "scenario"), scenario_id) == 0
      || g_strcmp0 (style, "past") == 0
      || (with_baseline && g_strcmp0 (style, "baseline") == 0);
}

static gboolean
scenario_forks (V21Collection *trajectories,
                const char    *scenario_id)
{
  for (guint i = 0; scenario_id != NULL && i < v21_collection_get_n (trajectories); i++)
    {
      V21Record *record = v21_collection_get (trajectories, i);

      if (g_strcmp0 (v21_record_get_string (record, "scenario"), scenario_id) == 0
          && g_strcmp0 (v21_record_get_string (record, "style"), "disruption") == 0)
        return TRUE;
    }
  return FALSE;
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const Point *p = *(const Point * const *) a;
  const Point *q = *(const Point * const *) b;

  if (p->year != q->year)
    return p->year < q->year ? -1 : 1;
  return p->order < q->order ? -1 : p->order > q->order;
}

static void
collect (V21DiagramLayout *self,
         V21Workshop      *workshop,
         const char       *scenario_id)
{
  V21Collection *trajectories = v21_workshop_get_collection (workshop, "trajectories");
  V21Collection *points = v21_workshop_get_collection (workshop, "points");
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = v21_collection_get_n (points);
  gboolean with_baseline = scenario_forks (trajectories, scenario_id);

  for (guint i = 0; i < v21_collection_get_n (trajectories); i++)
    {
      V21Record *record = v21_collection_get (trajectories, i);
      Trajectory trajectory = { record, 0, g_ptr_array_new () };

      if (!trajectory_selected (record, scenario_id, with_baseline))
        {
          g_ptr_array_unref (trajectory.path);
          continue;
        }
      trajectory.style = index_of (style_names, N_STYLES, v21_record_get_string (record, "style"),
                                   STYLE_EXPLORATORY);
      g_hash_table_insert (index, (gpointer) v21_record_get_id (record),
                           GUINT_TO_POINTER (self->trajectories->len + 1));
      g_array_append_val (self->trajectories, trajectory);
    }

  self->points = g_new0 (Point, n);
  for (guint i = 0; i < n; i++)
    {
      V21Record *record = v21_collection_get (points, i);
      guint t = GPOINTER_TO_UINT (g_hash_table_lookup (index, v21_record_get_string (record, "trajectory")));
      Point *point = &self->points[self->n_points];

      if (t == 0)
        continue;
      point->record = record;
      point->trajectory = t - 1;
      point->kind = index_of (kind_names, N_KINDS, v21_record_get_string (record, "kind"), KIND_MILESTONE);
      point->year = (int) v21_record_get_int (record, "year", 0);
      point->level = CLAMP (v21_record_get_double (record, "level", 0.5), 0.0, 1.0);
      point->order = i;
      self->n_points++;
      if (point->kind != KIND_ACTION)
        g_ptr_array_add (g_array_index (self->trajectories, Trajectory, t - 1).path, point);
    }
  for (guint i = 0; i < self->trajectories->len; i++)
    g_ptr_array_sort (g_array_index (self->trajectories, Trajectory, i).path, compare_points);
}

/* Where "today" stands: the end of the past when there is one, else where the
 * other paths start. */
static double
find_today_level (V21DiagramLayout *self)
{
  int today = self->geometry.today;
  double best = 0.5;
  int best_distance = G_MAXINT;

  for (guint i = 0; i < self->trajectories->len; i++)
    {
      Trajectory *trajectory = &g_array_index (self->trajectories, Trajectory, i);

      for (guint j = 0; j < trajectory->path->len; j++)
        {
          Point *point = g_ptr_array_index (trajectory->path, j);
          int distance = ABS (point->year - today) * 2 + (trajectory->style == STYLE_PAST ? 0 : 1);

          if (distance < best_distance)
            {
              best_distance = distance;
              best = point->level;
            }
        }
    }
  return best;
}

/* Measuring: title, headers, ticks, legend, then the plot takes what is left. */

static PangoLayout *
small_text (V21DiagramLayout *self,
            const char       *text,
            gboolean          bold)
{
  return v21_render_text_layout (self->context, &self->style, text, self->style.small_size, bold, -1, 0);
}

static double
text_height (PangoLayout *layout)
{
  double height;

  v21_render_text_size (layout, NULL, &height);
  return height;
}

static double
text_width (PangoLayout *layout)
{
  double width;

  v21_render_text_size (layout, &width, NULL);
  return width;
}

static char *
diagram_title (V21Workshop *workshop,
               const char  *scenario_id)
{
  V21Record *scenario = scenario_id != NULL ? v21_workshop_lookup (workshop, scenario_id) : NULL;
  const char *territory = v21_workshop_get_territory_name (workshop);

  if (scenario != NULL)
    return g_strdup (v21_record_get_string (scenario, "title"));
  if (territory != NULL && territory[0] != '\0')
    /* Translators: the title of the diagram of all trajectories; %s is the territory. */
    return g_strdup_printf (_("Trajectories — %s"), territory);
  return g_strdup (_("Trajectories"));
}

static char *
axis_title (V21DiagramLayout *self)
{
  for (guint i = 0; i < self->trajectories->len; i++)
    {
      V21Record *record = g_array_index (self->trajectories, Trajectory, i).record;
      const char *indicator = v21_record_get_string (record, "indicator");
      const char *unit = v21_record_get_string (record, "unit");

      if (indicator == NULL || indicator[0] == '\0')
        continue;
      if (unit != NULL && unit[0] != '\0')
        return g_strdup_printf ("%s (%s)", indicator, unit);
      return g_strdup (indicator);
    }
  return g_strdup (_("State of the territory / degree of transition"));
}

static const char *
legend_text (gboolean line,
             int      which)
{
  static const char * const styles[] = {
    N_("Past"), N_("Baseline (current trends)"), N_("Desired"), N_("Disruption"), N_("Exploratory")
  };
  static const char * const kinds[] = {
    N_("Milestone"), N_("Bifurcation"), N_("Vision"), N_("Threat"), N_("Resource"),
    N_("Weak signal"), N_("Action")
  };

  if (which < 0)
    return _("Cone of possible futures");
  return line ? _(styles[which]) : _(kinds[which]);
}

static void
add_legend_item (V21DiagramLayout *self,
                 gboolean          line,
                 int               which)
{
  LegendItem item = { line, which, small_text (self, legend_text (line, which), FALSE), 0, 0 };

  g_array_append_val (self->legend, item);
}

static double
legend_sample_width (V21DiagramLayout *self,
                     const LegendItem *item)
{
  return item->line ? self->style.small_size * 2.6 : self->style.small_size * 1.3;
}

/* Lays the legend out in centred rows from @top; returns its height. */
static double
layout_legend (V21DiagramLayout *self,
               double            left,
               double            right,
               double            top,
               gboolean          place)
{
  double line_height = self->style.small_size * 1.5;
  double space = self->style.small_size * 1.6;
  double gap = self->style.small_size * 0.5;
  guint row_start = 0;
  double y = top;
  double row_width = 0;

  for (guint i = 0; i <= self->legend->len; i++)
    {
      LegendItem *item = i < self->legend->len ? &g_array_index (self->legend, LegendItem, i) : NULL;
      double width = item != NULL ? legend_sample_width (self, item) + gap + text_width (item->text) : 0;

      if (item == NULL || (row_width > 0 && row_width + space + width > right - left))
        {
          double x = left + (right - left - row_width) / 2;

          for (guint j = row_start; place && j < i; j++)
            {
              LegendItem *done = &g_array_index (self->legend, LegendItem, j);

              done->x = x;
              done->y = y;
              x += legend_sample_width (self, done) + gap + text_width (done->text) + space;
            }
          if (i > row_start)
            y += line_height;
          row_start = i;
          row_width = 0;
        }
      if (item != NULL)
        row_width += (row_width > 0 ? space : 0) + width;
    }
  return y - top;
}

static void
build_legend (V21DiagramLayout *self)
{
  gboolean styles[N_STYLES] = { FALSE };
  gboolean kinds[N_KINDS] = { FALSE };

  for (guint i = 0; i < self->trajectories->len; i++)
    styles[g_array_index (self->trajectories, Trajectory, i).style] = TRUE;
  for (guint i = 0; i < self->n_points; i++)
    {
      const char *label = v21_record_get_string (self->points[i].record, "label");

      /* An unlabelled milestone only shapes the path: no marker. */
      if (self->points[i].kind != KIND_MILESTONE || (label != NULL && label[0] != '\0'))
        kinds[self->points[i].kind] = TRUE;
    }
  for (int s = 0; s < N_STYLES; s++)
    if (styles[s])
      add_legend_item (self, TRUE, s);
  for (int k = 0; k < N_KINDS; k++)
    if (kinds[k])
      add_legend_item (self, FALSE, k);
  add_legend_item (self, FALSE, -1);
}

static int
choose_tick_step (V21DiagramLayout *self,
                  double            plot_width)
{
  static const int steps[] = { 5, 10, 20, 25, 50, 100 };
  double span = self->geometry.year_max - self->geometry.year_min;
  double label = self->style.small_size * 3.4;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (plot_width / span * steps[i] >= label)
      return steps[i];
  return 100;
}

static void
build_ticks (V21DiagramLayout *self)
{
  int first = (self->geometry.year_min + self->tick_step - 1) / self->tick_step * self->tick_step;

  for (int year = first; year <= self->geometry.year_max; year += self->tick_step)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);
      PangoLayout *layout = small_text (self, text, FALSE);

      g_object_set_data (G_OBJECT (layout), "year", GINT_TO_POINTER (year));
      g_ptr_array_add (self->ticks, layout);
    }
}

static void
compute_frame (V21DiagramLayout *self,
               V21Workshop      *workshop,
               const char       *scenario_id)
{
  const V21RenderStyle *style = &self->style;
  double pad = style->padding;
  double small_line = style->small_size * 1.35;
  double gap = style->small_size * 0.6;
  g_autofree char *title = diagram_title (workshop, scenario_id);
  g_autofree char *axis = axis_title (self);
  g_autofree char *today = NULL;
  g_autofree char *horizon = NULL;
  cairo_rectangle_t plot;
  double top, bottom, legend_height, left, right;

  self->title = v21_render_text_layout (self->context, style, title, style->title_size, TRUE,
                                        self->width - 2 * pad, 1);
  /* Translators: above the line of the current year in a trajectory diagram. */
  today = g_strdup_printf (_("Today · %d"), self->geometry.today);
  self->today_label = small_text (self, today, TRUE);
  /* Translators: above the horizon year in a trajectory diagram. */
  horizon = g_strdup_printf (_("Horizon %d"), self->geometry.horizon);
  self->horizon_label = small_text (self, horizon, TRUE);

  build_legend (self);
  right = self->width - pad - style->small_size * 1.2;
  legend_height = layout_legend (self, pad, self->width - pad, 0, FALSE);

  self->title_y = pad;
  self->header_y = self->title_y + text_height (self->title) + gap * 1.5;
  top = self->header_y + small_line + gap * 0.6;
  bottom = self->height - pad - legend_height - gap * 1.5;
  self->tick_y = 0;
  bottom -= small_line + gap;                       /* tick labels */
  if (self->has_actions)
    bottom -= style->small_size * 4.4 + gap;        /* the band of actions */

  /* The level axis's title, turned up along the plot, keeps within its
   * height: on two lines when one is too long (large projector text). */
  self->axis_title = v21_render_text_layout (self->context, style, axis, style->small_size, FALSE,
                                             MAX (bottom - top, small_line), 2);
  pango_layout_set_alignment (self->axis_title, PANGO_ALIGN_CENTER);
  left = pad + text_height (self->axis_title) + gap * 1.5;
  plot = (cairo_rectangle_t) { left, top, MAX (right - left, 1), MAX (bottom - top, 1) };
  {
    V21DiagramGeometry geometry = self->geometry;

    v21_diagram_geometry_init (&self->geometry, &plot, geometry.year_min, geometry.year_max);
    self->geometry.today = geometry.today;
    self->geometry.horizon = geometry.horizon;
  }
  self->tick_y = plot.y + plot.height + gap * 0.6;
  self->action_band = (cairo_rectangle_t) { plot.x, self->tick_y + small_line + gap * 0.5,
                                            plot.width, self->has_actions ? style->small_size * 4.4 : 0 };
  self->geometry.action_y = self->action_band.y + style->marker_size * 1.2;
  layout_legend (self, pad, self->width - pad, self->height - pad - legend_height, TRUE);
  self->tick_step = choose_tick_step (self, plot.width);
  build_ticks (self);
}

static void
compute_years (V21DiagramLayout *self,
               V21Workshop      *workshop)
{
  V21Record *root = v21_workshop_get_root (workshop);
  int today = (int) v21_record_get_int (root, "start_year", 2026);
  int horizon = (int) v21_record_get_int (root, "horizon_year", today + 30);
  int year_min = today - 10;
  int year_max = MAX (horizon, today + 1);

  for (guint i = 0; i < self->n_points; i++)
    {
      year_min = MIN (year_min, self->points[i].year);
      year_max = MAX (year_max, self->points[i].year);
    }
  /* Start on a round year when that costs little room. */
  if (year_min % 5 != 0 && year_min - ((year_min % 5 + 5) % 5) >= today - 14)
    year_min -= (year_min % 5 + 5) % 5;
  self->geometry.year_min = year_min;
  self->geometry.year_max = year_max;
  self->geometry.today = today;
  self->geometry.horizon = horizon;
}

/* Markers: what is drawn at each point, and the room it takes. */

static gboolean
has_label (const Point *point)
{
  const char *label = v21_record_get_string (point->record, "label");

  return label != NULL && label[0] != '\0';
}

static gboolean
has_marker (const Point *point)
{
  return point->kind != KIND_MILESTONE || has_label (point);
}

/* The box of the marker of @point, and the distance from the point to its
 * edge (where a label may start). */
static void
marker_box (V21DiagramLayout  *self,
            const Point       *point,
            cairo_rectangle_t *box,
            double            *clearance)
{
  double r = self->style.marker_size;
  double x = point->x;
  double y = point->y;
  double half = r + self->style.hairline;

  switch (point->kind)
    {
    case KIND_BIFURCATION:
      half = r * 1.7;
      break;
    case KIND_VISION:
      half = r * 2.4;
      break;
    case KIND_THREAT:
      *box = (cairo_rectangle_t) { x - 1.3 * r, y - 4.4 * r, 2.6 * r, 5.1 * r };
      *clearance = 1.4 * r;
      return;
    case KIND_RESOURCE:
      *box = (cairo_rectangle_t) { x - 1.3 * r, y - 0.7 * r, 2.6 * r, 5.1 * r };
      *clearance = 1.4 * r;
      return;
    case KIND_WEAK_SIGNAL:
      half = r * 1.45;
      break;
    case KIND_ACTION:
      half = r * 0.9;
      break;
    case KIND_MILESTONE:
    case N_KINDS:
    default:
      break;
    }
  *box = (cairo_rectangle_t) { x - half, y - half, 2 * half, 2 * half };
  *clearance = half;
}

static void
compute_positions (V21DiagramLayout *self)
{
  for (guint i = 0; i < self->n_points; i++)
    {
      Point *point = &self->points[i];

      point->x = v21_diagram_year_to_x (&self->geometry, point->year);
      point->y = point->kind == KIND_ACTION ? self->geometry.action_y
                                            : v21_diagram_level_to_y (&self->geometry, point->level);
    }
}

/* Paths are soft obstacles: labels keep off them when they can. */
static void
add_path_obstacles (V21DiagramLayout *self,
                    V21LabelPlacer   *placer)
{
  double step = MAX (self->style.small_size * 0.8, 4.0);
  double half = self->style.desired_width / 2 + self->style.hairline;
  const cairo_rectangle_t *plot = &self->geometry.plot;
  double today_x = v21_diagram_year_to_x (&self->geometry, self->geometry.today);
  cairo_rectangle_t today = { today_x - self->style.today_width, plot->y,
                              2 * self->style.today_width, plot->height };

  v21_label_placer_add_obstacle (placer, &today, TRUE);
  for (guint i = 0; i < self->trajectories->len; i++)
    {
      GPtrArray *path = g_array_index (self->trajectories, Trajectory, i).path;

      for (guint j = 1; j < path->len; j++)
        {
          const Point *a = g_ptr_array_index (path, j - 1);
          const Point *b = g_ptr_array_index (path, j);
          double length = hypot (b->x - a->x, b->y - a->y);
          int n = MAX (1, (int) ceil (length / step));
          double sx = fabs (b->x - a->x) / n / 2;
          double sy = fabs (b->y - a->y) / n / 2;

          for (int k = 0; k <= n; k++)
            {
              double x = a->x + (b->x - a->x) * k / n;
              double y = a->y + (b->y - a->y) * k / n;
              cairo_rectangle_t box = { x - sx - half, y - sy - half, 2 * (sx + half), 2 * (sy + half) };

              v21_label_placer_add_obstacle (placer, &box, TRUE);
            }
        }
    }
}

static int
label_priority (V21DiagramLayout *self,
                const Point      *point)
{
  static const int kind_priority[] = { 2, 1, 0, 3, 3, 4, 5 };
  const Trajectory *trajectory = &g_array_index (self->trajectories, Trajectory, point->trajectory);

  return kind_priority[point->kind] * 10 + (9 - style_rank[trajectory->style]);
}

static int
compare_labels (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  const Point *p = ((const Label *) a)->point;
  const Point *q = ((const Label *) b)->point;
  int pa = label_priority (data, p);
  int pb = label_priority (data, q);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  if (p->year != q->year)
    return p->year < q->year ? -1 : 1;
  return p->order < q->order ? -1 : p->order > q->order;
}

static PangoLayout *
label_layout (V21DiagramLayout *self,
              Point            *point,
              double            max_width)
{
  g_autofree char *year = g_strdup_printf ("%d", point->year);
  g_autofree char *text = g_strdup_printf ("%s\u2002%s", year,
                                           v21_record_get_string (point->record, "label"));
  gboolean vision = point->kind == KIND_VISION;
  double size = point->kind == KIND_ACTION ? self->style.small_size : self->style.text_size * 0.9;
  PangoLayout *layout = v21_render_text_layout (self->context, &self->style, text, size, vision,
                                                max_width, 3);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  const V21Rgba *c = point_color (self, point);
  PangoAttribute *color = pango_attr_foreground_new (c->red * 65535, c->green * 65535, c->blue * 65535);

  /* The year takes the colour of the marker; the text stays dark. */
  bold->start_index = color->start_index = 0;
  bold->end_index = color->end_index = strlen (year);
  pango_attr_list_insert (attrs, bold);
  pango_attr_list_insert (attrs, color);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
place_labels (V21DiagramLayout *self,
              V21LabelPlacer   *placer,
              V21LabelPlacer   *band_placer)
{
  double gap = self->style.small_size * 0.3;
  /* On a small figure, narrower labels (on more lines) find room nearer. */
  double max_width = MIN (self->style.label_max_width,
                          MAX (self->geometry.plot.width * 0.2, self->style.text_size * 7));

  for (guint i = 0; i < self->n_points; i++)
    {
      Point *point = &self->points[i];
      Label label = { point, NULL, { { 0 } }, gap };

      if (!has_label (point))
        continue;
      label.layout = label_layout (self, point, point->kind == KIND_ACTION ? max_width * 0.8 : max_width);
      g_array_append_val (self->labels, label);
    }
  g_array_sort_with_data (self->labels, compare_labels, self);

  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);
      V21DiagramLabel entry = { label->point->record, { { 0 } } };
      cairo_rectangle_t box;
      double clearance, width, height;

      marker_box (self, label->point, &box, &clearance);
      v21_render_text_size (label->layout, &width, &height);
      v21_label_placer_place (label->point->kind == KIND_ACTION ? band_placer : placer,
                              label->point->x, label->point->y, &box,
                              width + 2 * label->pad, height + label->pad, &label->placement);
      entry.placement = label->placement;
      g_array_append_val (self->public_labels, entry);
    }
}

static void
compute_labels (V21DiagramLayout *self)
{
  double gap = self->style.small_size * 0.25;
  const cairo_rectangle_t *plot = &self->geometry.plot;
  /* Labels may use the margin right of the plot, up to the figure's edge. */
  cairo_rectangle_t bounds = { plot->x + self->style.hairline, plot->y,
                               self->width - self->style.padding * 0.5 - plot->x, plot->height };
  g_autoptr(V21LabelPlacer) placer = v21_label_placer_new (&bounds, gap);
  g_autoptr(V21LabelPlacer) band_placer = NULL;
  cairo_rectangle_t band = self->action_band;

  v21_label_placer_set_max_distance (placer, (plot->width + plot->height) * 0.22);

  band.width = self->width - self->style.padding * 0.5 - band.x;
  band_placer = v21_label_placer_new (&band, gap);
  for (guint i = 0; i < self->n_points; i++)
    {
      const Point *point = &self->points[i];
      cairo_rectangle_t box;
      double clearance;

      if (!has_marker (point))
        {
          /* A plain point draws nothing, but the editor shows a handle there. */
          double r = self->style.marker_size * 0.7;
          cairo_rectangle_t handle = { point->x - r, point->y - r, 2 * r, 2 * r };

          v21_label_placer_add_obstacle (placer, &handle, FALSE);
          continue;
        }
      marker_box (self, point, &box, &clearance);
      g_array_append_val (self->markers, box);
      v21_label_placer_add_obstacle (point->kind == KIND_ACTION ? band_placer : placer, &box, FALSE);
    }
  add_path_obstacles (self, placer);
  place_labels (self, placer, band_placer);
}

V21DiagramLayout *
v21_diagram_layout_new (V21Workshop          *workshop,
                        const char           *scenario_id,
                        double                width,
                        double                height,
                        const V21RenderStyle *style)
{
  V21DiagramLayout *self;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (style != NULL, NULL);

  self = g_new0 (V21DiagramLayout, 1);
  self->style = *style;
  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  self->context = v21_render_text_context ();
  self->trajectories = g_array_new (FALSE, TRUE, sizeof (Trajectory));
  self->labels = g_array_new (FALSE, TRUE, sizeof (Label));
  self->public_labels = g_array_new (FALSE, TRUE, sizeof (V21DiagramLabel));
  self->markers = g_array_new (FALSE, TRUE, sizeof (cairo_rectangle_t));
  self->legend = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  self->ticks = g_ptr_array_new_with_free_func (g_object_unref);
  self->point_index = g_hash_table_new (NULL, NULL);

  collect (self, workshop, scenario_id);
  for (guint i = 0; i < self->n_points; i++)
    self->has_actions |= self->points[i].kind == KIND_ACTION;
  compute_years (self, workshop);
  compute_frame (self, workshop, scenario_id);
  self->today_level = find_today_level (self);
  compute_positions (self);
  for (guint i = 0; i < self->n_points; i++)
    g_hash_table_insert (self->point_index, self->points[i].record, &self->points[i]);
  compute_labels (self);
  if (self->n_points == 0)
    self->empty_label = v21_render_text_layout (self->context, style, _("No trajectory to show yet"),
                                                style->text_size, FALSE, -1, 0);
  return self;
}

void
v21_diagram_layout_free (V21DiagramLayout *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->trajectories->len; i++)
    g_ptr_array_unref (g_array_index (self->trajectories, Trajectory, i).path);
  for (guint i = 0; i < self->labels->len; i++)
    g_object_unref (g_array_index (self->labels, Label, i).layout);
  for (guint i = 0; i < self->legend->len; i++)
    g_object_unref (g_array_index (self->legend, LegendItem, i).text);
  g_array_unref (self->trajectories);
  g_array_unref (self->labels);
  g_array_unref (self->public_labels);
  g_array_unref (self->markers);
  g_array_unref (self->legend);
  g_ptr_array_unref (self->ticks);
  g_hash_table_unref (self->point_index);
  g_clear_object (&self->title);
  g_clear_object (&self->axis_title);
  g_clear_object (&self->today_label);
  g_clear_object (&self->horizon_label);
  g_clear_object (&self->empty_label);
  g_clear_object (&self->context);
  g_free (self->points);
  g_free (self);
}

const V21DiagramGeometry *
v21_diagram_layout_get_geometry (V21DiagramLayout *self)
{
  return &self->geometry;
}

guint
v21_diagram_layout_get_n_labels (V21DiagramLayout *self)
{
  return self->public_labels->len;
}

const V21DiagramLabel *
v21_diagram_layout_get_label (V21DiagramLayout *self,
                              guint             index)
{
  g_return_val_if_fail (index < self->public_labels->len, NULL);
  return &g_array_index (self->public_labels, V21DiagramLabel, index);
}

guint
v21_diagram_layout_get_n_markers (V21DiagramLayout *self)
{
  return self->markers->len;
}

const cairo_rectangle_t *
v21_diagram_layout_get_marker (V21DiagramLayout *self,
                               guint             index)
{
  g_return_val_if_fail (index < self->markers->len, NULL);
  return &g_array_index (self->markers, cairo_rectangle_t, index);
}

gboolean
v21_diagram_layout_get_position (V21DiagramLayout *self,
                                 V21Record        *point,
                                 double           *x,
                                 double           *y)
{
  const Point *found = g_hash_table_lookup (self->point_index, point);

  if (found == NULL)
    return FALSE;
  *x = found->x;
  *y = found->y;
  return TRUE;
}

V21Record *
v21_diagram_layout_find_point (V21DiagramLayout *self,
                               double            x,
                               double            y,
                               double            radius)
{
  V21Record *best = NULL;
  double best_distance = radius;

  for (guint i = 0; i < self->n_points; i++)
    {
      double distance = hypot (self->points[i].x - x, self->points[i].y - y);

      /* On a tie the later point wins: it is drawn on top. */
      if (distance <= best_distance)
        {
          best = self->points[i].record;
          best_distance = distance;
        }
    }
  return best;
}

/* Drawing */

static void
draw_frame (V21DiagramLayout *self,
            cairo_t          *cr)
{
  const V21RenderStyle *style = &self->style;
  const V21DiagramGeometry *g = &self->geometry;
  const cairo_rectangle_t *plot = &g->plot;
  double today_x = v21_diagram_year_to_x (g, g->today);
  double bottom = plot->y + plot->height;

  /* The past, lightly shaded. */
  cairo_rectangle (cr, plot->x, plot->y, MAX (today_x - plot->x, 0), plot->height);
  v21_render_set_color (cr, &style->grid, 0.45);
  cairo_fill (cr);

  /* Vertical grid at the ticks. */
  cairo_set_line_width (cr, style->hairline);
  v21_render_set_color (cr, &style->grid, 1.0);
  for (guint i = 0; i < self->ticks->len; i++)
    {
      int year = GPOINTER_TO_INT (g_object_get_data (g_ptr_array_index (self->ticks, i), "year"));
      double x = round (v21_diagram_year_to_x (g, year)) + 0.5 * style->hairline;

      cairo_move_to (cr, x, plot->y);
      cairo_line_to (cr, x, bottom);
    }
  cairo_stroke (cr);
}

static void
draw_cone (V21DiagramLayout *self,
           cairo_t          *cr)
{
  const V21DiagramGeometry *g = &self->geometry;
  double x0 = v21_diagram_year_to_x (g, g->today);
  double y0 = v21_diagram_level_to_y (g, self->today_level);
  double x1 = v21_diagram_year_to_x (g, g->year_max);
  const V21Rgba *c = &self->style.cone;

  if (self->n_points == 0 || x1 <= x0)
    return;
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, v21_diagram_level_to_y (g, 0.98));
  cairo_line_to (cr, x1, v21_diagram_level_to_y (g, 0.02));
  cairo_close_path (cr);
  /* A flat tint: a gradient over a third of a 4K figure costs more than the rest. */
  v21_render_set_color (cr, c, 1.0);
  cairo_fill (cr);
}

static void
draw_axes (V21DiagramLayout *self,
           cairo_t          *cr)
{
  const V21RenderStyle *style = &self->style;
  const V21DiagramGeometry *g = &self->geometry;
  const cairo_rectangle_t *plot = &g->plot;
  double bottom = plot->y + plot->height;
  double arrow = style->small_size * 0.45;
  double width, height;

  cairo_set_line_width (cr, style->axis_width);
  v21_render_set_color (cr, &style->axis, 1.0);
  cairo_move_to (cr, plot->x, plot->y - arrow);
  cairo_line_to (cr, plot->x, bottom);
  cairo_line_to (cr, plot->x + plot->width, bottom);
  for (guint i = 0; i < self->ticks->len; i++)
    {
      int year = GPOINTER_TO_INT (g_object_get_data (g_ptr_array_index (self->ticks, i), "year"));
      double x = v21_diagram_year_to_x (g, year);

      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + arrow);
    }
  cairo_stroke (cr);
  /* The level axis points up: more transition. */
  cairo_move_to (cr, plot->x, plot->y - arrow * 2);
  cairo_line_to (cr, plot->x - arrow * 0.8, plot->y - arrow * 0.4);
  cairo_line_to (cr, plot->x + arrow * 0.8, plot->y - arrow * 0.4);
  cairo_close_path (cr);
  cairo_fill (cr);

  for (guint i = 0; i < self->ticks->len; i++)
    {
      PangoLayout *tick = g_ptr_array_index (self->ticks, i);
      int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tick), "year"));

      v21_render_text_size (tick, &width, NULL);
      v21_render_text_show (cr, tick, v21_diagram_year_to_x (g, year) - width / 2, self->tick_y, &style->muted);
    }

  v21_render_text_size (self->axis_title, &width, &height);
  width = MIN (width, plot->height);
  cairo_save (cr);
  cairo_translate (cr, style->padding, plot->y + plot->height / 2 + width / 2);
  cairo_rotate (cr, -G_PI / 2);
  v21_render_text_show (cr, self->axis_title, 0, 0, &style->muted);
  cairo_restore (cr);
}

static void
draw_header (V21DiagramLayout *self,
             cairo_t          *cr,
             PangoLayout      *text,
             double            x,
             const V21Rgba    *color)
{
  double width;

  v21_render_text_size (text, &width, NULL);
  x = CLAMP (x - width / 2, self->style.padding, self->width - self->style.padding - width);
  v21_render_text_show (cr, text, x, self->header_y, color);
}

static void
draw_today_and_horizon (V21DiagramLayout *self,
                        cairo_t          *cr)
{
  const V21RenderStyle *style = &self->style;
  const V21DiagramGeometry *g = &self->geometry;
  double today_x = v21_diagram_year_to_x (g, g->today);
  double horizon_x = v21_diagram_year_to_x (g, g->horizon);
  double bottom = g->plot.y + g->plot.height;
  double dashes[] = { style->small_size * 0.4, style->small_size * 0.3 };

  cairo_set_line_width (cr, style->hairline);
  v21_render_set_color (cr, &style->muted, 1.0);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_move_to (cr, horizon_x, g->plot.y - style->small_size * 0.3);
  cairo_line_to (cr, horizon_x, bottom);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  draw_header (self, cr, self->horizon_label, horizon_x, &style->muted);

  cairo_set_line_width (cr, style->today_width);
  v21_render_set_color (cr, &style->today, 1.0);
  cairo_move_to (cr, today_x, g->plot.y - style->small_size * 0.3);
  cairo_line_to (cr, today_x, bottom);
  cairo_stroke (cr);
  draw_header (self, cr, self->today_label, today_x, &style->today);
}

/* A smooth curve through the points that never overshoots them: each
 * segment's control points stay within the segment's box. */
static void
trace_path (cairo_t   *cr,
            GPtrArray *path)
{
  const Point *first = g_ptr_array_index (path, 0);

  cairo_move_to (cr, first->x, first->y);
  for (guint i = 0; i + 1 < path->len; i++)
    {
      const Point *p0 = g_ptr_array_index (path, i > 0 ? i - 1 : i);
      const Point *p1 = g_ptr_array_index (path, i);
      const Point *p2 = g_ptr_array_index (path, i + 1);
      const Point *p3 = g_ptr_array_index (path, i + 2 < path->len ? i + 2 : i + 1);
      double lo_y = MIN (p1->y, p2->y), hi_y = MAX (p1->y, p2->y);
      double c1x = CLAMP (p1->x + (p2->x - p0->x) / 6, p1->x, p2->x);
      double c1y = CLAMP (p1->y + (p2->y - p0->y) / 6, lo_y, hi_y);
      double c2x = CLAMP (p2->x - (p3->x - p1->x) / 6, p1->x, p2->x);
      double c2y = CLAMP (p2->y - (p3->y - p1->y) / 6, lo_y, hi_y);

      cairo_curve_to (cr, c1x, c1y, c2x, c2y, p2->x, p2->y);
    }
}

static void
set_path_style (V21DiagramLayout *self,
                cairo_t          *cr,
                PathStyle         path,
                double            scale)
{
  const V21RenderStyle *style = &self->style;
  double width = (path == STYLE_DESIRED ? style->desired_width : style->path_width) * scale;
  double dashes[] = { width * 3.5, width * 2 };

  /* Dashes with square ends: round ones cost a polygon each. The exploratory
   * path is plain and neutral, set apart by its colour. */
  cairo_set_line_width (cr, path == STYLE_DISRUPTION ? width * 1.15 : path == STYLE_EXPLORATORY ? width * 0.9 : width);
  cairo_set_line_cap (cr, path == STYLE_BASELINE ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (path == STYLE_BASELINE)
    cairo_set_dash (cr, dashes, 2, 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
  v21_render_set_color (cr, style_color (style, path), 1.0);
}

static void
draw_paths (V21DiagramLayout *self,
            cairo_t          *cr)
{
  for (int rank = 1; rank <= 5; rank++)
    for (guint i = 0; i < self->trajectories->len; i++)
      {
        Trajectory *trajectory = &g_array_index (self->trajectories, Trajectory, i);

        if (style_rank[trajectory->style] != rank || trajectory->path->len < 2)
          continue;
        trace_path (cr, trajectory->path);
        set_path_style (self, cr, trajectory->style, 1.0);
        cairo_stroke (cr);
      }
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

static void
star (cairo_t *cr,
      double   x,
      double   y,
      double   outer)
{
  for (int i = 0; i < 10; i++)
    {
      double angle = -G_PI / 2 + i * G_PI / 5;
      double r = i % 2 == 0 ? outer : outer * 0.45;

      if (i == 0)
        cairo_move_to (cr, x + r * cos (angle), y + r * sin (angle));
      else
        cairo_line_to (cr, x + r * cos (angle), y + r * sin (angle));
    }
  cairo_close_path (cr);
}

/* An arrow whose tip is near (@x, @y): pointing down from above (@down), or up
 * from below. */
static void
arrow (cairo_t *cr,
       double   x,
       double   y,
       double   r,
       gboolean down)
{
  double s = down ? -1 : 1;      /* the arrow's tail side */
  double tip = y + s * 0.9 * r;

  cairo_move_to (cr, x, tip);
  cairo_line_to (cr, x - 1.25 * r, tip + s * 1.7 * r);
  cairo_line_to (cr, x - 0.42 * r, tip + s * 1.7 * r);
  cairo_line_to (cr, x - 0.42 * r, tip + s * 3.5 * r);
  cairo_line_to (cr, x + 0.42 * r, tip + s * 3.5 * r);
  cairo_line_to (cr, x + 0.42 * r, tip + s * 1.7 * r);
  cairo_line_to (cr, x + 1.25 * r, tip + s * 1.7 * r);
  cairo_close_path (cr);
}

/* Adds the shape of a marker to the current path. */
static void
marker_path (cairo_t   *cr,
             PointKind  kind,
             double     x,
             double     y,
             double     r)
{
  switch (kind)
    {
    case KIND_BIFURCATION:
      cairo_move_to (cr, x, y - 1.5 * r);
      cairo_line_to (cr, x + 1.5 * r, y);
      cairo_line_to (cr, x, y + 1.5 * r);
      cairo_line_to (cr, x - 1.5 * r, y);
      cairo_close_path (cr);
      break;
    case KIND_VISION:
      star (cr, x, y, 2.2 * r);
      break;
    case KIND_THREAT:
    case KIND_RESOURCE:
      arrow (cr, x, y, r, kind == KIND_THREAT);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r * 0.55, 0, 2 * G_PI);
      break;
    case KIND_WEAK_SIGNAL:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r * 1.05, 0, 2 * G_PI);
      break;
    case KIND_ACTION:
      cairo_rectangle (cr, x - 0.8 * r, y - 0.8 * r, 1.6 * r, 1.6 * r);
      break;
    case KIND_MILESTONE:
    case N_KINDS:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

/* A weak signal is a ring; every other marker is filled, with a thin halo of
 * the background that sets it off the path beneath. */
static void
paint_markers (V21DiagramLayout *self,
               cairo_t          *cr,
               double            r,
               const V21Rgba    *color,
               gboolean          hollow)
{
  const V21RenderStyle *style = &self->style;

  if (hollow)
    {
      v21_render_set_color (cr, &style->background, 1.0);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, r * 0.45);
      v21_render_set_color (cr, color, 1.0);
      cairo_stroke (cr);
      return;
    }
  cairo_set_line_width (cr, style->hairline * 3);
  v21_render_set_color (cr, &style->background, 1.0);
  cairo_stroke_preserve (cr);
  v21_render_set_color (cr, color, 1.0);
  cairo_fill (cr);
}

static void
draw_marker (V21DiagramLayout *self,
             cairo_t          *cr,
             PointKind         kind,
             double            x,
             double            y,
             double            r,
             const V21Rgba    *color)
{
  marker_path (cr, kind, x, y, r);
  paint_markers (self, cr, r, color, kind == KIND_WEAK_SIGNAL);
}

/* An action's square is tied by a dotted line to the milestone it prepares:
 * the first one at or after its year on the same trajectory. */
static const Point *
action_milestone (V21DiagramLayout *self,
                  const Point      *action)
{
  GPtrArray *path = g_array_index (self->trajectories, Trajectory, action->trajectory).path;
  const Point *last = NULL;

  for (guint i = 0; i < path->len; i++)
    {
      const Point *point = g_ptr_array_index (path, i);

      if (point->kind != KIND_MILESTONE && point->kind != KIND_VISION && point->kind != KIND_BIFURCATION)
        continue;
      if (!has_label (point))
        continue;
      last = point;
      if (point->year >= action->year)
        return point;
    }
  return last;
}

/* On vector surfaces (PDF, SVG) every marker is a path. */
static void
trace_markers (V21DiagramLayout *self,
               cairo_t          *cr)
{
  for (guint i = 0; i < self->n_points; i++)
    {
      const Point *point = &self->points[i];

      if (has_marker (point))
        draw_marker (self, cr, point->kind, point->x, point->y, self->style.marker_size,
                     point_color (self, point));
    }
}

/* Whether @cr draws pixels with no rotation or shear: markers may then be
 * stamped from small pictures, which costs a fraction of hundreds of paths. */
static gboolean
raster_target (cairo_t *cr)
{
  cairo_matrix_t matrix;

  cairo_get_matrix (cr, &matrix);
  return cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE
      && matrix.xy == 0 && matrix.yx == 0 && matrix.xx > 0 && matrix.yy > 0;
}

typedef struct
{
  PointKind          kind;
  const V21Rgba     *color;
  cairo_surface_t   *picture;
  cairo_rectangle_t  box;      /* relative to the point */
} Stamp;

static Stamp *
find_stamp (V21DiagramLayout *self,
            cairo_t          *cr,
            GArray           *stamps,
            const Point      *point)
{
  const V21Rgba *color = point_color (self, point);
  Point origin = { .kind = point->kind };
  cairo_matrix_t matrix;
  double clearance, margin = self->style.hairline * 3;
  Stamp stamp = { point->kind, color, NULL, { 0 } };
  cairo_t *picture_cr;

  for (guint i = 0; i < stamps->len; i++)
    {
      Stamp *known = &g_array_index (stamps, Stamp, i);

      if (known->kind == point->kind && known->color == color)
        return known;
    }
  cairo_get_matrix (cr, &matrix);
  marker_box (self, &origin, &stamp.box, &clearance);
  stamp.box.x -= margin;
  stamp.box.y -= margin;
  stamp.box.width += 2 * margin;
  stamp.box.height += 2 * margin;
  stamp.picture = cairo_surface_create_similar_image (cairo_get_target (cr), CAIRO_FORMAT_ARGB32,
                                                      (int) ceil (stamp.box.width * matrix.xx) + 1,
                                                      (int) ceil (stamp.box.height * matrix.yy) + 1);
  cairo_surface_set_device_scale (stamp.picture, matrix.xx, matrix.yy);
  picture_cr = cairo_create (stamp.picture);
  cairo_translate (picture_cr, -stamp.box.x, -stamp.box.y);
  draw_marker (self, picture_cr, point->kind, 0, 0, self->style.marker_size, color);
  cairo_destroy (picture_cr);
  g_array_append_val (stamps, stamp);
  return &g_array_index (stamps, Stamp, stamps->len - 1);
}

static void
stamp_markers (V21DiagramLayout *self,
               cairo_t          *cr)
{
  g_autoptr(GArray) stamps = g_array_new (FALSE, FALSE, sizeof (Stamp));

  for (guint i = 0; i < self->n_points; i++)
    {
      const Point *point = &self->points[i];
      Stamp *stamp;
      double x, y;

      if (!has_marker (point))
        continue;
      stamp = find_stamp (self, cr, stamps, point);
      /* On whole pixels, so the picture is copied, not resampled. */
      x = point->x + stamp->box.x;
      y = point->y + stamp->box.y;
      cairo_user_to_device (cr, &x, &y);
      x = round (x);
      y = round (y);
      cairo_device_to_user (cr, &x, &y);
      cairo_set_source_surface (cr, stamp->picture, x, y);
      cairo_rectangle (cr, x, y, stamp->box.width, stamp->box.height);
      cairo_fill (cr);
    }
  for (guint i = 0; i < stamps->len; i++)
    cairo_surface_destroy (g_array_index (stamps, Stamp, i).picture);
}

static void
draw_markers (V21DiagramLayout *self,
              cairo_t          *cr)
{
  g_autoptr(GPtrArray) colors = g_ptr_array_new ();

  /* Solid and faint rather than dotted, one stroke per colour: long links
   * drawn one by one cost more than all the markers together. */
  cairo_set_line_width (cr, self->style.hairline);
  for (guint i = 0; i < self->n_points; i++)
    {
      const V21Rgba *color = point_color (self, &self->points[i]);

      if (self->points[i].kind == KIND_ACTION && !g_ptr_array_find (colors, color, NULL))
        g_ptr_array_add (colors, (gpointer) color);
    }
  for (guint c = 0; c < colors->len; c++)
    {
      for (guint i = 0; i < self->n_points; i++)
        {
          const Point *point = &self->points[i];
          const Point *milestone = point->kind == KIND_ACTION ? action_milestone (self, point) : NULL;

          if (milestone == NULL || point_color (self, point) != g_ptr_array_index (colors, c))
            continue;
          cairo_move_to (cr, point->x, point->y - self->style.marker_size);
          cairo_line_to (cr, milestone->x, milestone->y);
        }
      v21_render_set_color (cr, g_ptr_array_index (colors, c), 0.35);
      cairo_stroke (cr);
    }

  if (raster_target (cr))
    stamp_markers (self, cr);
  else
    trace_markers (self, cr);
}

static void
draw_labels (V21DiagramLayout *self,
             cairo_t          *cr)
{
  const V21RenderStyle *style = &self->style;

  /* Leader lines, then every label's halo, in one stroke and one fill. */
  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);
      const cairo_rectangle_t *box = &label->placement.box;
      double ax = label->point->x, ay = label->point->y, bx, by, length, clearance;
      cairo_rectangle_t marker;

      if (!label->placement.placed || !label->placement.leader)
        continue;
      marker_box (self, label->point, &marker, &clearance);
      bx = CLAMP (ax, box->x, box->x + box->width);
      by = CLAMP (ay, box->y, box->y + box->height);
      length = hypot (bx - ax, by - ay);
      if (length > clearance)
        {
          cairo_move_to (cr, ax + (bx - ax) * clearance / length, ay + (by - ay) * clearance / length);
          cairo_line_to (cr, bx, by);
        }
    }
  cairo_set_line_width (cr, style->hairline);
  v21_render_set_color (cr, &style->muted, 0.8);
  cairo_stroke (cr);

  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);
      const cairo_rectangle_t *box = &label->placement.box;

      if (label->placement.placed)
        v21_render_rounded_rectangle (cr, box->x, box->y, box->width, box->height, label->pad);
    }
  v21_render_set_color (cr, &style->label_background, 1.0);
  cairo_fill (cr);

  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);

      if (label->placement.placed)
        v21_render_text_show (cr, label->layout, label->placement.box.x + label->pad,
                              label->placement.box.y + label->pad / 2, &style->foreground);
    }
}

static void
draw_legend (V21DiagramLayout *self,
             cairo_t          *cr)
{
  const V21RenderStyle *style = &self->style;
  double gap = style->small_size * 0.5;

  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendItem *item = &g_array_index (self->legend, LegendItem, i);
      double sample = legend_sample_width (self, item);
      double height = text_height (item->text);
      double cy = item->y + height / 2;

      if (item->line)
        {
          cairo_move_to (cr, item->x, cy);
          cairo_line_to (cr, item->x + sample, cy);
          set_path_style (self, cr, item->which, 0.8);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else if (item->which < 0)
        {
          cairo_move_to (cr, item->x, cy);
          cairo_line_to (cr, item->x + sample, cy - height * 0.45);
          cairo_line_to (cr, item->x + sample, cy + height * 0.45);
          cairo_close_path (cr);
          v21_render_set_color (cr, &style->cone, 2.5);
          cairo_fill (cr);
        }
      else
        {
          Point fake = { .kind = item->which };
          const V21Rgba *color = item->which == KIND_MILESTONE || item->which == KIND_ACTION
                                 ? &style->past : NULL;

          if (color == NULL)
            {
              fake.trajectory = 0;
              color = self->trajectories->len > 0 ? point_color (self, &fake) : &style->past;
            }
          double r = style->small_size * (item->which == KIND_THREAT || item->which == KIND_RESOURCE ? 0.24 : 0.32);

          /* Arrows are centred on their length, not on their tip. */
          if (item->which == KIND_THREAT)
            cy += 1.85 * r;
          else if (item->which == KIND_RESOURCE)
            cy -= 1.85 * r;
          draw_marker (self, cr, item->which, item->x + sample / 2, cy, r, color);
        }
      v21_render_text_show (cr, item->text, item->x + sample + gap, item->y, &style->muted);
    }
}

void
v21_diagram_layout_draw (V21DiagramLayout *self,
                         cairo_t          *cr)
{
  const V21RenderStyle *style = &self->style;

  g_return_if_fail (self != NULL && cr != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);
  /* A quarter of a unit is finer than the eye sees, and flattens curves faster. */
  cairo_set_tolerance (cr, 0.25);
  v21_render_set_color (cr, &style->background, 1.0);
  cairo_paint (cr);

  draw_frame (self, cr);
  draw_cone (self, cr);
  draw_axes (self, cr);
  draw_today_and_horizon (self, cr);
  draw_paths (self, cr);
  draw_markers (self, cr);
  draw_labels (self, cr);
  draw_legend (self, cr);
  v21_render_text_show (cr, self->title, style->padding, self->title_y, &style->foreground);
  if (self->empty_label != NULL)
    {
      double width, height;
      const cairo_rectangle_t *plot = &self->geometry.plot;

      v21_render_text_size (self->empty_label, &width, &height);
      v21_render_text_show (cr, self->empty_label, plot->x + (plot->width - width) / 2,
                            plot->y + (plot->height - height) / 2, &style->muted);
    }
  cairo_restore (cr);
}

void
v21_render_trajectories (V21Workshop          *workshop,
                         const char           *scenario_id,
                         cairo_t              *cr,
                         double                width,
                         double                height,
                         const V21RenderStyle *style)
{
  g_autoptr(V21DiagramLayout) layout = NULL;

  g_return_if_fail (V21_IS_WORKSHOP (workshop));
  g_return_if_fail (cr != NULL && style != NULL);

  layout = v21_diagram_layout_new (workshop, scenario_id, width, height, style);
  v21_diagram_layout_draw (layout, cr);
}
