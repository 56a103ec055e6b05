/* v21-diagram-geometry.h — years and levels to positions in a trajectory diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

#define V21_LEVEL_STEP 0.05

/* The plot area of a trajectory diagram: years run left to right from
 * @year_min to @year_max, levels (0–1, "degré de transition") bottom to top. */
typedef struct
{
  cairo_rectangle_t plot;
  int               year_min;
  int               year_max;
  int               today;
  int               horizon;
} V21DiagramGeometry;

void   v21_diagram_geometry_init (V21DiagramGeometry       *geometry,
                                  const cairo_rectangle_t  *plot,
                                  int                       year_min,
                                  int                       year_max);
double v21_diagram_year_to_x     (const V21DiagramGeometry *geometry,
                                  double                    year);
double v21_diagram_x_to_year     (const V21DiagramGeometry *geometry,
                                  double                    x);
double v21_diagram_level_to_y    (const V21DiagramGeometry *geometry,
                                  double                    level);
double v21_diagram_y_to_level    (const V21DiagramGeometry *geometry,
                                  double                    y);

/* What a drag or a click at (@x, @y) means: a whole year within the axis and a
 * level clamped to 0–1, rounded to a hundredth. */
void   v21_diagram_snap          (const V21DiagramGeometry *geometry,
                                  double                    x,
                                  double                    y,
                                  int                      *year,
                                  double                   *level);

G_END_DECLS
