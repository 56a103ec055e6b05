/* v21-capitalise-charts.c — the figures of several workshops in one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "v21-capitalise-charts.h"
#include "v21-label-placer.h"
#include "v21-render-text.h"

static const V21ReportItem *
cell (GPtrArray *row,
      guint      index)
{
  return index < row->len ? g_ptr_array_index (row, index) : NULL;
}

static const char *
cell_text (GPtrArray *row,
           guint      index)
{
  const V21ReportItem *item = cell (row, index);

  return item != NULL && item->text != NULL ? item->text : "";
}

/* The raw number of a cell (its note), FALSE without one. */
static gboolean
cell_number (GPtrArray *row,
             guint      index,
             long      *value)
{
  const V21ReportItem *item = cell (row, index);
  char *end = NULL;

  if (item == NULL || item->note == NULL)
    return FALSE;
  *value = strtol (item->note, &end, 10);
  return end != item->note;
}

static void
paint_background (cairo_t              *cr,
                  double                width,
                  double                height,
                  const V21RenderStyle *style)
{
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  v21_render_set_color (cr, &style->background, 1.0);
  cairo_paint (cr);
}

static void
show_text (cairo_t              *cr,
           PangoContext         *context,
           const V21RenderStyle *style,
           const char           *text,
           double                size,
           gboolean              bold,
           double                x,
           double                y,
           double                align,   /* 0 left, 0.5 centred, 1 right of x */
           const V21Rgba        *color)
{
  g_autoptr(PangoLayout) layout = v21_render_text_layout (context, style, text, size, bold, -1, 1);
  double w, h;

  v21_render_text_size (layout, &w, &h);
  v21_render_text_show (cr, layout, x - align * w, y - h / 2, color);
}

/* The comparative timeline */

typedef struct
{
  const char *territory;
  GPtrArray  *rows;   /* borrowed rows of the figure */
} Band;

static double
year_x (long   year,
        long   first,
        long   last,
        double x0,
        double x1)
{
  return x0 + (double) (year - first) / (double) (last - first) * (x1 - x0);
}

static GArray *
timeline_bands (const V21ReportBlock *figure)
{
  GArray *bands = g_array_new (FALSE, TRUE, sizeof (Band));

  for (guint i = 0; figure->rows != NULL && i < figure->rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (figure->rows, i);
      Band *band = bands->len > 0 ? &g_array_index (bands, Band, bands->len - 1) : NULL;

      if (band == NULL || g_strcmp0 (band->territory, cell_text (row, 0)) != 0)
        {
          Band next = { cell_text (row, 0), g_ptr_array_new () };

          g_array_append_val (bands, next);
          band = &g_array_index (bands, Band, bands->len - 1);
        }
      g_ptr_array_add (band->rows, row);
    }
  return bands;
}

static void
draw_marker (cairo_t              *cr,
             const V21RenderStyle *style,
             double                x,
             double                y,
             gboolean              vision)
{
  double r = style->marker_size;

  if (vision)
    {
      /* A diamond, larger: the shared vision the path leads to. */
      r *= 1.8;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      v21_render_set_color (cr, &style->desired, 1.0);
      cairo_fill (cr);
      return;
    }
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  v21_render_set_color (cr, &style->background, 1.0);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, style->path_width);
  v21_render_set_color (cr, &style->desired, 1.0);
  cairo_stroke (cr);
}

/* The labels of one band, the vision first, then by year; each beside its
 * point where there is room in the band, a narrower one else, or none. */
