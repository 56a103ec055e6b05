/* v21-print-kit-sheets.c — the kit's sheets that the room fills in: sign-in
 * sheets, the portrait, the robustness grid, the "We are in…" writing sheet,
 * "what if…" cards, the timeline strip, action sheets, vote material and the
 * "conditions of application" forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-print-kit"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-consent.h"
#include "v21-labels.h"
#include "v21-print-kit-private.h"
#include "v21-run-sheet.h"
#include "v21-table-assign.h"

#define LANDSCAPE_WIDTH PAGE_HEIGHT
#define LANDSCAPE_HEIGHT PAGE_WIDTH
#define YELLOW ((Rgb) { 0.96, 0.76, 0.07 })
#define SIGN_IN_SPARE_ROWS 3
#define ACTION_ROWS 12
#define PROCESS_ROWS 10

static const Font SMALL = { SANS, 8.5, PANGO_WEIGHT_NORMAL, FALSE };
static const Font BODY = { SANS, 10.5, PANGO_WEIGHT_NORMAL, FALSE };
static const Font BOLD = { SANS, 10.5, PANGO_WEIGHT_BOLD, FALSE };
static const Font HEADER = { SANS, 9.5, PANGO_WEIGHT_BOLD, FALSE };

/* Helpers */

static guint
n_tables (V21Workshop *workshop)
{
  return v21_collection_get_n (v21_workshop_get_collection (workshop, "tables"));
}

guint
_v21_kit_per_table (V21Workshop *workshop)
{
  return MAX (1, n_tables (workshop));
}

/* The @i-th table, or NULL for the one blank sheet of a workshop without tables. */
static V21Record *
table_at (Kit  *kit,
          guint i)
{
  V21Collection *tables = v21_workshop_get_collection (kit->workshop, "tables");

  return i < v21_collection_get_n (tables) ? v21_collection_get (tables, i) : NULL;
}

V21Record *
_v21_kit_exercise (V21Workshop *workshop,
                   const char  *code)
{
  V21Collection *exercises = v21_workshop_get_collection (workshop, "exercises");

  for (guint i = 0; i < v21_collection_get_n (exercises); i++)
    if (g_strcmp0 (v21_record_get_string (v21_collection_get (exercises, i), "code"), code) == 0)
      return v21_collection_get (exercises, i);
  return NULL;
}

GPtrArray *
_v21_kit_materials (V21Workshop *workshop,
                    const char  *kind)
{
  V21Collection *materials = v21_workshop_get_collection (workshop, "materials");
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < v21_collection_get_n (materials); i++)
    {
      V21Record *material = v21_collection_get (materials, i);

      if (g_strcmp0 (v21_record_get_string (material, "kind"), kind) == 0)
        g_ptr_array_add (found, material);
    }
  return found;
}

static void
stroke_box (Kit    *kit,
            double  x,
            double  y,
            double  width,
            double  height,
            Rgb     color)
{
  _v21_kit_color (kit, color);
  cairo_set_line_width (kit->cr, 0.8);
  cairo_rectangle (kit->cr, x, y, width, height);
  cairo_stroke (kit->cr);
}

static void
fill_box (Kit    *kit,
          double  x,
          double  y,
          double  width,
          double  height,
          Rgb     color)
{
  _v21_kit_color (kit, color);
  cairo_rectangle (kit->cr, x, y, width, height);
  cairo_fill (kit->cr);
}

/* Light dotted lines to write on, every @spacing points from @y to @bottom. */
static void
writing_lines (Kit    *kit,
               double  x,
               double  y,
               double  width,
               double  bottom,
               double  spacing)
{
  const double dots[] = { 1, 2.5 };

  cairo_save (kit->cr);
  cairo_set_dash (kit->cr, dots, G_N_ELEMENTS (dots), 0);
  for (double line = y + spacing; line <= bottom; line += spacing)
    _v21_kit_rule (kit, x, line, width, 0.6, RULE);
  cairo_restore (kit->cr);
}

/* The heading of a table's sheet: the part, then the table's name beside its
 * colour (or "Table: ____" to write in); returns where the content starts. */
static double
named_heading (Kit        *kit,
               V21Record  *table,
               const char *name,
               const char *part,
               const char *title,
               double      y)
{
  double x = MARGIN;
  Rgb color;

  if (table != NULL)
    {
      _v21_kit_parse_color (v21_record_get_string (table, "color"), &color);
      fill_box (kit, MARGIN, y + 2, 16, 16, color);
      x += 24;
    }
  _v21_kit_text (kit, (Font) { SANS, 14, PANGO_WEIGHT_BOLD, FALSE }, INK, x, y, kit->width - MARGIN - x, name, TRUE);
  y += 24;
  return _v21_kit_heading (kit, part, title, y);
}

static double
table_heading (Kit        *kit,
               V21Record  *table,
               const char *part,
               const char *title,
               double      y)
{
  /* Translators: on a sheet printed before tables exist. */
  const char *name = table != NULL ? v21_record_get_string (table, "name") : _("Table: ______________");

  return named_heading (kit, table, name, part, title, y);
}

