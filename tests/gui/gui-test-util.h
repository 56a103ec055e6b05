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

/* Key presses through the X server (XTEST, loaded at run time), so they take
 * the path of real ones: accelerators, key controllers, input methods.
 * FALSE when XTEST is missing. */
gboolean   gui_test_xtest_init    (void);
/* @keysym with @state (X modifier masks) sent to the window of @widget. */
void       gui_test_send_keysym   (GtkWidget    *widget,
                                   unsigned long keysym,
                                   unsigned int  state);
/* Printable ASCII characters, one key press each. */
void       gui_test_type_text     (GtkWidget  *widget,
                                   const char *text);

G_END_DECLS
