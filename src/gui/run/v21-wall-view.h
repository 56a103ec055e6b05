/* v21-wall-view.h — the board's wall: cluster columns of card tiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_WALL_VIEW (v21_wall_view_get_type ())
G_DECLARE_FINAL_TYPE (V21WallView, v21_wall_view, V21, WALL_VIEW, GtkWidget)

/* Draws v21_wall_draw() for @cards (the board's filtered, sorted cards) in a
 * GtkScrolledWindow (it is a GtkScrollable). The arrows choose a tile;
 * Ctrl+Space or Ctrl+click adds it to the selection or takes it out; a click
 * selects it alone. Space picks up the selected cards (or the chosen one),
 * Left and Right then choose a column, Enter (or Space) drops them there (the
 * last column makes a new cluster), Escape puts them back. A drag of a tile to a column
 * does the same. Each move is one undo step. Signal "selection-changed". */
GtkWidget  *v21_wall_view_new           (V21Workshop *workshop,
                                         GListModel  *cards);
/* The selected cards (V21Record), in the wall's order. */
GPtrArray  *v21_wall_view_get_selected  (V21WallView *self);
void        v21_wall_view_unselect_all  (V21WallView *self);
/* Whether cards are picked up (Space), waiting for Enter. */
gboolean    v21_wall_view_get_picked    (V21WallView *self);

/* For the tests: the drop target (its "drop" takes "id\nid…" at wall
 * coordinates), the card the keyboard is on, a column's left edge. */
GtkDropTarget *_v21_wall_view_get_drop_target (V21WallView *self);
V21Record     *_v21_wall_view_get_focus       (V21WallView *self);
double         _v21_wall_view_column_x        (V21WallView *self,
                                               const char  *cluster_id);
/* Frames drawn, and tiles laid out, since the start (benchmarks). */
guint          _v21_wall_view_get_n_layouts   (void);

G_END_DECLS
