#define G_LOG_DOMAIN "v21-file-lock"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "v21-error.h"
#include "v21-file-io.h"
#include "v21-file-lock.h"

/* What a lock file may hold: "HOST\nPID\n"; more is not read. */
#define LOCK_TEXT_MAX 512
#define LOCK_TRIES 10

/* The lock is the kernel's (flock on the lock file, held while the file is
 * open, dropped when the process ends however it ends); the text in the file
 * only names the holder for the message. */
struct _V21FileLock
{
  char *path;
  int   fd;
};

static char *
lock_path (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (path == NULL)
    return NULL;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  name = g_strdup_printf (".%s.lock", base);
  return g_build_filename (dir, name, NULL);
}

static void
read_holder (int      fd,
             char   **host_out,
             gint64  *pid_out)
{
  char text[LOCK_TEXT_MAX + 1];
  g_auto(GStrv) lines = NULL;
  gssize n = pread (fd, text, LOCK_TEXT_MAX, 0);

  *host_out = NULL;
  *pid_out = 0;
  if (n <= 0)
    return;
  text[n] = '\0';
  lines = g_strsplit (text, "\n", 3);
  if (g_strv_length (lines) < 2 || !g_utf8_validate (lines[0], -1, NULL))
    return;
  *host_out = g_strdup (lines[0]);
  *pid_out = g_ascii_strtoll (lines[1], NULL, 10);
}

static gboolean
locked_error (GError     **error,
              const char  *host,
              gint64       pid)
{
  g_set_error (error, V21_ERROR, V21_ERROR_LOCKED,
               _("This workshop is already open in another window of Visions+21 (on “%s”, process %ld). "
                 "If both save it, one will overwrite the other’s work."),
               host != NULL ? host : "?", (long) pid);
  return FALSE;
}

/* A lock we could take may still name another host: on a network share, the
 * other machine's lock may not reach us. Trust the text then, as before. */
static gboolean
named_elsewhere (int          fd,
                 GError     **error)
{
  g_autofree char *host = NULL;
  gint64 pid = 0;

  read_holder (fd, &host, &pid);
  if (host == NULL || host[0] == '\0' || g_strcmp0 (host, g_get_host_name ()) == 0)
    return FALSE;
  return !locked_error (error, host, pid);
}

/* Opens the lock file without following a link, without blocking on a pipe,
 * and only if it is a regular file. */
static int
open_lock_file (const char  *path,
                GError     **error)
{
  GStatBuf st;
  int fd = g_open (path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0644);

  if (fd < 0)
    {
      g_autofree char *name = g_filename_display_name (path);
      int saved_errno = errno;

      if (saved_errno == ELOOP && g_lstat (path, &st) == 0)
        st.st_mode = S_IFLNK;
      else
        st.st_mode = 0;
      if (S_ISLNK (st.st_mode))
        g_set_error (error, V21_ERROR, V21_ERROR_IO,
                     _("The lock file “%s” is a link, not an ordinary file: the workshop opens, but other windows will not know it is open. Remove that link."),
                     name);
      else
        g_set_error (error, V21_ERROR, V21_ERROR_IO,
                     _("Could not create the lock file “%s” (%s): the workshop opens, but other windows will not know it is open."),
                     name, g_strerror (saved_errno));
      return -1;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_autofree char *name = g_filename_display_name (path);

      close (fd);
      g_set_error (error, V21_ERROR, V21_ERROR_IO,
                   _("The lock file “%s” is not an ordinary file: the workshop opens, but other windows will not know it is open. Remove it."),
                   name);
      return -1;
    }
  return fd;
}

/* TRUE when @fd is still the file at @path: a holder that released the lock
 * may have removed it meanwhile, and a lock on a removed file locks nothing. */
static gboolean
still_at_path (int         fd,
               const char *path)
{
  GStatBuf at_path;
  GStatBuf held;

  return fstat (fd, &held) == 0 && g_lstat (path, &at_path) == 0
         && held.st_ino == at_path.st_ino && held.st_dev == at_path.st_dev;
}

static void
write_holder (int fd)
{
  g_autofree char *text = g_strdup_printf ("%s\n%d\n", g_get_host_name (), (int) getpid ());
  gsize length = strlen (text);

  if (ftruncate (fd, 0) == 0 && pwrite (fd, text, length, 0) == (gssize) length)
    fsync (fd);
}

/* Takes the lock at @path, or says who holds it. */
static int
take (const char  *path,
      gboolean     force,
      GError     **error)
{
  for (int i = 0; i < LOCK_TRIES; i++)
    {
      int fd = open_lock_file (path, error);

      if (fd < 0)
        return -1;
      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          g_autofree char *host = NULL;
          gint64 pid = 0;

          if (errno != EWOULDBLOCK || force)
            {
              /* A file system without locks (or an open anyway): the text only. */
              write_holder (fd);
              return fd;
            }
          read_holder (fd, &host, &pid);
          close (fd);
          locked_error (error, host, pid);
          return -1;
        }
      if (still_at_path (fd, path))
        {
          if (!force && named_elsewhere (fd, error))
            {
              close (fd);
              return -1;
            }
          write_holder (fd);
          return fd;
        }
      close (fd);
    }
  g_set_error (error, V21_ERROR, V21_ERROR_IO, _("Could not take the lock of this workshop: it keeps changing"));
  return -1;
}

V21FileLock *
v21_file_lock_acquire (GFile    *file,
                       gboolean  force,
                       GError  **error)
{
  g_autofree char *path = NULL;
  V21FileLock *lock;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  path = lock_path (file);
  lock = g_new0 (V21FileLock, 1);
  lock->fd = -1;
  if (path == NULL)
    return lock;
  fd = take (path, force, error);
  if (fd < 0)
    {
      g_free (lock);
      return NULL;
    }
  lock->fd = fd;
  lock->path = g_steal_pointer (&path);
  return lock;
}

void
v21_file_lock_release (V21FileLock *lock)
{
  if (lock == NULL)
    return;
  /* Only remove the lock file while it is still ours, and before the kernel
   * lock goes (whoever opens it next checks that it is still at its path). */
  if (lock->fd >= 0 && still_at_path (lock->fd, lock->path))
    g_unlink (lock->path);
  if (lock->fd >= 0)
    close (lock->fd);
  g_free (lock->path);
  g_free (lock);
}
