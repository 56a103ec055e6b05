/* v21-table-card.h — one table: its name, colour, members and their mix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_TABLE_CARD (v21_table_card_get_type ())
G_DECLARE_FINAL_TYPE (V21TableCard, v21_table_card, V21, TABLE_CARD, GtkBox)

/* A card for @table (NULL: the people at no table) showing its name (edited
 * in place), its colour (a colour button), its members and how many of each
 * category. People dragged onto it (a person's id as text, from
 * v21_table_card_drag_source()) move to it, as one undoable step. */
GtkWidget         *v21_table_card_new         (V21Workshop *workshop,
                                               V21Record   *table);
V21Record         *v21_table_card_get_table   (V21TableCard *self);

/* Makes @widget a drag source for @person (or, with @person NULL, for the
 * person stored as "v21-person" on @widget when the drag starts). */
void               v21_table_card_drag_source (GtkWidget   *widget,
                                               V21Record   *person);

/* Moves @person to @table (NULL: no table); one undoable step, shown in a
 * toast on @widget's window. */
gboolean           v21_table_card_move_person (GtkWidget   *widget,
                                               V21Workshop *workshop,
                                               V21Record   *person,
                                               V21Record   *table);

/* How many times any table card re-read its table (tests). */
guint      _v21_table_card_get_n_reads (void);

G_END_DECLS
