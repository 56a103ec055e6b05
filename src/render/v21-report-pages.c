/* v21-report-pages.c — the written report laid out on A4 pages
 *
 * Every block of the report becomes boxes: one per line of a paragraph or
 * a list item, one per heading, table row and figure. Boxes are placed on
 * pages from the top; a box that does not fit goes to the next page with
 * the boxes chained to it by "keep with next" (a heading and the first two
 * lines after it; the first two and the last two lines of a paragraph; a
 * table's header and its first row), so no heading is left alone at the
 * foot of a page and no paragraph leaves a single line behind. A list keeps
 * its first two and its last two items together, so no bullet stands alone
 * at the head or the foot of a page. A short table stays in one piece unless
 * that would leave more than a third of the page empty with more of the
 * chapter to come: then it breaks, with two rows at least on either side.
 * A line that ends with a colon stays with what it announces. A chapter
 * opens a new page unless the page before is less than a third full (the
 * last rows of a table would stand alone there); a figure up to a fifth too
 * tall for the rest of a page is drawn that much lower instead of leaving
 * the page half empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-report-pages.h"
#include "v21-render-text.h"
#include "v21-bar-chart.h"
#include "v21-capitalise-charts.h"
#include "v21-heat-map.h"
#include "v21-trajectory-diagram.h"
#include "v21-votes.h"
#include "v21-typography.h"

#define MARGIN_X 56.7
#define MARGIN_TOP 68.0
#define MARGIN_BOTTOM 64.0
#define CONTENT_WIDTH (V21_PAGE_WIDTH - 2 * MARGIN_X)
#define CONTENT_HEIGHT (V21_PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)

#define BODY_SIZE 10.0
#define INTRO_SIZE 11.5
#define NOTE_SIZE 8.5
#define TABLE_SIZE 8.5
#define LIST_INDENT 14.0
#define QUOTE_INDENT 16.0
#define CELL_PAD 3.5
#define TOC_NUMBER_WIDTH 36.0
#define SHORT_TABLE 12
/* The part of a page a soft keep may leave empty. */
#define SOFT_KEEP_EMPTY (CONTENT_HEIGHT / 3)
/* A chapter opens a new page unless the one before is less full than this:
 * the tail of a chapter (a table's last rows) does not stand alone on a page. */
#define CHAPTER_PAGE_FILL (CONTENT_HEIGHT / 3)
/* How much lower than drawn a figure may be to fit the rest of a page. */
#define FIGURE_SHRINK 0.2
/* The space above a chapter that follows on the same page. */
#define CHAPTER_SPACE 34.0

typedef enum
{
  BOX_LINE,
  BOX_HEADING,
  BOX_ROW,
  BOX_FIGURE,
  BOX_TOC,
} BoxKind;

typedef struct _Box Box;
struct _Box
{
  BoxKind               kind;
  double                height;
  double                space_before;
  double                indent;
  gboolean              keep_with_next;
  /* A keep for looks, not for sense (a short table in one piece): dropped
   * when keeping would leave much of the page empty. */
  gboolean              soft_keep;
  gboolean              break_before;
  const V21ReportBlock *block;
  guint                 block_index;
  /* Lines: a line of a shared layout. */
  PangoLayout          *layout;
  int                   line;
  double                line_top;     /* the line's top in the layout */
  double                baseline;     /* from the line's top */
  gboolean              bullet;
  gboolean              rule;         /* a quote's bar on the left */
  const V21Rgba        *color;
  /* Rows. */
  GPtrArray            *cells;        /* PangoLayout */
  Box                  *header;       /* the header row of this row's table */
  gboolean              is_header;
  gboolean              is_total;
  gboolean              shaded;
  /* Figures: the caption (layout) under the drawing. */
  double                figure_height;
};

typedef struct
{
  Box    *box;
  int     index;    /* in the boxes; -1 for a repeated table header */
  double  y;
} Placed;

typedef struct
{
  GArray     *placed;   /* Placed */
  const char *chapter;  /* the running header's right side */
} Page;

struct _V21ReportPages
{
  V21Report      *report;
  V21Workshop    *workshop;
  PangoContext   *context;
  V21RenderStyle  style;
  GPtrArray      *boxes;       /* Box, the content */
  GPtrArray      *toc_boxes;   /* Box */
  GPtrArray      *pages;       /* Page: the cover, the contents, then the content */
  guint           n_toc_pages;
  int            *block_page;  /* by block index: the page of a heading */
};

static void
box_free (Box *box)
{
  g_clear_object (&box->layout);
  g_clear_pointer (&box->cells, g_ptr_array_unref);
  g_free (box);
}

static void
page_free (Page *page)
{
  g_array_unref (page->placed);
  g_free (page);
}

static Page *
page_new (void)
{
  Page *page = g_new0 (Page, 1);

  page->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  return page;
}

/* Layouts */

