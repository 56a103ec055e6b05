/* v21-heat-map.c — the robustness test as a heat map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "v21-heat-map.h"
#include "v21-render-text.h"
#include "v21-typography.h"

typedef struct
{
  GPtrArray  *challenges;   /* V21Record*, in card order */
  GPtrArray  *answers;
  GHashTable *scores;       /* "challenge answer" → V21Record* score */
} Grid;

static void
grid_clear (Grid *grid)
{
  g_clear_pointer (&grid->challenges, g_ptr_array_unref);
  g_clear_pointer (&grid->answers, g_ptr_array_unref);
  g_clear_pointer (&grid->scores, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Grid, grid_clear)

static char *
pair_key (const char *challenge,
          const char *answer)
{
  return g_strconcat (challenge, " ", answer, NULL);
}

/* Rows and columns are the cards that some score refers to, in the order of
 * the cards list. */
static void
grid_collect (Grid        *grid,
              V21Workshop *workshop)
{
  V21Collection *scores = v21_workshop_get_collection (workshop, "robustness");
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  g_autoptr(GHashTable) challenges = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);

  grid->challenges = g_ptr_array_new ();
  grid->answers = g_ptr_array_new ();
  grid->scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < v21_collection_get_n (scores); i++)
    {
      V21Record *score = v21_collection_get (scores, i);
      const char *challenge = v21_record_get_string (score, "challenge");
      const char *answer = v21_record_get_string (score, "answer");

      g_hash_table_add (challenges, (gpointer) challenge);
      g_hash_table_add (answers, (gpointer) answer);
      g_hash_table_insert (grid->scores, pair_key (challenge, answer), score);
    }
  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    {
      V21Record *card = v21_collection_get (cards, i);

      if (g_hash_table_contains (challenges, v21_record_get_id (card)))
        g_ptr_array_add (grid->challenges, card);
      if (g_hash_table_contains (answers, v21_record_get_id (card)))
        g_ptr_array_add (grid->answers, card);
    }
}

static const char *
scale_text (int score)
{
  static const char * const texts[] = {
    N_("0 — does not hold"), N_("1 — fragile"), N_("2 — holds in part"), N_("3 — robust")
  };

  return _(texts[score]);
}

/* A folded corner, as on a sheet with a note: a score with a comment. */
static void
draw_corner (cairo_t              *cr,
             double                right,
             double                top,
             double                corner,
             const V21RenderStyle *style)
{
  cairo_move_to (cr, right - corner, top);
  cairo_line_to (cr, right, top);
  cairo_line_to (cr, right, top + corner);
  cairo_close_path (cr);
  v21_render_set_color (cr, &style->foreground, 0.7);
  cairo_fill (cr);
}

/* The legend under the grid, from @left, on as many lines as it needs
 * within @right: the scale of scores, and the folded corner when some
 * score has a comment; returns its height. */
static double
draw_scale (cairo_t              *cr,
            PangoContext         *context,
            double                left,
            double                right,
            double                y,
            gboolean              commented,
            gboolean              draw,
            const V21RenderStyle *style)
{
  double size = style->small_size;
  double x = left, top = y;

  for (int entry = 0; entry <= (commented ? 4 : 3); entry++)
    {
      const char *what = entry < 4 ? scale_text (entry) : _("a comment on the score");
      g_autoptr(PangoLayout) text = v21_render_text_layout (context, style, what, size, FALSE, -1, 0);
      double width;

      v21_render_text_size (text, &width, NULL);
      if (x > left && x + size * 2.2 + width > right)
        {
          x = left;
          y += size * 1.6;
        }
      if (draw)
        {
          cairo_rectangle (cr, x, y + size * 0.15, size * 1.8, size * 1.1);
          v21_render_set_color (cr, entry < 4 ? &style->heat[entry] : &style->heat_empty, 1.0);
          cairo_fill (cr);
          if (entry == 4)
            {
              cairo_rectangle (cr, x, y + size * 0.15, size * 1.8, size * 1.1);
              cairo_set_line_width (cr, style->hairline);
              v21_render_set_color (cr, &style->grid, 1.0);
              cairo_stroke (cr);
              draw_corner (cr, x + size * 1.8, y + size * 0.15, size * 1.1 * 0.45, style);
            }
          v21_render_text_show (cr, text, x + size * 2.2, y, &style->muted);
        }
      x += size * 2.2 + width + size * 1.6;
    }
  return y - top + size * 1.6;
}

