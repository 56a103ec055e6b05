/* v21-session.c — the state of a running seminar, shared by the live page,
 * the presenter console and the projector window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-session"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-alert-sound.h"
#include "v21-cards.h"
#include "v21-projector-window.h"
#include "v21-session.h"
#include "v21-window.h"

#define SESSION_KEY "v21-session"
#define TICK_MS 250

struct _V21Session
{
  GObject          parent_instance;

  V21Workshop     *workshop;     /* borrowed: the workshop owns the session */
  V21Record       *sequence;
  GHashTable      *timers;       /* sequence id -> V21SessionTimer */
  guint            tick_id;

  V21Scene         scene;
  gboolean         black;
  gboolean         dark;
  cairo_surface_t *frozen;       /* the picture kept while frozen */
  V21Record       *round;
  char            *scenario;
  guint            page;         /* the board's page */
  guint            n_pages;      /* 0: to count again */
  int              screen_width;
  int              screen_height;

  GtkWindow       *projector;
  gint64           alert_start;  /* monotonic time of the last time-up, 0: none */
};

enum { CHANGED, TICK, TIME_UP, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (V21Session, v21_session, G_TYPE_OBJECT)

static void
timer_free (V21SessionTimer *timer)
{
  g_clear_pointer (&timer->started, g_date_time_unref);
  g_free (timer);
}

static void
emit_changed (V21Session *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The running timer reached its end: once per timer (a reset or more time
 * arms it again). */
static void
check_time_up (V21Session *self)
{
  V21SessionTimer *timer = self->sequence ? v21_session_get_timer (self, NULL) : NULL;
  gint64 now = g_get_monotonic_time ();

  if (timer == NULL)
    return;
  if (v21_timer_remaining (&timer->timer, now) > 0)
    {
      timer->alerted = FALSE;
      return;
    }
  if (timer->alerted || !timer->timer.running)
    return;
  timer->alerted = TRUE;
  self->alert_start = now;
  v21_alert_sound_play ();
  g_signal_emit (self, signals[TIME_UP], 0);
}

/* Whether the pictures must follow the clock: the current timer runs, or the
 * end-of-time flash is on (and one tick more to put it out). */
static gboolean
needs_tick (V21Session *self)
{
  V21SessionTimer *timer = self->sequence ? v21_session_get_timer (self, NULL) : NULL;

  if (timer != NULL && timer->timer.running)
    return TRUE;
  return self->alert_start != 0
         && g_get_monotonic_time () - self->alert_start < (V21_SESSION_ALERT_SECONDS + 1) * G_USEC_PER_SEC;
}

static gboolean
tick (gpointer data)
{
  V21Session *self = data;

  check_time_up (self);
  g_signal_emit (self, signals[TICK], 0);
  if (needs_tick (self))
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Ticks only while the current timer runs, or the alert flashes. */
static void
update_tick (V21Session *self)
{
  gboolean needed = needs_tick (self);

  if (needed && self->tick_id == 0)
    self->tick_id = g_timeout_add (TICK_MS, tick, self);
  else if (!needed)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

/* On the board's last page, the projector follows it as cards come in (a
 * card captured goes at the end), like a log scrolled to its foot. */
static void
follow_new_pages (V21Session *self)
{
  guint old = self->n_pages;

  self->n_pages = 0;
  if (self->scene != V21_SCENE_BOARD || old == 0 || self->page + 1 != old)
    return;
  self->page = MAX (v21_session_get_n_pages (self), 1) - 1;
}

static void
on_workshop_changed (V21Session *self)
{
  /* A removed sequence or round is no longer shown. */
  if (self->sequence && v21_workshop_lookup (self->workshop, v21_record_get_id (self->sequence)) == NULL)
    g_clear_object (&self->sequence);
  if (self->round && v21_workshop_lookup (self->workshop, v21_record_get_id (self->round)) == NULL)
    g_clear_object (&self->round);
  follow_new_pages (self);
  emit_changed (self);
}

static void
v21_session_dispose (GObject *object)
{
  V21Session *self = V21_SESSION (object);

  v21_session_set_projecting (self, FALSE);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_object (&self->sequence);
  g_clear_object (&self->round);
  g_clear_pointer (&self->frozen, cairo_surface_destroy);
  G_OBJECT_CLASS (v21_session_parent_class)->dispose (object);
}

static void
v21_session_finalize (GObject *object)
{
  V21Session *self = V21_SESSION (object);

  g_hash_table_unref (self->timers);
  g_free (self->scenario);
  G_OBJECT_CLASS (v21_session_parent_class)->finalize (object);
}

static void
v21_session_class_init (V21SessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = v21_session_dispose;
  object_class->finalize = v21_session_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[TICK] = g_signal_new ("tick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[TIME_UP] = g_signal_new ("time-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
v21_session_init (V21Session *self)
{
  self->timers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) timer_free);
  self->scene = V21_SCENE_TITLE;
  self->screen_width = 1920;
  self->screen_height = 1080;
}

V21Session *
v21_session_get (V21Workshop *workshop)
{
  V21Session *self;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  self = g_object_get_data (G_OBJECT (workshop), SESSION_KEY);
  if (self != NULL)
    return self;
  self = g_object_new (V21_TYPE_SESSION, NULL);
  self->workshop = workshop;
  self->sequence = v21_sequence_current (workshop);
  if (self->sequence != NULL)
    g_object_ref (self->sequence);
  g_signal_connect_object (workshop, "changed", G_CALLBACK (on_workshop_changed), self, G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (workshop), SESSION_KEY, self, g_object_unref);
  return self;
}

V21Workshop *
v21_session_get_workshop (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), NULL);
  return self->workshop;
}

/* The sequence */

V21Record *
v21_session_get_sequence (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), NULL);
  return self->sequence;
}

