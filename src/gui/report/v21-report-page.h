/* v21-report-page.h — "Report": the written report's preview and exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_REPORT_PAGE (v21_report_page_get_type ())
G_DECLARE_FINAL_TYPE (V21ReportPage, v21_report_page, V21, REPORT_PAGE, GtkWidget)

GtkWidget *v21_report_page_new (V21Workshop *workshop);

G_END_DECLS
