#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The one way the project writes a file: the data goes to a temporary file beside
 * @path, is flushed to disk, then renamed over @path, so a crash leaves either the
 * old or the new version. With @keep_backup the previous version stays as "PATH~". */
gboolean v21_file_write_atomic (const char  *path,
                                const char  *data,
                                gsize        length,
                                gboolean     keep_backup,
                                GError     **error);

/* Reads a whole file, refusing files larger than @max_bytes. */
gboolean v21_file_read        (const char  *path,
                                gsize        max_bytes,
                                char       **data,
                                gsize       *length,
                                GError     **error);

G_END_DECLS
