/* v21-report-text.c — the report as HTML (editable, self-contained) and Markdown
 *
 * Every text a user typed is escaped: a card reading "<script>" is shown as
 * text, never run or read as markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-report"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-report.h"
#include "v21-typography.h"

/* Markdown */

/**
 * v21_markdown_escape:
 * @text: (nullable): plain text
 *
 * Returns: (transfer full): @text on one line, with every character that
 * Markdown (CommonMark, GitHub tables) would read as markup escaped
 */
char *
v21_markdown_escape (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean line_start = TRUE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '\r')
        continue;
      if (c == '\n' || c == '\t')
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      if (strchr ("\\`*_[]<>|#~&!", c) != NULL
          || (line_start && strchr ("-+=:", c) != NULL)
          || (line_start && g_ascii_isdigit (c)))
        {
          /* A list number ("1.") is escaped by its dot: escape the digit's dot later. */
          if (g_ascii_isdigit (c))
            {
              const char *q = p;

              while (g_ascii_isdigit (*q))
                g_string_append_c (out, *q++);
              if (*q == '.' || *q == ')')
                {
                  g_string_append_c (out, '\\');
                  g_string_append_c (out, *q++);
                }
              p = q - 1;
              line_start = FALSE;
              continue;
            }
          g_string_append_c (out, '\\');
        }
      g_string_append_c (out, c);
      line_start = FALSE;
    }
  return g_string_free (out, FALSE);
}

static void
md_item (GString             *out,
         const V21ReportItem *item)
{
  if (item->lead != NULL)
    {
      g_autofree char *lead = v21_markdown_escape (item->lead);
      g_string_append_printf (out, "**%s** ", lead);
    }
  {
    g_autofree char *text = v21_markdown_escape (item->text);
    g_string_append (out, text);
  }
  if (item->note != NULL)
    {
      g_autofree char *note = v21_markdown_escape (item->note);
      g_string_append_printf (out, " — *%s*", note);
    }
}

static void
md_table (GString              *out,
          const V21ReportBlock *block)
{
  g_string_append (out, "|");
  for (guint c = 0; c < block->n_columns; c++)
    {
      g_autofree char *text = v21_markdown_escape (g_ptr_array_index (block->header, c));
      g_string_append_printf (out, " %s |", text);
    }
  g_string_append (out, "\n|");
  for (guint c = 0; c < block->n_columns; c++)
    g_string_append (out, block->numeric & (1u << c) ? " ---: |" : " --- |");
  g_string_append_c (out, '\n');
  for (guint r = 0; r < block->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (block->rows, r);

      g_string_append (out, "|");
      for (guint c = 0; c < row->len; c++)
        {
          g_string_append_c (out, ' ');
          if (block->total_row && r + 1 == block->rows->len)
            g_string_append (out, "**");
          md_item (out, g_ptr_array_index (row, c));
          if (block->total_row && r + 1 == block->rows->len)
            g_string_append (out, "**");
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
    }
}

static void
md_block (GString              *out,
          const V21ReportBlock *block)
{
  g_autofree char *text = v21_markdown_escape (block->text);

  switch (block->kind)
    {
    case V21_BLOCK_HEADING:
      g_string_append_printf (out, "%.*s %s%s%s\n\n", (int) block->level + 1, "####",
                              block->number != NULL ? block->number : "", block->number != NULL ? " " : "", text);
      break;
    case V21_BLOCK_PARAGRAPH:
      if (block->style == V21_TEXT_QUOTE)
        g_string_append (out, "> ");
      if (block->lead != NULL)
        {
          g_autofree char *lead = v21_markdown_escape (block->lead);
          g_string_append_printf (out, "**%s**%s", lead, text[0] != '\0' ? " " : "");
        }
      if (block->style == V21_TEXT_NOTE && text[0] != '\0')
        g_string_append_printf (out, "*%s*\n\n", text);
      else
        g_string_append_printf (out, "%s\n\n", text);
      break;
    case V21_BLOCK_LIST:
      for (guint i = 0; i < block->items->len; i++)
        {
          g_string_append (out, "- ");
          md_item (out, g_ptr_array_index (block->items, i));
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '\n');
      break;
    case V21_BLOCK_TABLE:
    case V21_BLOCK_FIGURE_DATA:
      /* Markdown has no figure: the numbers come as a table. */
      md_table (out, block);
      g_string_append_c (out, '\n');
      break;
    case V21_BLOCK_FIGURE:
      g_string_append_printf (out, "*%s* ", text);
      g_string_append_printf (out, "*(%s)*\n\n", _("figure in the PDF and HTML versions"));
      break;
    default:
      break;
    }
}

static void
md_line (GString    *out,
         const char *text,
         const char *wrap)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  escaped = v21_markdown_escape (text);
  g_string_append_printf (out, "%s%s%s  \n", wrap, escaped, wrap);
}

