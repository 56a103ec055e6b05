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
  Point                *point;
  PangoLayout          *layout;      /* the year and the text, beside the point */
  PangoLayout          *key_text;    /* the same in the key, when numbered */
  PangoLayout          *number;      /* the number at the point */
  PangoLayout          *key_number;  /* and in the key */
  double                width;       /* of @layout, measured once */
  double                height;
  double                key_height;  /* of @key_text */
  double                key_size;    /* the size @key_text was laid out at */
  gboolean              fits;        /* on at most three lines: may stand beside the point */
  gboolean              crowding;    /* beside its point, it left no room for numbers: numbered */
  V21LabelPlacement     placement;
  V21DiagramLabelState  state;
  guint                 number_value;
  cairo_rectangle_t     key_box;
  double                pad;
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
  V21DiagramOptions   options;
  double              label_size;     /* of labels and key */
  double              number_width;   /* the box of the widest number, measured once */
  double              number_height;
  double              legend_size;
  double              legend_top;
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
  GPtrArray          *curves;         /* GArray of double (x, y pairs), per trajectory */
  GArray             *legend;         /* LegendItem */
  GArray             *texts;          /* V21DiagramText */
  double              key_top;
  double              key_height;
  double              key_column;     /* width of a column of the key */
  double              key_size;       /* of the key's text: the labels', or smaller to hold them all */
  guint               key_columns;
  PangoLayout        *key_rest;       /* "12 more labels…", or NULL */
  double              key_rest_y;
  gboolean            side_panel;     /* legend and key right of the plot */
  double              panel_x;
  double              panel_width;
  double              key_x;
  gboolean            axis_rotated;
  double              axis_x;
  double              axis_y;

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
  LegendItem item = { line, which, NULL, 0, 0 };

  item.text = v21_render_text_layout (self->context, &self->style, legend_text (line, which),
                                      self->legend_size, FALSE, -1, 0);
  g_array_append_val (self->legend, item);
}

static double
legend_sample_width (V21DiagramLayout *self,
                     const LegendItem *item)
{
  return item->line ? self->style.small_size * 2.0 : self->style.small_size * 1.1;
}

/* Lays the legend out in centred rows from @top; returns its height. */
static double
layout_legend (V21DiagramLayout *self,
               double            left,
               double            right,
               double            top,
               gboolean          place)
{
  double line_height = self->style.small_size * 1.4;
  double space = self->style.small_size * 1.1;
  double gap = self->style.small_size * 0.4;
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
clear_legend (V21DiagramLayout *self)
{
  for (guint i = 0; i < self->legend->len; i++)
    g_object_unref (g_array_index (self->legend, LegendItem, i).text);
  g_array_set_size (self->legend, 0);
}

/* The legend on two lines at most: its text a little smaller when that is
 * what it takes (never below three quarters of the small size). */
static void
fit_legend (V21DiagramLayout *self)
{
  double pad = self->style.padding;

  self->legend_size = self->style.small_size;
  build_legend (self);
  while (layout_legend (self, pad, self->width - pad, 0, FALSE) > self->style.small_size * 1.4 * 2 + 0.5
         && self->legend_size > self->style.small_size * 0.8)
    {
      clear_legend (self);
      self->legend_size *= 0.92;
      build_legend (self);
    }
}

/* The texts of the frame, which do not depend on the plot's size. */
static void
build_frame_texts (V21DiagramLayout *self,
                   V21Workshop      *workshop,
                   const char       *scenario_id)
{
  const V21RenderStyle *style = &self->style;
  double pad = style->padding;
  g_autofree char *title = diagram_title (workshop, scenario_id);
  g_autofree char *axis = axis_title (self);
  g_autofree char *today = NULL;
  g_autofree char *horizon = NULL;

  /* Wrapped rather than cut: a long scenario title takes a second line. */
  self->title = v21_render_text_layout (self->context, style, title, style->title_size, TRUE,
                                        self->width - 2 * pad, 3);
  /* Translators: above the line of the current year in a trajectory diagram. */
  today = g_strdup_printf (_("Today · %d"), self->geometry.today);
  self->today_label = small_text (self, today, TRUE);
  /* Translators: above the horizon year in a trajectory diagram. */
  horizon = g_strdup_printf (_("Horizon %d"), self->geometry.horizon);
  self->horizon_label = small_text (self, horizon, TRUE);
  self->axis_title = v21_render_text_layout (self->context, style, axis, style->small_size, FALSE,
                                             self->width - 2 * pad, 0);
  pango_layout_set_wrap (self->axis_title, PANGO_WRAP_WORD);
  pango_layout_set_alignment (self->axis_title, PANGO_ALIGN_CENTER);
  fit_legend (self);
}

static void
set_plot (V21DiagramLayout  *self,
          cairo_rectangle_t *plot)
{
  V21DiagramGeometry geometry = self->geometry;

  plot->width = MAX (plot->width, 1);
  plot->height = MAX (plot->height, 1);
  v21_diagram_geometry_init (&self->geometry, plot, geometry.year_min, geometry.year_max);
  self->geometry.today = geometry.today;
  self->geometry.horizon = geometry.horizon;
}

/* The widest line of @layout: a wrapped word longer than the width overflows it. */
static double
max_line_width (PangoLayout *layout)
{
  double widest = 0;

  for (int i = 0; i < pango_layout_get_line_count (layout); i++)
    {
      PangoRectangle logical;

      pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, i), NULL, &logical);
      widest = MAX (widest, (double) logical.width / PANGO_SCALE);
    }
  return widest;
}

/* The level axis's title goes up along the plot when it fits there on one
 * line or two; else it lies above the axis on a line of its own, from @top.
 * Returns the room it takes above the plot. */
static double
place_axis_title (V21DiagramLayout  *self,
                  cairo_rectangle_t *plot,
                  double             top)
{
  const V21RenderStyle *style = &self->style;
  double gap = style->small_size * 0.6;
  double height;

  /* Turned up, on one line or two, when it fits whole along the plot. */
  pango_layout_set_width (self->axis_title, (int) (MAX (plot->height - gap, 1) * PANGO_SCALE));
  self->axis_rotated = pango_layout_get_line_count (self->axis_title) <= 2
                       && !pango_layout_is_ellipsized (self->axis_title)
                       && max_line_width (self->axis_title) <= plot->height - gap;
  if (self->axis_rotated)
    {
      v21_render_text_size (self->axis_title, NULL, &height);
      plot->width += plot->x - (style->padding + height + gap * 1.5);
      plot->x = style->padding + height + gap * 1.5;
      set_plot (self, plot);
      return 0;
    }
  pango_layout_set_width (self->axis_title, (int) ((self->width - 2 * style->padding) * PANGO_SCALE));
  pango_layout_set_alignment (self->axis_title, PANGO_ALIGN_LEFT);
  v21_render_text_size (self->axis_title, NULL, &height);
  plot->width += plot->x - (style->padding + style->small_size);
  plot->x = style->padding + style->small_size;
  set_plot (self, plot);
  self->axis_x = style->padding;
  self->axis_y = top;
  return height + gap * 0.6;
}

static double header_x (V21DiagramLayout *self, PangoLayout *text, double x);

