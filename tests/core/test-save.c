/* Saving that never loses work: atomic writes with a backup, killed saves,
 * autosave and recovery, the double-open lock. */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "v21-autosave.h"
#include "v21-file-lock.h"
#include "v21-workshop.h"
#include "test-util.h"

static char *tmp_dir;

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  return g_file_new_for_path (path);
}

static void
set_title (V21Workshop *workshop,
           const char  *title)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (v21_workshop_set (workshop, v21_workshop_get_root (workshop), "title",
                                   json_object_new_string (title), &error));
  g_assert_no_error (error);
}

static char *
title_on_disk (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) workshop = v21_workshop_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (v21_workshop_get_title (workshop));
}

static void
test_backup (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GFile) file = tmp_file ("backup.visions21");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  set_title (workshop, "Première version");
  g_assert_true (v21_workshop_save_file (workshop, file, &error));
  g_assert_no_error (error);
  g_assert_false (v21_workshop_get_modified (workshop));
  set_title (workshop, "Seconde version");
  g_assert_true (v21_workshop_get_modified (workshop));
  g_assert_true (v21_workshop_save_file (workshop, file, &error));
  first = title_on_disk (backup);
  second = title_on_disk (path);
  g_assert_cmpstr (first, ==, "Première version");
  g_assert_cmpstr (second, ==, "Seconde version");
  /* Once it exists, the backup follows every save: it is the version before. */
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&second, g_free);
  set_title (workshop, "Troisième version");
  g_assert_true (v21_workshop_save_file (workshop, file, &error));
  g_assert_no_error (error);
  first = title_on_disk (backup);
  second = title_on_disk (path);
  g_assert_cmpstr (first, ==, "Seconde version");
  g_assert_cmpstr (second, ==, "Troisième version");
}

static void
test_save_error (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-dir/x.visions21");
  g_autoptr(GError) error = NULL;

  set_title (workshop, "Non enregistré");
  g_assert_false (v21_workshop_save_file (workshop, file, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_IO);
  g_assert_true (v21_workshop_get_modified (workshop));
}

static V21Workshop *
large_workshop (guint cards)
{
  V21Workshop *workshop = test_load_minimal ();

  for (guint i = 0; i < cards; i++)
    {
      json_object *fields = json_object_new_object ();
      g_autofree char *text = g_strdup_printf ("Carte %u : la mobilité rurale sans voiture individuelle", i);

      json_object_object_add (fields, "kind", json_object_new_string ("issue"));
      json_object_object_add (fields, "text", json_object_new_string (text));
      g_assert_nonnull (v21_workshop_insert (workshop, "cards", -1, fields, NULL));
    }
  return workshop;
}

/* The number of a title "Titre ROUND.K" (0 for "Titre 0"), from a version on disk. */
static guint
save_number (const char *title,
             guint       round)
{
  g_autofree char *prefix = g_strdup_printf ("Titre %u.", round);

  if (!g_str_has_prefix (title, prefix))
    return 0;
  return (guint) g_ascii_strtoull (title + strlen (prefix), NULL, 10);
}

/* After a kill in round @round: the file is the version of before the round
 * (@before) or a save K of this round; the backup is that version or the one
 * before it (the save K + 1 had made its backup when killed). Returns whether a
 * save of this round completed. */
static gboolean
assert_killed_save (const char *path,
                    const char *before,
                    const char *backup_before,
                    guint       round)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *title = title_on_disk (path);
  g_autofree char *backup_title = title_on_disk (backup);
  guint k = save_number (title, round);
  g_autofree char *previous = k > 1 ? g_strdup_printf ("Titre %u.%u", round, k - 1) : g_strdup (before);

  if (k == 0)
    {
      g_assert_cmpstr (title, ==, before);
      if (g_strcmp0 (backup_title, title) != 0)
        g_assert_cmpstr (backup_title, ==, backup_before);
      return FALSE;
    }
  if (g_strcmp0 (backup_title, title) != 0)
    g_assert_cmpstr (backup_title, ==, previous);
  return TRUE;
}

