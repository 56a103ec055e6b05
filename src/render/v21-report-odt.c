/* v21-report-odt.c — the written report as an OpenDocument text (.odt)
 *
 * The same blocks as the PDF, written for LibreOffice Writer to rework:
 * named paragraph styles (Heading 1–3 carry outline levels, so the
 * navigator and the table of contents work), a table-of-contents field
 * whose entries already hold links and page references, running headers
 * (the title and the current chapter, a chapter field), page numbers in
 * the footer, real tables whose header rows repeat on every page, figures
 * as SVG with a PNG fallback. The package is a zip written with libzip:
 * `mimetype` first and stored, as ODF requires.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>
#include <zip.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "v21-report-odt-private.h"
#include "v21-report-export.h"
#include "v21-report-pages.h"
#include "v21-error.h"
#include "v21-render-export.h"
#include "v21-typography.h"

#define MIMETYPE "application/vnd.oasis.opendocument.text"
/* The text width: A4 less two margins of 2 cm, as in the PDF. */
#define TEXT_WIDTH_CM 17.0
#define FIGURE_MAX_HEIGHT_CM 21.0
/* Figures as PNG: twice the PDF's points, 144 dpi. */
#define PNG_SCALE 2.0
#define SHORT_TABLE 12

typedef struct
{
  char   *name;     /* in the package, e.g. "Pictures/figure-1.svg" */
  char   *type;     /* its media type for the manifest */
  GBytes *bytes;
  gboolean store;   /* not compressed */
} Part;

typedef struct
{
  V21Report   *report;
  V21Workshop *workshop;
  GString     *out;       /* content.xml's body */
  GPtrArray   *parts;     /* Part */
  guint        n_tables;
  guint        n_figures;
  gboolean     french;
} Writer;

static void
part_free (Part *part)
{
  g_free (part->name);
  g_free (part->type);
  g_bytes_unref (part->bytes);
  g_free (part);
}

static void
add_part (Writer     *writer,
          const char *name,
          const char *type,
          GBytes     *bytes)
{
  Part *part = g_new0 (Part, 1);

  part->name = g_strdup (name);
  part->type = g_strdup (type);
  part->bytes = bytes;
  g_ptr_array_add (writer->parts, part);
}

static void
add_text_part (Writer     *writer,
               const char *name,
               GString    *xml)
{
  gsize length = xml->len;

  add_part (writer, name, "text/xml", g_bytes_new_take (g_string_free (xml, FALSE), length));
}

/* Text */

/* Code points XML 1.0 refuses, and the C1 controls it discourages. */
static gboolean
is_refused (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff;
}

void
v21_odt_append_text (GString    *out,
                     const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  gboolean after_space = TRUE;   /* ODF collapses leading and repeated spaces */

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != ' ')
        after_space = FALSE;
      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\n': g_string_append (out, "<text:line-break/>"); after_space = TRUE; break;
        case '\t': g_string_append (out, "<text:tab/>"); break;
        case ' ':
          g_string_append (out, after_space ? "<text:s/>" : " ");
          after_space = TRUE;
          break;
        default:
          if (!is_refused (c))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
    }
}

