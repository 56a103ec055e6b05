/* v21-capitalise-charts.h — the figures of several workshops in one document
 *
 * The comparative timeline (the main milestones of each territory's desired
 * path, one row per territory, on one time axis) and the drift chart (the
 * drift against the plan per exercise: each territory's and the median). Both
 * read their numbers from the figure block's rows (see v21-report.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "v21-report.h"
#include "v21-render-style.h"

G_BEGIN_DECLS

void v21_render_comparative_timeline (const V21ReportBlock *figure,
                                      cairo_t              *cr,
                                      double                width,
                                      double                height,
                                      const V21RenderStyle *style);
void v21_render_drift_chart          (const V21ReportBlock *figure,
                                      cairo_t              *cr,
                                      double                width,
                                      double                height,
                                      const V21RenderStyle *style);

G_END_DECLS