static void
draw_band_labels (cairo_t              *cr,
                  PangoContext         *context,
                  const V21RenderStyle *style,
                  const Band           *band,
                  const cairo_rectangle_t *bounds,
                  const double         *xs,
                  double                y)
{
  g_autoptr(V21LabelPlacer) placer = v21_label_placer_new (bounds, style->hairline * 2);
  g_autofree guint *order = g_new (guint, band->rows->len);
  double r = style->marker_size * 1.8;
  guint n = 0;

  v21_label_placer_set_window (placer, bounds->width * 0.2);
  for (guint i = 0; i < band->rows->len; i++)
    {
      cairo_rectangle_t box = { xs[i] - r, y - r, 2 * r, 2 * r };

      v21_label_placer_add_obstacle (placer, &box, FALSE);
    }
  if (band->rows->len > 1)
    {
      cairo_rectangle_t path = { xs[0], y - style->desired_width, xs[band->rows->len - 1] - xs[0],
                                 2 * style->desired_width };

      v21_label_placer_add_line (placer, xs[0], y, xs[band->rows->len - 1], y);
      v21_label_placer_add_obstacle (placer, &path, TRUE);
    }
  for (guint i = band->rows->len; i-- > 0;)
    if (cell (g_ptr_array_index (band->rows, i), 2)->note != NULL)
      order[n++] = i;
  for (guint i = 0; i < band->rows->len; i++)
    if (cell (g_ptr_array_index (band->rows, i), 2)->note == NULL)
      order[n++] = i;
  for (guint k = 0; k < n; k++)
    {
      guint i = order[k];
      const char *text = cell_text (g_ptr_array_index (band->rows, i), 2);
      cairo_rectangle_t marker = { xs[i] - r, y - r, 2 * r, 2 * r };
      V21LabelPlacement placement;
      gboolean placed = FALSE;

      for (guint attempt = 0; attempt < 2 && !placed; attempt++)
        {
          g_autoptr(PangoLayout) layout = v21_render_text_layout (context, style, text, style->small_size,
                                                                  cell (g_ptr_array_index (band->rows, i), 2)->note != NULL,
                                                                  style->label_max_width * (attempt == 0 ? 0.8 : 0.55), 3);
          double w, h;

          v21_render_text_size (layout, &w, &h);
          placed = v21_label_placer_place (placer, xs[i], y, &marker, w, h, &placement);
          if (!placed)
            continue;
          if (placement.leader)
            {
              cairo_move_to (cr, placement.leader_x0, placement.leader_y0);
              cairo_line_to (cr, placement.leader_x1, placement.leader_y1);
              cairo_set_line_width (cr, style->hairline);
              v21_render_set_color (cr, &style->muted, 1.0);
              cairo_stroke (cr);
            }
          v21_render_text_show (cr, layout, placement.box.x, placement.box.y, &style->foreground);
        }
    }
}

