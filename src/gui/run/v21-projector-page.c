/* v21-projector-page.c — the presenter console: what the room sees, and the controls
 *
 * The thumbnail draws through v21_session_draw(), like the projector window,
 * so it shows exactly what the room sees (the frozen picture included).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-projector"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-application.h"
#include "v21-cards.h"
#include "v21-projector-page.h"
#include "v21-projector-window.h"
#include "v21-session.h"
#include "v21-widgets.h"

struct _V21ProjectorPage
{
  AdwBin           parent_instance;

  V21Workshop     *workshop;
  V21Session      *session;      /* borrowed: the workshop holds it */
  GSettings       *settings;
  GListModel      *monitors;
  gboolean         syncing;

  GtkWidget       *frame;
  GtkWidget       *thumbnail;
  GtkWidget       *project_button;
  GtkWidget       *monitor_dropdown;
  GtkWidget       *dark_switch;
  GtkWidget       *scene_buttons[V21_N_SCENES];
  GtkWidget       *freeze_button;
  GtkWidget       *options;        /* a stack: the shown scene's choices */
  GtkWidget       *round_dropdown;
  GtkWidget       *scenario_dropdown;
  GtkWidget       *page_label;
  GtkWidget       *previous_page;
  GtkWidget       *next_page;
  GtkWidget       *sequence_label;
  GtkWidget       *timer_label;
  GtkWidget       *drift_label;
  GtkWidget       *next_label;
  GtkWidget       *notes_label;
  GtkWidget       *clock_label;
  GtkWidget       *day_end_label;
  GtkWidget       *timer_state_label;
  GtkWidget       *timer_button;
  GtkWidget       *state_badge;
  GtkWidget       *next_preview;
  GtkWidget       *next_caption;
  GtkWidget       *sound_switch;
  guint            clock_id;
};

G_DEFINE_FINAL_TYPE (V21ProjectorPage, v21_projector_page, ADW_TYPE_BIN)

static const char * const scene_titles[V21_N_SCENES] = {
  N_("Title"), N_("Sequence"), N_("Board"), N_("Voting"), N_("Diagram"), N_("Heat map"), N_("Black"),
};

/* The scenes' keys (see V21Application): Ctrl+F1 to Ctrl+F7, in this order. */
static const char * const scene_keys[V21_N_SCENES] = {
  "Ctrl+F1", "Ctrl+F2", "Ctrl+F3", "Ctrl+F4", "Ctrl+F5", "Ctrl+F6", "Ctrl+F7",
};

static void
draw_thumbnail (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  V21ProjectorPage *self = data;

  if (self->session != NULL)
    v21_session_draw (self->session, cr, width, height);
}

static void
draw_next (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  V21ProjectorPage *self = data;

  if (self->session != NULL)
    v21_session_draw_next (self->session, cr, width, height);
}

/* Replaces the state classes of @widget by @name (NULL: none). */
static void
set_state_class (GtkWidget  *widget,
                 const char *name)
{
  for (const char * const *c = (const char *[]) { "success", "warning", "error", "dim-label", NULL }; *c; c++)
    if (g_strcmp0 (*c, name) != 0)
      gtk_widget_remove_css_class (widget, *c);
  if (name != NULL)
    gtk_widget_add_css_class (widget, name);
}

/* The timer's state in words and colour, and the button that changes it. */
static void
update_timer_state (V21ProjectorPage *self,
                    V21SessionTimer  *timer)
{
  gint64 now = g_get_monotonic_time ();
  const char *state = "";
  const char *style = NULL;
  const char *button = _("_Start");

  if (timer != NULL && timer->timer.running)
    {
      gboolean over = v21_timer_phase (&timer->timer, now) == V21_TIMER_OVERRUN;

      state = over ? _("Running — time is up") : _("Running");
      style = over ? "error" : "success";
      button = _("_Pause");
    }
  else if (timer != NULL && v21_timer_is_started (&timer->timer))
    {
      state = _("Paused");
      style = "warning";
      button = _("Res_ume");
    }
  else if (timer != NULL)
    {
      state = _("Not started");
      style = "dim-label";
    }
  gtk_label_set_text (GTK_LABEL (self->timer_state_label), state);
  set_state_class (self->timer_state_label, style);
  if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (self->timer_button)), button) != 0)
    gtk_button_set_label (GTK_BUTTON (self->timer_button), button);
}

