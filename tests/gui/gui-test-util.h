/* gui-test-util.h — what the GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Lets GTK map, lay out and draw for @ms milliseconds. */
void       gui_test_spin          (guint       ms);
/* The visible toplevel window of @type, or NULL. */
GtkWindow *gui_test_find_toplevel (GType       type);
/* The first widget of @type under @widget, depth first; with @label, the
 * first button with that label. */
GtkWidget *gui_test_find_widget   (GtkWidget  *widget,
                                   GType       type,
                                   const char *label);
/* Deletes a folder and all it holds. */
void       gui_test_remove_tree   (GFile      *file);

G_END_DECLS
