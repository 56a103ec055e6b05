/* v21-report-odt-styles.c — styles.xml of the report's OpenDocument text
 *
 * Named styles a Writer user recognises and can change in one place
 * (Text body, Heading 1–3, Contents 1–2, Table Contents, Caption…), the
 * page (A4, 2 cm margins as the PDF), the running header and the footer
 * with the page number, and the document's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include "v21-report-odt-private.h"

#define P(name, display, parent, props) \
  "<style:style style:name=\"" name "\" style:display-name=\"" display "\" style:family=\"paragraph\"" \
  " style:parent-style-name=\"" parent "\">" props "</style:style>\n"
#define HEADING(level, size, space, extra) \
  "<style:style style:name=\"Heading_20_" #level "\" style:display-name=\"Heading " #level "\"" \
  " style:family=\"paragraph\" style:parent-style-name=\"Heading\" style:next-style-name=\"Text_20_body\"" \
  " style:default-outline-level=\"" #level "\" style:class=\"text\">" \
  "<style:paragraph-properties fo:margin-top=\"" space "\" fo:margin-bottom=\"0.2cm\"" extra "/>" \
  "<style:text-properties fo:font-size=\"" size "\" fo:font-weight=\"bold\"/></style:style>\n"
#define T(name, display, props) \
  "<style:style style:name=\"" name "\" style:display-name=\"" display "\" style:family=\"text\">" \
  "<style:text-properties " props "/></style:style>\n"

static const char fonts[] =
  "<office:font-face-decls>\n"
  "<style:font-face style:name=\"Cantarell\" svg:font-family=\"Cantarell\" style:font-family-generic=\"swiss\""
  " style:font-pitch=\"variable\"/>\n"
  "</office:font-face-decls>\n";

static const char paragraph_styles[] =
  "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>\n"
  P ("Text_20_body", "Text body", "Standard",
     "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.22cm\" fo:line-height=\"122%\""
     " fo:orphans=\"2\" fo:widows=\"2\"/>"
     "<style:text-properties fo:hyphenate=\"true\" fo:hyphenation-remain-char-count=\"3\""
     " fo:hyphenation-push-char-count=\"3\"/>")
  P ("Intro", "Intro", "Text_20_body", "<style:text-properties fo:font-size=\"11.5pt\"/>")
  P ("Note", "Note", "Text_20_body",
     "<style:paragraph-properties fo:margin-top=\"0.1cm\"/>"
     "<style:text-properties fo:font-size=\"8.5pt\" fo:color=\"#5e5c64\"/>")
  P ("Lead", "Lead", "Text_20_body",
     "<style:paragraph-properties fo:margin-top=\"0.25cm\" fo:margin-bottom=\"0.1cm\" fo:keep-with-next=\"always\"/>")
  P ("Quotations", "Quotations", "Text_20_body",
     "<style:paragraph-properties fo:margin-left=\"0.6cm\" fo:padding-left=\"0.25cm\""
     " fo:border-left=\"1.5pt solid #2e8b57\" fo:border-right=\"none\" fo:border-top=\"none\" fo:border-bottom=\"none\"/>"
     "<style:text-properties fo:font-style=\"italic\"/>")
  P ("List_20_Bullet", "List Bullet", "Text_20_body",
     "<style:paragraph-properties fo:margin-bottom=\"0.08cm\"/>")
  "<style:style style:name=\"Heading\" style:family=\"paragraph\" style:parent-style-name=\"Standard\""
  " style:next-style-name=\"Text_20_body\" style:class=\"text\">"
  "<style:paragraph-properties fo:keep-with-next=\"always\" fo:line-height=\"110%\"/>"
  "<style:text-properties fo:color=\"#241f31\" fo:font-weight=\"bold\" fo:hyphenate=\"false\"/></style:style>\n"
  HEADING (1, "20pt", "0cm", " fo:break-before=\"page\" fo:padding-bottom=\"0.2cm\" fo:border-bottom=\"2pt solid #2e8b57\""
                              " fo:border-top=\"none\" fo:border-left=\"none\" fo:border-right=\"none\"")
  HEADING (2, "13.5pt", "0.6cm", "")
  HEADING (3, "11pt", "0.42cm", "")
  P ("Title", "Title", "Heading",
     "<style:paragraph-properties fo:margin-top=\"0.6cm\" fo:margin-bottom=\"0.5cm\" fo:padding-left=\"0.3cm\""
     " fo:border-left=\"4pt solid #2e8b57\" fo:border-right=\"none\" fo:border-top=\"none\" fo:border-bottom=\"none\"/>"
     "<style:text-properties fo:font-size=\"26pt\"/>")
  P ("Subtitle", "Subtitle", "Standard",
     "<style:paragraph-properties fo:margin-bottom=\"0.5cm\"/><style:text-properties fo:font-size=\"15pt\"/>")
  /* The first paragraph takes the cover's page style (no header). */
  "<style:style style:name=\"Cover_20_Kind\" style:display-name=\"Cover Kind\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:master-page-name=\"First_20_Page\">"
  "<style:paragraph-properties fo:margin-top=\"3cm\"/>"
  "<style:text-properties fo:font-size=\"11pt\" fo:color=\"#5e5c64\"/></style:style>\n"
  P ("Cover_20_Line", "Cover Line", "Standard", "<style:text-properties fo:font-size=\"12pt\"/>")
  P ("Cover_20_Muted", "Cover Muted", "Standard",
     "<style:paragraph-properties fo:margin-top=\"0.15cm\" fo:margin-bottom=\"0.3cm\"/>"
     "<style:text-properties fo:font-size=\"10pt\" fo:color=\"#5e5c64\"/>")
  P ("Cover_20_Horizon", "Cover Horizon", "Standard",
     "<style:paragraph-properties fo:margin-top=\"0.3cm\" fo:margin-bottom=\"0.6cm\"/>"
     "<style:text-properties fo:font-size=\"20pt\" fo:font-weight=\"bold\" fo:color=\"#2e8b57\"/>")
  P ("Cover_20_Warning", "Cover Warning", "Standard",
     "<style:text-properties fo:font-size=\"9.5pt\" fo:font-weight=\"bold\" fo:color=\"#c01c28\"/>")
  P ("Contents_20_Heading", "Contents Heading", "Heading",
     "<style:paragraph-properties fo:break-before=\"page\" fo:margin-bottom=\"0.5cm\"/>"
     "<style:text-properties fo:font-size=\"20pt\"/>")
  P ("Contents_20_1", "Contents 1", "Standard",
     "<style:paragraph-properties fo:margin-top=\"0.3cm\"><style:tab-stops><style:tab-stop style:position=\"17cm\""
     " style:type=\"right\" style:leader-style=\"dotted\" style:leader-text=\".\"/></style:tab-stops>"
     "</style:paragraph-properties><style:text-properties fo:font-size=\"10.5pt\" fo:font-weight=\"bold\"/>")
  P ("Contents_20_2", "Contents 2", "Standard",
     "<style:paragraph-properties fo:margin-left=\"0.75cm\" fo:margin-top=\"0.08cm\"><style:tab-stops>"
     "<style:tab-stop style:position=\"16.25cm\" style:type=\"right\" style:leader-style=\"dotted\""
     " style:leader-text=\".\"/></style:tab-stops></style:paragraph-properties>"
     "<style:text-properties fo:font-size=\"9.5pt\"/>")
  P ("Table_20_Contents", "Table Contents", "Standard",
     "<style:paragraph-properties fo:line-height=\"110%\"/><style:text-properties fo:font-size=\"8.5pt\"/>")
  P ("Table_20_Contents_20_Number", "Table Contents Number", "Table_20_Contents",
     "<style:paragraph-properties fo:text-align=\"end\"/>")
  P ("Table_20_Heading", "Table Heading", "Table_20_Contents",
     "<style:text-properties fo:font-weight=\"bold\"/>")
  P ("Table_20_Heading_20_Number", "Table Heading Number", "Table_20_Heading",
     "<style:paragraph-properties fo:text-align=\"end\"/>")
  P ("Figure_20_Frame", "Figure Frame", "Standard",
     "<style:paragraph-properties fo:margin-top=\"0.35cm\" fo:margin-bottom=\"0.1cm\" fo:text-align=\"center\""
     " fo:keep-with-next=\"always\"/>")
  P ("Caption", "Caption", "Standard",
     "<style:paragraph-properties fo:margin-bottom=\"0.35cm\"/>"
     "<style:text-properties fo:font-size=\"8.5pt\" fo:font-style=\"italic\" fo:color=\"#5e5c64\"/>")
  P ("Figure", "Figure", "Caption", "")
  P ("Header", "Header", "Standard",
     "<style:paragraph-properties fo:padding-bottom=\"0.1cm\" fo:border-bottom=\"0.4pt solid #e8e6e3\""
     " fo:border-top=\"none\" fo:border-left=\"none\" fo:border-right=\"none\"><style:tab-stops>"
     "<style:tab-stop style:position=\"17cm\" style:type=\"right\"/></style:tab-stops></style:paragraph-properties>"
     "<style:text-properties fo:font-size=\"7.5pt\" fo:color=\"#5e5c64\"/>")
  P ("Footer", "Footer", "Standard",
     "<style:paragraph-properties fo:text-align=\"center\"/>"
     "<style:text-properties fo:font-size=\"8pt\" fo:color=\"#5e5c64\"/>");