/* "Today · 2026" and "Horizon 2056" stand on the line of the years, under
 * their lines: the years they would cover are not written. */
static void
hide_ticks (V21DiagramLayout *self)
{
  const V21DiagramGeometry *g = &self->geometry;
  double gap = self->style.small_size * 0.5;
  double today = header_x (self, self->today_label, v21_diagram_year_to_x (g, g->today));
  double horizon = header_x (self, self->horizon_label, v21_diagram_year_to_x (g, g->horizon));
  double today_end = today + text_width (self->today_label) + gap;
  double horizon_end = horizon + text_width (self->horizon_label) + gap;

  for (guint i = 0; i < self->ticks->len; i++)
    {
      PangoLayout *tick = g_ptr_array_index (self->ticks, i);
      int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tick), "year"));
      double x = v21_diagram_year_to_x (g, year) - text_width (tick) / 2;
      double end = x + text_width (tick);
      gboolean hidden = (end > today - gap && x < today_end) || (end > horizon - gap && x < horizon_end);

      g_object_set_data (G_OBJECT (tick), "hidden", GINT_TO_POINTER (hidden));
    }
}

/* A projector's picture is short for its width: the key goes in a column
 * right of the plot, which keeps the height. */
/* Where the title, headers, plot, ticks, key and legend go, the key
 * taking @key_height: the plot takes what is left. */
static void
compute_frame (V21DiagramLayout *self,
               double            key_height)
{
  const V21RenderStyle *style = &self->style;
  double pad = style->padding;
  double small_line = style->small_size * 1.35;
  double gap = style->small_size * 0.6;
  cairo_rectangle_t plot;
  double top, bottom, legend_height, left, right, above;

  right = self->width - pad - style->small_size * 1.2;
  if (self->side_panel)
    {
      self->panel_width = self->width * 0.25;
      self->panel_x = self->width - pad - self->panel_width;
      right = self->panel_x - style->small_size * 1.5;
    }
  legend_height = layout_legend (self, pad, self->width - pad, 0, FALSE);

  self->title_y = pad;
  top = self->title_y + text_height (self->title) + gap;
  bottom = self->height - pad - legend_height - gap;
  bottom -= key_height > 0 && !self->side_panel ? key_height + gap : 0;
  bottom -= small_line + gap;                       /* tick labels */

  left = pad + style->small_size * 2.7 + gap * 1.5;
  plot = (cairo_rectangle_t) { left, top, right - left, bottom - top };
  set_plot (self, &plot);
  above = place_axis_title (self, &plot, top - gap * 0.4);
  if (above > 0)
    {
      plot.y += above;
      plot.height -= above;
      set_plot (self, &plot);
    }
  plot = self->geometry.plot;
  self->tick_y = plot.y + plot.height + gap * 0.6;
  self->header_y = self->tick_y;
  self->key_top = self->tick_y + small_line + gap;
  self->key_height = key_height;
  self->key_x = pad;
  if (self->side_panel)
    {
      self->key_x = self->panel_x;
      self->key_top = plot.y;
    }
  self->legend_top = self->height - pad - legend_height;
  layout_legend (self, pad, self->width - pad, self->legend_top, TRUE);
  self->tick_step = choose_tick_step (self, plot.width);
  g_ptr_array_set_size (self->ticks, 0);
  build_ticks (self);
  hide_ticks (self);
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
      point->y = v21_diagram_level_to_y (&self->geometry, point->level);
    }
}

/* The height of @curve (x, y pairs by x) at @x; its ends' beyond them. */
static double
curve_y_at (GArray *curve,
            double  x)
{
  const double *xy = (const double *) curve->data;
  guint n = curve->len / 2;

  if (x <= xy[0])
    return xy[1];
  for (guint k = 1; k < n; k++)
    if (x <= xy[2 * k] && xy[2 * k] > xy[2 * k - 2])
      return xy[2 * k - 1] + (xy[2 * k + 1] - xy[2 * k - 1]) * (x - xy[2 * k - 2]) / (xy[2 * k] - xy[2 * k - 2]);
  return xy[2 * n - 1];
}

/* An action sits on its trajectory's line at its year, inside the plot: it
 * does not shape the path, it is a step taken along it. */
static void
place_actions (V21DiagramLayout *self)
{
  for (guint i = 0; i < self->n_points; i++)
    {
      Point *point = &self->points[i];
      GArray *curve = g_ptr_array_index (self->curves, point->trajectory);

      if (point->kind == KIND_ACTION && curve->len >= 2)
        point->y = curve_y_at (curve, point->x);
    }
}

/* The control points of the segment from point @i to @i + 1 of @path: a
 * smooth curve through the points that never overshoots them (each
 * segment's control points stay within the segment's box). */
static void
curve_controls (GPtrArray *path,
                guint      i,
                double     c[4])
{
  const Point *p0 = g_ptr_array_index (path, i > 0 ? i - 1 : i);
  const Point *p1 = g_ptr_array_index (path, i);
  const Point *p2 = g_ptr_array_index (path, i + 1);
  const Point *p3 = g_ptr_array_index (path, i + 2 < path->len ? i + 2 : i + 1);
  double lo_y = MIN (p1->y, p2->y), hi_y = MAX (p1->y, p2->y);

  c[0] = CLAMP (p1->x + (p2->x - p0->x) / 6, p1->x, p2->x);
  c[1] = CLAMP (p1->y + (p2->y - p0->y) / 6, lo_y, hi_y);
  c[2] = CLAMP (p2->x - (p3->x - p1->x) / 6, p1->x, p2->x);
  c[3] = CLAMP (p2->y - (p3->y - p1->y) / 6, lo_y, hi_y);
}

#define CURVE_STEPS 8

/* Each curve flattened into a polyline, for the placer and the tests. */
static void
compute_curves (V21DiagramLayout *self)
{
  g_ptr_array_set_size (self->curves, 0);
  for (guint i = 0; i < self->trajectories->len; i++)
    {
      GPtrArray *path = g_array_index (self->trajectories, Trajectory, i).path;
      GArray *curve = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint j = 0; j < path->len; j++)
        {
          const Point *p1 = g_ptr_array_index (path, j);
          const Point *p2 = j + 1 < path->len ? g_ptr_array_index (path, j + 1) : NULL;
          double c[4];

          g_array_append_val (curve, p1->x);
          g_array_append_val (curve, p1->y);
          if (p2 == NULL)
            break;
          curve_controls (path, j, c);
          for (int k = 1; k < CURVE_STEPS; k++)
            {
              double t = (double) k / CURVE_STEPS, u = 1 - t;
              double x = u * u * u * p1->x + 3 * u * u * t * c[0] + 3 * u * t * t * c[2] + t * t * t * p2->x;
              double y = u * u * u * p1->y + 3 * u * u * t * c[1] + 3 * u * t * t * c[3] + t * t * t * p2->y;

              g_array_append_val (curve, x);
              g_array_append_val (curve, y);
            }
        }
      g_ptr_array_add (self->curves, curve);
    }
}

/* Paths are soft obstacles (labels keep off them when they can) and lines no
 * leader crosses. */
