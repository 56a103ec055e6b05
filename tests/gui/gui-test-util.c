/* gui-test-util.c — what the GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <dlfcn.h>
#include <gdk/x11/gdkx.h>
#include <X11/Xlib.h>
#include <X11/XKBlib.h>
#include <X11/keysym.h>

#include "gui-test-util.h"

void
gui_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (G_TIME_SPAN_MILLISECOND);
    }
}

GtkWindow *
gui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

GtkWidget *
gui_test_find_widget (GtkWidget  *widget,
                      GType       type,
                      const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
      && (label == NULL || (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_widget (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
gui_test_remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        gui_test_remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

/* XTEST, loaded at run time: its development files are not needed to build. */
typedef int (*FakeKeyEvent) (Display *, unsigned int, Bool, unsigned long);
static FakeKeyEvent fake_key_event;

gboolean
gui_test_xtest_init (void)
{
  fake_key_event = (FakeKeyEvent) dlsym (dlopen ("libXtst.so.6", RTLD_NOW), "XTestFakeKeyEvent");
  return fake_key_event != NULL;
}

static void
press (Display *display,
       KeySym   keysym,
       gboolean down)
{
  fake_key_event (display, XKeysymToKeycode (display, keysym), down, CurrentTime);
}

void
gui_test_send_keysym (GtkWidget    *widget,
                      unsigned long keysym,
                      unsigned int  state)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));
  Display *display = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  KeyCode keycode = XKeysymToKeycode (display, keysym);

  g_assert_cmpuint (keycode, !=, 0);
  /* A character on the shifted level of its key needs Shift. */
  if (XkbKeycodeToKeysym (display, keycode, 0, 0) != keysym
      && XkbKeycodeToKeysym (display, keycode, 0, 1) == keysym)
    state |= ShiftMask;
  XSetInputFocus (display, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  if (state & ControlMask)
    press (display, XK_Control_L, TRUE);
  if (state & Mod1Mask)
    press (display, XK_Alt_L, TRUE);
  if (state & ShiftMask)
    press (display, XK_Shift_L, TRUE);
  fake_key_event (display, keycode, True, CurrentTime);
  fake_key_event (display, keycode, False, CurrentTime);
  if (state & ShiftMask)
    press (display, XK_Shift_L, FALSE);
  if (state & Mod1Mask)
    press (display, XK_Alt_L, FALSE);
  if (state & ControlMask)
    press (display, XK_Control_L, FALSE);
  XSync (display, False);
  /* Until the events and what they started (idles) are done. */
  gui_test_spin (15);
  for (guint i = 0; i < 10 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Printable ASCII characters are their own keysyms. */
void
gui_test_type_text (GtkWidget  *widget,
                    const char *text)
{
  for (const char *p = text; *p; p++)
    gui_test_send_keysym (widget, (KeySym) *p, 0);
}
