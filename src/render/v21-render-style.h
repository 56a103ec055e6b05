/* v21-render-style.h — sizes and colours of the drawings, per medium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cairo.h>

#include "v21-consent-text.h"

G_BEGIN_DECLS

/* Where a drawing is shown: a window, a projector at the back of a room, paper. */
typedef enum
{
  V21_RENDER_SCREEN,
  V21_RENDER_PROJECTOR,
  V21_RENDER_PRINT,
} V21RenderMedium;

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} V21Rgba;

/* Sizes are in user units of the cairo context: pixels on screen and in PNG,
 * points in PDF and SVG. Every drawing function only reads this struct. */
typedef struct
{
  V21RenderMedium medium;
  gboolean        dark;
  const char     *font_family;
  /* Texts through the report's typography (v21_typography_apply()). */
  gboolean        typography;
  /* Borrowed, may be NULL: every text drawn goes through it first, so that
   * a screen the room sees never shows a name nobody may read (the projector). */
  V21ConsentText *consent;

  double title_size;     /* font sizes */
  double text_size;
  double small_size;

  double hairline;       /* grids, leader lines */
  double axis_width;
  double path_width;     /* past, baseline, disruption, exploratory */
  double desired_width;  /* the desired path is thicker */
  double today_width;
  double marker_size;    /* radius of a milestone dot */
  double padding;        /* around the figure */
  double label_max_width;

  V21Rgba background;
  V21Rgba foreground;
  V21Rgba muted;         /* secondary text, ticks */
  V21Rgba grid;
  V21Rgba axis;
  V21Rgba today;
  V21Rgba cone;
  V21Rgba label_background;

  V21Rgba past;
  V21Rgba baseline;
  V21Rgba desired;
  V21Rgba disruption;
  V21Rgba exploratory;

  V21Rgba threat;
  V21Rgba resource;
  V21Rgba weak_signal;
  V21Rgba action;

  V21Rgba heat[4];       /* robustness scores 0–3 */
  V21Rgba heat_empty;    /* a pair nobody scored */
} V21RenderStyle;

void     v21_render_style_init             (V21RenderStyle  *style,
                                            V21RenderMedium  medium,
                                            gboolean         dark);
gboolean v21_render_medium_from_string     (const char      *name,
                                            V21RenderMedium *medium);

/* Sets the cairo source to @color (with its alpha times @opacity). */
void     v21_render_set_color              (cairo_t         *cr,
                                            const V21Rgba   *color,
                                            double           opacity);
/* "#rrggbb" into @color; FALSE (and @color unchanged) when malformed. */
gboolean v21_render_parse_color            (const char      *text,
                                            V21Rgba         *color);

G_END_DECLS
