/* v21-board-page.h — every card: filter, cluster, merge, link; and an outline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-wall-view.h"
#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_BOARD_PAGE (v21_board_page_get_type ())
G_DECLARE_FINAL_TYPE (V21BoardPage, v21_board_page, V21, BOARD_PAGE, AdwBin)

GtkWidget   *v21_board_page_new          (V21Workshop  *workshop);
/* The cards shown, after the filters and in their order (for tests and benchmarks). */
GListModel  *v21_board_page_get_model    (V21BoardPage *self);
/* How many times any board re-read a card for its rows (tests). */
guint        _v21_board_page_get_n_reads (void);
GtkScrolledWindow *v21_board_page_get_scroller (V21BoardPage *self);
/* The wall of cards (its Wall toggle shows it). */
V21WallView *_v21_board_page_get_wall    (V21BoardPage *self);
/* The text of the outline view (cluster → cards). */
char        *v21_board_page_get_outline  (V21BoardPage *self);

G_END_DECLS