static void
add_path_obstacles (V21DiagramLayout *self,
                    V21LabelPlacer   *placer)
{
  double half = self->style.desired_width / 2 + self->style.hairline;
  const cairo_rectangle_t *plot = &self->geometry.plot;
  double today_x = v21_diagram_year_to_x (&self->geometry, self->geometry.today);
  cairo_rectangle_t today = { today_x - self->style.today_width, plot->y,
                              2 * self->style.today_width, plot->height };

  v21_label_placer_add_obstacle (placer, &today, TRUE);
  for (guint i = 0; i < self->curves->len; i++)
    {
      GArray *curve = g_ptr_array_index (self->curves, i);
      const double *xy = (const double *) curve->data;

      for (guint j = 2; j + 1 < curve->len; j += 2)
        {
          double x0 = xy[j - 2], y0 = xy[j - 1], x1 = xy[j], y1 = xy[j + 1];
          cairo_rectangle_t box = { MIN (x0, x1) - half, MIN (y0, y1) - half,
                                    fabs (x1 - x0) + 2 * half, fabs (y1 - y0) + 2 * half };

          v21_label_placer_add_obstacle (placer, &box, TRUE);
          v21_label_placer_add_line (placer, x0, y0, x1, y1);
        }
    }
}

/* Lower first: the vision, bifurcations and flagged milestones, then the
 * other milestones, threats and resources, weak signals, actions. */
static int
label_priority (V21DiagramLayout *self,
                const Point      *point)
{
  static const int kind_priority[] = { 2, 1, 0, 3, 3, 4, 5 };
  const Trajectory *trajectory = &g_array_index (self->trajectories, Trajectory, point->trajectory);
  int kind = kind_priority[point->kind];

  if (v21_record_get_bool (point->record, "highlight"))
    kind = MIN (kind, 1);
  return kind * 10 + (9 - style_rank[trajectory->style]);
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

/* The label without a year it would repeat ("2056 Le bocage" at 2056). */
static const char *
label_text (const Point *point)
{
  const char *text = v21_record_get_string (point->record, "label");
  g_autofree char *year = g_strdup_printf ("%d", point->year);
  const char *rest;

  if (!g_str_has_prefix (text, year))
    return text;
  rest = text + strlen (year);
  if (*rest != ' ' && *rest != ':' && *rest != ',' && *rest != '-' && *rest != '\0'
      && !g_str_has_prefix (rest, "\u00a0") && !g_str_has_prefix (rest, "\u2014")
      && !g_str_has_prefix (rest, "\u2013"))
    return text;
  while (*rest != '\0' && (g_unichar_isspace (g_utf8_get_char (rest)) || strchr (":,-", *rest) != NULL
                           || g_utf8_get_char (rest) == 0x2014 || g_utf8_get_char (rest) == 0x2013))
    rest = g_utf8_next_char (rest);
  return *rest != '\0' ? rest : text;
}

/* Labels shaped once, kept across layouts (per thread, as Pango's font
 * maps are): the editor lays the diagram out again at each step of a drag,
 * the projector at each change of the workshop, and their labels' texts
 * and widths seldom change. A text not asked for in the last few layouts
 * goes when there are many. */
#define TEXT_CACHE_SIZE 2048
#define TEXT_CACHE_AGE 4

typedef struct
{
  PangoLayout *layout;
  guint64      used;   /* the layout that last asked for it */
} CachedText;

static void
cached_text_free (CachedText *cached)
{
  g_object_unref (cached->layout);
  g_free (cached);
}

static GPrivate text_cache_key = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);
static _Thread_local guint64 text_cache_generation;

static GHashTable *
text_cache (void)
{
  GHashTable *cache = g_private_get (&text_cache_key);

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cached_text_free);
      g_private_set (&text_cache_key, cache);
    }
  return cache;
}

static gboolean
cached_text_old (gpointer key,
                 gpointer value,
                 gpointer data)
{
  return ((CachedText *) value)->used + TEXT_CACHE_AGE < text_cache_generation;
}

/* A new layout begins: the texts not asked for lately go, when many. */
static void
text_cache_next (void)
{
  GHashTable *cache = text_cache ();

  text_cache_generation++;
  if (g_hash_table_size (cache) > TEXT_CACHE_SIZE)
    g_hash_table_foreach_remove (cache, cached_text_old, NULL);
}

void
v21_diagram_forget_texts (void)
{
  g_hash_table_remove_all (text_cache ());
}

/* "2032 Grande sécheresse", the year in the marker's colour and bold,
 * wrapped at word boundaries within @max_width, never cut. */
static PangoLayout *
year_and_text (V21DiagramLayout *self,
               Point            *point,
               double            size,
               double            max_width)
{
  g_autofree char *year = g_strdup_printf ("%d", point->year);
  g_autofree char *text = g_strdup_printf ("%s\u2002%s", year, label_text (point));
  /* What the layout shows (see v21_render_text_layout), which the cache
   * knows it by. */
  g_autofree char *shown = self->style.consent != NULL ? v21_consent_text_apply (self->style.consent, text)
                                                       : g_strdup (text);
  const V21Rgba *c = point_color (self, point);
  gboolean bold_text = point->kind == KIND_VISION;
  g_autofree char *key = g_strdup_printf ("%p|%s|%.3f|%d|%.3f|%d|%.4f,%.4f,%.4f|%zu|%s",
                                          (void *) pango_context_get_font_map (self->context),
                                          self->style.font_family, size, bold_text, max_width,
                                          self->style.typography, c->red, c->green, c->blue,
                                          strlen (year), shown);
  GHashTable *cache = text_cache ();
  CachedText *cached = g_hash_table_lookup (cache, key);
  V21RenderStyle style = self->style;
  PangoLayout *layout;
  PangoAttrList *attrs;
  PangoAttribute *bold, *color;

  if (cached != NULL)
    {
      cached->used = text_cache_generation;
      return g_object_ref (cached->layout);
    }
  style.consent = NULL;   /* applied above */
  layout = v21_render_text_layout (self->context, &style, shown, size, bold_text, max_width, 0);
  attrs = pango_attr_list_new ();
  bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  color = pango_attr_foreground_new (c->red * 65535, c->green * 65535, c->blue * 65535);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  bold->start_index = color->start_index = 0;
  bold->end_index = color->end_index = strlen (year);
  pango_attr_list_insert (attrs, bold);
  pango_attr_list_insert (attrs, color);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  cached = g_new0 (CachedText, 1);
  cached->layout = g_object_ref (layout);
  cached->used = text_cache_generation;
  g_hash_table_insert (cache, g_steal_pointer (&key), cached);
  return layout;
}

static double
label_font_size (V21DiagramLayout *self,
                 const Point      *point)
{
  return point->kind == KIND_ACTION ? MIN (self->style.small_size, self->label_size) : self->label_size;
}

/* Whether @layout, wrapped at words within @max_width, is sure to need
 * more than three lines at @wider (so that laying it out again would only
 * say so): no word overflows @max_width, hence none overflows @wider, and
 * three lines of @wider could not hold the text of its lines, even with
 * half an em of slack per break (its space, the shaping either side). */
