/* v21-print-kit.c — the seminar's printable kit, as an A4 PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-print-kit"

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "v21-consent.h"
#include "v21-file-io.h"
#include "v21-labels.h"
#include "v21-pdf-lang.h"
#include "v21-print-kit.h"
#include "v21-print-kit-private.h"
#include "v21-run-sheet.h"
#include "v21-table-assign.h"
#include "v21-typography.h"

/* The kit's parts and how many pages each takes */

typedef enum
{
  PART_COVER,
  PART_RUN_SHEET,
  PART_SIGNS,
  PART_SIGN_IN,
  PART_LISTS,
  PART_PORTRAITS,
  PART_ARTICLES,
  PART_TRENDS,
  PART_CHALLENGES,
  PART_GRIDS,
  PART_WRITING,
  PART_WHAT_IF,
  PART_TIMELINES,
  PART_ACTIONS,
  PART_VOTES,
  PART_PROCESSES,
  PART_CONDITIONS,
  N_PARTS
} Part;

static guint
n_of (V21Workshop *workshop,
      const char  *collection)
{
  return v21_collection_get_n (v21_workshop_get_collection (workshop, collection));
}

static guint
n_materials (V21Workshop *workshop,
             const char  *kind)
{
  g_autoptr(GPtrArray) list = _v21_kit_materials (workshop, kind);

  return list->len;
}

/* A table's sheet for an exercise: one per table when the workshop has the exercise. */
static guint
sheets_for (V21Workshop *workshop,
            const char  *code)
{
  return _v21_kit_exercise (workshop, code) != NULL ? _v21_kit_per_table (workshop) : 0;
}

static guint
part_pages (V21Workshop *workshop,
            Part         part)
{
  g_autoptr(GPtrArray) list = NULL;

  switch (part)
    {
    case PART_COVER:
      return 1;
    case PART_RUN_SHEET:
      return n_of (workshop, "days");
    case PART_SIGNS:
      return n_of (workshop, "tables");
    case PART_SIGN_IN:
      return _v21_kit_sign_in_pages (workshop);
    case PART_LISTS:
      list = v21_table_members (workshop, NULL);
      return n_of (workshop, "tables") + (list->len > 0 ? 1 : 0);
    case PART_PORTRAITS:
      return n_materials (workshop, "portrait");
    case PART_ARTICLES:
      return n_materials (workshop, "article");
    case PART_TRENDS:
      return (n_materials (workshop, "trend") + 3) / 4;
    case PART_CHALLENGES:
      return (n_materials (workshop, "challenge") + 3) / 4;
    case PART_GRIDS:
      return sheets_for (workshop, "T2");
    case PART_WRITING:
      return sheets_for (workshop, "T3");
    case PART_WHAT_IF:
      return _v21_kit_exercise (workshop, "T3") != NULL ? (_v21_kit_what_if_count (workshop) + 3) / 4 : 0;
    case PART_TIMELINES:
      return sheets_for (workshop, "T4");
    case PART_ACTIONS:
      return sheets_for (workshop, "T5");
    case PART_VOTES:
      return n_of (workshop, "vote_rounds");
    case PART_PROCESSES:
      return _v21_kit_exercise (workshop, "T6") != NULL ? 1 : 0;
    case PART_CONDITIONS:
      return n_of (workshop, "exercises");
    default:
      g_return_val_if_reached (0);
    }
}

static const char *
part_title (Part part)
{
  static const char * const titles[] = {
    N_("Cover"), N_("Run sheet"), N_("Table signs"), N_("Sign-in sheets"), N_("Participants by table"),
    N_("Portrait of the territory"), N_("Future news articles"), N_("Trend cards"), N_("Challenge sheets"),
    N_("Robustness grid"), N_("Writing sheets"), N_("“What if…” cards"), N_("Timeline strips"),
    N_("Action sheets"), N_("Vote material"), N_("Processes under way"), N_("Conditions of application"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (titles) == N_PARTS);
  return _(titles[part]);
}

static const char *
part_hint (Part part)
{
  switch (part)
    {
    case PART_RUN_SHEET:
      return _("one page per day, for the facilitation team");
    case PART_SIGNS:
      return _("fold each sheet in two along the dotted line");
    case PART_SIGN_IN:
      return _("one per table, signed each day");
    case PART_LISTS:
      return _("to post on each table");
    case PART_PORTRAITS:
      return _("to project or hand out at the opening");
    case PART_ARTICLES:
      return _("one clipping per page, to hand out to the tables");
    case PART_CHALLENGES:
    case PART_TRENDS:
    case PART_WHAT_IF:
      return _("four per page: cut along the marks");
    case PART_GRIDS:
      return _("T2, one per table (enlarge to A3)");
    case PART_WRITING:
      return _("T3, one per table (enlarge to A3)");
    case PART_TIMELINES:
      return _("T4, one per table (enlarge to A3)");
    case PART_ACTIONS:
      return _("T5, one per table");
    case PART_VOTES:
      return _("the dots or points each table gets, per vote");
    case PART_PROCESSES:
      return _("T6, one for the plenary (enlarge to A3)");
    case PART_CONDITIONS:
      return _("one per exercise, for the feedback round");
    default:
      return "";
    }
}

guint
v21_print_kit_count_pages (V21Workshop *workshop)
{
  guint n = 0;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), 0);
  for (Part part = 0; part < N_PARTS; part++)
    n += part_pages (workshop, part);
  return n;
}

/* Text */

