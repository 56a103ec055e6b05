/* v21-window.h — the main window: welcome page, or one open workshop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-application.h"
#include "v21-document.h"
#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_WINDOW (v21_window_get_type ())
G_DECLARE_FINAL_TYPE (V21Window, v21_window, V21, WINDOW, AdwApplicationWindow)

V21Window   *v21_window_new              (V21Application *application);
V21Workshop *v21_window_get_workshop     (V21Window      *self);
V21Document *v21_window_get_document     (V21Window      *self);
gboolean     v21_window_has_file         (V21Window      *self,
                                          GFile          *file);

/* These ask what to do with unsaved changes first, and report any failure in a
 * dialog on the window. */
void         v21_window_open_file        (V21Window      *self,
                                          GFile          *file);
void         v21_window_new_workshop     (V21Window      *self);

/* Offers to restore, one by one, the workshops a previous run left in recovery
 * files. */
void         v21_window_offer_recovery   (V21Window      *self);

/* Writes the open workshop's recovery file now, if it has unsaved changes:
 * the program is about to stop (a signal, the end of the session). */
gboolean     v21_window_flush_autosave   (V21Window      *self,
                                          GError        **error);

G_END_DECLS