/* A table of @n_columns columns (relative @widths) with a header row; returns
 * where the rows start. */
static double
column_header (Kit               *kit,
               const char *const *headers,
               const double      *widths,
               guint              n_columns,
               double             y)
{
  double x = MARGIN;
  double width = kit->width - 2 * MARGIN;
  double height = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      height = MAX (height, _v21_kit_text (kit, HEADER, INK, 0, 0, widths[c] * width - 8, headers[c], FALSE));
    }
  height += 10;
  fill_box (kit, MARGIN, y, width, height, (Rgb) { 0.93, 0.93, 0.94 });
  for (guint c = 0; c < n_columns; c++)
    {
      _v21_kit_text (kit, HEADER, INK, x + 4, y + 5, widths[c] * width - 8, headers[c], TRUE);
      x += widths[c] * width;
    }
  return y + height;
}

/* The grid lines of @n_rows rows of @row_height under a header that starts at @top. */
static void
column_grid (Kit          *kit,
             const double *widths,
             guint         n_columns,
             double        top,
             double        rows_top,
             guint         n_rows,
             double        row_height)
{
  double width = kit->width - 2 * MARGIN;
  double bottom = rows_top + n_rows * row_height;
  double x = MARGIN;

  for (guint r = 0; r <= n_rows; r++)
    _v21_kit_rule (kit, MARGIN, rows_top + r * row_height, width, 0.6, RULE);
  _v21_kit_color (kit, RULE);
  cairo_set_line_width (kit->cr, 0.6);
  for (guint c = 0; c <= n_columns; c++)
    {
      cairo_move_to (kit->cr, x, top);
      cairo_line_to (kit->cr, x, bottom);
      if (c < n_columns)
        x += widths[c] * width;
    }
  cairo_stroke (kit->cr);
  stroke_box (kit, MARGIN, top, width, bottom - top, GREY);
}

/* Draws @draw's sheet once per table (once, blank, without tables). */
static void
each_table (Kit  *kit,
            void (*draw) (Kit       *kit,
                          V21Record *table))
{
  for (guint t = 0; t < _v21_kit_per_table (kit->workshop); t++)
    draw (kit, table_at (kit, t));
}

/* Draws @draw's page for each record of @collection. */
static void
each_record (Kit        *kit,
             const char *collection,
             void      (*draw) (Kit       *kit,
                                V21Record *record))
{
  V21Collection *records = v21_workshop_get_collection (kit->workshop, collection);

  for (guint i = 0; i < v21_collection_get_n (records); i++)
    draw (kit, v21_collection_get (records, i));
}

void
_v21_kit_each_group (Kit          *kit,
                     V21GroupFunc  draw,
                     const char   *nowhere_name)
{
  g_autoptr(GPtrArray) nowhere = v21_table_members (kit->workshop, NULL);

  for (guint t = 0; t < n_tables (kit->workshop); t++)
    {
      V21Record *table = table_at (kit, t);
      g_autoptr(GPtrArray) members = v21_table_members (kit->workshop, table);

      draw (kit, table, v21_record_get_string (table, "name"), members);
    }
  if (nowhere->len > 0)
    draw (kit, NULL, nowhere_name, nowhere);
}

/* Sign-in sheets (feuilles d'émargement) */

guint
_v21_kit_sign_in_pages (V21Workshop *workshop)
{
  g_autoptr(GPtrArray) nowhere = v21_table_members (workshop, NULL);

  return n_tables (workshop) + (nowhere->len > 0 ? 1 : 0);
}

/* The people who may be named, in the table's order; the others write
 * their own name on a blank line (a label would be no use to sign by). */
static GPtrArray *
named_people (V21Workshop *workshop,
              GPtrArray   *people)
{
  GPtrArray *named = g_ptr_array_new ();

  for (guint i = 0; i < people->len; i++)
    if (v21_consent_may_name (g_ptr_array_index (people, i)))
      g_ptr_array_add (named, g_ptr_array_index (people, i));
  return named;
}

static void
sign_in_row (Kit          *kit,
             V21Record    *person,
             double        width,
             const double *widths,
             double        y)
{
  g_autofree char *name = v21_consent_name (kit->workshop, person);
  const char *organisation = v21_record_get_string (person, "organisation");

  _v21_kit_text (kit, BOLD, INK, MARGIN + 4, y + 4, widths[0] * width - 8, name, TRUE);
  _v21_kit_text (kit, SMALL, GREY, MARGIN + widths[0] * width + 4, y + 4, widths[1] * width - 8, organisation, TRUE);
}

