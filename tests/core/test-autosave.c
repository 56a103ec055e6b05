/* Autosave that loses at most a few seconds: the recovery file is written a
 * moment after a change, in the background, and a failure is kept where the
 * window can show it until a write works again. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "v21-autosave.h"
#include "v21-workshop.h"
#include "test-util.h"

static char *tmp_dir;

static void
set_title (V21Workshop *workshop,
           const char  *title)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (v21_workshop_set (workshop, v21_workshop_get_root (workshop), "title",
                                   json_object_new_string (title), &error));
  g_assert_no_error (error);
}

/* The title in the recovery file, or NULL when there is none. */
static char *
recovered_title (GFile *recovery)
{
  g_autoptr(V21Workshop) workshop = NULL;

  if (!g_file_query_exists (recovery, NULL))
    return NULL;
  workshop = v21_workshop_load_file (recovery, NULL, NULL);
  return workshop != NULL ? g_strdup (v21_workshop_get_title (workshop)) : NULL;
}

/* Runs the main loop until the recovery file holds @title (5 s at most). */
static gboolean
wait_for_title (GFile      *recovery,
                const char *title)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autofree char *found = recovered_title (recovery);

      if (g_strcmp0 (found, title) == 0)
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return FALSE;
}

static gboolean
wait_for_error (V21Autosave *autosave,
                gboolean     failed)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      if ((v21_autosave_get_error (autosave) != NULL) == failed)
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return FALSE;
}

/* With the periodic write an hour away, a change still reaches the recovery
 * file a moment after it was made, and so does the next one. */
static void
test_debounce (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(V21Autosave) autosave = v21_autosave_new (workshop, 3600);
  g_autoptr(GFile) recovery = v21_autosave_get_recovery_file (autosave);

  g_assert_cmpuint (V21_AUTOSAVE_IDLE_DELAY_MS, ==, 2000);
  v21_autosave_set_idle_delay (autosave, 100);
  set_title (workshop, "Carte saisie à 10 h 02");
  /* Not at once: a burst of typing is one write. */
  g_assert_false (g_file_query_exists (recovery, NULL));
  g_assert_true (wait_for_title (recovery, "Carte saisie à 10 h 02"));
  set_title (workshop, "Carte corrigée");
  g_assert_true (wait_for_title (recovery, "Carte corrigée"));
  v21_autosave_discard (autosave);
  g_assert_false (g_file_query_exists (recovery, NULL));
}

/* Edits in a group (a spin button's steps, a merge) count as one change at the
 * group's end: that end is written too, without waiting for the interval. */
static void
test_group (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(V21Autosave) autosave = v21_autosave_new (workshop, 3600);
  g_autoptr(GFile) recovery = v21_autosave_get_recovery_file (autosave);

  v21_autosave_set_idle_delay (autosave, 50);
  v21_workshop_begin_group (workshop, "Population");
  set_title (workshop, "Titre en groupe");
  /* The group stays open past the quiet time. */
  for (int i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  v21_workshop_end_group (workshop);
  g_assert_true (wait_for_title (recovery, "Titre en groupe"));
  v21_autosave_discard (autosave);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A recovery folder that cannot be made: the failure is kept (and told once),
 * then cleared by the first write that works. */
static void
test_error (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(V21Autosave) autosave = v21_autosave_new (workshop, 3600);
  g_autoptr(GFile) recovery = v21_autosave_get_recovery_file (autosave);
  g_autofree char *folder = g_path_get_dirname (g_file_peek_path (recovery));
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  {
    /* Made by the test before. */
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", folder);
    g_assert_cmpint (system (command), ==, 0);
  }
  g_assert_true (g_file_set_contents (folder, "not a folder", -1, &error));
  g_assert_no_error (error);
  g_signal_connect (autosave, "notify::error", G_CALLBACK (count_notify), &notified);
  v21_autosave_set_idle_delay (autosave, 50);

  set_title (workshop, "Perdu ?");
  g_assert_true (wait_for_error (autosave, TRUE));
  g_assert_error (v21_autosave_get_error (autosave), V21_ERROR, V21_ERROR_IO);
  g_assert_nonnull (strstr (v21_autosave_get_error (autosave)->message, folder));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (v21_autosave_save_now (autosave, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_IO);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (folder), ==, 0);
  set_title (workshop, "Retrouvé");
  g_assert_true (wait_for_title (recovery, "Retrouvé"));
  g_assert_true (wait_for_error (autosave, FALSE));
  g_assert_null (v21_autosave_get_error (autosave));
  v21_autosave_discard (autosave);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;
  g_autofree char *folder = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("v21-autosave-XXXXXX", NULL);
  state = g_build_filename (tmp_dir, "state", NULL);
  folder = g_build_filename (state, "visions21", NULL);
  g_mkdir_with_parents (folder, 0700);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/autosave/debounce", test_debounce);
  g_test_add_func ("/core/autosave/error", test_error);
  g_test_add_func ("/core/autosave/group", test_group);
  status = g_test_run ();
  if (status == 0)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
      if (system (command) != 0)
        g_printerr ("could not remove %s\n", tmp_dir);
    }
  return status;
}
