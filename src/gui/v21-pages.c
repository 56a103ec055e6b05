/* v21-pages.c — the pages of the sidebar, by section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-pages"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "v21-pages.h"
#include "v21-report-page.h"
#include "v21-trajectory-page.h"

/* Each page adds its line here, in the order of the sidebar. */
static const V21PageInfo pages[] = {
  { "trajectories", N_("Results"), N_("Scenarios and trajectories"), "applications-graphics-symbolic", v21_trajectory_page_new },
  { "report", N_("Report"), N_("Written report"), "x-office-document-symbolic", v21_report_page_new },
  { NULL, NULL, NULL, NULL, NULL }
};

const V21PageInfo *
v21_pages (void)
{
  return pages;
}

void
v21_show_toast (GtkWidget  *widget,
                const char *text,
                const char *button,
                const char *action)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (text);
  if (action != NULL)
    {
      adw_toast_set_button_label (toast, button);
      adw_toast_set_action_name (toast, action);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}