static void
draw_sign_in_page (Kit        *kit,
                   V21Record  *table,
                   const char *name,
                   GPtrArray  *people)
{
  g_autoptr(GPtrArray) named = named_people (kit->workshop, people);
  V21Collection *days = v21_workshop_get_collection (kit->workshop, "days");
  guint n_days = MIN (v21_collection_get_n (days), 4);
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  double widths[6] = { 0.32, 0.28 };
  double width = PAGE_WIDTH - 2 * MARGIN;
  guint n_rows = people->len + SIGN_IN_SPARE_ROWS;
  g_autofree char *dates = v21_run_sheet_format_dates (kit->workshop);
  double y, top, row_height, room;

  g_ptr_array_add (headers, g_strdup (_("Name")));
  g_ptr_array_add (headers, g_strdup (_("Organisation")));
  for (guint d = 0; d < n_days; d++)
    {
      g_autofree char *date = v21_run_sheet_format_date (v21_collection_get (days, d));

      /* Translators: a column of the sign-in sheet, "Signature — jeudi 18 mars 2027". */
      g_ptr_array_add (headers, g_strdup_printf (_("Signature — %s"), date));
      widths[2 + d] = 0.40 / MAX (n_days, 1);
    }
  if (n_days == 0)
    {
      g_ptr_array_add (headers, g_strdup (_("Signature")));
      widths[2] = 0.40;
      n_days = 1;
    }
  _v21_kit_begin_page (kit, PAGE_WIDTH, PAGE_HEIGHT);
  y = named_heading (kit, table, name, v21_workshop_get_title (kit->workshop), _("Sign-in sheet"), MARGIN);
  y += _v21_kit_text (kit, BODY, GREY, MARGIN, y, width, dates, TRUE) + 10;
  top = y;
  y = column_header (kit, (const char * const *) headers->pdata, widths, 2 + n_days, y);
  room = kit->height - MARGIN - FOOTER_HEIGHT - 40 - y;
  /* Spare lines down the page, for the unnamed and the unexpected. */
  n_rows = MAX (n_rows, (guint) (room / 34));
  row_height = MIN (34, room / n_rows);
  for (guint r = 0; r < named->len; r++)
    sign_in_row (kit, g_ptr_array_index (named, r), width, widths, y + r * row_height);
  column_grid (kit, widths, 2 + n_days, top, y, n_rows, row_height);
  _v21_kit_text (kit, SMALL, GREY, MARGIN, y + n_rows * row_height + 8, width,
                 _("Anyone who has not agreed to be named in the seminar’s documents writes their name on a blank line."),
                 TRUE);
  _v21_kit_footer (kit, _("Sign-in sheets"));
  _v21_kit_end_page (kit);
}

void
_v21_kit_draw_sign_in (Kit *kit)
{
  _v21_kit_each_group (kit, draw_sign_in_page, _("Facilitation team and people at no table"));
}

/* The portrait of the territory */

/* "12. 42 300 habitants" → the number apart, large, and the text beside it. */
static double
portrait_line (Kit        *kit,
               const char *line,
               double      scale,
               double      y,
               gboolean    draw)
{
  Font number = { SANS, 20 * scale, PANGO_WEIGHT_BOLD, FALSE };
  Font body = { SANS, 12 * scale, PANGO_WEIGHT_NORMAL, FALSE };
  double width = PAGE_WIDTH - 2 * MARGIN;
  const char *dot = strstr (line, ". ");
  g_autofree char *head = NULL;

  if (dot != NULL && dot - line <= 3 && g_ascii_isdigit (line[0]))
    {
      head = g_strndup (line, dot - line);
      _v21_kit_text (kit, number, GREEN, MARGIN, y - 4 * scale, 44 * scale, head, draw);
      line = dot + 2;
    }
  return MAX (_v21_kit_text (kit, body, INK, MARGIN + 46 * scale, y, width - 46 * scale, line, draw),
              head != NULL ? 22 * scale : 0) + 10 * scale;
}

static double
portrait_body (Kit        *kit,
               const char *body,
               double      scale,
               double      y,
               gboolean    draw)
{
  g_auto(GStrv) lines = g_strsplit (body != NULL ? body : "", "\n", -1);
  double top = y;

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      y += portrait_line (kit, lines[i], scale, y, draw);
  return y - top;
}

static void
draw_portrait (Kit       *kit,
               V21Record *material)
{
  const char *source = v21_record_get_string (material, "source");
  const char *body = v21_record_get_string (material, "body");
  double width = PAGE_WIDTH - 2 * MARGIN;
  double scale = 1.0;
  double y, room;

  _v21_kit_begin_page (kit, PAGE_WIDTH, PAGE_HEIGHT);
  fill_box (kit, 0, 0, PAGE_WIDTH, 14, GREEN);
  y = _v21_kit_heading (kit, v21_workshop_get_territory_name (kit->workshop),
                        v21_record_get_string (material, "title"), MARGIN + 12) + 14;
  room = kit->height - MARGIN - FOOTER_HEIGHT - 30 - y;
  while (scale > 0.5 && portrait_body (kit, body, scale, y, FALSE) > room)
    scale -= 0.05;
  y += portrait_body (kit, body, scale, y, TRUE) + 6;
  if (source != NULL && source[0] != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("Source: %s"), source);

      _v21_kit_text (kit, (Font) { SANS, 8.5, PANGO_WEIGHT_NORMAL, TRUE }, GREY, MARGIN, y, width, line, TRUE);
    }
  _v21_kit_footer (kit, v21_label ("material_kind", "portrait"));
  _v21_kit_end_page (kit);
}

