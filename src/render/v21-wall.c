/* v21-wall.c — the board as a wall: one column of card tiles per cluster
 *
 * The layout measures each card once (Pango, at the column's width); drawing
 * walks only the tiles that meet the visible rectangle, column by column with
 * a binary search on their tops, so a frame costs what is on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "v21-capture.h"
#include "v21-cards.h"
#include "v21-render-text.h"
#include "v21-wall.h"

#define MARGIN 12.0
#define COLUMN_WIDTH 240.0
#define GAP 12.0
#define HEADER 44.0
#define PAD 8.0
#define TILE_GAP 8.0
#define TEXT_SIZE 13.0
#define KIND_SIZE 10.0
#define TEXT_LINES 4

typedef struct
{
  V21Record  *cluster;   /* NULL: out of any cluster, or the new column */
  gboolean    is_new;
  char       *name;
  GPtrArray  *cards;     /* V21Record, borrowed from the model's items (kept by the workshop) */
  GArray     *tops;      /* double, one per card */
  GArray     *heights;   /* double */
  double      x;
  double      bottom;
} Column;

struct _V21Wall
{
  V21Workshop    *workshop;
  PangoContext   *pango;
  V21RenderStyle  style;
  GArray         *columns;   /* Column */
  GHashTable     *heights;   /* V21Record → double *, or NULL */
  double          width;
  double          height;
};

void
v21_wall_kind_colors (const char *kind,
                      V21Rgba    *fill,
                      V21Rgba    *text)
{
  /* The Adwaita palette, as ui/style.css colours the kinds (.v21-kind-*). */
  static const struct { const char *kind; const char *fill; gboolean dark_text; } colors[] = {
    { "issue", "#3584e4", FALSE }, { "threat", "#e01b24", FALSE }, { "resource", "#2ec27e", FALSE },
    { "trend", "#9141ac", FALSE }, { "weak_signal", "#f8e45c", TRUE }, { "challenge", "#ff7800", TRUE },
    { "idea", "#8ff0a4", TRUE }, { "action", "#986a44", FALSE }, { "vision", "#5e5c64", FALSE },
  };
  const char *hex = "#deddda";
  gboolean dark_text = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_strcmp0 (colors[i].kind, kind) == 0)
      {
        hex = colors[i].fill;
        dark_text = colors[i].dark_text;
      }
  v21_render_parse_color (hex, fill);
  *text = dark_text ? (V21Rgba) { 0, 0, 0, 1 } : (V21Rgba) { 1, 1, 1, 1 };
}

static void
clear_column (gpointer data)
{
  Column *column = data;

  g_free (column->name);
  g_ptr_array_unref (column->cards);
  g_array_unref (column->tops);
  g_array_unref (column->heights);
}

static Column *
add_column (V21Wall    *wall,
            V21Record  *cluster,
            const char *name,
            gboolean    is_new)
{
  Column column = { cluster, is_new, g_strdup (name), g_ptr_array_new (),
                    g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)),
                    MARGIN + wall->columns->len * (COLUMN_WIDTH + GAP), MARGIN + HEADER };

  g_array_append_val (wall->columns, column);
  return &g_array_index (wall->columns, Column, wall->columns->len - 1);
}

GHashTable *
v21_wall_heights_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

static double
measure_tile (V21Wall   *wall,
              V21Record *card)
{
  g_autoptr(PangoLayout) layout = v21_render_text_layout (wall->pango, &wall->style, v21_text (card, "text"),
                                                          TEXT_SIZE, FALSE, COLUMN_WIDTH - 2 * PAD, TEXT_LINES);
  double width, height;

  v21_render_text_size (layout, &width, &height);
  return PAD + KIND_SIZE * 1.5 + height + PAD;
}

static double
tile_height (V21Wall   *wall,
             V21Record *card)
{
  double *known = wall->heights ? g_hash_table_lookup (wall->heights, card) : NULL;

  if (known == NULL)
    {
      known = g_new (double, 1);
      *known = measure_tile (wall, card);
      if (wall->heights == NULL)
        {
          double height = *known;

          g_free (known);
          return height;
        }
      g_hash_table_insert (wall->heights, card, known);
    }
  return *known;
}

static void
place (V21Wall   *wall,
       Column    *column,
       V21Record *card)
{
  double height = tile_height (wall, card);

  g_ptr_array_add (column->cards, card);
  g_array_append_val (column->tops, column->bottom);
  g_array_append_val (column->heights, height);
  column->bottom += height + TILE_GAP;
}

