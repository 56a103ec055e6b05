/* test-hostile.c — saving, opening and locking in a folder others can write to
 *
 * Each case is what a shared laptop, a USB stick or a network share can bring:
 * a file that must keep its permissions and owner, temporary and lock files that
 * another user planted, pipes and devices where a workshop is expected, links.
 * Every case that could hang runs under alarm(), so a regression fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "v21-error.h"
#include "v21-file-io.h"
#include "v21-file-lock.h"
#include "v21-workshop.h"
#include "test-util.h"

/* The uid a planted file belongs to: "nobody" on Debian. */
#define OTHER_UID 65534
#define OTHER_GID 65534

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* A fresh folder like /tmp: everyone may write, only owners may remove. */
static char *
sticky_folder (const char *name)
{
  char *path = tmp_path (name);

  g_assert_cmpint (g_mkdir (path, 0777), ==, 0);
  g_assert_cmpint (chmod (path, 01777), ==, 0);
  return path;
}

static void
save_minimal (const char *path)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (v21_workshop_save_file (workshop, file, &error));
  g_assert_no_error (error);
}

static void
save_title (const char *path,
            const char *title)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (v21_workshop_set (workshop, v21_workshop_get_root (workshop), "title",
                                   json_object_new_string (title), &error));
  g_assert_true (v21_workshop_save_file (workshop, file, &error));
  g_assert_no_error (error);
}

static char *
title_of (const char *path)
{
  g_autoptr(V21Workshop) workshop = test_load_file (path);

  return g_strdup (v21_workshop_get_title (workshop));
}

static guint
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static gboolean
need_root (void)
{
  if (geteuid () == 0)
    return TRUE;
  g_test_skip ("needs root, to act as another user (uid 65534) in a child");
  return FALSE;
}

/* Runs @func in a child process that has become uid/gid 65534. */
static void
as_other_user (void     (*func) (gpointer data),
               gpointer   data)
{
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (setgroups (0, NULL) != 0 || setresgid (OTHER_GID, OTHER_GID, OTHER_GID) != 0
          || setresuid (OTHER_UID, OTHER_UID, OTHER_UID) != 0)
        _exit (3);
      func (data);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* Permissions and owner */

static void
test_mode_kept (void)
{
  g_autofree char *path = tmp_path ("private.visions21");
  g_autofree char *backup = g_strconcat (path, "~", NULL);

  save_minimal (path);
  g_assert_cmpint (chmod (path, 0600), ==, 0);
  save_title (path, "Deuxième");
  g_assert_cmpuint (mode_of (path), ==, 0600);
  save_title (path, "Troisième");
  g_assert_cmpuint (mode_of (path), ==, 0600);
  g_assert_cmpuint (mode_of (backup), ==, 0600);
  g_assert_cmpint (chmod (path, 0640), ==, 0);
  save_title (path, "Quatrième");
  g_assert_cmpuint (mode_of (path), ==, 0640);
}

static void
test_owner_kept (void)
{
  g_autofree char *path = tmp_path ("owned.visions21");
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  struct stat st;

  if (!need_root ())
    return;
  save_minimal (path);
  g_assert_cmpint (chown (path, OTHER_UID, OTHER_GID), ==, 0);
  save_title (path, "Enregistré par root");
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, OTHER_UID);
  g_assert_cmpuint (st.st_gid, ==, OTHER_GID);
  g_assert_cmpint (stat (backup, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, OTHER_UID);
}

/* Planted temporary files */

typedef struct
{
  const char *path;
  char        kind;   /* 'f' regular 0666, 'p' FIFO, 'l' link to a file of the planter's */
} Plant;

static void
plant (gpointer data)
{
  Plant *p = data;
  g_autofree char *bait = g_strconcat (p->path, ".bait", NULL);
  int fd;

  umask (0);
  switch (p->kind)
    {
    case 'f':
      fd = open (p->path, O_CREAT | O_EXCL | O_WRONLY, 0666);
      if (fd < 0)
        _exit (4);
      close (fd);
      break;
    case 'p':
      if (mkfifo (p->path, 0666) != 0)
        _exit (4);
      break;
    default:
      fd = open (bait, O_CREAT | O_EXCL | O_WRONLY, 0666);
      if (fd < 0 || symlink (bait, p->path) != 0)
        _exit (4);
      close (fd);
      break;
    }
}

static void
assert_planted_untouched (const char *path,
                          char        kind)
{
  g_autofree char *bait = g_strconcat (path, ".bait", NULL);
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, OTHER_UID);
  if (kind == 'f')
    g_assert_cmpint (st.st_size, ==, 0);
  else if (kind == 'p')
    g_assert_true (S_ISFIFO (st.st_mode));
  else
    {
      g_assert_true (S_ISLNK (st.st_mode));
      g_assert_cmpint (stat (bait, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, 0);
    }
}

static void
check_planted_temp (char kind)
{
  g_autofree char *folder_name = g_strdup_printf ("sticky-%c", kind);
  g_autofree char *folder = sticky_folder (folder_name);
  g_autofree char *path = g_build_filename (folder, "w.visions21", NULL);
  g_autofree char *temp = g_build_filename (folder, ".w.visions21.saving", NULL);
  g_autofree char *backup_temp = g_build_filename (folder, "w.visions21~.tmp", NULL);
  Plant planted[] = { { temp, kind }, { backup_temp, kind } };
  g_autofree char *title = NULL;
  struct stat st;

  save_minimal (path);
  for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
    as_other_user (plant, &planted[i]);
  alarm (10);
  save_title (path, "Après la plantation");
  save_title (path, "Encore");
  alarm (0);
  for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
    assert_planted_untouched (planted[i].path, kind);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, geteuid ());
  title = title_of (path);
  g_assert_cmpstr (title, ==, "Encore");
}

