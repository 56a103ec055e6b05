#pragma once

#include <json-c/json.h>

G_BEGIN_DECLS

/* Brings a root object of an older format version up to the current one, in place. */
void v21_migrate (json_object *root);

G_END_DECLS