static PangoLayout *
new_layout (V21ReportPages *self,
            const char     *markup,
            double          size,
            gboolean        bold,
            gboolean        italic,
            double          width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string (self->style.font_family);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  if (italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (layout, 1.22);
  /* The report's language sets the direction, not the first letter of a
   * text: an override at the start of a card (isolated, v21_bidi_isolate())
   * would otherwise turn the whole line right to left. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static char *
color_hex (const V21Rgba *color)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) round (color->red * 255), (int) round (color->green * 255),
                          (int) round (color->blue * 255));
}

/* An item as Pango markup: bold lead, text, muted note (each escaped). */
/* Pango markup sizes are in points; the layouts' fonts are in user units. */
static int
markup_size (V21ReportPages *self,
             double          size)
{
  double resolution = pango_cairo_context_get_resolution (self->context);

  if (resolution <= 0)
    resolution = pango_cairo_font_map_get_resolution (PANGO_CAIRO_FONT_MAP (pango_cairo_font_map_get_default ()));
  return (int) (size * 72.0 / resolution * PANGO_SCALE);
}

static char *
item_markup (V21ReportPages      *self,
             const V21ReportItem *item,
             const char          *separator,
             double               size)
{
  GString *markup = g_string_new (NULL);
  g_autofree char *muted = color_hex (&self->style.muted);

  if (item->lead != NULL)
    {
      g_autofree char *lead = g_markup_printf_escaped ("<b>%s</b>", item->lead);

      g_string_append (markup, lead);
      if (item->text[0] != '\0')
        g_string_append_c (markup, ' ');
    }
  {
    g_autofree char *text = g_markup_escape_text (item->text, -1);
    g_string_append (markup, text);
  }
  if (item->note != NULL)
    {
      g_autofree char *note = g_markup_printf_escaped ("<span foreground=\"%s\" size=\"%d\">%s%s</span>", muted,
                                                       markup_size (self, 0.88 * size),
                                                       item->text[0] != '\0' ? separator : "", item->note);
      g_string_append (markup, note);
    }
  return g_string_free (markup, FALSE);
}

/* Boxes */

static Box *
add_box (GPtrArray *boxes,
         BoxKind    kind,
         double     height,
         double     space_before)
{
  Box *box = g_new0 (Box, 1);

  box->kind = kind;
  box->height = height;
  box->space_before = space_before;
  g_ptr_array_add (boxes, box);
  return box;
}

/* One box per line of @layout; the first and last two lines hold together. */
static void
add_lines (V21ReportPages *self,
           PangoLayout    *layout,
           double          indent,
           double          space_before,
           gboolean        bullet,
           gboolean        rule,
           const V21Rgba  *color,
           gboolean        keep_with_next)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int n = pango_layout_get_line_count (layout);
  int i = 0;
  guint first = self->boxes->len;

  do
    {
      PangoRectangle logical;
      int next_top;
      Box *box;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      box = add_box (self->boxes, BOX_LINE, 0, i == 0 ? space_before : 0);
      box->layout = g_object_ref (layout);
      box->line = i;
      box->line_top = (double) logical.y / PANGO_SCALE;
      box->baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      box->indent = indent;
      box->bullet = bullet && i == 0;
      box->rule = rule;
      box->color = color;
      box->height = (double) logical.height / PANGO_SCALE;
      if (pango_layout_iter_next_line (iter))
        {
          PangoRectangle following;

          pango_layout_iter_get_line_extents (iter, NULL, &following);
          next_top = following.y;
          box->height = (double) (next_top - logical.y) / PANGO_SCALE;
          i++;
          continue;
        }
      break;
    }
  while (TRUE);
  pango_layout_iter_free (iter);
  if (n >= 2)
    {
      ((Box *) g_ptr_array_index (self->boxes, first))->keep_with_next = TRUE;
      ((Box *) g_ptr_array_index (self->boxes, first + n - 2))->keep_with_next = TRUE;
    }
  ((Box *) g_ptr_array_index (self->boxes, self->boxes->len - 1))->keep_with_next = keep_with_next;
}

static void
add_heading (V21ReportPages       *self,
             const V21ReportBlock *block,
             guint                 index)
{
  static const double sizes[] = { 0, 20, 13.5, 11 };
  static const double spaces[] = { 0, CHAPTER_SPACE, 18, 12 };
  g_autofree char *accent = color_hex (&self->style.today);
  g_autofree char *markup = NULL;
  Box *box;
  PangoLayout *layout;
  double height;

  if (block->number != NULL)
    markup = g_markup_printf_escaped ("<span foreground=\"%s\">%s</span>  %s", accent, block->number, block->text);
  else
    markup = g_markup_escape_text (block->text, -1);
  layout = new_layout (self, markup, sizes[block->level], TRUE, FALSE, CONTENT_WIDTH);
  pango_layout_set_line_spacing (layout, 1.05);
  v21_render_text_size (layout, NULL, &height);
  box = add_box (self->boxes, BOX_HEADING, height + (block->level == 1 ? 22 : 5), spaces[block->level]);
  box->layout = layout;
  box->block = block;
  box->block_index = index;
  box->keep_with_next = TRUE;
  box->break_before = block->level == 1;
}

/* A sentence that ends "…face à un défi :" announces what follows. */
static gboolean
ends_with_colon (const char *text)
{
  g_autofree char *trimmed = g_strdup (text != NULL ? text : "");

  g_strchomp (trimmed);
  return g_str_has_suffix (trimmed, ":");
}

static void
add_paragraph (V21ReportPages       *self,
               const V21ReportBlock *block)
{
  V21ReportItem item = { block->lead, block->text, NULL };
  double size = block->style == V21_TEXT_INTRO ? INTRO_SIZE : block->style == V21_TEXT_NOTE ? NOTE_SIZE : BODY_SIZE;
  g_autofree char *markup = item_markup (self, &item, "", size);
  double indent = block->style == V21_TEXT_QUOTE ? QUOTE_INDENT : 0;
  PangoLayout *layout = new_layout (self, markup, size, FALSE, block->style == V21_TEXT_QUOTE,
                                    CONTENT_WIDTH - indent);

  /* A lead alone ("Eau : partager…" above its cards) and a short note
   * (how a vote went, above its results) introduce what follows. */
  Box *last = self->boxes->len > 0 ? g_ptr_array_index (self->boxes, self->boxes->len - 1) : NULL;
  gboolean footnote = block->style == V21_TEXT_NOTE && last != NULL && last->kind == BOX_ROW;
  gboolean introduces = (block->lead != NULL && block->text[0] == '\0')
                        || (block->style == V21_TEXT_NOTE && !footnote && pango_layout_get_line_count (layout) <= 2)
                        || ends_with_colon (block->text);

  /* A note right under a table is its footnote: it stays with the last row. */
  if (footnote)
    last->keep_with_next = TRUE;
  add_lines (self, layout, indent, block->style == V21_TEXT_NOTE ? 4 : 7, FALSE, block->style == V21_TEXT_QUOTE,
             block->style == V21_TEXT_NOTE ? &self->style.muted : &self->style.foreground, introduces);
  g_object_unref (layout);
}

static void
add_list (V21ReportPages       *self,
          const V21ReportBlock *block)
{
  for (guint i = 0; i < block->items->len; i++)
    {
      g_autofree char *markup = item_markup (self, g_ptr_array_index (block->items, i), " — ", BODY_SIZE);
      PangoLayout *layout = new_layout (self, markup, BODY_SIZE, FALSE, FALSE, CONTENT_WIDTH - LIST_INDENT);

      /* The first item stays with the second, the one before last with the last. */
      add_lines (self, layout, LIST_INDENT, i == 0 ? 5 : 2.5, TRUE, FALSE, &self->style.foreground,
                 block->items->len >= 2 && (i == 0 || i + 2 == block->items->len));
      g_object_unref (layout);
    }
}

static Box *
add_row (V21ReportPages       *self,
         const V21ReportBlock *block,
         GPtrArray            *cells,
         gboolean              header,
         gboolean              total,
         double                space_before)
{
  Box *box = add_box (self->boxes, BOX_ROW, 0, space_before);
  double total_width = 0, height = 0;

  for (guint c = 0; c < block->n_columns; c++)
    total_width += block->widths[c];
  box->cells = g_ptr_array_new_with_free_func (g_object_unref);
  box->block = block;
  box->is_header = header;
  box->is_total = total;
  for (guint c = 0; c < block->n_columns; c++)
    {
      double width = CONTENT_WIDTH * block->widths[c] / total_width - 2 * CELL_PAD;
      g_autofree char *markup = NULL;
      PangoLayout *layout;
      double h;

      if (header)
        markup = g_markup_escape_text (g_ptr_array_index (cells, c), -1);
      else if (c < cells->len)
        markup = item_markup (self, g_ptr_array_index (cells, c), "\n", TABLE_SIZE);
      else
        markup = g_strdup ("");
      layout = new_layout (self, markup, TABLE_SIZE, header || total, FALSE, MAX (width, 10));
      pango_layout_set_line_spacing (layout, 1.1);
      if (block->numeric & (1u << c))
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      /* A cell never takes more than a page. */
      pango_layout_set_height (layout, -40);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      v21_render_text_size (layout, NULL, &h);
      height = MAX (height, h);
      g_ptr_array_add (box->cells, layout);
    }
  box->height = height + 2 * CELL_PAD;
  return box;
}

static void
add_table (V21ReportPages       *self,
           const V21ReportBlock *block)
{
  Box *header = add_row (self, block, block->header, TRUE, FALSE, 8);

  header->keep_with_next = TRUE;
  for (guint r = 0; r < block->rows->len; r++)
    {
      gboolean total = block->total_row && r + 1 == block->rows->len;
      Box *row = add_row (self, block, g_ptr_array_index (block->rows, r), FALSE, total, 0);

      row->header = header;
      row->shaded = r % 2 == 1;
      /* A short table stays whole if it can; two rows at least on either
       * side of a break; a total stays with the row above it. */
      if (block->rows->len <= SHORT_TABLE && r + 1 < block->rows->len)
        row->keep_with_next = row->soft_keep = TRUE;
      if (r == 0 || r + 2 == block->rows->len || (block->total_row && r + 3 == block->rows->len))
        {
          row->keep_with_next = r + 1 < block->rows->len;
          row->soft_keep = FALSE;
        }
    }
}

/* A scenario's trajectories take more height: the key of the labels that
 * find no room beside their point goes under the plot. */
static double
figure_stretch (const V21ReportBlock *block)
{
  return block->figure == V21_FIGURE_TRAJECTORIES && block->target != NULL ? 1.45 : 1.0;
}

static void
add_figure (V21ReportPages       *self,
            const V21ReportBlock *block)
{
  g_autofree char *markup = g_markup_escape_text (block->text, -1);
  PangoLayout *caption = new_layout (self, markup, NOTE_SIZE, FALSE, TRUE, CONTENT_WIDTH);
  double caption_height;
  Box *box;

  v21_render_text_size (caption, NULL, &caption_height);
  box = add_box (self->boxes, BOX_FIGURE, 0, 10);
  box->block = block;
  box->layout = caption;
  box->figure_height = MIN (CONTENT_WIDTH * block->aspect * figure_stretch (block),
                            CONTENT_HEIGHT - caption_height - 40);
  box->height = box->figure_height + 5 + caption_height + 4;
}

static void
build_boxes (V21ReportPages *self)
{
  for (guint i = 0; i < self->report->blocks->len; i++)
    {
      const V21ReportBlock *block = g_ptr_array_index (self->report->blocks, i);
      guint first = self->boxes->len;

      switch (block->kind)
        {
        case V21_BLOCK_HEADING:
          add_heading (self, block, i);
          break;
        case V21_BLOCK_PARAGRAPH:
          add_paragraph (self, block);
          break;
        case V21_BLOCK_LIST:
          add_list (self, block);
          break;
        case V21_BLOCK_TABLE:
          add_table (self, block);
          break;
        case V21_BLOCK_FIGURE:
          add_figure (self, block);
          break;
        case V21_BLOCK_FIGURE_DATA:
          /* The figure above draws these numbers. */
          break;
        default:
          break;
        }
      for (guint k = first; k < self->boxes->len; k++)
        ((Box *) g_ptr_array_index (self->boxes, k))->block_index = i;
    }
}

static void
build_toc (V21ReportPages *self)
{
  g_autofree char *title = v21_typography_apply (_("Contents"));
  g_autofree char *markup = g_markup_escape_text (title, -1);
  Box *box = add_box (self->toc_boxes, BOX_HEADING, 0, 0);
  double height;

  box->layout = new_layout (self, markup, 20, TRUE, FALSE, CONTENT_WIDTH);
  v21_render_text_size (box->layout, NULL, &height);
  box->height = height + 22;
  for (guint i = 0; i < self->report->blocks->len; i++)
    {
      const V21ReportBlock *block = g_ptr_array_index (self->report->blocks, i);
      double indent;
      g_autofree char *text = NULL;

      if (block->kind != V21_BLOCK_HEADING || block->level > 2)
        continue;
      indent = block->level == 2 ? 22 : 0;
      if (block->number != NULL)
        text = g_markup_printf_escaped (block->level == 1 ? "<b>%s  %s</b>" : "%s  %s", block->number, block->text);
      else
        text = g_markup_printf_escaped (block->level == 1 ? "<b>%s</b>" : "%s", block->text);
      box = add_box (self->toc_boxes, BOX_TOC, 0, block->level == 1 ? 9 : 2.5);
      box->layout = new_layout (self, text, block->level == 1 ? 10.5 : 9.5, FALSE, FALSE,
                                CONTENT_WIDTH - indent - TOC_NUMBER_WIDTH);
      v21_render_text_size (box->layout, NULL, &height);
      box->height = height;
      box->indent = indent;
      box->block = block;
      box->block_index = i;
    }
}

/* Pagination */

static void
place (Page   *page,
       Box    *box,
       int     index,
       double  y)
{
  Placed placed = { box, index, y };

  g_array_append_val (page->placed, placed);
}

/* The height of the boxes chained by "keep with next" from @first. */
static double
chain_height (GPtrArray *boxes,
              guint      first)
{
  double height = 0;

  for (guint k = first; k < boxes->len; k++)
    {
      Box *box = g_ptr_array_index (boxes, k);

      height += box->height + (k > first ? box->space_before : 0);
      if (!box->keep_with_next || height > CONTENT_HEIGHT)
        break;
    }
  return height;
}

/* Where the run of boxes chained to @i starts (not before @start). */
static guint
chain_start (GPtrArray *boxes,
             guint      start,
             guint      i,
             gboolean   soft)
{
  guint j;

  for (j = i; j > start; j--)
    {
      Box *box = g_ptr_array_index (boxes, j - 1);

      if (!box->keep_with_next || (box->soft_keep && !soft))
        break;
    }
  return j;
}

/* The height from @first to the next chapter (or the end). */
static double
height_to_chapter (GPtrArray *boxes,
                   guint      first)
{
  double height = 0;

  for (guint k = first; k < boxes->len && height <= CONTENT_HEIGHT; k++)
    {
      Box *box = g_ptr_array_index (boxes, k);

      if (k > first && box->break_before)
        break;
      height += box->height + (k > first ? box->space_before : 0);
    }
  return height;
}

/* Moving @j and what follows to the next page would leave a third of it
 * empty, and not only because a chapter comes next: soft keeps give way. */
static gboolean
too_empty (Page      *page,
           GPtrArray *boxes,
           guint      j,
           double     y)
{
  for (guint k = 0; k < page->placed->len; k++)
    if (g_array_index (page->placed, Placed, k).index == (int) j)
      {
        y = g_array_index (page->placed, Placed, k).y;
        break;
      }
  return CONTENT_HEIGHT - y > SOFT_KEEP_EMPTY && height_to_chapter (boxes, j) > CONTENT_HEIGHT;
}

/* A figure a little taller than the @room left on the page is drawn a
 * little lower there, rather than leaving the page half empty. */
static void
fit_figure (Box    *box,
            double  room)
{
  double excess = box->height - room;

  if (excess > 0 && excess <= box->figure_height * FIGURE_SHRINK)
    {
      box->figure_height -= excess;
      box->height = room;
    }
}

static void
paginate (GPtrArray *boxes,
          GPtrArray *pages)
{
  Page *page = page_new ();
  double y = 0;
  guint start = 0;

  for (guint i = 0; i < boxes->len;)
    {
      Box *box = g_ptr_array_index (boxes, i);
      double space = page->placed->len > 0 ? box->space_before : 0;
      guint j;

      if (box->break_before && page->placed->len > 0 && y >= CHAPTER_PAGE_FILL)
        goto next_page;
      if (box->kind == BOX_FIGURE)
        fit_figure (box, CONTENT_HEIGHT - y - space);
      if (page->placed->len == 0 && box->kind == BOX_ROW && box->header != NULL)
        {
          place (page, box->header, -1, 0);
          y = box->header->height;
        }
      if (y + space + box->height <= CONTENT_HEIGHT || i == start)
        {
          place (page, box, (int) i, y + space);
          y += space + box->height;
          i++;
          continue;
        }
      /* Take along what must stay with this box, unless it all began the page;
       * a chain longer than a page breaks anyway, keeping only its headings
       * with what follows them. */
      j = chain_start (boxes, start, i, TRUE);
      if (too_empty (page, boxes, j, y + space))
        j = chain_start (boxes, start, i, FALSE);
      if (chain_height (boxes, j) > CONTENT_HEIGHT)
        for (j = i; j > start && ((Box *) g_ptr_array_index (boxes, j - 1))->kind == BOX_HEADING; j--)
          ;
      if (j > start)
        {
          while (page->placed->len > 0
                 && g_array_index (page->placed, Placed, page->placed->len - 1).index >= (int) j)
            g_array_set_size (page->placed, page->placed->len - 1);
          i = j;
        }
    next_page:
      g_ptr_array_add (pages, page);
      page = page_new ();
      y = 0;
      start = i;
    }
  g_ptr_array_add (pages, page);
}

static void
name_chapters (V21ReportPages *self)
{
  const char *chapter = NULL;

  for (guint p = 1 + self->n_toc_pages; p < self->pages->len; p++)
    {
      Page *page = g_ptr_array_index (self->pages, p);

      /* The chapter at the top of the page: one that opens it, else the
       * last one begun before (a chapter may begin down a page). */
      for (guint k = 0; k < page->placed->len; k++)
        {
          Placed *placed = &g_array_index (page->placed, Placed, k);

          if (placed->index >= 0 && self->block_page[placed->box->block_index] < 0)
            self->block_page[placed->box->block_index] = (int) p;
          if (placed->box->kind == BOX_HEADING && placed->box->block != NULL
              && placed->box->block->level == 1)
            {
              if (k == 0)
                page->chapter = placed->box->block->text;
              else if (page->chapter == NULL)
                page->chapter = chapter;
              chapter = placed->box->block->text;
            }
        }
      if (page->chapter == NULL)
        page->chapter = chapter;
    }
}

V21ReportPages *
v21_report_pages_new (V21Report   *report,
                      V21Workshop *workshop)
{
  V21ReportPages *self = g_new0 (V21ReportPages, 1);

  g_return_val_if_fail (report != NULL && V21_IS_WORKSHOP (workshop), NULL);

  self->report = report;
  self->workshop = g_object_ref (workshop);
  {
    /* A font map of its own: the pages may be laid out in a thread and drawn
     * in another, while the first lays out the next version. */
    g_autoptr(PangoFontMap) map = pango_cairo_font_map_new ();

    self->context = v21_render_text_context_for_map (map);
  }
  v21_render_style_init (&self->style, V21_RENDER_PRINT, FALSE);
  self->style.typography = TRUE;   /* the cover's drawing, as the figures */
  self->boxes = g_ptr_array_new_with_free_func ((GDestroyNotify) box_free);
  self->toc_boxes = g_ptr_array_new_with_free_func ((GDestroyNotify) box_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  self->block_page = g_new (int, MAX (report->blocks->len, 1));
  for (guint i = 0; i < report->blocks->len; i++)
    self->block_page[i] = -1;

  build_boxes (self);
  build_toc (self);
  g_ptr_array_add (self->pages, page_new ());   /* the cover */
  paginate (self->toc_boxes, self->pages);
  self->n_toc_pages = self->pages->len - 1;
  paginate (self->boxes, self->pages);
  name_chapters (self);
  return self;
}

void
v21_report_pages_free (V21ReportPages *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->boxes);
  g_ptr_array_unref (self->toc_boxes);
  g_object_unref (self->context);
  g_object_unref (self->workshop);
  v21_report_free (self->report);
  g_free (self->block_page);
  g_free (self);
}

guint
v21_report_pages_get_n_pages (V21ReportPages *self)
{
  return self->pages->len;
}

V21Report *
v21_report_pages_get_report (V21ReportPages *self)
{
  return self->report;
}

int
v21_report_pages_find_block (V21ReportPages *self,
                             guint           block_index)
{
  const V21ReportBlock *block;

  g_return_val_if_fail (block_index < self->report->blocks->len, -1);
  block = g_ptr_array_index (self->report->blocks, block_index);
  /* A figure's numbers are not drawn under it: they are where the figure is. */
  if (block->kind == V21_BLOCK_FIGURE_DATA && block_index > 0)
    return v21_report_pages_find_block (self, block_index - 1);
  return self->block_page[block_index];
}

/* Whether @box starts a part of its block: a list item, a table row. */
static gboolean
starts_part (const Box *box)
{
  return (box->kind == BOX_LINE && box->bullet) || (box->kind == BOX_ROW && !box->is_header);
}

double
v21_report_pages_get_fill (V21ReportPages *self,
                           guint           page_index)
{
  Page *page;
  Placed *last;

  g_return_val_if_fail (page_index < self->pages->len, 0);
  page = g_ptr_array_index (self->pages, page_index);
  if (page->placed->len == 0)
    return 0;
  last = &g_array_index (page->placed, Placed, page->placed->len - 1);
  return (last->y + last->box->height) / CONTENT_HEIGHT;
}

int
v21_report_pages_find_part (V21ReportPages *self,
                            guint           block_index,
                            guint           part)
{
  guint n = 0;

  g_return_val_if_fail (block_index < self->report->blocks->len, -1);
  for (guint p = 0; p < self->pages->len; p++)
    {
      Page *page = g_ptr_array_index (self->pages, p);

      for (guint k = 0; k < page->placed->len; k++)
        {
          Placed *placed = &g_array_index (page->placed, Placed, k);

          if (placed->index >= 0 && placed->box->block_index == block_index && starts_part (placed->box)
              && n++ == part)
            return (int) p;
        }
    }
  return -1;
}

/* Figures */

typedef struct
{
  V21BarItem  *items;
  double      *counts;
  const char **names;
  char       **colors;
  guint        n_groups;
} BarData;

static void
bar_data_clear (BarData *data)
{
  g_free (data->items);
  g_free (data->counts);
  g_free (data->names);
  g_strfreev (data->colors);
}

static void
draw_votes (V21Workshop          *workshop,
            const char           *round_id,
            cairo_t              *cr,
            double                width,
            double                height,
            const V21RenderStyle *style)
{
  V21Record *round = v21_workshop_lookup (workshop, round_id);
  g_autoptr(V21VoteResults) results = NULL;
  BarData data = { 0 };
  V21BarChart chart = { 0 };
  gboolean loose = FALSE;

  if (round == NULL || g_strcmp0 (v21_record_get_collection (round), "vote_rounds") != 0)
    return;
  results = v21_vote_results_new (workshop, round);
  for (guint i = 0; i < results->n_tallies; i++)
    loose |= results->tallies[i].no_table > 0;
  data.n_groups = results->n_tables + (loose ? 1 : 0);
  data.items = g_new0 (V21BarItem, MAX (results->n_tallies, 1));
  data.counts = g_new0 (double, MAX (results->n_tallies * data.n_groups, 1));
  data.names = g_new0 (const char *, data.n_groups + 1);
  data.colors = g_new0 (char *, data.n_groups + 1);
  for (guint g = 0; g < results->n_tables; g++)
    {
      data.names[g] = v21_record_get_string (results->tables[g], "name");
      data.colors[g] = g_strdup (v21_record_get_string (results->tables[g], "color"));
    }
  if (loose)
    {
      data.names[results->n_tables] = _("Without a table");
      data.colors[results->n_tables] = g_strdup ("#9a9996");
    }
  for (guint i = 0; i < results->n_tallies; i++)
    {
      double *counts = data.counts + i * data.n_groups;

      for (guint g = 0; g < results->n_tables; g++)
        counts[g] = results->tallies[i].per_table[g];
      if (loose)
        counts[results->n_tables] = results->tallies[i].no_table;
      data.items[i].label = results->tallies[i].label;
      data.items[i].total = results->tallies[i].total;
      data.items[i].counts = counts;
    }
  chart.items = data.items;
  chart.n_items = results->n_tallies;
  chart.group_names = data.names;
  chart.group_colors = (const char * const *) data.colors;
  chart.n_groups = data.n_groups;
  chart.breakdown = data.n_groups > 0;
  v21_render_bar_chart (&chart, cr, width, height, style);
  bar_data_clear (&data);
}

void
v21_report_draw_figure (V21Workshop          *workshop,
                        const V21ReportBlock *figure,
                        cairo_t              *cr,
                        double                width,
                        double                height,
                        const V21RenderStyle *style)
{
  V21RenderStyle typeset;

  g_return_if_fail (figure != NULL && figure->kind == V21_BLOCK_FIGURE);

  typeset = *style;
  typeset.typography = TRUE;
  cairo_save (cr);
  switch (figure->figure)
    {
    case V21_FIGURE_TRAJECTORIES:
      {
        /* A scenario's labels at the body size, those without room numbered in
         * the key; the comparison of all of them shows their shapes and the
         * most important labels (each scenario's figure has all of its own). */
        V21DiagramOptions options = { figure->target != NULL ? V21_DIAGRAM_LABELS_ALL
                                                             : V21_DIAGRAM_LABELS_MOST_IMPORTANT,
                                      6, BODY_SIZE * 0.9 };

        v21_render_trajectories_with_options (workshop, figure->target, cr, width, height, &typeset, &options);
      }
      break;
    case V21_FIGURE_VOTES:
      draw_votes (workshop, figure->target, cr, width, height, &typeset);
      break;
    case V21_FIGURE_ROBUSTNESS:
      v21_render_heat_map (workshop, cr, width, height, &typeset);
      break;
    case V21_FIGURE_TIMELINE:
      v21_render_comparative_timeline (figure, cr, width, height, &typeset);
      break;
    case V21_FIGURE_DRIFT:
      v21_render_drift_chart (figure, cr, width, height, &typeset);
      break;
    default:
      break;
    }
  cairo_restore (cr);
}

/* Drawing */

static void
draw_line_box (V21ReportPages *self,
               cairo_t        *cr,
               Box            *box,
               double          x,
               double          y)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (box->layout, box->line);

  if (box->rule)
    {
      cairo_rectangle (cr, x - QUOTE_INDENT + 3, y, 1.5, box->height);
      v21_render_set_color (cr, &self->style.desired, 0.7);
      cairo_fill (cr);
    }
  if (box->bullet)
    {
      cairo_arc (cr, x - LIST_INDENT + 4.5, y + box->baseline - BODY_SIZE * 0.3, 1.6, 0, 2 * G_PI);
      v21_render_set_color (cr, &self->style.today, 1.0);
      cairo_fill (cr);
    }
  v21_render_set_color (cr, box->color != NULL ? box->color : &self->style.foreground, 1.0);
  cairo_move_to (cr, x, y + box->baseline);
  pango_cairo_show_layout_line (cr, line);
  cairo_new_path (cr);
}

