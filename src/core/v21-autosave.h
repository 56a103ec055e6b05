#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_AUTOSAVE (v21_autosave_get_type ())
G_DECLARE_FINAL_TYPE (V21Autosave, v21_autosave, V21, AUTOSAVE, GObject)

/* The quiet time after a change before the recovery file is written. */
#define V21_AUTOSAVE_IDLE_DELAY_MS 2000

/* Writes the unsaved changes of a workshop to a recovery file under
 * $XDG_STATE_HOME/visions21/recovery, in a worker thread: 2 s after the last
 * change, and at least every @interval_seconds while changes keep coming.
 * A failure is kept in the "error" property until a write works. Saving the
 * workshop or closing it cleanly calls v21_autosave_discard(). */
V21Autosave *v21_autosave_new               (V21Workshop  *workshop,
                                             guint         interval_seconds);
void         v21_autosave_set_interval      (V21Autosave  *self,
                                             guint         interval_seconds);
void         v21_autosave_set_idle_delay    (V21Autosave  *self,
                                             guint         milliseconds);
const GError *v21_autosave_get_error        (V21Autosave  *self);
gboolean     v21_autosave_save_now          (V21Autosave  *self,
                                             GError      **error);
void         v21_autosave_discard           (V21Autosave  *self);
GFile       *v21_autosave_get_recovery_file (V21Autosave  *self);

/* What a previous run left behind after a crash. */
typedef struct
{
  GFile     *recovery;   /* the recovery file */
  char      *original;   /* path of the workshop file, NULL if never saved */
  char      *title;      /* the workshop title */
  GDateTime *saved;      /* when the recovery file was written */
} V21Recovery;

void         v21_recovery_free              (V21Recovery  *recovery);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (V21Recovery, v21_recovery_free)

GPtrArray   *v21_recovery_list              (void);
V21Workshop *v21_recovery_restore           (V21Recovery  *recovery,
                                             GError      **error);
gboolean     v21_recovery_discard           (V21Recovery  *recovery,
                                             GError      **error);

G_END_DECLS