static gboolean
beyond_three_lines (PangoLayout *layout,
                    double       max_width,
                    double       wider,
                    double       em)
{
  int n_lines = pango_layout_get_line_count (layout);
  double total = 0;

  for (int i = 0; i < n_lines; i++)
    {
      PangoRectangle logical;

      pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, i), NULL, &logical);
      if ((double) logical.width / PANGO_SCALE > max_width)
        return FALSE;
      total += (double) logical.width / PANGO_SCALE;
    }
  return total - (n_lines + 1) * 0.5 * em > 3 * wider;
}

/* Whether a long label surely needs more than three lines of @wider, told
 * from its glyphs on one line (shaped once, where wrapping shapes again at
 * each line, and measured by adding their advances): its words, cut at
 * spaces (at least as long as what the wrapping cuts), none wider than
 * @wider, so that each of three lines would hold at most @wider, and the
 * whole longer than three such lines and an em of slack per break. */
static gboolean
surely_beyond_three (V21DiagramLayout *self,
                     Point            *point,
                     double            size,
                     double            wider)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutLine *line;
  const char *text;
  double total = 0, word = 0;

  /* Most characters are wider than 0.45 em: a shorter text may fit. */
  if (g_utf8_strlen (label_text (point), -1) * 0.45 * size <= 3 * wider + 2 * size)
    return FALSE;
  layout = year_and_text (self, point, size, -1);
  text = pango_layout_get_text (layout);
  line = pango_layout_get_line_readonly (layout, 0);
  if (pango_layout_get_line_count (layout) != 1 || line == NULL)
    return FALSE;
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run->item->analysis.level % 2 != 0)
        return FALSE;   /* right to left: let the wrapping say */
      for (int g = 0; g < run->glyphs->num_glyphs; g++)
        {
          double advance = (double) run->glyphs->glyphs[g].geometry.width / PANGO_SCALE;

          total += advance;
          if (text[run->item->offset + run->glyphs->log_clusters[g]] == ' ')
            word = 0;
          else if ((word += advance) > wider)
            return FALSE;
        }
    }
  return total > 3 * wider + 2 * size;
}

/* A label stands beside its point on at most three lines, a little wider
 * when that is what it takes; a longer one goes to the key. */
static void
make_label (V21DiagramLayout *self,
            Label            *label,
            double            max_width)
{
  double size = label_font_size (self, label->point);

  if (surely_beyond_three (self, label->point, size, max_width * 1.5))
    {
      label->fits = FALSE;   /* never shown beside its point: no layout */
      return;
    }
  label->layout = year_and_text (self, label->point, size, max_width);
  if (pango_layout_get_line_count (label->layout) > 3
      && beyond_three_lines (label->layout, max_width, max_width * 1.5, size))
    label->fits = FALSE;   /* the layout is only kept to be freed: a label that does not fit is never shown beside */
  else if (pango_layout_get_line_count (label->layout) > 3)
    {
      g_object_unref (label->layout);
      label->layout = year_and_text (self, label->point, size, max_width * 1.5);
      label->fits = pango_layout_get_line_count (label->layout) <= 3;
    }
  else
    label->fits = TRUE;
  v21_render_text_size (label->layout, &label->width, &label->height);
}

static void number_size (V21DiagramLayout *self, double *width, double *height);

static void
build_labels (V21DiagramLayout *self)
{
  double gap = self->style.small_size * 0.3;
  /* On a small figure, narrower labels (on more lines) find room nearer. */
  double max_width = MIN (self->style.label_max_width * self->label_size / (self->style.text_size * 0.9),
                          MAX (self->geometry.plot.width * 0.2, self->label_size * 8));

  for (guint i = 0; i < self->n_points; i++)
    {
      Point *point = &self->points[i];
      Label label = { .point = point, .state = V21_LABEL_LEFT_OUT, .pad = gap };

      if (!has_label (point))
        continue;
      make_label (self, &label, point->kind == KIND_ACTION ? max_width * 0.8 : max_width);
      g_array_append_val (self->labels, label);
    }
  g_array_sort_with_data (self->labels, compare_labels, self);
  number_size (self, &self->number_width, &self->number_height);
}

/* The number's box, wide enough for the largest number. */
static void
number_size (V21DiagramLayout *self,
             double           *width,
             double           *height)
{
  g_autofree char *widest = g_strdup_printf ("%u", MAX (self->labels->len, 1));
  g_autoptr(PangoLayout) layout = NULL;

  for (char *c = widest; *c != '\0'; c++)
    *c = '8';
  layout = small_text (self, widest, TRUE);
  v21_render_text_size (layout, width, height);
  *width += self->style.small_size * 0.5;
  *height += self->style.small_size * 0.1;
}

static gboolean
place_one (V21DiagramLayout *self,
           V21LabelPlacer   *placer,
           Label            *label,
           double            width,
           double            height)
{
  cairo_rectangle_t box;
  double clearance;

  marker_box (self, label->point, &box, &clearance);
  return v21_label_placer_place (placer, label->point->x, label->point->y, &box, width, height,
                                 &label->placement);
}

/* What the label mode asks of a label (in the most important mode, the
 * placing stops at the count asked for). */
static V21DiagramLabelState
wanted_state (V21DiagramLayout *self,
              const Label      *label)
{
  switch (self->options.label_mode)
    {
    case V21_DIAGRAM_LABELS_NONE:
      return V21_LABEL_LEFT_OUT;
    case V21_DIAGRAM_LABELS_MOST_IMPORTANT:
      return label->fits ? V21_LABEL_BESIDE : V21_LABEL_LEFT_OUT;
    case V21_DIAGRAM_LABELS_KEY:
      return V21_LABEL_NUMBERED;
    case V21_DIAGRAM_LABELS_ALL:
    default:
      return label->fits && !label->crowding ? V21_LABEL_BESIDE : V21_LABEL_NUMBERED;
    }
}

/* Most important first: each label beside its point when there is room
 * within three years of it, else a number there (the text goes to the key). */
static void
place_number (V21DiagramLayout *self,
              V21LabelPlacer   *target,
              Label            *label)
{
  double width = self->number_width, height = self->number_height;

  if (place_one (self, target, label, width, height))
    return;
  /* A number may go a little further: a longer leader beats no number. */
  v21_label_placer_set_max_distance (target, self->label_size * 10);
  if (!place_one (self, target, label, width, height))
    label->state = V21_LABEL_UNLISTED;
  v21_label_placer_set_max_distance (target, self->label_size * 5);
}

static void
reset_placement (Label *label)
{
  label->placement = (V21LabelPlacement) { { label->point->x, label->point->y, 0, 0 },
                                           label->point->x, label->point->y, FALSE, FALSE, 0, 0, 0, 0 };
}

/* Most important first: each label beside its point when there is room
 * within three years of it, else a number there (the text goes to the key).
 * With @numbers_first, the labels numbered by an earlier try get their
 * number's room before any other label. */
