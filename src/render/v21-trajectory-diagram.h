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

/* Which labels a diagram writes. */
typedef enum
{
  V21_DIAGRAM_LABELS_ALL,             /* beside their point where there is room, else numbered */
  V21_DIAGRAM_LABELS_KEY,             /* every label numbered at its point, listed in the key */
  V21_DIAGRAM_LABELS_MOST_IMPORTANT,  /* only the @max_labels most important, beside their point */
  V21_DIAGRAM_LABELS_NONE,            /* the trajectories alone */
} V21DiagramLabelMode;

typedef struct
{
  V21DiagramLabelMode label_mode;
  guint               max_labels;  /* for V21_DIAGRAM_LABELS_MOST_IMPORTANT */
  double              text_size;   /* of labels and key; 0: the style's */
} V21DiagramOptions;

/* What became of one label. */
typedef enum
{
  V21_LABEL_BESIDE,     /* written beside its point */
  V21_LABEL_NUMBERED,   /* a number at its point, the text in the key */
  V21_LABEL_LEFT_OUT,   /* not asked for (the label mode) */
  V21_LABEL_UNLISTED,   /* no room left even in the key: counted in its last line */
} V21DiagramLabelState;

/* What one label of the diagram stands for, and where it went. */
typedef struct
{
  V21Record            *point;       /* a record of "points" */
  V21LabelPlacement     placement;   /* the text's box, or the number's */
  V21DiagramLabelState  state;
  guint                 number;      /* in the key, from 1; 0 when beside its point */
  gboolean              cut;         /* its text does not show whole (never, tests say) */
  cairo_rectangle_t     key_box;     /* the key's entry, when numbered */
} V21DiagramLabel;

/* A text of the frame (title, axis title, ticks, headers, legend, key). */
typedef struct
{
  cairo_rectangle_t box;
  gboolean          cut;   /* ellipsized, or past the figure's edge */
} V21DiagramText;

/* @scenario_id: the trajectories of one scenario (with the past, which every
 * scenario shares, and for a disruption the baseline it forks from), or NULL
 * for all of them overlaid. */
V21DiagramLayout         *v21_diagram_layout_new        (V21Workshop          *workshop,
                                                         const char           *scenario_id,
                                                         double                width,
                                                         double                height,
                                                         const V21RenderStyle *style);
V21DiagramLayout         *v21_diagram_layout_new_with_options (V21Workshop             *workshop,
                                                         const char              *scenario_id,
                                                         double                   width,
                                                         double                   height,
                                                         const V21RenderStyle    *style,
                                                         const V21DiagramOptions *options);
void                      v21_diagram_layout_free       (V21DiagramLayout     *layout);
/* Labels are shaped once and kept for the next layouts (of this thread):
 * this forgets them, as if no diagram had been laid out yet. */
void                      v21_diagram_forget_texts      (void);
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
/* The curves as drawn, flattened: @n_points (x, y) pairs each. */
guint                     v21_diagram_layout_get_n_curves (V21DiagramLayout   *layout);
const double             *v21_diagram_layout_get_curve  (V21DiagramLayout     *layout,
                                                         guint                 index,
                                                         guint                *n_points);
guint                     v21_diagram_layout_get_n_texts (V21DiagramLayout    *layout);
const V21DiagramText     *v21_diagram_layout_get_text   (V21DiagramLayout     *layout,
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
 * milestones, threats, resources, weak signals, the vision, actions on their
 * path, labels that never overlap, and a legend.
 */
void v21_render_trajectories (V21Workshop          *workshop,
                              const char           *scenario_id,
                              cairo_t              *cr,
                              double                width,
                              double                height,
                              const V21RenderStyle *style);

void v21_render_trajectories_with_options (V21Workshop             *workshop,
                                           const char              *scenario_id,
                                           cairo_t                 *cr,
                                           double                   width,
                                           double                   height,
                                           const V21RenderStyle    *style,
                                           const V21DiagramOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (V21DiagramLayout, v21_diagram_layout_free)

G_END_DECLS