/* @text for an attribute value or a metadata element: on one line. */
static void
append_plain (GString    *out,
              const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '&')
        g_string_append (out, "&amp;");
      else if (c == '<')
        g_string_append (out, "&lt;");
      else if (c == '>')
        g_string_append (out, "&gt;");
      else if (c == '"')
        g_string_append (out, "&quot;");
      else if (c == '\n' || c == '\t')
        g_string_append_c (out, ' ');
      else if (!is_refused (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

static void
append_element (GString    *out,
                const char *element,
                const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  g_string_append_printf (out, "<%s>", element);
  append_plain (out, text);
  g_string_append_printf (out, "</%s>\n", element);
}

static void
paragraph (Writer     *writer,
           const char *style,
           const char *text)
{
  if (text == NULL)
    return;
  g_string_append_printf (writer->out, "<text:p text:style-name=\"%s\">", style);
  v21_odt_append_text (writer->out, text);
  g_string_append (writer->out, "</text:p>\n");
}

/* A bold lead, the text, a muted note after @separator. */
static void
append_item (GString             *out,
             const V21ReportItem *item,
             const char          *separator,
             gboolean             bold)
{
  if (item->lead != NULL)
    {
      g_string_append (out, "<text:span text:style-name=\"Strong_20_Emphasis\">");
      v21_odt_append_text (out, item->lead);
      g_string_append (out, "</text:span>");
      if (item->text[0] != '\0')
        g_string_append_c (out, ' ');
    }
  if (bold)
    g_string_append (out, "<text:span text:style-name=\"Strong_20_Emphasis\">");
  v21_odt_append_text (out, item->text);
  if (bold)
    g_string_append (out, "</text:span>");
  if (item->note != NULL)
    {
      g_string_append (out, "<text:span text:style-name=\"Muted\">");
      if (item->text[0] != '\0')
        g_string_append (out, separator);
      v21_odt_append_text (out, item->note);
      g_string_append (out, "</text:span>");
    }
}

/* Figures */

static GBytes *
figure_png (Writer               *writer,
            const V21ReportBlock *figure,
            double                width,
            double                height)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * PNG_SCALE),
                                                         (int) ceil (height * PNG_SCALE));
  V21RenderStyle style;
  cairo_t *cr = cairo_create (surface);

  v21_render_style_init (&style, V21_RENDER_PRINT, FALSE);
  cairo_scale (cr, PNG_SCALE, PNG_SCALE);
  cairo_rectangle (cr, 0, 0, width, height);
  v21_render_set_color (cr, &style.background, 1.0);
  cairo_fill (cr);
  v21_report_draw_figure (writer->workshop, figure, cr, width, height, &style);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, v21_render_append_bytes, bytes);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* The drawing as a frame with two images, SVG then PNG: a reader takes the
 * first it can show. */
static void
frame (Writer               *writer,
       const V21ReportBlock *figure,
       const char           *title)
{
  double height_cm = MIN (TEXT_WIDTH_CM * figure->aspect, FIGURE_MAX_HEIGHT_CM);
  double width = V21_REPORT_FIGURE_WIDTH, height = width * height_cm / TEXT_WIDTH_CM;
  guint n = ++writer->n_figures;
  g_autofree char *svg = g_strdup_printf ("Pictures/figure-%u.svg", n);
  g_autofree char *png = g_strdup_printf ("Pictures/figure-%u.png", n);
  GByteArray *svg_bytes = v21_report_figure_svg_bytes (writer->workshop, figure, height);
  char size[2][G_ASCII_DTOSTR_BUF_SIZE];

  add_part (writer, svg, "image/svg+xml", g_byte_array_free_to_bytes (svg_bytes));
  add_part (writer, png, "image/png", figure_png (writer, figure, width, height));
  g_ascii_formatd (size[0], sizeof size[0], "%.2f", TEXT_WIDTH_CM);
  g_ascii_formatd (size[1], sizeof size[1], "%.2f", height_cm);
  g_string_append_printf (writer->out,
                          "<draw:frame draw:style-name=\"Figure\" draw:name=\"Figure %u\" text:anchor-type=\"as-char\""
                          " svg:width=\"%scm\" svg:height=\"%scm\" draw:z-index=\"0\">", n, size[0], size[1]);
  g_string_append_printf (writer->out,
                          "<draw:image xlink:href=\"%s\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\""
                          " draw:mime-type=\"image/svg+xml\"/>"
                          "<draw:image xlink:href=\"%s\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\""
                          " draw:mime-type=\"image/png\"/>", svg, png);
  g_string_append (writer->out, "<svg:title>");
  append_plain (writer->out, title);
  g_string_append (writer->out, "</svg:title></draw:frame>");
}

static void
write_figure (Writer               *writer,
              const V21ReportBlock *block)
{
  g_string_append (writer->out, "<text:p text:style-name=\"Figure_20_Frame\">");
  frame (writer, block, block->text);
  g_string_append (writer->out, "</text:p>\n");
  paragraph (writer, "Figure", block->text);
}

