/* v21-timer.c — the sequence timer and the drift against the run sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-timer"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "v21-timer.h"

void
v21_timer_init (V21Timer *timer,
                int       minutes)
{
  g_return_if_fail (timer != NULL);
  *timer = (V21Timer) { (gint64) MAX (minutes, 0) * 60 * G_USEC_PER_SEC, 0, 0, FALSE };
}

void
v21_timer_start (V21Timer *timer,
                 gint64    now)
{
  g_return_if_fail (timer != NULL);
  if (timer->running)
    return;
  timer->started_at = now;
  timer->running = TRUE;
}

void
v21_timer_pause (V21Timer *timer,
                 gint64    now)
{
  g_return_if_fail (timer != NULL);
  if (!timer->running)
    return;
  timer->elapsed += MAX (now - timer->started_at, 0);
  timer->running = FALSE;
}

void
v21_timer_toggle (V21Timer *timer,
                  gint64    now)
{
  if (timer->running)
    v21_timer_pause (timer, now);
  else
    v21_timer_start (timer, now);
}

void
v21_timer_add (V21Timer *timer,
               int       minutes)
{
  g_return_if_fail (timer != NULL);
  timer->duration = MAX (timer->duration + (gint64) minutes * 60 * G_USEC_PER_SEC, 0);
}

/* Back to the full planned time, stopped; what was added stays added. */
void
v21_timer_reset (V21Timer *timer)
{
  g_return_if_fail (timer != NULL);
  timer->elapsed = 0;
  timer->started_at = 0;
  timer->running = FALSE;
}

gboolean
v21_timer_is_started (const V21Timer *timer)
{
  return timer->running || timer->elapsed > 0;
}

gint64
v21_timer_elapsed (const V21Timer *timer,
                   gint64          now)
{
  g_return_val_if_fail (timer != NULL, 0);
  if (timer->running)
    return timer->elapsed + MAX (now - timer->started_at, 0);
  return timer->elapsed;
}

gint64
v21_timer_remaining (const V21Timer *timer,
                     gint64          now)
{
  return timer->duration - v21_timer_elapsed (timer, now);
}

V21TimerPhase
v21_timer_phase (const V21Timer *timer,
                 gint64          now)
{
  gint64 remaining = v21_timer_remaining (timer, now);

  if (remaining < 0)
    return V21_TIMER_OVERRUN;
  if (remaining <= timer->duration * V21_TIMER_WARNING_FRACTION)
    return V21_TIMER_WARNING;
  return V21_TIMER_NORMAL;
}

static char *
format_seconds (gint64      seconds,
                const char *sign)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%s%ld:%02d:%02d", sign, (long) (seconds / 3600),
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%s%ld:%02d", sign, (long) (seconds / 60), (int) (seconds % 60));
}

char *
v21_timer_format (const V21Timer *timer,
                  gint64          now)
{
  gint64 remaining = v21_timer_remaining (timer, now);

  /* Counting down shows whole seconds still to go (10:00 at the start, 0:01 in
   * the last second); past the end, whole seconds over. */
  if (remaining >= 0)
    return format_seconds ((remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC, "");
  return format_seconds (-remaining / G_USEC_PER_SEC, "+");
}

/* The run sheet */

GDateTime *
v21_sequence_planned_start (V21Workshop *workshop,
                            V21Record   *sequence,
                            GTimeZone   *zone)
{
  V21Record *day;
  const char *date;
  const char *start;
  int y, mo, d, h, mi;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (V21_IS_RECORD (sequence), NULL);
  day = v21_workshop_lookup (workshop, v21_record_get_string (sequence, "day"));
  if (day == NULL)
    return NULL;
  date = v21_record_get_string (day, "date");
  start = v21_record_get_string (sequence, "start");
  if (sscanf (date, "%4d-%2d-%2d", &y, &mo, &d) != 3 || sscanf (start, "%2d:%2d", &h, &mi) != 2)
    return NULL;
  return g_date_time_new (zone, y, mo, d, h, mi, 0);
}

gint64
v21_sequence_drift (V21Workshop *workshop,
                    V21Record   *sequence,
                    GDateTime   *now,
                    gint64       remaining)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) planned_end = NULL;
  g_autoptr(GDateTime) expected_end = NULL;

  g_return_val_if_fail (now != NULL, 0);
  start = v21_sequence_planned_start (workshop, sequence, g_date_time_get_timezone (now));
  if (start == NULL)
    return 0;
  planned_end = g_date_time_add_minutes (start, (int) v21_record_get_int (sequence, "minutes", 0));
  expected_end = g_date_time_add_seconds (now, MAX (remaining, 0));
  return g_date_time_difference (expected_end, planned_end) / G_USEC_PER_SEC;
}

