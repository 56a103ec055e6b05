#pragma once

#include <glib-object.h>
#include <json-c/json.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

#define V21_TYPE_RECORD (v21_record_get_type ())
G_DECLARE_FINAL_TYPE (V21Record, v21_record, V21, RECORD, GObject)

/* A record of the workshop (a card, a person, a sequence…): an id and its fields.
 * Fields the application does not know are kept as they are. Read with the getters;
 * change through v21_workshop_set() so the edit is validated and undoable.
 * "changed::FIELD" is emitted after a field changed. */

const char  *v21_record_get_id         (V21Record  *self);
const char  *v21_record_get_collection (V21Record  *self);
const char  *v21_record_get_string     (V21Record  *self,
                                        const char *field);
gint64       v21_record_get_int        (V21Record  *self,
                                        const char *field,
                                        gint64      fallback);
double       v21_record_get_double     (V21Record  *self,
                                        const char *field,
                                        double      fallback);
gboolean     v21_record_get_bool       (V21Record  *self,
                                        const char *field);
gboolean     v21_record_is_null        (V21Record  *self,
                                        const char *field);
json_object *v21_record_get_value      (V21Record  *self,
                                        const char *field);
json_object *v21_record_get_json       (V21Record  *self);

G_END_DECLS