/**
 * v21_report_to_markdown:
 *
 * Returns: (transfer full): the report as Markdown (CommonMark with GitHub tables)
 */
char *
v21_report_to_markdown (V21Report *report)
{
  GString *out = g_string_new (NULL);
  g_autofree char *title = v21_markdown_escape (report->title);
  g_autofree char *contents = v21_typography_apply (_("Contents"));

  g_string_append_printf (out, "# %s\n\n", title);
  md_line (out, report->kind_line, "**");
  md_line (out, report->territory, "");
  md_line (out, report->dates, "");
  md_line (out, report->horizon, "");
  md_line (out, report->venue, "");
  if (report->credits != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (report->credits, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        md_line (out, lines[i], "");
    }
  if (report->anonymized)
    md_line (out, _("Anonymised version"), "*");
  g_string_append_printf (out, "\n## %s\n\n", contents);
  for (guint i = 0; i < report->blocks->len; i++)
    {
      V21ReportBlock *block = g_ptr_array_index (report->blocks, i);
      g_autofree char *text = NULL;

      if (block->kind != V21_BLOCK_HEADING || block->level > 2)
        continue;
      text = v21_markdown_escape (block->text);
      g_string_append_printf (out, "%s- %s%s%s\n", block->level == 2 ? "  " : "",
                              block->number != NULL ? block->number : "", block->number != NULL ? " " : "", text);
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < report->blocks->len; i++)
    md_block (out, g_ptr_array_index (report->blocks, i));
  return g_string_free (out, FALSE);
}

/* HTML */

static const char stylesheet[] =
  "body { font-family: Cantarell, 'DejaVu Sans', Arial, sans-serif; font-size: 11pt; line-height: 1.45;"
  " color: #241f31; max-width: 48em; margin: 2em auto; padding: 0 1em; }\n"
  "h1, h2, h3, h4 { line-height: 1.2; }\n"
  "h2 { font-size: 1.7em; border-bottom: 1px solid #c0bfbc; padding-bottom: .2em; margin-top: 2em; }\n"
  "h3 { font-size: 1.3em; margin-top: 1.6em; }\n"
  "h4 { font-size: 1.05em; margin-top: 1.3em; }\n"
  ".number { color: #1a5fb4; }\n"
  ".cover { border-left: 6px solid #2e8b57; padding: 1em 1.5em; margin-bottom: 2em; }\n"
  ".cover .title { font-size: 2.2em; margin: .3em 0; }\n"
  ".cover p { margin: .2em 0; }\n"
  ".kind-line, .note, figcaption { color: #5e5c64; }\n"
  ".intro { font-size: 1.1em; }\n"
  ".note { font-size: .9em; }\n"
  "blockquote { border-left: 3px solid #c0bfbc; margin: .8em 0; padding: 0 1em; font-style: italic; }\n"
  "table { border-collapse: collapse; width: 100%; margin: .8em 0; font-size: .92em; }\n"
  "th, td { border-bottom: 1px solid #deddda; padding: .3em .5em; text-align: left; vertical-align: top; }\n"
  "th { background: #f6f5f4; }\n"
  "td.num, th.num { text-align: right; }\n"
  "tr.total td { font-weight: bold; }\n"
  "figure { margin: 1.2em 0; }\n"
  "figure svg { max-width: 100%; height: auto; }\n"
  /* For browsers only: word processors do not read this selector and show the image. */
  "figure > svg + img.v21-fallback { display: none; }\n"
  "figcaption { font-size: .9em; margin-top: .3em; }\n"
  "@media print {\n"
  "  @page { size: A4; margin: 2cm; }\n"
  "  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }\n"
  "  h2 { page-break-before: always; }\n"
  "  h2, h3, h4 { page-break-after: avoid; }\n"
  "  figure, tr, blockquote { page-break-inside: avoid; }\n"
  "  thead { display: table-header-group; }\n"
  "  nav.toc a { color: inherit; text-decoration: none; }\n"
  "}\n";

/* Escapes for HTML and XML alike (no &apos;, which older HTML readers
 * such as word processors do not know); a new line becomes <br />. */
static void
html_escape (GString    *out,
             const char *text,
             gssize      length)
{
  const char *end = text == NULL ? NULL : length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p != NULL && p < end; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      case '\n': g_string_append (out, "<br />"); break;
      case '\r': break;
      default:
        /* Control characters are not allowed in XML. */
        if ((guchar) *p >= 0x20 || *p == '\t')
          g_string_append_c (out, *p);
        break;
      }
}