V21Wall *
v21_wall_new (V21Workshop          *workshop,
              GListModel           *cards,
              PangoContext         *pango,
              const V21RenderStyle *style,
              GHashTable           *heights)
{
  V21Wall *wall = g_new0 (V21Wall, 1);
  V21Collection *clusters = v21_workshop_get_collection (workshop, "clusters");
  g_autoptr(GHashTable) by_cluster = g_hash_table_new (NULL, NULL);
  guint n = g_list_model_get_n_items (cards);
  guint loose;

  wall->workshop = workshop;
  wall->pango = g_object_ref (pango);
  wall->heights = heights;
  wall->style = *style;
  wall->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (wall->columns, clear_column);
  for (guint i = 0; i < v21_collection_get_n (clusters); i++)
    {
      V21Record *cluster = v21_collection_get (clusters, i);

      add_column (wall, cluster, v21_text (cluster, "name"), FALSE);
      g_hash_table_insert (by_cluster, cluster, GUINT_TO_POINTER (i + 1));
    }
  loose = wall->columns->len;
  add_column (wall, NULL, _("Out of any cluster"), FALSE);
  add_column (wall, NULL, _("New cluster"), TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(V21Record) card = g_list_model_get_item (cards, i);
      V21Record *cluster = v21_workshop_lookup (workshop, v21_text (card, "cluster"));
      guint index = cluster ? GPOINTER_TO_UINT (g_hash_table_lookup (by_cluster, cluster)) : 0;

      place (wall, &g_array_index (wall->columns, Column, index > 0 ? index - 1 : loose), card);
    }
  wall->width = MARGIN + wall->columns->len * (COLUMN_WIDTH + GAP) - GAP + MARGIN;
  wall->height = MARGIN + HEADER;
  for (guint i = 0; i < wall->columns->len; i++)
    wall->height = MAX (wall->height, g_array_index (wall->columns, Column, i).bottom);
  wall->height += MARGIN;
  return wall;
}

void
v21_wall_free (V21Wall *wall)
{
  if (wall == NULL)
    return;
  g_array_unref (wall->columns);
  g_object_unref (wall->pango);
  g_free (wall);
}

void
v21_wall_get_size (V21Wall *wall,
                   double  *width,
                   double  *height)
{
  *width = wall->width;
  *height = wall->height;
}

guint
v21_wall_get_n_columns (V21Wall *wall)
{
  return wall->columns->len;
}

static Column *
column_of (V21Wall *wall,
           guint    column)
{
  g_return_val_if_fail (column < wall->columns->len, NULL);
  return &g_array_index (wall->columns, Column, column);
}

V21Record *
v21_wall_column_cluster (V21Wall *wall,
                         guint    column)
{
  return column_of (wall, column)->cluster;
}

gboolean
v21_wall_column_is_new (V21Wall *wall,
                        guint    column)
{
  return column_of (wall, column)->is_new;
}

const char *
v21_wall_column_name (V21Wall *wall,
                      guint    column)
{
  return column_of (wall, column)->name;
}

guint
v21_wall_column_n_cards (V21Wall *wall,
                         guint    column)
{
  return column_of (wall, column)->cards->len;
}

V21Record *
v21_wall_get_card (V21Wall *wall,
                   guint    column,
                   guint    index)
{
  Column *c = column_of (wall, column);

  return index < c->cards->len ? g_ptr_array_index (c->cards, index) : NULL;
}

gboolean
v21_wall_find (V21Wall   *wall,
               V21Record *card,
               guint     *column,
               guint     *index)
{
  for (guint i = 0; card != NULL && i < wall->columns->len; i++)
    if (g_ptr_array_find (g_array_index (wall->columns, Column, i).cards, card, index))
      {
        *column = i;
        return TRUE;
      }
  return FALSE;
}

guint
v21_wall_column_at (V21Wall *wall,
                    double   x)
{
  double column = floor ((x - MARGIN + GAP / 2) / (COLUMN_WIDTH + GAP));

  return (guint) CLAMP (column, 0, wall->columns->len - 1);
}

