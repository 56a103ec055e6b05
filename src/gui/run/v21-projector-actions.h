/* v21-projector-actions.h — the window actions that drive the projector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-window.h"

G_BEGIN_DECLS

/* Adds win.project, win.black, win.freeze, win.next-sequence,
 * win.previous-sequence, win.reveal-votes, win.toggle-timer, win.scene (a
 * scene name), win.board-page-next and win.board-page-previous to @window;
 * they act on the session of its workshop. */
void v21_projector_actions_add (V21Window *window);

G_END_DECLS
