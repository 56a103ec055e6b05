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
/* Whether the page @name has been built (pages are built when first shown). */
gboolean        _v21_window_is_section_built (V21Window  *self,
                                              const char *name);

G_END_DECLS