static void
place_labels (V21DiagramLayout *self,
              V21LabelPlacer   *placer,
              gboolean          numbers_first)
{
  guint n_beside = 0;

  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);
      gboolean was_numbered = label->state == V21_LABEL_UNLISTED;

      reset_placement (label);
      label->state = wanted_state (self, label);
      if (numbers_first && was_numbered && label->state != V21_LABEL_LEFT_OUT)
        {
          label->state = V21_LABEL_NUMBERED;
          place_number (self, placer, label);
        }
    }
  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);

      if (label->placement.placed || label->state == V21_LABEL_LEFT_OUT || label->state == V21_LABEL_UNLISTED)
        continue;
      /* The most important that find room, as many as asked. */
      if (self->options.label_mode == V21_DIAGRAM_LABELS_MOST_IMPORTANT && n_beside >= self->options.max_labels)
        {
          label->state = V21_LABEL_LEFT_OUT;
          continue;
        }
      if (label->state == V21_LABEL_BESIDE)
        {
          if (place_one (self, placer, label, label->width + 2 * label->pad, label->height + label->pad))
            {
              n_beside++;
              continue;
            }
          label->state = self->options.label_mode == V21_DIAGRAM_LABELS_ALL ? V21_LABEL_NUMBERED
                                                                            : V21_LABEL_LEFT_OUT;
        }
      if (label->state == V21_LABEL_NUMBERED)
        place_number (self, placer, label);
    }
}

static int
compare_reading_order (gconstpointer a,
                       gconstpointer b)
{
  const Label *p = *(const Label * const *) a;
  const Label *q = *(const Label * const *) b;

  if (p->point->year != q->point->year)
    return p->point->year < q->point->year ? -1 : 1;
  if (p->point->y != q->point->y)
    return p->point->y < q->point->y ? -1 : 1;
  return p->point->order < q->point->order ? -1 : p->point->order > q->point->order;
}

static int
compare_importance (gconstpointer a,
                    gconstpointer b)
{
  const Label *p = *(const Label * const *) a;
  const Label *q = *(const Label * const *) b;

  return p < q ? -1 : p > q;   /* the labels are sorted by importance */
}

/* The numbered labels in reading order: by year, then top to bottom. */
static GPtrArray *
numbered_labels (V21DiagramLayout *self)
{
  GPtrArray *numbered = g_ptr_array_new ();

  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);

      if (label->state == V21_LABEL_NUMBERED)
        g_ptr_array_add (numbered, label);
    }
  g_ptr_array_sort (numbered, compare_reading_order);
  return numbered;
}

/* The key: numbered labels in columns under the plot. */

static void
key_geometry (V21DiagramLayout *self)
{
  double width = self->side_panel ? self->panel_width : self->width - 2 * self->style.padding;
  double gap = self->label_size * 1.2;

  self->key_columns = CLAMP ((guint) (width / (self->label_size * 20)), 1, 4);
  self->key_column = (width - gap * (self->key_columns - 1)) / self->key_columns;
}

/* The label's text in the key, laid out and measured once. */
/* The width of the key's column of numbers. */
static double
key_number_width (V21DiagramLayout *self)
{
  return self->style.small_size * 2.4 * self->key_size / self->label_size;
}

/* The label's text in the key, laid out and measured once per size. */
static void
make_key_text (V21DiagramLayout *self,
               Label            *label)
{
  if (label->key_text != NULL && label->key_size == self->key_size)
    return;
  g_clear_object (&label->key_text);
  label->key_text = year_and_text (self, label->point, self->key_size,
                                   self->key_column - key_number_width (self));
  label->key_size = self->key_size;
  label->key_height = text_height (label->key_text);
}

static void
make_key_entry (V21DiagramLayout *self,
                Label            *label,
                guint             number)
{
  g_autofree char *text = g_strdup_printf ("%u", number);

  g_clear_object (&label->number);
  g_clear_object (&label->key_number);
  label->number = small_text (self, text, TRUE);
  label->key_number = v21_render_text_layout (self->context, &self->style, text,
                                              self->style.small_size * self->key_size / self->label_size,
                                              TRUE, -1, 0);
  make_key_text (self, label);
}

/* Lays out the entries of @numbered from the key's top, row by row, within
 * @limit; returns the height they take (all of them when @limit < 0) and
 * how many fit. */
static double
layout_key (V21DiagramLayout *self,
            GPtrArray        *numbered,
            double            limit,
            gboolean          place,
            guint            *n_fit)
{
  double gap = self->key_size * 1.2, row_gap = self->key_size * 0.3;
  double y = 0;
  guint i = 0;

  while (i < numbered->len)
    {
      double row_height = 0;
      guint end = MIN (i + self->key_columns, numbered->len);

      for (guint j = i; j < end; j++)
        {
          Label *label = g_ptr_array_index (numbered, j);

          make_key_text (self, label);   /* only the entries looked at */
          row_height = MAX (row_height, label->key_height);
        }
      if (limit >= 0 && y + row_height > limit)
        break;
      for (guint j = i; place && j < end; j++)
        {
          Label *label = g_ptr_array_index (numbered, j);

          label->key_box = (cairo_rectangle_t) { self->key_x + (j - i) * (self->key_column + gap),
                                                 self->key_top + y, self->key_column,
                                                 label->key_height };
        }
      y += row_height + row_gap;
      i = end;
    }
  *n_fit = i;
  return y > 0 ? y - row_gap : 0;
}

/* The key's last line when it has no room for @rest labels. */
static PangoLayout *
key_rest_text (V21DiagramLayout *self,
               guint             rest)
{
  /* Translators: the last line of a diagram's key, when it is full; the
   * report has every label. */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more label does not fit in this figure: see the report",
                                                        "%u more labels do not fit in this figure: see the report", rest), rest);

  return v21_render_text_layout (self->context, &self->style, text, self->style.small_size, FALSE,
                                 self->side_panel ? self->panel_width : self->width - 2 * self->style.padding, 0);
}

static guint
count_state (V21DiagramLayout     *self,
             V21DiagramLabelState  state)
{
  guint n = 0;

  for (guint i = 0; i < self->labels->len; i++)
    n += g_array_index (self->labels, Label, i).state == state;
  return n;
}

/* How many of the numbered labels the key has room for, the most important
 * first (@numbered in the order of importance). An entry takes a line at
 * least: no more than the rows of lines the key has are tried, and only the
 * entries tried are laid out. */
static guint
key_max_entries (V21DiagramLayout *self,
                 double            limit)
{
  g_autoptr(PangoLayout) line = v21_render_text_layout (self->context, &self->style, "2026", self->key_size,
                                                        TRUE, -1, 0);
  double row_gap = self->key_size * 0.3;

  return (guint) floor ((limit + row_gap) / (text_height (line) + row_gap) + 0.01) * self->key_columns;
}

static guint
key_room (V21DiagramLayout *self,
          GPtrArray        *numbered,
          double            limit)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  guint n_fit;

  for (guint n = MIN (numbered->len, key_max_entries (self, limit)); n > 0; n--)
    {
      g_ptr_array_set_size (chosen, 0);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (chosen, g_ptr_array_index (numbered, i));
      g_ptr_array_sort (chosen, compare_reading_order);
      layout_key (self, chosen, limit, FALSE, &n_fit);
      if (n_fit == n)
        return n;
    }
  return 0;
}

/* Whether every entry of @numbered fits in the key at the key's size. */
static gboolean
key_holds_all (V21DiagramLayout *self,
               GPtrArray        *numbered)
{
  guint n_fit;

  layout_key (self, numbered, self->key_height, FALSE, &n_fit);
  return n_fit == numbered->len;
}

