/* v21-document.c — one open workshop: its file, lock, autosave, recovery and live run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-document"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-document.h"
#include "v21-file-io.h"

struct _V21Document
{
  GObject       parent_instance;

  V21Workshop  *workshop;
  V21FileLock  *lock;
  V21Autosave  *autosave;
  GFile        *restored_from;  /* the recovery file it came from */
  gboolean      saving;
};

enum { PROP_0, PROP_WORKSHOP, PROP_AUTOSAVE_ERROR, PROP_SAVING, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (V21Document, v21_document, G_TYPE_OBJECT)

static void
v21_document_dispose (GObject *object)
{
  V21Document *self = V21_DOCUMENT (object);

  g_clear_object (&self->autosave);
  g_clear_object (&self->restored_from);
  g_clear_pointer (&self->lock, v21_file_lock_release);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_document_parent_class)->dispose (object);
}

static void
v21_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  V21Document *self = V21_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;
    case PROP_AUTOSAVE_ERROR:
      g_value_set_boxed (value, v21_document_get_autosave_error (self));
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
v21_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  V21Document *self = V21_DOCUMENT (object);

  if (prop_id == PROP_WORKSHOP)
    self->workshop = g_value_dup_object (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
v21_document_class_init (V21DocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = v21_document_dispose;
  object_class->get_property = v21_document_get_property;
  object_class->set_property = v21_document_set_property;

  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, V21_TYPE_WORKSHOP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * V21Document:autosave-error: (nullable)
   *
   * Why the recovery file could not be written; %NULL once it can.
   */
  properties[PROP_AUTOSAVE_ERROR] =
    g_param_spec_boxed ("autosave-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
v21_document_init (V21Document *self)
{
}

static void
on_autosave_error (V21Document *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_ERROR]);
}

V21Document *
v21_document_new (V21Workshop *workshop,
                  V21FileLock *lock,
                  guint        autosave_interval)
{
  V21Document *self;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  self = g_object_new (V21_TYPE_DOCUMENT, "workshop", workshop, NULL);
  self->lock = lock;
  self->autosave = v21_autosave_new (workshop, autosave_interval);
  g_signal_connect_object (self->autosave, "notify::error", G_CALLBACK (on_autosave_error),
                           self, G_CONNECT_SWAPPED);
  return self;
}

/* Opening */

typedef struct
{
  GFile               *file;
  V21FileLock         *lock;
  guint                interval;
  GPtrArray           *problems;
  V21DocumentProgress  progress;
  gpointer             progress_data;
  GTask               *task;       /* borrowed: the task owns this */
} Open;

static void
open_free (Open *open)
{
  g_object_unref (open->file);
  g_clear_pointer (&open->lock, v21_file_lock_release);
  g_clear_pointer (&open->problems, g_ptr_array_unref);
  g_free (open);
}

typedef struct
{
  GTask  *task;
  double  fraction;
} Progress;

static gboolean
report_progress (gpointer data)
{
  Progress *progress = data;
  Open *open = g_task_get_task_data (progress->task);

  /* Late news of a load already finished or cancelled is not told. */
  if (!g_task_get_completed (progress->task)
      && !g_cancellable_is_cancelled (g_task_get_cancellable (progress->task)))
    open->progress (progress->fraction, open->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->task);
  g_free (progress);
}

/* In the worker: tells the main thread, and stops when cancelled. */
static gboolean
on_load_progress (double   fraction,
                  gpointer data)
{
  Open *open = data;
  Progress *progress;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (open->task)))
    return FALSE;
  if (open->progress == NULL)
    return TRUE;
  progress = g_new0 (Progress, 1);
  progress->task = g_object_ref (open->task);
  progress->fraction = fraction;
  g_main_context_invoke_full (g_task_get_context (open->task), G_PRIORITY_DEFAULT,
                              report_progress, progress, progress_free);
  return TRUE;
}

