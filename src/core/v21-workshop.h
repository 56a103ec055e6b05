#pragma once

#include <gio/gio.h>
#include "v21-error.h"
#include "v21-record.h"
#include "v21-collection.h"

G_BEGIN_DECLS

#define V21_TYPE_WORKSHOP (v21_workshop_get_type ())
G_DECLARE_FINAL_TYPE (V21Workshop, v21_workshop, V21, WORKSHOP, GObject)

/* The workshop document.
 * Properties (all notify): "title" (string), "territory" (string), "file" (GFile),
 * "modified" (gboolean: differs from the file on disk), "can-undo", "can-redo".
 * Signal "changed" (no arguments): after every edit, undo and redo.
 * Signal "record-changed::COLLECTION" (V21Record *record, const char *field), just
 * before "changed", once for each record changed: field NULL when inserted or removed. */

#define V21_FORMAT_NAME "visions21"
#define V21_FORMAT_VERSION "1.0"
#define V21_FORMAT_MAJOR 1
#define V21_FILE_MAX_BYTES (64 * 1024 * 1024)

/* A problem found while validating a file: where (a JSON path such as
 * "$.cards[12].table") and what (a translated message). */
typedef struct
{
  char *path;
  char *message;
} V21Problem;

void v21_problem_free (V21Problem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (V21Problem, v21_problem_free)

/* Creating and loading. Loading validates everything first: on any problem it
 * returns NULL, sets @error to the first problem and, when @problems is not NULL,
 * gives all of them (a GPtrArray of V21Problem). Nothing is built then. */
V21Workshop   *v21_workshop_new              (void);
V21Workshop   *v21_workshop_new_from_toolkit (const char   *title,
                                              const char   *territory,
                                              int           start_year,
                                              int           horizon_year,
                                              GError      **error);
V21Workshop   *v21_workshop_load_data        (const char   *data,
                                              gsize         length,
                                              GPtrArray   **problems,
                                              GError      **error);
/* Told how far a load went (0 to 1), in the loading thread; returning FALSE
 * stops it (V21_ERROR_CANCELLED). */
typedef gboolean (*V21LoadProgress) (double fraction, gpointer data);
V21Workshop   *v21_workshop_load_data_full   (const char      *data,
                                              gsize            length,
                                              V21LoadProgress  progress,
                                              gpointer         progress_data,
                                              GPtrArray      **problems,
                                              GError         **error);
V21Workshop   *v21_workshop_load_file        (GFile        *file,
                                              GPtrArray   **problems,
                                              GError      **error);

/* Saving: serialise, then write atomically (temporary file, fsync, rename),
 * keeping the previous version as "NAME~". Marks the workshop unmodified. */
char          *v21_workshop_to_data          (V21Workshop  *self,
                                              gsize        *length);
gboolean       v21_workshop_save_file        (V21Workshop  *self,
                                              GFile        *file,
                                              GError      **error);
/* A save in two steps (serialise on the main thread, write in a worker):
 * the revision serialised, then mark_saved once the file is written. */
guint64        v21_workshop_get_revision     (V21Workshop  *self);
void           v21_workshop_mark_saved       (V21Workshop  *self,
                                              GFile        *file,
                                              guint64       revision);

/* The workshop's own fields (title, start_year, territory…) as a record. */
V21Record     *v21_workshop_get_root         (V21Workshop  *self);
const char    *v21_workshop_get_title        (V21Workshop  *self);
const char    *v21_workshop_get_territory_name (V21Workshop *self);
V21Collection *v21_workshop_get_collection   (V21Workshop  *self,
                                              const char   *name);
V21Record     *v21_workshop_lookup           (V21Workshop  *self,
                                              const char   *id);
GFile         *v21_workshop_get_file         (V21Workshop  *self);
void           v21_workshop_set_file         (V21Workshop  *self,
                                              GFile        *file);
gboolean       v21_workshop_get_modified     (V21Workshop  *self);

/* Edits. Each is validated (an impossible value returns FALSE with @error and
 * changes nothing) and recorded in the undo history. @value/@fields are stolen.
 * Removing a record also clears or removes what refers to it, in the same step. */
gboolean       v21_workshop_set              (V21Workshop  *self,
                                              V21Record    *record,
                                              const char   *field,
                                              json_object  *value,
                                              GError      **error);
V21Record     *v21_workshop_insert           (V21Workshop  *self,
                                              const char   *collection,
                                              int           position,
                                              json_object  *fields,
                                              GError      **error);
gboolean       v21_workshop_remove           (V21Workshop  *self,
                                              V21Record    *record,
                                              GError      **error);
gboolean       v21_workshop_move             (V21Workshop  *self,
                                              V21Record    *record,
                                              guint         position,
                                              GError      **error);

/* Several edits undone as one: label is translated, e.g. _("Merge cards"). */
void           v21_workshop_begin_group      (V21Workshop  *self,
                                              const char   *label);
void           v21_workshop_end_group        (V21Workshop  *self);
/* Ends the innermost group undoing its edits, leaving no trace in the history. */
void           v21_workshop_cancel_group     (V21Workshop  *self);

gboolean       v21_workshop_can_undo         (V21Workshop  *self);
gboolean       v21_workshop_can_redo         (V21Workshop  *self);
const char    *v21_workshop_get_undo_label   (V21Workshop  *self);
const char    *v21_workshop_get_redo_label   (V21Workshop  *self);
gboolean       v21_workshop_undo             (V21Workshop  *self);
gboolean       v21_workshop_redo             (V21Workshop  *self);

char          *v21_new_id                    (void);

G_END_DECLS