/* The wall clock and when the day ends, pushed back by the drift. */
static void
update_clock (V21ProjectorPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = g_date_time_format (now, "%H:%M");
  g_autoptr(V21DayPlan) plan = v21_session_get_day_plan (self->session);
  g_autofree char *text = NULL;

  gtk_label_set_text (GTK_LABEL (self->clock_label), clock);
  if (plan != NULL)
    {
      g_autofree char *planned = v21_day_plan_format_time (plan->planned_end);
      g_autofree char *expected = v21_day_plan_format_time (plan->expected_end);

      if (plan->anchored && g_strcmp0 (planned, expected) != 0)
        /* Translators: the day's end as the run goes, then as planned: "Fin de journée 17:45 (prévue 17:30)" */
        text = g_strdup_printf (_("End of the day %s (planned %s)"), expected, planned);
      else
        /* Translators: "Fin de journée prévue 17:30" */
        text = g_strdup_printf (_("End of the day planned at %s"), planned);
    }
  gtk_label_set_text (GTK_LABEL (self->day_end_label), text ? text : "");
}

static gboolean
clock_tick (gpointer data)
{
  update_clock (data);
  return G_SOURCE_CONTINUE;
}

/* The end-of-time flash, on the console's picture as on the projector. */
static void
update_alert (V21ProjectorPage *self)
{
  if (v21_session_get_alert_lit (self->session))
    gtk_widget_add_css_class (self->frame, "v21-alert");
  else
    gtk_widget_remove_css_class (self->frame, "v21-alert");
}

/* What the room sees when it is not the live picture, in capitals on the console. */
static void
update_badge (V21ProjectorPage *self)
{
  gboolean black = v21_session_get_black (self->session);
  gboolean frozen = v21_session_get_frozen (self->session);
  const char *text = black && frozen ? _("BLACK · FROZEN") : black ? _("BLACK") : frozen ? _("FROZEN") : NULL;

  gtk_widget_set_visible (self->state_badge, text != NULL);
  if (text != NULL)
    gtk_label_set_text (GTK_LABEL (self->state_badge), text);
}

static void
update_next_caption (V21ProjectorPage *self)
{
  V21Record *next = v21_session_get_next_sequence (self->session);
  g_autofree char *text = NULL;

  if (v21_session_get_black (self->session))
    text = g_strdup (_("Under the black screen (Ctrl+B)"));
  else if (v21_session_get_frozen (self->session))
    text = g_strdup (_("Under the freeze (Ctrl+Shift+F)"));
  else if (next != NULL)
    /* Translators: the console's preview of the next sequence's picture */
    text = g_strdup_printf (_("Next sequence (Ctrl+Page Down): %s"), v21_text (next, "title"));
  else
    text = g_strdup (_("No sequence comes next"));
  gtk_label_set_text (GTK_LABEL (self->next_caption), text);
}

/* The session to the controls */

static void
update_sequence (V21ProjectorPage *self)
{
  V21Record *sequence = v21_session_get_sequence (self->session);
  V21Record *next = sequence ? v21_sequence_next (self->workshop, sequence) : NULL;
  V21SessionTimer *timer = v21_session_get_timer (self->session, NULL);
  g_autofree char *time = timer ? v21_timer_format (&timer->timer, g_get_monotonic_time ()) : NULL;
  g_autofree char *next_text = g_strdup_printf (_("Next: %s"), next ? v21_text (next, "title") : _("none"));
  const char *notes = sequence ? v21_text (sequence, "notes") : "";
  gboolean late;
  g_autofree char *drift = v21_session_describe_drift (self->session, &late);

  gtk_label_set_text (GTK_LABEL (self->sequence_label), sequence ? v21_text (sequence, "title") : _("No sequence"));
  gtk_label_set_text (GTK_LABEL (self->timer_label), time ? time : "–");
  gtk_label_set_text (GTK_LABEL (self->drift_label), drift);
  if (late)
    gtk_widget_add_css_class (self->drift_label, "error");
  else
    gtk_widget_remove_css_class (self->drift_label, "error");
  gtk_label_set_text (GTK_LABEL (self->next_label), next_text);
  gtk_label_set_text (GTK_LABEL (self->notes_label), *notes ? notes : _("No notes for this sequence"));
  update_timer_state (self, timer);
  update_clock (self);
  update_alert (self);
}