static void
draw_row (V21ReportPages *self,
          cairo_t        *cr,
          Box            *box,
          double          x,
          double          y)
{
  const V21ReportBlock *block = box->block;
  double total_width = 0;

  for (guint c = 0; c < block->n_columns; c++)
    total_width += block->widths[c];
  if (box->is_header || box->shaded)
    {
      cairo_rectangle (cr, x, y, CONTENT_WIDTH, box->height);
      v21_render_set_color (cr, box->is_header ? &self->style.grid : &self->style.heat_empty, box->is_header ? 1.0 : 0.7);
      cairo_fill (cr);
    }
  for (guint c = 0; c < block->n_columns; c++)
    {
      double width = CONTENT_WIDTH * block->widths[c] / total_width;

      v21_render_text_show (cr, g_ptr_array_index (box->cells, c), x + CELL_PAD, y + CELL_PAD,
                            &self->style.foreground);
      x += width;
    }
  cairo_set_line_width (cr, box->is_header || box->is_total ? 0.8 : 0.35);
  v21_render_set_color (cr, box->is_header || box->is_total ? &self->style.axis : &self->style.grid, 1.0);
  cairo_move_to (cr, MARGIN_X, box->is_total ? y : y + box->height);
  cairo_line_to (cr, MARGIN_X + CONTENT_WIDTH, box->is_total ? y : y + box->height);
  cairo_stroke (cr);
}