static void
draw_cell (cairo_t              *cr,
           PangoContext         *context,
           V21Record            *score,
           double                x,
           double                y,
           double                w,
           double                h,
           const V21RenderStyle *style)
{
  int value = score != NULL ? (int) CLAMP (v21_record_get_int (score, "score", 0), 0, 3) : -1;
  const char *comment = score != NULL ? v21_record_get_string (score, "comment") : NULL;
  g_autofree char *number = value >= 0 ? g_strdup_printf ("%d", value) : g_strdup ("–");
  g_autoptr(PangoLayout) text = v21_render_text_layout (context, style, number, MIN (style->title_size, h * 0.5),
                                                         value >= 0, -1, 0);
  double tw, th;

  cairo_rectangle (cr, x, y, w, h);
  v21_render_set_color (cr, value >= 0 ? &style->heat[value] : &style->heat_empty, 1.0);
  cairo_fill (cr);
  v21_render_text_size (text, &tw, &th);
  v21_render_text_show (cr, text, x + (w - tw) / 2, y + (h - th) / 2,
                        value >= 0 ? &style->foreground : &style->muted);
  if (comment != NULL && comment[0] != '\0')
    draw_corner (cr, x + w, y, MIN (w, h) * 0.22, style);
}

/* Headers: wrapped on words, French hyphenation, never cut */

typedef enum
{
  HEADERS_FLAT,       /* across their column, on up to six lines */
  HEADERS_TURNED,     /* turned a quarter, reading upwards */
  HEADERS_NUMBERED,   /* a number over each column, the texts in a key */
} HeaderMode;

#define FLAT_LINES 6
#define MANY_COLUMNS 8

static GRegex *
grouped_digits (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("([0-9]) ([0-9]{3})(?![0-9])", G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

/* @text wrapped within @width on words, a word breaking only between its
 * syllables with a hyphen, "«" and "»" bound to their words. */
static PangoLayout *
header_layout (PangoContext         *context,
               const V21RenderStyle *style,
               const char           *text,
               double                width)
{
  /* The text goes to the layout as it is: the names of those who did not
   * consent are replaced here, as v21_render_text_layout() does. */
  g_autofree char *shown = style->consent != NULL ? v21_consent_text_apply (style->consent, text) : NULL;
  g_autofree char *french = v21_typography_french (shown != NULL ? shown : text);
  /* "12 000" stays on one line. */
  g_autofree char *bound = g_regex_replace (grouped_digits (), french, -1, 0, "\\1" V21_NNBSP "\\2", 0, NULL);
  g_autofree char *hyphenated = v21_typography_hyphenate_french (bound != NULL ? bound : french);
  PangoLayout *layout = v21_render_text_layout (context, style, "", style->small_size, FALSE, -1, 0);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("fr")));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (layout, hyphenated, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  return layout;
}

/* Whether each line ends where a line may: a space, a hyphen (soft or
 * not), a slash; not inside a word. */
static gboolean
breaks_on_words (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL && l->next != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      const char *end = text + line->start_index + line->length;
      gunichar last = g_utf8_get_char (g_utf8_find_prev_char (text, end));

      if (line->length == 0 || !(g_unichar_isspace (last) || last == 0x00ad || last == '-' || last == '/'
                                 || last == 0x2010 || last == 0x2013 || last == 0x2014))
        return FALSE;
    }
  return TRUE;
}

/* Whether @layout shows whole within @width on at most @max_lines lines. */
static gboolean
header_fits (PangoLayout *layout,
             double       width,
             int          max_lines)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_layout_get_line_count (layout) <= max_lines && logical.width <= (width + 0.5) * PANGO_SCALE
         && breaks_on_words (layout);
}

typedef struct
{
  Grid        grid;
  HeaderMode  mode;
  GPtrArray  *columns;       /* PangoLayout*: texts, or numbers when numbered */
  GPtrArray  *key;           /* PangoLayout*: "1  text" when numbered */
  GPtrArray  *rows;          /* PangoLayout* */
  gboolean    commented;     /* some score has a comment */
  double      title_height;
  double      head_width;    /* the rows' headers */
  double      head_height;   /* the columns' headers */
  double      cell_w;
  double      cell_h;
  double      key_height;
  guint       key_columns;   /* the key's entries go across, row by row */
  double      key_width;     /* of a column of the key */
  double      scale_height;
  guint       n_rows;        /* the rows that fit */
} HeatMap;

