#define G_LOG_DOMAIN "v21-file-io"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "v21-error.h"
#include "v21-file-io.h"

/* Links followed before giving up, as the kernel does (ELOOP). */
#define LINKS_MAX 40
#define TEMP_SUFFIX ".saving"
#define TEMP_RANDOM 6
#define TEMP_TRIES 100

/* Sizes */

char *
v21_format_size (guint64 bytes)
{
  static const char *const units[] = { N_("%s KiB"), N_("%s MiB"), N_("%s GiB") };
  double value = bytes;
  g_autofree char *number = NULL;
  guint unit = 0;

  if (bytes < 1024)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u byte", "%u bytes", (gulong) bytes), (guint) bytes);
  value /= 1024;
  while (value >= 1024 && unit + 1 < G_N_ELEMENTS (units))
    {
      value /= 1024;
      unit++;
    }
  /* "64 MiB" for a whole number, "1.5 MiB" (in the locale's way) otherwise. */
  if (value - (guint64) value < 0.05 || value >= 100)
    number = g_strdup_printf ("%.0f", value);
  else
    number = g_strdup_printf ("%.1f", value);
  return g_strdup_printf (_(units[unit]), number);
}

/* Messages */

static const char *
kind_of_file (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe (FIFO)");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("a special file");
}

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

/* Whether @path is someone else's file in a folder we may write: a shared
 * folder whose sticky bit lets only a file's owner replace it. */
static gboolean
is_others_in_writable_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  GStatBuf st;

  return g_lstat (path, &st) == 0 && st.st_uid != geteuid () && g_access (folder, W_OK) == 0;
}

/* What went wrong while writing into @path's folder, and what to do about it. */
static gboolean
save_error (GError    **error,
            const char *path,
            int         saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *folder_path = g_path_get_dirname (path);
  g_autofree char *folder = g_filename_display_name (folder_path);

  if ((saved_errno == EACCES || saved_errno == EPERM) && is_others_in_writable_folder (path))
    g_set_error (error, V21_ERROR, V21_ERROR_IO,
                 _("Could not save: “%s” belongs to another user, and this shared folder lets only "
                   "its owner replace it. Choose another name, or save in another folder."),
                 name);
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    g_set_error (error, V21_ERROR, V21_ERROR_IO,
                 _("Could not save “%s”: the folder “%s” cannot be written (%s). "
                   "Save it in another folder, or ask for the right to write in this one."),
                 name, folder, g_strerror (saved_errno));
  else if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, V21_ERROR, V21_ERROR_IO,
                 _("Could not save “%s”: the disk is full (%s). "
                   "Free some space or save it elsewhere; the previous version is intact."),
                 name, g_strerror (saved_errno));
  else
    g_set_error (error, V21_ERROR, V21_ERROR_IO,
                 _("Could not save “%s”: %s. The previous version is intact."),
                 name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
not_regular_error (GError    **error,
                   const char *format,
                   const char *path,
                   mode_t      mode)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, V21_ERROR, V21_ERROR_IO, format, name, kind_of_file (mode));
  return FALSE;
}

/* Following links */

/* The file @path names once every link is followed, as editors do: saving
 * through a link writes the file it points to. A dangling link gives the path
 * it points to. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (int i = 0; i < LINKS_MAX; i++)
    {
      g_autofree char *target = NULL;
      g_autofree char *folder = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      target = g_file_read_link (current, NULL);
      if (target == NULL)
        return g_steal_pointer (&current);
      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
          continue;
        }
      folder = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (folder, target, NULL);
    }
  save_error (error, path, ELOOP);
  return NULL;
}

/* Temporary files */

/* ".NAME.XXXXXX.saving", hidden beside NAME. */
static char *
temp_name (const char *path)
{
  static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  char random[TEMP_RANDOM + 1];
  g_autofree char *name = NULL;

  for (int i = 0; i < TEMP_RANDOM; i++)
    random[i] = chars[g_random_int_range (0, sizeof chars - 1)];
  random[TEMP_RANDOM] = '\0';
  name = g_strconcat (".", base, ".", random, TEMP_SUFFIX, NULL);
  return g_build_filename (folder, name, NULL);
}

/* A leftover of a killed save of @base: ".BASE.XXXXXX.saving", or the fixed
 * ".BASE.saving" that earlier versions used. */
static gboolean
is_leftover_name (const char *name,
                  const char *base)
{
  gsize base_length = strlen (base);
  gsize length = strlen (name);
  gsize suffix = strlen (TEMP_SUFFIX);

  if (name[0] != '.' || strncmp (name + 1, base, base_length) != 0)
    return FALSE;
  if (length == 1 + base_length + suffix)
    return strcmp (name + 1 + base_length, TEMP_SUFFIX) == 0;
  return length == 1 + base_length + 1 + TEMP_RANDOM + suffix
         && name[1 + base_length] == '.'
         && memchr (name + 2 + base_length, '.', TEMP_RANDOM) == NULL
         && strcmp (name + length - suffix, TEMP_SUFFIX) == 0;
}

