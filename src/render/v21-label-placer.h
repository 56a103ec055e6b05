/* v21-label-placer.h — labels that never overlap each other or the markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

/* Where a label went. A label that found no free room is not placed (and not
 * drawn); a label moved away from its anchor is drawn with a leader line. */
typedef struct
{
  cairo_rectangle_t box;
  double            anchor_x;
  double            anchor_y;
  gboolean          placed;
  gboolean          leader;
  /* The leader line, when there is one: from the edge of the anchor's marker
   * to the nearest point of the box. */
  double            leader_x0;
  double            leader_y0;
  double            leader_x1;
  double            leader_y1;
} V21LabelPlacement;

typedef struct _V21LabelPlacer V21LabelPlacer;

/* Labels stay inside @bounds, @gap apart from each other and from obstacles. */
V21LabelPlacer *v21_label_placer_new          (const cairo_rectangle_t *bounds,
                                               double                   gap);
void            v21_label_placer_free         (V21LabelPlacer          *placer);

/* A label further than @distance from its anchor is left out: past some
 * length, a leader line confuses more than it tells. */
void            v21_label_placer_set_max_distance (V21LabelPlacer      *placer,
                                                   double               distance);

/* A label's box stays within @distance of its anchor horizontally (the
 * reader reads a year off the time axis under it). */
void            v21_label_placer_set_window   (V21LabelPlacer          *placer,
                                               double                   distance);

/* A stretch of a drawn line (a curve): no leader line may cross it. */
void            v21_label_placer_add_line     (V21LabelPlacer          *placer,
                                               double                   x0,
                                               double                   y0,
                                               double                   x1,
                                               double                   y1);

/* A marker (a hard obstacle, never covered) or a stretch of a path (soft: a
 * label avoids it when it can, and may cover it when there is no other room). */
void            v21_label_placer_add_obstacle (V21LabelPlacer          *placer,
                                               const cairo_rectangle_t *box,
                                               gboolean                 soft);

/* Greedy: tries positions around the anchor's @marker (right, left, above,
 * below, corners), then further away, stacked above and below, with a leader
 * line that crosses no label, marker, line or other leader; the first free
 * one wins and becomes an obstacle for the next labels (its leader a line).
 * Returns whether the label was placed. */
gboolean        v21_label_placer_place        (V21LabelPlacer          *placer,
                                               double                   anchor_x,
                                               double                   anchor_y,
                                               const cairo_rectangle_t *marker,
                                               double                   width,
                                               double                   height,
                                               V21LabelPlacement       *placement);

/* Whether the two rectangles share some area (touching edges do not count). */
gboolean        v21_rectangles_overlap        (const cairo_rectangle_t *a,
                                               const cairo_rectangle_t *b);

/* Whether the segment (@x0, @y0)–(@x1, @y1) passes through @box. */
gboolean        v21_segment_crosses_rectangle (const cairo_rectangle_t *box,
                                               double                   x0,
                                               double                   y0,
                                               double                   x1,
                                               double                   y1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (V21LabelPlacer, v21_label_placer_free)

G_END_DECLS