void
_v21_kit_draw_portraits (Kit *kit)
{
  g_autoptr(GPtrArray) portraits = _v21_kit_materials (kit->workshop, "portrait");

  for (guint i = 0; i < portraits->len; i++)
    draw_portrait (kit, g_ptr_array_index (portraits, i));
}

/* The robustness grid: challenges in rows, current answers in columns */

/* The answers already scored in the file (the technical lead lists them
 * ahead), in their first order; none leaves columns to write in. */
static GPtrArray *
grid_answers (V21Workshop *workshop)
{
  V21Collection *scores = v21_workshop_get_collection (workshop, "robustness");
  GPtrArray *answers = g_ptr_array_new ();

  for (guint i = 0; i < v21_collection_get_n (scores) && answers->len < 6; i++)
    {
      V21Record *answer = v21_workshop_lookup (workshop, v21_record_get_string (v21_collection_get (scores, i),
                                                                               "answer"));

      if (answer != NULL && !g_ptr_array_find (answers, answer, NULL))
        g_ptr_array_add (answers, answer);
    }
  return answers;
}

static void
grid_cell (Kit    *kit,
           double  x,
           double  y,
           double  width,
           double  height)
{
  g_autoptr(PangoLayout) scale = _v21_kit_layout (kit, (Font) { SANS, 11, PANGO_WEIGHT_NORMAL, FALSE }, -1,
                                                  "0   1   2   3");

  _v21_kit_color (kit, GREY);
  cairo_move_to (kit->cr, x + (width - _v21_kit_layout_width (scale)) / 2, y + 6);
  pango_cairo_show_layout (kit->cr, scale);
  writing_lines (kit, x + 6, y + 22, width - 12, y + height - 4, 14);
}

static void
draw_grid (Kit       *kit,
           V21Record *table,
           GPtrArray *challenges,
           GPtrArray *answers)
{
  guint n_answers = answers->len > 0 ? answers->len : 4;
  guint n_rows = challenges->len > 0 ? challenges->len : 4;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  double widths[8];
  double width = LANDSCAPE_WIDTH - 2 * MARGIN;
  double y, top, row_height, x;

  widths[0] = 0.24;
  g_ptr_array_add (headers, g_strdup (_("Challenges")));
  for (guint a = 0; a < n_answers; a++)
    {
      widths[1 + a] = 0.58 / n_answers;
      g_ptr_array_add (headers, a < answers->len ? g_strdup (v21_record_get_string (g_ptr_array_index (answers, a), "text"))
                                                 : g_strdup_printf (_("Answer %u: ____________"), a + 1));
    }
  widths[1 + n_answers] = 0.18;
  g_ptr_array_add (headers, g_strdup (_("Threats to anticipate")));

  _v21_kit_begin_page (kit, LANDSCAPE_WIDTH, LANDSCAPE_HEIGHT);
  y = table_heading (kit, table, _("Robustness grid"), _("Robustness test: challenges × current answers"), MARGIN);
  top = y;
  y = column_header (kit, (const char * const *) headers->pdata, widths, n_answers + 2, y);
  row_height = MIN (110, (kit->height - MARGIN - FOOTER_HEIGHT - 30 - y) / n_rows);
  for (guint r = 0; r < n_rows; r++)
    {
      double row = y + r * row_height;

      if (r < challenges->len)
        _v21_kit_text (kit, BOLD, INK, MARGIN + 4, row + 5, widths[0] * width - 8,
                       v21_record_get_string (g_ptr_array_index (challenges, r), "title"), TRUE);
      x = MARGIN + widths[0] * width;
      for (guint a = 0; a < n_answers; a++)
        {
          grid_cell (kit, x, row, widths[1 + a] * width, row_height);
          x += widths[1 + a] * width;
        }
      writing_lines (kit, x + 6, row, widths[1 + n_answers] * width - 12, row + row_height - 4, 14);
    }
  column_grid (kit, widths, n_answers + 2, top, y, n_rows, row_height);
  _v21_kit_text (kit, SMALL, GREY, MARGIN, y + n_rows * row_height + 6, width,
                 _("Circle a score in each cell: 0 — does not hold, 1 — fragile, 2 — holds in part, 3 — robust. "
                   "Justify each 0 and each 3 in one line."), TRUE);
  _v21_kit_footer (kit, _("Robustness grid"));
  _v21_kit_end_page (kit);
}