/* How long round @round lets its child save before the kill. Most rounds, a
 * random moment within @window; every tenth, at once (the first save is cut);
 * every tenth but five, only once a save of the round is on disk (polled, at
 * most 60 s): so both outcomes occur however loaded the machine is. */
static void
wait_before_kill (const char *path,
                  guint       round,
                  gint64      window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  if (round % 10 == 5)
    return;
  if (round % 10 == 0)
    {
      for (;;)
        {
          g_autofree char *title = title_on_disk (path);

          if (save_number (title, round) > 0 || g_get_monotonic_time () > deadline)
            break;
          g_usleep (2000);
        }
    }
  g_usleep (g_test_rand_int_range (0, (gint32) MIN (window, G_MAXINT32)));
}

/* A child saves again and again, with a new title each time ("Titre ROUND.K");
 * it is killed with SIGKILL at a random moment. The file must always load, with
 * the title of before the round or one the child saved; the backup is the exact
 * version before. Some rounds must end with saves completed, some with the
 * first save interrupted (see wait_before_kill). */
static void
test_killed_saves (void)
{
  g_autoptr(V21Workshop) workshop = large_workshop (3000);
  g_autoptr(GFile) file = tmp_file ("killed.visions21");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *before = g_strdup ("Titre 0");
  g_autofree char *backup_before = NULL;
  guint completed = 0;
  /* Under valgrind (V21_TEST_QUICK) a few rounds check for leaks; the kill test
   * of tests/reliability repeats it on a 10,000-card workshop. */
  guint rounds = g_test_slow () ? 500 : g_getenv ("V21_TEST_QUICK") ? 5 : 120;

  gint64 started;
  gint64 window;

  set_title (workshop, "Titre 0");
  g_assert_true (v21_workshop_save_file (workshop, file, NULL));
  started = g_get_monotonic_time ();
  g_assert_true (v21_workshop_save_file (workshop, file, NULL));
  /* Kills land up to four save times after the fork (at least 40 ms), so some
   * saves complete and some are cut however loaded the machine is. */
  window = MAX (40000, 4 * (g_get_monotonic_time () - started));
  backup_before = g_strdup ("Titre 0");
  for (guint round = 1; round <= rounds; round++)
    {
      pid_t pid = fork ();
      int status = 0;

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          for (guint k = 1;; k++)
            {
              g_autofree char *t = g_strdup_printf ("Titre %u.%u", round, k);
              set_title (workshop, t);
              if (!v21_workshop_save_file (workshop, file, NULL))
                _exit (3);
            }
        }
      wait_before_kill (path, round, window);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      /* Killed while saving, not stopped by a failed save. */
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      if (assert_killed_save (path, before, backup_before, round))
        completed++;
      g_free (before);
      g_free (backup_before);
      before = title_on_disk (path);
      backup_before = title_on_disk (backup);
    }
  if (rounds >= 100)
    {
      g_test_message ("%u of %u rounds completed a save", completed, rounds);
      g_assert_cmpuint (completed, >, 0);
      g_assert_cmpuint (completed, <, rounds);
    }
}