void
v21_session_set_sequence (V21Session *self,
                          V21Record  *sequence)
{
  g_return_if_fail (V21_IS_SESSION (self));
  if (!g_set_object (&self->sequence, sequence))
    return;
  self->page = 0;
  self->n_pages = 0;
  update_tick (self);
  emit_changed (self);
}

gboolean
v21_session_go_next (V21Session *self)
{
  V21Record *next = self->sequence ? v21_sequence_next (self->workshop, self->sequence) : NULL;

  if (next != NULL)
    v21_session_set_sequence (self, next);
  return next != NULL;
}

gboolean
v21_session_go_previous (V21Session *self)
{
  V21Record *previous = self->sequence ? v21_sequence_previous (self->workshop, self->sequence) : NULL;

  if (previous != NULL)
    v21_session_set_sequence (self, previous);
  return previous != NULL;
}

/* Timers */

V21SessionTimer *
v21_session_get_timer (V21Session *self,
                       V21Record  *sequence)
{
  V21SessionTimer *timer;
  const char *id;

  g_return_val_if_fail (V21_IS_SESSION (self), NULL);
  if (sequence == NULL)
    sequence = self->sequence;
  if (sequence == NULL)
    return NULL;
  id = v21_record_get_id (sequence);
  timer = g_hash_table_lookup (self->timers, id);
  if (timer == NULL)
    {
      timer = g_new0 (V21SessionTimer, 1);
      v21_timer_init (&timer->timer, (int) v21_record_get_int (sequence, "minutes", 0));
      g_hash_table_insert (self->timers, g_strdup (id), timer);
    }
  return timer;
}

void
v21_session_forget_timer (V21Session *self,
                          V21Record  *sequence)
{
  g_return_if_fail (V21_IS_SESSION (self));
  g_hash_table_remove (self->timers, v21_record_get_id (sequence));
  v21_session_timer_changed (self);
}

void
v21_session_toggle_timer (V21Session *self)
{
  V21SessionTimer *timer = v21_session_get_timer (self, NULL);

  if (timer == NULL)
    return;
  if (timer->started == NULL)
    timer->started = g_date_time_new_now_local ();
  v21_timer_toggle (&timer->timer, g_get_monotonic_time ());
  v21_session_timer_changed (self);
}