static void
test_planted_temp_file (void)
{
  if (need_root ())
    check_planted_temp ('f');
}

static void
test_planted_temp_fifo (void)
{
  if (need_root ())
    check_planted_temp ('p');
}

static void
test_planted_temp_link (void)
{
  if (need_root ())
    check_planted_temp ('l');
}

/* A killed save's leftover of ours is cleaned by the next save; another
 * user's file of the same shape is left alone. */
static void
test_leftovers_cleaned (void)
{
  g_autofree char *folder = sticky_folder ("leftovers");
  g_autofree char *path = g_build_filename (folder, "w.visions21", NULL);
  g_autofree char *ours = g_build_filename (folder, ".w.visions21.Ab12Cd.saving", NULL);
  g_autofree char *theirs = g_build_filename (folder, ".w.visions21.Zz99Yy.saving", NULL);
  Plant planted = { theirs, 'f' };
  struct timeval old[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

  save_minimal (path);
  g_assert_true (g_file_set_contents (ours, "partial", -1, NULL));
  g_assert_cmpint (utimes (ours, old), ==, 0);
  if (geteuid () == 0)
    as_other_user (plant, &planted);
  save_title (path, "Nettoyé");
  g_assert_false (g_file_test (ours, G_FILE_TEST_EXISTS));
  if (geteuid () == 0)
    assert_planted_untouched (theirs, 'f');
}

/* Odd paths: pipes, devices, links */

static void
assert_load_refused (const char *path,
                     const char *expected)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) workshop = NULL;

  alarm (5);
  workshop = v21_workshop_load_file (file, NULL, &error);
  alarm (0);
  g_assert_null (workshop);
  g_assert_error (error, V21_ERROR, V21_ERROR_IO);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” not in “%s”", expected, error->message);
}

static void
test_open_fifo (void)
{
  g_autofree char *path = tmp_path ("pipe.visions21");

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_load_refused (path, "is a named pipe (FIFO), not an ordinary file");
}

static void
test_open_device (void)
{
  g_autofree char *link = tmp_path ("zero.visions21");

  assert_load_refused ("/dev/zero", "is a device, not an ordinary file");
  g_assert_cmpint (symlink ("/dev/zero", link), ==, 0);
  assert_load_refused (link, "is a device, not an ordinary file");
}

/* A file that grows while it is read (or lies about its size) is still
 * read no further than the limit. */