/* Tables */

static void
table_columns (Writer               *writer,
               const V21ReportBlock *block,
               guint                 n,
               GString              *styles)
{
  double total = 0;

  for (guint c = 0; c < block->n_columns; c++)
    total += block->widths[c];
  for (guint c = 0; c < block->n_columns; c++)
    {
      char width[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (width, sizeof width, "%.3f", TEXT_WIDTH_CM * block->widths[c] / total);
      g_string_append_printf (styles,
                              "<style:style style:name=\"Table%u.C%u\" style:family=\"table-column\">"
                              "<style:table-column-properties style:column-width=\"%scm\" style:rel-column-width=\"%d*\"/>"
                              "</style:style>\n", n, c, width, (int) round (1000 * block->widths[c] / total));
      g_string_append_printf (writer->out, "<table:table-column table:style-name=\"Table%u.C%u\"/>", n, c);
    }
  g_string_append_c (writer->out, '\n');
}

static void
table_cell (Writer               *writer,
            const V21ReportBlock *block,
            guint                 column,
            const char           *cell_style,
            const char           *paragraph_style,
            const V21ReportItem  *item,
            const char           *header,
            gboolean              bold)
{
  gboolean numeric = (block->numeric & (1u << column)) != 0;

  g_string_append_printf (writer->out, "<table:table-cell table:style-name=\"%s\" office:value-type=\"string\">"
                                       "<text:p text:style-name=\"%s%s\">", cell_style, paragraph_style,
                          numeric ? "_20_Number" : "");
  if (header != NULL)
    v21_odt_append_text (writer->out, header);
  else if (item != NULL)
    append_item (writer->out, item, "\n", bold);
  g_string_append (writer->out, "</text:p></table:table-cell>");
}

static void
write_table (Writer               *writer,
             const V21ReportBlock *block,
             GString              *styles)
{
  guint n = ++writer->n_tables;

  /* A short table stays on one page, as in the PDF. */
  g_string_append_printf (styles,
                          "<style:style style:name=\"Table%u\" style:family=\"table\">"
                          "<style:table-properties style:width=\"%.0fcm\" table:align=\"margins\" fo:margin-top=\"0.2cm\""
                          " fo:margin-bottom=\"0.25cm\" style:may-break-between-rows=\"%s\"/></style:style>\n",
                          n, TEXT_WIDTH_CM, block->rows->len <= SHORT_TABLE ? "false" : "true");
  g_string_append_printf (writer->out, "<table:table table:name=\"Table%u\" table:style-name=\"Table%u\">\n", n, n);
  table_columns (writer, block, n, styles);
  g_string_append (writer->out, "<table:table-header-rows><table:table-row>");
  for (guint c = 0; c < block->n_columns; c++)
    table_cell (writer, block, c, "Cell.Header", "Table_20_Heading", NULL, g_ptr_array_index (block->header, c), FALSE);
  g_string_append (writer->out, "</table:table-row></table:table-header-rows>\n");
  for (guint r = 0; r < block->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (block->rows, r);
      gboolean total = block->total_row && r + 1 == block->rows->len;
      const char *cell_style = total ? "Cell.Total" : r % 2 == 1 ? "Cell.Shaded" : "Cell";

      g_string_append (writer->out, "<table:table-row>");
      for (guint c = 0; c < block->n_columns; c++)
        table_cell (writer, block, c, cell_style, "Table_20_Contents", c < row->len ? g_ptr_array_index (row, c) : NULL,
                    NULL, total);
      g_string_append (writer->out, "</table:table-row>\n");
    }
  g_string_append (writer->out, "</table:table>\n");
}

/* Blocks */

static void
write_heading (Writer               *writer,
               const V21ReportBlock *block)
{
  guint level = CLAMP (block->level, 1, 3);

  g_string_append_printf (writer->out, "<text:h text:style-name=\"Heading_20_%u\" text:outline-level=\"%u\">"
                                       "<text:bookmark text:name=\"%s\"/>", level, level, block->anchor);
  if (block->number != NULL)
    {
      g_string_append (writer->out, "<text:span text:style-name=\"Heading_20_Number\">");
      v21_odt_append_text (writer->out, block->number);
      g_string_append (writer->out, "</text:span> ");
    }
  v21_odt_append_text (writer->out, block->text);
  g_string_append (writer->out, "</text:h>\n");
}

static void
write_paragraph (Writer               *writer,
                 const V21ReportBlock *block)
{
  static const char * const styles[] = { "Text_20_body", "Intro", "Note", "Quotations" };
  V21ReportItem item = { block->lead, block->text, NULL };
  const char *style = styles[MIN (block->style, G_N_ELEMENTS (styles) - 1)];

  /* A lead alone ("Eau : partager…") introduces what follows it. */
  if (block->lead != NULL && block->text[0] == '\0')
    style = "Lead";
  g_string_append_printf (writer->out, "<text:p text:style-name=\"%s\">", style);
  append_item (writer->out, &item, "", FALSE);
  g_string_append (writer->out, "</text:p>\n");
}

static void
write_list (Writer               *writer,
            const V21ReportBlock *block)
{
  g_string_append (writer->out, "<text:list text:style-name=\"Bullets\">\n");
  for (guint i = 0; i < block->items->len; i++)
    {
      g_string_append (writer->out, "<text:list-item><text:p text:style-name=\"List_20_Bullet\">");
      append_item (writer->out, g_ptr_array_index (block->items, i), " — ", FALSE);
      g_string_append (writer->out, "</text:p></text:list-item>\n");
    }
  g_string_append (writer->out, "</text:list>\n");
}

static void
write_block (Writer               *writer,
             const V21ReportBlock *block,
             GString              *styles)
{
  switch (block->kind)
    {
    case V21_BLOCK_HEADING:
      write_heading (writer, block);
      break;
    case V21_BLOCK_PARAGRAPH:
      write_paragraph (writer, block);
      break;
    case V21_BLOCK_LIST:
      write_list (writer, block);
      break;
    case V21_BLOCK_TABLE:
      write_table (writer, block, styles);
      break;
    case V21_BLOCK_FIGURE:
      write_figure (writer, block);
      break;
    default:
      break;
    }
}

/* The cover and the contents */

static void
write_cover (Writer *writer)
{
  V21Report *report = writer->report;

  /* The first paragraph starts the first page, which has no header. */
  paragraph (writer, "Cover_20_Kind", report->kind_line);
  paragraph (writer, "Title", report->title);
  paragraph (writer, "Subtitle", report->territory);
  paragraph (writer, "Cover_20_Line", report->dates);
  paragraph (writer, "Cover_20_Muted", report->venue);
  paragraph (writer, "Cover_20_Horizon", report->horizon);
  if (v21_collection_get_n (v21_workshop_get_collection (writer->workshop, "trajectories")) > 0)
    {
      V21ReportBlock cover = { .kind = V21_BLOCK_FIGURE, .figure = V21_FIGURE_TRAJECTORIES, .aspect = 0.5 };

      g_string_append (writer->out, "<text:p text:style-name=\"Figure_20_Frame\">");
      frame (writer, &cover, _("The trajectories compared"));
      g_string_append (writer->out, "</text:p>\n");
    }
  paragraph (writer, "Cover_20_Muted", report->credits);
  if (report->anonymized)
    paragraph (writer, "Cover_20_Warning", _("Anonymised version: people are not named."));
}

static void
toc_template (GString *out,
              guint    level)
{
  g_string_append_printf (out,
                          "<text:table-of-content-entry-template text:outline-level=\"%u\" text:style-name=\"Contents_20_%u\">"
                          "<text:index-entry-link-start text:style-name=\"Index_20_Link\"/><text:index-entry-text/>"
                          "<text:index-entry-tab-stop style:type=\"right\" style:leader-char=\".\"/>"
                          "<text:index-entry-page-number/><text:index-entry-link-end/>"
                          "</text:table-of-content-entry-template>\n", level, level);
}

/* The entries are written out, each a link to its heading and a page
 * reference that Writer computes when it lays the pages out; updating the
 * index in Writer writes them again from the headings. */
static void
toc_entry (Writer               *writer,
           const V21ReportBlock *block)
{
  GString *out = writer->out;

  g_string_append_printf (out, "<text:p text:style-name=\"Contents_20_%u\"><text:a xlink:type=\"simple\" xlink:href=\"#%s\""
                               " text:style-name=\"Index_20_Link\" text:visited-style-name=\"Index_20_Link\">",
                          block->level, block->anchor);
  if (block->number != NULL)
    {
      v21_odt_append_text (out, block->number);
      g_string_append_c (out, ' ');
    }
  v21_odt_append_text (out, block->text);
  g_string_append_printf (out, "<text:tab/><text:bookmark-ref text:reference-format=\"page\" text:ref-name=\"%s\">"
                               "</text:bookmark-ref></text:a></text:p>\n", block->anchor);
}

static void
write_contents (Writer *writer)
{
  g_autofree char *title = v21_typography_apply (_("Contents"));
  GString *out = writer->out;

  g_string_append (out, "<text:table-of-content text:style-name=\"Contents\" text:protected=\"true\" text:name=\"Contents\">\n"
                        "<text:table-of-content-source text:outline-level=\"2\" text:use-index-marks=\"false\">\n"
                        "<text:index-title-template text:style-name=\"Contents_20_Heading\">");
  append_plain (out, title);
  g_string_append (out, "</text:index-title-template>\n");
  toc_template (out, 1);
  toc_template (out, 2);
  g_string_append (out, "</text:table-of-content-source>\n<text:index-body>\n"
                        "<text:index-title text:style-name=\"Contents\" text:name=\"Contents_Head\">");
  paragraph (writer, "Contents_20_Heading", title);
  g_string_append (out, "</text:index-title>\n");
  for (guint i = 0; i < writer->report->blocks->len; i++)
    {
      const V21ReportBlock *block = g_ptr_array_index (writer->report->blocks, i);

      if (block->kind == V21_BLOCK_HEADING && block->level <= 2)
        toc_entry (writer, block);
    }
  g_string_append (out, "</text:index-body>\n</text:table-of-content>\n");
}

/* The parts */

static const char content_styles[] =
  "<style:style style:name=\"Contents\" style:family=\"section\"><style:section-properties style:editable=\"false\"/>"
  "</style:style>\n"
  "<style:style style:name=\"Cell\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.1cm\""
  " fo:border-top=\"none\" fo:border-left=\"none\" fo:border-right=\"none\" fo:border-bottom=\"0.5pt solid #deddda\"/>"
  "</style:style>\n"
  "<style:style style:name=\"Cell.Shaded\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.1cm\""
  " fo:background-color=\"#f4f3f1\" fo:border-top=\"none\" fo:border-left=\"none\" fo:border-right=\"none\""
  " fo:border-bottom=\"0.5pt solid #deddda\"/></style:style>\n"
  "<style:style style:name=\"Cell.Header\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.1cm\""
  " fo:background-color=\"#e8e6e3\" fo:border-top=\"none\" fo:border-left=\"none\" fo:border-right=\"none\""
  " fo:border-bottom=\"0.8pt solid #77767b\"/></style:style>\n"
  "<style:style style:name=\"Cell.Total\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.1cm\""
  " fo:border-top=\"0.8pt solid #77767b\" fo:border-left=\"none\" fo:border-right=\"none\" fo:border-bottom=\"none\"/>"
  "</style:style>\n";

static GString *
content_xml (Writer *writer)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content" V21_ODT_NAMESPACES
                               " office:version=\"1.3\">\n");
  GString *styles = g_string_new (content_styles);

  writer->out = g_string_new (NULL);
  write_cover (writer);
  write_contents (writer);
  for (guint i = 0; i < writer->report->blocks->len; i++)
    write_block (writer, g_ptr_array_index (writer->report->blocks, i), styles);
  g_string_append_printf (xml, "<office:automatic-styles>\n%s</office:automatic-styles>\n"
                               "<office:body><office:text>\n%s</office:text></office:body>\n</office:document-content>\n",
                          styles->str, writer->out->str);
  g_string_free (styles, TRUE);
  g_string_free (g_steal_pointer (&writer->out), TRUE);
  return xml;
}

