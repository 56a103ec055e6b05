/* v21-render-style.c — sizes and colours of the drawings, per medium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <string.h>

#include "v21-render-style.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, a }

typedef struct
{
  double title_size;
  double text_size;
  double small_size;
  double hairline;
  double axis_width;
  double path_width;
  double desired_width;
  double today_width;
  double marker_size;
  double padding;
  double label_max_width;
} Sizes;

/* Screen and PNG in pixels; the projector is read from the back of a room;
 * print is in points, for a figure across an A4 page. */
static const Sizes sizes[] = {
  [V21_RENDER_SCREEN] = { 17, 13, 11.5, 1, 1.25, 2.5, 4.5, 2, 4.5, 16, 190 },
  [V21_RENDER_PROJECTOR] = { 34, 24, 20, 1.5, 2, 4.5, 8, 3, 8, 28, 330 },
  [V21_RENDER_PRINT] = { 11, 8, 7, 0.5, 0.75, 1.5, 2.75, 1.25, 2.75, 12, 120 },
};

/* Calm colours, in the spirit of the GNOME palette, toned down for print. */
static const V21RenderStyle light = {
  .background = RGB (0xffffff),
  .foreground = RGB (0x241f31),
  .muted = RGB (0x5e5c64),
  .grid = RGB (0xe8e6e3),
  .axis = RGB (0x77767b),
  .today = RGB (0x1a5fb4),
  .cone = RGBA (0x3584e4, 0.10),
  .label_background = RGBA (0xffffff, 0.86),
  .past = RGB (0x3d3846),
  .baseline = RGB (0x8e8b93),
  .desired = RGB (0x2e8b57),
  .disruption = RGB (0xe06c00),
  .exploratory = RGB (0x6a7fa8),
  .threat = RGB (0xc01c28),
  .resource = RGB (0x26a269),
  .weak_signal = RGB (0x7d4f9e),
  .action = RGB (0x3d3846),
  .heat = { RGB (0xe5a7a0), RGB (0xf3d3a0), RGB (0xc9e3b3), RGB (0x7cc295) },
  .heat_empty = RGB (0xf4f3f1),
};

static const V21RenderStyle dark = {
  .background = RGB (0x242424),
  .foreground = RGB (0xf6f5f4),
  .muted = RGB (0xb0afb4),
  .grid = RGB (0x3a3a3c),
  .axis = RGB (0x9a9996),
  .today = RGB (0x78aeed),
  .cone = RGBA (0x78aeed, 0.12),
  .label_background = RGBA (0x242424, 0.86),
  .past = RGB (0xdeddda),
  .baseline = RGB (0x9a9996),
  .desired = RGB (0x57c98a),
  .disruption = RGB (0xffa348),
  .exploratory = RGB (0x99b3d9),
  .threat = RGB (0xff7b72),
  .resource = RGB (0x57e389),
  .weak_signal = RGB (0xc39be0),
  .action = RGB (0xdeddda),
  .heat = { RGB (0x8a3b35), RGB (0x8c6a2e), RGB (0x4f7a3c), RGB (0x2f7d55) },
  .heat_empty = RGB (0x303030),
};

/**
 * v21_render_style_init:
 * @style: the style to fill
 * @medium: screen, projector or print
 * @dark: light text on a dark background
 *
 * Fills @style with the house sizes for @medium and the light or dark colours.
 */
void
v21_render_style_init (V21RenderStyle  *style,
                       V21RenderMedium  medium,
                       gboolean         dark_colors)
{
  const Sizes *s;

  g_return_if_fail (style != NULL);
  g_return_if_fail (medium <= V21_RENDER_PRINT);

  *style = dark_colors ? dark : light;
  s = &sizes[medium];
  style->medium = medium;
  style->dark = dark_colors;
  style->font_family = "Cantarell, DejaVu Sans, sans-serif";
  style->title_size = s->title_size;
  style->text_size = s->text_size;
  style->small_size = s->small_size;
  style->hairline = s->hairline;
  style->axis_width = s->axis_width;
  style->path_width = s->path_width;
  style->desired_width = s->desired_width;
  style->today_width = s->today_width;
  style->marker_size = s->marker_size;
  style->padding = s->padding;
  style->label_max_width = s->label_max_width;
}

gboolean
v21_render_medium_from_string (const char      *name,
                               V21RenderMedium *medium)
{
  static const char * const names[] = { "screen", "projector", "print" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *medium = (V21RenderMedium) i;
        return TRUE;
      }
  return FALSE;
}

void
v21_render_set_color (cairo_t       *cr,
                      const V21Rgba *color,
                      double         opacity)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * opacity);
}

gboolean
v21_render_parse_color (const char *text,
                        V21Rgba    *color)
{
  guint64 value;
  char *end = NULL;

  if (text == NULL || strlen (text) != 7 || text[0] != '#' || !g_ascii_isxdigit (text[1]))
    return FALSE;
  value = g_ascii_strtoull (text + 1, &end, 16);
  if (end == NULL || *end != '\0')
    return FALSE;
  color->red = (value >> 16 & 0xff) / 255.0;
  color->green = (value >> 8 & 0xff) / 255.0;
  color->blue = (value & 0xff) / 255.0;
  color->alpha = 1.0;
  return TRUE;
}