static void
test_read_bounded (void)
{
  g_autofree char *path = tmp_path ("grows.txt");
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (path, "0123456789", -1, NULL));
  g_assert_false (v21_file_read (path, 9, &data, &length, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_true (v21_file_read (path, 10, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 10);
  g_assert_cmpstr (data, ==, "0123456789");
}

static void
test_save_through_symlink (void)
{
  g_autofree char *real = tmp_path ("real.visions21");
  g_autofree char *link = tmp_path ("link.visions21");
  g_autofree char *backup = tmp_path ("real.visions21~");
  g_autofree char *link_backup = tmp_path ("link.visions21~");
  g_autofree char *title = NULL;
  struct stat st;

  save_minimal (real);
  g_assert_cmpint (symlink ("real.visions21", link), ==, 0);
  save_title (link, "Par le lien");
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  title = title_of (real);
  g_assert_cmpstr (title, ==, "Par le lien");
  /* The backup is the real file's, beside it. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (link_backup, G_FILE_TEST_EXISTS));
}

static void
assert_write_refused (const char *path,
                      const char *expected)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  alarm (5);
  ok = v21_file_write_atomic (path, "x", 1, FALSE, &error);
  alarm (0);
  g_assert_false (ok);
  g_assert_error (error, V21_ERROR, V21_ERROR_IO);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” not in “%s”", expected, error->message);
}

static void
test_write_onto_fifo (void)
{
  g_autofree char *path = tmp_path ("out.fifo");
  struct stat st;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_write_refused (path, "is a named pipe (FIFO), not an ordinary file");
  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

static void
test_write_onto_device (void)
{
  g_autofree char *path = tmp_path ("null-device");
  g_autofree char *link = tmp_path ("null-link");
  struct stat st;

  if (!need_root ())
    return;
  /* A device of our own (the same as /dev/null), so a regression cannot
   * replace the system's. */
  g_assert_cmpint (mknod (path, S_IFCHR | 0666, makedev (1, 3)), ==, 0);
  assert_write_refused (path, "is a device, not an ordinary file");
  g_assert_cmpint (symlink (path, link), ==, 0);
  assert_write_refused (link, "is a device, not an ordinary file");
  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
}

/* Messages */

typedef struct
{
  const char *path;
  int         out;
} Attempt;

static void
try_save (gpointer data)
{
  Attempt *attempt = data;
  g_autoptr(GError) error = NULL;

  if (v21_file_write_atomic (attempt->path, "x", 1, TRUE, &error))
    _exit (5);
  if (write (attempt->out, error->message, strlen (error->message)) < 0)
    _exit (6);
}

static void
test_read_only_folder_message (void)
{
  g_autofree char *folder = tmp_path ("read-only");
  g_autofree char *path = g_build_filename (folder, "w.visions21", NULL);
  char message[1024] = { 0 };
  int out[2];
  Attempt attempt;

  if (!need_root ())
    return;
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  save_minimal (path);
  g_assert_cmpint (pipe (out), ==, 0);
  attempt.path = path;
  attempt.out = out[1];
  as_other_user (try_save, &attempt);
  close (out[1]);
  g_assert_cmpint (read (out[0], message, sizeof message - 1), >, 0);
  close (out[0]);
  g_assert_nonnull (strstr (message, "w.visions21"));
  g_assert_nonnull (strstr (message, "the folder"));
  g_assert_nonnull (strstr (message, "cannot be written"));
  g_assert_null (strstr (message, "~."));
  g_assert_null (strstr (message, ".saving"));
}

static void
test_too_large_message (void)
{
  g_autofree char *path = tmp_path ("huge.visions21");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) workshop = NULL;
  int fd = open (path, O_CREAT | O_WRONLY, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 65 * 1024 * 1024), ==, 0);
  close (fd);
  workshop = v21_workshop_load_file (file, NULL, &error);
  g_assert_null (workshop);
  g_assert_error (error, V21_ERROR, V21_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.visions21” is too large (65 MiB): Visions+21 opens files of at most 64 MiB"));
}

/* The lock file */

static void
assert_lock_refused_quickly (const char *workshop)
{
  g_autoptr(GFile) file = g_file_new_for_path (workshop);
  g_autoptr(GError) error = NULL;
  V21FileLock *lock;

  alarm (5);
  lock = v21_file_lock_acquire (file, FALSE, &error);
  alarm (0);
  /* Not a lock of another instance: the workshop opens, unprotected. */
  g_assert_null (lock);
  g_assert_error (error, V21_ERROR, V21_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "not an ordinary file"));
}