/* The position of @id in @collection plus one (0: none, the first choice). */
static guint
position_of (V21ProjectorPage *self,
             const char       *collection,
             const char       *id)
{
  V21Collection *list = v21_workshop_get_collection (self->workshop, collection);

  for (guint i = 0; id != NULL && i < v21_collection_get_n (list); i++)
    if (g_strcmp0 (v21_record_get_id (v21_collection_get (list, i)), id) == 0)
      return i + 1;
  return 0;
}

static void
update_options (V21ProjectorPage *self,
                V21Scene          scene)
{
  guint page = v21_session_get_page (self->session);
  guint n_pages = v21_session_get_n_pages (self->session);
  g_autofree char *text = g_strdup_printf (_("Page %u/%u"), page + 1, n_pages);
  V21Record *round = v21_session_get_chosen_round (self->session);
  const char *shown = scene == V21_SCENE_VOTES ? "votes" : scene == V21_SCENE_DIAGRAM ? "diagram"
                      : scene == V21_SCENE_BOARD ? "board" : "none";
  int width, height;

  gtk_stack_set_visible_child_name (GTK_STACK (self->options), shown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->round_dropdown),
                              position_of (self, "vote_rounds", round ? v21_record_get_id (round) : NULL));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->scenario_dropdown),
                              position_of (self, "scenarios", v21_session_get_scenario (self->session)));
  gtk_label_set_text (GTK_LABEL (self->page_label), text);
  gtk_widget_set_sensitive (self->previous_page, page > 0);
  gtk_widget_set_sensitive (self->next_page, page + 1 < n_pages);
  v21_session_get_screen_size (self->session, &width, &height);
  gtk_aspect_frame_set_ratio (GTK_ASPECT_FRAME (self->frame), (float) width / height);
}

static void
on_session_changed (V21ProjectorPage *self)
{
  V21Scene scene = v21_session_get_black (self->session) ? V21_SCENE_BLACK : v21_session_get_scene (self->session);
  gboolean projecting = v21_session_get_projecting (self->session);

  self->syncing = TRUE;
  for (guint i = 0; i < V21_N_SCENES; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->scene_buttons[i]), i == scene);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->freeze_button), v21_session_get_frozen (self->session));
  gtk_switch_set_active (GTK_SWITCH (self->dark_switch), v21_session_get_dark (self->session));
  gtk_button_set_label (GTK_BUTTON (self->project_button), projecting ? _("Stop projection") : _("Start projection"));
  update_options (self, v21_session_get_scene (self->session));
  self->syncing = FALSE;
  update_sequence (self);
  update_badge (self);
  update_next_caption (self);
  gtk_widget_queue_draw (self->thumbnail);
  gtk_widget_queue_draw (self->next_preview);
}

/* The timer runs: its figures change, and the picture when it shows the timer. */
static void
on_tick (V21ProjectorPage *self)
{
  update_sequence (self);
  if (v21_session_shows_timer (self->session))
    gtk_widget_queue_draw (self->thumbnail);
}

static void
on_map (V21ProjectorPage *self)
{
  if (self->clock_id == 0)
    self->clock_id = g_timeout_add_seconds (1, clock_tick, self);
}

static void
on_unmap (V21ProjectorPage *self)
{
  g_clear_handle_id (&self->clock_id, g_source_remove);
}

/* The controls to the session */

static void
on_scene_toggled (GtkToggleButton  *button,
                  V21ProjectorPage *self)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < V21_N_SCENES; i++)
    if (self->scene_buttons[i] == GTK_WIDGET (button))
      v21_session_set_scene (self->session, i);
}

static void
on_freeze_toggled (V21ProjectorPage *self)
{
  if (!self->syncing)
    v21_session_set_frozen (self->session, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->freeze_button)));
}

static void
on_dark_changed (V21ProjectorPage *self)
{
  if (!self->syncing)
    v21_session_set_dark (self->session, gtk_switch_get_active (GTK_SWITCH (self->dark_switch)));
}

