/* v21-projector-window.c — what the room sees, full screen on the projector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-projector"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-application.h"
#include "v21-projector-window.h"

struct _V21ProjectorWindow
{
  GtkWindow       parent_instance;

  V21Session     *session;    /* borrowed: the session destroys this window */
  GtkWindow      *owner;      /* weak: the main window the keys go to */
  GtkWidget      *area;
  GListModel     *monitors;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (V21ProjectorWindow, v21_projector_window, GTK_TYPE_WINDOW)

GdkMonitor *
v21_projector_choose_monitor (GdkDisplay *display,
                              const char *connector)
{
  GListModel *monitors = gdk_display_get_monitors (display);
  guint n = g_list_model_get_n_items (monitors);
  GdkMonitor *chosen = NULL;

  for (guint i = 0; i < n && connector && *connector; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (g_strcmp0 (gdk_monitor_get_connector (monitor), connector) == 0)
        chosen = monitor;
    }
  if (chosen == NULL && n > 1)
    {
      g_autoptr(GdkMonitor) last = g_list_model_get_item (monitors, n - 1);

      chosen = last;
    }
  return chosen;
}

char *
v21_projector_describe_monitor (GdkMonitor *monitor)
{
  GdkRectangle geometry;
  const char *connector = gdk_monitor_get_connector (monitor);
  const char *model = gdk_monitor_get_model (monitor);

  gdk_monitor_get_geometry (monitor, &geometry);
  /* TRANSLATORS: a monitor: its connector, its model, its size in pixels */
  return g_strdup_printf (_("%s — %s %d × %d"), connector ? connector : _("Monitor"),
                          model ? model : "", geometry.width, geometry.height);
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        data)
{
  V21ProjectorWindow *self = data;

  v21_session_set_screen_size (self->session, width, height);
  v21_session_draw (self->session, cr, width, height);
}

static GdkMonitor *
chosen_monitor (V21ProjectorWindow *self)
{
  g_autofree char *connector = self->settings ? g_settings_get_string (self->settings, "projector-monitor") : NULL;

  return v21_projector_choose_monitor (gtk_widget_get_display (GTK_WIDGET (self)), connector);
}

/* Full screen on the chosen monitor; an ordinary window when there is only one. */
static void
place (V21ProjectorWindow *self)
{
  GdkMonitor *monitor = chosen_monitor (self);
  GdkRectangle geometry;

  if (monitor != NULL)
    {
      /* The monitor's size too, for a window manager that ignores full screen. */
      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
    }
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
}

/* Keys pressed while this window has the focus (a click on it, or a window
 * manager giving a new window the focus) go to the main window, so that the
 * shortcuts keep working. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                V21ProjectorWindow    *self)
{
  return self->owner != NULL && gtk_event_controller_key_forward (controller, GTK_WIDGET (self->owner));
}

/* Gives the focus back to the main window, unless that would cover the
 * projector (both on one monitor, e.g. mirrored screens). */
static void
return_focus (V21ProjectorWindow *self)
{
  GdkMonitor *monitor = chosen_monitor (self);
  GdkSurface *surface;

  if (self->owner == NULL)
    return;
  surface = gtk_native_get_surface (GTK_NATIVE (self->owner));
  if (monitor != NULL && surface != NULL
      && gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (self)), surface) == monitor)
    return;
  gtk_window_present (self->owner);
}

static void
on_tick (V21ProjectorWindow *self)
{
  if (v21_session_shows_timer (self->session))
    gtk_widget_queue_draw (self->area);
}

static void
on_monitors_changed (V21ProjectorWindow *self)
{
  place (self);
}

static void
v21_projector_window_dispose (GObject *object)
{
  V21ProjectorWindow *self = V21_PROJECTOR_WINDOW (object);

  if (self->owner != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->owner), (gpointer *) &self->owner);
  self->owner = NULL;
  if (self->monitors != NULL)
    g_signal_handlers_disconnect_by_data (self->monitors, self);
  g_clear_object (&self->monitors);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (v21_projector_window_parent_class)->dispose (object);
}

static void
v21_projector_window_class_init (V21ProjectorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = v21_projector_window_dispose;
}

static void
v21_projector_window_init (V21ProjectorWindow *self)
{
  g_autoptr(GdkCursor) none = gdk_cursor_new_from_name ("none", NULL);

  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  gtk_window_set_title (GTK_WINDOW (self), _("Projector"));
  gtk_window_set_default_size (GTK_WINDOW (self), 960, 540);
  gtk_widget_add_css_class (GTK_WIDGET (self), "v21-projector");
  self->area = gtk_drawing_area_new ();
  gtk_widget_set_can_focus (self->area, FALSE);
  gtk_widget_set_can_target (self->area, FALSE);
  gtk_widget_set_cursor (GTK_WIDGET (self), none);
  gtk_widget_set_cursor (self->area, none);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw, self, NULL);
  gtk_window_set_child (GTK_WINDOW (self), self->area);
}

GtkWindow *
v21_projector_window_new (V21Session *session,
                          GtkWindow  *owner)
{
  V21ProjectorWindow *self = g_object_new (V21_TYPE_PROJECTOR_WINDOW, NULL);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GApplication *app = g_application_get_default ();
  GSettings *settings = V21_IS_APPLICATION (app) ? v21_application_get_settings (V21_APPLICATION (app)) : NULL;

  self->session = session;
  self->owner = owner;
  if (owner != NULL)
    g_object_add_weak_pointer (G_OBJECT (owner), (gpointer *) &self->owner);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_object (settings, "changed::projector-monitor", G_CALLBACK (place),
                               self, G_CONNECT_SWAPPED);
    }
  self->monitors = g_object_ref (gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self))));
  g_signal_connect_swapped (self->monitors, "items-changed", G_CALLBACK (on_monitors_changed), self);
  g_signal_connect_object (session, "changed", G_CALLBACK (gtk_widget_queue_draw), self->area,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "tick", G_CALLBACK (on_tick), self, G_CONNECT_SWAPPED);
  place (self);
  return GTK_WINDOW (self);
}

void
v21_projector_window_show (GtkWindow *window)
{
  gtk_window_present (window);
  return_focus (V21_PROJECTOR_WINDOW (window));
}