static const char * const heading_tags[] = { NULL, "H1", "H2", "H3" };

/* "name='s2-1'" for the heading @block (NULL: the contents' own title). */
static char *
dest_attributes (const V21ReportBlock *block,
                 const char           *key)
{
  return g_strdup_printf ("%s='%s'", key, block != NULL ? block->anchor : V21_REPORT_CONTENTS_ANCHOR);
}

static void
draw_heading (V21ReportPages *self,
              cairo_t        *cr,
              Box            *box,
              double          x,
              double          y)
{
  double height;
  g_autofree char *name = dest_attributes (box->block, "name");
  const char *structure = heading_tags[box->block != NULL ? CLAMP (box->block->level, 1, 3) : 1];

  /* In a PDF: a heading in the structure tree, and where the contents and
   * the outline lead to. */
  cairo_tag_begin (cr, structure, NULL);
  cairo_tag_begin (cr, CAIRO_TAG_DEST, name);
  v21_render_text_show (cr, box->layout, x, y, &self->style.foreground);
  cairo_tag_end (cr, CAIRO_TAG_DEST);
  cairo_tag_end (cr, structure);
  if (box->block == NULL || box->block->level != 1)
    return;
  v21_render_text_size (box->layout, NULL, &height);
  cairo_rectangle (cr, x, y + height + 7, 42, 2.5);
  v21_render_set_color (cr, &self->style.desired, 1.0);
  cairo_fill (cr);
}

