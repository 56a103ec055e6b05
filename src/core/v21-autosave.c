#define G_LOG_DOMAIN "v21-autosave"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "v21-autosave.h"
#include "v21-file-io.h"
#include "v21-workshop-private.h"

/* What a write in a worker and the main thread share: the newest generation
 * on disk, so that a late write never replaces a newer recovery file. */
typedef struct
{
  gatomicrefcount refs;
  GMutex          lock;
  guint64         on_disk;
} Written;

struct _V21Autosave
{
  GObject      parent_instance;
  V21Workshop *workshop;
  char        *base;       /* recovery files: BASE.visions21 and BASE.info */
  guint        interval;
  guint        idle_delay;  /* ms of quiet after a change before a write */
  guint        timeout_id;
  guint        idle_id;
  guint64      saved_generation;
  guint64      generation;
  guint        discards;    /* counts v21_autosave_discard(), to drop late writes */
  gboolean     writing;
  gulong       changed_id;
  gulong       modified_id;
  GError      *error;       /* the last write's failure, until one works */
  Written     *written;
};

typedef struct
{
  char    *data_path;
  char    *info_path;
  char    *data;
  gsize    length;
  char    *info;
  guint64  generation;
  guint    discards;
  Written *written;
} Snapshot;

enum { PROP_0, PROP_ERROR, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (V21Autosave, v21_autosave, G_TYPE_OBJECT)

static Written *
written_ref (Written *written)
{
  g_atomic_ref_count_inc (&written->refs);
  return written;
}

static void
written_unref (Written *written)
{
  if (!g_atomic_ref_count_dec (&written->refs))
    return;
  g_mutex_clear (&written->lock);
  g_free (written);
}

static char *
recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "visions21", "recovery", NULL);
}

static void
v21_autosave_dispose (GObject *object)
{
  V21Autosave *self = V21_AUTOSAVE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->workshop)
    {
      g_clear_signal_handler (&self->changed_id, self->workshop);
      g_clear_signal_handler (&self->modified_id, self->workshop);
    }
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_autosave_parent_class)->dispose (object);
}

static void
v21_autosave_finalize (GObject *object)
{
  V21Autosave *self = V21_AUTOSAVE (object);

  g_free (self->base);
  g_clear_error (&self->error);
  written_unref (self->written);
  G_OBJECT_CLASS (v21_autosave_parent_class)->finalize (object);
}

static void
v21_autosave_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  V21Autosave *self = V21_AUTOSAVE (object);

  if (prop_id == PROP_ERROR)
    g_value_set_boxed (value, self->error);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