char *
v21_drift_format (gint64 seconds)
{
  long minutes = (long) ((llabs (seconds) + 30) / 60);

  if (minutes == 0)
    return g_strdup (_("On time"));
  if (seconds > 0)
    /* Translators: the run is behind the run sheet, e.g. "12 min de retard" */
    return g_strdup_printf (_("%ld min late"), minutes);
  /* Translators: the run is ahead of the run sheet, e.g. "5 min d'avance" */
  return g_strdup_printf (_("%ld min ahead"), minutes);
}

gboolean
v21_sequence_end (V21Workshop *workshop,
                  V21Record   *sequence,
                  GDateTime   *started,
                  gint64       elapsed,
                  GError     **error)
{
  g_autofree char *instant = NULL;
  gint64 minutes = CLAMP ((elapsed + 30 * G_USEC_PER_SEC) / (60 * G_USEC_PER_SEC), 0, 1440);
  gboolean ok;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (V21_IS_RECORD (sequence), FALSE);
  g_return_val_if_fail (started != NULL, FALSE);
  instant = g_date_time_format (started, "%Y-%m-%dT%H:%M:%S%:z");
  v21_workshop_begin_group (workshop, _("End sequence"));
  ok = v21_workshop_set (workshop, sequence, "actual_start", json_object_new_string (instant), error)
       && v21_workshop_set (workshop, sequence, "actual_minutes", json_object_new_int64 (minutes), error)
       && v21_workshop_set (workshop, sequence, "status", json_object_new_string ("done"), error);
  if (ok)
    v21_workshop_end_group (workshop);
  else
    v21_workshop_cancel_group (workshop);
  return ok;
}

static V21Record *
sequence_at (V21Workshop *workshop,
             V21Record   *sequence,
             int          offset)
{
  V21Collection *sequences = v21_workshop_get_collection (workshop, "sequences");
  guint position;

  if (!v21_collection_find (sequences, sequence, &position))
    return NULL;
  if ((offset < 0 && position == 0) || position + offset >= v21_collection_get_n (sequences))
    return NULL;
  return v21_collection_get (sequences, position + offset);
}

V21Record *
v21_sequence_next (V21Workshop *workshop,
                   V21Record   *sequence)
{
  return sequence_at (workshop, sequence, 1);
}

V21Record *
v21_sequence_previous (V21Workshop *workshop,
                       V21Record   *sequence)
{
  return sequence_at (workshop, sequence, -1);
}

V21Record *
v21_sequence_current (V21Workshop *workshop)
{
  V21Collection *sequences = v21_workshop_get_collection (workshop, "sequences");
  guint n = v21_collection_get_n (sequences);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (v21_record_get_string (v21_collection_get (sequences, i), "status"), "running") == 0)
      return v21_collection_get (sequences, i);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (v21_record_get_string (v21_collection_get (sequences, i), "status"), "done") != 0
        && g_strcmp0 (v21_record_get_string (v21_collection_get (sequences, i), "status"), "skipped") != 0)
      return v21_collection_get (sequences, i);
  return n > 0 ? v21_collection_get (sequences, 0) : NULL;
}
