/* v21-bar-chart.c — ranked vote results as horizontal bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "v21-bar-chart.h"
#include "v21-render-text.h"

static int
compare_totals (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  const V21BarChart *chart = data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  double ti = chart->items[i].total, tj = chart->items[j].total;

  if (ti != tj)
    return ti > tj ? -1 : 1;
  return i < j ? -1 : i > j;
}

guint *
v21_bar_chart_rank (const V21BarChart  *chart,
                    guint             **ranks,
                    gboolean          **tied)
{
  guint n = chart->n_items;
  guint *order = g_new (guint, MAX (n, 1));

  *ranks = g_new0 (guint, MAX (n, 1));
  *tied = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint), compare_totals, (gpointer) chart);
  for (guint k = 0; k < n; k++)
    {
      guint i = order[k];

      (*ranks)[i] = k > 0 && chart->items[order[k - 1]].total == chart->items[i].total
                    ? (*ranks)[order[k - 1]] : k + 1;
      (*tied)[i] = (k > 0 && chart->items[order[k - 1]].total == chart->items[i].total)
                || (k + 1 < n && chart->items[order[k + 1]].total == chart->items[i].total);
    }
  return order;
}

/* A group's colour: its own, else one of a calm fallback palette. */
static V21Rgba
group_color (const V21BarChart *chart,
             guint              group)
{
  static const char * const palette[] = {
    "#3584e4", "#2ec27e", "#f6d32d", "#ff7800", "#9141ac", "#986a44", "#e01b24", "#77767b"
  };
  V21Rgba color = { 0.5, 0.5, 0.5, 1 };

  if (chart->group_colors == NULL || !v21_render_parse_color (chart->group_colors[group], &color))
    v21_render_parse_color (palette[group % G_N_ELEMENTS (palette)], &color);
  return color;
}

/* The names of the groups with their colours, in rows from @y; returns the
 * height used. */
static double
draw_group_legend (const V21BarChart    *chart,
                   cairo_t              *cr,
                   PangoContext         *context,
                   double                x0,
                   double                right,
                   double                y,
                   const V21RenderStyle *style)
{
  double size = style->small_size;
  double x = x0;
  double line = size * 1.6;
  double used = line;

  for (guint g = 0; g < chart->n_groups; g++)
    {
      g_autoptr(PangoLayout) text = v21_render_text_layout (context, style, chart->group_names[g], size,
                                                             FALSE, -1, 0);
      V21Rgba color = group_color (chart, g);
      double width;

      v21_render_text_size (text, &width, NULL);
      if (x > x0 && x + size * 1.5 + width > right)
        {
          x = x0;
          y += line;
          used += line;
        }
      cairo_rectangle (cr, x, y + size * 0.2, size, size);
      v21_render_set_color (cr, &color, 1.0);
      cairo_fill (cr);
      v21_render_text_show (cr, text, x + size * 1.4, y, &style->muted);
      x += size * 1.4 + width + size * 1.5;
    }
  return used;
}

static void
draw_bar (const V21BarChart    *chart,
          cairo_t              *cr,
          const V21BarItem     *item,
          double                x,
          double                y,
          double                length,
          double                thickness,
          const V21RenderStyle *style)
{
  double sum = 0;

  if (!chart->breakdown || item->counts == NULL || chart->n_groups == 0)
    {
      cairo_rectangle (cr, x, y, length, thickness);
      v21_render_set_color (cr, &style->today, 1.0);
      cairo_fill (cr);
      return;
    }
  for (guint g = 0; g < chart->n_groups; g++)
    sum += MAX (item->counts[g], 0);
  for (guint g = 0; g < chart->n_groups && sum > 0; g++)
    {
      double part = length * MAX (item->counts[g], 0) / sum;
      V21Rgba color = group_color (chart, g);

      if (part <= 0)
        continue;
      cairo_rectangle (cr, x, y, part, thickness);
      v21_render_set_color (cr, &color, 1.0);
      cairo_fill_preserve (cr);
      /* A thin gap between groups keeps neighbours of similar colours apart. */
      cairo_set_line_width (cr, style->hairline);
      v21_render_set_color (cr, &style->background, 1.0);
      cairo_stroke (cr);
      x += part;
    }
}

/**
 * v21_render_bar_chart:
 * @chart: the results
 * @cr: where to draw, from (0, 0)
 * @width: @height: the size of the figure
 * @style: sizes and colours
 *
 * Draws the ranked results: one horizontal bar per item, best first, with its
 * rank ("=2" for a tie), its label and its total; with @chart->breakdown, each
 * bar is stacked by group in the group's colour. Items that do not fit are
 * summed up in a last line.
 */
/* The height of a label on two lines. */
static double
two_lines (PangoContext         *context,
           const V21RenderStyle *style)
{
  g_autoptr(PangoLayout) layout = v21_render_text_layout (context, style, "X\nX", style->text_size * 0.92,
                                                           FALSE, -1, 2);
  double height;

  v21_render_text_size (layout, NULL, &height);
  return height;
}

