/* v21-bar-chart.h — ranked vote results as horizontal bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "v21-render-style.h"

G_BEGIN_DECLS

/* One thing voted on: its label, its total, and (optionally) the votes of each
 * group (table) that make the total. */
typedef struct
{
  const char   *label;
  double        total;
  const double *counts;    /* n_groups values, or NULL */
} V21BarItem;

/* Plain data, so any ranking (cards, clusters, per person or per table) can be
 * drawn. Items may come in any order: the chart ranks them. */
typedef struct
{
  const char         *title;          /* nullable */
  const V21BarItem   *items;
  guint               n_items;
  const char * const *group_names;    /* n_groups entries */
  const char * const *group_colors;   /* "#rrggbb", n_groups entries, nullable */
  guint               n_groups;
  gboolean            breakdown;      /* stack each bar by group */
} V21BarChart;

/* The rank of each item (competition ranking: 1, =2, =2, 4), in the order of
 * @chart->items; a tie when @tied[i]. Returns the items' order, best first.
 * Both arrays are newly allocated. */
guint *v21_bar_chart_rank   (const V21BarChart    *chart,
                             guint               **ranks,
                             gboolean            **tied);

void   v21_render_bar_chart (const V21BarChart    *chart,
                             cairo_t              *cr,
                             double                width,
                             double                height,
                             const V21RenderStyle *style);

G_END_DECLS
