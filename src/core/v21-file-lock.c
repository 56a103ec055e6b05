#define G_LOG_DOMAIN "v21-file-lock"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "v21-error.h"
#include "v21-file-io.h"
#include "v21-file-lock.h"

struct _V21FileLock
{
  char *path;
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

/* The lock holds "HOST\nPID\n". Returns TRUE when it names a process that still
 * runs (on this host), or another host (which we cannot check). */
static gboolean
held_by_other (const char  *path,
               char       **host_out,
               gint64      *pid_out)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 pid;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  lines = g_strsplit (contents, "\n", 3);
  if (g_strv_length (lines) < 2)
    return FALSE;
  pid = g_ascii_strtoll (lines[1], NULL, 10);
  *host_out = g_strdup (lines[0]);
  *pid_out = pid;
  if (g_strcmp0 (lines[0], g_get_host_name ()) != 0)
    return TRUE;
  if (pid == getpid ())
    return FALSE;
  return pid > 0 && (kill ((pid_t) pid, 0) == 0 || errno == EPERM);
}

V21FileLock *
v21_file_lock_acquire (GFile    *file,
                       gboolean  force,
                       GError  **error)
{
  g_autofree char *path = lock_path (file);
  g_autofree char *host = NULL;
  g_autofree char *contents = NULL;
  gint64 pid = 0;
  V21FileLock *lock;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  if (path == NULL)
    return g_new0 (V21FileLock, 1);
  if (!force && held_by_other (path, &host, &pid))
    {
      g_set_error (error, V21_ERROR, V21_ERROR_LOCKED,
                   _("This workshop is already open in another window of Visions+21 (on “%s”, process %ld). "
                     "If both save it, one will overwrite the other’s work."),
                   host, (long) pid);
      return NULL;
    }
  contents = g_strdup_printf ("%s\n%d\n", g_get_host_name (), (int) getpid ());
  lock = g_new0 (V21FileLock, 1);
  /* A folder where we cannot write the lock still lets the user work. */
  if (g_file_set_contents (path, contents, -1, NULL))
    lock->path = g_steal_pointer (&path);
  return lock;
}

void
v21_file_lock_release (V21FileLock *lock)
{
  if (lock == NULL)
    return;
  if (lock->path)
    {
      g_autofree char *host = NULL;
      gint64 pid = 0;

      /* Only remove a lock that is still ours. */
      if (!held_by_other (lock->path, &host, &pid) && pid == getpid ())
        g_unlink (lock->path);
    }
  g_free (lock->path);
  g_free (lock);
}
