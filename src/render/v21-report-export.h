/* v21-report-export.h — the written report into files: PDF, ODT, HTML, Markdown, CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "v21-report.h"
#include "v21-report-pages.h"

G_BEGIN_DECLS

typedef enum
{
  V21_REPORT_PDF,
  V21_REPORT_HTML,
  V21_REPORT_MARKDOWN,
  V21_REPORT_CSV,
  V21_REPORT_ODT,
} V21ReportFormat;

/* The width of the report's figures, in points (17 cm). */
#define V21_REPORT_FIGURE_WIDTH 483.0

/* "pdf", "html", "md" (or "markdown"), "csv", "odt". */
gboolean    v21_report_format_from_string (const char      *name,
                                           V21ReportFormat *format);
const char *v21_report_format_extension   (V21ReportFormat  format);

/* The second file of a CSV export: "cards.csv" → "cards-votes.csv". */
char       *v21_report_votes_path         (const char      *cards_path);

/* The figure as SVG markup to put inside an HTML page: no XML declaration,
 * ids prefixed with @prefix so that several figures live in one page; then
 * the same drawing as an <img> (a data: URI) for word processors, which skip
 * inline SVG — browsers hide it. */
char       *v21_report_figure_svg         (V21Workshop          *workshop,
                                           const V21ReportBlock *figure,
                                           const char           *prefix);

/* The figure as an SVG document @height points high (V21_REPORT_FIGURE_WIDTH wide). */
GByteArray *v21_report_figure_svg_bytes   (V21Workshop          *workshop,
                                           const V21ReportBlock *figure,
                                           double                height);

/* What a document's properties say of @report (PDF and ODT): who led the
 * seminar (the credits on one line, else the territory), the subject, and
 * keywords separated by ", ". */
char       *v21_report_meta_author        (V21Report       *report);
char       *v21_report_meta_subject       (V21Report       *report);
char       *v21_report_meta_keywords      (V21Report       *report);

/* All pages of @pages as a PDF document, written atomically at @path. */
gboolean    v21_report_pages_write_pdf    (V21ReportPages  *pages,
                                           const char      *path,
                                           GError         **error);

/* The report of @workshop in @format at @path (for CSV, the cards at @path
 * and the votes beside it, see v21_report_votes_path()). With @anonymize,
 * from v21_anonymize()'s copy of the workshop. Files are written atomically. */
gboolean    v21_report_export             (V21Workshop     *workshop,
                                           V21ReportFormat  format,
                                           const char      *path,
                                           gboolean         anonymize,
                                           GError         **error);

G_END_DECLS
