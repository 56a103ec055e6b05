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

/* The scale of scores under the grid, from @left, on as many lines as it
 * needs within @right; returns its height. */
static double
draw_scale (cairo_t              *cr,
            PangoContext         *context,
            double                left,
            double                right,
            double                y,
            gboolean              draw,
            const V21RenderStyle *style)
{
  double size = style->small_size;
  double x = left, top = y;

  for (int score = 0; score <= 3; score++)
    {
      g_autoptr(PangoLayout) text = v21_render_text_layout (context, style, scale_text (score), size, FALSE, -1, 0);
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
          v21_render_set_color (cr, &style->heat[score], 1.0);
          cairo_fill (cr);
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
  double tw, th, corner = MIN (w, h) * 0.22;

  cairo_rectangle (cr, x, y, w, h);
  v21_render_set_color (cr, value >= 0 ? &style->heat[value] : &style->heat_empty, 1.0);
  cairo_fill (cr);
  v21_render_text_size (text, &tw, &th);
  v21_render_text_show (cr, text, x + (w - tw) / 2, y + (h - th) / 2,
                        value >= 0 ? &style->foreground : &style->muted);
  if (comment != NULL && comment[0] != '\0')
    {
      /* A folded corner, as on a sheet with a note. */
      cairo_move_to (cr, x + w - corner, y);
      cairo_line_to (cr, x + w, y);
      cairo_line_to (cr, x + w, y + corner);
      cairo_close_path (cr);
      v21_render_set_color (cr, &style->foreground, 0.7);
      cairo_fill (cr);
    }
}

static void
draw_headers (Grid                 *grid,
              cairo_t              *cr,
              PangoContext         *context,
              double                left,
              double                top,
              double                head_width,
              double                head_height,
              double                cell_w,
              double                cell_h,
              guint                 n_rows,
              const V21RenderStyle *style)
{
  double size = style->small_size;

  for (guint c = 0; c < grid->answers->len; c++)
    {
      g_autoptr(PangoLayout) text = v21_render_text_layout (context, style,
                                                             v21_record_get_string (g_ptr_array_index (grid->answers, c), "text"),
                                                             size, FALSE, cell_w - size * 0.6,
                                                             MAX (1, (int) (head_height / (size * 1.3))));
      double th;

      pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
      v21_render_text_size (text, NULL, &th);
      v21_render_text_show (cr, text, left + head_width + c * cell_w + size * 0.3, top + head_height - th - size * 0.3,
                            &style->foreground);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(PangoLayout) text = v21_render_text_layout (context, style,
                                                             v21_record_get_string (g_ptr_array_index (grid->challenges, r), "text"),
                                                             size, FALSE, head_width - size,
                                                             MAX (1, (int) (cell_h / (size * 1.3))));
      double th;

      v21_render_text_size (text, NULL, &th);
      v21_render_text_show (cr, text, left, top + head_height + r * cell_h + (cell_h - th) / 2, &style->foreground);
    }
}

void
v21_render_heat_map (V21Workshop          *workshop,
                     cairo_t              *cr,
                     double                width,
                     double                height,
                     const V21RenderStyle *style)
{
  g_auto(Grid) grid = { NULL, NULL, NULL };
  PangoContext *context;
  g_autoptr(PangoLayout) title = NULL;
  double pad = style->padding, y, th, head_width, head_height, cell_w, cell_h, scale_h;
  guint n_rows;

  g_return_if_fail (V21_IS_WORKSHOP (workshop));
  g_return_if_fail (cr != NULL && style != NULL);

  context = v21_render_text_context ();
  grid_collect (&grid, workshop);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  v21_render_set_color (cr, &style->background, 1.0);
  cairo_paint (cr);

  title = v21_render_text_layout (context, style, _("Robustness test: challenges × current answers"),
                                  style->title_size, TRUE, width - 2 * pad, 1);
  v21_render_text_show (cr, title, pad, pad, &style->foreground);
  v21_render_text_size (title, NULL, &th);
  y = pad + th + style->text_size * 0.8;

  if (grid.challenges->len == 0 || grid.answers->len == 0)
    {
      g_autoptr(PangoLayout) empty = v21_render_text_layout (context, style, _("No robustness score yet"),
                                                              style->text_size, FALSE, -1, 0);

      v21_render_text_show (cr, empty, pad, y, &style->muted);
      cairo_restore (cr);
      g_object_unref (context);
      return;
    }

  head_width = MIN (width * 0.3, style->label_max_width * 1.4);
  scale_h = draw_scale (cr, context, pad + head_width, width - pad, 0, FALSE, style);
  head_height = style->small_size * 1.3 * 4 + style->small_size * 0.6;
  cell_w = (width - 2 * pad - head_width) / grid.answers->len;
  cell_h = MIN ((height - y - pad - head_height - scale_h - style->text_size) / grid.challenges->len,
                cell_w * 0.8);
  cell_h = MAX (cell_h, style->small_size * 1.5);

  /* Rows past the bottom are clipped away: not drawn at all. */
  n_rows = MIN (grid.challenges->len, (guint) ceil (MAX (0, height - y - head_height) / cell_h));
  draw_headers (&grid, cr, context, pad, y, head_width, head_height, cell_w, cell_h, n_rows, style);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < grid.answers->len; c++)
      {
        V21Record *challenge = g_ptr_array_index (grid.challenges, r);
        V21Record *answer = g_ptr_array_index (grid.answers, c);
        g_autofree char *key = pair_key (v21_record_get_id (challenge), v21_record_get_id (answer));
        double gap = style->hairline * 1.5;

        draw_cell (cr, context, g_hash_table_lookup (grid.scores, key),
                   pad + head_width + c * cell_w + gap, y + head_height + r * cell_h + gap,
                   cell_w - 2 * gap, cell_h - 2 * gap, style);
      }
  draw_scale (cr, context, pad + head_width, width - pad,
              y + head_height + n_rows * cell_h + style->text_size * 0.8, TRUE, style);
  cairo_restore (cr);
  g_object_unref (context);
}
