/* v21-card-row.h — one card in a list: its kind, its table and its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_CARD_ROW (v21_card_row_get_type ())
G_DECLARE_FINAL_TYPE (V21CardRow, v21_card_row, V21, CARD_ROW, GtkWidget)

GtkWidget *v21_card_row_new      (void);
/* Shows @card (NULL: nothing); reads the table's name in @workshop. */
void       v21_card_row_set_card (V21CardRow  *self,
                                  V21Workshop *workshop,
                                  V21Record   *card);

/* A list item factory of V21CardRow for a GListModel of card records. */
GtkListItemFactory *v21_card_row_factory_new (V21Workshop *workshop);

/* The CSS class that colours a card kind: "v21-kind-issue"… */
char      *v21_kind_css_class    (const char *kind);

G_END_DECLS
