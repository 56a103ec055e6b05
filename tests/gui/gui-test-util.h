/* gui-test-util.h — what the GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "v21-application.h"
#include "v21-window.h"
#include "v21-workshop.h"

G_BEGIN_DECLS

typedef enum
{
  GUI_TEST_NEEDS_DISPLAY,
  /* An X11 display with XTEST, for gui_test_send_keysym(). */
  GUI_TEST_NEEDS_XTEST,
} GuiTestNeeds;

/* The start of a GUI test's main(), after the g_setenv() of its own: a
 * temporary folder as XDG_STATE_HOME (recovery files and locks stay out of the
 * user's), g_test_init(), gtk_init_check() and the application, registered
 * (so that windows can be added) but not run: the tests drive the main loop
 * themselves. Without what @needs, it adds the test /gui/@name/no-display,
 * which skips, and returns FALSE: main() then returns gui_test_run(). */
gboolean        gui_test_init            (int          *argc,
                                          char       ***argv,
                                          const char   *name,
                                          GuiTestNeeds  needs);
/* Runs the tests, drops the application and deletes the temporary folder. */
int             gui_test_run             (void);
/* The application of gui_test_init(). */
V21Application *gui_test_get_application (void);
/* The temporary folder of gui_test_init(), where the test may write. */
const char     *gui_test_get_tmp_dir     (void);

/* The demo workshop, loaded from the source tree (the test fails if it does not load). */
V21Workshop *gui_test_load_demo   (void);
/* The demo workshop copied into the temporary folder, where the test may lock
 * and save it; NULL if the source tree has no demo. */
GFile     *gui_test_copy_demo     (void);
/* @page in a window of @width × @height, under a toast overlay, presented. */
GtkWindow *gui_test_present_page  (GtkWidget  *page,
                                   int         width,
                                   int         height);
/* Destroys @window; the test fails if that does not finalize it. */
void       gui_test_destroy_window (GtkWindow *window);

/* Lets GTK map, lay out and draw for @ms milliseconds. */
void       gui_test_spin          (guint       ms);
/* Iterates the main loop until @condition (@data) holds, at most 20 s:
 * FALSE when it never did. */
typedef gboolean (*GuiTestCondition) (gpointer data);
gboolean   gui_test_wait_for      (GuiTestCondition condition,
                                   gpointer         data);
/* Points @chooser at @folder/@name as a user would, and waits (at most 20 s)
 * until the chooser would answer that file: its folder is set
 * asynchronously, so accepting at once may give another folder. */
void       gui_test_choose_file   (GtkFileChooser *chooser,
                                   GFile          *folder,
                                   const char     *name);
/* v21_window_open_file(), then waits until the file is opened (or refused). */
void       gui_test_open_file     (V21Window  *window,
                                   GFile      *file);
/* The visible toplevel window of @type, or NULL. */
GtkWindow *gui_test_find_toplevel (GType       type);
/* The first widget of @type under @widget, depth first; with @label, the
 * first button with that label. */
GtkWidget *gui_test_find_widget   (GtkWidget  *widget,
                                   GType       type,
                                   const char *label);
/* The widget under @root whose tooltip is @text, or with @label, the label
 * showing @text; NULL if none. */
GtkWidget *gui_test_find_by_text  (GtkWidget  *root,
                                   const char *text,
                                   gboolean    label);
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