void
_v21_kit_draw_grids (Kit *kit)
{
  g_autoptr(GPtrArray) challenges = _v21_kit_materials (kit->workshop, "challenge");
  g_autoptr(GPtrArray) answers = grid_answers (kit->workshop);

  for (guint t = 0; t < _v21_kit_per_table (kit->workshop); t++)
    draw_grid (kit, table_at (kit, t), challenges, answers);
}

/* The "We are in 2056…" writing sheet */

static double
labelled_zone (Kit        *kit,
               const char *label,
               double      y,
               double      height)
{
  double width = kit->width - 2 * MARGIN;
  double label_height = _v21_kit_text (kit, BOLD, INK, MARGIN, y, width, label, TRUE);

  writing_lines (kit, MARGIN, y + label_height, width, y + height, 22);
  return y + height + 12;
}

/* "1." to "6." before the lines of the six headlines the table keeps. */
static void
headline_numbers (Kit    *kit,
                  double  y)
{
  for (guint i = 1; i <= 6; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u.", i);

      _v21_kit_text (kit, SMALL, GREY, MARGIN - 14, y + 22 * i - 12, 14, number, TRUE);
    }
}

static void
draw_writing (Kit       *kit,
              V21Record *table)
{
  gint64 horizon = v21_record_get_int (v21_workshop_get_root (kit->workshop), "horizon_year", 0);
  /* Translators: the title of the sheet each table fills, with the horizon year. */
  g_autofree char *title = g_strdup_printf (_("We are in %ld…"), (long) horizon);
  g_autofree char *headlines = g_strdup_printf (_("The headlines of the local paper in %ld (the table keeps the six strongest)"),
                                                (long) horizon);
  double width = PAGE_WIDTH - 2 * MARGIN;
  double bottom = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT;
  double y;

  _v21_kit_begin_page (kit, PAGE_WIDTH, PAGE_HEIGHT);
  y = table_heading (kit, table, _("Writing the desired future"), title, MARGIN);
  y += _v21_kit_text (kit, (Font) { SERIF, 12, PANGO_WEIGHT_NORMAL, TRUE }, INK, MARGIN, y, width,
                      _("Our territory did better than elsewhere. Journalists come to understand why."), TRUE) + 14;
  headline_numbers (kit, y + _v21_kit_text (kit, BOLD, INK, 0, 0, width, headlines, FALSE));
  y = labelled_zone (kit, headlines, y, 150);
  y = labelled_zone (kit, _("The story: how people live, work, move, eat, decide there"), y, (bottom - y) * 0.58);
  labelled_zone (kit, _("Why it worked: which choices, which alliances"), y, bottom - y - 12);
  _v21_kit_footer (kit, _("Writing sheets"));
  _v21_kit_end_page (kit);
}

void
_v21_kit_draw_writing (Kit *kit)
{
  each_table (kit, draw_writing);
}

/* "What if…" cards, four per page */

guint
_v21_kit_what_if_count (V21Workshop *workshop)
{
  return MAX (4, 2 * n_tables (workshop));
}

static void
draw_what_if (Kit  *kit,
              guint cell)
{
  double cell_width = PAGE_WIDTH / 2;
  double cell_height = PAGE_HEIGHT / 2;
  double pad = 30;
  double x = (cell % 2) * cell_width + pad;
  double y = (cell / 2) * cell_height + pad;
  double width = cell_width - 2 * pad;
  const char *zones[] = { N_("What would hold"), N_("What would bend"), N_("What would change course") };

  fill_box (kit, x, y, width, 24, CHALLENGE);
  _v21_kit_text (kit, (Font) { SANS, 10, PANGO_WEIGHT_BOLD, FALSE }, (Rgb) { 1, 1, 1 }, x + 8, y + 5, width - 16,
                 _("“What if…” card"), TRUE);
  y += 34;
  /* Translators: the start of the question written on a "what if…" card. */
  y += _v21_kit_text (kit, (Font) { SERIF, 20, PANGO_WEIGHT_BOLD, TRUE }, INK, x, y, width, _("What if…"), TRUE);
  writing_lines (kit, x, y, width, y + 66, 22);
  y += 78;
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      _v21_kit_text (kit, SMALL, GREY, x, y, width, _(zones[z]), TRUE);
      writing_lines (kit, x, y + 8, width, y + 52, 22);
      y += 60;
    }
}

void
_v21_kit_draw_what_if (Kit *kit)
{
  guint n = _v21_kit_what_if_count (kit->workshop);

  for (guint i = 0; i < n; i++)
    {
      if (i % 4 == 0)
        {
          _v21_kit_begin_page (kit, PAGE_WIDTH, PAGE_HEIGHT);
          _v21_kit_cut_marks (kit);
        }
      draw_what_if (kit, i % 4);
      if (i % 4 == 3 || i == n - 1)
        _v21_kit_end_page (kit);
    }
}

/* The timeline strip, from ten years back to the horizon */

static double
year_x (double  left,
        double  right,
        gint64  first,
        gint64  last,
        gint64  year)
{
  return left + (right - left) * (year - first) / (double) MAX (last - first, 1);
}