static V21Record *
chosen_record (GtkWidget  *dropdown,
               V21Workshop *workshop,
               const char *collection)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));
  V21Collection *list = v21_workshop_get_collection (workshop, collection);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > v21_collection_get_n (list))
    return NULL;
  return v21_collection_get (list, selected - 1);
}

static void
on_round_selected (V21ProjectorPage *self)
{
  if (!self->syncing)
    v21_session_set_round (self->session, chosen_record (self->round_dropdown, self->workshop, "vote_rounds"));
}

static void
on_scenario_selected (V21ProjectorPage *self)
{
  V21Record *scenario = chosen_record (self->scenario_dropdown, self->workshop, "scenarios");

  if (!self->syncing)
    v21_session_set_scenario (self->session, scenario ? v21_record_get_id (scenario) : NULL);
}

static void
on_previous_page (V21ProjectorPage *self)
{
  guint page = v21_session_get_page (self->session);

  if (page > 0)
    v21_session_set_page (self->session, page - 1);
}

static void
on_next_page (V21ProjectorPage *self)
{
  v21_session_set_page (self->session, v21_session_get_page (self->session) + 1);
}

/* The names in the drop-downs follow the rounds and scenarios. */
static void
fill_choices (V21ProjectorPage *self)
{
  self->syncing = TRUE;
  v21_set_names (GTK_DROP_DOWN (self->round_dropdown),
                 v21_names_of (self->workshop, "vote_rounds", "title", _("The current sequence's round")));
  v21_set_names (GTK_DROP_DOWN (self->scenario_dropdown),
                 v21_names_of (self->workshop, "scenarios", "title", _("All trajectories")));
  update_options (self, v21_session_get_scene (self->session));
  self->syncing = FALSE;
}

/* Monitors: "Automatic", then each one plugged in */

/* Before the projector opens, the thumbnail takes the shape of the monitor
 * it will open on (once open, the projector window gives its own size). */
static void
expect_monitor (V21ProjectorPage *self)
{
  g_autofree char *connector = self->settings ? g_settings_get_string (self->settings, "projector-monitor") : NULL;
  GdkMonitor *monitor = v21_projector_choose_monitor (gdk_display_get_default (), connector);
  GdkRectangle geometry;

  if (monitor == NULL || v21_session_get_projecting (self->session))
    return;
  gdk_monitor_get_geometry (monitor, &geometry);
  v21_session_set_screen_size (self->session, geometry.width, geometry.height);
}

static void
fill_monitors (V21ProjectorPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *chosen = self->settings ? g_settings_get_string (self->settings, "projector-monitor") : NULL;
  guint n = g_list_model_get_n_items (self->monitors);
  guint selected = 0;

  gtk_string_list_append (names, _("Automatic"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (self->monitors, i);
      g_autofree char *text = v21_projector_describe_monitor (monitor);

      gtk_string_list_append (names, text);
      if (chosen && *chosen && g_strcmp0 (gdk_monitor_get_connector (monitor), chosen) == 0)
        selected = i + 1;
    }
  self->syncing = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->monitor_dropdown), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->monitor_dropdown), selected);
  self->syncing = FALSE;
  if (self->session != NULL)
    expect_monitor (self);
}

static void
on_monitor_selected (V21ProjectorPage *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->monitor_dropdown));
  g_autoptr(GdkMonitor) monitor = NULL;

  if (self->syncing || self->settings == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    monitor = g_list_model_get_item (self->monitors, selected - 1);
  g_settings_set_string (self->settings, "projector-monitor",
                         monitor && gdk_monitor_get_connector (monitor) ? gdk_monitor_get_connector (monitor) : "");
  expect_monitor (self);
}

/* Building */

static GtkWidget *
labelled (const char *text,
          GtkWidget  *control)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), control);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return box;
}

