/* v21-projector-scene-private.h — what the scenes share inside the render layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-projector-scene.h"
#include "v21-render-text.h"

G_BEGIN_DECLS

/* Drawing context shared by the scenes */
typedef struct
{
  V21Workshop         *workshop;
  const V21SceneState *state;
  cairo_t             *cr;     /* NULL while only measuring */
  double               width;
  double               height;
  V21ProjectorSizes    sizes;
  V21RenderStyle       style;
  V21Rgba              warning;
  PangoContext        *pango;
} V21SceneContext;

/* Draws @text at (@x, @y) within @max_width in at most @max_lines lines;
 * returns its height. @color NULL: the foreground. */
double v21_scene_show_text    (V21SceneContext *s,
                               const char      *text,
                               double           size,
                               gboolean         bold,
                               double           x,
                               double           y,
                               double           max_width,
                               int              max_lines,
                               const V21Rgba   *color);
double v21_scene_measure_text (V21SceneContext *s,
                               const char      *text,
                               double           size,
                               gboolean         bold,
                               double           max_width,
                               int              max_lines);
/* The width @text takes on one line. */
double v21_scene_text_width   (V21SceneContext *s,
                               const char      *text,
                               double           size,
                               gboolean         bold);

/* The board scene (v21-board-scene.c) */
guint  v21_board_scene_n_pages (V21SceneContext *s);
void   v21_board_scene_draw    (V21SceneContext *s);

G_END_DECLS
