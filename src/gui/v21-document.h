/* v21-document.h — one open workshop: its file, lock, autosave, recovery and live run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "v21-autosave.h"
#include "v21-file-lock.h"
#include "v21-session.h"
#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_DOCUMENT (v21_document_get_type ())
G_DECLARE_FINAL_TYPE (V21Document, v21_document, V21, DOCUMENT, GObject)

/* Files from this size on show a progress bar while they load. */
#define V21_DOCUMENT_PROGRESS_BYTES (1024 * 1024)

/* How far an open has gone, from 0 to 1, told on the main thread. */
typedef void (*V21DocumentProgress) (double   fraction,
                                     gpointer data);

/* A document over @workshop (it takes @lock, nullable), autosaved to a
 * recovery file at least every @autosave_interval seconds while it changes.
 * Properties (notify): "workshop" (construct-only), "autosave-error" (GError,
 * nullable: why the recovery file could not be written, until it can),
 * "saving" (a save is being written). */
V21Document  *v21_document_new               (V21Workshop          *workshop,
                                              V21FileLock          *lock,
                                              guint                 autosave_interval);

/* Takes the lock of @file (@force: even when another instance holds it),
 * reads, validates and builds the workshop in a worker thread. @progress
 * (nullable) runs on the main thread. On failure, the problems found in the
 * file (GPtrArray of V21Problem) are given when @problems is not NULL; a lock
 * held elsewhere is V21_ERROR_LOCKED; cancelled is G_IO_ERROR_CANCELLED. */
void          v21_document_open_async        (GFile                *file,
                                              gboolean              force,
                                              guint                 autosave_interval,
                                              GCancellable         *cancellable,
                                              V21DocumentProgress   progress,
                                              gpointer              progress_data,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
V21Document  *v21_document_open_finish       (GAsyncResult         *result,
                                              GPtrArray           **problems,
                                              GError              **error);

/* Serialises on the main thread, writes (atomically, keeping "NAME~") in a
 * worker, then marks the workshop saved and drops its recovery files.
 * save_as also moves the lock to @file, or fails with V21_ERROR_LOCKED. */
void          v21_document_save_async        (V21Document          *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
void          v21_document_save_as_async     (V21Document          *self,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean      v21_document_save_finish       (V21Document          *self,
                                              GAsyncResult         *result,
                                              GError              **error);
gboolean      v21_document_get_saving        (V21Document          *self);

V21Workshop  *v21_document_get_workshop      (V21Document          *self);
GFile        *v21_document_get_file          (V21Document          *self);
V21Autosave  *v21_document_get_autosave      (V21Document          *self);
const GError *v21_document_get_autosave_error (V21Document         *self);
/* The live run of the seminar (current sequence, timers, projector). */
V21Session   *v21_document_get_session       (V21Document          *self);

/* The recovery file this document was restored from: it stays until the
 * changes are saved or discarded. */
void          v21_document_set_restored_from (V21Document          *self,
                                              GFile                *recovery);
/* Writes the recovery file now when there are unsaved changes (a signal or
 * the end of the session is about to stop the program). */
gboolean      v21_document_flush_autosave    (V21Document          *self,
                                              GError              **error);
/* The document is closed on purpose (saved, or its changes discarded): its
 * recovery files are removed. Without it, they stay for the next run. */
void          v21_document_close_clean       (V21Document          *self);

G_END_DECLS
