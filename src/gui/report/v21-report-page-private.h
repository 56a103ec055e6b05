/* v21-report-page-private.h — what the tests look at inside the report page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-report.h"
#include "v21-report-page.h"

G_BEGIN_DECLS

/* Builds the preview now if it waits for the workshop to settle; returns its pages. */
guint                 _v21_report_page_get_n_pages (V21ReportPage *self);
GtkSwitch            *_v21_report_page_get_anonymize_switch (V21ReportPage *self);
/* The switch that puts @section in the report or leaves it out. */
GtkSwitch            *_v21_report_page_get_section_switch (V21ReportPage     *self,
                                                           V21ReportSections  section);
/* What the list of what anonymisation replaces says, one "title — subtitle" a row. */
GStrv                 _v21_report_page_get_replaced_lines (V21ReportPage *self);
/* The file chooser of an export or an import in progress, or NULL. */
GtkFileChooserNative *_v21_report_page_get_chooser (V21ReportPage *self);
/* Whether an export is being written (in a thread). */
gboolean              _v21_report_page_is_exporting (V21ReportPage *self);
/* What the import chooser does with the files it gives. */
void                  _v21_report_page_import_files (V21ReportPage *self,
                                                     GListModel    *files);
/* The dialog that sums up the last import, or NULL. */
AdwMessageDialog     *_v21_report_page_get_dialog (V21ReportPage *self);

G_END_DECLS
