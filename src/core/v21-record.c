#define G_LOG_DOMAIN "v21-record"

#include "config.h"

#include <errno.h>

#include "v21-workshop-private.h"

struct _V21Record
{
  GObject      parent_instance;
  const char  *collection;   /* static string from the schema */
  json_object *json;
  guint        position;     /* where its list last had it: a hint for v21_collection_find() */
};

G_DEFINE_FINAL_TYPE (V21Record, v21_record, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
v21_record_finalize (GObject *object)
{
  V21Record *self = V21_RECORD (object);

  g_clear_pointer (&self->json, json_object_put);
  G_OBJECT_CLASS (v21_record_parent_class)->finalize (object);
}

static void
v21_record_class_init (V21RecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = v21_record_finalize;

  /**
   * V21Record::changed:
   * @field: the name of the field that changed
   *
   * Emitted after a field changed (detailed by the field name).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
v21_record_init (V21Record *self)
{
}

V21Record *
_v21_record_new (const char  *collection,
                 json_object *json)
{
  V21Record *self = g_object_new (V21_TYPE_RECORD, NULL);

  self->collection = collection;
  self->json = json_object_get (json);
  return self;
}

/* Sets @field to @value (stolen; NULL is JSON null), or removes it when !@present.
 * Tells no one: the caller emits "changed" with _v21_record_emit_changed() once
 * the workshop's indexes know. */
void
_v21_record_replace (V21Record   *self,
                     const char  *field,
                     json_object *value,
                     gboolean     present)
{
  if (!present)
    json_object_object_del (self->json, field);
  else
    json_object_object_add (self->json, field, value);
}

void
_v21_record_emit_changed (V21Record  *self,
                          const char *field)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (field), field);
}

guint
_v21_record_get_position_hint (V21Record *self)
{
  return self->position;
}

void
_v21_record_set_position_hint (V21Record *self,
                               guint      position)
{
  self->position = position;
}

const char *
v21_record_get_id (V21Record *self)
{
  return v21_record_get_string (self, "id");
}

const char *
v21_record_get_collection (V21Record *self)
{
  g_return_val_if_fail (V21_IS_RECORD (self), NULL);
  return self->collection;
}

json_object *
v21_record_get_value (V21Record  *self,
                      const char *field)
{
  json_object *value = NULL;

  g_return_val_if_fail (V21_IS_RECORD (self), NULL);
  json_object_object_get_ex (self->json, field, &value);
  return value;
}

json_object *
v21_record_get_json (V21Record *self)
{
  g_return_val_if_fail (V21_IS_RECORD (self), NULL);
  return self->json;
}

/**
 * v21_record_get_string:
 *
 * Returns: (nullable): the text of @field, or %NULL when it is absent, null or
 * not a text.
 */
const char *
v21_record_get_string (V21Record  *self,
                       const char *field)
{
  json_object *value = v21_record_get_value (self, field);

  if (value && json_object_is_type (value, json_type_string))
    return json_object_get_string (value);
  return NULL;
}

gint64
v21_record_get_int (V21Record  *self,
                    const char *field,
                    gint64      fallback)
{
  json_object *value = v21_record_get_value (self, field);

  if (value && json_object_is_type (value, json_type_int))
    return json_object_get_int64 (value);
  return fallback;
}

double
v21_record_get_double (V21Record  *self,
                       const char *field,
                       double      fallback)
{
  json_object *value = v21_record_get_value (self, field);

  if (value && (json_object_is_type (value, json_type_double) || json_object_is_type (value, json_type_int)))
    return json_object_get_double (value);
  return fallback;
}

gboolean
v21_record_get_bool (V21Record  *self,
                     const char *field)
{
  json_object *value = v21_record_get_value (self, field);

  return value && json_object_is_type (value, json_type_boolean) && json_object_get_boolean (value);
}

gboolean
v21_record_is_null (V21Record  *self,
                    const char *field)
{
  return v21_record_get_value (self, field) == NULL;
}