static void
timeline_band (Kit        *kit,
               const char *label,
               Rgb         color,
               double      y,
               double      height)
{
  double width = kit->width - 2 * MARGIN;

  cairo_set_source_rgba (kit->cr, color.r, color.g, color.b, 0.12);
  cairo_rectangle (kit->cr, MARGIN, y, width, height);
  cairo_fill (kit->cr);
  fill_box (kit, MARGIN, y, 4, height, color);
  _v21_kit_text (kit, SMALL, INK, MARGIN + 10, y + 4, 200, label, TRUE);
}

static void
timeline_axis (Kit    *kit,
               gint64  start,
               gint64  horizon,
               double  y)
{
  double left = MARGIN + 20;
  double right = kit->width - MARGIN - 20;
  gint64 first = start - 10;
  const double dashes[] = { 4, 3 };

  _v21_kit_rule (kit, left, y, right - left, 2, INK);
  for (gint64 year = first; year <= horizon; year += 5)
    {
      g_autofree char *label = g_strdup_printf ("%ld", (long) year);
      g_autoptr(PangoLayout) layout = _v21_kit_layout (kit, BOLD, -1, label);
      double x = year_x (left, right, first, horizon, year);

      _v21_kit_color (kit, INK);
      cairo_set_line_width (kit->cr, 1.5);
      cairo_move_to (kit->cr, x, y - 6);
      cairo_line_to (kit->cr, x, y + 6);
      cairo_stroke (kit->cr);
      _v21_kit_color (kit, INK);
      cairo_move_to (kit->cr, x - _v21_kit_layout_width (layout) / 2, y + 9);
      pango_cairo_show_layout (kit->cr, layout);
    }
  {
    double x = year_x (left, right, first, horizon, start);
    g_autoptr(PangoLayout) today = _v21_kit_layout (kit, BOLD, -1, _("Today"));

    cairo_save (kit->cr);
    cairo_set_dash (kit->cr, dashes, G_N_ELEMENTS (dashes), 0);
    _v21_kit_color (kit, RED);
    cairo_set_line_width (kit->cr, 1.2);
    cairo_move_to (kit->cr, x, MARGIN + 78);
    cairo_line_to (kit->cr, x, y - 8);
    cairo_move_to (kit->cr, x, y + 26);
    cairo_line_to (kit->cr, x, kit->height - MARGIN - FOOTER_HEIGHT - 10);
    cairo_stroke (kit->cr);
    cairo_restore (kit->cr);
    cairo_move_to (kit->cr, x + 4, y - 20);
    pango_cairo_show_layout (kit->cr, today);
  }
}

/* The vision as a star at the horizon, where the desired path ends. */
static void
timeline_vision (Kit        *kit,
                 const char *vision,
                 double      axis)
{
  double x = kit->width - MARGIN - 20;
  g_autoptr(PangoLayout) label = _v21_kit_layout (kit, BOLD, -1, vision);
  double cy = axis - 40;

  _v21_kit_color (kit, GREEN);
  cairo_move_to (kit->cr, x, cy - 12);
  for (int i = 1; i < 10; i++)
    {
      double radius = i % 2 == 1 ? 5 : 12;
      double angle = -G_PI / 2 + i * G_PI / 5;

      cairo_line_to (kit->cr, x + radius * cos (angle), cy + radius * sin (angle));
    }
  cairo_close_path (kit->cr);
  cairo_fill (kit->cr);
  cairo_move_to (kit->cr, x - _v21_kit_layout_width (label) - 16, cy - 8);
  pango_cairo_show_layout (kit->cr, label);
}

static void
draw_timeline (Kit       *kit,
               V21Record *table)
{
  V21Record *root = v21_workshop_get_root (kit->workshop);
  gint64 start = v21_record_get_int (root, "start_year", 0);
  gint64 horizon = v21_record_get_int (root, "horizon_year", 0);
  g_autofree char *title = g_strdup_printf (_("Timeline %ld – %ld"), (long) (start - 10), (long) horizon);
  g_autofree char *vision = g_strdup_printf (_("Vision %ld"), (long) horizon);
  double top = MARGIN + 78;
  double bottom = LANDSCAPE_HEIGHT - MARGIN - FOOTER_HEIGHT - 10;
  double axis = top + (bottom - top) * 0.5;

  _v21_kit_begin_page (kit, LANDSCAPE_WIDTH, LANDSCAPE_HEIGHT);
  table_heading (kit, table, _("Backcasting"), title, MARGIN);
  timeline_band (kit, _("Milestones (yellow sticky notes): dated, verifiable"), YELLOW, top, axis - top - 24);
  timeline_band (kit, _("Threats (red sticky notes)"), RED, axis + 30, (bottom - axis - 36) / 2);
  timeline_band (kit, _("Resources (green sticky notes)"), GREEN, axis + 36 + (bottom - axis - 36) / 2,
                 (bottom - axis - 36) / 2);
  timeline_axis (kit, start, horizon, axis);
  timeline_vision (kit, vision, axis);
  _v21_kit_footer (kit, _("Timeline strips"));
  _v21_kit_end_page (kit);
}