static void
heat_map_clear (HeatMap *map)
{
  grid_clear (&map->grid);
  g_clear_pointer (&map->columns, g_ptr_array_unref);
  g_clear_pointer (&map->key, g_ptr_array_unref);
  g_clear_pointer (&map->rows, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HeatMap, heat_map_clear)

static const char *
card_text (GPtrArray *cards,
           guint      i)
{
  return v21_record_get_string (g_ptr_array_index (cards, i), "text");
}

static double
line_height (PangoContext         *context,
             const V21RenderStyle *style)
{
  g_autoptr(PangoLayout) layout = v21_render_text_layout (context, style, "X", style->small_size, FALSE, -1, 0);
  double height;

  v21_render_text_size (layout, NULL, &height);
  return height;
}

/* The columns' headers in @mode within @width × @lines; FALSE when one does
 * not fit. */
static gboolean
try_headers (HeatMap              *map,
             PangoContext         *context,
             const V21RenderStyle *style,
             double                width,
             int                   lines)
{
  g_ptr_array_set_size (map->columns, 0);
  for (guint c = 0; c < map->grid.answers->len; c++)
    {
      PangoLayout *layout = header_layout (context, style, card_text (map->grid.answers, c), width);

      g_ptr_array_add (map->columns, layout);
      if (lines < 1 || !header_fits (layout, width, lines))
        return FALSE;
    }
  return TRUE;
}

static double
widest (GPtrArray *layouts,
        gboolean   height)
{
  double most = 0;

  for (guint i = 0; i < layouts->len; i++)
    {
      double w, h;

      v21_render_text_size (g_ptr_array_index (layouts, i), &w, &h);
      most = MAX (most, height ? h : w);
    }
  return most;
}

/* Across their columns when they fit and the columns are few; else turned
 * up; else numbered, with their texts in a key under the grid. The headers
 * take at most @room of the height (a little when there is none). */
static void
layout_columns (HeatMap              *map,
                PangoContext         *context,
                double                width,
                double                room,
                const V21RenderStyle *style)
{
  double size = style->small_size, line = line_height (context, style);
  double across = map->cell_w - size * 0.6;
  double turned_length = CLAMP (room - size * 0.6, size * 6, size * 22);
  int flat_lines = CLAMP ((int) ((room - size * 0.6) / line), 2, FLAT_LINES);

  if (map->grid.answers->len <= MANY_COLUMNS && try_headers (map, context, style, across, flat_lines))
    {
      map->mode = HEADERS_FLAT;
      for (guint c = 0; c < map->columns->len; c++)
        pango_layout_set_alignment (g_ptr_array_index (map->columns, c), PANGO_ALIGN_CENTER);
      map->head_height = widest (map->columns, TRUE) + size * 0.6;
      return;
    }
  if (try_headers (map, context, style, turned_length, (int) ((map->cell_w - size * 0.3) / line)))
    {
      map->mode = HEADERS_TURNED;
      map->head_height = widest (map->columns, FALSE) + size * 0.6;
      return;
    }
  map->mode = HEADERS_NUMBERED;
  /* Two columns of key when each keeps room for a few words a line. */
  map->key_columns = width - 2 * style->padding >= size * 40 ? 2 : 1;
  map->key_width = (width - 2 * style->padding - size * (map->key_columns - 1)) / map->key_columns;
  g_ptr_array_set_size (map->columns, 0);
  for (guint c = 0; c < map->grid.answers->len; c++)
    {
      g_autofree char *number = g_strdup_printf ("%u", c + 1);
      g_autofree char *entry = g_strdup_printf ("%u  %s", c + 1, card_text (map->grid.answers, c));
      PangoLayout *text = v21_render_text_layout (context, style, number, size, TRUE, -1, 0);

      g_ptr_array_add (map->columns, text);
      g_ptr_array_add (map->key, header_layout (context, style, entry, map->key_width));
    }
  for (guint i = 0; i < map->key->len; i += map->key_columns)
    {
      double row = 0;

      for (guint j = i; j < MIN (i + map->key_columns, map->key->len); j++)
        {
          double h;

          v21_render_text_size (g_ptr_array_index (map->key, j), NULL, &h);
          row = MAX (row, h);
        }
      map->key_height += row + size * 0.2;
    }
  map->head_height = line + size * 0.6;
}

static void
layout_heat_map (HeatMap              *map,
                 V21Workshop          *workshop,
                 PangoContext         *context,
                 double                width,
                 double                height,
                 const V21RenderStyle *style)
{
  double pad = style->padding, size = style->small_size, top, room, tallest = 0;
  V21Collection *scores = v21_workshop_get_collection (workshop, "robustness");

  grid_collect (&map->grid, workshop);
  map->columns = g_ptr_array_new_with_free_func (g_object_unref);
  map->key = g_ptr_array_new_with_free_func (g_object_unref);
  map->rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < v21_collection_get_n (scores); i++)
    {
      const char *comment = v21_record_get_string (v21_collection_get (scores, i), "comment");

      map->commented |= comment != NULL && comment[0] != '\0';
    }
  if (map->grid.challenges->len == 0 || map->grid.answers->len == 0)
    return;

  map->head_width = MIN (width * 0.3, style->label_max_width * 1.4);
  map->cell_w = (width - 2 * pad - map->head_width) / map->grid.answers->len;
  map->scale_height = draw_scale (NULL, context, pad + map->head_width, width - pad, 0, map->commented, FALSE, style);
  for (guint r = 0; r < map->grid.challenges->len; r++)
    {
      PangoLayout *row = header_layout (context, style, card_text (map->grid.challenges, r), map->head_width - size);
      double h;

      v21_render_text_size (row, NULL, &h);
      tallest = MAX (tallest, h);
      g_ptr_array_add (map->rows, row);
    }
  /* The headers take what the rows, at their least, leave. */
  top = pad + map->title_height + style->text_size * 0.8;
  room = height - top - pad - map->scale_height - style->text_size * 0.8
         - map->grid.challenges->len * MAX (tallest + size * 0.5, size * 1.5);
  layout_columns (map, context, width, room, style);
  top += map->head_height;
  room = height - top - pad - map->scale_height - style->text_size * 0.8
         - (map->key_height > 0 ? map->key_height + size * 0.6 : 0);
  /* Each row holds its header whole; the rows past the bottom are counted. */
  map->cell_h = MIN (room / map->grid.challenges->len, map->cell_w * 0.8);
  map->cell_h = MAX (map->cell_h, MAX (tallest + size * 0.5, size * 1.5));
  map->n_rows = MIN (map->grid.challenges->len, (guint) MAX (floor (room / map->cell_h), 0));
  if (map->n_rows < map->grid.challenges->len && map->n_rows > 0)
    map->n_rows = MIN (map->n_rows, (guint) MAX (floor ((room - size * 1.6) / map->cell_h), 0));
}

