/* v21-day-plan.h — the day's plan as the run goes: drift and times pushed back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* Where a sequence stands against the one shown. */
typedef enum
{
  V21_PLAN_BEFORE,    /* before the current sequence in the day */
  V21_PLAN_CURRENT,
  V21_PLAN_COMING,
} V21PlanState;

typedef struct
{
  V21Record    *sequence;   /* borrowed from the workshop */
  V21PlanState  state;
  gint64        planned;    /* planned start, seconds after midnight */
  gint64        minutes;    /* planned length */
  gint64        expected;   /* when it starts (started) as the run goes, seconds
                             * after midnight on the plan's clock */
} V21PlanItem;

/* The day of a sequence, read against the run.
 *
 * On the day's own date the plan is the wall clock: starting late is drift.
 * Any other day (a rehearsal, a demo) reads the plan from the run's start:
 * the day's first sequence that started (in the last 12 hours) is taken as
 * on time, and what follows is compared with it. Until one starts there is
 * nothing to compare (@anchored FALSE, no drift). */
typedef struct
{
  V21Record   *day;           /* borrowed */
  gboolean     on_the_day;    /* now is on the day's date */
  gboolean     anchored;      /* the drift means something */
  gint64       now;           /* now on the plan's clock, seconds after midnight */
  gint64       drift;         /* seconds, positive: late; 0 unless anchored */
  gint64       planned_end;   /* the day's last sequence's planned end */
  gint64       expected_end;  /* the same, pushed back (or forward) by the drift */
  guint        n_items;
  V21PlanItem *items;         /* the day's sequences in order */
} V21DayPlan;

/* The plan of @current's day at @now; @started is when @current started in
 * this session (NULL: not started, or read from its actual_start), @remaining
 * its timer's seconds left (negative once overrun). NULL when @current has
 * no dated day or no start time. */
V21DayPlan *v21_day_plan_new   (V21Workshop *workshop,
                                V21Record   *current,
                                GDateTime   *started,
                                GDateTime   *now,
                                gint64       remaining);
void        v21_day_plan_free  (V21DayPlan  *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (V21DayPlan, v21_day_plan_free)

/* "HH:MM" of seconds after midnight, rounded to the minute. */
char       *v21_day_plan_format_time (gint64 seconds);

G_END_DECLS
