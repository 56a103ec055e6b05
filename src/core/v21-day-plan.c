/* v21-day-plan.c — the day's plan as the run goes: drift and times pushed back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-day-plan"

#include "config.h"

#include <stdio.h>

#include "v21-day-plan.h"
#include "v21-run-sheet.h"

/* A start older than this belongs to another run (yesterday's rehearsal). */
#define ANCHOR_WINDOW (12 * 3600)

/* The day's date at midnight in @zone, or NULL. */
static GDateTime *
day_midnight (V21Record *day,
              GTimeZone *zone)
{
  const char *date = v21_record_get_string (day, "date");
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new (zone, y, m, d, 0, 0, 0);
}

/* When @sequence began: @started for the current one, else its recorded start. */
static GDateTime *
began (V21Record *sequence,
       V21Record *current,
       GDateTime *started)
{
  const char *text;

  if (sequence == current && started != NULL)
    return g_date_time_ref (started);
  text = v21_record_get_string (sequence, "actual_start");
  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static gint64
seconds_between (GDateTime *from,
                 GDateTime *to)
{
  return g_date_time_difference (to, from) / G_USEC_PER_SEC;
}

/* Sets the plan's clock: where @anchor (a wall time) falls on it is @at. */
typedef struct
{
  GDateTime *wall;
  gint64     at;
} Anchor;

static gint64
on_clock (const Anchor *anchor,
          GDateTime    *time)
{
  return anchor->at + seconds_between (anchor->wall, time);
}

/* The day's first sequence up to @current that began in the 12 hours before @now. */
static gboolean
find_anchor (V21DayPlan *plan,
             V21Record  *current,
             GDateTime  *started,
             GDateTime  *now,
             Anchor     *anchor)
{
  for (guint i = 0; i < plan->n_items && plan->items[i].state != V21_PLAN_COMING; i++)
    {
      g_autoptr(GDateTime) wall = began (plan->items[i].sequence, current, started);
      gint64 ago = wall ? seconds_between (wall, now) : -1;

      if (ago >= 0 && ago <= ANCHOR_WINDOW)
        {
          anchor->wall = g_steal_pointer (&wall);
          anchor->at = plan->items[i].planned;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
fill_items (V21DayPlan  *plan,
            V21Workshop *workshop,
            V21Record   *current)
{
  g_autoptr(GPtrArray) sequences = v21_run_sheet_sequences (workshop, plan->day);
  V21PlanState state = V21_PLAN_BEFORE;

  plan->n_items = sequences->len;
  plan->items = g_new0 (V21PlanItem, MAX (sequences->len, 1));
  for (guint i = 0; i < sequences->len; i++)
    {
      V21PlanItem *item = &plan->items[i];
      int start;

      item->sequence = g_ptr_array_index (sequences, i);
      start = v21_time_parse (v21_record_get_string (item->sequence, "start"));
      if (start < 0)
        start = v21_run_sheet_start_of (workshop, item->sequence);
      item->planned = (gint64) start * 60;
      item->minutes = MAX (v21_record_get_int (item->sequence, "minutes", 0), 0);
      item->expected = item->planned;
      if (item->sequence == current)
        state = V21_PLAN_CURRENT;
      item->state = state;
      if (state == V21_PLAN_CURRENT)
        state = V21_PLAN_COMING;
      plan->planned_end = item->planned + item->minutes * 60;
    }
  plan->expected_end = plan->planned_end;
  return state == V21_PLAN_COMING;
}

/* With the plan's clock set: the drift, and every start where the run puts it. */
static void
follow_run (V21DayPlan   *plan,
            const Anchor *anchor,
            V21Record    *current,
            GDateTime    *started,
            gint64        remaining)
{
  for (guint i = 0; i < plan->n_items; i++)
    {
      V21PlanItem *item = &plan->items[i];
      g_autoptr(GDateTime) wall = NULL;

      if (item->state == V21_PLAN_COMING)
        {
          item->expected = item->planned + plan->drift;
          continue;
        }
      wall = began (item->sequence, current, started);
      if (item->state == V21_PLAN_CURRENT)
        {
          /* The expected end: now plus what the timer has left (now, once overrun). */
          plan->drift = plan->now + MAX (remaining, 0) - (item->planned + item->minutes * 60);
          item->expected = wall ? on_clock (anchor, wall) : plan->now;
        }
      else if (wall != NULL)
        item->expected = on_clock (anchor, wall);
    }
  plan->expected_end = plan->planned_end + plan->drift;
}

V21DayPlan *
v21_day_plan_new (V21Workshop *workshop,
                  V21Record   *current,
                  GDateTime   *started,
                  GDateTime   *now,
                  gint64       remaining)
{
  g_autoptr(V21DayPlan) plan = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  V21Record *day;
  Anchor anchor = { NULL, 0 };

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  if (current == NULL)
    return NULL;
  day = v21_workshop_lookup (workshop, v21_record_get_string (current, "day"));
  midnight = day ? day_midnight (day, g_date_time_get_timezone (now)) : NULL;
  if (midnight == NULL)
    return NULL;
  plan = g_new0 (V21DayPlan, 1);
  plan->day = day;
  if (!fill_items (plan, workshop, current))
    return NULL;
  plan->on_the_day = g_date_time_get_year (now) == g_date_time_get_year (midnight)
                     && g_date_time_get_day_of_year (now) == g_date_time_get_day_of_year (midnight);
  if (plan->on_the_day)
    {
      anchor.wall = g_date_time_ref (midnight);
      plan->anchored = TRUE;
    }
  else
    plan->anchored = find_anchor (plan, current, started, now, &anchor);
  if (plan->anchored)
    {
      plan->now = on_clock (&anchor, now);
      follow_run (plan, &anchor, current, started, remaining);
    }
  g_clear_pointer (&anchor.wall, g_date_time_unref);
  return g_steal_pointer (&plan);
}

void
v21_day_plan_free (V21DayPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->items);
  g_free (plan);
}

char *
v21_day_plan_format_time (gint64 seconds)
{
  gint64 minutes = (seconds + (seconds >= 0 ? 30 : -30)) / 60;

  return v21_time_format ((int) minutes);
}
