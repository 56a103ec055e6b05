/* v21-report-export.c — the written report into files: PDF, HTML, Markdown, CSV
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
#include "v21-render-export.h"

#define FIGURE_WIDTH 483.0

static const char * const extensions[] = { "pdf", "html", "md", "csv" };

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
  g_return_val_if_fail (format <= V21_REPORT_CSV, "pdf");
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

static GByteArray *
figure_svg_bytes (V21Workshop          *workshop,
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
  g_autoptr(GByteArray) bytes = figure_svg_bytes (workshop, figure, height);
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

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Visions+21");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cr = cairo_create (surface);
  for (guint i = 0; i < v21_report_pages_get_n_pages (pages); i++)
    {
      /* The outline (bookmarks) of PDF readers: the chapters. */
      for (guint b = 0; b < report->blocks->len; b++)
        {
          V21ReportBlock *block = g_ptr_array_index (report->blocks, b);

          if (block->kind == V21_BLOCK_HEADING && block->level == 1 && v21_report_pages_find_block (pages, b) == (int) i)
            {
              g_autofree char *name = block->number != NULL ? g_strdup_printf ("%s %s", block->number, block->text)
                                                            : g_strdup (block->text);
              g_autofree char *link = g_strdup_printf ("page=%u", i + 1);

              cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, name, link, 0);
            }
        }
      v21_report_pages_draw (pages, i, cr);
      cairo_show_page (cr);
    }
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
    case V21_REPORT_CSV:
    default:
      g_return_val_if_reached (FALSE);
    }
}