static GtkWidget *
build_controls (V21ProjectorPage *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->project_button = gtk_button_new_with_label (_("Start projection"));
  gtk_widget_add_css_class (self->project_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->project_button), "win.project");
  gtk_widget_set_tooltip_text (self->project_button, _("Open or close the projector window (F5)"));
  gtk_box_append (GTK_BOX (row), self->project_button);

  self->monitor_dropdown = gtk_drop_down_new (NULL, NULL);
  gtk_widget_set_tooltip_text (self->monitor_dropdown, _("Monitor of the projector"));
  v21_name_dropdown (GTK_DROP_DOWN (self->monitor_dropdown));
  g_signal_connect_swapped (self->monitor_dropdown, "notify::selected", G_CALLBACK (on_monitor_selected), self);
  gtk_box_append (GTK_BOX (row), labelled (_("Monitor"), self->monitor_dropdown));

  self->dark_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->dark_switch, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->dark_switch, "notify::active", G_CALLBACK (on_dark_changed), self);
  gtk_box_append (GTK_BOX (row), labelled (_("Dark projector style"), self->dark_switch));

  self->sound_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->sound_switch, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->sound_switch, _("A sound when the timer reaches the end (the pictures flash in any case)"));
  gtk_box_append (GTK_BOX (row), labelled (_("Sound at the end of time"), self->sound_switch));
  return row;
}

static GtkWidget *
build_scenes (V21ProjectorPage *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (group, "linked");
  for (guint i = 0; i < V21_N_SCENES; i++)
    {
      self->scene_buttons[i] = gtk_toggle_button_new_with_label (_(scene_titles[i]));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->scene_buttons[i]),
                                     GTK_TOGGLE_BUTTON (self->scene_buttons[0]));
      g_signal_connect (self->scene_buttons[i], "toggled", G_CALLBACK (on_scene_toggled), self);
      gtk_box_append (GTK_BOX (group), self->scene_buttons[i]);
    }
  for (guint i = 0; i < V21_N_SCENES; i++)
    {
      /* Translators: a scene button's tooltip, "Tableau (Ctrl+F3)" */
      g_autofree char *tip = i == V21_SCENE_BLACK
                             ? g_strdup_printf (_("Black screen (%s, or Ctrl+B)"), scene_keys[i])
                             : g_strdup_printf (_("%s (%s)"), _(scene_titles[i]), scene_keys[i]);

      gtk_widget_set_tooltip_text (self->scene_buttons[i], tip);
    }
  gtk_box_append (GTK_BOX (row), group);
  self->freeze_button = gtk_toggle_button_new_with_label (_("Freeze"));
  gtk_widget_set_tooltip_text (self->freeze_button, _("Keep the current picture on the projector (Ctrl+Shift+F)"));
  g_signal_connect_swapped (self->freeze_button, "toggled", G_CALLBACK (on_freeze_toggled), self);
  gtk_box_append (GTK_BOX (row), self->freeze_button);
  return row;
}

static GtkWidget *
choice (GtkWidget  **dropdown,
        const char  *label,
        const char  *tooltip,
        GCallback    callback,
        gpointer     data)
{
  *dropdown = gtk_drop_down_new (NULL, NULL);
  gtk_widget_set_tooltip_text (*dropdown, tooltip);
  v21_name_dropdown (GTK_DROP_DOWN (*dropdown));
  g_signal_connect_swapped (*dropdown, "notify::selected", callback, data);
  return labelled (label, *dropdown);
}

/* An icon button named @name, for the screen reader and in its tooltip. */
static GtkWidget *
icon_button (const char *icon,
             const char *name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip ? tooltip : name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return button;
}

static GtkWidget *
page_buttons (V21ProjectorPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), gtk_label_new (_("Board")));
  self->previous_page = icon_button ("go-previous-symbolic", _("Previous page of the board"),
                                     _("Previous page of the board (Alt+Page Up)"));
  g_signal_connect_swapped (self->previous_page, "clicked", G_CALLBACK (on_previous_page), self);
  gtk_box_append (GTK_BOX (box), self->previous_page);
  self->page_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->page_label, "numeric");
  gtk_box_append (GTK_BOX (box), self->page_label);
  self->next_page = icon_button ("go-next-symbolic", _("Next page of the board"),
                                 _("Next page of the board (Alt+Page Down)"));
  g_signal_connect_swapped (self->next_page, "clicked", G_CALLBACK (on_next_page), self);
  gtk_box_append (GTK_BOX (box), self->next_page);
  return box;
}

/* What the shown scene lets the facilitator choose: the round, the
 * scenario, the board's page. */