static void
draw_column_headers (HeatMap              *map,
                     cairo_t              *cr,
                     double                left,
                     double                top,
                     const V21RenderStyle *style)
{
  double size = style->small_size;

  for (guint c = 0; c < map->columns->len; c++)
    {
      PangoLayout *text = g_ptr_array_index (map->columns, c);
      double x = left + c * map->cell_w, tw, th;

      v21_render_text_size (text, &tw, &th);
      if (map->mode == HEADERS_TURNED)
        {
          /* Upwards from just over the cells, centred on the column. */
          cairo_save (cr);
          cairo_translate (cr, x + (map->cell_w - th) / 2, top + map->head_height - size * 0.3);
          cairo_rotate (cr, -G_PI / 2);
          v21_render_text_show (cr, text, 0, 0, &style->foreground);
          cairo_restore (cr);
        }
      else if (map->mode == HEADERS_FLAT)
        v21_render_text_show (cr, text, x + size * 0.3, top + map->head_height - th - size * 0.3, &style->foreground);
      else
        v21_render_text_show (cr, text, x + (map->cell_w - tw) / 2, top + map->head_height - th - size * 0.3,
                              &style->foreground);
    }
}

static void
draw_row_headers (HeatMap              *map,
                  cairo_t              *cr,
                  double                left,
                  double                top,
                  const V21RenderStyle *style)
{
  for (guint r = 0; r < map->n_rows; r++)
    {
      PangoLayout *text = g_ptr_array_index (map->rows, r);
      double th;

      v21_render_text_size (text, NULL, &th);
      v21_render_text_show (cr, text, left, top + r * map->cell_h + (map->cell_h - th) / 2, &style->foreground);
    }
}

/* Under the legend: how many rows found no room, and the numbered columns'
 * texts. */