void
v21_session_timer_changed (V21Session *self)
{
  g_return_if_fail (V21_IS_SESSION (self));
  check_time_up (self);
  update_tick (self);
  emit_changed (self);
}

/* What the room sees */

V21Scene
v21_session_get_scene (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), V21_SCENE_TITLE);
  return self->scene;
}

void
v21_session_set_scene (V21Session *self,
                       V21Scene    scene)
{
  g_return_if_fail (V21_IS_SESSION (self));
  g_return_if_fail (scene < V21_N_SCENES);
  if (scene == V21_SCENE_BLACK)
    {
      v21_session_set_black (self, TRUE);
      return;
    }
  if (self->scene == scene && !self->black)
    return;
  self->scene = scene;
  self->black = FALSE;
  self->n_pages = 0;
  emit_changed (self);
}

gboolean
v21_session_get_black (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), FALSE);
  return self->black;
}

void
v21_session_set_black (V21Session *self,
                       gboolean    black)
{
  g_return_if_fail (V21_IS_SESSION (self));
  if (self->black == !!black)
    return;
  self->black = !!black;
  emit_changed (self);
}

static void
fill_state_for (V21Session    *self,
                V21Record     *sequence,
                V21SceneState *state,
                char         **timer_text)
{
  V21SessionTimer *timer = sequence ? v21_session_get_timer (self, sequence) : NULL;
  gint64 now = g_get_monotonic_time ();

  state->scene = self->black ? V21_SCENE_BLACK : self->scene;
  state->sequence = sequence;
  state->round = self->round ? self->round : v21_scene_default_round (self->workshop, sequence);
  state->scenario_id = self->scenario;
  state->page = sequence == self->sequence ? self->page : 0;
  if (timer != NULL)
    {
      *timer_text = v21_timer_format (&timer->timer, now);
      state->timer_text = *timer_text;
      state->overrun = v21_timer_phase (&timer->timer, now) == V21_TIMER_OVERRUN;
    }
}

static void
fill_state (V21Session    *self,
            V21SceneState *state,
            char         **timer_text)
{
  fill_state_for (self, self->sequence, state, timer_text);
}

static void
draw_live (V21Session *self,
           cairo_t    *cr,
           double      width,
           double      height)
{
  V21SceneState state = { 0 };
  g_autofree char *timer_text = NULL;

  fill_state (self, &state, &timer_text);
  v21_render_scene (self->workshop, &state, cr, width, height, self->dark);
}

gboolean
v21_session_get_frozen (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), FALSE);
  return self->frozen != NULL;
}

void
v21_session_set_frozen (V21Session *self,
                        gboolean    frozen)
{
  g_return_if_fail (V21_IS_SESSION (self));
  if ((self->frozen != NULL) == !!frozen)
    return;
  if (frozen)
    {
      cairo_t *cr;

      self->frozen = cairo_image_surface_create (CAIRO_FORMAT_RGB24, self->screen_width, self->screen_height);
      cr = cairo_create (self->frozen);
      draw_live (self, cr, self->screen_width, self->screen_height);
      cairo_destroy (cr);
    }
  else
    g_clear_pointer (&self->frozen, cairo_surface_destroy);
  emit_changed (self);
}

gboolean
v21_session_get_dark (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), FALSE);
  return self->dark;
}

void
v21_session_set_dark (V21Session *self,
                      gboolean    dark)
{
  g_return_if_fail (V21_IS_SESSION (self));
  if (self->dark == !!dark)
    return;
  self->dark = !!dark;
  emit_changed (self);
}

V21Record *
v21_session_get_round (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), NULL);
  if (self->round != NULL)
    return self->round;
  return v21_scene_default_round (self->workshop, self->sequence);
}

V21Record *
v21_session_get_chosen_round (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), NULL);
  return self->round;
}

void
v21_session_set_round (V21Session *self,
                       V21Record  *round)
{
  g_return_if_fail (V21_IS_SESSION (self));
  if (g_set_object (&self->round, round))
    emit_changed (self);
}

const char *
v21_session_get_scenario (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), NULL);
  return self->scenario;
}