static void
test_lock_fifo (void)
{
  g_autofree char *workshop = tmp_path ("lock-fifo.visions21");
  g_autofree char *lock = tmp_path (".lock-fifo.visions21.lock");
  struct stat st;

  g_assert_cmpint (mkfifo (lock, 0666), ==, 0);
  assert_lock_refused_quickly (workshop);
  g_assert_cmpint (lstat (lock, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

static void
test_lock_dev_zero (void)
{
  g_autofree char *workshop = tmp_path ("lock-zero.visions21");
  g_autofree char *lock = tmp_path (".lock-zero.visions21.lock");

  g_assert_cmpint (symlink ("/dev/zero", lock), ==, 0);
  assert_lock_refused_quickly (workshop);
}

#define N_RACERS 200

static void
race_once (const char *workshop,
           int         go,
           int         report)
{
  g_autoptr(GFile) file = g_file_new_for_path (workshop);
  V21FileLock *lock;
  char byte;

  if (read (go, &byte, 1) != 0)
    _exit (7);
  lock = v21_file_lock_acquire (file, FALSE, NULL);
  if (write (report, lock ? "y" : "n", 1) != 1)
    _exit (8);
  /* Hold it until every racer has tried. */
  if (lock)
    pause ();
  _exit (0);
}

/* Returns how many of N_RACERS processes, started at once, got the lock. */
static guint
race (const char *workshop)
{
  pid_t pids[N_RACERS];
  int go[2];
  int report[2];
  guint owners = 0;

  g_assert_cmpint (pipe (go), ==, 0);
  g_assert_cmpint (pipe (report), ==, 0);
  for (int i = 0; i < N_RACERS; i++)
    {
      pids[i] = fork ();
      g_assert_cmpint (pids[i], >=, 0);
      if (pids[i] == 0)
        {
          close (go[1]);
          race_once (workshop, go[0], report[1]);
        }
    }
  /* Closing the pipe starts them all at once. */
  close (go[1]);
  alarm (60);
  for (int i = 0; i < N_RACERS; i++)
    {
      char byte = 0;

      g_assert_cmpint (read (report[0], &byte, 1), ==, 1);
      owners += byte == 'y';
    }
  alarm (0);
  for (int i = 0; i < N_RACERS; i++)
    {
      kill (pids[i], SIGKILL);
      waitpid (pids[i], NULL, 0);
    }
  close (go[0]);
  close (report[0]);
  close (report[1]);
  return owners;
}

static void
test_lock_race (void)
{
  for (int round = 0; round < 5; round++)
    {
      g_autofree char *name = g_strdup_printf ("race-%d.visions21", round);
      g_autofree char *workshop = tmp_path (name);

      g_assert_cmpuint (race (workshop), ==, 1);
    }
}

static void
on_alarm (int signum)
{
  (void) signum;
  /* A hang is a failure, not a stuck CI job. */
  g_error ("timed out: a file operation hung");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  signal (SIGALRM, on_alarm);
  tmp_dir = g_dir_make_tmp ("v21-hostile-XXXXXX", NULL);
  /* The other user must reach the sticky folders inside. */
  g_assert_cmpint (chmod (tmp_dir, 0755), ==, 0);
  g_test_add_func ("/core/hostile/mode-kept", test_mode_kept);
  g_test_add_func ("/core/hostile/owner-kept", test_owner_kept);
  g_test_add_func ("/core/hostile/planted-temp/file", test_planted_temp_file);
  g_test_add_func ("/core/hostile/planted-temp/fifo", test_planted_temp_fifo);
  g_test_add_func ("/core/hostile/planted-temp/link", test_planted_temp_link);
  g_test_add_func ("/core/hostile/leftovers-cleaned", test_leftovers_cleaned);
  g_test_add_func ("/core/hostile/open/fifo", test_open_fifo);
  g_test_add_func ("/core/hostile/open/device", test_open_device);
  g_test_add_func ("/core/hostile/read-bounded", test_read_bounded);
  g_test_add_func ("/core/hostile/save/symlink", test_save_through_symlink);
  g_test_add_func ("/core/hostile/save/fifo", test_write_onto_fifo);
  g_test_add_func ("/core/hostile/save/device", test_write_onto_device);
  g_test_add_func ("/core/hostile/message/read-only-folder", test_read_only_folder_message);
  g_test_add_func ("/core/hostile/message/too-large", test_too_large_message);
  g_test_add_func ("/core/hostile/lock/fifo", test_lock_fifo);
  g_test_add_func ("/core/hostile/lock/dev-zero", test_lock_dev_zero);
  g_test_add_func ("/core/hostile/lock/race", test_lock_race);
  status = g_test_run ();
  if (status == 0)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
      if (system (command) != 0)
        g_printerr ("could not remove %s\n", tmp_dir);
    }
  return status;
}