static void
draw_rest_and_key (HeatMap              *map,
                   cairo_t              *cr,
                   PangoContext         *context,
                   double                left,
                   double                y,
                   double                right,
                   const V21RenderStyle *style)
{
  double size = style->small_size;

  if (map->n_rows < map->grid.challenges->len)
    {
      guint rest = map->grid.challenges->len - map->n_rows;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more challenge",
                                                            "and %u more challenges", rest), rest);
      g_autoptr(PangoLayout) text = v21_render_text_layout (context, style, more, size, FALSE, right - left, 0);

      v21_render_text_show (cr, text, left, y, &style->muted);
      y += size * 1.6;
    }
  for (guint i = 0; i < map->key->len; i += map->key_columns)
    {
      double row = 0;

      for (guint j = i; j < MIN (i + map->key_columns, map->key->len); j++)
        {
          PangoLayout *entry = g_ptr_array_index (map->key, j);
          double h;

          v21_render_text_size (entry, NULL, &h);
          v21_render_text_show (cr, entry, left + (j - i) * (map->key_width + size), y, &style->foreground);
          row = MAX (row, h);
        }
      y += row + size * 0.2;
    }
}

void
v21_render_heat_map (V21Workshop          *workshop,
                     cairo_t              *cr,
                     double                width,
                     double                height,
                     const V21RenderStyle *style)
{
  static const HeatMap empty_map = { { NULL, NULL, NULL }, HEADERS_FLAT, NULL, NULL, NULL, FALSE, 0, 0, 0, 0, 0, 0,
                                      1, 0, 0, 0 };
  g_auto(HeatMap) map = empty_map;
  V21RenderStyle fitted = *style;
  PangoContext *context;
  g_autoptr(PangoLayout) title = NULL;
  double pad = style->padding, y, grid_left, grid_top, title_height;

  g_return_if_fail (V21_IS_WORKSHOP (workshop));
  g_return_if_fail (cr != NULL && style != NULL);

  context = v21_render_text_context ();
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  v21_render_set_color (cr, &style->background, 1.0);
  cairo_paint (cr);

  title = v21_render_text_layout (context, style, _("Robustness test: challenges × current answers"),
                                  style->title_size, TRUE, width - 2 * pad, 0);
  v21_render_text_size (title, NULL, &title_height);
  v21_render_text_show (cr, title, pad, pad, &style->foreground);
  y = pad + title_height + style->text_size * 0.8;
  /* Every row rather than the largest type: the headers' and key's text
   * shrinks a little (three steps at most) when rows would be left out. */
  for (int step = 0;; step++)
    {
      map.title_height = title_height;
      layout_heat_map (&map, workshop, context, width, height, &fitted);
      if (map.n_rows >= map.grid.challenges->len || step == 3)
        break;
      heat_map_clear (&map);
      map = empty_map;
      fitted.small_size *= 0.85;
    }
  style = &fitted;

  if (map.grid.challenges->len == 0 || map.grid.answers->len == 0)
    {
      g_autoptr(PangoLayout) empty = v21_render_text_layout (context, style, _("No robustness score yet"),
                                                              style->text_size, FALSE, -1, 0);

      v21_render_text_show (cr, empty, pad, y, &style->muted);
      cairo_restore (cr);
      g_object_unref (context);
      return;
    }

  grid_left = pad + map.head_width;
  grid_top = y + map.head_height;
  draw_column_headers (&map, cr, grid_left, y, style);
  draw_row_headers (&map, cr, pad, grid_top, style);
  for (guint r = 0; r < map.n_rows; r++)
    for (guint c = 0; c < map.grid.answers->len; c++)
      {
        V21Record *challenge = g_ptr_array_index (map.grid.challenges, r);
        V21Record *answer = g_ptr_array_index (map.grid.answers, c);
        g_autofree char *key = pair_key (v21_record_get_id (challenge), v21_record_get_id (answer));
        double gap = style->hairline * 1.5;

        draw_cell (cr, context, g_hash_table_lookup (map.grid.scores, key),
                   grid_left + c * map.cell_w + gap, grid_top + r * map.cell_h + gap,
                   map.cell_w - 2 * gap, map.cell_h - 2 * gap, style);
      }
  y = grid_top + map.n_rows * map.cell_h + style->text_size * 0.8;
  y += draw_scale (cr, context, grid_left, width - pad, y, map.commented, TRUE, style);
  draw_rest_and_key (&map, cr, context, pad, y + style->small_size * 0.2, width - pad, style);
  cairo_restore (cr);
  g_object_unref (context);
}
