/* v21-heat-map.h — the robustness test as a heat map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "v21-workshop.h"
#include "v21-render-style.h"

G_BEGIN_DECLS

/**
 * v21_render_heat_map:
 * @workshop: the workshop (its robustness scores, challenge and answer cards)
 * @cr: where to draw, from (0, 0)
 * @width: @height: the size of the figure
 * @style: sizes and colours
 *
 * Draws challenges (rows) × current answers (columns), each cell coloured by
 * its score from 0 (does not hold) to 3 (robust), with a corner mark when the
 * score has a comment, and the scale as a legend.
 */
void v21_render_heat_map (V21Workshop          *workshop,
                          cairo_t              *cr,
                          double                width,
                          double                height,
                          const V21RenderStyle *style);

G_END_DECLS