void
_v21_kit_draw_timelines (Kit *kit)
{
  each_table (kit, draw_timeline);
}

/* A form of @n_columns columns under their @headers, a grey hint under each
 * header, and @n_rows blank rows down to the footer. */
static void
column_form (Kit               *kit,
             const char *const *headers,
             const char *const *hints,
             const double      *widths,
             guint              n_columns,
             guint              n_rows,
             double             y)
{
  double width = PAGE_WIDTH - 2 * MARGIN;
  double top = y, x = MARGIN, hint_height = 0, row_height;

  y = column_header (kit, headers, widths, n_columns, y);
  for (guint c = 0; c < n_columns; c++)
    {
      hint_height = MAX (hint_height, _v21_kit_text (kit, SMALL, GREY, x + 4, y + 3, widths[c] * width - 8, _(hints[c]), TRUE));
      x += widths[c] * width;
    }
  y += MAX (16, hint_height + 6);
  row_height = (kit->height - MARGIN - FOOTER_HEIGHT - 10 - y) / n_rows;
  column_grid (kit, widths, n_columns, top, y, n_rows, row_height);
}

/* Action sheets: what / who / when */

static void
draw_actions (Kit       *kit,
              V21Record *table)
{
  const char *headers[] = { _("What"), _("Who"), _("When"), _("Milestone") };
  const char *hints[] = { N_("an action, starting with a verb"), N_("the likely lead"), N_("deadline"),
                          N_("the milestone") };
  const double widths[] = { 0.48, 0.22, 0.12, 0.18 };
  double y;

  _v21_kit_begin_page (kit, PAGE_WIDTH, PAGE_HEIGHT);
  y = table_heading (kit, table, _("Action sheet"), _("Action ideas: what, who, when"), MARGIN);
  column_form (kit, headers, hints, widths, G_N_ELEMENTS (headers), ACTION_ROWS, y);
  _v21_kit_footer (kit, _("Action sheets"));
  _v21_kit_end_page (kit);
}

void
_v21_kit_draw_actions (Kit *kit)
{
  each_table (kit, draw_actions);
}

/* The plans and processes under way, with their deadlines (T6's mirror) */

void
_v21_kit_draw_processes (Kit *kit)
{
  const char *headers[] = { _("Plan or process under way"), _("Led by"), _("Deadline"),
                            _("What the two days confirm, contradict or add") };
  const char *hints[] = { N_("e.g. territorial project, climate plan, land-use plan, Agenda 21"),
                          N_("body, elected member in charge"), N_("next decision, adoption"),
                          N_("to keep, to change, to bring to the council") };
  const double widths[] = { 0.30, 0.18, 0.14, 0.38 };
  double width = PAGE_WIDTH - 2 * MARGIN;
  double y;

  _v21_kit_begin_page (kit, PAGE_WIDTH, PAGE_HEIGHT);
  y = _v21_kit_heading (kit, _("Processes under way"), _("Plans and processes under way, with their deadlines"), MARGIN);
  y += _v21_kit_text (kit, SMALL, GREY, MARGIN, y, width,
                      _("T6, in plenary: one row per process, written before the seminar; the last column is filled in during the mirror step."),
                      TRUE) + 12;
  column_form (kit, headers, hints, widths, G_N_ELEMENTS (headers), PROCESS_ROWS, y);
  _v21_kit_footer (kit, _("Processes under way"));
  _v21_kit_end_page (kit);
}

/* Vote material: the dots or points each table gets */

static char *
vote_method (V21Record *round)
{
  gboolean points = g_strcmp0 (v21_record_get_string (round, "method"), "points") == 0;
  gboolean by_tables = g_strcmp0 (v21_record_get_string (round, "voters"), "tables") == 0;
  long budget = (long) v21_record_get_int (round, "budget", 0);

  if (points)
    return g_strdup_printf (by_tables ? ngettext ("Points: %ld per table", "Points: %ld per table", budget)
                                      : ngettext ("Points: %ld per person", "Points: %ld per person", budget),
                            budget);
  return g_strdup_printf (by_tables ? ngettext ("Dot voting: %ld dot per table", "Dot voting: %ld dots per table", budget)
                                    : ngettext ("Dot voting: %ld dot per person", "Dot voting: %ld dots per person", budget),
                          budget);
}

/* What a table gets of the round's dots or points: the budget for the
 * table, or for each of its members. */