void
_v21_kit_color (Kit *kit,
                Rgb  color)
{
  cairo_set_source_rgb (kit->cr, color.r, color.g, color.b);
}

PangoLayout *
_v21_kit_layout (Kit        *kit,
                 Font        font,
                 double      width,
                 const char *text)
{
  PangoLayout *layout = pango_layout_new (kit->context);
  g_autofree char *typeset = NULL;
  PangoFontDescription *description = pango_font_description_from_string (font.family);

  pango_font_description_set_size (description, (int) (font.size * PANGO_SCALE));
  pango_font_description_set_weight (description, font.weight);
  pango_font_description_set_style (description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  typeset = v21_typography_apply (text);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      /* Narrow columns (under 20 em: a grid's) break long words at their
       * syllables, with a hyphen ("pluripro-fessionnelle"), in French;
       * letter by letter only a word still too long. Wider text keeps its
       * words whole. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (v21_typography_is_french () && width < 20 * font.size)
        {
          g_autofree char *hyphenated = v21_typography_hyphenate_french (typeset);
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("fr")));
          pango_layout_set_attributes (layout, attrs);
          pango_attr_list_unref (attrs);
          g_free (typeset);
          typeset = g_steal_pointer (&hyphenated);
        }
    }
  pango_layout_set_text (layout, typeset, -1);
  return layout;
}

double
_v21_kit_layout_height (PangoLayout *layout)
{
  int height = 0;

  pango_layout_get_size (layout, NULL, &height);
  return height / (double) PANGO_SCALE;
}

double
_v21_kit_layout_width (PangoLayout *layout)
{
  int width = 0;

  pango_layout_get_size (layout, &width, NULL);
  return width / (double) PANGO_SCALE;
}

/* Draws @text at (@x, @y) when @draw, and returns its height either way. */
double
_v21_kit_text (Kit        *kit,
               Font        font,
               Rgb         color,
               double      x,
               double      y,
               double      width,
               const char *string,
               gboolean    draw)
{
  g_autoptr(PangoLayout) layout = _v21_kit_layout (kit, font, width, string);

  if (draw)
    {
      _v21_kit_color (kit, color);
      cairo_move_to (kit->cr, x, y);
      pango_cairo_show_layout (kit->cr, layout);
    }
  return _v21_kit_layout_height (layout);
}

void
_v21_kit_rule (Kit    *kit,
               double  x,
               double  y,
               double  width,
               double  thickness,
               Rgb     color)
{
  _v21_kit_color (kit, color);
  cairo_set_line_width (kit->cr, thickness);
  cairo_move_to (kit->cr, x, y);
  cairo_line_to (kit->cr, x + width, y);
  cairo_stroke (kit->cr);
}

void
_v21_kit_parse_color (const char *hex,
                      Rgb        *color)
{
  guint value = hex != NULL && hex[0] == '#' ? (guint) g_ascii_strtoull (hex + 1, NULL, 16) : 0x5e5c64;

  color->r = ((value >> 16) & 0xff) / 255.0;
  color->g = ((value >> 8) & 0xff) / 255.0;
  color->b = (value & 0xff) / 255.0;
}

/* Pages */

void
_v21_kit_begin_page (Kit    *kit,
                     double  width,
                     double  height)
{
  cairo_pdf_surface_set_size (kit->surface, width, height);
  kit->width = width;
  kit->height = height;
  kit->page++;
}

void
_v21_kit_end_page (Kit *kit)
{
  cairo_show_page (kit->cr);
}

void
_v21_kit_footer (Kit        *kit,
                 const char *part)
{
  Font small = { SANS, 8, PANGO_WEIGHT_NORMAL, FALSE };
  g_autofree char *left = g_strdup_printf ("%s · %s", v21_workshop_get_title (kit->workshop), part);
  /* Translators: the page number in the kit's footer. */
  g_autofree char *right = g_strdup_printf (_("page %u / %u"), kit->page, kit->n_pages);
  g_autoptr(PangoLayout) number = _v21_kit_layout (kit, small, -1, right);
  double y = kit->height - MARGIN + 10;

  _v21_kit_rule (kit, MARGIN, y - 6, kit->width - 2 * MARGIN, 0.5, RULE);
  _v21_kit_text (kit, small, GREY, MARGIN, y, kit->width - 2 * MARGIN - 80, left, TRUE);
  _v21_kit_color (kit, GREY);
  cairo_move_to (kit->cr, kit->width - MARGIN - _v21_kit_layout_width (number), y);
  pango_cairo_show_layout (kit->cr, number);
}

/* A small grey line above a large title; returns where the content starts. */
double
_v21_kit_heading (Kit        *kit,
                  const char *kicker,
                  const char *title,
                  double      y)
{
  Font small = { SANS, 10, PANGO_WEIGHT_BOLD, FALSE };
  Font large = { SANS, 22, PANGO_WEIGHT_BOLD, FALSE };
  double width = kit->width - 2 * MARGIN;

  y += _v21_kit_text (kit, small, GREY, MARGIN, y, width, kicker, TRUE) + 2;
  y += _v21_kit_text (kit, large, INK, MARGIN, y, width, title, TRUE) + 6;
  return y;
}

/* Cover */

static void
cover_days (Kit    *kit,
            double *y)
{
  Font body = { SANS, 12, PANGO_WEIGHT_NORMAL, FALSE };
  V21Collection *days = v21_workshop_get_collection (kit->workshop, "days");

  for (guint d = 0; d < v21_collection_get_n (days); d++)
    {
      V21Record *day = v21_collection_get (days, d);
      g_autofree char *date = v21_run_sheet_format_date (day);
      g_autofree char *line = g_strdup_printf ("%s, %s – %s", date, v21_record_get_string (day, "start"),
                                               v21_record_get_string (day, "end"));

      *y += _v21_kit_text (kit, body, INK, MARGIN, *y, kit->width - 2 * MARGIN, line, TRUE) + 2;
    }
}

static void
cover_contents (Kit    *kit,
                double  y)
{
  Font title = { SANS, 10.5, PANGO_WEIGHT_BOLD, FALSE };
  Font hint = { SANS, 9, PANGO_WEIGHT_NORMAL, FALSE };
  double width = kit->width - 2 * MARGIN;
  guint page = 2;

  y += _v21_kit_text (kit, (Font) { SANS, 16, PANGO_WEIGHT_BOLD, FALSE }, INK, MARGIN, y, width,
                      _("In this kit"), TRUE) + 8;
  for (Part part = PART_RUN_SHEET; part < N_PARTS; part++)
    {
      guint n = part_pages (kit->workshop, part);
      g_autofree char *pages = NULL;
      g_autoptr(PangoLayout) number = NULL;
      double height;

      if (n == 0)
        continue;
      pages = n == 1 ? g_strdup_printf (_("page %u"), page) : g_strdup_printf (_("pages %u–%u"), page, page + n - 1);
      number = _v21_kit_layout (kit, hint, -1, pages);
      _v21_kit_rule (kit, MARGIN, y, width, 0.5, RULE);
      height = _v21_kit_text (kit, title, INK, MARGIN, y + 5, 165, part_title (part), TRUE);
      height = MAX (height, _v21_kit_text (kit, hint, GREY, MARGIN + 170, y + 6, width - 250, part_hint (part), TRUE));
      _v21_kit_color (kit, GREY);
      cairo_move_to (kit->cr, MARGIN + width - _v21_kit_layout_width (number), y + 6);
      pango_cairo_show_layout (kit->cr, number);
      y += height + 10;
      page += n;
    }
}

static void
draw_cover (Kit *kit)
{
  V21Record *root = v21_workshop_get_root (kit->workshop);
  double width = PAGE_WIDTH - 2 * MARGIN;
  const char *venue = v21_record_get_string (root, "venue");
  g_autofree char *horizon = NULL;
  double y = MARGIN + 40;

  _v21_kit_begin_page (kit, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_set_source_rgb (kit->cr, 0.15, 0.64, 0.41);
  cairo_rectangle (kit->cr, 0, 0, PAGE_WIDTH, 14);
  cairo_fill (kit->cr);
  y += _v21_kit_text (kit, (Font) { SANS, 12, PANGO_WEIGHT_BOLD, FALSE }, GREY, MARGIN, y, width,
                      _("Visions +21 · Printable kit"), TRUE) + 8;
  y += _v21_kit_text (kit, (Font) { SANS, 30, PANGO_WEIGHT_BOLD, FALSE }, INK, MARGIN, y, width,
                      v21_workshop_get_title (kit->workshop), TRUE) + 12;
  y += _v21_kit_text (kit, (Font) { SANS, 16, PANGO_WEIGHT_NORMAL, FALSE }, INK, MARGIN, y, width,
                      v21_workshop_get_territory_name (kit->workshop), TRUE) + 18;
  cover_days (kit, &y);
  if (venue != NULL && venue[0] != '\0')
    y += _v21_kit_text (kit, (Font) { SANS, 12, PANGO_WEIGHT_NORMAL, FALSE }, INK, MARGIN, y, width, venue, TRUE) + 2;
  horizon = g_strdup_printf (_("Horizon %ld (from %ld)"), (long) v21_record_get_int (root, "horizon_year", 0),
                             (long) v21_record_get_int (root, "start_year", 0));
  y += _v21_kit_text (kit, (Font) { SANS, 12, PANGO_WEIGHT_BOLD, FALSE }, INK, MARGIN, y + 6, width, horizon, TRUE) + 40;
  cover_contents (kit, y);
  _v21_kit_end_page (kit);
}

/* Run sheet */

static Rgb
kind_color (const char *kind)
{
  static const struct { const char *kind; Rgb color; } colors[] = {
    { "plenary", { 0.57, 0.25, 0.67 } }, { "tables", { 0.11, 0.44, 0.85 } },
    { "break", { 0.6, 0.6, 0.6 } }, { "vote", { 0.9, 0.38, 0.0 } }, { "report_back", { 0.15, 0.64, 0.41 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_strcmp0 (colors[i].kind, kind) == 0)
      return colors[i].color;
  return GREY;
}

/* One row of the run sheet at @scale of the normal size; returns its height. */
static double
run_sheet_row (Kit       *kit,
               V21Record *sequence,
               double     scale,
               double     y,
               gboolean   draw)
{
  Font time = { SANS, 12 * scale, PANGO_WEIGHT_BOLD, FALSE };
  Font title = { SANS, 11.5 * scale, PANGO_WEIGHT_BOLD, FALSE };
  Font small = { SANS, 9 * scale, PANGO_WEIGHT_NORMAL, FALSE };
  double x = MARGIN + 62;
  double width = PAGE_WIDTH - MARGIN - x;
  g_autofree char *start = v21_time_format (v21_run_sheet_start_of (kit->workshop, sequence));
  g_autofree char *caption = v21_run_sheet_format_caption (kit->workshop, sequence);
  const char *instructions = v21_record_get_string (sequence, "instructions");
  double height = 6 * scale;

  _v21_kit_text (kit, time, INK, MARGIN, y + height, 56, start, draw);
  height += _v21_kit_text (kit, title, INK, x, y + height, width, v21_record_get_string (sequence, "title"), draw);
  height += _v21_kit_text (kit, small, GREY, x, y + height, width, caption, draw) + 2 * scale;
  if (instructions != NULL && instructions[0] != '\0')
    height += _v21_kit_text (kit, small, INK, x, y + height, width, instructions, draw);
  height += 6 * scale;
  if (draw)
    {
      Rgb color = kind_color (v21_record_get_string (sequence, "kind"));

      _v21_kit_color (kit, color);
      cairo_rectangle (kit->cr, x - 10, y + 6 * scale, 3, height - 12 * scale);
      cairo_fill (kit->cr);
      _v21_kit_rule (kit, MARGIN, y + height, PAGE_WIDTH - 2 * MARGIN, 0.5, RULE);
    }
  return height;
}

/* A row of a list, drawn (or only measured) at @scale; returns its height. */
typedef double (*RowFunc) (Kit       *kit,
                           V21Record *record,
                           double     scale,
                           double     y,
                           gboolean   draw);

static double
rows (Kit       *kit,
      GPtrArray *records,
      RowFunc    row,
      double     scale,
      double     y,
      gboolean   draw)
{
  double height = 0;

  for (guint i = 0; i < records->len; i++)
    height += row (kit, g_ptr_array_index (records, i), scale, y + height, draw);
  return height;
}

/* Draws the rows from @y, smaller when they would not fit above the footer. */
static void
fitted_rows (Kit       *kit,
             GPtrArray *records,
             RowFunc    row,
             double     y,
             double     min_scale)
{
  double room = kit->height - MARGIN - FOOTER_HEIGHT - y;
  double scale = 1.0;

  while (scale > min_scale && rows (kit, records, row, scale, y, FALSE) > room)
    scale -= 0.05;
  rows (kit, records, row, scale, y, TRUE);
}

static double
day_summary (Kit       *kit,
             V21Record *day,
             double     y)
{
  Font body = { SANS, 11, PANGO_WEIGHT_NORMAL, FALSE };
  V21RunSheetDay info;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *line = NULL;
  double width = PAGE_WIDTH - 2 * MARGIN;

  v21_run_sheet_get_day (kit->workshop, day, &info);
  start = v21_time_format (info.start);
  end = v21_time_format (info.end);
  planned = v21_time_format (info.planned_end);
  line = g_strdup_printf (_("Hours %s – %s · planned end %s"), start, end, planned);
  y += _v21_kit_text (kit, body, GREY, MARGIN, y, width, line, TRUE);
  if (info.planned_end > info.end)
    {
      g_autofree char *over = v21_duration_format (info.planned_end - info.end);
      g_autofree char *warning = g_strdup_printf (_("Overruns the day’s end by %s"), over);

      y += _v21_kit_text (kit, (Font) { SANS, 11, PANGO_WEIGHT_BOLD, FALSE }, RED, MARGIN, y, width, warning, TRUE);
    }
  return y + 10;
}

static void
draw_run_sheet_day (Kit       *kit,
                    V21Record *day,
                    guint      number)
{
  g_autoptr(GPtrArray) sequences = v21_run_sheet_sequences (kit->workshop, day);
  g_autofree char *date = v21_run_sheet_format_date (day);
  /* Translators: the heading of a run sheet page, "Day 1 — Thursday 18 March 2027". */
  g_autofree char *title = g_strdup_printf (_("Day %u — %s"), number, date);
  double y;

  _v21_kit_begin_page (kit, PAGE_WIDTH, PAGE_HEIGHT);
  y = _v21_kit_heading (kit, part_title (PART_RUN_SHEET), title, MARGIN);
  y = day_summary (kit, day, y);
  _v21_kit_rule (kit, MARGIN, y, PAGE_WIDTH - 2 * MARGIN, 1, INK);
  fitted_rows (kit, sequences, run_sheet_row, y, 0.5);
  _v21_kit_footer (kit, part_title (PART_RUN_SHEET));
  _v21_kit_end_page (kit);
}

/* Table signs */

/* A sign's name: as large as fits on two lines at most, words unbroken. */
static PangoLayout *
sign_layout (Kit        *kit,
             const char *name,
             double      width,
             double      height)
{
  for (double size = 120; ; size -= 4)
    {
      PangoLayout *layout = _v21_kit_layout (kit, (Font) { SANS, size, PANGO_WEIGHT_BOLD, FALSE }, width, name);
      PangoRectangle extents;

      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_extents (layout, NULL, &extents);
      if (size <= 16
          || (pango_layout_get_line_count (layout) <= 2 && extents.width <= width * PANGO_SCALE
              && _v21_kit_layout_height (layout) <= height))
        return layout;
      g_object_unref (layout);
    }
}

/* The lower half of a sign; the upper half is the same, upside down. */
static void
sign_half (Kit        *kit,
           const char *name,
           Rgb         color)
{
  double top = kit->height / 2;
  double band = 40;
  double width = kit->width - 2 * MARGIN;
  double room = kit->height / 2 - band - 70;
  g_autoptr(PangoLayout) layout = sign_layout (kit, name, width, room);
  double y;

  _v21_kit_color (kit, color);
  cairo_rectangle (kit->cr, 0, kit->height - band, kit->width, band);
  cairo_fill (kit->cr);
  y = top + 30 + (room - _v21_kit_layout_height (layout)) / 2;
  _v21_kit_color (kit, INK);
  cairo_move_to (kit->cr, MARGIN, y);
  pango_cairo_show_layout (kit->cr, layout);
  {
    g_autoptr(PangoLayout) caption = _v21_kit_layout (kit, (Font) { SANS, 14, PANGO_WEIGHT_NORMAL, FALSE }, width,
                                                      v21_workshop_get_title (kit->workshop));

    pango_layout_set_alignment (caption, PANGO_ALIGN_CENTER);
    _v21_kit_color (kit, GREY);
    cairo_move_to (kit->cr, MARGIN, kit->height - band - 32);
    pango_cairo_show_layout (kit->cr, caption);
  }
}

static void
draw_sign (Kit       *kit,
           V21Record *table)
{
  const char *name = v21_record_get_string (table, "name");
  const double dashes[] = { 6, 4 };
  Rgb color;

  _v21_kit_parse_color (v21_record_get_string (table, "color"), &color);
  _v21_kit_begin_page (kit, PAGE_HEIGHT, PAGE_WIDTH);
  sign_half (kit, name, color);
  cairo_save (kit->cr);
  cairo_translate (kit->cr, kit->width, kit->height);
  cairo_rotate (kit->cr, G_PI);
  sign_half (kit, name, color);
  cairo_restore (kit->cr);

  cairo_save (kit->cr);
  cairo_set_dash (kit->cr, dashes, G_N_ELEMENTS (dashes), 0);
  _v21_kit_rule (kit, 0, kit->height / 2, kit->width, 0.6, RULE);
  cairo_restore (kit->cr);
  _v21_kit_text (kit, (Font) { SANS, 8, PANGO_WEIGHT_NORMAL, FALSE }, GREY, 12, kit->height / 2 + 3, -1,
                 _("fold here"), TRUE);
  _v21_kit_end_page (kit);
}

/* Participant lists */

static double
person_row (Kit       *kit,
            V21Record *person,
            double     scale,
            double     y,
            gboolean   draw)
{
  Font bold = { SANS, 12 * scale, PANGO_WEIGHT_BOLD, FALSE };
  Font small = { SANS, 9.5 * scale, PANGO_WEIGHT_NORMAL, FALSE };
  const char *role = v21_record_get_string (person, "role");
  const char *category = v21_record_get_string (person, "category");
  const char *organisation = v21_record_get_string (person, "organisation");
  double width = PAGE_WIDTH - 2 * MARGIN - 150;
  g_autofree char *title = NULL;
  g_autofree char *name = v21_consent_name (kit->workshop, person);
  double height = 5 * scale;

  /* Without consent, the label alone: the organisation or the category
   * beside it would say who it is. */
  if (!v21_consent_may_name (person))
    organisation = category = NULL;
  if (role != NULL && strcmp (role, "participant") != 0)
    title = g_strdup_printf ("%s (%s)", name, v21_label ("role", role));
  else
    title = g_steal_pointer (&name);
  _v21_kit_text (kit, small, GREY, PAGE_WIDTH - MARGIN - 140, y + height + 2 * scale, 140,
                 v21_label ("category", category), draw);
  height += _v21_kit_text (kit, bold, INK, MARGIN, y + height, width, title, draw);
  if (organisation != NULL && organisation[0] != '\0')
    height += _v21_kit_text (kit, small, GREY, MARGIN, y + height, width, organisation, draw);
  height += 5 * scale;
  if (draw)
    _v21_kit_rule (kit, MARGIN, y + height, PAGE_WIDTH - 2 * MARGIN, 0.5, RULE);
  return height;
}

/* "Elected officials 1 · Staff 2 · …" in the order of the format. */
static char *
composition (GPtrArray *people)
{
  const char * const *categories = v21_label_values ("category");
  GString *line = g_string_new (NULL);

  for (guint c = 0; categories[c] != NULL; c++)
    {
      guint count = 0;

      for (guint i = 0; i < people->len; i++)
        count += g_strcmp0 (v21_record_get_string (g_ptr_array_index (people, i), "category"), categories[c]) == 0;
      if (count > 0)
        g_string_append_printf (line, "%s%s %u", line->len > 0 ? " · " : "", v21_label ("category", categories[c]), count);
    }
  return g_string_free (line, FALSE);
}

static void
draw_list (Kit        *kit,
           V21Record  *table,
           const char *title,
           GPtrArray  *people)
{
  Rgb color;
  g_autofree char *count = g_strdup_printf (ngettext ("%u person", "%u people", people->len), people->len);
  g_autofree char *mix = composition (people);
  g_autofree char *subtitle = mix[0] != '\0' ? g_strdup_printf ("%s — %s", count, mix) : g_strdup (count);
  double x = MARGIN + (table != NULL ? 40 : 0);
  double y = MARGIN;

  _v21_kit_begin_page (kit, PAGE_WIDTH, PAGE_HEIGHT);
  if (table != NULL)
    {
      _v21_kit_parse_color (v21_record_get_string (table, "color"), &color);
      _v21_kit_color (kit, color);
      cairo_rectangle (kit->cr, MARGIN, y + 16, 28, 28);
      cairo_fill (kit->cr);
    }
  y += _v21_kit_text (kit, (Font) { SANS, 10, PANGO_WEIGHT_BOLD, FALSE }, GREY, x, y, PAGE_WIDTH - MARGIN - x,
                      part_title (PART_LISTS), TRUE) + 2;
  y += _v21_kit_text (kit, (Font) { SANS, 22, PANGO_WEIGHT_BOLD, FALSE }, INK, x, y, PAGE_WIDTH - MARGIN - x, title, TRUE) + 4;
  y += _v21_kit_text (kit, (Font) { SANS, 11, PANGO_WEIGHT_NORMAL, FALSE }, GREY, MARGIN, y, PAGE_WIDTH - 2 * MARGIN,
                      subtitle, TRUE) + 10;
  _v21_kit_rule (kit, MARGIN, y, PAGE_WIDTH - 2 * MARGIN, 1, INK);
  fitted_rows (kit, people, person_row, y, 0.4);
  _v21_kit_footer (kit, part_title (PART_LISTS));
  _v21_kit_end_page (kit);
}

/* Articles: newspaper clippings */

typedef struct
{
  double body_size;
  double column_width;
} Clipping;

/* Draws (or only measures) @body in two columns from @y; returns its height. */
static double
two_columns (Kit        *kit,
             const char *body,
             Clipping   *clip,
             double      x,
             double      y,
             gboolean    draw)
{
    g_autoptr(PangoLayout) layout = _v21_kit_layout (kit, (Font) { SERIF, clip->body_size, PANGO_WEIGHT_NORMAL, FALSE },
                                                     clip->column_width, body);
  PangoLayoutIter *iter;
  double half = _v21_kit_layout_height (layout) / 2;
  double split = -1;
  double height = 0;

  _v21_kit_color (kit, INK);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle extents;
      double top;
      double baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      gboolean second;

      pango_layout_iter_get_line_extents (iter, NULL, &extents);
      top = extents.y / (double) PANGO_SCALE;
      if (split < 0 && top + extents.height / (double) PANGO_SCALE > half + 1)
        split = top;
      second = split >= 0;
      height = MAX (height, second ? top - split + extents.height / (double) PANGO_SCALE
                                   : top + extents.height / (double) PANGO_SCALE);
      if (draw)
        {
          cairo_move_to (kit->cr, x + (second ? clip->column_width + 18 : 0), y + baseline - (second ? split : 0));
          pango_cairo_show_layout_line (kit->cr, pango_layout_iter_get_line_readonly (iter));
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return height;
}

static char *
material_exercise_line (Kit       *kit,
                        V21Record *material)
{
  V21Record *exercise = v21_workshop_lookup (kit->workshop, v21_record_get_string (material, "exercise"));

  if (exercise == NULL)
    return g_strdup ("");
  /* Translators: under a clipping or a card: which exercise it is for. */
  return g_strdup_printf (_("For %s — %s"), v21_record_get_string (exercise, "code"),
                          v21_record_get_string (exercise, "title"));
}

/* The clipping's content from @y; returns its height. */
static double
clipping (Kit       *kit,
          V21Record *article,
          Clipping  *clip,
          double     x,
          double     y,
          double     width,
          gboolean   draw)
{
  const char *source = v21_record_get_string (article, "source");
  const char *headline = v21_record_get_string (article, "title");
  gint64 year = v21_record_get_int (article, "year", 0);
  g_autofree char *edition = year > 0 ? g_strdup_printf (_("Edition of %ld"), (long) year) : g_strdup ("");
  g_autoptr(PangoLayout) masthead = _v21_kit_layout (kit, (Font) { SERIF, 22, PANGO_WEIGHT_BOLD, TRUE }, width,
                                                     _("Tomorrow’s News"));
  double top = y;

  pango_layout_set_alignment (masthead, PANGO_ALIGN_CENTER);
  if (draw)
    {
      _v21_kit_color (kit, INK);
      cairo_move_to (kit->cr, x, y);
      pango_cairo_show_layout (kit->cr, masthead);
    }
  y += _v21_kit_layout_height (masthead) + 4;
  if (draw)
    {
      _v21_kit_rule (kit, x, y, width, 1.5, INK);
      _v21_kit_rule (kit, x, y + 3, width, 0.5, INK);
    }
  _v21_kit_text (kit, (Font) { SERIF, 9, PANGO_WEIGHT_NORMAL, TRUE }, GREY, x, y + 7, width * 0.6,
                 v21_workshop_get_territory_name (kit->workshop), draw);
  {
    g_autoptr(PangoLayout) right = _v21_kit_layout (kit, (Font) { SERIF, 9, PANGO_WEIGHT_BOLD, FALSE }, -1, edition);

    if (draw)
      {
        cairo_move_to (kit->cr, x + width - _v21_kit_layout_width (right), y + 7);
        pango_cairo_show_layout (kit->cr, right);
      }
  }
  y += 24;
  if (draw)
    _v21_kit_rule (kit, x, y, width, 0.5, INK);
  y += 10;
  y += _v21_kit_text (kit, (Font) { SERIF, 22, PANGO_WEIGHT_BOLD, FALSE }, INK, x, y, width, headline, draw) + 10;
  clip->column_width = (width - 18) / 2;
  y += two_columns (kit, v21_record_get_string (article, "body"), clip, x, y, draw) + 8;
  if (source != NULL && source[0] != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("Source: %s"), source);

      y += _v21_kit_text (kit, (Font) { SERIF, 8, PANGO_WEIGHT_NORMAL, TRUE }, GREY, x, y, width, line, draw);
    }
  return y - top;
}

void
_v21_kit_cut_frame (Kit    *kit,
                    double  x,
                    double  y,
                    double  width,
                    double  height)
{
  const double dashes[] = { 5, 3 };

  cairo_save (kit->cr);
  cairo_set_dash (kit->cr, dashes, G_N_ELEMENTS (dashes), 0);
  _v21_kit_color (kit, GREY);
  cairo_set_line_width (kit->cr, 0.6);
  cairo_rectangle (kit->cr, x, y, width, height);
  cairo_stroke (kit->cr);
  cairo_restore (kit->cr);
  cairo_set_source_rgb (kit->cr, 1, 1, 1);
  cairo_rectangle (kit->cr, x + 14, y - 7, 16, 14);
  cairo_fill (kit->cr);
  _v21_kit_text (kit, (Font) { "DejaVu Sans", 11, PANGO_WEIGHT_NORMAL, FALSE }, GREY, x + 14, y - 9, -1, "✂", TRUE);
}

static void
draw_article (Kit       *kit,
              V21Record *article)
{
  double pad = 22;
  double x = MARGIN + pad;
  double width = PAGE_WIDTH - 2 * MARGIN - 2 * pad;
  double room = PAGE_HEIGHT - 2 * MARGIN - FOOTER_HEIGHT - 2 * pad - 20;
  Clipping clip = { 10.5, 0 };
  g_autofree char *purpose = material_exercise_line (kit, article);
  double height;

  _v21_kit_begin_page (kit, PAGE_WIDTH, PAGE_HEIGHT);
  while (clip.body_size > 6 && clipping (kit, article, &clip, x, 0, width, FALSE) > room)
    clip.body_size -= 0.5;
  height = clipping (kit, article, &clip, x, MARGIN + pad, width, TRUE);
  _v21_kit_cut_frame (kit, MARGIN, MARGIN, PAGE_WIDTH - 2 * MARGIN, height + 2 * pad);
  _v21_kit_text (kit, (Font) { SANS, 9, PANGO_WEIGHT_NORMAL, FALSE }, GREY, MARGIN, MARGIN + height + 2 * pad + 8,
                 PAGE_WIDTH - 2 * MARGIN, purpose, TRUE);
  _v21_kit_footer (kit, part_title (PART_ARTICLES));
  _v21_kit_end_page (kit);
}

/* Cards, four per page */

static double
card_content (Kit        *kit,
              V21Record  *card,
              double      scale,
              double      x,
              double      y,
              double      width,
              gboolean    draw)
{
  const char *source = v21_record_get_string (card, "source");
  g_autofree char *purpose = material_exercise_line (kit, card);
  const char *title = v21_record_get_string (card, "title");
  const char *body = v21_record_get_string (card, "body");
  double top = y;

  y += _v21_kit_text (kit, (Font) { SANS, 14 * scale, PANGO_WEIGHT_BOLD, FALSE }, INK, x, y, width, title, draw) + 8 * scale;
  y += _v21_kit_text (kit, (Font) { SANS, 9.5 * scale, PANGO_WEIGHT_NORMAL, FALSE }, INK, x, y, width, body, draw) + 8 * scale;
  if (source != NULL && source[0] != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("Source: %s"), source);

      y += _v21_kit_text (kit, (Font) { SANS, 7.5 * scale, PANGO_WEIGHT_NORMAL, TRUE }, GREY, x, y, width, line, draw);
    }
  y += _v21_kit_text (kit, (Font) { SANS, 7.5 * scale, PANGO_WEIGHT_NORMAL, FALSE }, GREY, x, y, width, purpose, draw);
  return y - top;
}

static void
draw_card (Kit       *kit,
           V21Record *card,
           guint      cell,
           Rgb        color,
           const char *kind)
{
  double cell_width = PAGE_WIDTH / 2;
  double cell_height = PAGE_HEIGHT / 2;
  double pad = 30;
  double x = (cell % 2) * cell_width + pad;
  double y = (cell / 2) * cell_height + pad;
  double width = cell_width - 2 * pad;
  double room = cell_height - 2 * pad - 34;
  gint64 year = v21_record_get_int (card, "year", 0);
  g_autofree char *label = year > 0 ? g_strdup_printf ("%s · %ld", kind, (long) year) : g_strdup (kind);
  double scale = 1.0;

  _v21_kit_color (kit, color);
  cairo_rectangle (kit->cr, x, y, width, 24);
  cairo_fill (kit->cr);
  _v21_kit_text (kit, (Font) { SANS, 10, PANGO_WEIGHT_BOLD, FALSE }, (Rgb) { 1, 1, 1 }, x + 8, y + 5, width - 16, label, TRUE);
  while (scale > 0.5 && card_content (kit, card, scale, x, 0, width, FALSE) > room)
    scale -= 0.05;
  card_content (kit, card, scale, x, y + 34, width, TRUE);
}

void
_v21_kit_cut_marks (Kit *kit)
{
  double cx = kit->width / 2;
  double cy = kit->height / 2;
  double mark = 14;

  _v21_kit_color (kit, GREY);
  cairo_set_line_width (kit->cr, 0.5);
  cairo_move_to (kit->cr, cx, 0);
  cairo_line_to (kit->cr, cx, mark);
  cairo_move_to (kit->cr, cx, kit->height - mark);
  cairo_line_to (kit->cr, cx, kit->height);
  cairo_move_to (kit->cr, 0, cy);
  cairo_line_to (kit->cr, mark, cy);
  cairo_move_to (kit->cr, kit->width - mark, cy);
  cairo_line_to (kit->cr, kit->width, cy);
  cairo_move_to (kit->cr, cx - mark / 2, cy);
  cairo_line_to (kit->cr, cx + mark / 2, cy);
  cairo_move_to (kit->cr, cx, cy - mark / 2);
  cairo_line_to (kit->cr, cx, cy + mark / 2);
  cairo_stroke (kit->cr);
}

static void
draw_cards (Kit        *kit,
            const char *material_kind,
            Rgb         color)
{
  g_autoptr(GPtrArray) cards = _v21_kit_materials (kit->workshop, material_kind);
  const char *kind = v21_label ("material_kind", material_kind);

  for (guint i = 0; i < cards->len; i++)
    {
      if (i % 4 == 0)
        {
          _v21_kit_begin_page (kit, PAGE_WIDTH, PAGE_HEIGHT);
          _v21_kit_cut_marks (kit);
        }
      draw_card (kit, g_ptr_array_index (cards, i), i % 4, color, kind);
      if (i % 4 == 3 || i == cards->len - 1)
        _v21_kit_end_page (kit);
    }
}

/* The whole kit */

/* Each part in the order of the seminar; a part of no page draws nothing. */
static void
draw_part (Kit  *kit,
           Part  part)
{
  V21Collection *days = v21_workshop_get_collection (kit->workshop, "days");
  V21Collection *tables = v21_workshop_get_collection (kit->workshop, "tables");
  g_autoptr(GPtrArray) articles = NULL;

  if (part_pages (kit->workshop, part) == 0)
    return;
  switch (part)
    {
    case PART_COVER:
      draw_cover (kit);
      break;
    case PART_RUN_SHEET:
      for (guint d = 0; d < v21_collection_get_n (days); d++)
        draw_run_sheet_day (kit, v21_collection_get (days, d), d + 1);
      break;
    case PART_SIGNS:
      for (guint t = 0; t < v21_collection_get_n (tables); t++)
        draw_sign (kit, v21_collection_get (tables, t));
      break;
    case PART_SIGN_IN:
      _v21_kit_draw_sign_in (kit);
      break;
    case PART_LISTS:
      _v21_kit_each_group (kit, draw_list, _("Not at a table"));
      break;
    case PART_PORTRAITS:
      _v21_kit_draw_portraits (kit);
      break;
    case PART_ARTICLES:
      articles = _v21_kit_materials (kit->workshop, "article");
      for (guint i = 0; i < articles->len; i++)
        draw_article (kit, g_ptr_array_index (articles, i));
      break;
    case PART_TRENDS:
      draw_cards (kit, "trend", TREND);
      break;
    case PART_CHALLENGES:
      draw_cards (kit, "challenge", CHALLENGE);
      break;
    case PART_GRIDS:
      _v21_kit_draw_grids (kit);
      break;
    case PART_WRITING:
      _v21_kit_draw_writing (kit);
      break;
    case PART_WHAT_IF:
      _v21_kit_draw_what_if (kit);
      break;
    case PART_TIMELINES:
      _v21_kit_draw_timelines (kit);
      break;
    case PART_ACTIONS:
      _v21_kit_draw_actions (kit);
      break;
    case PART_VOTES:
      _v21_kit_draw_votes (kit);
      break;
    case PART_PROCESSES:
      _v21_kit_draw_processes (kit);
      break;
    case PART_CONDITIONS:
      _v21_kit_draw_conditions (kit);
      break;
    default:
      g_return_if_reached ();
    }
}

static void
draw_parts (Kit *kit)
{
  for (Part part = 0; part < N_PARTS; part++)
    draw_part (kit, part);
}

void
v21_print_kit_render (V21Workshop     *workshop,
                      cairo_surface_t *surface)
{
  Kit kit = { workshop, surface };

  g_return_if_fail (V21_IS_WORKSHOP (workshop));
  g_return_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_PDF);

  kit.n_pages = v21_print_kit_count_pages (workshop);
  _v21_kit_open (&kit);
  draw_parts (&kit);
  _v21_kit_close (&kit);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
v21_print_kit_write (V21Workshop  *workshop,
                     const char   *path,
                     GError      **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  cairo_surface_t *surface;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Translators: the title of the kit's PDF document. */
  title = g_strdup_printf (_("%s — printable kit"), v21_workshop_get_title (workshop));
  surface = _v21_kit_pdf_surface (bytes, title);
  v21_print_kit_render (workshop, surface);
  return _v21_kit_save_pdf (surface, bytes, path, _("Could not draw the kit: %s"), error);
}

void
_v21_kit_open (Kit *kit)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  kit->cr = cairo_create (kit->surface);
  kit->context = pango_cairo_create_context (kit->cr);
  /* Sizes are in points, and printed metrics are not hinted. */
  pango_cairo_context_set_resolution (kit->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (kit->context, options);
  cairo_font_options_destroy (options);
}

void
_v21_kit_close (Kit *kit)
{
  g_object_unref (kit->context);
  cairo_destroy (kit->cr);
}

cairo_surface_t *
_v21_kit_pdf_surface (GByteArray *bytes,
                      const char *title)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Visions+21");
  return surface;
}

gboolean
_v21_kit_save_pdf (cairo_surface_t  *surface,
                   GByteArray       *bytes,
                   const char       *path,
                   const char       *failure,
                   GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_IO, failure, cairo_status_to_string (status));
      return FALSE;
    }
  v21_pdf_add_language_or_warn (bytes, path);
  return v21_file_write_atomic (path, (const char *) bytes->data, bytes->len, FALSE, error);
}