v21_autosave_class_init (V21AutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = v21_autosave_dispose;
  object_class->finalize = v21_autosave_finalize;
  object_class->get_property = v21_autosave_get_property;

  /**
   * V21Autosave:error: (nullable)
   *
   * Why the last recovery file could not be written; %NULL once a write works.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
v21_autosave_init (V21Autosave *self)
{
  g_autofree char *dir = recovery_dir ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strdup_printf ("%s-%d", uuid, (int) getpid ());

  self->base = g_build_filename (dir, name, NULL);
  self->idle_delay = V21_AUTOSAVE_IDLE_DELAY_MS;
  self->written = g_new0 (Written, 1);
  g_atomic_ref_count_init (&self->written->refs);
  g_mutex_init (&self->written->lock);
}

static void
snapshot_free (Snapshot *snapshot)
{
  g_free (snapshot->data_path);
  g_free (snapshot->info_path);
  g_free (snapshot->data);
  g_free (snapshot->info);
  written_unref (snapshot->written);
  g_free (snapshot);
}

static gboolean write_snapshot (Snapshot *snapshot, GError **error);

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_snapshot (data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Keeps @error (nullable, stolen) as the failure the window shows. */
static void
set_error (V21Autosave *self,
           GError      *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  self->error = error;
  if (error != NULL)
    g_message ("Autosave failed: %s", error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void schedule_idle (V21Autosave *self);

static void
written (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  V21Autosave *self = V21_AUTOSAVE (source);
  Snapshot *snapshot = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  self->writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_error (self, error);
      return;
    }
  set_error (self, NULL);
  if (snapshot->discards != self->discards)
    v21_autosave_discard (self);   /* saved or closed meanwhile: not a recovery any more */
  else
    self->saved_generation = MAX (self->saved_generation, snapshot->generation);
  if (self->generation != self->saved_generation && self->workshop != NULL)
    schedule_idle (self);          /* changed while it was written */
}

static Snapshot *take_snapshot (V21Autosave *self);

static gboolean
needs_write (V21Autosave *self)
{
  return v21_workshop_get_modified (self->workshop) && self->generation != self->saved_generation;
}

/* Serialises on the main thread (a consistent copy), writes in a worker thread. */
static void
write_in_background (V21Autosave *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->writing || !needs_write (self))
    return;
  self->writing = TRUE;
  task = g_task_new (self, NULL, written, NULL);
  g_task_set_task_data (task, take_snapshot (self), (GDestroyNotify) snapshot_free);
  g_task_run_in_thread (task, write_in_thread);
}

/* At most every @interval seconds while changes keep coming. */
static gboolean
on_timeout (gpointer data)
{
  write_in_background (data);
  return G_SOURCE_CONTINUE;
}

/* A quiet moment after a change. */
static gboolean
on_idle (gpointer data)
{
  V21Autosave *self = data;

  self->idle_id = 0;
  if (self->writing)
    schedule_idle (self);
  else
    write_in_background (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_idle (V21Autosave *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->idle_id = g_timeout_add (self->idle_delay, on_idle, self);
}

static void
on_changed (V21Autosave *self)
{
  self->generation++;
  schedule_idle (self);
}

/**
 * v21_autosave_new:
 * @workshop: the workshop to keep
 * @interval_seconds: the longest time a change waits to be written
 *
 * Writes the unsaved changes of @workshop to a recovery file in a worker
 * thread, %V21_AUTOSAVE_IDLE_DELAY_MS after the last change, and at least
 * every @interval_seconds while changes keep coming.
 *
 * Returns: (transfer full): a new #V21Autosave
 */
V21Autosave *
v21_autosave_new (V21Workshop *workshop,
                  guint        interval_seconds)
{
  V21Autosave *self;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  self = g_object_new (V21_TYPE_AUTOSAVE, NULL);
  self->workshop = g_object_ref (workshop);
  self->changed_id = g_signal_connect_swapped (workshop, "changed", G_CALLBACK (on_changed), self);
  /* Edits in a group change the workshop before it counts as modified (at the
   * group's end, with no "changed"): the write waits for that too. */
  self->modified_id = g_signal_connect_swapped (workshop, "notify::modified", G_CALLBACK (on_changed), self);
  v21_autosave_set_interval (self, interval_seconds);
  return self;
}

void
v21_autosave_set_interval (V21Autosave *self,
                           guint        interval_seconds)
{
  g_return_if_fail (V21_IS_AUTOSAVE (self));
  self->interval = CLAMP (interval_seconds, 1, 3600);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds (self->interval, on_timeout, self);
}

/**
 * v21_autosave_set_idle_delay:
 * @self: a #V21Autosave
 * @milliseconds: the quiet time after a change before it is written
 *
 * Changes the debounce delay (%V21_AUTOSAVE_IDLE_DELAY_MS by default).
 */
void
v21_autosave_set_idle_delay (V21Autosave *self,
                             guint        milliseconds)
{
  g_return_if_fail (V21_IS_AUTOSAVE (self));
  self->idle_delay = MAX (milliseconds, 1);
  if (self->idle_id != 0)
    schedule_idle (self);
}

/**
 * v21_autosave_get_error:
 * @self: a #V21Autosave
 *
 * Returns: (transfer none) (nullable): why the last write failed, or %NULL
 */
const GError *
v21_autosave_get_error (V21Autosave *self)
{
  g_return_val_if_fail (V21_IS_AUTOSAVE (self), NULL);
  return self->error;
}

static char *
info_data (V21Autosave *self)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved = g_date_time_format_iso8601 (now);
  GFile *file = v21_workshop_get_file (self->workshop);
  g_autofree char *original = file ? g_file_get_path (file) : NULL;

  g_key_file_set_string (info, "Recovery", "Title", v21_workshop_get_title (self->workshop));
  g_key_file_set_string (info, "Recovery", "Saved", saved);
  if (original)
    g_key_file_set_string (info, "Recovery", "Original", original);
  return g_key_file_to_data (info, NULL, NULL);
}

static Snapshot *
take_snapshot (V21Autosave *self)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->data_path = g_strconcat (self->base, ".visions21", NULL);
  snapshot->info_path = g_strconcat (self->base, ".info", NULL);
  snapshot->data = v21_workshop_to_data (self->workshop, &snapshot->length);
  snapshot->info = info_data (self);
  snapshot->generation = self->generation;
  snapshot->discards = self->discards;
  snapshot->written = written_ref (self->written);
  return snapshot;
}

/* One write at a time per autosave, and never an older generation over a newer. */
static gboolean
write_snapshot (Snapshot  *snapshot,
                GError   **error)
{
  g_autofree char *dir = g_path_get_dirname (snapshot->data_path);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&snapshot->written->lock);

  (void) locker;   /* held until the function returns; clang warns otherwise */

  if (snapshot->written->on_disk >= snapshot->generation && snapshot->generation > 0)
    return TRUE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, V21_ERROR, V21_ERROR_IO, _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (!v21_file_write_atomic (snapshot->data_path, snapshot->data, snapshot->length, FALSE, error)
      || !v21_file_write_atomic (snapshot->info_path, snapshot->info, strlen (snapshot->info), FALSE, error))
    return FALSE;
  snapshot->written->on_disk = snapshot->generation;
  return TRUE;
}

