/* v21-report-pages.h — the written report laid out on A4 pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "v21-report.h"
#include "v21-render-style.h"

G_BEGIN_DECLS

/* A4 in points. */
#define V21_PAGE_WIDTH 595.276
#define V21_PAGE_HEIGHT 841.89

/* In a PDF, each heading is a destination named after its anchor ("s2-1"),
 * the contents' title this one; each entry of the contents links to its
 * heading. */
#define V21_REPORT_CONTENTS_ANCHOR "contents"

typedef struct _V21ReportPages V21ReportPages;

/* Lays @report out: a cover, the table of contents with page numbers, then
 * the chapters (each on a new page, unless the page before is less than a
 * third full), with running headers and page numbers.
 * A heading always stays with the first lines of what follows it; a
 * paragraph never leaves one line alone at the foot or the head of a page;
 * a table split across pages repeats its header. Takes @report; figures are
 * drawn from @workshop. */
V21ReportPages *v21_report_pages_new        (V21Report      *report,
                                             V21Workshop    *workshop);
void            v21_report_pages_free       (V21ReportPages *pages);
guint           v21_report_pages_get_n_pages (V21ReportPages *pages);
V21Report      *v21_report_pages_get_report (V21ReportPages *pages);
/* The page (from 0) where the block @block_index of the report starts, or -1. */
int             v21_report_pages_find_block (V21ReportPages *pages,
                                             guint           block_index);
/* How much of page @page (from 0) its boxes take, from 0 to 1 (the
 * contents and the chapters; the cover is 0). */
double          v21_report_pages_get_fill   (V21ReportPages *pages,
                                             guint           page);
/* The page (from 0) where part @part (from 0) of the block @block_index
 * starts: an item of a list, a row of a table (the header not counted), or -1. */
int             v21_report_pages_find_part  (V21ReportPages *pages,
                                             guint           block_index,
                                             guint           part);
/* Draws page @page (from 0) in points, from (0, 0) to the A4 size. */
void            v21_report_pages_draw       (V21ReportPages *pages,
                                             guint           page,
                                             cairo_t        *cr);

/* Draws a figure block of the report at @width × @height. */
void            v21_report_draw_figure      (V21Workshop          *workshop,
                                             const V21ReportBlock *figure,
                                             cairo_t              *cr,
                                             double                width,
                                             double                height,
                                             const V21RenderStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (V21ReportPages, v21_report_pages_free)

G_END_DECLS
