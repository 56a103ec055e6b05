#define G_LOG_DOMAIN "v21-record"

#include "config.h"

#include <errno.h>
#include <string.h>

#include "v21-schema.h"
#include "v21-workshop-private.h"

/* A record keeps its fields compactly, not as a json-c tree: json-c gives every
 * object a 16-slot hash table and a copy of each key, several times what the
 * fields themselves take (docs/performance.md, "Memory"). The file is still
 * parsed and written by json-c: a record is made from the parsed object, which
 * is then freed, and turned back into one when the workshop is saved.
 *
 * A field's name is the schema's own string when the schema knows it; an enum's
 * value likewise; texts, numbers and booleans are stored as C values; arrays,
 * nested objects and decimals stay json-c values (they are rare, and a decimal
 * keeps the digits it was written with). */

typedef enum
{
  VALUE_NULL,
  VALUE_BOOL,
  VALUE_INT,
  VALUE_TEXT,      /* owned */
  VALUE_STATIC,    /* an enum's value: the schema's string */
  VALUE_JSON,      /* a reference held */
} ValueType;

typedef struct
{
  const char *name;
  guint8      type;
  guint8      own_name;   /* else the schema's string */
  union
  {
    gboolean     b;
    gint64       i;
    char        *text;
    const char  *static_text;
    json_object *json;
  } v;
} Field;

struct _V21Record
{
  GObject      parent_instance;
  const char  *collection;   /* static string from the schema */
  const V21Kind *kind;       /* NULL for a list the schema does not know */
  Field       *fields;       /* in the order of the file */
  guint        n_fields;
  guint        position;     /* where its list last had it: a hint for v21_collection_find() */
  json_object *json;         /* lent by v21_record_get_json(): NULL until asked, then kept in step */
};