/* On a projector the key beside the plot holds every numbered label when
 * its text a little smaller is what it takes: down to 0.6 of the labels'
 * size (about 1/50 of the screen's height), still read from the back of a
 * room, rather than send the room to the report. */
#define KEY_SIZE_FLOOR 0.6

static void
fit_key_size (V21DiagramLayout *self,
              GPtrArray        *numbered)
{
  double floor_size = self->label_size * KEY_SIZE_FLOOR;

  self->key_size = self->label_size;
  /* Smaller only when that makes the key complete: with numbers left out
   * anyway, the key counts them at the labels' size. */
  if (!self->side_panel || numbered->len == 0 || count_state (self, V21_LABEL_UNLISTED) > 0
      || key_holds_all (self, numbered))
    return;
  /* Hopeless even at the floor (hundreds of labels): the labels' size, the
   * most important listed and the others counted. */
  self->key_size = floor_size;
  if (numbered->len > key_max_entries (self, self->key_height) || !key_holds_all (self, numbered))
    {
      self->key_size = self->label_size;
      return;
    }
  for (double size = self->label_size * 0.92; size > floor_size; size *= 0.92)
    {
      self->key_size = size;
      if (key_holds_all (self, numbered))
        return;
    }
  self->key_size = floor_size;
}

/* Numbers the labels of the key in reading order; when it is full, the most
 * important stay and its last line counts the others. */
static void
finish_key (V21DiagramLayout *self)
{
  g_autoptr(GPtrArray) numbered = numbered_labels (self);
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  double rest_height, used;
  guint n_fit, room;

  fit_key_size (self, numbered);
  layout_key (self, numbered, self->key_height, FALSE, &n_fit);
  room = numbered->len;
  if (n_fit < numbered->len || count_state (self, V21_LABEL_UNLISTED) > 0)
    {
      g_autoptr(PangoLayout) rest = key_rest_text (self, numbered->len);

      rest_height = text_height (rest) + self->label_size * 0.3;
      g_ptr_array_sort (numbered, compare_importance);
      room = numbered->len > 0 ? key_room (self, numbered, MAX (self->key_height - rest_height, 0)) : 0;
    }
  for (guint i = 0; i < numbered->len; i++)
    {
      Label *label = g_ptr_array_index (numbered, i);

      if (i < room)
        g_ptr_array_add (listed, label);
      else
        {
          label->state = V21_LABEL_UNLISTED;
          label->number_value = 0;
        }
    }
  g_ptr_array_sort (listed, compare_reading_order);
  for (guint i = 0; i < listed->len; i++)
    {
      Label *label = g_ptr_array_index (listed, i);

      make_key_entry (self, label, i + 1);
      label->number_value = i + 1;
    }
  used = layout_key (self, listed, -1, TRUE, &n_fit);
  g_clear_object (&self->key_rest);
  if (room < numbered->len || count_state (self, V21_LABEL_UNLISTED) > numbered->len - room)
    {
      self->key_rest = key_rest_text (self, count_state (self, V21_LABEL_UNLISTED));
      self->key_rest_y = MIN (self->key_top + used + self->label_size * 0.3,
                              self->key_top + self->key_height - text_height (self->key_rest));
    }
}

/* The height the key would need for the labels numbered now. */
static double
key_needed (V21DiagramLayout *self)
{
  g_autoptr(GPtrArray) numbered = numbered_labels (self);
  guint n_fit;

  for (guint i = 0; i < numbered->len; i++)
    make_key_text (self, g_ptr_array_index (numbered, i));
  return layout_key (self, numbered, -1, FALSE, &n_fit);
}

static void
try_labels (V21DiagramLayout *self,
            gboolean          numbers_first)
{
  double gap = self->style.small_size * 0.25;
  const cairo_rectangle_t *plot = &self->geometry.plot;
  /* Labels may use the margin right of the plot, up to the figure's edge. */
  double right = self->side_panel ? self->panel_x - self->style.small_size * 0.8
                                  : self->width - self->style.padding * 0.5;
  cairo_rectangle_t bounds = { plot->x + self->style.hairline, plot->y, right - plot->x, plot->height };
  g_autoptr(V21LabelPlacer) placer = v21_label_placer_new (&bounds, gap);
  /* Within three years of its point: the reader reads the year under it. */
  double window = 3 * plot->width / MAX (self->geometry.year_max - self->geometry.year_min, 1);

  /* Leaders stay short: a few lines at most. */
  v21_label_placer_set_max_distance (placer, self->label_size * 5);
  v21_label_placer_set_window (placer, window);

  g_array_set_size (self->markers, 0);
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
      v21_label_placer_add_obstacle (placer, &box, FALSE);
    }
  add_path_obstacles (self, placer);
  place_labels (self, placer, numbers_first);
}

static guint count_state (V21DiagramLayout *self, V21DiagramLabelState state);

/* The label beside its point whose box is nearest to the point of a label
 * whose number found no room, or NULL. */
static Label *
crowding_label (V21DiagramLayout *self)
{
  Label *nearest = NULL;
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < self->labels->len; i++)
    {
      const Label *unlisted = &g_array_index (self->labels, Label, i);

      if (unlisted->state != V21_LABEL_UNLISTED)
        continue;
      for (guint j = 0; j < self->labels->len; j++)
        {
          Label *beside = &g_array_index (self->labels, Label, j);
          const cairo_rectangle_t *box = &beside->placement.box;
          double dx, dy;

          if (beside->state != V21_LABEL_BESIDE)
            continue;
          dx = MAX (MAX (box->x - unlisted->point->x, unlisted->point->x - (box->x + box->width)), 0);
          dy = MAX (MAX (box->y - unlisted->point->y, unlisted->point->y - (box->y + box->height)), 0);
          if (dx * dx + dy * dy < best)
            {
              best = dx * dx + dy * dy;
              nearest = beside;
            }
        }
    }
  return nearest;
}

/* A second try when some numbers found no room: numbers first. When some
 * still find none, the label beside its point nearest to them is numbered
 * too (a number takes less room than a text), and so on: every label is
 * written beside its point or numbered, never dropped, as long as the key
 * has room. */
#define MAX_CROWDING_TRIES 8

static void
compute_labels (V21DiagramLayout *self)
{
  for (guint i = 0; i < self->labels->len; i++)
    {
      g_array_index (self->labels, Label, i).state = V21_LABEL_LEFT_OUT;
      g_array_index (self->labels, Label, i).crowding = FALSE;
    }
  try_labels (self, FALSE);
  if (count_state (self, V21_LABEL_UNLISTED) > 0)
    try_labels (self, TRUE);
  /* A few: hundreds of labels with no room are not saved this way, and
   * each try places them all again. */
  if (count_state (self, V21_LABEL_UNLISTED) > MAX_CROWDING_TRIES)
    return;
  for (int k = 0; k < MAX_CROWDING_TRIES && count_state (self, V21_LABEL_UNLISTED) > 0; k++)
    {
      Label *crowding = crowding_label (self);

      if (crowding == NULL)
        break;
      crowding->crowding = TRUE;
      try_labels (self, TRUE);
    }
  if (count_state (self, V21_LABEL_UNLISTED) == 0)
    return;
  /* In vain: the labels beside their points as at first (the key will
   * count those left out). */
  for (guint i = 0; i < self->labels->len; i++)
    {
      g_array_index (self->labels, Label, i).state = V21_LABEL_LEFT_OUT;
      g_array_index (self->labels, Label, i).crowding = FALSE;
    }
  try_labels (self, FALSE);
  if (count_state (self, V21_LABEL_UNLISTED) > 0)
    try_labels (self, TRUE);
}

