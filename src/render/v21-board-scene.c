/* v21-board-scene.c — the board on the projector: the sequence's cards by cluster
 *
 * Each cluster is a group: its name, then its cards. With few groups each has
 * a column of its own; otherwise the groups flow down the columns one after
 * the other, a group cut at the bottom of a column going on at the top of the
 * next under its name again. The text is as large as lets everything fit on
 * one screen, never below the body size; what does not fit at the body size
 * goes on further pages, which the facilitator turns from the console.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "v21-cards.h"
#include "v21-projector-scene-private.h"

#define CARD_LINES 4
#define HEADING_LINES 2

typedef struct
{
  V21Record  *cluster;  /* NULL for the cards in no cluster */
  const char *name;
  GPtrArray  *cards;    /* V21Record, borrowed */
} Group;

/* One heading or one card, placed on a page */
typedef struct
{
  guint       page;
  double      x;
  double      y;
  double      height;
  V21Record  *card;       /* NULL for a heading */
  char       *heading;    /* the group's name, "(continued)" at the top of a column */
} Placed;

typedef struct
{
  V21SceneContext *s;
  GArray          *groups;        /* Group */
  guint            max_columns;
  guint            n_columns;
  gboolean         own_columns;   /* one group per column */
  double           top;
  double           column_width;
  double           gap;
  double           size;
  GArray          *placed;        /* Placed */
  guint            n_pages;
} Board;

/* Which cards and groups */

/* The cards of the sequence, and the cards put in one of its clusters (the
 * clusters of a synthesis gather the cards of the capture before it). */
static gboolean
shows_card (V21SceneContext *s,
            V21Record       *card,
            const char      *sequence)
{
  V21Record *cluster;

  if (g_strcmp0 (v21_text (card, "sequence"), sequence) == 0)
    return TRUE;
  cluster = v21_workshop_lookup (s->workshop, v21_text (card, "cluster"));
  return cluster != NULL && g_strcmp0 (v21_text (cluster, "sequence"), sequence) == 0;
}

static void
add_groups (Board      *b,
            GHashTable *by_cluster)
{
  GListModel *clusters = G_LIST_MODEL (v21_workshop_get_collection (b->s->workshop, "clusters"));
  guint n = g_list_model_get_n_items (clusters);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(V21Record) cluster = g_list_model_get_item (clusters, i);
      Group group = { cluster, v21_text (cluster, "name"), g_ptr_array_new () };

      g_array_append_val (b->groups, group);
      g_hash_table_insert (by_cluster, cluster, GUINT_TO_POINTER (b->groups->len));
    }
}

/* Keeps the clusters of the sequence and those holding one of its cards. */
static void
drop_empty_groups (Board      *b,
                   const char *sequence)
{
  for (guint i = b->groups->len; i > 0; i--)
    {
      Group *group = &g_array_index (b->groups, Group, i - 1);

      if (group->cards->len > 0 || (group->cluster != NULL
                                    && g_strcmp0 (v21_text (group->cluster, "sequence"), sequence) == 0))
        continue;
      g_ptr_array_unref (group->cards);
      g_array_remove_index (b->groups, i - 1);
    }
}

static void
collect_groups (Board *b)
{
  GListModel *cards = G_LIST_MODEL (v21_workshop_get_collection (b->s->workshop, "cards"));
  const char *sequence = v21_record_get_id (b->s->state->sequence);
  g_autoptr(GHashTable) by_cluster = g_hash_table_new (NULL, NULL);
  Group loose = { NULL, _("Not grouped"), g_ptr_array_new () };
  guint n = g_list_model_get_n_items (cards);

  add_groups (b, by_cluster);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(V21Record) card = g_list_model_get_item (cards, i);
      V21Record *cluster = v21_workshop_lookup (b->s->workshop, v21_text (card, "cluster"));
      guint index = cluster ? GPOINTER_TO_UINT (g_hash_table_lookup (by_cluster, cluster)) : 0;

      if (!shows_card (b->s, card, sequence))
        continue;
      g_ptr_array_add (index > 0 ? g_array_index (b->groups, Group, index - 1).cards : loose.cards, card);
    }
  g_array_append_val (b->groups, loose);
  drop_empty_groups (b, sequence);
}