static char *
vote_share (V21Workshop *workshop,
            V21Record   *round,
            V21Record   *table)
{
  g_autoptr(GPtrArray) members = v21_table_members (workshop, table);
  gboolean by_tables = g_strcmp0 (v21_record_get_string (round, "voters"), "tables") == 0;
  gboolean points = g_strcmp0 (v21_record_get_string (round, "method"), "points") == 0;
  guint budget = (guint) v21_record_get_int (round, "budget", 0);

  if (by_tables && points)
    return g_strdup_printf (ngettext ("%u point to place", "%u points to place", budget), budget);
  if (by_tables)
    return g_strdup_printf (ngettext ("%u dot to place", "%u dots to place", budget), budget);
  if (points)
    return g_strdup_printf (ngettext ("%u person, %u points each", "%u people, %u points each", members->len),
                            members->len, budget);
  return g_strdup_printf (ngettext ("%u person, %u dots each", "%u people, %u dots each", members->len),
                          members->len, budget);
}

static double
vote_row (Kit       *kit,
          V21Record *round,
          V21Record *table,
          double     y)
{
  g_autofree char *share = vote_share (kit->workshop, round, table);
  guint budget = (guint) CLAMP (v21_record_get_int (round, "budget", 0), 0, 20);
  double x = MARGIN + 190;
  Rgb color;

  _v21_kit_parse_color (v21_record_get_string (table, "color"), &color);
  fill_box (kit, MARGIN, y + 2, 14, 14, color);
  _v21_kit_text (kit, BOLD, INK, MARGIN + 22, y, 160, v21_record_get_string (table, "name"), TRUE);
  _v21_kit_text (kit, SMALL, GREY, MARGIN + 22, y + 16, 160, share, TRUE);
  /* One voter's dots in the table's colour: to cut out, or to match the stickers. */
  for (guint i = 0; i < budget; i++)
    {
      _v21_kit_color (kit, color);
      cairo_new_sub_path (kit->cr);
      cairo_arc (kit->cr, x + 11 + (i % 10) * 28, y + 11 + (i / 10) * 28, 11, 0, 2 * G_PI);
      cairo_fill (kit->cr);
    }
  return MAX (40, 28 * ((budget + 9) / 10) + 12);
}

static void
draw_vote (Kit       *kit,
           V21Record *round)
{
  g_autofree char *method = vote_method (round);
  double width = PAGE_WIDTH - 2 * MARGIN;
  double y;

  _v21_kit_begin_page (kit, PAGE_WIDTH, PAGE_HEIGHT);
  y = _v21_kit_heading (kit, _("Vote material"), v21_record_get_string (round, "title"), MARGIN);
  y += _v21_kit_text (kit, BODY, INK, MARGIN, y, width, method, TRUE) + 4;
  y += _v21_kit_text (kit, SMALL, GREY, MARGIN, y, width,
                      _("Results stay hidden from the room until the facilitator reveals them."), TRUE) + 14;
  _v21_kit_rule (kit, MARGIN, y, width, 1, INK);
  y += 8;
  for (guint t = 0; t < n_tables (kit->workshop); t++)
    {
      y += vote_row (kit, round, table_at (kit, t), y);
      _v21_kit_rule (kit, MARGIN, y - 4, width, 0.5, RULE);
    }
  _v21_kit_footer (kit, _("Vote material"));
  _v21_kit_end_page (kit);
}

void
_v21_kit_draw_votes (Kit *kit)
{
  each_record (kit, "vote_rounds", draw_vote);
}

/* The "conditions of application and terms of use" form, per exercise */

static void
draw_conditions (Kit       *kit,
                 V21Record *exercise)
{
  const char *labels[] = { _("Conditions of application:"), _("Terms of use:"), _("Points to watch:") };
  const char *hints[] = { N_("for which territory, which public, at which moment of the process"),
                          N_("time, material, steps, facilitation, what to change"),
                          N_("what went wrong or could, and how to avoid it") };
  g_autofree char *title = g_strdup_printf ("%s — %s", v21_record_get_string (exercise, "code"),
                                            v21_record_get_string (exercise, "title"));
  double width = PAGE_WIDTH - 2 * MARGIN;
  double bottom = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT - 8;
  double y, zone;

  _v21_kit_begin_page (kit, PAGE_WIDTH, PAGE_HEIGHT);
  y = _v21_kit_heading (kit, _("“Conditions of application and terms of use” sheet"), title, MARGIN);
  y += _v21_kit_text (kit, SMALL, GREY, MARGIN, y, width,
                      _("Filled in at the feedback round at the end of the seminar: what was learnt about the method."),
                      TRUE) + 12;
  zone = (bottom - y) / G_N_ELEMENTS (labels);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      double top = y + i * zone;
      double head = _v21_kit_text (kit, BOLD, INK, MARGIN, top, width, labels[i], TRUE);

      head += _v21_kit_text (kit, SMALL, GREY, MARGIN, top + head, width, _(hints[i]), TRUE);
      writing_lines (kit, MARGIN, top + head, width, top + zone - 10, 22);
    }
  _v21_kit_footer (kit, _("Conditions of application"));
  _v21_kit_end_page (kit);
}

void
_v21_kit_draw_conditions (Kit *kit)
{
  each_record (kit, "exercises", draw_conditions);
}
