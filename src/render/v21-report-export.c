/* v21-report-export.c — the written report into files: PDF, ODT, HTML, Markdown, CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "v21-report-export.h"
#include "v21-anonymize.h"
#include "v21-csv.h"
#include "v21-error.h"
#include "v21-file-io.h"
#include "v21-pdf-lang.h"
#include "v21-render-export.h"
#include "v21-report-odt.h"
#include "v21-typography.h"

#define FIGURE_WIDTH V21_REPORT_FIGURE_WIDTH

static const char * const extensions[] = { "pdf", "html", "md", "csv", "odt" };

gboolean
v21_report_format_from_string (const char      *name,
                               V21ReportFormat *format)
{
  if (name != NULL && g_ascii_strcasecmp (name, "markdown") == 0)
    name = "md";
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (name != NULL && g_ascii_strcasecmp (name, extensions[i]) == 0)
      {
        *format = (V21ReportFormat) i;
        return TRUE;
      }
  return FALSE;
}

const char *
v21_report_format_extension (V21ReportFormat format)
{
  g_return_val_if_fail (format <= V21_REPORT_ODT, "pdf");
  return extensions[format];
}

char *
v21_report_votes_path (const char *cards_path)
{
  g_autofree char *dir = g_path_get_dirname (cards_path);
  g_autofree char *base = g_path_get_basename (cards_path);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base && g_ascii_strcasecmp (dot, ".csv") == 0)
    *dot = '\0';
  name = g_strconcat (base, "-votes.csv", NULL);
  return g_build_filename (dir, name, NULL);
}

/* Cairo names glyphs and clips "glyph0-1", "clip1"… in every SVG: give each
 * figure its own names. */
static char *
prefix_ids (const char *svg,
            const char *prefix)
{
  static const char * const patterns[] = { "id=\"", "href=\"#", "url(#" };
  GString *out = g_string_new (NULL);
  const char *p = svg;

  while (*p != '\0')
    {
      gboolean matched = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (patterns) && !matched; i++)
        if (g_str_has_prefix (p, patterns[i]))
          {
            g_string_append (out, patterns[i]);
            g_string_append (out, prefix);
            p += strlen (patterns[i]);
            matched = TRUE;
          }
      if (!matched)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

GByteArray *
v21_report_figure_svg_bytes (V21Workshop          *workshop,
                             const V21ReportBlock *figure,
                             double                height)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (v21_render_append_bytes, bytes, FIGURE_WIDTH, height);
  V21RenderStyle style;
  cairo_t *cr;

  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  v21_render_style_init (&style, V21_RENDER_PRINT, FALSE);
  cr = cairo_create (surface);
  v21_report_draw_figure (workshop, figure, cr, FIGURE_WIDTH, height, &style);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return bytes;
}

char *
v21_report_figure_svg (V21Workshop          *workshop,
                       const V21ReportBlock *figure,
                       const char           *prefix)
{
  double height = FIGURE_WIDTH * figure->aspect;
  g_autoptr(GByteArray) bytes = v21_report_figure_svg_bytes (workshop, figure, height);
  g_autofree char *text = NULL;
  g_autofree char *base64 = g_base64_encode (bytes->data, bytes->len);
  g_autofree char *inline_svg = NULL;
  const char *start;

  g_byte_array_append (bytes, (const guint8 *) "", 1);
  text = g_strdup ((const char *) bytes->data);
  start = strstr (text, "<svg");
  if (start == NULL)
    return NULL;
  inline_svg = prefix_ids (start, prefix);
  /* Word processors (LibreOffice Writer) skip inline SVG but show an image:
   * the same drawing follows as one, which browsers hide (see the style
   * sheet: a selector word processors do not read). */
  return g_strdup_printf ("%s\n<img class=\"v21-fallback\" width=\"%d\" height=\"%d\" alt=\"\" "
                          "src=\"data:image/svg+xml;base64,%s\" />\n",
                          inline_svg, (int) (FIGURE_WIDTH * 4 / 3), (int) (height * 4 / 3), base64);
}

static char *
join_lines (const char *text,
            const char *separator)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strjoinv (separator, lines);
}

char *
v21_report_meta_author (V21Report *report)
{
  if (report->credits != NULL)
    return join_lines (report->credits, "; ");
  return g_strdup (report->territory != NULL ? report->territory : "");
}

char *
v21_report_meta_subject (V21Report *report)
{
  if (report->territory == NULL)
    return g_strdup (report->kind_line);
  /* Translators: a report's subject in its document properties:
   * "Restitution écrite du séminaire de prospective — Communauté de communes…". */
  return g_strdup_printf (_("%s — %s"), report->kind_line, report->territory);
}

char *
v21_report_meta_keywords (V21Report *report)
{
  /* Translators: the keywords of a report in its document properties, separated by ", ". */
  g_autofree char *words = v21_typography_apply (_("foresight, participatory seminar, Visions +21"));

  if (report->horizon == NULL)
    return g_steal_pointer (&words);
  return g_strdup_printf ("%s, %s", words, report->horizon);
}

static void
pdf_metadata (cairo_surface_t *surface,
              V21Report       *report)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *author = v21_report_meta_author (report);
  g_autofree char *subject = v21_report_meta_subject (report);
  g_autofree char *keywords = v21_report_meta_keywords (report);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Visions+21 " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

