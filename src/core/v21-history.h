#pragma once

#include "v21-workshop-private.h"

G_BEGIN_DECLS

/* One undoable edit: set a field, insert, remove or move a record, or a group. */
typedef struct _V21Command V21Command;

typedef struct
{
  /* Called by commands as they apply, so the workshop keeps its indexes and its
   * notifications right. Each comes before the list's "items-changed" or the
   * record's "changed": whoever hears of the change finds the indexes up to date.
   * @setting: @field is about to change (the record still holds the old value);
   * @set: it has changed; @moved: it changed place in its list. */
  void (*inserted) (gpointer data, V21Record *record);
  void (*removed)  (gpointer data, V21Record *record);
  void (*moved)    (gpointer data, V21Record *record);
  void (*setting)  (gpointer data, V21Record *record, const char *field);
  void (*set)      (gpointer data, V21Record *record, const char *field);
  V21Collection *(*collection) (gpointer data, V21Record *record);
  gpointer data;
} V21CommandHooks;

V21Command *v21_command_new_set    (V21Record   *record,
                                    const char  *field,
                                    json_object *value);
V21Command *v21_command_new_insert (V21Record   *record,
                                    guint        position);
V21Command *v21_command_new_remove (V21Record   *record,
                                    guint        position);
V21Command *v21_command_new_move   (V21Record   *record,
                                    guint        from,
                                    guint        to);
V21Command *v21_command_new_group  (const char  *label);
void        v21_command_add_child  (V21Command  *group,
                                    V21Command  *child);
guint       v21_command_n_children (V21Command  *group);
const char *v21_command_get_label  (V21Command  *self);
void        v21_command_set_label  (V21Command  *self,
                                    const char  *label);
void        v21_command_apply      (V21Command  *self,
                                    V21CommandHooks *hooks);
void        v21_command_revert     (V21Command  *self,
                                    V21CommandHooks *hooks);
void        v21_command_free       (V21Command  *self);

G_END_DECLS