/* Everything that depends on the plot's size, for a key of @key_height. */
static void
compute_pass (V21DiagramLayout *self,
              double            key_height)
{
  compute_frame (self, key_height);
  compute_positions (self);
  compute_curves (self);
  place_actions (self);
  compute_labels (self);
}

/* The key takes what its labels need, as long as the plot keeps its share
 * of the height (60 % on a projector, half elsewhere); a smaller plot may
 * leave more labels to number, hence a few passes. */
static void
compute_layout (V21DiagramLayout *self)
{
  double share = self->style.medium == V21_RENDER_PROJECTOR ? 0.6 : self->style.medium == V21_RENDER_PRINT ? 0.45 : 0.5;
  double key_height = 0, budget, needed;

  compute_pass (self, 0);
  key_geometry (self);
  if (self->side_panel)
    {
      self->key_height = MAX (self->legend_top - self->style.small_size * 0.6 - self->key_top, 0);
      finish_key (self);
      return;
    }
  budget = MAX (self->geometry.plot.height - share * self->height, 0);
  for (int pass = 0; pass < 3; pass++)
    {
      needed = key_needed (self);
      if (needed <= key_height + 0.5 || key_height >= budget)
        break;
      key_height = MIN (needed + self->label_size * 0.5, budget);
      compute_pass (self, key_height);
    }
  finish_key (self);
}

static void
publish (V21DiagramLayout *self)
{
  g_array_set_size (self->public_labels, 0);
  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);
      V21DiagramLabel entry = { label->point->record, label->placement, label->state,
                                label->number_value, FALSE, label->key_box };

      if (label->state == V21_LABEL_BESIDE)
        entry.cut = pango_layout_is_ellipsized (label->layout);
      else if (label->state == V21_LABEL_NUMBERED)
        entry.cut = pango_layout_is_ellipsized (label->key_text)
                    || label->key_box.y + label->key_box.height > self->height
                    || label->key_box.x + label->key_box.width > self->width;
      g_array_append_val (self->public_labels, entry);
    }
}

static void
add_text (V21DiagramLayout *self,
          PangoLayout      *layout,
          double            x,
          double            y,
          gboolean          rotated)
{
  V21DiagramText text = { { x, y, 0, 0 }, FALSE };
  double width, height;

  v21_render_text_size (layout, &width, &height);
  text.box.width = rotated ? height : width;
  text.box.height = rotated ? width : height;
  if (rotated)
    text.box.y -= width;
  text.cut = pango_layout_is_ellipsized (layout)
             || text.box.x < -0.5 || text.box.y < -0.5
             || text.box.x + text.box.width > self->width + 0.5
             || text.box.y + text.box.height > self->height + 0.5;
  g_array_append_val (self->texts, text);
}

static double header_x (V21DiagramLayout *self, PangoLayout *text, double x);
static double axis_title_bottom (V21DiagramLayout *self);

/* The boxes of the frame's texts, as drawn. */
static void
publish_texts (V21DiagramLayout *self)
{
  const V21DiagramGeometry *g = &self->geometry;

  g_array_set_size (self->texts, 0);
  add_text (self, self->title, self->style.padding, self->title_y, FALSE);
  add_text (self, self->today_label, header_x (self, self->today_label, v21_diagram_year_to_x (g, g->today)),
            self->header_y, FALSE);
  add_text (self, self->horizon_label,
            header_x (self, self->horizon_label, v21_diagram_year_to_x (g, g->horizon)), self->header_y, FALSE);
  if (self->axis_rotated)
    add_text (self, self->axis_title, self->style.padding, axis_title_bottom (self), TRUE);
  else
    add_text (self, self->axis_title, self->axis_x, self->axis_y, FALSE);
  for (guint i = 0; i < self->ticks->len; i++)
    {
      PangoLayout *tick = g_ptr_array_index (self->ticks, i);
      int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tick), "year"));

      if (g_object_get_data (G_OBJECT (tick), "hidden"))
        continue;
      add_text (self, tick, v21_diagram_year_to_x (g, year) - text_width (tick) / 2, self->tick_y, FALSE);
    }
  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendItem *item = &g_array_index (self->legend, LegendItem, i);

      add_text (self, item->text, item->x + legend_sample_width (self, item) + self->style.small_size * 0.4,
                item->y, FALSE);
    }
  if (self->key_rest != NULL)
    add_text (self, self->key_rest, self->key_x, self->key_rest_y, FALSE);
}

V21DiagramLayout *
v21_diagram_layout_new (V21Workshop          *workshop,
                        const char           *scenario_id,
                        double                width,
                        double                height,
                        const V21RenderStyle *style)
{
  return v21_diagram_layout_new_with_options (workshop, scenario_id, width, height, style, NULL);
}

V21DiagramLayout *
v21_diagram_layout_new_with_options (V21Workshop             *workshop,
                                     const char              *scenario_id,
                                     double                   width,
                                     double                   height,
                                     const V21RenderStyle    *style,
                                     const V21DiagramOptions *options)
{
  V21DiagramLayout *self;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (style != NULL, NULL);

  self = g_new0 (V21DiagramLayout, 1);
  self->style = *style;
  if (options != NULL)
    self->options = *options;
  self->label_size = self->options.text_size > 0 ? self->options.text_size : style->text_size * 0.9;
  self->key_size = self->label_size;
  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  self->context = v21_render_text_context ();
  self->trajectories = g_array_new (FALSE, TRUE, sizeof (Trajectory));
  self->labels = g_array_new (FALSE, TRUE, sizeof (Label));
  self->public_labels = g_array_new (FALSE, TRUE, sizeof (V21DiagramLabel));
  self->markers = g_array_new (FALSE, TRUE, sizeof (cairo_rectangle_t));
  self->curves = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->legend = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  self->texts = g_array_new (FALSE, TRUE, sizeof (V21DiagramText));
  self->ticks = g_ptr_array_new_with_free_func (g_object_unref);
  self->point_index = g_hash_table_new (NULL, NULL);

  text_cache_next ();
  collect (self, workshop, scenario_id);
  compute_years (self, workshop);
  build_frame_texts (self, workshop, scenario_id);
  self->side_panel = style->medium == V21_RENDER_PROJECTOR && self->width >= 1.4 * self->height;
  compute_frame (self, 0);
  self->today_level = find_today_level (self);
  for (guint i = 0; i < self->n_points; i++)
    g_hash_table_insert (self->point_index, self->points[i].record, &self->points[i]);
  build_labels (self);
  compute_layout (self);
  publish (self);
  publish_texts (self);
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
    {
      Label *label = &g_array_index (self->labels, Label, i);

      g_clear_object (&label->layout);
      g_clear_object (&label->key_text);
      g_clear_object (&label->number);
      g_clear_object (&label->key_number);
    }
  clear_legend (self);
  g_array_unref (self->trajectories);
  g_array_unref (self->labels);
  g_array_unref (self->public_labels);
  g_array_unref (self->markers);
  g_ptr_array_unref (self->curves);
  g_array_unref (self->legend);
  g_array_unref (self->texts);
  g_clear_object (&self->key_rest);
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

guint
v21_diagram_layout_get_n_curves (V21DiagramLayout *self)
{
  return self->curves->len;
}

const double *
v21_diagram_layout_get_curve (V21DiagramLayout *self,
                              guint             index,
                              guint            *n_points)
{
  GArray *curve;

  g_return_val_if_fail (index < self->curves->len, NULL);
  curve = g_ptr_array_index (self->curves, index);
  *n_points = curve->len / 2;
  return (const double *) curve->data;
}

guint
v21_diagram_layout_get_n_texts (V21DiagramLayout *self)
{
  return self->texts->len;
}

const V21DiagramText *
v21_diagram_layout_get_text (V21DiagramLayout *self,
                             guint             index)
{
  g_return_val_if_fail (index < self->texts->len, NULL);
  return &g_array_index (self->texts, V21DiagramText, index);
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
  double width;

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

      if (g_object_get_data (G_OBJECT (tick), "hidden"))
        continue;
      v21_render_text_size (tick, &width, NULL);
      v21_render_text_show (cr, tick, v21_diagram_year_to_x (g, year) - width / 2, self->tick_y, &style->muted);
    }

  if (!self->axis_rotated)
    {
      v21_render_text_show (cr, self->axis_title, self->axis_x, self->axis_y, &style->muted);
      return;
    }
  cairo_save (cr);
  cairo_translate (cr, style->padding, axis_title_bottom (self));
  cairo_rotate (cr, -G_PI / 2);
  v21_render_text_show (cr, self->axis_title, 0, 0, &style->muted);
  cairo_restore (cr);
}

