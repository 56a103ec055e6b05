/* v21-trajectory-diagram.h — the trajectory diagram: layout and drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "v21-workshop.h"
#include "v21-render-style.h"
#include "v21-diagram-geometry.h"
#include "v21-label-placer.h"

G_BEGIN_DECLS

/* Where everything of one trajectory diagram goes, for one size and style:
 * computed once, then drawn, hit-tested by the editor, or checked by tests. */
typedef struct _V21DiagramLayout V21DiagramLayout;

/* What one label or marker of the diagram stands for. */
typedef struct
{
  V21Record         *point;       /* a record of "points" */
  V21LabelPlacement  placement;
} V21DiagramLabel;

/* @scenario_id: the trajectories of one scenario (with the past, which every
 * scenario shares, and for a disruption the baseline it forks from), or NULL
 * for all of them overlaid. */
V21DiagramLayout         *v21_diagram_layout_new        (V21Workshop          *workshop,
                                                         const char           *scenario_id,
                                                         double                width,
                                                         double                height,
                                                         const V21RenderStyle *style);
void                      v21_diagram_layout_free       (V21DiagramLayout     *layout);
void                      v21_diagram_layout_draw       (V21DiagramLayout     *layout,
                                                         cairo_t              *cr);

const V21DiagramGeometry *v21_diagram_layout_get_geometry (V21DiagramLayout   *layout);
guint                     v21_diagram_layout_get_n_labels (V21DiagramLayout   *layout);
const V21DiagramLabel    *v21_diagram_layout_get_label  (V21DiagramLayout     *layout,
                                                         guint                 index);
/* The boxes of the markers (dots, arrows, diamonds, stars, squares). */
guint                     v21_diagram_layout_get_n_markers (V21DiagramLayout  *layout);
const cairo_rectangle_t  *v21_diagram_layout_get_marker (V21DiagramLayout     *layout,
                                                         guint                 index);
/* Where a point of the diagram is drawn; FALSE when it is not in it. */
gboolean                  v21_diagram_layout_get_position (V21DiagramLayout   *layout,
                                                         V21Record            *point,
                                                         double               *x,
                                                         double               *y);
/* The point drawn nearest to (@x, @y) within @radius, or NULL. */
V21Record                *v21_diagram_layout_find_point (V21DiagramLayout     *layout,
                                                         double                x,
                                                         double                y,
                                                         double                radius);

/**
 * v21_render_trajectories:
 * @workshop: the workshop
 * @scenario_id: (nullable): one scenario, or NULL for all trajectories overlaid
 * @cr: where to draw, from (0, 0)
 * @width: @height: the size of the figure in user units
 * @style: sizes and colours
 *
 * Draws the trajectory diagram: years from about ten years back through
 * "today" to the horizon, the cone of futures, each path styled by its kind,
 * milestones, threats, resources, weak signals, the vision, actions under the
 * axis, labels that never overlap, and a legend.
 */
void v21_render_trajectories (V21Workshop          *workshop,
                              const char           *scenario_id,
                              cairo_t              *cr,
                              double                width,
                              double                height,
                              const V21RenderStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (V21DiagramLayout, v21_diagram_layout_free)

G_END_DECLS