/* A text the report isolated (v21_bidi_isolate()) goes in <bdi>. */
static void
html_text (GString    *out,
           const char *text)
{
  const char *inner;
  gsize length;

  if (!v21_bidi_is_isolated (text, &inner, &length))
    {
      html_escape (out, text, -1);
      return;
    }
  g_string_append (out, "<bdi>");
  html_escape (out, inner, length);
  g_string_append (out, "</bdi>");
}

static void
html_item (GString             *out,
           const V21ReportItem *item)
{
  if (item->lead != NULL)
    {
      g_string_append (out, "<strong>");
      html_text (out, item->lead);
      g_string_append (out, "</strong> ");
    }
  html_text (out, item->text);
  if (item->note != NULL)
    {
      g_string_append (out, item->text[0] != '\0' ? " <span class=\"note\">— " : "<span class=\"note\">");
      html_text (out, item->note);
      g_string_append (out, "</span>");
    }
}

static void
html_table (GString              *out,
            const V21ReportBlock *block)
{
  g_string_append (out, "<table>\n<thead><tr>");
  for (guint c = 0; c < block->n_columns; c++)
    {
      g_string_append_printf (out, "<th%s>", block->numeric & (1u << c) ? " class=\"num\"" : "");
      html_text (out, g_ptr_array_index (block->header, c));
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint r = 0; r < block->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (block->rows, r);

      g_string_append (out, block->total_row && r + 1 == block->rows->len ? "<tr class=\"total\">" : "<tr>");
      for (guint c = 0; c < row->len; c++)
        {
          g_string_append_printf (out, "<td%s>", block->numeric & (1u << c) ? " class=\"num\"" : "");
          html_item (out, g_ptr_array_index (row, c));
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

static void
html_block (GString              *out,
            const V21ReportBlock *block,
            V21ReportFigureFunc   figure_func,
            gpointer              user_data)
{
  static const char * const paragraph_classes[] = { "", " class=\"intro\"", " class=\"note\"", "" };

  switch (block->kind)
    {
    case V21_BLOCK_HEADING:
      g_string_append_printf (out, "<h%u id=\"%s\">", block->level + 1, block->anchor);
      if (block->number != NULL)
        g_string_append_printf (out, "<span class=\"number\">%s</span> ", block->number);
      html_text (out, block->text);
      g_string_append_printf (out, "</h%u>\n", block->level + 1);
      break;
    case V21_BLOCK_PARAGRAPH:
      if (block->style == V21_TEXT_QUOTE)
        g_string_append (out, "<blockquote>");
      g_string_append_printf (out, "<p%s>", paragraph_classes[block->style]);
      if (block->lead != NULL)
        {
          g_string_append (out, "<strong>");
          html_text (out, block->lead);
          g_string_append (out, block->text[0] != '\0' ? "</strong> " : "</strong>");
        }
      html_text (out, block->text);
      g_string_append (out, "</p>");
      if (block->style == V21_TEXT_QUOTE)
        g_string_append (out, "</blockquote>");
      g_string_append_c (out, '\n');
      break;
    case V21_BLOCK_LIST:
      g_string_append (out, "<ul>\n");
      for (guint i = 0; i < block->items->len; i++)
        {
          g_string_append (out, "<li>");
          html_item (out, g_ptr_array_index (block->items, i));
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul>\n");
      break;
    case V21_BLOCK_TABLE:
      html_table (out, block);
      break;
    case V21_BLOCK_FIGURE_DATA:
      /* Without the figure's drawing, its numbers. */
      if (figure_func == NULL)
        html_table (out, block);
      break;
    case V21_BLOCK_FIGURE:
      {
        g_autofree char *svg = figure_func != NULL ? figure_func (block, user_data) : NULL;

        g_string_append (out, "<figure>\n");
        if (svg != NULL)
          g_string_append (out, svg);
        g_string_append (out, "<figcaption>");
        html_text (out, block->text);
        g_string_append (out, "</figcaption>\n</figure>\n");
      }
      break;
    default:
      break;
    }
}

static void
html_cover_line (GString    *out,
                 const char *css_class,
                 const char *text)
{
  if (text == NULL)
    return;
  g_string_append_printf (out, "<p class=\"%s\">", css_class);
  html_text (out, text);
  g_string_append (out, "</p>\n");
}

/**
 * v21_report_to_html:
 *
 * Returns: (transfer full): a complete HTML document, well-formed as XML too
 */
char *
v21_report_to_html (V21Report           *report,
                    V21ReportFigureFunc  figure_func,
                    gpointer             user_data)
{
  GString *out = g_string_new (NULL);
  g_autofree char *contents = v21_typography_apply (_("Contents"));

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n"
                               "<meta charset=\"utf-8\" />\n<title>",
                          v21_typography_is_french () ? "fr" : "en");
  html_escape (out, report->title, -1);  /* <title> holds no element */
  g_string_append_printf (out, "</title>\n<meta name=\"generator\" content=\"Visions+21 %s\" />\n"
                               "<style>\n%s</style>\n</head>\n<body>\n", PACKAGE_VERSION, stylesheet);
  g_string_append (out, "<header class=\"cover\">\n");
  html_cover_line (out, "kind-line", report->kind_line);
  g_string_append (out, "<h1 class=\"title\">");
  html_text (out, report->title);
  g_string_append (out, "</h1>\n");
  html_cover_line (out, "territory", report->territory);
  html_cover_line (out, "dates", report->dates);
  html_cover_line (out, "horizon", report->horizon);
  html_cover_line (out, "venue", report->venue);
  html_cover_line (out, "credits", report->credits);
  if (report->anonymized)
    html_cover_line (out, "note", _("Anonymised version"));
  g_string_append (out, "</header>\n<nav class=\"toc\">\n<h2>");
  html_text (out, contents);
  g_string_append (out, "</h2>\n<ul>\n");
  for (guint i = 0; i < report->blocks->len; i++)
    {
      V21ReportBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind != V21_BLOCK_HEADING || block->level > 2)
        continue;
      g_string_append_printf (out, "<li%s><a href=\"#%s\">%s%s", block->level == 2 ? " style=\"margin-left:1.5em\"" : "",
                              block->anchor, block->number != NULL ? block->number : "", block->number != NULL ? " " : "");
      html_text (out, block->text);
      g_string_append (out, "</a></li>\n");
    }
  g_string_append (out, "</ul>\n</nav>\n<main>\n");
  for (guint i = 0; i < report->blocks->len; i++)
    html_block (out, g_ptr_array_index (report->blocks, i), figure_func, user_data);
  g_string_append (out, "</main>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