void
v21_session_set_scenario (V21Session *self,
                          const char *scenario_id)
{
  g_return_if_fail (V21_IS_SESSION (self));
  if (g_strcmp0 (self->scenario, scenario_id) == 0)
    return;
  g_free (self->scenario);
  self->scenario = g_strdup (scenario_id);
  emit_changed (self);
}

void
v21_session_set_screen_size (V21Session *self,
                             int         width,
                             int         height)
{
  g_return_if_fail (V21_IS_SESSION (self));
  if (width <= 0 || height <= 0 || (width == self->screen_width && height == self->screen_height))
    return;
  self->screen_width = width;
  self->screen_height = height;
  self->n_pages = 0;
  emit_changed (self);
}

void
v21_session_get_screen_size (V21Session *self,
                             int        *width,
                             int        *height)
{
  g_return_if_fail (V21_IS_SESSION (self));
  *width = self->screen_width;
  *height = self->screen_height;
}

/* A thick frame in the projector's warning colour around the picture. */
static void
draw_flash (V21Session *self,
            cairo_t    *cr,
            double      width,
            double      height)
{
  const char *background, *foreground, *warning;
  GdkRGBA color;
  double line = height / 24;

  v21_projector_colors (self->dark, &background, &foreground, &warning);
  gdk_rgba_parse (&color, warning);
  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
  cairo_set_line_width (cr, line);
  cairo_rectangle (cr, line / 2, line / 2, width - line, height - line);
  cairo_stroke (cr);
}

/* Lays the scene out at the projector's size, then scales it to @width ×
 * @height (centred), so the thumbnail wraps and pages text exactly as the
 * projector does. */
void
v21_session_draw (V21Session *self,
                  cairo_t    *cr,
                  double      width,
                  double      height)
{
  double scale;

  g_return_if_fail (V21_IS_SESSION (self));
  scale = MIN (width / self->screen_width, height / self->screen_height);
  cairo_save (cr);
  cairo_translate (cr, (width - self->screen_width * scale) / 2, (height - self->screen_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  if (self->frozen == NULL)
    draw_live (self, cr, self->screen_width, self->screen_height);
  else
    {
      cairo_set_source_surface (cr, self->frozen, 0, 0);
      cairo_paint (cr);
    }
  if (v21_session_get_alert_lit (self) && !self->black)
    draw_flash (self, cr, self->screen_width, self->screen_height);
  cairo_restore (cr);
}

V21Record *
v21_session_get_next_sequence (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), NULL);
  return self->sequence ? v21_sequence_next (self->workshop, self->sequence) : NULL;
}

void
v21_session_draw_next (V21Session *self,
                       cairo_t    *cr,
                       double      width,
                       double      height)
{
  V21SceneState state = { 0 };
  g_autofree char *timer_text = NULL;
  double scale;

  g_return_if_fail (V21_IS_SESSION (self));
  if (self->black || self->frozen != NULL)
    fill_state (self, &state, &timer_text);
  else
    fill_state_for (self, v21_session_get_next_sequence (self), &state, &timer_text);
  state.scene = self->scene;
  scale = MIN (width / self->screen_width, height / self->screen_height);
  cairo_save (cr);
  cairo_translate (cr, (width - self->screen_width * scale) / 2, (height - self->screen_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  v21_render_scene (self->workshop, &state, cr, self->screen_width, self->screen_height, self->dark);
  cairo_restore (cr);
}

gboolean
v21_session_shows_timer (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), FALSE);
  /* The flash changes the picture too, and once more when it ends. */
  if (self->alert_start != 0
      && g_get_monotonic_time () - self->alert_start < (V21_SESSION_ALERT_SECONDS + 1) * G_USEC_PER_SEC)
    return TRUE;
  return self->frozen == NULL && !self->black && self->scene == V21_SCENE_SEQUENCE;
}

/* The end-of-time alert */

gboolean
v21_session_get_alerting (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), FALSE);
  return self->alert_start != 0
         && g_get_monotonic_time () - self->alert_start < V21_SESSION_ALERT_SECONDS * G_USEC_PER_SEC;
}

