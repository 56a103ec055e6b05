/* v21-session.h — the state of a running seminar, shared by the live page,
 * the presenter console and the projector window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "v21-day-plan.h"
#include "v21-projector-scene.h"
#include "v21-timer.h"
#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_SESSION (v21_session_get_type ())
G_DECLARE_FINAL_TYPE (V21Session, v21_session, V21, SESSION, GObject)

/* One timer per sequence, so that going back and forth keeps each one. */
typedef struct
{
  V21Timer   timer;
  GDateTime *started;   /* wall clock of the first start */
  gboolean   alerted;   /* its end of time was signalled */
} V21SessionTimer;

/* The session of @workshop, created on first use; it lives as long as the
 * workshop (one workshop per window, so one session per window). Emits
 * "changed" whenever anything it holds changes, and "tick" four times a
 * second while the current timer runs, "time-up" once when the running timer
 * reaches its end (the console and the projector then flash for
 * V21_SESSION_ALERT_SECONDS). */
V21Session      *v21_session_get            (V21Workshop *workshop);
V21Workshop     *v21_session_get_workshop   (V21Session  *self);

/* The current sequence: the live page's, the projector's, the console's. */
V21Record       *v21_session_get_sequence   (V21Session  *self);
void             v21_session_set_sequence   (V21Session  *self,
                                             V21Record   *sequence);
gboolean         v21_session_go_next        (V21Session  *self);
gboolean         v21_session_go_previous    (V21Session  *self);

/* The timer of @sequence (NULL: the current one), created on first use. */
V21SessionTimer *v21_session_get_timer      (V21Session  *self,
                                             V21Record   *sequence);
void             v21_session_forget_timer   (V21Session  *self,
                                             V21Record   *sequence);
void             v21_session_toggle_timer   (V21Session  *self);
/* Tells the others that the current timer was changed directly. */
void             v21_session_timer_changed  (V21Session  *self);

/* What the room sees */
V21Scene         v21_session_get_scene      (V21Session  *self);
void             v21_session_set_scene      (V21Session  *self,
                                             V21Scene     scene);
gboolean         v21_session_get_black      (V21Session  *self);
void             v21_session_set_black      (V21Session  *self,
                                             gboolean     black);
gboolean         v21_session_get_frozen     (V21Session  *self);
void             v21_session_set_frozen     (V21Session  *self,
                                             gboolean     frozen);
gboolean         v21_session_get_dark       (V21Session  *self);
void             v21_session_set_dark       (V21Session  *self,
                                             gboolean     dark);
/* The round of the votes scene: the chosen one, else the current sequence's last. */
V21Record       *v21_session_get_round      (V21Session  *self);
/* The round chosen by the facilitator; NULL: the current sequence's. */
V21Record       *v21_session_get_chosen_round (V21Session *self);
void             v21_session_set_round      (V21Session  *self,
                                             V21Record   *round);
const char      *v21_session_get_scenario   (V21Session  *self);
void             v21_session_set_scenario   (V21Session  *self,
                                             const char  *scenario_id);
/* Whether the projector shows the running timer (a tick changes its picture). */
gboolean         v21_session_shows_timer    (V21Session  *self);
/* The size of the projector's picture: what freeze keeps, and the size every
 * drawing of the scene is laid out at (1920 × 1080 until the projector shows). */
void             v21_session_set_screen_size (V21Session *self,
                                              int         width,
                                              int         height);
void             v21_session_get_screen_size (V21Session *self,
                                              int        *width,
                                              int        *height);
/* The board's page (from 0), and how many it has on the projector's screen;
 * going to another sequence goes back to the first page. */
guint            v21_session_get_page       (V21Session  *self);
guint            v21_session_get_n_pages    (V21Session  *self);
void             v21_session_set_page       (V21Session  *self,
                                             guint        page);
/* The current sequence's drift against the run sheet ("12 min late"), set
 * @late from five minutes late; "" when there is no sequence. */
char            *v21_session_describe_drift (V21Session  *self,
                                             gboolean    *late);

/* The plan of the current sequence's day as the run goes; NULL without one. */
V21DayPlan      *v21_session_get_day_plan   (V21Session  *self);

#define V21_SESSION_ALERT_SECONDS 4
/* Whether the end-of-time alert is on, and whether its flash is lit now
 * (it blinks twice a second while on). */
gboolean         v21_session_get_alerting   (V21Session  *self);
gboolean         v21_session_get_alert_lit  (V21Session  *self);

/* What the projector shows next: under the black screen or the freeze, the
 * live scene; else the same scene for the next sequence. NULL @sequence:
 * nothing comes next. */
void             v21_session_draw_next      (V21Session  *self,
                                             cairo_t     *cr,
                                             double       width,
                                             double       height);
V21Record       *v21_session_get_next_sequence (V21Session *self);

/* Draws what the projector shows, at any size: the projector and the
 * console's thumbnail both call this. */
void             v21_session_draw           (V21Session  *self,
                                             cairo_t     *cr,
                                             double       width,
                                             double       height);

/* The projector window, opened on demand (NULL when closed). */
gboolean         v21_session_get_projecting (V21Session  *self);
void             v21_session_set_projecting (V21Session  *self,
                                             gboolean     projecting);
GtkWindow       *v21_session_get_projector  (V21Session  *self);

G_END_DECLS
