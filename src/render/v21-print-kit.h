/* v21-print-kit.h — the seminar's printable kit, as an A4 PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

/* What is printed before a seminar, in this order:
 *   a cover with the contents;
 *   the run sheet, one page per day;
 *   a table sign per table (landscape, folded in two: the name reads from
 *   both sides), in the table's colour;
 *   a sign-in sheet per table, then for the people at no table;
 *   each table's participant list, then the people at no table;
 *   the portrait of the territory;
 *   the future news articles, one newspaper clipping per page;
 *   the trend cards, then the challenge sheets, four per page with cut marks;
 *   for the exercises the workshop has (by code), a sheet per table: the
 *   robustness grid (T2), the "We are in [horizon]…" writing sheet and the
 *   "what if…" cards (T3), the timeline strip (T4), the action sheet (T5);
 *   the vote material of each vote round;
 *   a "conditions of application" form per exercise.
 * Personal data stays out: no e-mail addresses, and a person is named only
 * with their consent (v21_consent_name()); the sign-in sheet leaves the
 * others a blank line to write their own name on. */

/* How many pages the kit of @workshop has. */
guint    v21_print_kit_count_pages (V21Workshop     *workshop);

/* Draws every page of the kit on @surface, a PDF surface (each page gets its
 * own size). */
void     v21_print_kit_render      (V21Workshop     *workshop,
                                    cairo_surface_t *surface);

/* Writes the kit to @path (atomically, like every file the project writes). */
gboolean v21_print_kit_write       (V21Workshop     *workshop,
                                    const char      *path,
                                    GError         **error);

G_END_DECLS