/* The first card of @c whose tile ends below @y. */
static guint
first_below (Column *c,
             double  y)
{
  guint low = 0, high = c->cards->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (g_array_index (c->tops, double, mid) + g_array_index (c->heights, double, mid) < y)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

V21Record *
v21_wall_card_at (V21Wall *wall,
                  double   x,
                  double   y)
{
  Column *c = column_of (wall, v21_wall_column_at (wall, x));
  guint i = first_below (c, y);

  if (x < c->x || x > c->x + COLUMN_WIDTH || i >= c->cards->len || y < g_array_index (c->tops, double, i))
    return NULL;
  return g_ptr_array_index (c->cards, i);
}

void
v21_wall_get_tile (V21Wall           *wall,
                   guint              column,
                   guint              index,
                   cairo_rectangle_t *rect)
{
  Column *c = column_of (wall, column);

  rect->x = c->x;
  rect->width = COLUMN_WIDTH;
  rect->y = index < c->cards->len ? g_array_index (c->tops, double, index) : c->bottom;
  rect->height = index < c->cards->len ? g_array_index (c->heights, double, index) : 0;
}

/* Drawing */

static void
draw_header (V21Wall            *wall,
             cairo_t            *cr,
             Column             *c,
             guint               index,
             const V21WallState *state)
{
  g_autofree char *count = g_strdup_printf ("%u", c->cards->len);
  g_autoptr(PangoLayout) name = v21_render_text_layout (wall->pango, &wall->style, c->name, TEXT_SIZE, TRUE,
                                                        COLUMN_WIDTH - 40, 2);
  g_autoptr(PangoLayout) number = v21_render_text_layout (wall->pango, &wall->style, count, TEXT_SIZE, FALSE, -1, 1);
  double width, height;

  if (state->picked && state->target == index)
    {
      v21_render_rounded_rectangle (cr, c->x - 4, MARGIN - 4, COLUMN_WIDTH + 8,
                                    MAX (c->bottom, MARGIN + HEADER + 40) - MARGIN + 4, 8);
      v21_render_set_color (cr, &wall->style.desired, 0.18);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 2);
      v21_render_set_color (cr, &wall->style.desired, 1);
      cairo_stroke (cr);
    }
  v21_render_text_show (cr, name, c->x, MARGIN, c->is_new ? &wall->style.muted : &wall->style.foreground);
  if (!c->is_new)
    {
      v21_render_text_size (number, &width, &height);
      v21_render_text_show (cr, number, c->x + COLUMN_WIDTH - width, MARGIN, &wall->style.muted);
    }
  else
    {
      /* The new column is a place to drop cards on. */
      double dashes[] = { 6, 4 };

      cairo_save (cr);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_line_width (cr, 1.5);
      v21_render_rounded_rectangle (cr, c->x + 1, MARGIN + HEADER, COLUMN_WIDTH - 2, 80, 8);
      v21_render_set_color (cr, &wall->style.muted, 1);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
draw_tile (V21Wall            *wall,
           cairo_t            *cr,
           Column             *c,
           guint               i,
           const V21WallState *state)
{
  V21Record *card = g_ptr_array_index (c->cards, i);
  double y = g_array_index (c->tops, double, i), height = g_array_index (c->heights, double, i);
  const char *kind = v21_text (card, "kind");
  gboolean selected = state->selected != NULL && g_hash_table_contains (state->selected, card);
  g_autoptr(PangoLayout) label = v21_render_text_layout (wall->pango, &wall->style, v21_card_kind_label (kind),
                                                         KIND_SIZE, TRUE, COLUMN_WIDTH - 2 * PAD, 1);
  g_autoptr(PangoLayout) text = v21_render_text_layout (wall->pango, &wall->style, v21_text (card, "text"),
                                                        TEXT_SIZE, FALSE, COLUMN_WIDTH - 2 * PAD, TEXT_LINES);
  V21Rgba fill, ink;

  v21_wall_kind_colors (kind, &fill, &ink);
  v21_render_rounded_rectangle (cr, c->x, y, COLUMN_WIDTH, height, 6);
  v21_render_set_color (cr, &fill, state->picked && selected ? 0.55 : 1);
  cairo_fill (cr);
  if (selected || (state->focus == card && state->has_focus))
    {
      /* Selected: a thick outline; the keyboard's tile: a thin one inside. */
      double inset = selected ? 1.5 : 3;

      v21_render_rounded_rectangle (cr, c->x + inset, y + inset, COLUMN_WIDTH - 2 * inset, height - 2 * inset, 5);
      cairo_set_line_width (cr, selected ? 3 : 2);
      v21_render_set_color (cr, &wall->style.foreground, 1);
      if (!selected)
        {
          double dashes[] = { 4, 3 };

          cairo_set_dash (cr, dashes, 2, 0);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  v21_render_text_show (cr, label, c->x + PAD, y + PAD, &ink);
  v21_render_text_show (cr, text, c->x + PAD, y + PAD + KIND_SIZE * 1.5, &ink);
}

void
v21_wall_draw (V21Wall                 *wall,
               cairo_t                 *cr,
               const cairo_rectangle_t *visible,
               const V21WallState      *state)
{
  for (guint i = 0; i < wall->columns->len; i++)
    {
      Column *c = &g_array_index (wall->columns, Column, i);

      if (c->x + COLUMN_WIDTH + 8 < visible->x || c->x - 8 > visible->x + visible->width)
        continue;
      draw_header (wall, cr, c, i, state);
      for (guint j = first_below (c, visible->y); j < c->cards->len; j++)
        {
          if (g_array_index (c->tops, double, j) > visible->y + visible->height)
            break;
          draw_tile (wall, cr, c, j, state);
        }
    }
}
