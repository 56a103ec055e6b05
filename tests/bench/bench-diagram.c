/* bench-diagram.c — how long one trajectory diagram takes to draw
 *
 * 20 trajectories of 30 points each (every third point labelled, so 200 labels
 * to place) at 3840 × 2160, in the projector style: layout, label placement
 * and drawing into an image surface. Prints the median of repeated renders;
 * the aim is under 8 ms, half a 60 Hz frame.
 *
 * Run with: meson test -C _build --benchmark bench-diagram -v
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "v21-trajectory-diagram.h"
#include "fixture.h"

#define RUNS 41

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms (V21Workshop          *workshop,
           cairo_t              *cr,
           const V21RenderStyle *style)
{
  double times[RUNS];

  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      v21_render_trajectories (workshop, NULL, cr, 3840, 2160, style);
      cairo_surface_flush (cairo_get_target (cr));
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  return times[RUNS / 2];
}

int
main (int argc, char **argv)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 3840, 2160);
  cairo_t *cr = cairo_create (surface);
  V21RenderStyle style;
  V21Workshop *sparse, *dense;

  v21_render_style_init (&style, V21_RENDER_PROJECTOR, FALSE);
  sparse = fixture_trajectories (20, 30, 2016, 40, 3);
  dense = fixture_trajectories (20, 30, 2016, 40, 1);

  v21_render_trajectories (sparse, NULL, cr, 3840, 2160, &style);   /* warm the font caches */
  printf ("bench-diagram: 20 trajectories × 30 points, 3840×2160, 200 labels: median %.2f ms over %d renders\n",
          median_ms (sparse, cr, &style), RUNS);
  printf ("bench-diagram: the same with all 600 points labelled: median %.2f ms over %d renders\n",
          median_ms (dense, cr, &style), RUNS);

  g_object_unref (sparse);
  g_object_unref (dense);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
