/* test-util.c — what several core tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-util.h"

V21Workshop *
test_load_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  V21Workshop *workshop = v21_workshop_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return workshop;
}

V21Workshop *
test_load_demo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "demo.visions21", NULL);

  return test_load_file (path);
}

V21Workshop *
test_load_minimal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "minimal.visions21", NULL);

  return test_load_file (path);
}

V21Record *
test_get (V21Workshop *workshop,
          const char  *id)
{
  V21Record *record = v21_workshop_lookup (workshop, id);

  if (record == NULL)
    g_error ("no record has the id “%s”", id);
  return record;
}

void
test_assert_undo_restores (V21Workshop *workshop,
                           const char  *before)
{
  g_autofree char *after = NULL;

  g_assert_true (v21_workshop_undo (workshop));
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (after, ==, before);
}

void
test_assert_unchanged (V21Workshop *workshop,
                       const char  *before)
{
  g_autofree char *after = v21_workshop_to_data (workshop, NULL);

  g_assert_cmpstr (after, ==, before);
  g_assert_false (v21_workshop_can_undo (workshop));
}
