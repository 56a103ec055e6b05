/* test-invitation-states.c — invitation states, their counts and attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>

#include "test-util.h"
#include "v21-invitations.h"

/* The minimal workshop has four people, none with an invitation state. */
static void
test_old_file_defaults (void)
{
  g_autoptr(V21Workshop) w = test_load_minimal ();
  V21InvitationCounts counts;

  v21_invitation_count (w, &counts);
  g_assert_cmpuint (counts.people, ==, 4);
  g_assert_cmpuint (counts.by_state[V21_INVITATION_TO_INVITE], ==, 4);
  g_assert_cmpuint (counts.by_state[V21_INVITATION_CONFIRMED], ==, 0);
  g_assert_false (v21_attendance_recorded (w));
  g_assert_true (v21_person_took_part (test_get (w, "p2"), FALSE));
}

static void
test_transitions_and_counts (void)
{
  g_autoptr(V21Workshop) w = test_load_minimal ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = v21_workshop_to_data (w, NULL);
  g_autofree char *summary = NULL;
  V21InvitationCounts counts;

  g_assert_true (v21_invitation_set (w, test_get (w, "p1"), V21_INVITATION_INVITED, "2027-02-01", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (v21_record_get_string (test_get (w, "p1"), "invitation"), ==, "invited");
  g_assert_cmpstr (v21_record_get_string (test_get (w, "p1"), "invited_on"), ==, "2027-02-01");
  /* One step: a single undo takes both the state and the date back. */
  test_assert_undo_restores (w, before);

  v21_invitation_set (w, test_get (w, "p1"), V21_INVITATION_INVITED, "2027-02-01", NULL);
  v21_invitation_set (w, test_get (w, "p1"), V21_INVITATION_CONFIRMED, NULL, NULL);
  /* Confirming keeps the date of the invitation. */
  g_assert_cmpstr (v21_record_get_string (test_get (w, "p1"), "invited_on"), ==, "2027-02-01");
  v21_invitation_set (w, test_get (w, "p2"), V21_INVITATION_DECLINED, NULL, NULL);
  v21_invitation_set (w, test_get (w, "p3"), V21_INVITATION_NO_REPLY, NULL, NULL);
  v21_invitation_set (w, test_get (w, "p4"), V21_INVITATION_CONFIRMED, NULL, NULL);
  v21_invitation_count (w, &counts);
  g_assert_cmpuint (counts.people, ==, 4);
  g_assert_cmpuint (counts.by_state[V21_INVITATION_TO_INVITE], ==, 0);
  g_assert_cmpuint (counts.by_state[V21_INVITATION_INVITED], ==, 0);
  g_assert_cmpuint (counts.by_state[V21_INVITATION_CONFIRMED], ==, 2);
  g_assert_cmpuint (counts.by_state[V21_INVITATION_DECLINED], ==, 1);
  g_assert_cmpuint (counts.by_state[V21_INVITATION_NO_REPLY], ==, 1);
  summary = v21_invitation_summary (&counts);
  g_assert_cmpstr (summary, ==, "2 confirmed of 4");
  g_assert_false (v21_person_took_part (test_get (w, "p2"), FALSE));
  g_assert_true (v21_person_took_part (test_get (w, "p3"), FALSE));
}

static void
test_bad_state_refused (void)
{
  g_autoptr(V21Workshop) w = test_load_minimal ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = v21_workshop_to_data (w, NULL);

  g_assert_false (v21_workshop_set (w, test_get (w, "p1"), "invitation",
                                    json_object_new_string ("maybe"), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (v21_workshop_set (w, test_get (w, "p1"), "invited_on",
                                    json_object_new_string ("2027-02-30"), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* A day that does not exist cannot be attended. */
  g_assert_false (v21_workshop_set (w, test_get (w, "p1"), "attended",
                                    json_tokener_parse ("[\"t1\"]"), &error));
  g_assert_nonnull (error);
  test_assert_unchanged (w, before);
}

static void
test_attendance (void)
{
  g_autoptr(V21Workshop) w = test_load_minimal ();
  g_autofree char *before = v21_workshop_to_data (w, NULL);
  V21Record *d1 = test_get (w, "d1");
  V21Record *d2 = test_get (w, "d2");

  g_assert_true (v21_attendance_set (w, test_get (w, "p1"), d1, TRUE, NULL));
  test_assert_undo_restores (w, before);
  v21_attendance_set (w, test_get (w, "p1"), d1, TRUE, NULL);
  v21_attendance_set (w, test_get (w, "p1"), d2, TRUE, NULL);
  v21_attendance_set (w, test_get (w, "p3"), d2, TRUE, NULL);
  g_assert_true (v21_attendance_recorded (w));
  g_assert_cmpuint (v21_attendance_count (w, d1), ==, 1);
  g_assert_cmpuint (v21_attendance_count (w, d2), ==, 2);
  g_assert_true (v21_person_took_part (test_get (w, "p3"), TRUE));
  g_assert_false (v21_person_took_part (test_get (w, "p4"), TRUE));
  /* Ticking off again: p1 stays only on day 1. */
  v21_attendance_set (w, test_get (w, "p1"), d2, FALSE, NULL);
  g_assert_true (v21_attendance_get (test_get (w, "p1"), d1));
  g_assert_false (v21_attendance_get (test_get (w, "p1"), d2));
  g_assert_cmpuint (v21_attendance_count (w, d2), ==, 1);
  /* Removing a day takes it out of the lists, in the same step. */
  g_assert_true (v21_workshop_remove (w, d2, NULL));
  g_assert_cmpuint (v21_attendance_count (w, d1), ==, 1);
  g_assert_cmpuint (json_object_array_length (v21_record_get_value (test_get (w, "p3"), "attended")), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/invitations/old-file-defaults", test_old_file_defaults);
  g_test_add_func ("/invitations/transitions-and-counts", test_transitions_and_counts);
  g_test_add_func ("/invitations/bad-state-refused", test_bad_state_refused);
  g_test_add_func ("/invitations/attendance", test_attendance);
  return g_test_run ();
}
