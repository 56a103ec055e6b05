/* v21-timer.h — the sequence timer and the drift against the run sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* A countdown that knows nothing of clocks: every call takes @now, a monotonic
 * time in microseconds (g_get_monotonic_time() in the application, any number in
 * tests). Plain data: copy it, keep it in a struct. */
typedef struct
{
  gint64   duration;     /* microseconds, planned plus what was added */
  gint64   elapsed;      /* microseconds counted before the last start */
  gint64   started_at;   /* @now of the last start while running */
  gboolean running;
} V21Timer;

typedef enum
{
  V21_TIMER_NORMAL,      /* more than 20 % left */
  V21_TIMER_WARNING,     /* 20 % or less left */
  V21_TIMER_OVERRUN,     /* past the end */
} V21TimerPhase;

#define V21_TIMER_WARNING_FRACTION 0.2
#define V21_TIMER_EXTRA_MINUTES 5

void          v21_timer_init       (V21Timer   *timer,
                                    int         minutes);
void          v21_timer_start      (V21Timer   *timer,
                                    gint64      now);
void          v21_timer_pause      (V21Timer   *timer,
                                    gint64      now);
void          v21_timer_toggle     (V21Timer   *timer,
                                    gint64      now);
void          v21_timer_add        (V21Timer   *timer,
                                    int         minutes);
void          v21_timer_reset      (V21Timer   *timer);
gboolean      v21_timer_is_started (const V21Timer *timer);
gint64        v21_timer_elapsed    (const V21Timer *timer,
                                    gint64      now);
/* Microseconds left; negative once overrun. */
gint64        v21_timer_remaining  (const V21Timer *timer,
                                    gint64      now);
V21TimerPhase v21_timer_phase      (const V21Timer *timer,
                                    gint64      now);
/* "12:34", "1:02:03", and "+3:12" once overrun. */
char         *v21_timer_format     (const V21Timer *timer,
                                    gint64      now);

/* Drift of a sequence against the run sheet, in seconds (positive: late).
 * The planned end is the day's date plus the sequence's start and minutes, in
 * the time zone of @now; the expected end is @now plus @remaining seconds (the
 * timer's remaining time, 0 once overrun). */
gint64        v21_sequence_drift   (V21Workshop *workshop,
                                    V21Record   *sequence,
                                    GDateTime   *now,
                                    gint64       remaining);
/* "12 min late", "5 min ahead", "On time" (translated). */
char         *v21_drift_format     (gint64       seconds);

/* The planned start of @sequence, in @zone; NULL without a day or start. */
GDateTime    *v21_sequence_planned_start (V21Workshop *workshop,
                                          V21Record   *sequence,
                                          GTimeZone   *zone);

/* Records that @sequence ran from @started for @elapsed microseconds: sets
 * actual_start, actual_minutes (rounded) and status "done", one undo step. */
gboolean      v21_sequence_end     (V21Workshop *workshop,
                                    V21Record   *sequence,
                                    GDateTime   *started,
                                    gint64       elapsed,
                                    GError     **error);

/* The sequence before or after @sequence in the run sheet, or NULL. */
V21Record    *v21_sequence_next     (V21Workshop *workshop,
                                     V21Record   *sequence);
V21Record    *v21_sequence_previous (V21Workshop *workshop,
                                     V21Record   *sequence);
/* The sequence to show first: the running one, else the first not done, else the first. */
V21Record    *v21_sequence_current  (V21Workshop *workshop);

G_END_DECLS