static void
draw_toc_entry (V21ReportPages *self,
                cairo_t        *cr,
                Box            *box,
                double          x,
                double          y)
{
  int page = self->block_page[box->block_index];
  g_autofree char *number = g_strdup_printf ("%d", page + 1);
  g_autoptr(PangoLayout) layout = v21_render_text_layout (self->context, &self->style, number,
                                                          box->block->level == 1 ? 10.5 : 9.5,
                                                          box->block->level == 1, -1, 0);
  PangoLayoutLine *last = pango_layout_get_line_readonly (box->layout, pango_layout_get_line_count (box->layout) - 1);
  PangoRectangle logical;
  double width, number_height, text_right, right = MARGIN_X + CONTENT_WIDTH;
  g_autofree char *link = dest_attributes (box->block, "dest");

  /* The entry is a link to its section; the area is what is drawn below. */
  cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
  v21_render_text_show (cr, box->layout, x + box->indent, y, &self->style.foreground);
  v21_render_text_size (layout, &width, &number_height);
  v21_render_text_show (cr, layout, right - width, y + box->height - number_height, &self->style.foreground);
  /* Dot leaders from the end of the title's last line to the number. */
  pango_layout_line_get_extents (last, NULL, &logical);
  text_right = x + box->indent + (double) (logical.x + logical.width) / PANGO_SCALE + 6;
  cairo_set_line_width (cr, 0.6);
  cairo_set_dash (cr, (double[]) { 0.6, 2.4 }, 2, 0);
  v21_render_set_color (cr, &self->style.muted, 1.0);
  cairo_move_to (cr, text_right, y + box->height - 3);
  cairo_line_to (cr, right - width - 6, y + box->height - 3);
  if (right - width - 6 > text_right)
    cairo_stroke (cr);
  cairo_new_path (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_tag_end (cr, CAIRO_TAG_LINK);
}

static void
draw_figure_box (V21ReportPages *self,
                 cairo_t        *cr,
                 Box            *box,
                 double          x,
                 double          y)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, CONTENT_WIDTH, box->figure_height);
  cairo_clip (cr);
  v21_report_draw_figure (self->workshop, box->block, cr, CONTENT_WIDTH, box->figure_height, &self->style);
  cairo_restore (cr);
  cairo_set_line_width (cr, 0.35);
  v21_render_set_color (cr, &self->style.grid, 1.0);
  cairo_rectangle (cr, x, y, CONTENT_WIDTH, box->figure_height);
  cairo_stroke (cr);
  v21_render_text_show (cr, box->layout, x, y + box->figure_height + 5, &self->style.muted);
}

