/* v21-report-private.h — building a report: the blocks and the chapters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-report.h"
#include "v21-votes.h"

G_BEGIN_DECLS

/* A text field, "" when it is absent. */
static inline const char *
_v21_text (V21Record  *record,
           const char *field)
{
  const char *text = record != NULL ? v21_record_get_string (record, field) : NULL;

  return text != NULL ? text : "";
}

typedef struct
{
  V21Workshop *workshop;
  V21Report   *report;
  V21ReportSections sections;
  guint        chapter;
  guint        section;
  guint        anchors;
  guint        figures;
  gboolean     attendance;   /* someone signed in: who took part is who came */
} V21ReportBuilder;

/* Every text goes through the typography of the report's language. */
void            _v21_report_heading    (V21ReportBuilder *builder,
                                        guint             level,
                                        gboolean          numbered,
                                        const char       *text);
void            _v21_report_paragraph  (V21ReportBuilder *builder,
                                        V21TextStyle      style,
                                        const char       *lead,
                                        const char       *text);
/* One paragraph per line of @text (blank lines skipped). */
void            _v21_report_paragraphs (V21ReportBuilder *builder,
                                        V21TextStyle      style,
                                        const char       *text);
V21ReportBlock *_v21_report_list       (V21ReportBuilder *builder);
void            _v21_report_list_add   (V21ReportBlock   *list,
                                        const char       *lead,
                                        const char       *text,
                                        const char       *note);
/* @headers and @widths have @n_columns entries. */
V21ReportBlock *_v21_report_table      (V21ReportBuilder *builder,
                                        guint             n_columns,
                                        const char      **headers,
                                        const double     *widths,
                                        guint             numeric);
/* The numbers of the figure just before: a table only Markdown writes. */
V21ReportBlock *_v21_report_figure_data (V21ReportBuilder *builder,
                                         guint             n_columns,
                                         const char      **headers,
                                         const double     *widths,
                                         guint             numeric);
/* A row of @table->n_columns cells; returns it to add cells with _v21_report_cell. */
GPtrArray      *_v21_report_row        (V21ReportBlock   *table);
void            _v21_report_cell       (GPtrArray        *row,
                                        const char       *text,
                                        const char       *note);
void            _v21_report_figure     (V21ReportBuilder *builder,
                                        V21FigureKind     kind,
                                        const char       *target,
                                        const char       *caption,
                                        double            aspect);

void            _v21_report_item_free  (V21ReportItem    *item);

/* Formatting for the report's language. */
char           *_v21_report_time       (int               hour,
                                        int               minute);
char           *_v21_report_duration   (gint64            minutes);
char           *_v21_report_day        (const char       *date);
char           *_v21_report_number     (gint64            value);

/* The results of the first round on cards or clusters of @kind that has
 * votes, or NULL (v21-report-content.c). */
V21VoteResults *_v21_report_first_results (V21Workshop   *workshop,
                                           const char    *kind);

/* An empty report, @title and @kind_line typeset: for documents other than
 * one workshop's report (the capitalisation). */
V21Report      *_v21_report_alloc      (const char       *title,
                                        const char       *kind_line);

/* The chapters (v21-report-content.c). */
void            _v21_report_build      (V21ReportBuilder *builder);

G_END_DECLS
