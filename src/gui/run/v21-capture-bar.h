/* v21-capture-bar.h — the capture line at the foot of the window, on the
 * pages that are not the live run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_CAPTURE_BAR (v21_capture_bar_get_type ())
G_DECLARE_FINAL_TYPE (V21CaptureBar, v21_capture_bar, V21, CAPTURE_BAR, GtkWidget)

GtkWidget  *v21_capture_bar_new          (V21Workshop   *workshop);
/* The kind and table a card gets when its line has no prefix: the live
 * page's (@table may be NULL). */
void        v21_capture_bar_set_context  (V21CaptureBar *self,
                                          const char    *kind,
                                          V21Record     *table);
/* Gives the line the focus, keeping what it holds. */
void        v21_capture_bar_focus        (V21CaptureBar *self);
GtkWidget  *v21_capture_bar_get_entry    (V21CaptureBar *self);
/* The error shown under the line, or NULL when there is none. */
const char *v21_capture_bar_get_error    (V21CaptureBar *self);

/* v21_capture_add_card() as one undo step that names the card
 * ("Add the card “…”"). */
V21Record  *v21_capture_labelled_add     (V21Workshop   *workshop,
                                          const char    *kind,
                                          const char    *text,
                                          V21Record     *table,
                                          V21Record     *sequence,
                                          GError       **error);

G_END_DECLS
