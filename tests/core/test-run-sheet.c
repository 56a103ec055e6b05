/* The run sheet's arithmetic: start times follow the day's start and the
 * order, whatever moves or changes length, across the two days; a day that
 * overruns its hours says so; each change is one undo step. */

#include "config.h"

#include <locale.h>

#include "v21-labels.h"
#include "v21-run-sheet.h"
#include "v21-workshop.h"
#include "test-util.h"

/* The stored start of @id, and the computed one, are both @expected. */
static void
assert_start (V21Workshop *workshop,
              const char  *id,
              const char  *expected)
{
  V21Record *sequence = test_get (workshop, id);
  g_autofree char *computed = v21_time_format (v21_run_sheet_start_of (workshop, sequence));

  g_assert_cmpstr (v21_record_get_string (sequence, "start"), ==, expected);
  g_assert_cmpstr (computed, ==, expected);
}

/* The ids of @day's sequences, joined with spaces. */
static char *
order_of (V21Workshop *workshop,
          const char  *day)
{
  g_autoptr(GPtrArray) sequences = v21_run_sheet_sequences (workshop, test_get (workshop, day));
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < sequences->len; i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "", v21_record_get_id (g_ptr_array_index (sequences, i)));
  return g_strdup (ids->str);
}

static void
assert_day (V21Workshop *workshop,
            const char  *id,
            const char  *planned_end,
            gboolean     overruns)
{
  V21RunSheetDay info;
  g_autofree char *end = NULL;

  v21_run_sheet_get_day (workshop, test_get (workshop, id), &info);
  end = v21_time_format (info.planned_end);
  g_assert_cmpstr (end, ==, planned_end);
  g_assert_cmpint (v21_run_sheet_day_overruns (workshop, test_get (workshop, id)), ==, overruns);
}

static void
test_time_format (void)
{
  static const struct { const char *text; int minutes; } times[] = {
    { "00:00", 0 }, { "09:05", 545 }, { "23:59", 1439 }, { "24:00", -1 }, { "9:05", -1 },
    { "09:60", -1 }, { "ab:cd", -1 }, { "", -1 },
  };
  g_autofree char *wrapped = v21_time_format (24 * 60 + 30);
  g_autofree char *d45 = v21_duration_format (45);
  g_autofree char *d90 = v21_duration_format (90);
  g_autofree char *d120 = v21_duration_format (120);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    g_assert_cmpint (v21_time_parse (times[i].text), ==, times[i].minutes);
  g_assert_cmpint (v21_time_parse (NULL), ==, -1);
  g_assert_cmpstr (wrapped, ==, "00:30");
  g_assert_cmpstr (d45, ==, "45 min");
  g_assert_cmpstr (d90, ==, "1 h 30");
  g_assert_cmpstr (d120, ==, "2 h");
}

/* The line under a sequence's title, in the run sheet page and the print kit. */
static void
test_caption (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autofree char *tables = v21_run_sheet_format_caption (workshop, test_get (workshop, "s1"));
  g_autofree char *pause = v21_run_sheet_format_caption (workshop, test_get (workshop, "s2"));
  g_autofree char *vote = v21_run_sheet_format_caption (workshop, test_get (workshop, "s3"));

  g_assert_cmpstr (tables, ==, "1 h 30 · In tables · T1");
  g_assert_cmpstr (pause, ==, "15 min · Break");
  g_assert_cmpstr (vote, ==, "30 min · Vote · T2");
}

static void
test_demo_days (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  g_autofree char *date = v21_run_sheet_format_date (test_get (workshop, "d1"));
  V21RunSheetDay info;

  v21_run_sheet_get_day (workshop, test_get (workshop, "d1"), &info);
  g_assert_cmpint (info.start, ==, 9 * 60);
  g_assert_cmpint (info.end, ==, 17 * 60 + 30);
  g_assert_cmpint (info.minutes, ==, 510);
  g_assert_cmpuint (info.n_sequences, ==, 9);
  assert_day (workshop, "d1", "17:30", FALSE);
  assert_day (workshop, "d2", "17:00", FALSE);
  assert_start (workshop, "seq-d1-07", "14:00");
  assert_start (workshop, "seq-d2-06", "14:30");
  g_assert_cmpstr (date, ==, "Thursday 18 March 2027");
}