static GString *
meta_xml (Writer *writer)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta" V21_ODT_NAMESPACES
                               " office:version=\"1.3\">\n<office:meta>\n");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *author = v21_report_meta_author (writer->report);
  g_autofree char *subject = v21_report_meta_subject (writer->report);
  g_autofree char *keywords = v21_report_meta_keywords (writer->report);
  g_auto(GStrv) words = g_strsplit (keywords, ", ", -1);

  g_string_append_printf (xml, "<meta:generator>Visions+21/%s</meta:generator>\n", PACKAGE_VERSION);
  append_element (xml, "dc:title", writer->report->title);
  append_element (xml, "dc:subject", subject);
  for (guint i = 0; words[i] != NULL; i++)
    append_element (xml, "meta:keyword", words[i]);
  append_element (xml, "meta:initial-creator", author);
  append_element (xml, "dc:creator", author);
  append_element (xml, "meta:creation-date", date);
  append_element (xml, "dc:date", date);
  append_element (xml, "dc:language", writer->french ? "fr-FR" : "en-GB");
  g_string_append_printf (xml, "<meta:document-statistic meta:table-count=\"%u\" meta:image-count=\"%u\"/>\n",
                          writer->n_tables, writer->n_figures);
  g_string_append (xml, "</office:meta>\n</office:document-meta>\n");
  return xml;
}

