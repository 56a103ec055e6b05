/* v21-run-sheet.c — the timed sequences of the days, and their arithmetic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-run-sheet"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-labels.h"
#include "v21-run-sheet.h"

#define MINUTES_PER_DAY (24 * 60)

int
v21_time_parse (const char *text)
{
  if (text == NULL || strlen (text) != 5 || text[2] != ':'
      || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1])
      || !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return -1;
  {
    int hours = (text[0] - '0') * 10 + (text[1] - '0');
    int minutes = (text[3] - '0') * 10 + (text[4] - '0');

    if (hours > 23 || minutes > 59)
      return -1;
    return hours * 60 + minutes;
  }
}

char *
v21_time_format (int minutes)
{
  minutes = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

char *
v21_duration_format (int minutes)
{
  if (minutes < 60)
    /* Translators: a duration under an hour. */
    return g_strdup_printf (_("%d min"), minutes);
  if (minutes % 60 == 0)
    /* Translators: a duration in whole hours. */
    return g_strdup_printf (_("%d h"), minutes / 60);
  /* Translators: a duration in hours and minutes, "1 h 30". */
  return g_strdup_printf (_("%d h %02d"), minutes / 60, minutes % 60);
}

/* Reading */

static V21Collection *
sequences_of (V21Workshop *workshop)
{
  return v21_workshop_get_collection (workshop, "sequences");
}

GPtrArray *
v21_run_sheet_sequences (V21Workshop *workshop,
                         V21Record   *day)
{
  V21Collection *all;
  GPtrArray *found = g_ptr_array_new ();
  const char *id = day != NULL ? v21_record_get_id (day) : NULL;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), found);
  all = sequences_of (workshop);
  for (guint i = 0; i < v21_collection_get_n (all); i++)
    {
      V21Record *sequence = v21_collection_get (all, i);

      if (g_strcmp0 (v21_record_get_string (sequence, "day"), id) == 0)
        g_ptr_array_add (found, sequence);
    }
  return found;
}

void
v21_run_sheet_get_day (V21Workshop    *workshop,
                       V21Record      *day,
                       V21RunSheetDay *info)
{
  g_autoptr(GPtrArray) sequences = NULL;

  g_return_if_fail (V21_IS_WORKSHOP (workshop));
  g_return_if_fail (V21_IS_RECORD (day));
  memset (info, 0, sizeof *info);
  info->day = day;
  info->start = MAX (v21_time_parse (v21_record_get_string (day, "start")), 0);
  info->end = MAX (v21_time_parse (v21_record_get_string (day, "end")), info->start);
  sequences = v21_run_sheet_sequences (workshop, day);
  for (guint i = 0; i < sequences->len; i++)
    info->minutes += v21_record_get_int (g_ptr_array_index (sequences, i), "minutes", 0);
  info->n_sequences = sequences->len;
  info->planned_end = info->start + info->minutes;
}

gboolean
v21_run_sheet_day_overruns (V21Workshop *workshop,
                            V21Record   *day)
{
  V21RunSheetDay info;

  v21_run_sheet_get_day (workshop, day, &info);
  return info.planned_end > info.end;
}

int
v21_run_sheet_start_of (V21Workshop *workshop,
                        V21Record   *sequence)
{
  V21Record *day;
  g_autoptr(GPtrArray) sequences = NULL;
  int start;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), 0);
  day = v21_workshop_lookup (workshop, v21_record_get_string (sequence, "day"));
  if (day == NULL)
    return 0;
  start = MAX (v21_time_parse (v21_record_get_string (day, "start")), 0);
  sequences = v21_run_sheet_sequences (workshop, day);
  for (guint i = 0; i < sequences->len && g_ptr_array_index (sequences, i) != sequence; i++)
    start += v21_record_get_int (g_ptr_array_index (sequences, i), "minutes", 0);
  return start;
}

/* The day's date at noon, local time; NULL when it has none. */
static GDateTime *
day_date (V21Record *day)
{
  const char *text = v21_record_get_string (day, "date");

  if (text == NULL || strlen (text) != 10)
    return NULL;
  return g_date_time_new_local (g_ascii_strtoll (text, NULL, 10), g_ascii_strtoll (text + 5, NULL, 10),
                                g_ascii_strtoll (text + 8, NULL, 10), 12, 0, 0);
}

/* Names of days and months come from the translation, not from the C
 * library's locale: a report in French is dated in French even when the
 * system's locale is C.UTF-8 (LANGUAGE=fr alone). */