static void
draw_text_at (V21ReportPages *self,
              cairo_t        *cr,
              const char     *text,
              double          size,
              gboolean        bold,
              double          x,
              double          y,
              double          width,
              PangoAlignment  alignment,
              const V21Rgba  *color)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL)
    return;
  layout = v21_render_text_layout (self->context, &self->style, text, size, bold, width, 0);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_line_spacing (layout, 1.15);
  v21_render_text_show (cr, layout, x, y, color);
}

static double
text_height (V21ReportPages *self,
             const char     *text,
             double          size,
             gboolean        bold,
             double          width)
{
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  if (text == NULL)
    return 0;
  layout = v21_render_text_layout (self->context, &self->style, text, size, bold, width, 0);
  pango_layout_set_line_spacing (layout, 1.15);
  v21_render_text_size (layout, NULL, &height);
  return height;
}

static void
draw_cover (V21ReportPages *self,
            cairo_t        *cr)
{
  V21Report *report = self->report;
  double x = MARGIN_X + 10, width = CONTENT_WIDTH - 20, y = 185;

  /* A band with the method's name, and a green bar beside the title. */
  cairo_rectangle (cr, 0, 0, V21_PAGE_WIDTH, 110);
  v21_render_set_color (cr, &self->style.desired, 1.0);
  cairo_fill (cr);
  draw_text_at (self, cr, "Visions +21", 13, TRUE, x, 70, width, PANGO_ALIGN_LEFT, &self->style.background);
  draw_text_at (self, cr, report->kind_line, 11, FALSE, x, 150, width, PANGO_ALIGN_LEFT, &self->style.muted);
  {
    double h = text_height (self, report->title, 26, TRUE, width);

    cairo_rectangle (cr, MARGIN_X - 4, y, 4, h);
    v21_render_set_color (cr, &self->style.desired, 1.0);
    cairo_fill (cr);
    draw_text_at (self, cr, report->title, 26, TRUE, x, y, width, PANGO_ALIGN_LEFT, &self->style.foreground);
    y += h + 28;
  }
  draw_text_at (self, cr, report->territory, 15, FALSE, x, y, width, PANGO_ALIGN_LEFT, &self->style.foreground);
  y += text_height (self, report->territory, 15, FALSE, width) + 18;
  draw_text_at (self, cr, report->dates, 12, FALSE, x, y, width, PANGO_ALIGN_LEFT, &self->style.foreground);
  y += text_height (self, report->dates, 12, FALSE, width) + 4;
  draw_text_at (self, cr, report->venue, 10, FALSE, x, y, width, PANGO_ALIGN_LEFT, &self->style.muted);
  y += text_height (self, report->venue, 10, FALSE, width) + 18;
  draw_text_at (self, cr, report->horizon, 20, TRUE, x, y, width, PANGO_ALIGN_LEFT, &self->style.desired);
  y += 44;
  /* The trajectories, as a picture of what the seminar drew. */
  if (v21_collection_get_n (v21_workshop_get_collection (self->workshop, "trajectories")) > 0)
    {
      double height = MIN (CONTENT_WIDTH * 0.6, V21_PAGE_HEIGHT - MARGIN_BOTTOM - 105 - y);

      if (height > 150)
        {
          cairo_save (cr);
          cairo_translate (cr, MARGIN_X, y);
          cairo_rectangle (cr, 0, 0, CONTENT_WIDTH, height);
          cairo_clip (cr);
          /* The cover shows the paths, with the three most important labels only. */
          V21DiagramOptions options = { V21_DIAGRAM_LABELS_MOST_IMPORTANT, 3, BODY_SIZE * 0.9 };

          v21_render_trajectories_with_options (self->workshop, NULL, cr, CONTENT_WIDTH, height, &self->style,
                                                &options);
          cairo_restore (cr);
        }
    }
  if (report->credits != NULL)
    {
      double h = text_height (self, report->credits, 9.5, FALSE, width);

      draw_text_at (self, cr, report->credits, 9.5, FALSE, x, V21_PAGE_HEIGHT - MARGIN_BOTTOM - 40 - h, width,
                    PANGO_ALIGN_LEFT, &self->style.muted);
    }
  if (report->anonymized)
    draw_text_at (self, cr, _("Anonymised version: people are not named."), 9.5, TRUE, x,
                  V21_PAGE_HEIGHT - MARGIN_BOTTOM - 20, width, PANGO_ALIGN_LEFT, &self->style.threat);
}