static void
test_autosave_recovery (void)
{
  g_autoptr(GFile) file = tmp_file ("autosaved.visions21");
  g_autoptr(GPtrArray) before = v21_recovery_list ();
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(V21Workshop) restored = NULL;
  g_autoptr(GError) error = NULL;
  V21Recovery *recovery;
  pid_t pid;
  int status = 0;

  g_assert_cmpuint (before->len, ==, 0);
  pid = fork ();
  if (pid == 0)
    {
      /* A run that autosaves unsaved work, then crashes. */
      g_autoptr(V21Workshop) workshop = test_load_minimal ();
      g_autoptr(V21Autosave) autosave = NULL;

      g_assert_true (v21_workshop_save_file (workshop, file, NULL));
      autosave = v21_autosave_new (workshop, 30);
      set_title (workshop, "Travail non enregistré");
      _exit (v21_autosave_save_now (autosave, NULL) ? 0 : 1);
    }
  waitpid (pid, &status, 0);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  after = v21_recovery_list ();
  g_assert_cmpuint (after->len, ==, 1);
  recovery = g_ptr_array_index (after, 0);
  g_assert_cmpstr (recovery->title, ==, "Travail non enregistré");
  g_assert_nonnull (recovery->saved);
  restored = v21_recovery_restore (recovery, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (v21_workshop_get_title (restored), ==, "Travail non enregistré");
  g_assert_true (v21_workshop_get_modified (restored));
  g_assert_true (g_file_equal (v21_workshop_get_file (restored), file));
  g_assert_true (v21_recovery_discard (recovery, &error));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = v21_recovery_list ();
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_autosave_only_when_modified (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(V21Autosave) autosave = v21_autosave_new (workshop, 30);
  g_autoptr(GFile) recovery = v21_autosave_get_recovery_file (autosave);

  g_assert_true (v21_autosave_save_now (autosave, NULL));
  g_assert_false (g_file_query_exists (recovery, NULL));
  set_title (workshop, "Modifié");
  g_assert_true (v21_autosave_save_now (autosave, NULL));
  g_assert_true (g_file_query_exists (recovery, NULL));
  v21_autosave_discard (autosave);
  g_assert_false (g_file_query_exists (recovery, NULL));
}

static gboolean
recovery_exists (gpointer data)
{
  return g_file_query_exists (data, NULL);
}

/* The timer writes the recovery file in the background while the loop runs. */
static void
test_autosave_timer (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(V21Autosave) autosave = v21_autosave_new (workshop, 1);
  g_autoptr(GFile) recovery = v21_autosave_get_recovery_file (autosave);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  set_title (workshop, "Saisi pendant l’atelier");
  while (!recovery_exists (recovery) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (recovery_exists (recovery));
  v21_autosave_discard (autosave);
  g_assert_false (recovery_exists (recovery));
}

static void
test_double_open (void)
{
  g_autoptr(GFile) file = tmp_file ("locked.visions21");
  g_autoptr(GError) error = NULL;
  int ready[2];
  char byte;
  pid_t pid;
  V21FileLock *lock;

  g_assert_cmpint (pipe (ready), ==, 0);
  pid = fork ();
  if (pid == 0)
    {
      V21FileLock *held;

      /* Dies with the test: a failed assertion must not leave it holding
       * the test's output open until meson's timeout. */
      prctl (PR_SET_PDEATHSIG, SIGKILL);
      held = v21_file_lock_acquire (file, FALSE, NULL);
      if (write (ready[1], held ? "y" : "n", 1) != 1)
        _exit (1);
      pause ();
      _exit (0);
    }
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  g_assert_cmpint (byte, ==, 'y');
  /* Another live instance holds it. */
  g_assert_null (v21_file_lock_acquire (file, FALSE, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_LOCKED);
  g_clear_error (&error);
  /* Once it is gone, its lock is stale and taken over. */
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  lock = v21_file_lock_acquire (file, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);
  v21_file_lock_release (lock);
  close (ready[0]);
  close (ready[1]);
}

int
main (int   argc,
      char *argv[])
{
  int status;
  g_autofree char *state = NULL;

  tmp_dir = g_dir_make_tmp ("v21-save-XXXXXX", NULL);
  state = g_build_filename (tmp_dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/save/backup", test_backup);
  g_test_add_func ("/core/save/error", test_save_error);
  g_test_add_func ("/core/save/killed", test_killed_saves);
  g_test_add_func ("/core/autosave/recovery", test_autosave_recovery);
  g_test_add_func ("/core/autosave/only-when-modified", test_autosave_only_when_modified);
  g_test_add_func ("/core/autosave/timer", test_autosave_timer);
  g_test_add_func ("/core/lock/double-open", test_double_open);
  status = g_test_run ();
  if (status == 0)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
      if (system (command) != 0)
        g_printerr ("could not remove %s\n", tmp_dir);
    }
  g_free (tmp_dir);
  return status;
}