static GString *
manifest_xml (Writer *writer)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                               " manifest:version=\"1.3\">\n"
                               " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\""
                               " manifest:media-type=\"" MIMETYPE "\"/>\n");

  for (guint i = 0; i < writer->parts->len; i++)
    {
      Part *part = g_ptr_array_index (writer->parts, i);

      if (strcmp (part->name, "mimetype") != 0)
        g_string_append_printf (xml, " <manifest:file-entry manifest:full-path=\"%s\" manifest:media-type=\"%s\"/>\n",
                                part->name, part->type);
    }
  g_string_append (xml, " <manifest:file-entry manifest:full-path=\"META-INF/manifest.xml\""
                        " manifest:media-type=\"text/xml\"/>\n</manifest:manifest>\n");
  return xml;
}

/* The zip */

static gboolean
zip_failed (zip_error_t  *zip_error,
            GError      **error)
{
  g_set_error (error, V21_ERROR, V21_ERROR_IO, _("Could not write the OpenDocument package: %s"),
               zip_error_strerror (zip_error));
  return FALSE;
}

static gboolean
zip_add_parts (zip_t      *archive,
               GPtrArray  *parts,
               GError    **error)
{
  time_t now = time (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      Part *part = g_ptr_array_index (parts, i);
      gsize length;
      const void *data = g_bytes_get_data (part->bytes, &length);
      zip_source_t *source = zip_source_buffer (archive, data, length, 0);
      zip_int64_t index;

      index = source != NULL ? zip_file_add (archive, part->name, source, ZIP_FL_ENC_UTF_8) : -1;
      if (index < 0)
        {
          zip_source_free (source);
          return zip_failed (zip_get_error (archive), error);
        }
      /* Already compressed images, and the mimetype that readers find at a
       * fixed place, are stored as they are. */
      if (zip_set_file_compression (archive, index, part->store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) < 0
          || zip_file_set_mtime (archive, index, now, 0) < 0)
        return zip_failed (zip_get_error (archive), error);
    }
  return TRUE;
}

