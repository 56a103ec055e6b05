/* The day's plan as the run goes: the drift on the day and in a rehearsal,
 * and the rest of the day pushed back. Times are written out; the minimal
 * workshop's day 1 (2027-03-18) has s1 at 09:30 for 90 min, then s2 at 11:00
 * for 15 min. */

#include "config.h"

#include "v21-day-plan.h"
#include "test-util.h"

static GDateTime *
at (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

static V21DayPlan *
plan_at (V21Workshop *workshop,
         const char  *current,
         const char  *started,
         const char  *now,
         gint64       remaining_minutes)
{
  g_autoptr(GDateTime) when = at (now);
  g_autoptr(GDateTime) start = started ? at (started) : NULL;
  V21DayPlan *plan = v21_day_plan_new (workshop, test_get (workshop, current), start, when,
                                       remaining_minutes * 60);

  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->n_items, ==, 2);
  return plan;
}

static void
assert_time (gint64      seconds,
             const char *expected)
{
  g_autofree char *text = v21_day_plan_format_time (seconds);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_rehearsal (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(V21DayPlan) plan = NULL;

  /* A rehearsal on 3 December: s1 started at 14:00 stands for 09:30. At
   * 14:20 (09:50 on the plan) the timer still has 85 min: s1 ends at 11:15,
   * a quarter of an hour late, and pushes s2 and the day's end back. */
  plan = plan_at (workshop, "s1", "2026-12-03T14:00:00+01:00", "2026-12-03T14:20:00+01:00", 85);
  g_assert_false (plan->on_the_day);
  g_assert_true (plan->anchored);
  g_assert_cmpint (plan->drift, ==, 15 * 60);
  assert_time (plan->now, "09:50");
  g_assert_cmpint (plan->items[0].state, ==, V21_PLAN_CURRENT);
  assert_time (plan->items[0].expected, "09:30");
  g_assert_cmpint (plan->items[1].state, ==, V21_PLAN_COMING);
  assert_time (plan->items[1].planned, "11:00");
  assert_time (plan->items[1].expected, "11:15");
  assert_time (plan->planned_end, "11:15");
  assert_time (plan->expected_end, "11:30");
}

static void
test_rehearsal_not_started (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(V21DayPlan) plan = NULL;

  /* Nothing started today (s1's recorded start is the seminar's, in March):
   * no drift, the plan as it was written. */
  plan = plan_at (workshop, "s2", NULL, "2026-12-03T16:50:00+01:00", 15);
  g_assert_false (plan->anchored);
  g_assert_cmpint (plan->drift, ==, 0);
  assert_time (plan->items[1].expected, "11:00");
  assert_time (plan->expected_end, "11:15");
}

static void
test_rehearsal_second_sequence (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(V21DayPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  /* s1 ran from 14:00 (09:30 on the plan); s2 started at 15:32, two minutes
   * after s1's planned end (11:00); at 15:40 it has 7 min left: it ends at
   * 11:17 on the plan, 2 min late. */
  g_assert_true (v21_workshop_set (workshop, test_get (workshop, "s1"), "actual_start",
                                   json_object_new_string ("2026-12-03T14:00:00+01:00"), &error));
  g_assert_no_error (error);
  plan = plan_at (workshop, "s2", "2026-12-03T15:32:00+01:00", "2026-12-03T15:40:00+01:00", 7);
  g_assert_true (plan->anchored);
  g_assert_cmpint (plan->drift, ==, 2 * 60);
  g_assert_cmpint (plan->items[0].state, ==, V21_PLAN_BEFORE);
  assert_time (plan->items[0].expected, "09:30");
  assert_time (plan->items[1].expected, "11:02");
  assert_time (plan->expected_end, "11:17");
}

static void
test_on_the_day (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(V21DayPlan) plan = NULL;

  /* On 18 March the plan is the wall clock: s1 began at 09:35 (recorded); at
   * 10:40 with 30 min left it ends at 11:10, 10 min late. */
  plan = plan_at (workshop, "s1", NULL, "2027-03-18T10:40:00+01:00", 30);
  g_assert_true (plan->on_the_day);
  g_assert_true (plan->anchored);
  g_assert_cmpint (plan->drift, ==, 10 * 60);
  assert_time (plan->now, "10:40");
  assert_time (plan->items[0].expected, "09:35");
  assert_time (plan->items[1].expected, "11:10");
  assert_time (plan->expected_end, "11:25");

  /* Overrun by 4 min at 11:04: the end is now, s2 starts at 11:04 at best. */
  g_clear_pointer (&plan, v21_day_plan_free);
  plan = plan_at (workshop, "s1", NULL, "2027-03-18T11:04:00+01:00", -4);
  g_assert_cmpint (plan->drift, ==, 4 * 60);
  assert_time (plan->items[1].expected, "11:04");

  /* Ahead: at 10:00 with 50 min left, 10 min ahead; s2 at 10:50. */
  g_clear_pointer (&plan, v21_day_plan_free);
  plan = plan_at (workshop, "s1", NULL, "2027-03-18T10:00:00+01:00", 50);
  g_assert_cmpint (plan->drift, ==, -10 * 60);
  assert_time (plan->items[1].expected, "10:50");
}

static void
test_no_day (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GDateTime) now = at ("2027-03-18T10:00:00+01:00");

  g_assert_null (v21_day_plan_new (workshop, NULL, NULL, now, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/day-plan/rehearsal", test_rehearsal);
  g_test_add_func ("/core/day-plan/rehearsal-not-started", test_rehearsal_not_started);
  g_test_add_func ("/core/day-plan/rehearsal-second-sequence", test_rehearsal_second_sequence);
  g_test_add_func ("/core/day-plan/on-the-day", test_on_the_day);
  g_test_add_func ("/core/day-plan/no-day", test_no_day);
  return g_test_run ();
}