void
v21_render_comparative_timeline (const V21ReportBlock *figure,
                                 cairo_t              *cr,
                                 double                width,
                                 double                height,
                                 const V21RenderStyle *style)
{
  g_autoptr(GArray) bands = NULL;
  PangoContext *context;
  double pad = style->padding, gutter = MIN (width * 0.18, 12 * style->text_size);
  double axis = style->small_size * 2.6, x0, x1, top, band_height;
  long first = G_MAXLONG, last = G_MINLONG, step;

  g_return_if_fail (figure != NULL && cr != NULL && style != NULL);

  bands = timeline_bands (figure);
  context = v21_render_text_context ();
  cairo_save (cr);
  paint_background (cr, width, height, style);
  for (guint i = 0; figure->rows != NULL && i < figure->rows->len; i++)
    {
      long year;

      if (cell_number (g_ptr_array_index (figure->rows, i), 1, &year))
        {
          first = MIN (first, year);
          last = MAX (last, year);
        }
    }
  if (bands->len == 0 || first > last)
    goto out;
  first = first / 5 * 5;
  last = (last + 4) / 5 * 5;
  if (last <= first)
    last = first + 5;
  step = last - first > 30 ? 10 : 5;
  x0 = pad + gutter + 3 * style->marker_size;
  x1 = width - pad - 3 * style->marker_size;
  top = pad;
  band_height = (height - 2 * pad - axis - top) / bands->len;

  /* The bands, their territory, the years' grid. */
  for (guint b = 0; b < bands->len; b++)
    {
      const Band *band = &g_array_index (bands, Band, b);
      g_autoptr(PangoLayout) name = v21_render_text_layout (context, style, band->territory, style->text_size, TRUE,
                                                            gutter - style->marker_size, 3);
      double y = top + b * band_height, w, h;

      if (b % 2 == 0)
        {
          cairo_rectangle (cr, pad, y, width - 2 * pad, band_height);
          v21_render_set_color (cr, &style->grid, 0.45);
          cairo_fill (cr);
        }
      v21_render_text_size (name, &w, &h);
      v21_render_text_show (cr, name, pad + style->marker_size, y + (band_height - h) / 2, &style->foreground);
    }
  for (long year = first; year <= last; year += step)
    {
      g_autofree char *label = g_strdup_printf ("%ld", year);
      double x = year_x (year, first, last, x0, x1);

      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, top + bands->len * band_height);
      cairo_set_line_width (cr, style->hairline);
      v21_render_set_color (cr, &style->axis, 0.35);
      cairo_stroke (cr);
      show_text (cr, context, style, label, style->small_size, FALSE, x,
                 top + bands->len * band_height + axis / 2, 0.5, &style->muted);
    }
  cairo_move_to (cr, x0, top + bands->len * band_height);
  cairo_line_to (cr, x1, top + bands->len * band_height);
  cairo_set_line_width (cr, style->axis_width);
  v21_render_set_color (cr, &style->axis, 1.0);
  cairo_stroke (cr);

  /* Each territory's path: a line through its milestones, their labels. */
  for (guint b = 0; b < bands->len; b++)
    {
      const Band *band = &g_array_index (bands, Band, b);
      g_autofree double *xs = g_new (double, band->rows->len);
      double y = top + b * band_height + band_height / 2;
      cairo_rectangle_t bounds = { pad + gutter, top + b * band_height + 1, width - 2 * pad - gutter,
                                   band_height - 2 };

      for (guint i = 0; i < band->rows->len; i++)
        {
          long year = first;

          cell_number (g_ptr_array_index (band->rows, i), 1, &year);
          xs[i] = year_x (year, first, last, x0, x1);
        }
      cairo_move_to (cr, xs[0], y);
      cairo_line_to (cr, xs[band->rows->len - 1], y);
      cairo_set_line_width (cr, style->desired_width);
      v21_render_set_color (cr, &style->desired, 0.8);
      cairo_stroke (cr);
      for (guint i = 0; i < band->rows->len; i++)
        draw_marker (cr, style, xs[i], y, cell (g_ptr_array_index (band->rows, i), 2)->note != NULL);
      draw_band_labels (cr, context, style, band, &bounds, xs, y);
    }

out:
  for (guint b = 0; b < bands->len; b++)
    g_ptr_array_unref (g_array_index (bands, Band, b).rows);
  cairo_restore (cr);
  g_object_unref (context);
}

/* The drift chart */

static const V21Rgba *
territory_color (const V21RenderStyle *style,
                 guint                 index)
{
  const V21Rgba *colors[] = { &style->today, &style->disruption, &style->weak_signal, &style->threat,
                              &style->exploratory, &style->past };

  return colors[index % G_N_ELEMENTS (colors)];
}

void
v21_render_drift_chart (const V21ReportBlock *figure,
                        cairo_t              *cr,
                        double                width,
                        double                height,
                        const V21RenderStyle *style)
{
  PangoContext *context;
  guint n_territories, n_rows;
  double pad = style->padding, text = style->small_size, legend, axis, label_width, x0, x1, row_height, zero;
  long low = 0, high = 0, step;
  double lx;

  g_return_if_fail (figure != NULL && cr != NULL && style != NULL);

  n_rows = figure->rows != NULL ? figure->rows->len : 0;
  n_territories = figure->n_columns >= 2 ? figure->n_columns - 2 : 0;
  context = v21_render_text_context ();
  cairo_save (cr);
  paint_background (cr, width, height, style);
  if (n_rows == 0)
    goto out;
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 1; c <= n_territories + 1; c++)
      {
        long half;

        if (cell_number (g_ptr_array_index (figure->rows, r), c, &half))
          {
            low = MIN (low, (long) floor (half / 2.0));
            high = MAX (high, (long) ceil (half / 2.0));
          }
      }
  step = high - low > 60 ? 20 : high - low > 25 ? 10 : 5;
  low = (long) floor ((double) low / step) * step;
  high = (long) ceil ((double) high / step) * step;
  if (high == low)
    high = low + step;

  axis = text * 2.6;
  label_width = text * 4;
  x0 = pad + label_width;
  x1 = width - pad - text * 6;
