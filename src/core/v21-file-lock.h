#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Detects a workshop file already open in another instance: a small lock file
 * ".NAME.lock" beside it names the host and process holding it. A lock left by a
 * process that no longer runs on this host is taken over. */
typedef struct _V21FileLock V21FileLock;

/* Fails with V21_ERROR_LOCKED (message names the host and process) when another
 * live instance holds the file, unless @force. */
V21FileLock *v21_file_lock_acquire (GFile        *file,
                                    gboolean      force,
                                    GError      **error);
void         v21_file_lock_release (V21FileLock  *lock);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (V21FileLock, v21_file_lock_release)

G_END_DECLS
