/* v21-report-choices.h — what the report holds, and what leaves the team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "v21-anonymize-summary.h"
#include "v21-report.h"
#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_REPORT_CHOICES (v21_report_choices_get_type ())
G_DECLARE_FINAL_TYPE (V21ReportChoices, v21_report_choices, V21, REPORT_CHOICES, GtkWidget)

/* A switch per section of the report, saved in @workshop (undoable), and the
 * list of what the anonymisation replaces, person by person. */
GtkWidget *v21_report_choices_new          (V21Workshop         *workshop);
/* Lists what the export about to be made replaces. */
void       v21_report_choices_show_summary (V21ReportChoices    *self,
                                            V21AnonymizeSummary *summary);

/* For the tests: the switch of @section, and what the rows of the list say
 * ("title — subtitle", one a row). */
GtkSwitch *v21_report_choices_get_switch   (V21ReportChoices    *self,
                                            V21ReportSections    section);
GStrv      v21_report_choices_get_lines    (V21ReportChoices    *self);

G_END_DECLS
