#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The one way the project writes a file: the data goes to a new temporary file
 * beside @path that no one else can have opened (unnamed, or created exclusively
 * with a random name), is flushed to disk, then renamed over @path, so a crash
 * leaves either the old or the new version. A link is followed (the file it names
 * is replaced); a target that is not a regular file (a device, a pipe, a folder) is
 * refused. The new version keeps the old one's permissions, and its owner when the
 * saver may give it. With @keep_backup the previous version stays as "PATH~".
 * Thread-safe: it touches nothing but the files. */
gboolean v21_file_write_atomic (const char  *path,
                                const char  *data,
                                gsize        length,
                                gboolean     keep_backup,
                                GError     **error);

/* Reads a whole file, refusing what is not a regular file (without blocking on a
 * pipe) and files larger than @max_bytes; never reads more than @max_bytes + 1. */
gboolean v21_file_read        (const char  *path,
                                gsize        max_bytes,
                                char       **data,
                                gsize       *length,
                                GError     **error);

/* "64 MiB", "1.5 KiB" — translated ("64 Mio" in French), numbers in the locale's way. */
char    *v21_format_size      (guint64      bytes);

G_END_DECLS
