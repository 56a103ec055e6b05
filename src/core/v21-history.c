#define G_LOG_DOMAIN "v21-history"

#include "config.h"

#include "v21-history.h"

typedef enum { CMD_SET, CMD_INSERT, CMD_REMOVE, CMD_MOVE, CMD_GROUP } CommandKind;

struct _V21Command
{
  CommandKind  kind;
  char        *label;
  V21Record   *record;
  char        *field;
  json_object *old_value;   /* NULL is JSON null */
  json_object *new_value;
  gboolean     had_field;
  guint        position;
  guint        to;
  GPtrArray   *children;
};

static V21Command *
command_new (CommandKind kind,
             V21Record  *record)
{
  V21Command *self = g_new0 (V21Command, 1);

  self->kind = kind;
  self->record = record ? g_object_ref (record) : NULL;
  return self;
}

V21Command *
v21_command_new_set (V21Record   *record,
                     const char  *field,
                     json_object *value)
{
  V21Command *self = command_new (CMD_SET, record);

  self->field = g_strdup (field);
  self->old_value = _v21_record_dup_value (record, field, &self->had_field);
  self->new_value = value;
  return self;
}

V21Command *
v21_command_new_insert (V21Record *record,
                        guint      position)
{
  V21Command *self = command_new (CMD_INSERT, record);

  self->position = position;
  return self;
}

V21Command *
v21_command_new_remove (V21Record *record,
                        guint      position)
{
  V21Command *self = command_new (CMD_REMOVE, record);

  self->position = position;
  return self;
}

V21Command *
v21_command_new_move (V21Record *record,
                      guint      from,
                      guint      to)
{
  V21Command *self = command_new (CMD_MOVE, record);

  self->position = from;
  self->to = to;
  return self;
}

V21Command *
v21_command_new_group (const char *label)
{
  V21Command *self = command_new (CMD_GROUP, NULL);

  self->label = g_strdup (label);
  self->children = g_ptr_array_new_with_free_func ((GDestroyNotify) v21_command_free);
  return self;
}

void
v21_command_add_child (V21Command *group,
                       V21Command *child)
{
  g_return_if_fail (group->kind == CMD_GROUP);
  g_ptr_array_add (group->children, child);
}

guint
v21_command_n_children (V21Command *group)
{
  return group->kind == CMD_GROUP ? group->children->len : 1;
}

const char *
v21_command_get_label (V21Command *self)
{
  return self->label;
}

void
v21_command_set_label (V21Command *self,
                       const char *label)
{
  g_free (self->label);
  self->label = g_strdup (label);
}

static void
set_value (V21Record       *record,
           const char      *field,
           json_object     *value,
           gboolean         present,
           V21CommandHooks *hooks)
{
  hooks->setting (hooks->data, record, field);
  _v21_record_replace (record, field, json_object_get (value), present);
  hooks->set (hooks->data, record, field);
  _v21_record_emit_changed (record, field);
}

static void
insert_at (V21Record       *record,
           guint            position,
           V21CommandHooks *hooks)
{
  hooks->inserted (hooks->data, record);
  _v21_collection_insert (hooks->collection (hooks->data, record), position, record);
}

static void
remove_record (V21Record       *record,
               V21CommandHooks *hooks)
{
  V21Collection *collection = hooks->collection (hooks->data, record);
  guint position;

  if (!v21_collection_find (collection, record, &position))
    g_return_if_reached ();
  g_object_ref (record);
  hooks->removed (hooks->data, record);
  _v21_collection_remove (collection, position);
  g_object_unref (record);
}

static void
move_record (V21Record       *record,
             guint            to,
             V21CommandHooks *hooks)
{
  V21Collection *collection = hooks->collection (hooks->data, record);
  guint position;

  if (!v21_collection_find (collection, record, &position))
    g_return_if_reached ();
  g_object_ref (record);
  hooks->moved (hooks->data, record);
  _v21_collection_remove (collection, position);
  _v21_collection_insert (collection, to, record);
  g_object_unref (record);
}

void
v21_command_apply (V21Command      *self,
                   V21CommandHooks *hooks)
{
  switch (self->kind)
    {
    case CMD_SET:
      set_value (self->record, self->field, self->new_value, TRUE, hooks);
      break;
    case CMD_INSERT:
      insert_at (self->record, self->position, hooks);
      break;
    case CMD_REMOVE:
      remove_record (self->record, hooks);
      break;
    case CMD_MOVE:
      move_record (self->record, self->to, hooks);
      break;
    case CMD_GROUP:
      for (guint i = 0; i < self->children->len; i++)
        v21_command_apply (g_ptr_array_index (self->children, i), hooks);
      break;
    }
}

void
v21_command_revert (V21Command      *self,
                    V21CommandHooks *hooks)
{
  switch (self->kind)
    {
    case CMD_SET:
      set_value (self->record, self->field, self->old_value, self->had_field, hooks);
      break;
    case CMD_INSERT:
      remove_record (self->record, hooks);
      break;
    case CMD_REMOVE:
      insert_at (self->record, self->position, hooks);
      break;
    case CMD_MOVE:
      move_record (self->record, self->position, hooks);
      break;
    case CMD_GROUP:
      for (guint i = self->children->len; i > 0; i--)
        v21_command_revert (g_ptr_array_index (self->children, i - 1), hooks);
      break;
    }
}

void
v21_command_free (V21Command *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->record);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_pointer (&self->old_value, json_object_put);
  g_clear_pointer (&self->new_value, json_object_put);
  g_free (self->field);
  g_free (self->label);
  g_free (self);
}
