/* v21-pages.c — the pages of the sidebar, by section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-pages"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "v21-board-page.h"
#include "v21-checklist-page.h"
#include "v21-labels.h"
#include "v21-live-page.h"
#include "v21-material-page.h"
#include "v21-pages.h"
#include "v21-people-page.h"
#include "v21-projector-page.h"
#include "v21-report-page.h"
#include "v21-robustness-page.h"
#include "v21-run-sheet-page.h"
#include "v21-territory-page.h"
#include "v21-trajectory-page.h"
#include "v21-votes-page.h"

/* Each page adds its line here, in the order of the sidebar. */
static const V21PageInfo pages[] = {
  { "territory", N_("Prepare"), N_("Territory and Framing"), "mark-location-symbolic", v21_territory_page_new },
  { "people", N_("Prepare"), N_("Participants and Tables"), "system-users-symbolic", v21_people_page_new },
  { "run-sheet", N_("Prepare"), N_("Run Sheet"), "x-office-calendar-symbolic", v21_run_sheet_page_new },
  { "material", N_("Prepare"), N_("Material"), "emblem-documents-symbolic", v21_material_page_new },
  { "checklist", N_("Prepare"), N_("Checklist"), "checkbox-checked-symbolic", v21_checklist_page_new },
  { "live", N_("Run"), N_("Live run"), "media-playback-start-symbolic", v21_live_page_new },
  { "board", N_("Run"), N_("Board"), "view-grid-symbolic", v21_board_page_new },
  { "projector", N_("Run"), N_("Projector"), "video-display-symbolic", v21_projector_page_new },
  { "votes", N_("Results"), N_("Voting"), "emblem-ok-symbolic", v21_votes_page_new },
  { "robustness", N_("Results"), N_("Robustness test"), "security-medium-symbolic", v21_robustness_page_new },
  { "trajectories", N_("Results"), N_("Scenarios and trajectories"), "applications-graphics-symbolic", v21_trajectory_page_new },
  { "report", N_("Report"), N_("Written report"), "x-office-document-symbolic", v21_report_page_new },
  { NULL, NULL, NULL, NULL, NULL }
};

const V21PageInfo *
v21_pages (void)
{
  return pages;
}

int
v21_key_digit (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  guint shifted = 0;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    return (int) (keyval - GDK_KEY_0);
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    return (int) (keyval - GDK_KEY_KP_0);
  if (event != NULL
      && gdk_display_translate_key (gtk_widget_get_display (widget), keycode, GDK_SHIFT_MASK,
                                    gdk_key_event_get_layout (event), &shifted, NULL, NULL, NULL)
      && shifted >= GDK_KEY_0 && shifted <= GDK_KEY_9)
    return (int) (shifted - GDK_KEY_0);
  return -1;
}

void
v21_show_toast (GtkWidget  *widget,
                const char *text,
                const char *button,
                const char *action)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  /* The window itself holds its overlay as its content. */
  if (overlay == NULL && ADW_IS_APPLICATION_WINDOW (widget)
      && ADW_IS_TOAST_OVERLAY (adw_application_window_get_content (ADW_APPLICATION_WINDOW (widget))))
    overlay = adw_application_window_get_content (ADW_APPLICATION_WINDOW (widget));
  if (overlay == NULL)
    return;
  toast = adw_toast_new (text);
  /* A toast never waits behind another: the newest shows at once. (Dismissing
   * the one shown instead crashes libadwaita 1.2 in its hide animation.) */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (action != NULL)
    {
      adw_toast_set_button_label (toast, button);
      adw_toast_set_action_name (toast, action);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
v21_show_horizon (GtkWidget *row,
                  GtkWidget *warning,
                  int        start_year,
                  int        horizon_year)
{
  int years = horizon_year - start_year;
  g_autofree char *ahead = g_strdup_printf (ngettext ("%d year ahead", "%d years ahead", ABS (years)), years);
  g_autofree char *why = v21_horizon_warning (start_year, horizon_year);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ahead);
  gtk_widget_set_visible (warning, why != NULL);
  if (why != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (warning), why);
}
