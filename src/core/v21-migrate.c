#define G_LOG_DOMAIN "v21-migrate"

#include "config.h"

#include <stdio.h>
#include <glib.h>

#include "v21-migrate.h"
#include "v21-workshop-private.h"

static void
rename_key (json_object *object,
            const char  *from,
            const char  *to)
{
  json_object *value = NULL;

  if (!json_object_object_get_ex (object, from, &value) || json_object_object_get_ex (object, to, NULL))
    return;
  json_object_object_add (object, to, json_object_get (value));
  json_object_object_del (object, from);
}

/* 0.x: "participants" for the people, "horizon" for the horizon year. */
static void
migrate_0 (json_object *root)
{
  rename_key (root, "participants", "people");
  rename_key (root, "horizon", "horizon_year");
}

void
v21_migrate (json_object *root)
{
  json_object *version = NULL;
  int major = 0;
  int minor = 0;

  if (!json_object_object_get_ex (root, "version", &version)
      || !v21_parse_version (json_object_get_string (version), &major, &minor)
      || major >= V21_FORMAT_MAJOR)
    return;
  if (major == 0)
    migrate_0 (root);
  json_object_object_add (root, "version", json_object_new_string (V21_FORMAT_VERSION));
}