static GBytes *
source_bytes (zip_source_t  *source,
              GError       **error)
{
  zip_stat_t stat;
  GByteArray *bytes;
  zip_int64_t n;

  zip_stat_init (&stat);
  if (zip_source_stat (source, &stat) < 0 || zip_source_open (source) < 0)
    {
      zip_failed (zip_source_error (source), error);
      return NULL;
    }
  bytes = g_byte_array_sized_new (stat.size);
  g_byte_array_set_size (bytes, stat.size);
  n = zip_source_read (source, bytes->data, stat.size);
  zip_source_close (source);
  if (n < 0 || (zip_uint64_t) n != stat.size)
    {
      g_byte_array_unref (bytes);
      zip_failed (zip_source_error (source), error);
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

static GBytes *
zip_parts (GPtrArray  *parts,
           GError    **error)
{
  zip_error_t zip_error;
  zip_source_t *source;
  zip_t *archive;
  GBytes *bytes;

  zip_error_init (&zip_error);
  source = zip_source_buffer_create (NULL, 0, 0, &zip_error);
  archive = source != NULL ? zip_open_from_source (source, ZIP_TRUNCATE, &zip_error) : NULL;
  if (archive == NULL)
    {
      zip_source_free (source);
      zip_failed (&zip_error, error);
      zip_error_fini (&zip_error);
      return NULL;
    }
  zip_source_keep (source);   /* the archive, when closed, writes into it */
  if (!zip_add_parts (archive, parts, error))
    {
      zip_discard (archive);
      zip_source_free (source);
      return NULL;
    }
  if (zip_close (archive) < 0)
    {
      zip_failed (zip_get_error (archive), error);
      zip_discard (archive);
      zip_source_free (source);
      return NULL;
    }
  bytes = source_bytes (source, error);
  zip_source_free (source);
  return bytes;
}

/**
 * v21_report_to_odt:
 *
 * Returns: (transfer full) (nullable): the bytes of the .odt file
 */
GBytes *
v21_report_to_odt (V21Report    *report,
                   V21Workshop  *workshop,
                   GError      **error)
{
  Writer writer = { report, workshop, NULL, NULL, 0, 0, v21_typography_is_french () };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  GString *content;

  g_return_val_if_fail (report != NULL && V21_IS_WORKSHOP (workshop), NULL);

  writer.parts = parts;
  add_part (&writer, "mimetype", MIMETYPE, g_bytes_new_static (MIMETYPE, strlen (MIMETYPE)));
  ((Part *) g_ptr_array_index (parts, 0))->store = TRUE;
  /* The figures are added as content.xml is written: it goes after them. */
  content = content_xml (&writer);
  for (guint i = 1; i < parts->len; i++)
    ((Part *) g_ptr_array_index (parts, i))->store = g_str_has_suffix (((Part *) g_ptr_array_index (parts, i))->name, ".png");
  add_text_part (&writer, "content.xml", content);
  add_text_part (&writer, "styles.xml", _v21_report_odt_styles (report, writer.french));
  add_text_part (&writer, "meta.xml", meta_xml (&writer));
  add_text_part (&writer, "META-INF/manifest.xml", manifest_xml (&writer));
  return zip_parts (parts, error);
}

GBytes *
_v21_odt_package (const char  *content_xml,
                  const char  *styles_xml,
                  GError     **error)
{
  static const char manifest[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
    " manifest:version=\"1.3\">\n"
    " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\""
    " manifest:media-type=\"" MIMETYPE "\"/>\n"
    " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
    " <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
    "</manifest:manifest>\n";
  Writer writer = { NULL, NULL, NULL, NULL, 0, 0, FALSE };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);

  writer.parts = parts;
  add_part (&writer, "mimetype", MIMETYPE, g_bytes_new_static (MIMETYPE, strlen (MIMETYPE)));
  ((Part *) g_ptr_array_index (parts, 0))->store = TRUE;
  add_text_part (&writer, "content.xml", g_string_new (content_xml));
  add_text_part (&writer, "styles.xml", g_string_new (styles_xml));
  add_text_part (&writer, "META-INF/manifest.xml", g_string_new (manifest));
  return zip_parts (parts, error);
}