static const char other_styles[] =
  T ("Strong_20_Emphasis", "Strong Emphasis", "fo:font-weight=\"bold\"")
  T ("Muted", "Muted", "fo:color=\"#5e5c64\" fo:font-size=\"88%\"")
  T ("Heading_20_Number", "Heading Number", "fo:color=\"#1a5fb4\"")
  T ("Index_20_Link", "Index Link", "style:text-underline-style=\"none\" fo:color=\"#241f31\"")
  "<style:style style:name=\"Figure\" style:family=\"graphic\"><style:graphic-properties style:vertical-pos=\"top\""
  " style:vertical-rel=\"baseline\" fo:border=\"none\" fo:padding=\"0cm\"/></style:style>\n"
  /* The headings carry their numbers ("2.1") in their text: no numbering. */
  "<text:outline-style style:name=\"Outline\">"
  "<text:outline-level-style text:level=\"1\" style:num-format=\"\"/>"
  "<text:outline-level-style text:level=\"2\" style:num-format=\"\"/>"
  "<text:outline-level-style text:level=\"3\" style:num-format=\"\"/>"
  "</text:outline-style>\n"
  "<text:list-style style:name=\"Bullets\">"
  "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"•\">"
  "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
  "<style:list-level-label-alignment text:label-followed-by=\"listtab\" text:list-tab-stop-position=\"0.5cm\""
  " fo:text-indent=\"-0.4cm\" fo:margin-left=\"0.5cm\"/></style:list-level-properties>"
  "<style:text-properties fo:color=\"#1a5fb4\"/>"
  "</text:list-level-style-bullet></text:list-style>\n";

