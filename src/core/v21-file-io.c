#define G_LOG_DOMAIN "v21-file-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "v21-error.h"
#include "v21-file-io.h"

static gboolean
io_error (GError    **error,
          const char *format,
          const char *path,
          int         saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, V21_ERROR, V21_ERROR_IO, format, name, g_strerror (saved_errno));
  return FALSE;
}

/* The backup is a hard link to the current version (no copy, atomic); where the
 * file system has no hard links, a durable copy. */
static gboolean
make_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *tmp = g_strconcat (path, "~.tmp", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  g_unlink (tmp);
  if (link (path, tmp) == 0)
    {
      if (g_rename (tmp, backup) == 0)
        return TRUE;
      g_unlink (tmp);
      return io_error (error, _("Could not keep a backup of “%s”: %s"), path, errno);
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  return g_file_set_contents_full (backup, contents, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

/* Makes the rename itself durable: the folder's entry is on disk too. */
static void
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

/* Writes through a temporary file with a fixed name, hidden beside @path
 * (".NAME.saving"): a save killed half-way leaves at most that one file, which
 * the next save reuses, rather than a new "NAME.XXXXXX" each time. It is locked
 * while written; when another process holds it, GLib's own way (a temporary file
 * with a random name) is used instead. */
static gboolean
write_through_temporary (const char  *path,
                         const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (".", base, ".saving", NULL);
  g_autofree char *tmp = g_build_filename (folder, name, NULL);
  GError *local_error = NULL;
  int saved_errno;
  int fd;

  fd = g_open (tmp, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      fd = -1;
      errno = EWOULDBLOCK;
    }
  if (fd < 0 && errno == EWOULDBLOCK)
    {
      if (g_file_set_contents_full (path, data, length,
                                    G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                    0644, &local_error))
        return TRUE;
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, V21_ERROR, V21_ERROR_IO, _("Could not save “%s”: %s"), display, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  if (fd < 0)
    return io_error (error, _("Could not save “%s”: %s"), path, errno);
  if (ftruncate (fd, 0) != 0 || !write_all (fd, data, length) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (tmp);
      return io_error (error, _("Could not save “%s”: %s"), path, saved_errno);
    }
  /* Renamed while still locked, so no other save can write it meanwhile. */
  if (g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      close (fd);
      return io_error (error, _("Could not save “%s”: %s"), path, saved_errno);
    }
  close (fd);
  sync_folder (path);
  return TRUE;
}

gboolean
v21_file_write_atomic (const char  *path,
                       const char  *data,
                       gsize        length,
                       gboolean     keep_backup,
                       GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  if (keep_backup && !make_backup (path, error))
    return FALSE;
  return write_through_temporary (path, data, length, error);
}

gboolean
v21_file_read (const char  *path,
               gsize        max_bytes,
               char       **data,
               gsize       *length,
               GError     **error)
{
  GStatBuf st;
  GError *local_error = NULL;

  if (g_stat (path, &st) != 0)
    return io_error (error, _("Could not open “%s”: %s"), path, errno);
  if (S_ISDIR (st.st_mode))
    return io_error (error, _("Could not open “%s”: %s"), path, EISDIR);
  if ((guint64) st.st_size > max_bytes)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_autofree char *size = g_format_size (st.st_size);
      g_autofree char *limit = g_format_size (max_bytes);
      g_set_error (error, V21_ERROR, V21_ERROR_TOO_LARGE,
                   _("“%s” is too large (%s): a workshop file is at most %s"), name, size, limit);
      return FALSE;
    }
  if (!g_file_get_contents (path, data, length, &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, V21_ERROR, V21_ERROR_IO, _("Could not open “%s”: %s"), name, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  return TRUE;
}
