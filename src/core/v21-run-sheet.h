/* v21-run-sheet.h — the timed sequences of the days, and their arithmetic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* The run sheet is the list of sequences; each belongs to a day, and within
 * a day they follow the list's order. A sequence starts when the one before
 * it ends, the first when the day starts: the functions below change the run
 * sheet and store the start times again, as one undoable step each. */

/* Minutes after midnight of "HH:MM", or -1 when it is not a time. */
int         v21_time_parse              (const char       *text);
/* "HH:MM" (past midnight, the next day's time). */
char       *v21_time_format             (int               minutes);
/* A duration as people say it: "45 min", "1 h 30", "2 h". */
char       *v21_duration_format         (int               minutes);

typedef struct
{
  V21Record *day;
  int        start;        /* the day's hours, in minutes after midnight */
  int        end;
  int        planned_end;  /* when its last sequence ends */
  int        minutes;      /* the sequences' total */
  guint      n_sequences;
} V21RunSheetDay;

/* The sequences of @day in order (borrowed records). */
GPtrArray  *v21_run_sheet_sequences     (V21Workshop      *workshop,
                                         V21Record        *day);
void        v21_run_sheet_get_day       (V21Workshop      *workshop,
                                         V21Record        *day,
                                         V21RunSheetDay   *info);
/* Whether the day's sequences end after its hours. */
gboolean    v21_run_sheet_day_overruns  (V21Workshop      *workshop,
                                         V21Record        *day);
/* When @sequence starts, from its day's start and the sequences before it. */
int         v21_run_sheet_start_of      (V21Workshop      *workshop,
                                         V21Record        *sequence);
/* @date as g_date_time_format() would, but %A and %B (the day's and the
 * month's names) in the language of the translation, whatever the locale. */
char       *v21_date_format             (GDateTime        *date,
                                         const char       *format);
/* "March" in the language of the translation; @month from 1 to 12. */
const char *v21_month_name              (int               month);
/* The day's date for people: "Thursday 18 March 2027" in the user's language. */
char       *v21_run_sheet_format_date   (V21Record        *day);
/* The seminar's days: "18 and 19 March 2027", "30 March to 1 April 2027";
 * NULL without dated days. */
char       *v21_run_sheet_format_dates  (V21Workshop      *workshop);
/* What the run sheet says under a sequence's title: its duration, kind and
 * exercise code, "1 h 30 · In tables · T1" ("15 min · Break" without an
 * exercise), in the user's language. */
char       *v21_run_sheet_format_caption (V21Workshop      *workshop,
                                          V21Record        *sequence);

/* Stores every sequence's computed start (inside the caller's group). */
gboolean    v21_run_sheet_update_starts (V21Workshop      *workshop,
                                         GError          **error);

gboolean    v21_run_sheet_set_minutes   (V21Workshop      *workshop,
                                         V21Record        *sequence,
                                         int               minutes,
                                         GError          **error);
/* Moves @sequence to @day, at @index among that day's other sequences
 * (past the last: at the end). */
gboolean    v21_run_sheet_move          (V21Workshop      *workshop,
                                         V21Record        *sequence,
                                         V21Record        *day,
                                         guint             index,
                                         GError          **error);
gboolean    v21_run_sheet_remove        (V21Workshop      *workshop,
                                         V21Record        *sequence,
                                         GError          **error);
/* Inserts a sequence with @fields (stolen; "day" and "start" are set here). */
V21Record  *v21_run_sheet_insert        (V21Workshop      *workshop,
                                         V21Record        *day,
                                         guint             index,
                                         json_object      *fields,
                                         GError          **error);

typedef enum
{
  V21_BLOCK_BREAK,
  V21_BLOCK_LUNCH,
  V21_BLOCK_PLENARY,
  V21_BLOCK_FREE,
} V21Block;

/* A sequence for one of the workshop's exercises: its title, default
 * duration, kind and instructions come from the exercise. */
V21Record  *v21_run_sheet_add_exercise  (V21Workshop      *workshop,
                                         V21Record        *day,
                                         guint             index,
                                         V21Record        *exercise,
                                         GError          **error);
V21Record  *v21_run_sheet_add_block     (V21Workshop      *workshop,
                                         V21Record        *day,
                                         guint             index,
                                         V21Block          block,
                                         GError          **error);

/* The day's hours ("HH:MM"); the start times follow. */
gboolean    v21_run_sheet_set_day_hours (V21Workshop      *workshop,
                                         V21Record        *day,
                                         const char       *start,
                                         const char       *end,
                                         GError          **error);
/* A day after the last one (or tomorrow), 09:00 to 17:00. */
V21Record  *v21_run_sheet_add_day       (V21Workshop      *workshop,
                                         GError          **error);
/* Dates the days one after the other from @first. */
gboolean    v21_run_sheet_set_dates     (V21Workshop      *workshop,
                                         GDate            *first,
                                         GError          **error);

G_END_DECLS