static void
open_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Open *open = data;
  g_autofree char *path = g_file_get_path (open->file);
  g_autofree char *contents = NULL;
  gsize length = 0;
  GError *error = NULL;
  V21Workshop *workshop;

  if (path == NULL)
    {
      g_task_return_new_error (task, V21_ERROR, V21_ERROR_IO, _("Only local files can be opened"));
      return;
    }
  if (!v21_file_read (path, V21_FILE_MAX_BYTES, &contents, &length, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!on_load_progress (0.2, open))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("the opening was cancelled"));
      return;
    }
  workshop = v21_workshop_load_data_full (contents, length, on_load_progress, open, &open->problems, &error);
  if (workshop == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  v21_workshop_set_file (workshop, open->file);
  g_task_return_pointer (task, workshop, g_object_unref);
}

/**
 * v21_document_open_async:
 *
 * Opens @file: the lock is taken here, the file read, validated and built in
 * a worker thread. A file that has no room for a lock beside it (a read-only
 * folder) still opens.
 */
void
v21_document_open_async (GFile               *file,
                         gboolean             force,
                         guint                autosave_interval,
                         GCancellable        *cancellable,
                         V21DocumentProgress  progress,
                         gpointer             progress_data,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Open *open;

  g_return_if_fail (G_IS_FILE (file));
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, v21_document_open_async);
  open = g_new0 (Open, 1);
  open->file = g_object_ref (file);
  open->interval = autosave_interval;
  open->progress = progress;
  open->progress_data = progress_data;
  open->task = task;
  g_task_set_task_data (task, open, (GDestroyNotify) open_free);

  open->lock = v21_file_lock_acquire (file, force, &error);
  if (open->lock == NULL && g_error_matches (error, V21_ERROR, V21_ERROR_LOCKED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (open->lock == NULL)
    g_debug ("Opening without a lock: %s", error != NULL ? error->message : "");
  g_task_run_in_thread (task, open_in_thread);
}

V21Document *
v21_document_open_finish (GAsyncResult  *result,
                          GPtrArray    **problems,
                          GError       **error)
{
  Open *open = g_task_get_task_data (G_TASK (result));
  g_autoptr(V21Workshop) workshop = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  if (problems != NULL)
    *problems = NULL;
  workshop = g_task_propagate_pointer (G_TASK (result), error);
  if (workshop == NULL)
    {
      if (problems != NULL && open->problems != NULL && open->problems->len > 0
          && !g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
        *problems = g_steal_pointer (&open->problems);
      return NULL;
    }
  return v21_document_new (workshop, g_steal_pointer (&open->lock), open->interval);
}

/* Saving */

typedef struct
{
  GFile       *file;
  char        *path;
  char        *data;
  gsize        length;
  guint64      revision;
  V21FileLock *new_lock;   /* the lock of a new file, until it is the document's */
} Save;

static void
save_free (Save *save)
{
  g_object_unref (save->file);
  g_free (save->path);
  g_free (save->data);
  g_clear_pointer (&save->new_lock, v21_file_lock_release);
  g_free (save);
}

static void
set_saving (V21Document *self,
            gboolean     saving)
{
  if (self->saving == saving)
    return;
  self->saving = saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static void
save_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Save *save = data;
  GError *error = NULL;

  if (v21_file_write_atomic (save->path, save->data, save->length, TRUE, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
saved (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  V21Document *self = V21_DOCUMENT (source);
  g_autoptr(GTask) outer = user_data;
  Save *save = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  set_saving (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }
  if (save->new_lock != NULL)
    {
      g_clear_pointer (&self->lock, v21_file_lock_release);
      self->lock = g_steal_pointer (&save->new_lock);
    }
  v21_workshop_mark_saved (self->workshop, save->file, save->revision);
  v21_document_close_clean (self);
  g_task_return_boolean (outer, TRUE);
}

/* A file other than the document's: its lock first, refused when another
 * instance holds it. */
static gboolean
lock_new_file (V21Document  *self,
               Save         *save,
               GError      **error)
{
  GFile *current = v21_workshop_get_file (self->workshop);
  g_autoptr(GError) lock_error = NULL;

  if (current != NULL && g_file_equal (current, save->file))
    return TRUE;
  save->new_lock = v21_file_lock_acquire (save->file, FALSE, &lock_error);
  if (save->new_lock == NULL && g_error_matches (lock_error, V21_ERROR, V21_ERROR_LOCKED))
    {
      g_set_error (error, V21_ERROR, V21_ERROR_LOCKED, "%s\n\n%s", lock_error->message,
                   _("Save the workshop under another name."));
      return FALSE;
    }
  return TRUE;
}

void
v21_document_save_as_async (V21Document         *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *outer;
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Save *save;

  g_return_if_fail (V21_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, v21_document_save_as_async);
  save = g_new0 (Save, 1);
  save->file = g_object_ref (file);
  save->path = g_file_get_path (file);
  if (save->path == NULL)
    error = g_error_new (V21_ERROR, V21_ERROR_IO, _("Only local files can be saved"));
  else if (self->saving)
    error = g_error_new (G_IO_ERROR, G_IO_ERROR_PENDING, _("The workshop is being saved already"));
  if (error != NULL || !lock_new_file (self, save, &error))
    {
      save_free (save);
      g_task_return_error (outer, error);
      g_object_unref (outer);
      return;
    }
  /* A consistent copy, taken here; the slow part (write, fsync) is not. */
  save->data = v21_workshop_to_data (self->workshop, &save->length);
  save->revision = v21_workshop_get_revision (self->workshop);
  set_saving (self, TRUE);
  task = g_task_new (self, NULL, saved, outer);
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);
  g_task_run_in_thread (task, save_in_thread);
}

void
v21_document_save_async (V21Document         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GFile *file;

  g_return_if_fail (V21_IS_DOCUMENT (self));
  file = v21_workshop_get_file (self->workshop);
  if (file == NULL)
    {
      g_task_report_new_error (self, callback, user_data, v21_document_save_async,
                               V21_ERROR, V21_ERROR_IO, _("The workshop has no file yet"));
      return;
    }
  v21_document_save_as_async (self, file, cancellable, callback, user_data);
}

gboolean
v21_document_save_finish (V21Document   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
v21_document_get_saving (V21Document *self)
{
  g_return_val_if_fail (V21_IS_DOCUMENT (self), FALSE);
  return self->saving;
}

/* Accessors */

V21Workshop *
v21_document_get_workshop (V21Document *self)
{
  g_return_val_if_fail (V21_IS_DOCUMENT (self), NULL);
  return self->workshop;
}

GFile *
v21_document_get_file (V21Document *self)
{
  g_return_val_if_fail (V21_IS_DOCUMENT (self), NULL);
  return v21_workshop_get_file (self->workshop);
}

V21Autosave *
v21_document_get_autosave (V21Document *self)
{
  g_return_val_if_fail (V21_IS_DOCUMENT (self), NULL);
  return self->autosave;
}

const GError *
v21_document_get_autosave_error (V21Document *self)
{
  g_return_val_if_fail (V21_IS_DOCUMENT (self), NULL);
  return self->autosave != NULL ? v21_autosave_get_error (self->autosave) : NULL;
}

V21Session *
v21_document_get_session (V21Document *self)
{
  g_return_val_if_fail (V21_IS_DOCUMENT (self), NULL);
  return v21_session_get (self->workshop);
}

/* Recovery */

void
v21_document_set_restored_from (V21Document *self,
                                GFile       *recovery)
{
  g_return_if_fail (V21_IS_DOCUMENT (self));
  g_set_object (&self->restored_from, recovery);
}

gboolean
v21_document_flush_autosave (V21Document  *self,
                             GError      **error)
{
  g_return_val_if_fail (V21_IS_DOCUMENT (self), FALSE);
  return self->autosave == NULL || v21_autosave_save_now (self->autosave, error);
}

void
v21_document_close_clean (V21Document *self)
{
  g_return_if_fail (V21_IS_DOCUMENT (self));
  if (self->autosave != NULL)
    v21_autosave_discard (self->autosave);
  if (self->restored_from != NULL)
    {
      V21Recovery old = { .recovery = self->restored_from };
      g_autoptr(GError) error = NULL;

      if (!v21_recovery_discard (&old, &error))
        g_warning ("%s", error->message);
      g_clear_object (&self->restored_from);
    }
}