static void
draw_frame (V21ReportPages *self,
            cairo_t        *cr,
            Page           *page,
            guint           number)
{
  g_autofree char *folio = g_strdup_printf ("%u / %u", number + 1, self->pages->len);
  double half = CONTENT_WIDTH / 2 - 10;
  g_autoptr(PangoLayout) left = v21_render_text_layout (self->context, &self->style, self->report->running_title, 7.5,
                                                        FALSE, half, 1);
  g_autoptr(PangoLayout) right = v21_render_text_layout (self->context, &self->style, page->chapter, 7.5, FALSE,
                                                         half, 1);

  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  v21_render_text_show (cr, left, MARGIN_X, 34, &self->style.muted);
  if (page->chapter != NULL)
    v21_render_text_show (cr, right, MARGIN_X + CONTENT_WIDTH - half, 34, &self->style.muted);
  cairo_set_line_width (cr, 0.4);
  v21_render_set_color (cr, &self->style.grid, 1.0);
  cairo_move_to (cr, MARGIN_X, 48);
  cairo_line_to (cr, MARGIN_X + CONTENT_WIDTH, 48);
  cairo_stroke (cr);
  draw_text_at (self, cr, folio, 8, FALSE, MARGIN_X, V21_PAGE_HEIGHT - 40, CONTENT_WIDTH, PANGO_ALIGN_CENTER,
                &self->style.muted);
}