#define X(minutes) (x0 + ((minutes) - low) / (double) (high - low) * (x1 - x0))

  /* The key: a dot per territory, the bar for the median, in lines. */
  lx = pad;
  legend = text * 1.8;
  for (guint pass = 0; pass < 2; pass++)
    {
      double ly = pad + text * 0.9;

      lx = pad;
      for (guint t = 0; t <= n_territories; t++)
        {
          const char *name = g_ptr_array_index (figure->header, t + 1);
          g_autoptr(PangoLayout) layout = v21_render_text_layout (context, style, name, text, FALSE, width * 0.45, 1);
          double w, h, item;

          v21_render_text_size (layout, &w, &h);
          item = 4 * style->marker_size + w + text * 1.5;
          if (lx > pad && lx + item > width - pad)
            {
              lx = pad;
              ly += text * 1.8;
            }
          if (pass == 1 && t < n_territories)
            {
              cairo_arc (cr, lx + style->marker_size, ly, style->marker_size, 0, 2 * G_PI);
              v21_render_set_color (cr, territory_color (style, t), 1.0);
              cairo_fill (cr);
            }
          else if (pass == 1)
            {
              cairo_rectangle (cr, lx, ly - style->marker_size, 3 * style->marker_size, 2 * style->marker_size);
              v21_render_set_color (cr, &style->desired, 0.55);
              cairo_fill (cr);
            }
          if (pass == 1)
            v21_render_text_show (cr, layout, lx + 4 * style->marker_size, ly - h / 2, &style->muted);
          lx += item;
        }
      legend = ly - pad + text * 1.8;
    }
  row_height = (height - 2 * pad - legend - axis) / n_rows;
  zero = X (0.0);

  /* The grid and the axis, in minutes. */
  for (long m = low; m <= high; m += step)
    {
      g_autofree char *label = m > 0 ? g_strdup_printf ("+%ld", m) : g_strdup_printf ("%ld", m);
      double x = X ((double) m);

      cairo_move_to (cr, x, pad + legend);
      cairo_line_to (cr, x, pad + legend + n_rows * row_height);
      cairo_set_line_width (cr, m == 0 ? style->axis_width : style->hairline);
      v21_render_set_color (cr, m == 0 ? &style->axis : &style->grid, 1.0);
      cairo_stroke (cr);
      show_text (cr, context, style, label, text, FALSE, x, pad + legend + n_rows * row_height + axis * 0.35, 0.5,
                 &style->muted);
    }
  /* Translators: the unit under the drift chart's axis. */
  show_text (cr, context, style, _("minutes against the plan"), text, FALSE, (x0 + x1) / 2,
             pad + legend + n_rows * row_height + axis * 0.8, 0.5, &style->muted);

  for (guint r = 0; r < n_rows; r++)
    {
      GPtrArray *row = g_ptr_array_index (figure->rows, r);
      double y = pad + legend + r * row_height, mid = y + row_height / 2;
      long half;

      show_text (cr, context, style, cell_text (row, 0), style->text_size, TRUE, pad, mid, 0, &style->foreground);
      if (cell_number (row, n_territories + 1, &half))
        {
          double x = X (half / 2.0);
          double bar = MIN (row_height * 0.4, style->text_size * 1.2);

          cairo_rectangle (cr, MIN (zero, x), mid - bar / 2, fabs (x - zero), bar);
          v21_render_set_color (cr, &style->desired, 0.55);
          cairo_fill (cr);
          /* The median's value in a column of its own, right of the plot. */
          show_text (cr, context, style, cell_text (row, n_territories + 1), text, TRUE, width - pad, mid, 1,
                     &style->foreground);
        }
      for (guint t = 0; t < n_territories; t++)
        {
          double dy = n_territories > 1 ? (t / (double) (n_territories - 1) - 0.5) * row_height * 0.5 : 0;

          if (!cell_number (row, t + 1, &half))
            continue;
          cairo_arc (cr, X (half / 2.0), mid + dy, style->marker_size, 0, 2 * G_PI);
          v21_render_set_color (cr, territory_color (style, t), 1.0);
          cairo_fill_preserve (cr);
          cairo_set_line_width (cr, style->hairline);
          v21_render_set_color (cr, &style->background, 1.0);
          cairo_stroke (cr);
        }
    }
#undef X

out:
  cairo_restore (cr);
  g_object_unref (context);
}