/* Layout */

static double
card_height (Board     *b,
             V21Record *card)
{
  double pad = b->size * 0.3;

  return v21_scene_measure_text (b->s, v21_text (card, "text"), b->size, FALSE,
                                 b->column_width - 2 * pad, CARD_LINES) + 2 * pad;
}

static char *
heading_text (Group   *group,
              gboolean continued)
{
  return continued ? g_strdup_printf (_("%s (continued)"), group->name) : g_strdup (group->name);
}

static double
heading_height (Board      *b,
                const char *heading)
{
  return v21_scene_measure_text (b->s, heading, b->size * 1.15, TRUE, b->column_width,
                                 HEADING_LINES) + b->size * 0.4;
}

typedef struct
{
  guint  column;
  guint  page;
  double y;
} Cursor;

static void
next_column (Board  *b,
             Cursor *at)
{
  at->y = b->top;
  if (++at->column < b->n_columns)
    return;
  at->column = 0;
  at->page++;
}

/* Places @card, or @heading (taken) when @card is NULL. */
static void
place (Board     *b,
       Cursor    *at,
       V21Record *card,
       char      *heading,
       double     height)
{
  Placed placed = { at->page, b->s->sizes.margin + at->column * (b->column_width + b->gap), at->y,
                    height, card, heading };

  g_array_append_val (b->placed, placed);
  at->y += height;
}

static void
place_heading (Board   *b,
               Cursor  *at,
               Group   *group,
               gboolean continued)
{
  char *heading = heading_text (group, continued);

  place (b, at, NULL, heading, heading_height (b, heading));
}

static void
place_group (Board  *b,
             Cursor *at,
             Group  *group,
             double  bottom)
{
  double heading = heading_height (b, group->name);
  double first = group->cards->len > 0 ? card_height (b, group->cards->pdata[0]) : 0;

  /* Never a name alone at the foot of a column. */
  if (at->y > b->top && at->y + heading + first > bottom)
    next_column (b, at);
  place_heading (b, at, group, FALSE);
  for (guint i = 0; i < group->cards->len; i++)
    {
      V21Record *card = group->cards->pdata[i];
      double height = i == 0 ? first : card_height (b, card);

      if (i > 0 && at->y + height > bottom)
        {
          next_column (b, at);
          place_heading (b, at, group, TRUE);
        }
      place (b, at, card, NULL, height);
      at->y += b->size * 0.3;
    }
}

/* Places every group with text at @size; returns the number of pages. */
static guint
lay_out (Board   *b,
         gboolean own_columns,
         double   size)
{
  V21SceneContext *s = b->s;
  double bottom = s->height - s->sizes.margin;
  Cursor at = { 0, 0, b->top };

  b->own_columns = own_columns;
  b->size = size;
  b->n_columns = own_columns ? b->groups->len : b->max_columns;
  b->column_width = (s->width - 2 * s->sizes.margin - b->gap * (b->n_columns - 1)) / b->n_columns;
  g_array_set_size (b->placed, 0);
  for (guint i = 0; i < b->groups->len; i++)
    {
      if (i > 0 && own_columns)
        next_column (b, &at);
      else if (at.y > b->top)
        at.y += size * 0.5;
      place_group (b, &at, &g_array_index (b->groups, Group, i), bottom);
    }
  b->n_pages = at.page + 1;
  return b->n_pages;
}

/* The largest text that fits on one page, else the body size on several
 * (measured first: a full board is laid out once). */
static void
choose_layout (Board *b)
{
  double body = b->s->sizes.body;

  if (lay_out (b, FALSE, body) > 1)
    return;
  for (int own = b->groups->len <= b->max_columns; own >= 0; own--)
    for (double factor = 1.6; factor >= 0.99; factor -= 0.15)
      if (lay_out (b, own, ceil (body * factor)) == 1)
        return;
  lay_out (b, FALSE, body);
}

static void
clear_placed (gpointer data)
{
  g_free (((Placed *) data)->heading);
}

