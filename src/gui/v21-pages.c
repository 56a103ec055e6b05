/* v21-pages.c — the pages of the sidebar, by section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-pages"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "v21-board-page.h"
#include "v21-live-page.h"
#include "v21-pages.h"
#include "v21-robustness-page.h"
#include "v21-votes-page.h"

/* Each page adds its line here, in the order of the sidebar. */
static const V21PageInfo pages[] = {
  { "live", N_("Run"), N_("Live run"), "media-playback-start-symbolic", v21_live_page_new },
  { "board", N_("Run"), N_("Board"), "view-grid-symbolic", v21_board_page_new },
  { "votes", N_("Results"), N_("Votes"), "emblem-ok-symbolic", v21_votes_page_new },
  { "robustness", N_("Results"), N_("Robustness test"), "security-medium-symbolic", v21_robustness_page_new },
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