/**
 * v21_autosave_save_now:
 * @self: a #V21Autosave
 * @error: return location for an error
 *
 * Writes the recovery file now, on this thread, when the workshop changed
 * since the last one (after a write in progress, never under it).
 *
 * Returns: whether the recovery file holds the workshop as it is
 */
gboolean
v21_autosave_save_now (V21Autosave  *self,
                       GError      **error)
{
  Snapshot *snapshot;
  GError *failure = NULL;
  gboolean ok;

  g_return_val_if_fail (V21_IS_AUTOSAVE (self), FALSE);
  if (!needs_write (self))
    return TRUE;
  snapshot = take_snapshot (self);
  ok = write_snapshot (snapshot, &failure);
  if (ok)
    self->saved_generation = snapshot->generation;
  snapshot_free (snapshot);
  if (!ok && error != NULL)
    *error = g_error_copy (failure);
  set_error (self, failure);
  return ok;
}

void
v21_autosave_discard (V21Autosave *self)
{
  g_autofree char *data_path = g_strconcat (self->base, ".visions21", NULL);
  g_autofree char *info_path = g_strconcat (self->base, ".info", NULL);

  g_return_if_fail (V21_IS_AUTOSAVE (self));
  g_unlink (info_path);
  g_unlink (data_path);
  self->saved_generation = self->generation;
  self->discards++;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  set_error (self, NULL);
}

GFile *
v21_autosave_get_recovery_file (V21Autosave *self)
{
  g_autofree char *data_path = g_strconcat (self->base, ".visions21", NULL);

  g_return_val_if_fail (V21_IS_AUTOSAVE (self), NULL);
  return g_file_new_for_path (data_path);
}

/* Recovery after a crash */

void
v21_recovery_free (V21Recovery *recovery)
{
  if (recovery == NULL)
    return;
  g_clear_object (&recovery->recovery);
  g_clear_pointer (&recovery->saved, g_date_time_unref);
  g_free (recovery->original);
  g_free (recovery->title);
  g_free (recovery);
}

static V21Recovery *
read_recovery (const char *dir,
               const char *info_name)
{
  g_autofree char *info_path = g_build_filename (dir, info_name, NULL);
  g_autofree char *stem = g_strndup (info_name, strlen (info_name) - strlen (".info"));
  g_autofree char *data_name = g_strconcat (stem, ".visions21", NULL);
  g_autofree char *data_path = g_build_filename (dir, data_name, NULL);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *saved = NULL;
  V21Recovery *recovery;

  if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL)
      || !g_file_test (data_path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  recovery = g_new0 (V21Recovery, 1);
  recovery->recovery = g_file_new_for_path (data_path);
  recovery->title = g_key_file_get_string (info, "Recovery", "Title", NULL);
  recovery->original = g_key_file_get_string (info, "Recovery", "Original", NULL);
  saved = g_key_file_get_string (info, "Recovery", "Saved", NULL);
  recovery->saved = saved ? g_date_time_new_from_iso8601 (saved, NULL) : NULL;
  if (recovery->title == NULL)
    recovery->title = g_strdup (_("Untitled workshop"));
  return recovery;
}

/**
 * v21_recovery_list:
 *
 * Returns: (transfer full): the recovery files left by runs that did not end
 * cleanly, as V21Recovery, newest first. Files of instances still running are
 * not listed.
 */
GPtrArray *
v21_recovery_list (void)
{
  g_autofree char *dir_path = recovery_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) v21_recovery_free);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      const char *dash = strrchr (name, '-');
      V21Recovery *recovery;

      if (!g_str_has_suffix (name, ".info") || dash == NULL)
        continue;
      if (atoi (dash + 1) == getpid () || (atoi (dash + 1) > 0 && kill (atoi (dash + 1), 0) == 0))
        continue;   /* ours, or of an instance still running */
      if ((recovery = read_recovery (dir_path, name)) != NULL)
        g_ptr_array_add (list, recovery);
    }
  return list;
}

V21Workshop *
v21_recovery_restore (V21Recovery  *recovery,
                      GError      **error)
{
  V21Workshop *workshop = v21_workshop_load_file (recovery->recovery, NULL, error);

  if (workshop == NULL)
    return NULL;
  if (recovery->original)
    {
      g_autoptr(GFile) original = g_file_new_for_path (recovery->original);
      v21_workshop_set_file (workshop, original);
    }
  else
    v21_workshop_set_file (workshop, NULL);
  _v21_workshop_set_unsaved (workshop);
  return workshop;
}

gboolean
v21_recovery_discard (V21Recovery  *recovery,
                      GError      **error)
{
  g_autofree char *data_path = g_file_get_path (recovery->recovery);
  g_autofree char *stem = g_strndup (data_path, strlen (data_path) - strlen (".visions21"));
  g_autofree char *info_path = g_strconcat (stem, ".info", NULL);

  g_unlink (info_path);
  if (g_unlink (data_path) != 0 && g_file_test (data_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, V21_ERROR, V21_ERROR_IO, _("Could not remove “%s”"), data_path);
      return FALSE;
    }
  return TRUE;
}
