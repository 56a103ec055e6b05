/* v21-render-text.h — text for the drawings, through PangoCairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "v21-render-style.h"

G_BEGIN_DECLS

/* A Pango context whose measurements do not depend on the surface (no metric
 * hinting), so a layout computed once fits screen, PNG, SVG and PDF alike. */
PangoContext *v21_render_text_context (void);
/* The same on @map, e.g. a font map of its own for layouts made in one thread
 * and drawn in another (the default font map is the thread's). */
PangoContext *v21_render_text_context_for_map (PangoFontMap *map);

/* A layout of @text at @size (user units), bold when @bold; wrapped at word
 * boundaries within @max_width (no limit when <= 0) into at most @max_lines
 * lines (ellipsized after; no limit when <= 0). */
PangoLayout  *v21_render_text_layout  (PangoContext         *context,
                                       const V21RenderStyle *style,
                                       const char           *text,
                                       double                size,
                                       gboolean              bold,
                                       double                max_width,
                                       int                   max_lines);
void          v21_render_text_size    (PangoLayout          *layout,
                                       double               *width,
                                       double               *height);
/* Draws @layout with its top left at (@x, @y) in @color. */
void          v21_render_text_show    (cairo_t              *cr,
                                       PangoLayout          *layout,
                                       double                x,
                                       double                y,
                                       const V21Rgba        *color);

/* For tests: what v21_render_text_show draws in this thread between start
 * and stop, as V21ShownText items (the box in device units, the lines as
 * laid out). The returned array frees its items. */
typedef struct
{
  cairo_rectangle_t box;
  gboolean          ellipsized;
  char             *text;
  GStrv             lines;
} V21ShownText;

void          v21_render_text_record_start (void);
GArray       *v21_render_text_record_stop  (void);

/* A number in the locale's style ("1 234" in French). */
char         *v21_render_format_number (double               value);

void          v21_render_rounded_rectangle (cairo_t        *cr,
                                            double          x,
                                            double          y,
                                            double          width,
                                            double          height,
                                            double          radius);

G_END_DECLS
