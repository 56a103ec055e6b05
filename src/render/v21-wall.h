/* v21-wall.h — the board as a wall: one column of card tiles per cluster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "v21-render-style.h"
#include "v21-workshop.h"

G_BEGIN_DECLS

/* Laid out once for its cards (in wall units, pixels at scale 1), drawn as
 * often as needed: a column per cluster in the workshop's order, then the
 * cards out of any cluster, then an empty column that a card dropped on
 * makes a new cluster. Columns have a fixed width, so a window's size changes
 * nothing but what is visible. */
typedef struct _V21Wall V21Wall;

typedef struct
{
  GHashTable *selected;      /* V21Record set, may be NULL */
  V21Record  *focus;         /* the keyboard's tile, may be NULL */
  gboolean    picked;        /* the selected (or focus) cards are picked up */
  guint       target;        /* the column they would go to */
  gboolean    has_focus;     /* the widget has the keyboard focus */
} V21WallState;

/* @cards: the cards to show (V21Record), in their order. @heights (may be
 * NULL): the tile heights measured before, by card, which the layout reads
 * and fills; the caller drops a card's entry when its text changes. */
V21Wall    *v21_wall_new              (V21Workshop          *workshop,
                                       GListModel           *cards,
                                       PangoContext         *pango,
                                       const V21RenderStyle *style,
                                       GHashTable           *heights);
/* A table for v21_wall_new()'s @heights. */
GHashTable *v21_wall_heights_new      (void);
void        v21_wall_free             (V21Wall              *wall);
void        v21_wall_get_size         (V21Wall              *wall,
                                       double               *width,
                                       double               *height);
guint       v21_wall_get_n_columns    (V21Wall              *wall);
/* The cluster of @column: a cluster record, or NULL for the cards out of any
 * cluster and for the new-cluster column (see v21_wall_column_is_new()). */
V21Record  *v21_wall_column_cluster   (V21Wall              *wall,
                                       guint                 column);
gboolean    v21_wall_column_is_new    (V21Wall              *wall,
                                       guint                 column);
const char *v21_wall_column_name      (V21Wall              *wall,
                                       guint                 column);
guint       v21_wall_column_n_cards   (V21Wall              *wall,
                                       guint                 column);
V21Record  *v21_wall_get_card         (V21Wall              *wall,
                                       guint                 column,
                                       guint                 index);
/* Where @card is; FALSE when it is not on the wall. */
gboolean    v21_wall_find             (V21Wall              *wall,
                                       V21Record            *card,
                                       guint                *column,
                                       guint                *index);
/* The column under @x (the nearest one), and the card under (@x, @y) or NULL. */
guint       v21_wall_column_at        (V21Wall              *wall,
                                       double                x);
V21Record  *v21_wall_card_at          (V21Wall              *wall,
                                       double                x,
                                       double                y);
void        v21_wall_get_tile         (V21Wall              *wall,
                                       guint                 column,
                                       guint                 index,
                                       cairo_rectangle_t    *rect);
/* Draws the part of the wall within @visible (wall units; @cr set up so that
 * they are its user units). Only the tiles that meet @visible are drawn. */
void        v21_wall_draw             (V21Wall              *wall,
                                       cairo_t              *cr,
                                       const cairo_rectangle_t *visible,
                                       const V21WallState   *state);
/* The fill and text colours of a card of @kind, as the board's CSS draws it. */
void        v21_wall_kind_colors      (const char           *kind,
                                       V21Rgba              *fill,
                                       V21Rgba              *text);

G_END_DECLS