static void
board_init (Board           *b,
            V21SceneContext *s,
            double           top)
{
  double body = s->sizes.body;
  double usable = s->width - 2 * s->sizes.margin;

  b->s = s;
  b->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  b->placed = g_array_new (FALSE, TRUE, sizeof (Placed));
  g_array_set_clear_func (b->placed, clear_placed);
  b->gap = body;
  /* A column holds about 25 characters of body text. */
  b->max_columns = MAX (1, (guint) floor ((usable + b->gap) / (13 * body + b->gap)));
  b->top = top;
  collect_groups (b);
  if (b->groups->len > 0)
    choose_layout (b);
  else
    b->n_pages = 1;
}

static void
board_clear (Board *b)
{
  for (guint i = 0; i < b->groups->len; i++)
    g_ptr_array_unref (g_array_index (b->groups, Group, i).cards);
  g_array_unref (b->groups);
  g_array_unref (b->placed);
}

/* Drawing */

static void
draw_placed (Board  *b,
             Placed *placed)
{
  V21SceneContext *s = b->s;
  double pad = b->size * 0.3;

  if (placed->card == NULL)
    {
      v21_scene_show_text (s, placed->heading, b->size * 1.15, TRUE, placed->x, placed->y,
                           b->column_width, HEADING_LINES, NULL);
      return;
    }
  v21_render_rounded_rectangle (s->cr, placed->x, placed->y, b->column_width, placed->height, pad);
  cairo_set_line_width (s->cr, MAX (2, b->size / 12));
  v21_render_set_color (s->cr, &s->style.foreground, 1);
  cairo_stroke (s->cr);
  v21_scene_show_text (s, v21_text (placed->card, "text"), b->size, FALSE, placed->x + pad,
                       placed->y + pad, b->column_width - 2 * pad, CARD_LINES, NULL);
}

/* The sequence's title, with "Page 2/3" on the right when there are pages;
 * returns the top of the columns. */
static double
draw_header (V21SceneContext *s,
             guint            page,
             guint            n_pages)
{
  double m = s->sizes.margin;
  double title_width = s->width - 2 * m;
  const char *title = s->state->sequence ? v21_text (s->state->sequence, "title") : _("Board");

  if (n_pages > 1)
    {
      g_autofree char *text = g_strdup_printf (_("Page %u/%u"), page + 1, n_pages);
      double width = v21_scene_text_width (s, text, s->sizes.body, TRUE);

      if (s->cr != NULL)
        v21_scene_show_text (s, text, s->sizes.body, TRUE, s->width - m - width, m, -1, 1, NULL);
      title_width -= width + s->sizes.body;
    }
  if (s->cr == NULL)
    return m + v21_scene_measure_text (s, title, s->sizes.heading, TRUE, title_width, 1) + s->sizes.body * 0.6;
  return m + v21_scene_show_text (s, title, s->sizes.heading, TRUE, m, m, title_width, 1, NULL)
         + s->sizes.body * 0.6;
}

guint
v21_board_scene_n_pages (V21SceneContext *s)
{
  Board b = { 0 };
  guint n_pages;

  if (s->state->sequence == NULL)
    return 1;
  /* The page indicator does not change the title's height (one line). */
  board_init (&b, s, draw_header (s, 0, 1));
  n_pages = b.n_pages;
  board_clear (&b);
  return n_pages;
}

void
v21_board_scene_draw (V21SceneContext *s)
{
  Board b = { 0 };
  cairo_t *cr = s->cr;
  guint page;

  if (s->state->sequence == NULL)
    {
      draw_header (s, 0, 1);
      return;
    }
  s->cr = NULL;
  board_init (&b, s, draw_header (s, 0, 1));
  s->cr = cr;
  page = MIN (s->state->page, b.n_pages - 1);
  draw_header (s, page, b.n_pages);
  if (b.groups->len == 0)
    v21_scene_show_text (s, _("No cards yet"), s->sizes.body, FALSE, s->sizes.margin, b.top,
                         s->width - 2 * s->sizes.margin, 1, NULL);
  for (guint i = 0; i < b.placed->len; i++)
    if (g_array_index (b.placed, Placed, i).page == page)
      draw_placed (&b, &g_array_index (b.placed, Placed, i));
  board_clear (&b);
}
