/* v21-window-private.h — what the tests look at inside V21Window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-window.h"

G_BEGIN_DECLS

AdwWindowTitle *_v21_window_get_title_widget (V21Window *self);
AdwStatusPage  *_v21_window_get_overview     (V21Window *self);
const char     *_v21_window_get_page         (V21Window *self);
/* The page of the registry named @name (v21-pages.c), built if it was not
 * yet (without showing it), or NULL. */
GtkWidget      *_v21_window_get_section      (V21Window  *self,
                                              const char *name);
/* The name of the page shown in the workshop (e.g. "votes"), or NULL. */
const char     *_v21_window_get_shown_section (V21Window *self);
/* Ctrl+Alt+1…9, 0, -, =: the page @name of the registry, built if need be. */
void            _v21_window_show_page         (V21Window  *self,
                                               const char *name);
/* Ctrl+L: the focus in the capture line of the page shown (the live page's,
 * else the bar at the foot of the window, shown if it was not). */
void            _v21_window_focus_capture     (V21Window *self);
GtkWidget      *_v21_window_get_capture_bar   (V21Window *self);
/* The header bar's undo button: its tooltip says what Ctrl+Z undoes. */
GtkWidget      *_v21_window_get_undo_button   (V21Window *self);
/* Whether the page @name has been built (pages are built when first shown). */
gboolean        _v21_window_is_section_built (V21Window  *self,
                                              const char *name);

/* Whether a file is being opened (in a worker thread). */
gboolean        _v21_window_is_loading       (V21Window  *self);

/* The banner that says the recovery file cannot be written. */
GtkRevealer    *_v21_window_get_autosave_banner (V21Window *self);

/* What the actions (v21-window-actions.c) call. */
void            _v21_window_actions_add      (V21Window  *self);
void            _v21_window_choose_file_to_open (V21Window *self);
void            _v21_window_open_demo        (V21Window  *self);
/* Saves, asking for a name when the workshop has none (or @choose): the
 * result is whether it was saved; a failure is shown in a dialog. */
void            _v21_window_save_async       (V21Window           *self,
                                              gboolean             choose,
                                              GAsyncReadyCallback  callback,
                                              gpointer             data);
gboolean        _v21_window_save_finish      (V21Window           *self,
                                              GAsyncResult        *result);
/* TRUE at once when nothing would be lost, else after the changes were saved
 * or discarded (the save-changes dialog); FALSE when cancelled. */
void            _v21_window_confirm_async    (V21Window           *self,
                                              GAsyncReadyCallback  callback,
                                              gpointer             data);
gboolean        _v21_window_confirm_finish   (V21Window           *self,
                                              GAsyncResult        *result);

G_END_DECLS