/* The outline (bookmarks) of PDF readers: the contents, then every heading
 * under the one above it, each leading to its heading's destination. */
static void
pdf_outline (cairo_surface_t *surface,
             V21Report       *report)
{
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT };
  g_autofree char *contents = v21_typography_apply (_("Contents"));

  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, contents, "dest='" V21_REPORT_CONTENTS_ANCHOR "'", 0);
  for (guint b = 0; b < report->blocks->len; b++)
    {
      V21ReportBlock *block = g_ptr_array_index (report->blocks, b);
      g_autofree char *name = NULL;
      g_autofree char *link = NULL;
      guint level;

      if (block->kind != V21_BLOCK_HEADING)
        continue;
      level = CLAMP (block->level, 1, 3);
      name = block->number != NULL ? g_strdup_printf ("%s %s", block->number, block->text) : g_strdup (block->text);
      link = g_strdup_printf ("dest='%s'", block->anchor);
      parents[level] = cairo_pdf_surface_add_outline (surface, parents[level - 1], name, link, 0);
      for (guint deeper = level + 1; deeper < G_N_ELEMENTS (parents); deeper++)
        parents[deeper] = parents[level];
    }
}

gboolean
v21_report_pages_write_pdf (V21ReportPages  *pages,
                            const char      *path,
                            GError         **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (v21_render_append_bytes, bytes, V21_PAGE_WIDTH, V21_PAGE_HEIGHT);
  V21Report *report = v21_report_pages_get_report (pages);
  cairo_status_t status;
  cairo_t *cr;

  pdf_metadata (surface, report);
  pdf_outline (surface, report);
  cr = cairo_create (surface);
  /* The structure tree's root, under which the headings are tagged H1–H3:
   * with links and no structure element, cairo 1.16 refers to a structure
   * tree it never writes (readers call the file damaged), and without a
   * root it does not mark the document as tagged. */
  cairo_tag_begin (cr, "Document", NULL);
  for (guint i = 0; i < v21_report_pages_get_n_pages (pages); i++)
    {
      v21_report_pages_draw (pages, i, cr);
      cairo_show_page (cr);
    }
  cairo_tag_end (cr, "Document");
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_IO, _("Could not draw %s: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  v21_pdf_add_language_or_warn (bytes, path);
  return v21_file_write_atomic (path, (const char *) bytes->data, bytes->len, FALSE, error);
}

typedef struct
{
  V21Workshop *workshop;
  guint        n;
} SvgFigures;

static char *
html_figure (const V21ReportBlock *figure,
             gpointer              user_data)
{
  SvgFigures *figures = user_data;
  g_autofree char *prefix = g_strdup_printf ("f%u-", ++figures->n);

  return v21_report_figure_svg (figures->workshop, figure, prefix);
}

static gboolean
write_text (const char  *path,
            char        *text,
            GError     **error)
{
  g_autofree char *owned = text;

  return v21_file_write_atomic (path, owned, strlen (owned), FALSE, error);
}

static gboolean
write_odt (V21Report    *report,
           V21Workshop  *workshop,
           const char   *path,
           GError      **error)
{
  g_autoptr(GBytes) bytes = v21_report_to_odt (report, workshop, error);
  gsize length;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return v21_file_write_atomic (path, data, length, FALSE, error);
}

static gboolean
export_csv (V21Workshop  *workshop,
            const char   *path,
            GError      **error)
{
  g_autofree char *votes_path = v21_report_votes_path (path);
  g_autofree char *cards = NULL;
  g_autofree char *votes = NULL;
  gsize cards_length, votes_length;

  cards = v21_csv_cards (workshop, &cards_length);
  votes = v21_csv_votes (workshop, &votes_length);
  return v21_file_write_atomic (path, cards, cards_length, FALSE, error)
         && v21_file_write_atomic (votes_path, votes, votes_length, FALSE, error);
}

gboolean
v21_report_export (V21Workshop     *workshop,
                   V21ReportFormat  format,
                   const char      *path,
                   gboolean         anonymize,
                   GError         **error)
{
  g_autoptr(V21Workshop) source = NULL;
  g_autoptr(V21Report) report = NULL;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Even a report that names people names only those who consented. */
  source = anonymize ? v21_anonymize (workshop, error) : v21_anonymize_unconsented (workshop, error);
  if (source == NULL)
    return FALSE;
  if (format == V21_REPORT_CSV)
    return export_csv (source, path, error);
  report = v21_report_new (source, anonymize ? V21_REPORT_ANONYMIZED : V21_REPORT_DEFAULT);
  switch (format)
    {
    case V21_REPORT_PDF:
      {
        g_autoptr(V21ReportPages) pages = v21_report_pages_new (g_steal_pointer (&report), source);

        return v21_report_pages_write_pdf (pages, path, error);
      }
    case V21_REPORT_HTML:
      {
        SvgFigures figures = { source, 0 };

        return write_text (path, v21_report_to_html (report, html_figure, &figures), error);
      }
    case V21_REPORT_MARKDOWN:
      return write_text (path, v21_report_to_markdown (report), error);
    case V21_REPORT_ODT:
      return write_odt (report, source, path, error);
    case V21_REPORT_CSV:
    default:
      g_return_val_if_reached (FALSE);
    }
}