void
v21_render_bar_chart (const V21BarChart    *chart,
                      cairo_t              *cr,
                      double                width,
                      double                height,
                      const V21RenderStyle *style)
{
  PangoContext *context;
  g_autofree guint *order = NULL;
  g_autofree guint *ranks = NULL;
  g_autofree gboolean *tied = NULL;
  double pad = style->padding, text = style->text_size;
  double y = pad, max_total = 0, row, label_width, bar_x, bar_width, bottom;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);
  guint shown;

  g_return_if_fail (chart != NULL && cr != NULL && style != NULL);
  g_return_if_fail (chart->n_items == 0 || chart->items != NULL);

  context = v21_render_text_context ();
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  v21_render_set_color (cr, &style->background, 1.0);
  cairo_paint (cr);

  if (chart->title != NULL)
    {
      g_autoptr(PangoLayout) title = v21_render_text_layout (context, style, chart->title, style->title_size,
                                                              TRUE, width - 2 * pad, 2);
      double h;

      v21_render_text_show (cr, title, pad, y, &style->foreground);
      v21_render_text_size (title, NULL, &h);
      y += h + text * 0.6;
    }
  if (chart->breakdown && chart->n_groups > 0)
    y += draw_group_legend (chart, cr, context, pad, width - pad, y, style) + text * 0.4;

  order = v21_bar_chart_rank (chart, &ranks, &tied);
  for (guint i = 0; i < chart->n_items; i++)
    max_total = MAX (max_total, chart->items[i].total);

  /* A row holds its label whole, on as many lines as it takes, with a
   * little air; rows of one or two lines share out the room. */
  row = CLAMP ((height - pad - y) / MAX (chart->n_items, 1), MAX (text * 1.9, two_lines (context, style) + text * 0.3),
               text * 3.2);
  label_width = MIN (width * 0.38, style->label_max_width * 1.6);
  bar_x = pad + text * 2.6 + label_width + text * 0.8;
  bar_width = MAX (width - pad - bar_x - text * 3.5, 1);
  bottom = y;
  for (shown = 0; shown < chart->n_items; shown++)
    {
      PangoLayout *label = v21_render_text_layout (context, style, chart->items[order[shown]].label, text * 0.92,
                                                   FALSE, label_width, 0);
      double lh, room = height - pad - (shown + 1 < chart->n_items ? style->small_size * 1.6 : 0);

      v21_render_text_size (label, NULL, &lh);
      if (bottom + MAX (row, lh + text * 0.6) > room)
        {
          g_object_unref (label);
          break;   /* the rest is counted on the last line */
        }
      bottom += MAX (row, lh + text * 0.6);
      g_ptr_array_add (labels, label);
    }

  for (guint k = 0; k < shown; k++)
    {
      guint i = order[k];
      const V21BarItem *item = &chart->items[i];
      g_autofree char *rank = g_strdup_printf (tied[i] ? "=%u" : "%u", ranks[i]);
      g_autofree char *total = v21_render_format_number (item->total);
      g_autoptr(PangoLayout) rank_text = v21_render_text_layout (context, style, rank, text, TRUE, -1, 0);
      PangoLayout *label = g_ptr_array_index (labels, k);
      g_autoptr(PangoLayout) value = v21_render_text_layout (context, style, total, text, TRUE, -1, 0);
      double length = max_total > 0 ? bar_width * MAX (item->total, 0) / max_total : 0;
      double lh, vh, rw, row_height;

      v21_render_text_size (label, NULL, &lh);
      row_height = MAX (row, lh + text * 0.6);
      v21_render_text_size (value, NULL, &vh);
      v21_render_text_size (rank_text, &rw, NULL);
      v21_render_text_show (cr, rank_text, pad + text * 2 - rw, y + (row_height - vh) / 2, &style->muted);
      v21_render_text_show (cr, label, pad + text * 2.6, y + (row_height - lh) / 2, &style->foreground);
      draw_bar (chart, cr, item, bar_x, y + (row_height - row * 0.6) / 2, length, row * 0.6, style);
      v21_render_text_show (cr, value, bar_x + length + text * 0.4, y + (row_height - vh) / 2, &style->foreground);
      y += row_height;
    }
  if (shown < chart->n_items)
    {
      /* Translators: under a vote chart too long for its space. */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                            chart->n_items - shown),
                                               chart->n_items - shown);
      g_autoptr(PangoLayout) rest = v21_render_text_layout (context, style, more, style->small_size, FALSE, -1, 0);

      v21_render_text_show (cr, rest, pad + text * 2.6, y + text * 0.3, &style->muted);
    }
  cairo_restore (cr);
  g_object_unref (context);
}
