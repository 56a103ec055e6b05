/* bench-diagram.c — how long one trajectory diagram takes to draw
 *
 * 20 trajectories of 30 points each (every third point labelled, so 200 labels
 * to place) at 3840 × 2160, in the projector style: layout, label placement
 * and drawing into an image surface. Prints the median of repeated renders,
 * in wall-clock time and in the thread's CPU time (steadier on a shared
 * machine); the aim is under 8 ms, half a 60 Hz frame.
 *
 * Then the layout alone (placing every label, numbering the rest, the key)
 * of 20 trajectories of 12 points one year apart, each labelled with 120
 * characters, at 1280 × 720 and 1920 × 1080 on a projector: the aim is
 * under one 60 Hz frame (16.7 ms). Its floor, measured in the same run, is
 * the layout of a workshop with no trajectory (title, ticks, legend).
 * Twice: as the editor and the projector lay it out again (the labels'
 * texts shaped by the layout before, kept), and cold, every text shaped
 * anew (the first layout of a workshop, or after its labels all changed).
 *
 * Run with: meson test -C _build --benchmark bench-diagram -v
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "v21-trajectory-diagram.h"
#include "v21-projector-scene.h"
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
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

/* With @layout, only the drawing: what a redraw costs when nothing changed
 * (the editor keeps its layout until the workshop changes). */