static const char page_layouts[] =
  "<office:automatic-styles>\n"
  "<style:page-layout style:name=\"Page\"><style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\""
  " style:print-orientation=\"portrait\" fo:margin-top=\"1.2cm\" fo:margin-bottom=\"1.2cm\" fo:margin-left=\"2cm\""
  " fo:margin-right=\"2cm\" style:writing-mode=\"lr-tb\"/>"
  "<style:header-style><style:header-footer-properties fo:min-height=\"0.5cm\" fo:margin-bottom=\"0.6cm\"/>"
  "</style:header-style>"
  "<style:footer-style><style:header-footer-properties fo:min-height=\"0.5cm\" fo:margin-top=\"0.6cm\"/>"
  "</style:footer-style></style:page-layout>\n"
  "<style:page-layout style:name=\"Cover\"><style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\""
  " style:print-orientation=\"portrait\" fo:margin-top=\"2cm\" fo:margin-bottom=\"2cm\" fo:margin-left=\"2cm\""
  " fo:margin-right=\"2cm\" style:writing-mode=\"lr-tb\"/></style:page-layout>\n"
  "</office:automatic-styles>\n";

static void
default_style (GString  *xml,
               gboolean  french)
{
  g_string_append_printf (xml, "<style:default-style style:family=\"paragraph\">"
                               "<style:paragraph-properties style:tab-stop-distance=\"1.25cm\" style:writing-mode=\"page\"/>"
                               "<style:text-properties style:font-name=\"Cantarell\" fo:font-size=\"10pt\""
                               " fo:language=\"%s\" fo:country=\"%s\" fo:color=\"#241f31\"/></style:default-style>\n",
                          french ? "fr" : "en", french ? "FR" : "GB");
}

static void
master_pages (GString    *xml,
              const char *running_title)
{
  g_string_append (xml, "<office:master-styles>\n"
                        "<style:master-page style:name=\"Standard\" style:page-layout-name=\"Page\">"
                        "<style:header><text:p text:style-name=\"Header\">");
  v21_odt_append_text (xml, running_title);
  /* The current chapter: the last Heading 1 on or before the page. */
  g_string_append (xml, "<text:tab/><text:chapter text:display=\"name\" text:outline-level=\"1\"/></text:p></style:header>"
                        "<style:footer><text:p text:style-name=\"Footer\"><text:page-number text:select-page=\"current\">"
                        "1</text:page-number> / <text:page-count>1</text:page-count></text:p></style:footer>"
                        "</style:master-page>\n"
                        "<style:master-page style:name=\"First_20_Page\" style:display-name=\"First Page\""
                        " style:page-layout-name=\"Cover\" style:next-style-name=\"Standard\"/>\n"
                        "</office:master-styles>\n");
}

GString *
_v21_report_odt_styles (V21Report *report,
                        gboolean   french)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles" V21_ODT_NAMESPACES
                               " office:version=\"1.3\">\n");

  g_string_append (xml, fonts);
  g_string_append (xml, "<office:styles>\n");
  default_style (xml, french);
  g_string_append (xml, paragraph_styles);
  g_string_append (xml, other_styles);
  g_string_append (xml, "</office:styles>\n");
  g_string_append (xml, page_layouts);
  master_pages (xml, report->running_title);
  g_string_append (xml, "</office:document-styles>\n");
  return xml;
}
