/* v21-diagram-geometry.c — years and levels to positions in a trajectory diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <math.h>

#include "v21-diagram-geometry.h"

void
v21_diagram_geometry_init (V21DiagramGeometry      *geometry,
                           const cairo_rectangle_t *plot,
                           int                      year_min,
                           int                      year_max)
{
  g_return_if_fail (geometry != NULL && plot != NULL);

  geometry->plot = *plot;
  geometry->year_min = year_min;
  geometry->year_max = MAX (year_max, year_min + 1);
  geometry->today = year_min;
  geometry->horizon = geometry->year_max;
}

double
v21_diagram_year_to_x (const V21DiagramGeometry *geometry,
                       double                    year)
{
  double span = geometry->year_max - geometry->year_min;

  return geometry->plot.x + (year - geometry->year_min) / span * geometry->plot.width;
}

double
v21_diagram_x_to_year (const V21DiagramGeometry *geometry,
                       double                    x)
{
  double span = geometry->year_max - geometry->year_min;

  if (geometry->plot.width <= 0)
    return geometry->year_min;
  return geometry->year_min + (x - geometry->plot.x) / geometry->plot.width * span;
}

double
v21_diagram_level_to_y (const V21DiagramGeometry *geometry,
                        double                    level)
{
  return geometry->plot.y + (1.0 - level) * geometry->plot.height;
}

double
v21_diagram_y_to_level (const V21DiagramGeometry *geometry,
                        double                    y)
{
  if (geometry->plot.height <= 0)
    return 0;
  return 1.0 - (y - geometry->plot.y) / geometry->plot.height;
}

void
v21_diagram_snap (const V21DiagramGeometry *geometry,
                  double                    x,
                  double                    y,
                  int                      *year,
                  double                   *level)
{
  double y_level = v21_diagram_y_to_level (geometry, y);

  *year = CLAMP ((int) lround (v21_diagram_x_to_year (geometry, x)),
                 geometry->year_min, geometry->year_max);
  *level = round (CLAMP (y_level, 0.0, 1.0) * 100.0) / 100.0;
}