static void
measure (const char           *what,
         V21Workshop          *workshop,
         V21DiagramLayout     *layout,
         cairo_t              *cr,
         double                width,
         double                height,
         const V21RenderStyle *style)
{
  double wall[RUNS], cpu[RUNS];

  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      if (layout != NULL)
        v21_diagram_layout_draw (layout, cr);
      else
        v21_render_trajectories (workshop, NULL, cr, width, height, style);
      cairo_surface_flush (cairo_get_target (cr));
      cpu[i] = cpu_ms () - cpu_start;
      wall[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (wall, RUNS, sizeof (double), compare_doubles);
  qsort (cpu, RUNS, sizeof (double), compare_doubles);
  printf ("bench-diagram: %s: median %.1f ms (CPU %.1f ms) over %d renders\n",
          what, wall[RUNS / 2], cpu[RUNS / 2], RUNS);
}

static double
median_layout_ms (V21Workshop          *workshop,
                  double                width,
                  double                height,
                  const V21RenderStyle *style,
                  gboolean              cold,
                  double               *cpu_median)
{
  double wall[RUNS], cpu[RUNS];

  for (int i = 0; i < RUNS; i++)
    {
      gint64 start;
      double cpu_start;

      if (cold)
        v21_diagram_forget_texts ();
      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();

      v21_diagram_layout_free (v21_diagram_layout_new (workshop, NULL, width, height, style));
      cpu[i] = cpu_ms () - cpu_start;
      wall[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (wall, RUNS, sizeof (double), compare_doubles);
  qsort (cpu, RUNS, sizeof (double), compare_doubles);
  *cpu_median = cpu[RUNS / 2];
  return wall[RUNS / 2];
}

/* The projector's sizes for a screen of @height (as draw_figure does). */
static void
projector_style (double          height,
                 V21RenderStyle *style)
{
  V21ProjectorSizes sizes;

  v21_projector_sizes (height, &sizes);
  v21_render_style_init (style, V21_RENDER_PROJECTOR, FALSE);
  style->title_size = sizes.heading;
  style->text_size = sizes.body;
  style->small_size = sizes.body;
  style->padding = sizes.body * 0.3;
}

static void
measure_layouts (void)
{
  g_autoptr(V21Workshop) stress = fixture_stress (20, 12, 30, 120);
  g_autoptr(V21Workshop) plain = fixture_trajectories (20, 12, 2016, 40, 1);
  g_autoptr(V21Workshop) empty = fixture_stress (0, 0, 30, 0);
  const double screens[][2] = { { 1280, 720 }, { 1920, 1080 } };
  struct { const char *what; V21Workshop *workshop; } cases[] = {
    { "240 labels of 30 characters", plain }, { "240 labels of 120 characters", stress },
  };

  for (guint s = 0; s < G_N_ELEMENTS (screens); s++)
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        V21RenderStyle style;
        double cpu, cold_cpu, floor_cpu, wall, cold_wall, floor_wall;

        projector_style (screens[s][1], &style);
        style.label_max_width = screens[s][0] / 5;
        median_layout_ms (cases[c].workshop, screens[s][0], screens[s][1], &style, FALSE, &cpu);   /* warm the caches */
        floor_wall = median_layout_ms (empty, screens[s][0], screens[s][1], &style, FALSE, &floor_cpu);
        wall = median_layout_ms (cases[c].workshop, screens[s][0], screens[s][1], &style, FALSE, &cpu);
        cold_wall = median_layout_ms (cases[c].workshop, screens[s][0], screens[s][1], &style, TRUE, &cold_cpu);
        printf ("bench-diagram: layout of 20 trajectories × 12 points, %s, %.0f×%.0f: "
                "median %.2f ms (CPU %.2f ms); cold, every text shaped anew: %.2f ms (CPU %.2f ms); "
                "floor, no trajectory: %.2f ms (CPU %.2f ms); over %d layouts\n",
                cases[c].what, screens[s][0], screens[s][1], wall, cpu, cold_wall, cold_cpu,
                floor_wall, floor_cpu, RUNS);
      }
}

int
main (int argc, char **argv)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 3840, 2160);
  cairo_t *cr = cairo_create (surface);
  V21RenderStyle style;
  V21Workshop *sparse, *dense;
  V21DiagramLayout *layout;

  measure_layouts ();
  v21_render_style_init (&style, V21_RENDER_PROJECTOR, FALSE);
  sparse = fixture_trajectories (20, 30, 2016, 40, 3);
  dense = fixture_trajectories (20, 30, 2016, 40, 1);

  v21_render_trajectories (sparse, NULL, cr, 3840, 2160, &style);   /* warm the font caches */
  measure ("20 trajectories × 30 points, 3840×2160, 200 labels", sparse, NULL, cr, 3840, 2160, &style);
  layout = v21_diagram_layout_new (sparse, NULL, 3840, 2160, &style);
  measure ("the same, drawing a layout already made", sparse, layout, cr, 3840, 2160, &style);
  v21_diagram_layout_free (layout);
  measure ("the same with all 600 points labelled", dense, NULL, cr, 3840, 2160, &style);
  if (argc > 1)
    {
      /* What the editor redraws on each step of a drag. */
      g_autoptr(GFile) file = g_file_new_for_path (argv[1]);
      g_autoptr(V21Workshop) demo = v21_workshop_load_file (file, NULL, NULL);
      cairo_surface_t *small = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 760);
      cairo_t *small_cr = cairo_create (small);

      v21_render_style_init (&style, V21_RENDER_SCREEN, FALSE);
      if (demo != NULL)
        measure ("the demo workshop, all trajectories, 1280×760 (an editor's redraw)", demo, NULL, small_cr,
                 1280, 760, &style);
      cairo_destroy (small_cr);
      cairo_surface_destroy (small);
    }

  /* For scale: one paint of the whole 4K surface, the floor of any figure. */
  {
    double cpu[RUNS];

    for (int i = 0; i < RUNS; i++)
      {
        double start = cpu_ms ();

        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_paint (cr);
        cairo_surface_flush (surface);
        cpu[i] = cpu_ms () - start;
      }
    qsort (cpu, RUNS, sizeof (double), compare_doubles);
    printf ("bench-diagram: for scale, one paint of the 3840×2160 surface: CPU %.1f ms\n", cpu[RUNS / 2]);
  }

  g_object_unref (sparse);
  g_object_unref (dense);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