static void
test_set_minutes (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autoptr(GError) error = NULL;

  /* T1 takes two hours instead of one and a half: what follows shifts by 30
   * minutes, the day ends at 18:00 and overruns; day 2 does not move. */
  g_assert_true (v21_run_sheet_set_minutes (workshop, test_get (workshop, "seq-d1-03"), 120, &error));
  g_assert_no_error (error);
  assert_start (workshop, "seq-d1-03", "09:45");
  assert_start (workshop, "seq-d1-04", "11:45");
  assert_start (workshop, "seq-d1-09", "17:30");
  assert_day (workshop, "d1", "18:00", TRUE);
  assert_start (workshop, "seq-d2-02", "09:45");
  assert_day (workshop, "d2", "17:00", FALSE);

  /* Shorter again: no longer overrunning. */
  g_assert_true (v21_run_sheet_set_minutes (workshop, test_get (workshop, "seq-d1-03"), 60, &error));
  assert_start (workshop, "seq-d1-09", "16:30");
  assert_day (workshop, "d1", "17:00", FALSE);
  g_assert_true (v21_workshop_undo (workshop));

  test_assert_undo_restores (workshop, before);
}

static void
test_impossible_minutes (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (v21_run_sheet_set_minutes (workshop, test_get (workshop, "seq-d1-03"), 0, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_false (v21_run_sheet_set_minutes (workshop, test_get (workshop, "seq-d1-03"), -20, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  test_assert_unchanged (workshop, before);
}

static void
test_move_within_day (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autofree char *order = NULL;

  /* The morning break first. */
  g_assert_true (v21_run_sheet_move (workshop, test_get (workshop, "seq-d1-04"), test_get (workshop, "d1"), 0, NULL));
  order = order_of (workshop, "d1");
  g_assert_cmpstr (order, ==, "seq-d1-04 seq-d1-01 seq-d1-02 seq-d1-03 seq-d1-05 seq-d1-06 seq-d1-07 seq-d1-08 seq-d1-09");
  assert_start (workshop, "seq-d1-04", "09:00");
  assert_start (workshop, "seq-d1-01", "09:15");
  assert_start (workshop, "seq-d1-03", "10:00");
  assert_start (workshop, "seq-d1-05", "11:30");
  assert_day (workshop, "d1", "17:30", FALSE);
  g_assert_cmpstr (v21_workshop_get_undo_label (workshop), ==, "Move a sequence");

  /* Past the end means last. */
  g_assert_true (v21_run_sheet_move (workshop, test_get (workshop, "seq-d1-01"), test_get (workshop, "d1"), 99, NULL));
  g_free (order);
  order = order_of (workshop, "d1");
  g_assert_true (g_str_has_suffix (order, "seq-d1-09 seq-d1-01"));
  assert_start (workshop, "seq-d1-01", "17:00");
  g_assert_true (v21_workshop_undo (workshop));

  test_assert_undo_restores (workshop, before);
}

static void
test_move_across_days (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autofree char *d1 = NULL;
  g_autofree char *d2 = NULL;

  /* The afternoon break of day 1 goes to day 2, third. */
  g_assert_true (v21_run_sheet_move (workshop, test_get (workshop, "seq-d1-08"), test_get (workshop, "d2"), 2, NULL));
  d1 = order_of (workshop, "d1");
  d2 = order_of (workshop, "d2");
  g_assert_cmpstr (d1, ==, "seq-d1-01 seq-d1-02 seq-d1-03 seq-d1-04 seq-d1-05 seq-d1-06 seq-d1-07 seq-d1-09");
  g_assert_cmpstr (d2, ==, "seq-d2-01 seq-d2-02 seq-d1-08 seq-d2-03 seq-d2-04 seq-d2-05 seq-d2-06 seq-d2-07 seq-d2-08 seq-d2-09");
  g_assert_cmpstr (v21_record_get_string (test_get (workshop, "seq-d1-08"), "day"), ==, "d2");
  assert_start (workshop, "seq-d1-09", "16:30");
  assert_day (workshop, "d1", "17:00", FALSE);
  assert_start (workshop, "seq-d1-08", "11:45");
  assert_start (workshop, "seq-d2-03", "12:15");
  assert_start (workshop, "seq-d2-09", "17:15");
  assert_day (workshop, "d2", "17:30", TRUE);

  /* One step: the day, the place and the start times come back together. */
  test_assert_undo_restores (workshop, before);
}

static void
test_move_to_empty_day (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  g_autoptr(GError) error = NULL;
  V21Record *day = v21_run_sheet_add_day (workshop, &error);
  V21Collection *all = v21_workshop_get_collection (workshop, "sequences");
  guint position = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (v21_record_get_string (day, "date"), ==, "2027-03-20");
  g_assert_cmpstr (v21_record_get_string (day, "start"), ==, "09:00");
  g_assert_true (v21_run_sheet_move (workshop, test_get (workshop, "seq-d1-01"), day, 0, NULL));
  /* It follows day 2's sequences in the list, and starts with its day. */
  g_assert_true (v21_collection_find (all, test_get (workshop, "seq-d1-01"), &position));
  g_assert_cmpuint (position, ==, v21_collection_get_n (all) - 1);
  assert_start (workshop, "seq-d1-01", "09:00");
  assert_start (workshop, "seq-d1-02", "09:00");
}

static void
test_add (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  V21Record *exercise = test_get (workshop, "ex-t3");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) d2 = NULL;
  V21Record *sequence;

  /* From an exercise: its default duration, kind and instructions. */
  sequence = v21_run_sheet_add_exercise (workshop, test_get (workshop, "d1"), 99, exercise, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (v21_record_get_string (sequence, "title"), ==,
                   "T3 — Création / adaptation d'un scénario de transition local");
  g_assert_cmpint (v21_record_get_int (sequence, "minutes", 0), ==, 120);
  g_assert_cmpstr (v21_record_get_string (sequence, "kind"), ==, "tables");
  g_assert_cmpstr (v21_record_get_string (sequence, "exercise"), ==, "ex-t3");
  g_assert_cmpstr (v21_record_get_string (sequence, "instructions"), ==,
                   v21_record_get_string (exercise, "instructions"));
  g_assert_cmpstr (v21_record_get_string (sequence, "start"), ==, "17:30");
  assert_day (workshop, "d1", "19:30", TRUE);

  /* A break first thing on day 2. */
  sequence = v21_run_sheet_add_block (workshop, test_get (workshop, "d2"), 0, V21_BLOCK_BREAK, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (v21_record_get_string (sequence, "title"), ==, "Break");
  g_assert_cmpstr (v21_record_get_string (sequence, "kind"), ==, "break");
  g_assert_null (v21_record_get_string (sequence, "exercise"));
  d2 = v21_run_sheet_sequences (workshop, test_get (workshop, "d2"));
  g_assert_true (g_ptr_array_index (d2, 0) == sequence);
  assert_start (workshop, "seq-d2-01", "09:15");
  assert_day (workshop, "d2", "17:15", TRUE);

  g_assert_true (v21_workshop_undo (workshop));
  test_assert_undo_restores (workshop, before);
}

static void
test_remove (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);

  g_assert_true (v21_run_sheet_remove (workshop, test_get (workshop, "seq-d1-02"), NULL));
  g_assert_null (v21_workshop_lookup (workshop, "seq-d1-02"));
  assert_start (workshop, "seq-d1-03", "09:30");
  assert_day (workshop, "d1", "17:15", FALSE);
  test_assert_undo_restores (workshop, before);
}

static void
test_day_hours (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (v21_run_sheet_set_day_hours (workshop, test_get (workshop, "d1"), "08:30", "17:00", &error));
  g_assert_no_error (error);
  assert_start (workshop, "seq-d1-01", "08:30");
  assert_start (workshop, "seq-d1-09", "16:30");
  assert_day (workshop, "d1", "17:00", FALSE);
  /* A later start than the old end is set in the order that keeps the day valid. */
  g_assert_true (v21_run_sheet_set_day_hours (workshop, test_get (workshop, "d1"), "18:00", "22:00", &error));
  g_assert_no_error (error);
  assert_start (workshop, "seq-d1-01", "18:00");
  assert_day (workshop, "d1", "02:30", TRUE);
  g_assert_true (v21_workshop_undo (workshop));
  test_assert_undo_restores (workshop, before);

  g_assert_false (v21_run_sheet_set_day_hours (workshop, test_get (workshop, "d1"), "17:00", "09:00", &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_false (v21_run_sheet_set_day_hours (workshop, test_get (workshop, "d1"), "9h", "17:00", &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  test_assert_unchanged (workshop, before);
}

static void
test_dates (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 31, G_DATE_MAY, 2028);
  g_assert_true (v21_run_sheet_set_dates (workshop, &first, NULL));
  g_assert_cmpstr (v21_record_get_string (test_get (workshop, "d1"), "date"), ==, "2028-05-31");
  g_assert_cmpstr (v21_record_get_string (test_get (workshop, "d2"), "date"), ==, "2028-06-01");
  g_assert_cmpstr (v21_workshop_get_undo_label (workshop), ==, "Change the dates");
}

/* The seminar's days in a sentence: within a month, across months. */
static void
test_format_dates (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  g_autofree char *demo = v21_run_sheet_format_dates (workshop);
  g_autofree char *across = NULL;
  GDate first;

  g_assert_cmpstr (demo, ==, "18 and 19 March 2027");
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 31, G_DATE_MAY, 2028);
  g_assert_true (v21_run_sheet_set_dates (workshop, &first, NULL));
  across = v21_run_sheet_format_dates (workshop);
  g_assert_cmpstr (across, ==, "31 May 2028 and 1 June 2028");
}

/* Any horizon is allowed; outside 10 to 50 years ahead it gets a warning. */
static void
test_horizon_warning (void)
{
  static const struct { int years; gboolean warned; } cases[] = {
    { 1, TRUE }, { 9, TRUE }, { 10, FALSE }, { 30, FALSE }, { 50, FALSE }, { 51, TRUE }, { 200, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *warning = v21_horizon_warning (2026, 2026 + cases[i].years);

      g_assert_cmpint (warning != NULL, ==, cases[i].warned);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/run-sheet/time-format", test_time_format);
  g_test_add_func ("/core/run-sheet/caption", test_caption);
  g_test_add_func ("/core/run-sheet/demo-days", test_demo_days);
  g_test_add_func ("/core/run-sheet/set-minutes", test_set_minutes);
  g_test_add_func ("/core/run-sheet/impossible-minutes", test_impossible_minutes);
  g_test_add_func ("/core/run-sheet/move-within-day", test_move_within_day);
  g_test_add_func ("/core/run-sheet/move-across-days", test_move_across_days);
  g_test_add_func ("/core/run-sheet/move-to-empty-day", test_move_to_empty_day);
  g_test_add_func ("/core/run-sheet/add", test_add);
  g_test_add_func ("/core/run-sheet/remove", test_remove);
  g_test_add_func ("/core/run-sheet/day-hours", test_day_hours);
  g_test_add_func ("/core/run-sheet/dates", test_dates);
  g_test_add_func ("/core/run-sheet/format-dates", test_format_dates);
  g_test_add_func ("/core/run-sheet/horizon-warning", test_horizon_warning);

  return g_test_run ();
}