/* Where the turned-up axis title starts: centred along the plot. */
static double
axis_title_bottom (V21DiagramLayout *self)
{
  const cairo_rectangle_t *plot = &self->geometry.plot;

  return plot->y + plot->height / 2 + MIN (text_width (self->axis_title), plot->height) / 2;
}

static double
header_x (V21DiagramLayout *self,
          PangoLayout      *text,
          double            x)
{
  double width = text_width (text);
  double right = self->side_panel ? self->panel_x - self->style.small_size : self->width - self->style.padding;

  return CLAMP (x - width / 2, self->style.padding, right - width);
}

static void
draw_header (V21DiagramLayout *self,
             cairo_t          *cr,
             PangoLayout      *text,
             double            x,
             const V21Rgba    *color)
{
  v21_render_text_show (cr, text, header_x (self, text, x), self->header_y, color);
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

/* A smooth curve through the points (see curve_controls). */
static void
trace_path (cairo_t   *cr,
            GPtrArray *path)
{
  const Point *first = g_ptr_array_index (path, 0);

  cairo_move_to (cr, first->x, first->y);
  for (guint i = 0; i + 1 < path->len; i++)
    {
      const Point *p2 = g_ptr_array_index (path, i + 1);
      double c[4];

      curve_controls (path, i, c);
      cairo_curve_to (cr, c[0], c[1], c[2], c[3], p2->x, p2->y);
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
  if (raster_target (cr))
    stamp_markers (self, cr);
  else
    trace_markers (self, cr);
}

/* Whether @label shows something at its point: its text or its number. */
static gboolean
shown_at_point (const Label *label)
{
  return label->placement.placed
         && (label->state == V21_LABEL_BESIDE || label->state == V21_LABEL_NUMBERED);
}

static void
draw_leaders (V21DiagramLayout *self,
              cairo_t          *cr)
{
  for (guint i = 0; i < self->labels->len; i++)
    {
      const Label *label = &g_array_index (self->labels, Label, i);
      const V21LabelPlacement *p = &label->placement;

      if (!shown_at_point (label) || !p->leader)
        continue;
      cairo_move_to (cr, p->leader_x0, p->leader_y0);
      cairo_line_to (cr, p->leader_x1, p->leader_y1);
    }
  cairo_set_line_width (cr, self->style.hairline);
  v21_render_set_color (cr, &self->style.muted, 0.8);
  cairo_stroke (cr);
}

static void
draw_number (V21DiagramLayout  *self,
             cairo_t           *cr,
             PangoLayout       *number,
             const Point       *point,
             const cairo_rectangle_t *box)
{
  double width, height;

  v21_render_text_size (number, &width, &height);
  v21_render_text_show (cr, number, box->x + (box->width - width) / 2, box->y + (box->height - height) / 2,
                        point_color (self, point));
}

static void
draw_labels (V21DiagramLayout *self,
             cairo_t          *cr)
{
  const V21RenderStyle *style = &self->style;

  /* Leader lines, then every label's halo, in one stroke and one fill. */
  draw_leaders (self, cr);
  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);
      const cairo_rectangle_t *box = &label->placement.box;

      if (shown_at_point (label))
        v21_render_rounded_rectangle (cr, box->x, box->y, box->width, box->height, label->pad);
    }
  v21_render_set_color (cr, &style->label_background, 1.0);
  cairo_fill (cr);

  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);

      if (!shown_at_point (label))
        continue;
      if (label->state == V21_LABEL_BESIDE)
        v21_render_text_show (cr, label->layout, label->placement.box.x + label->pad,
                              label->placement.box.y + label->pad / 2, &style->foreground);
      else
        draw_number (self, cr, label->number, label->point, &label->placement.box);
    }
}

/* Each numbered label's number and text, in the key under the plot. */
static void
draw_key (V21DiagramLayout *self,
          cairo_t          *cr)
{
  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);
      const cairo_rectangle_t *box = &label->key_box;
      double number_width = key_number_width (self);
      cairo_rectangle_t number;

      if (label->state != V21_LABEL_NUMBERED)
        continue;
      number = (cairo_rectangle_t) { box->x, box->y, number_width * 0.8, text_height (label->key_number) };
      draw_number (self, cr, label->key_number, label->point, &number);
      v21_render_text_show (cr, label->key_text, box->x + number_width, box->y, &self->style.foreground);
    }
  if (self->key_rest != NULL)
    v21_render_text_show (cr, self->key_rest, self->key_x, self->key_rest_y, &self->style.muted);
}

static void
draw_legend (V21DiagramLayout *self,
             cairo_t          *cr)
{
  const V21RenderStyle *style = &self->style;
  double gap = style->small_size * 0.4;

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
  draw_key (self, cr);
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

void
v21_render_trajectories_with_options (V21Workshop             *workshop,
                                      const char              *scenario_id,
                                      cairo_t                 *cr,
                                      double                   width,
                                      double                   height,
                                      const V21RenderStyle    *style,
                                      const V21DiagramOptions *options)
{
  g_autoptr(V21DiagramLayout) layout = NULL;

  g_return_if_fail (V21_IS_WORKSHOP (workshop));
  g_return_if_fail (cr != NULL && style != NULL);

  layout = v21_diagram_layout_new_with_options (workshop, scenario_id, width, height, style, options);
  v21_diagram_layout_draw (layout, cr);
}