static GtkWidget *
build_options (V21ProjectorPage *self)
{
  GtkStack *stack = GTK_STACK (gtk_stack_new ());

  self->options = GTK_WIDGET (stack);
  gtk_stack_add_named (stack, gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0), "none");
  gtk_stack_add_named (stack, choice (&self->round_dropdown, _("Vote round"), _("Vote round shown"),
                                      G_CALLBACK (on_round_selected), self), "votes");
  gtk_stack_add_named (stack, choice (&self->scenario_dropdown, _("Trajectories"),
                                      _("Trajectories shown: one scenario or all"),
                                      G_CALLBACK (on_scenario_selected), self), "diagram");
  gtk_stack_add_named (stack, page_buttons (self), "board");
  gtk_widget_set_halign (self->options, GTK_ALIGN_START);
  return self->options;
}

static GtkWidget *
build_side (V21ProjectorPage *self)
{
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button;
  GtkWidget *heading;

  /* The thumbnail takes the width; the side keeps to about 36 characters. */
  gtk_widget_set_size_request (side, 300, -1);
  gtk_widget_set_hexpand (side, FALSE);
  self->clock_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->clock_label, "v21-console-clock");
  gtk_widget_add_css_class (self->clock_label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (self->clock_label), 0);
  gtk_widget_set_tooltip_text (self->clock_label, _("The time now"));
  gtk_box_append (GTK_BOX (side), self->clock_label);
  self->day_end_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->day_end_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->day_end_label), TRUE);
  gtk_box_append (GTK_BOX (side), self->day_end_label);

  self->sequence_label = gtk_label_new ("–");
  gtk_widget_add_css_class (self->sequence_label, "title-3");
  gtk_label_set_wrap (GTK_LABEL (self->sequence_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->sequence_label), 36);
  gtk_label_set_xalign (GTK_LABEL (self->sequence_label), 0);
  gtk_box_append (GTK_BOX (side), self->sequence_label);

  self->timer_label = gtk_label_new ("–");
  gtk_widget_add_css_class (self->timer_label, "title-1");
  gtk_widget_add_css_class (self->timer_label, "numeric");
  gtk_box_append (GTK_BOX (side), self->timer_label);
  self->timer_state_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->timer_state_label, "v21-timer-state");
  gtk_label_set_xalign (GTK_LABEL (self->timer_state_label), 0);
  gtk_box_append (GTK_BOX (side), self->timer_state_label);
  self->drift_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->drift_label), 0);
  gtk_box_append (GTK_BOX (side), self->drift_label);

  button = icon_button ("go-previous-symbolic", _("Previous sequence"), _("Previous sequence (Ctrl+Page Up)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.previous-sequence");
  gtk_box_append (GTK_BOX (nav), button);
  self->timer_button = gtk_button_new_with_mnemonic (_("_Start"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->timer_button), "win.toggle-timer");
  gtk_widget_set_tooltip_text (self->timer_button, _("Start or pause the timer (Ctrl+Shift+T)"));
  gtk_widget_set_hexpand (self->timer_button, TRUE);
  gtk_box_append (GTK_BOX (nav), self->timer_button);
  button = icon_button ("go-next-symbolic", _("Next sequence"), _("Next sequence (Ctrl+Page Down)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.next-sequence");
  gtk_box_append (GTK_BOX (nav), button);
  gtk_box_append (GTK_BOX (side), nav);

  self->next_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->next_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->next_label), 36);
  gtk_label_set_xalign (GTK_LABEL (self->next_label), 0);
  gtk_widget_add_css_class (self->next_label, "dim-label");
  gtk_box_append (GTK_BOX (side), self->next_label);

  /* The next picture, drawn like the projector's */
  self->next_caption = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->next_caption), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->next_caption), 36);
  gtk_label_set_xalign (GTK_LABEL (self->next_caption), 0);
  gtk_widget_add_css_class (self->next_caption, "heading");
  gtk_box_append (GTK_BOX (side), self->next_caption);
  self->next_preview = gtk_drawing_area_new ();
  gtk_widget_set_size_request (self->next_preview, 300, 169);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->next_preview), draw_next, self, NULL);
  gtk_widget_add_css_class (self->next_preview, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What the projector shows next"), -1);
  gtk_box_append (GTK_BOX (side), self->next_preview);

  heading = gtk_label_new (_("Private notes"));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (side), heading);
  self->notes_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->notes_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->notes_label), 36);
  gtk_label_set_xalign (GTK_LABEL (self->notes_label), 0);
  gtk_label_set_selectable (GTK_LABEL (self->notes_label), TRUE);
  gtk_box_append (GTK_BOX (side), self->notes_label);
  return side;
}