static const char *
weekday_name (int weekday)
{
  static const char * const names[] = {
    NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
    NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
    NC_("weekday", "Sunday"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", names[CLAMP (weekday, 1, 7) - 1]);
}

const char *
v21_month_name (int month)
{
  static const char * const names[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"), NC_("month", "April"),
    NC_("month", "May"), NC_("month", "June"), NC_("month", "July"), NC_("month", "August"),
    NC_("month", "September"), NC_("month", "October"), NC_("month", "November"),
    NC_("month", "December"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", names[CLAMP (month, 1, 12) - 1]);
}

/**
 * v21_date_format:
 * @date: a date
 * @format: as for g_date_time_format(), where %A and %B are the day's and
 *   the month's names in the language of the translation
 *
 * Returns: (transfer full): @date as text
 */
char *
v21_date_format (GDateTime  *date,
                 const char *format)
{
  GString *out = g_string_new (NULL);

  for (const char *p = format; *p != '\0'; p++)
    {
      const char *spec = p;
      g_autofree char *piece = NULL;
      g_autofree char *one = NULL;

      if (*p != '%' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      if (*p == 'A')
        g_string_append (out, weekday_name (g_date_time_get_day_of_week (date)));
      else if (*p == 'B')
        g_string_append (out, v21_month_name (g_date_time_get_month (date)));
      else
        {
          while (strchr ("-_0:", *p) != NULL && p[1] != '\0')
            p++;
          one = g_strndup (spec, p - spec + 1);
          piece = g_date_time_format (date, one);
          g_string_append (out, piece != NULL ? piece : "");
        }
    }
  return g_string_free (out, FALSE);
}

char *
v21_run_sheet_format_date (V21Record *day)
{
  const char *text = v21_record_get_string (day, "date");
  g_autoptr(GDateTime) date = day_date (day);

  if (date == NULL)
    return g_strdup (text != NULL ? text : "");
  /* Translators: a day of the workshop, e.g. "Thursday 18 March 2027"
   * (see the g_date_time_format() documentation). */
  return v21_date_format (date, _("%A %-d %B %Y"));
}

char *
v21_run_sheet_format_dates (V21Workshop *workshop)
{
  V21Collection *days = v21_workshop_get_collection (workshop, "days");
  guint n = v21_collection_get_n (days);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *first_text = NULL;

  if (n == 0)
    return NULL;
  first = day_date (v21_collection_get (days, 0));
  last = day_date (v21_collection_get (days, n - 1));
  if (first == NULL || last == NULL)
    return NULL;
  /* Translators: a date, as in g_date_time_format(): "18 mars 2027". */
  last_text = v21_date_format (last, _("%-d %B %Y"));
  if (n == 1)
    return g_steal_pointer (&last_text);
  if (g_date_time_get_month (first) == g_date_time_get_month (last)
      && g_date_time_get_year (first) == g_date_time_get_year (last))
    first_text = g_date_time_format (first, "%-d");
  else
    first_text = v21_date_format (first, _("%-d %B %Y"));
  /* Translators: two days of a seminar: "18 et 19 mars 2027". */
  return g_strdup_printf (n == 2 ? _("%s and %s") : _("%s to %s"), first_text, last_text);
}

char *
v21_run_sheet_format_caption (V21Workshop *workshop,
                              V21Record   *sequence)
{
  V21Record *exercise = v21_workshop_lookup (workshop, v21_record_get_string (sequence, "exercise"));
  g_autofree char *duration = v21_duration_format (v21_record_get_int (sequence, "minutes", 0));
  const char *kind = v21_label ("sequence_kind", v21_record_get_string (sequence, "kind"));

  if (exercise != NULL && v21_record_get_string (exercise, "code") != NULL)
    return g_strdup_printf ("%s · %s · %s", duration, kind, v21_record_get_string (exercise, "code"));
  return g_strdup_printf ("%s · %s", duration, kind);
}

/* Changing */

gboolean
v21_run_sheet_update_starts (V21Workshop  *workshop,
                             GError      **error)
{
  V21Collection *days = v21_workshop_get_collection (workshop, "days");

  for (guint d = 0; d < v21_collection_get_n (days); d++)
    {
      V21Record *day = v21_collection_get (days, d);
      g_autoptr(GPtrArray) sequences = v21_run_sheet_sequences (workshop, day);
      int start = MAX (v21_time_parse (v21_record_get_string (day, "start")), 0);

      for (guint i = 0; i < sequences->len; i++)
        {
          V21Record *sequence = g_ptr_array_index (sequences, i);
          g_autofree char *time = v21_time_format (start);

          if (g_strcmp0 (v21_record_get_string (sequence, "start"), time) != 0
              && !v21_workshop_set (workshop, sequence, "start", json_object_new_string (time), error))
            return FALSE;
          start += v21_record_get_int (sequence, "minutes", 0);
        }
    }
  return TRUE;
}

/* Ends a group begun for an edit: the start times follow it. */
static gboolean
finish (V21Workshop  *workshop,
        gboolean      ok,
        GError      **error)
{
  ok = ok && v21_run_sheet_update_starts (workshop, error);
  v21_workshop_end_group (workshop);
  return ok;
}

gboolean
v21_run_sheet_set_minutes (V21Workshop  *workshop,
                           V21Record    *sequence,
                           int           minutes,
                           GError      **error)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (V21_IS_RECORD (sequence), FALSE);
  v21_workshop_begin_group (workshop, _("Change the duration"));
  return finish (workshop,
                 v21_workshop_set (workshop, sequence, "minutes", json_object_new_int (minutes), error),
                 error);
}

static guint
day_position (V21Workshop *workshop,
              const char  *day_id)
{
  V21Collection *days = v21_workshop_get_collection (workshop, "days");
  V21Record *day = v21_workshop_lookup (workshop, day_id);
  guint position = G_MAXUINT;

  if (day != NULL)
    v21_collection_find (days, day, &position);
  return position;
}

/* Where in the whole list a sequence goes to be at @index of @day, once
 * @moving (nullable) is out of the list. */
static guint
list_position (V21Workshop *workshop,
               V21Record   *moving,
               V21Record   *day,
               guint        index)
{
  V21Collection *all = sequences_of (workshop);
  guint target_day = day_position (workshop, v21_record_get_id (day));
  guint position = 0;
  guint seen = 0;
  guint after_earlier = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < v21_collection_get_n (all); i++)
    {
      V21Record *sequence = v21_collection_get (all, i);
      guint its_day;

      if (sequence == moving)
        continue;
      its_day = day_position (workshop, v21_record_get_string (sequence, "day"));
      if (its_day == target_day)
        {
          if (seen++ == index)
            return position;
          any = TRUE;
          after_earlier = position + 1;
        }
      else if (its_day < target_day && !any)
        {
          after_earlier = position + 1;
        }
      position++;
    }
  return after_earlier;
}

gboolean
v21_run_sheet_move (V21Workshop  *workshop,
                    V21Record    *sequence,
                    V21Record    *day,
                    guint         index,
                    GError      **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (V21_IS_RECORD (sequence), FALSE);
  g_return_val_if_fail (V21_IS_RECORD (day), FALSE);
  v21_workshop_begin_group (workshop, _("Move a sequence"));
  if (g_strcmp0 (v21_record_get_string (sequence, "day"), v21_record_get_id (day)) != 0)
    ok = v21_workshop_set (workshop, sequence, "day", json_object_new_string (v21_record_get_id (day)), error);
  ok = ok && v21_workshop_move (workshop, sequence, list_position (workshop, sequence, day, index), error);
  return finish (workshop, ok, error);
}

gboolean
v21_run_sheet_remove (V21Workshop  *workshop,
                      V21Record    *sequence,
                      GError      **error)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  v21_workshop_begin_group (workshop, _("Delete a sequence"));
  return finish (workshop, v21_workshop_remove (workshop, sequence, error), error);
}

V21Record *
v21_run_sheet_insert (V21Workshop  *workshop,
                      V21Record    *day,
                      guint         index,
                      json_object  *fields,
                      GError      **error)
{
  V21Record *sequence;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (V21_IS_RECORD (day), NULL);
  json_object_object_add (fields, "day", json_object_new_string (v21_record_get_id (day)));
  json_object_object_add (fields, "start", json_object_new_string ("00:00"));
  v21_workshop_begin_group (workshop, _("Add a sequence"));
  sequence = v21_workshop_insert (workshop, "sequences", list_position (workshop, NULL, day, index),
                                  fields, error);
  return finish (workshop, sequence != NULL, error) ? sequence : NULL;
}

/* The fields of a new sequence, in the order of the file format. */
static json_object *
sequence_fields (const char *title,
                 int         minutes,
                 const char *exercise,
                 const char *kind,
                 const char *instructions)
{
  json_object *fields = json_object_new_object ();

  json_object_object_add (fields, "minutes", json_object_new_int (minutes));
  json_object_object_add (fields, "title", json_object_new_string (title));
  json_object_object_add (fields, "exercise", exercise ? json_object_new_string (exercise) : NULL);
  json_object_object_add (fields, "kind", json_object_new_string (kind));
  json_object_object_add (fields, "instructions", json_object_new_string (instructions ? instructions : ""));
  json_object_object_add (fields, "notes", json_object_new_string (""));
  json_object_object_add (fields, "status", json_object_new_string ("planned"));
  return fields;
}

V21Record *
v21_run_sheet_add_exercise (V21Workshop  *workshop,
                            V21Record    *day,
                            guint         index,
                            V21Record    *exercise,
                            GError      **error)
{
  const char *code;
  const char *title;
  const char *kind;
  g_autofree char *full_title = NULL;

  g_return_val_if_fail (V21_IS_RECORD (exercise), NULL);
  code = v21_record_get_string (exercise, "code");
  title = v21_record_get_string (exercise, "title");
  kind = v21_record_get_string (exercise, "kind");
  if (code != NULL && code[0] != '\0')
    full_title = g_strdup_printf ("%s — %s", code, title);
  else
    full_title = g_strdup (title);
  return v21_run_sheet_insert (workshop, day, index,
                               sequence_fields (full_title,
                                                v21_record_get_int (exercise, "minutes", 60),
                                                v21_record_get_id (exercise),
                                                kind != NULL ? kind : "tables",
                                                v21_record_get_string (exercise, "instructions")),
                               error);
}

V21Record *
v21_run_sheet_add_block (V21Workshop  *workshop,
                         V21Record    *day,
                         guint         index,
                         V21Block      block,
                         GError      **error)
{
  json_object *fields;

  switch (block)
    {
    case V21_BLOCK_BREAK:
      fields = sequence_fields (_("Break"), 15, NULL, "break", NULL);
      break;
    case V21_BLOCK_LUNCH:
      fields = sequence_fields (_("Lunch"), 60, NULL, "break", NULL);
      break;
    case V21_BLOCK_PLENARY:
      fields = sequence_fields (_("Plenary session"), 30, NULL, "plenary", NULL);
      break;
    case V21_BLOCK_FREE:
    default:
      fields = sequence_fields (_("New sequence"), 30, NULL, "tables", NULL);
      break;
    }
  return v21_run_sheet_insert (workshop, day, index, fields, error);
}

/* Days */

static gboolean
set_string (V21Workshop  *workshop,
            V21Record    *record,
            const char   *field,
            const char   *value,
            GError      **error)
{
  return v21_workshop_set (workshop, record, field, json_object_new_string (value), error);
}

gboolean
v21_run_sheet_set_day_hours (V21Workshop  *workshop,
                             V21Record    *day,
                             const char   *start,
                             const char   *end,
                             GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (V21_IS_RECORD (day), FALSE);
  if (v21_time_parse (start) < 0 || v21_time_parse (end) <= v21_time_parse (start))
    {
      g_set_error (error, V21_ERROR, V21_ERROR_VALUE,
                   _("A day must end after it starts (%s – %s)"), start, end);
      return FALSE;
    }
  v21_workshop_begin_group (workshop, _("Change the day’s hours"));
  /* The day must end after it starts at every step. */
  if (v21_time_parse (start) < v21_time_parse (v21_record_get_string (day, "end")))
    ok = set_string (workshop, day, "start", start, error) && set_string (workshop, day, "end", end, error);
  else
    ok = set_string (workshop, day, "end", end, error) && set_string (workshop, day, "start", start, error);
  return finish (workshop, ok, error);
}

static char *
date_after (V21Collection *days)
{
  guint n = v21_collection_get_n (days);
  const char *last = n > 0 ? v21_record_get_string (v21_collection_get (days, n - 1), "date") : NULL;
  GDate date;
  char text[16];

  g_date_clear (&date, 1);
  if (last != NULL)
    g_date_set_parse (&date, last);
  if (last == NULL || !g_date_valid (&date))
    g_date_set_time_t (&date, time (NULL));
  g_date_add_days (&date, 1);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

V21Record *
v21_run_sheet_add_day (V21Workshop  *workshop,
                       GError      **error)
{
  V21Collection *days;
  g_autofree char *date = NULL;
  json_object *fields;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  days = v21_workshop_get_collection (workshop, "days");
  date = date_after (days);
  fields = json_object_new_object ();
  json_object_object_add (fields, "date", json_object_new_string (date));
  json_object_object_add (fields, "start", json_object_new_string ("09:00"));
  json_object_object_add (fields, "end", json_object_new_string ("17:00"));
  return v21_workshop_insert (workshop, "days", -1, fields, error);
}

gboolean
v21_run_sheet_set_dates (V21Workshop  *workshop,
                         GDate        *first,
                         GError      **error)
{
  V21Collection *days;
  GDate date = *first;
  gboolean ok = TRUE;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (first != NULL && g_date_valid (first), FALSE);
  days = v21_workshop_get_collection (workshop, "days");
  v21_workshop_begin_group (workshop, _("Change the dates"));
  for (guint d = 0; ok && d < v21_collection_get_n (days); d++)
    {
      char text[16];

      g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
      ok = set_string (workshop, v21_collection_get (days, d), "date", text, error);
      g_date_add_days (&date, 1);
    }
  v21_workshop_end_group (workshop);
  return ok;
}