gboolean
v21_session_get_alert_lit (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), FALSE);
  /* Lit for the first half of every second. */
  return v21_session_get_alerting (self)
         && (g_get_monotonic_time () - self->alert_start) % G_USEC_PER_SEC < G_USEC_PER_SEC / 2;
}

/* The board's pages */

guint
v21_session_get_page (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), 0);
  return MIN (self->page, v21_session_get_n_pages (self) - 1);
}

guint
v21_session_get_n_pages (V21Session *self)
{
  V21SceneState state = { 0 };
  g_autofree char *timer_text = NULL;

  g_return_val_if_fail (V21_IS_SESSION (self), 1);
  if (self->n_pages > 0)
    return self->n_pages;
  fill_state (self, &state, &timer_text);
  state.scene = self->scene;
  self->n_pages = v21_scene_n_pages (self->workshop, &state, self->screen_width, self->screen_height);
  return self->n_pages;
}

void
v21_session_set_page (V21Session *self,
                      guint       page)
{
  g_return_if_fail (V21_IS_SESSION (self));
  page = MIN (page, v21_session_get_n_pages (self) - 1);
  if (self->page == page)
    return;
  self->page = page;
  emit_changed (self);
}

/* The drift against the run sheet */

char *
v21_session_describe_drift (V21Session *self,
                            gboolean   *late)
{
  g_autoptr(V21DayPlan) plan = v21_session_get_day_plan (self);

  *late = FALSE;
  if (self->sequence == NULL)
    return g_strdup ("");
  /* On the day against the clock, in a rehearsal from its first start. */
  if (plan != NULL && plan->anchored)
    {
      *late = plan->drift >= 5 * 60;
      return v21_drift_format (plan->drift);
    }
  if (!v21_record_is_null (self->sequence, "actual_minutes"))
    return g_strdup_printf (_("Took %ld min, planned %ld"),
                            (long) v21_record_get_int (self->sequence, "actual_minutes", 0),
                            (long) v21_record_get_int (self->sequence, "minutes", 0));
  return g_strdup ("");
}

V21DayPlan *
v21_session_get_day_plan (V21Session *self)
{
  V21SessionTimer *timer;
  g_autoptr(GDateTime) wall = g_date_time_new_now_local ();

  g_return_val_if_fail (V21_IS_SESSION (self), NULL);
  timer = v21_session_get_timer (self, NULL);
  if (timer == NULL)
    return NULL;
  return v21_day_plan_new (self->workshop, self->sequence, timer->started, wall,
                           v21_timer_remaining (&timer->timer, g_get_monotonic_time ()) / G_USEC_PER_SEC);
}

/* The projector window */

gboolean
v21_session_get_projecting (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), FALSE);
  return self->projector != NULL;
}

/* The main window showing the workshop, or NULL. */
static GtkWindow *
workshop_window (V21Session *self)
{
  GApplication *app = g_application_get_default ();

  if (!GTK_IS_APPLICATION (app))
    return NULL;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (V21_IS_WINDOW (l->data) && v21_window_get_workshop (l->data) == self->workshop)
      return l->data;
  return NULL;
}

static void
on_projector_destroy (V21Session *self)
{
  self->projector = NULL;
  emit_changed (self);
}

void
v21_session_set_projecting (V21Session *self,
                            gboolean    projecting)
{
  g_return_if_fail (V21_IS_SESSION (self));
  if ((self->projector != NULL) == !!projecting)
    return;
  if (projecting)
    {
      self->projector = v21_projector_window_new (self, workshop_window (self));
      g_signal_connect_object (self->projector, "destroy", G_CALLBACK (on_projector_destroy),
                               self, G_CONNECT_SWAPPED);
      v21_projector_window_show (self->projector);
    }
  else
    gtk_window_destroy (self->projector);
  emit_changed (self);
}

GtkWindow *
v21_session_get_projector (V21Session *self)
{
  g_return_val_if_fail (V21_IS_SESSION (self), NULL);
  return self->projector;
}
