/* v21-projector-window.h — what the room sees, full screen on the projector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "v21-session.h"

G_BEGIN_DECLS

#define V21_TYPE_PROJECTOR_WINDOW (v21_projector_window_get_type ())
G_DECLARE_FINAL_TYPE (V21ProjectorWindow, v21_projector_window, V21, PROJECTOR_WINDOW, GtkWindow)

/* A window with no decoration, no pointer and nothing to click, drawing
 * @session's scene. Full screen on the monitor chosen in the settings
 * ("projector-monitor"), else on a monitor other than the first one; with a
 * single monitor, an ordinary window to rehearse with. */
/* The projector window of @session; keys pressed in it go to @owner (nullable). */
GtkWindow  *v21_projector_window_new         (V21Session *session,
                                              GtkWindow  *owner);
/* Shows it, and gives the focus back to its owner unless on the same monitor. */
void        v21_projector_window_show        (GtkWindow  *window);

/* The monitor the projector should use: the one named @connector when it is
 * plugged in, else the last one when there are several, else NULL. */
GdkMonitor *v21_projector_choose_monitor     (GdkDisplay *display,
                                              const char *connector);
/* "HDMI-1 — Epson 1920 × 1080" (newly allocated). */
char       *v21_projector_describe_monitor   (GdkMonitor *monitor);

G_END_DECLS