G_DEFINE_FINAL_TYPE (V21Record, v21_record, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
field_clear_value (Field *field)
{
  if (field->type == VALUE_TEXT)
    g_free (field->v.text);
  else if (field->type == VALUE_JSON)
    json_object_put (field->v.json);
  field->type = VALUE_NULL;
}

static void
field_clear (Field *field)
{
  field_clear_value (field);
  if (field->own_name)
    g_free ((char *) field->name);
}

/* Stores @value (borrowed) in @field, whose value is clear. */
static void
field_set_value (Field          *field,
                 const V21Field *schema,
                 json_object    *value)
{
  switch (json_object_get_type (value))
    {
    case json_type_null:
      field->type = VALUE_NULL;
      return;
    case json_type_boolean:
      field->type = VALUE_BOOL;
      field->v.b = json_object_get_boolean (value);
      return;
    case json_type_int:
      errno = 0;
      field->v.i = json_object_get_int64 (value);
      if (errno == 0 && field->v.i != G_MAXINT64 && field->v.i != G_MININT64)
        {
          field->type = VALUE_INT;
          return;
        }
      break;
    case json_type_string:
      {
        const char *text = json_object_get_string (value);
        gsize length = json_object_get_string_len (value);

        if (strlen (text) != length)
          break;   /* a NUL inside: kept as json-c has it */
        if (schema && schema->type == V21_FIELD_ENUM && schema->values)
          for (const char * const *v = schema->values; *v; v++)
            if (strcmp (*v, text) == 0)
              {
                field->type = VALUE_STATIC;
                field->v.static_text = *v;
                return;
              }
        field->type = VALUE_TEXT;
        field->v.text = g_strndup (text, length);
        return;
      }
    default:
      break;
    }
  field->type = VALUE_JSON;
  field->v.json = json_object_get (value);
}

/* A new reference to @field's value as a json-c value (NULL is JSON null). */
static json_object *
field_to_json (const Field *field)
{
  switch ((ValueType) field->type)
    {
    case VALUE_NULL:
      return NULL;
    case VALUE_BOOL:
      return json_object_new_boolean (field->v.b);
    case VALUE_INT:
      return json_object_new_int64 (field->v.i);
    case VALUE_TEXT:
      return json_object_new_string (field->v.text);
    case VALUE_STATIC:
      return json_object_new_string (field->v.static_text);
    case VALUE_JSON:
      return json_object_get (field->v.json);
    default:
      g_assert_not_reached ();
    }
}

static void
field_init (Field         *field,
            const V21Kind *kind,
            const char    *name,
            json_object   *value)
{
  const V21Field *schema = kind ? v21_kind_field (kind, name) : NULL;

  field->name = schema ? schema->name : g_strdup (name);
  field->own_name = schema == NULL;
  field_set_value (field, schema, value);
}

static Field *
find (V21Record  *self,
      const char *name)
{
  for (guint i = 0; i < self->n_fields; i++)
    if (self->fields[i].name == name || strcmp (self->fields[i].name, name) == 0)
      return &self->fields[i];
  return NULL;
}

static void
v21_record_finalize (GObject *object)
{
  V21Record *self = V21_RECORD (object);

  for (guint i = 0; i < self->n_fields; i++)
    field_clear (&self->fields[i]);
  g_free (self->fields);
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

/* A record of @collection ("" for the workshop's own fields) with the fields of
 * the JSON object @json, which it does not keep. */
V21Record *
_v21_record_new (const char  *collection,
                 json_object *json)
{
  V21Record *self = g_object_new (V21_TYPE_RECORD, NULL);
  guint i = 0;

  self->collection = collection;
  self->kind = collection && *collection ? v21_schema_lookup (collection) : v21_schema_root ();
  self->n_fields = json_object_object_length (json);
  self->fields = g_new0 (Field, self->n_fields);
  json_object_object_foreach (json, key, value)
    field_init (&self->fields[i++], self->kind, key, value);
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
  Field *found = find (self, field);

  if (!present)
    {
      if (found)
        {
          guint at = found - self->fields;

          field_clear (found);
          memmove (found, found + 1, (self->n_fields - at - 1) * sizeof (Field));
          self->n_fields--;
        }
      if (self->json)
        json_object_object_del (self->json, field);
      json_object_put (value);
      return;
    }
  if (found)
    {
      field_clear_value (found);
      field_set_value (found, self->kind ? v21_kind_field (self->kind, found->name) : NULL, value);
    }
  else
    {
      self->fields = g_renew (Field, self->fields, self->n_fields + 1);
      field_init (&self->fields[self->n_fields++], self->kind, field, value);
    }
  /* The tree lent out stays the record: a field changed there too. */
  if (self->json)
    json_object_object_add (self->json, field, value);
  else
    json_object_put (value);
}

/* A new JSON object with the record's fields (not the one lent by
 * v21_record_get_json(): the caller may change it). */
json_object *
_v21_record_to_json (V21Record *self)
{
  json_object *json = json_object_new_object ();

  for (guint i = 0; i < self->n_fields; i++)
    json_object_object_add (json, self->fields[i].name, field_to_json (&self->fields[i]));
  return json;
}

/* A new reference to the value of @field (NULL for JSON null or absent);
 * @present tells which. */
json_object *
_v21_record_dup_value (V21Record  *self,
                       const char *field,
                       gboolean   *present)
{
  Field *found = find (self, field);

  if (present)
    *present = found != NULL;
  return found ? field_to_json (found) : NULL;
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

/**
 * v21_record_get_value:
 *
 * Returns: (nullable) (transfer none): the value of @field, %NULL when it is
 * absent or null. Arrays and objects cost nothing; a text, a number or a
 * boolean makes the record lend its whole tree (v21_record_get_json()), so
 * prefer the typed getters for those.
 */
json_object *
v21_record_get_value (V21Record  *self,
                      const char *field)
{
  Field *found;
  json_object *value = NULL;

  g_return_val_if_fail (V21_IS_RECORD (self), NULL);
  found = find (self, field);
  if (found == NULL || found->type == VALUE_NULL)
    return NULL;
  if (found->type == VALUE_JSON)
    return found->v.json;
  json_object_object_get_ex (v21_record_get_json (self), field, &value);
  return value;
}

/**
 * v21_record_get_json:
 *
 * Returns: (transfer none): the record as a JSON object, kept in step with its
 * edits while the record lives. Made when first asked and kept: it costs
 * several times the record itself (prefer the getters).
 */
json_object *
v21_record_get_json (V21Record *self)
{
  g_return_val_if_fail (V21_IS_RECORD (self), NULL);
  if (self->json == NULL)
    self->json = _v21_record_to_json (self);
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
  Field *found;

  g_return_val_if_fail (V21_IS_RECORD (self), NULL);
  found = find (self, field);
  if (found == NULL)
    return NULL;
  if (found->type == VALUE_TEXT)
    return found->v.text;
  if (found->type == VALUE_STATIC)
    return found->v.static_text;
  if (found->type == VALUE_JSON && json_object_is_type (found->v.json, json_type_string))
    return json_object_get_string (found->v.json);
  return NULL;
}

gint64
v21_record_get_int (V21Record  *self,
                    const char *field,
                    gint64      fallback)
{
  Field *found;

  g_return_val_if_fail (V21_IS_RECORD (self), fallback);
  found = find (self, field);
  if (found == NULL)
    return fallback;
  if (found->type == VALUE_INT)
    return found->v.i;
  if (found->type == VALUE_JSON && json_object_is_type (found->v.json, json_type_int))
    return json_object_get_int64 (found->v.json);
  return fallback;
}

double
v21_record_get_double (V21Record  *self,
                       const char *field,
                       double      fallback)
{
  Field *found;

  g_return_val_if_fail (V21_IS_RECORD (self), fallback);
  found = find (self, field);
  if (found == NULL)
    return fallback;
  if (found->type == VALUE_INT)
    return (double) found->v.i;
  if (found->type == VALUE_JSON && (json_object_is_type (found->v.json, json_type_double)
                                    || json_object_is_type (found->v.json, json_type_int)))
    return json_object_get_double (found->v.json);
  return fallback;
}

gboolean
v21_record_get_bool (V21Record  *self,
                     const char *field)
{
  Field *found;

  g_return_val_if_fail (V21_IS_RECORD (self), FALSE);
  found = find (self, field);
  return found && found->type == VALUE_BOOL && found->v.b;
}

gboolean
v21_record_is_null (V21Record  *self,
                    const char *field)
{
  Field *found;

  g_return_val_if_fail (V21_IS_RECORD (self), TRUE);
  found = find (self, field);
  return found == NULL || found->type == VALUE_NULL;
}
