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
#include <adwaita.h>

#include "gui-test-util.h"
#include "v21-window-private.h"

static V21Application *app;
static char *tmp_dir;

static void
test_no_display (void)
{
  g_test_skip ("no display (run under xvfb-run)");
}

static gboolean
has_display (GuiTestNeeds needs)
{
  if (!gtk_init_check ())
    return FALSE;
  if (needs == GUI_TEST_NEEDS_XTEST)
    return GDK_IS_X11_DISPLAY (gdk_display_get_default ()) && gui_test_xtest_init ();
  return TRUE;
}

gboolean
gui_test_init (int          *argc,
               char       ***argv,
               const char   *name,
               GuiTestNeeds  needs)
{
  g_autofree char *template = g_strdup_printf ("visions21-%s-XXXXXX", name);
  g_autoptr(GError) error = NULL;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it would also hide XDG_DATA_DIRS, and with
   * it the icon themes and the MIME database GTK needs. */
  tmp_dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", tmp_dir, TRUE);
  g_test_init (argc, argv, NULL);

  if (!has_display (needs))
    {
      g_autofree char *path = g_strdup_printf ("/gui/%s/no-display", name);

      g_test_add_func (path, test_no_display);
      return FALSE;
    }

  /* Non-unique, so no other instance is called. */
  app = v21_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return TRUE;
}

int
gui_test_run (void)
{
  g_autoptr(GFile) tmp = NULL;
  int status = g_test_run ();

  g_clear_object (&app);
  tmp = g_file_new_for_path (tmp_dir);
  gui_test_remove_tree (tmp);
  g_clear_pointer (&tmp_dir, g_free);
  return status;
}

V21Application *
gui_test_get_application (void)
{
  return app;
}

const char *
gui_test_get_tmp_dir (void)
{
  return tmp_dir;
}

static char *
demo_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "..", "data", "examples", "demo.visions21", NULL);
}

V21Workshop *
gui_test_load_demo (void)
{
  g_autofree char *path = demo_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  V21Workshop *workshop = v21_workshop_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return workshop;
}

GFile *
gui_test_copy_demo (void)
{
  g_autofree char *source = demo_path ();
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
    return NULL;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  target = g_build_filename (tmp_dir, "demo.visions21", NULL);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (target);
}

GtkWindow *
gui_test_present_page (GtkWidget *page,
                       int        width,
                       int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *overlay = adw_toast_overlay_new ();

  gtk_window_set_default_size (window, width, height);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (window, overlay);
  gtk_window_present (window);
  return window;
}

void
gui_test_destroy_window (GtkWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  gui_test_spin (100);
  g_assert_null (window);
}

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

gboolean
gui_test_wait_for (GuiTestCondition condition,
                   gpointer         data)
{
  /* Bounded: a condition never met fails the test rather than hanging it. */
  gint64 end = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (G_TIME_SPAN_MILLISECOND);
    }
  return TRUE;
}

typedef struct
{
  GtkFileChooser *chooser;
  GFile          *wanted;
} ChosenFile;

static gboolean
chooser_gives (gpointer data)
{
  ChosenFile *chosen = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chosen->chooser);

  return file != NULL && g_file_equal (file, chosen->wanted);
}

void
gui_test_choose_file (GtkFileChooser *chooser,
                      GFile          *folder,
                      const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) wanted = g_file_get_child (folder, name);
  ChosenFile chosen = { chooser, wanted };

  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (chooser, name);
  if (!gui_test_wait_for (chooser_gives, &chosen))
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      g_error ("the chooser gives %s, not %s", path != NULL ? path : "no file", g_file_peek_path (wanted));
    }
}

static gboolean
window_loaded (gpointer window)
{
  return !_v21_window_is_loading (window);
}

void
gui_test_open_file (V21Window *window,
                    GFile     *file)
{
  v21_window_open_file (window, file);
  g_assert_true (gui_test_wait_for (window_loaded, window));
  /* The pages of the newly shown workshop lay out. */
  gui_test_spin (100);
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

GtkWidget *
gui_test_find_by_text (GtkWidget  *root,
                       const char *text,
                       gboolean    label)
{
  if (label ? GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0
            : g_strcmp0 (gtk_widget_get_tooltip_text (root), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_by_text (child, text, label);

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