static void
v21_projector_page_dispose (GObject *object)
{
  V21ProjectorPage *self = V21_PROJECTOR_PAGE (object);

  if (self->monitors != NULL)
    g_signal_handlers_disconnect_by_data (self->monitors, self);
  g_clear_object (&self->monitors);
  g_clear_object (&self->settings);
  g_clear_handle_id (&self->clock_id, g_source_remove);
  self->session = NULL;
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_projector_page_parent_class)->dispose (object);
}

static void
v21_projector_page_class_init (V21ProjectorPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = v21_projector_page_dispose;
}

static void
v21_projector_page_init (V21ProjectorPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *main = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *overlay;
  GtkWidget *scroller;

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_box_append (GTK_BOX (box), build_controls (self));
  gtk_box_append (GTK_BOX (box), build_scenes (self));
  gtk_box_append (GTK_BOX (box), build_options (self));
  self->frame = gtk_aspect_frame_new (0.5, 0, 16.0 / 9.0, FALSE);

  self->thumbnail = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->thumbnail, TRUE);
  gtk_widget_set_vexpand (self->thumbnail, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->thumbnail), draw_thumbnail, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->thumbnail), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What the projector shows"), -1);
  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->thumbnail);
  self->state_badge = gtk_label_new (NULL);
  /* Top right, where the scenes' titles never are. */
  gtk_widget_set_halign (self->state_badge, GTK_ALIGN_END);
  gtk_widget_set_valign (self->state_badge, GTK_ALIGN_START);
  gtk_widget_set_margin_end (self->state_badge, 12);
  gtk_widget_set_margin_top (self->state_badge, 12);
  gtk_widget_set_can_target (self->state_badge, FALSE);
  gtk_widget_add_css_class (self->state_badge, "v21-console-badge");
  gtk_widget_set_visible (self->state_badge, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->state_badge);
  gtk_aspect_frame_set_child (GTK_ASPECT_FRAME (self->frame), overlay);
  gtk_widget_set_hexpand (self->frame, TRUE);
  gtk_widget_add_css_class (self->thumbnail, "card");
  gtk_box_append (GTK_BOX (main), self->frame);
  /* The side keeps to its width (the picture takes the rest) and scrolls
   * when a small screen is not tall enough for it. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_max_content_width (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_widget_set_hexpand (scroller, FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), build_side (self));
  gtk_box_append (GTK_BOX (main), scroller);
  gtk_widget_set_vexpand (main, TRUE);
  gtk_box_append (GTK_BOX (box), main);
  adw_bin_set_child (ADW_BIN (self), box);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
}

GtkWidget *
v21_projector_page_new (V21Workshop *workshop)
{
  V21ProjectorPage *self = g_object_new (V21_TYPE_PROJECTOR_PAGE, NULL);
  GApplication *app = g_application_get_default ();
  GSettings *settings = V21_IS_APPLICATION (app) ? v21_application_get_settings (V21_APPLICATION (app)) : NULL;

  self->workshop = g_object_ref (workshop);
  self->session = v21_session_get (workshop);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_settings_bind (settings, "timer-sound", self->sound_switch, "active", G_SETTINGS_BIND_DEFAULT);
    }
  else
    gtk_widget_set_sensitive (self->sound_switch, FALSE);
  self->monitors = g_object_ref (gdk_display_get_monitors (gdk_display_get_default ()));
  g_signal_connect_swapped (self->monitors, "items-changed", G_CALLBACK (fill_monitors), self);
  fill_monitors (self);
  for (guint i = 0; i < 2; i++)
    g_signal_connect_object (v21_workshop_get_collection (workshop, i == 0 ? "vote_rounds" : "scenarios"),
                             "items-changed", G_CALLBACK (fill_choices), self, G_CONNECT_SWAPPED);
  fill_choices (self);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "tick", G_CALLBACK (on_tick), self, G_CONNECT_SWAPPED);
  on_session_changed (self);
  return GTK_WIDGET (self);
}