/* Removes @path if it is a regular file of ours that no save holds (a save
 * locks its temporary file from before it has a name until it is renamed). */
static void
remove_if_leftover (const char *path)
{
  GStatBuf before;
  GStatBuf st;
  int fd;

  if (g_lstat (path, &before) != 0 || !S_ISREG (before.st_mode) || before.st_uid != geteuid ())
    return;
  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return;
  if (fstat (fd, &st) == 0 && st.st_ino == before.st_ino && st.st_dev == before.st_dev
      && S_ISREG (st.st_mode) && flock (fd, LOCK_EX | LOCK_NB) == 0)
    g_unlink (path);
  close (fd);
}

static void
clean_leftovers (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_leftover_name (name, base))
      {
        g_autofree char *leftover = g_build_filename (folder, name, NULL);
        remove_if_leftover (leftover);
      }
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
      if (n < 0)
        return FALSE;
      if (n == 0)
        {
          errno = ENOSPC;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

/* Makes a rename durable: the folder's entry is on disk too. */
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

/* The file being replaced, when there is one: its permissions and owner are
 * given to the new version. */
typedef struct
{
  gboolean exists;
  mode_t   mode;
  uid_t    uid;
  gid_t    gid;
} Original;

/* Gives the new file the original's owner (only root or the owner can) and
 * permissions, before any byte of the workshop is in it. */
static int
give_original (int             fd,
               const Original *original)
{
  if (!original->exists)
    return 0;
  if (original->uid != geteuid () || original->gid != getegid ())
    {
      /* The group may still be kept when the owner cannot (a member of it). */
      if (fchown (fd, original->uid, original->gid) != 0)
        (void) fchown (fd, (uid_t) -1, original->gid);
    }
  return fchmod (fd, original->mode & 07777);
}

/* A new, empty file that only this save can have opened: created
 * exclusively, with a random name, never following a link. Never a file
 * someone else created. (No O_TMPFILE: naming it afterwards needs /proc for
 * linkat(), and the random name already leaves nothing to plant.) */
static int
create_temp (const char  *path,
             char       **temp_out)
{
  int fd;

  for (int i = 0; i < TEMP_TRIES; i++)
    {
      g_autofree char *temp = temp_name (path);

      fd = g_open (temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, 0644);
      if (fd >= 0)
        {
          *temp_out = g_steal_pointer (&temp);
          return fd;
        }
      if (errno != EEXIST)
        return -1;
    }
  errno = EEXIST;
  return -1;
}

/* Writes @data to a new temporary file beside @path, flushed to disk and
 * locked (so no cleaner takes it), and returns its name. */
static char *
write_temp (const char      *path,
            const char      *data,
            gsize            length,
            const Original  *original,
            int             *fd_out)
{
  g_autofree char *temp = NULL;
  int saved_errno;
  int fd = create_temp (path, &temp);

  if (fd < 0)
    return NULL;
  (void) flock (fd, LOCK_EX | LOCK_NB);
  if (give_original (fd, original) != 0 || !write_all (fd, data, length) || fsync (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      close (fd);
      errno = saved_errno;
      return NULL;
    }
  *fd_out = fd;
  return g_steal_pointer (&temp);
}

static gboolean
replace_with (const char      *path,
              const char      *data,
              gsize            length,
              const Original  *original,
              GError         **error)
{
  g_autofree char *temp = NULL;
  int saved_errno;
  int fd = -1;

  temp = write_temp (path, data, length, original, &fd);
  if (temp == NULL)
    return save_error (error, path, errno);
  /* Renamed while still locked, so no cleaner removes it meanwhile. */
  if (g_rename (temp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      close (fd);
      return save_error (error, path, saved_errno);
    }
  close (fd);
  sync_folder (path);
  return TRUE;
}

/* Backups */

static gboolean
backup_error (GError    **error,
              const char *path,
              const char *backup,
              int         saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *backup_name = g_filename_display_name (backup);

  if ((saved_errno == EACCES || saved_errno == EPERM) && is_others_in_writable_folder (backup))
    g_set_error (error, V21_ERROR, V21_ERROR_IO,
                 _("Could not keep a backup of “%s”: “%s” belongs to another user, and this shared folder "
                   "lets only its owner replace it. Remove it, or save in another folder. The file was not saved."),
                 name, backup_name);
  else
    g_set_error (error, V21_ERROR, V21_ERROR_IO,
                 _("Could not keep a backup of “%s”: %s. Save it in another folder. The file was not saved."),
                 name, g_strerror (saved_errno));
  return FALSE;
}

/* The backup is a hard link to the current version (no copy, atomic, the same
 * permissions and owner); where the file system has no hard links, a durable
 * copy with the original's permissions. */
static gboolean
make_backup (const char      *path,
             const Original  *original,
             GError         **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  int saved_errno;

  for (int i = 0; i < TEMP_TRIES; i++)
    {
      g_autofree char *temp = temp_name (backup);

      if (link (path, temp) == 0)
        {
          if (g_rename (temp, backup) == 0)
            return TRUE;
          saved_errno = errno;
          g_unlink (temp);
          return backup_error (error, path, backup, saved_errno);
        }
      if (errno != EEXIST)
        break;
    }
  if (errno == EACCES || errno == EROFS)
    return save_error (error, path, errno);
  if (!v21_file_read (path, G_MAXSIZE - 1, &contents, &length, error))
    return FALSE;
  return replace_with (backup, contents, length, original, error);
}

/* Checks what @path is: nothing yet, or a regular file to replace. */
static gboolean
inspect_target (const char  *path,
                Original    *original,
                GError     **error)
{
  GStatBuf st;

  memset (original, 0, sizeof *original);
  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      return save_error (error, path, errno);
    }
  if (!S_ISREG (st.st_mode))
    return not_regular_error (error, _("Could not save “%s”: it is %s, not an ordinary file. Choose another file name."),
                              path, st.st_mode);
  original->exists = TRUE;
  original->mode = st.st_mode;
  original->uid = st.st_uid;
  original->gid = st.st_gid;
  return TRUE;
}

gboolean
v21_file_write_atomic (const char  *path,
                       const char  *data,
                       gsize        length,
                       gboolean     keep_backup,
                       GError     **error)
{
  g_autofree char *target = NULL;
  Original original;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  target = resolve_links (path, error);
  if (target == NULL || !inspect_target (target, &original, error))
    return FALSE;
  clean_leftovers (target);
  if (keep_backup)
    {
      g_autofree char *backup = g_strconcat (target, "~", NULL);
      clean_leftovers (backup);
    }
  if (keep_backup && original.exists && !make_backup (target, &original, error))
    return FALSE;
  return replace_with (target, data, length, &original, error);
}

/* Reading */

static gboolean
too_large_error (GError    **error,
                 const char *path,
                 guint64     size,
                 gsize       max_bytes)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *limit = v21_format_size (max_bytes);

  if (size > max_bytes)
    {
      g_autofree char *actual = v21_format_size (size);
      g_set_error (error, V21_ERROR, V21_ERROR_TOO_LARGE,
                   _("“%s” is too large (%s): Visions+21 opens files of at most %s. "
                     "Check that it is the right file."), name, actual, limit);
    }
  else
    g_set_error (error, V21_ERROR, V21_ERROR_TOO_LARGE,
                 _("“%s” grew beyond %s while it was read: Visions+21 opens files of at most %s. "
                   "Try again once nothing writes to it."), name, limit, limit);
  return FALSE;
}

/* Reads at most @max_bytes + 1 bytes: a file that grows while it is read
 * cannot make us read more. */
static gboolean
read_bounded (int          fd,
              const char  *path,
              gsize        size_hint,
              gsize        max_bytes,
              char       **data,
              gsize       *length,
              GError     **error)
{
  gsize capacity = MIN (size_hint, max_bytes) + 1;
  gsize used = 0;
  char *buffer = g_malloc (capacity + 1);

  for (;;)
    {
      gssize n;

      if (used == capacity)
        {
          if (capacity > max_bytes)
            {
              g_free (buffer);
              return too_large_error (error, path, 0, max_bytes);
            }
          capacity = MIN (capacity * 2, max_bytes + 1);
          buffer = g_realloc (buffer, capacity + 1);
        }
      n = read (fd, buffer + used, capacity - used);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          g_free (buffer);
          return io_error (error, _("Could not read “%s”: %s. Check that its disk or share is still connected, then try again."), path, saved_errno);
        }
      if (n == 0)
        break;
      used += n;
    }
  if (used > max_bytes)
    {
      g_free (buffer);
      return too_large_error (error, path, 0, max_bytes);
    }
  buffer[used] = '\0';
  *data = buffer;
  *length = used;
  return TRUE;
}

gboolean
v21_file_read (const char  *path,
               gsize        max_bytes,
               char       **data,
               gsize       *length,
               GError     **error)
{
  GStatBuf st;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL && length != NULL, FALSE);
  /* Non-blocking, so that opening a pipe returns at once (and is refused). */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return io_error (error, _("Could not open “%s”: %s. Check its name and that you may read it."), path, errno);
  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;
      close (fd);
      return io_error (error, _("Could not open “%s”: %s. Check its name and that you may read it."), path, saved_errno);
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return not_regular_error (error, _("Could not open “%s”: it is %s, not an ordinary file. Choose a file."), path, st.st_mode);
    }
  if ((guint64) st.st_size > max_bytes)
    {
      close (fd);
      return too_large_error (error, path, st.st_size, max_bytes);
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  ok = read_bounded (fd, path, st.st_size, max_bytes, data, length, error);
  close (fd);
  return ok;
}