void
v21_report_pages_draw (V21ReportPages *self,
                       guint           number,
                       cairo_t        *cr)
{
  Page *page;

  g_return_if_fail (self != NULL && number < self->pages->len);

  page = g_ptr_array_index (self->pages, number);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, V21_PAGE_WIDTH, V21_PAGE_HEIGHT);
  v21_render_set_color (cr, &self->style.background, 1.0);
  cairo_fill (cr);
  if (number == 0)
    {
      draw_cover (self, cr);
      cairo_restore (cr);
      return;
    }
  draw_frame (self, cr, page, number);
  for (guint k = 0; k < page->placed->len; k++)
    {
      Placed *placed = &g_array_index (page->placed, Placed, k);
      double x = MARGIN_X + placed->box->indent, y = MARGIN_TOP + placed->y;

      switch (placed->box->kind)
        {
        case BOX_LINE:
          draw_line_box (self, cr, placed->box, x, y);
          break;
        case BOX_HEADING:
          draw_heading (self, cr, placed->box, MARGIN_X, y);
          break;
        case BOX_ROW:
          draw_row (self, cr, placed->box, MARGIN_X, y);
          break;
        case BOX_FIGURE:
          draw_figure_box (self, cr, placed->box, MARGIN_X, y);
          break;
        case BOX_TOC:
          draw_toc_entry (self, cr, placed->box, MARGIN_X, y);
          break;
        default:
          break;
        }
    }
  cairo_restore (cr);
}
