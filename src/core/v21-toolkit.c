#define G_LOG_DOMAIN "v21-toolkit"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-file-io.h"
#include "v21-toolkit.h"
#include "v21-workshop-private.h"

char *
v21_toolkit_path (void)
{
  const char *env = g_getenv ("V21_TOOLKIT");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "toolkit.json", NULL);

  if (env && *env)
    return g_strdup (env);
  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&installed);
  return g_build_filename (SOURCE_DATADIR, "toolkit.json", NULL);
}

/* A text in the user's language: a plain string, or {"en": …, "fr": …}. */
static const char *
localized (json_object *parent,
           const char  *field)
{
  json_object *value = NULL;
  json_object *text = NULL;
  const char * const *languages = g_get_language_names ();

  if (!json_object_object_get_ex (parent, field, &value) || value == NULL)
    return "";
  if (json_object_is_type (value, json_type_string))
    return json_object_get_string (value);
  if (!json_object_is_type (value, json_type_object))
    return "";
  for (guint i = 0; languages[i]; i++)
    if (json_object_object_get_ex (value, languages[i], &text) && json_object_is_type (text, json_type_string))
      return json_object_get_string (text);
  if (json_object_object_get_ex (value, "en", &text) && json_object_is_type (text, json_type_string))
    return json_object_get_string (text);
  return "";
}

static json_object *
copy_field (json_object *from,
            const char  *field)
{
  json_object *value = NULL;

  json_object_object_get_ex (from, field, &value);
  return json_object_get (value);
}

static json_object *
toolkit_list (json_object *toolkit,
              const char  *name)
{
  json_object *list = NULL;

  if (json_object_object_get_ex (toolkit, name, &list) && json_object_is_type (list, json_type_array))
    return list;
  return NULL;
}

static gboolean
add_exercises (V21Workshop *workshop,
               json_object *toolkit,
               GHashTable  *ids_by_code,
               GError     **error)
{
  json_object *list = toolkit_list (toolkit, "exercises");

  for (gsize i = 0; list && i < json_object_array_length (list); i++)
    {
      json_object *item = json_object_array_get_idx (list, i);
      json_object *fields = json_object_new_object ();
      V21Record *record;

      json_object_object_add (fields, "code", copy_field (item, "code"));
      json_object_object_add (fields, "title", json_object_new_string (localized (item, "title")));
      json_object_object_add (fields, "summary", json_object_new_string (localized (item, "summary")));
      json_object_object_add (fields, "minutes", copy_field (item, "minutes"));
      json_object_object_add (fields, "kind", copy_field (item, "kind"));
      json_object_object_add (fields, "instructions", json_object_new_string (localized (item, "instructions")));
      json_object_object_add (fields, "outputs", copy_field (item, "outputs"));
      record = v21_workshop_insert (workshop, "exercises", -1, fields, error);
      if (record == NULL)
        return FALSE;
      g_hash_table_insert (ids_by_code, g_strdup (v21_record_get_string (record, "code")),
                           g_strdup (v21_record_get_id (record)));
    }
  return TRUE;
}

static const char *
add_day (V21Workshop *workshop,
         int          number,
         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) date = g_date_time_add_days (now, 27 + number);
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");
  json_object *fields = json_object_new_object ();
  V21Record *record;

  json_object_object_add (fields, "date", json_object_new_string (day));
  json_object_object_add (fields, "start", json_object_new_string ("09:00"));
  json_object_object_add (fields, "end", json_object_new_string (number == 1 ? "17:30" : "17:00"));
  record = v21_workshop_insert (workshop, "days", -1, fields, error);
  return record ? v21_record_get_id (record) : NULL;
}

static gboolean
add_run_sheet (V21Workshop *workshop,
               json_object *toolkit,
               GHashTable  *ids_by_code,
               GError     **error)
{
  json_object *list = toolkit_list (toolkit, "run_sheet");
  const char *day_ids[3] = { NULL, NULL, NULL };
  int minutes_into_day[3] = { 0, 0, 0 };

  for (gsize i = 0; list && i < json_object_array_length (list); i++)
    {
      json_object *item = json_object_array_get_idx (list, i);
      json_object *fields = json_object_new_object ();
      json_object *exercise = NULL;
      int day = CLAMP (json_object_get_int (json_object_object_get (item, "day")), 1, 2);
      int start = 9 * 60 + minutes_into_day[day];
      char hhmm[16];

      if (day_ids[day] == NULL && (day_ids[day] = add_day (workshop, day, error)) == NULL)
        {
          json_object_put (fields);
          return FALSE;
        }
      json_object_object_get_ex (item, "exercise", &exercise);
      json_object_object_add (fields, "day", json_object_new_string (day_ids[day]));
      g_snprintf (hhmm, sizeof hhmm, "%02d:%02d", start / 60 % 24, start % 60);
      json_object_object_add (fields, "start", json_object_new_string (hhmm));
      json_object_object_add (fields, "minutes", copy_field (item, "minutes"));
      json_object_object_add (fields, "title", json_object_new_string (localized (item, "title")));
      json_object_object_add (fields, "exercise", exercise && json_object_get_string (exercise)
                              ? json_object_new_string (g_hash_table_lookup (ids_by_code, json_object_get_string (exercise)) ?: "")
                              : NULL);
      json_object_object_add (fields, "kind", copy_field (item, "kind"));
      json_object_object_add (fields, "instructions", json_object_new_string (localized (item, "instructions")));
      json_object_object_add (fields, "notes", json_object_new_string (""));
      json_object_object_add (fields, "status", json_object_new_string ("planned"));
      minutes_into_day[day] += json_object_get_int (json_object_object_get (item, "minutes"));
      if (v21_workshop_insert (workshop, "sequences", -1, fields, error) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_checklist (V21Workshop *workshop,
               json_object *toolkit,
               GError     **error)
{
  json_object *list = toolkit_list (toolkit, "checklist");

  for (gsize i = 0; list && i < json_object_array_length (list); i++)
    {
      json_object *holder = json_object_new_object ();
      json_object *fields = json_object_new_object ();
      const char *label;

      /* An item is {"en": …, "fr": …}: read it as the text of a field. */
      json_object_object_add (holder, "label", json_object_get (json_object_array_get_idx (list, i)));
      label = localized (holder, "label");
      json_object_object_add (fields, "label", json_object_new_string (label));
      json_object_object_add (fields, "done", json_object_new_boolean (FALSE));
      json_object_put (holder);
      if (v21_workshop_insert (workshop, "checklist", -1, fields, error) == NULL)
        return FALSE;
    }
  return TRUE;
}

static json_object *
load_toolkit (const char  *path,
              GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  json_object *root;
  json_object *format = NULL;
  g_autofree char *name = g_filename_display_name (path);

  if (!v21_file_read (path, V21_FILE_MAX_BYTES, &data, &length, error))
    return NULL;
  root = json_tokener_parse (data);
  if (root == NULL || !json_object_object_get_ex (root, "format", &format)
      || g_strcmp0 (json_object_get_string (format), "visions21-toolkit") != 0)
    {
      json_object_put (root);
      g_set_error (error, V21_ERROR, V21_ERROR_FORMAT, _("“%s” is not a Visions+21 toolkit file"), name);
      return NULL;
    }
  return root;
}

/**
 * v21_toolkit_apply:
 *
 * Adds the toolkit's exercises, its two-day run sheet and its preparation
 * checklist to @workshop, as edits (a bad toolkit file gets the same checks
 * as any edit, and fails with the first problem).
 */
gboolean
v21_toolkit_apply (V21Workshop  *workshop,
                   const char   *path,
                   GError      **error)
{
  g_autoptr(json_object) toolkit = load_toolkit (path, error);
  g_autoptr(GHashTable) ids_by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GError *local_error = NULL;

  if (toolkit == NULL)
    return FALSE;
  if (!add_exercises (workshop, toolkit, ids_by_code, &local_error)
      || !add_run_sheet (workshop, toolkit, ids_by_code, &local_error)
      || !add_checklist (workshop, toolkit, &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, V21_ERROR, V21_ERROR_FORMAT, _("The toolkit file “%s” is damaged: %s"),
                   name, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_int (V21Workshop *workshop,
         const char  *field,
         int          value,
         GError     **error)
{
  return v21_workshop_set (workshop, v21_workshop_get_root (workshop), field,
                           json_object_new_int (value), error);
}

/* Sets the years in the order that keeps the horizon after the start at each step. */
static gboolean
set_years (V21Workshop *workshop,
           int          start_year,
           int          horizon_year,
           GError     **error)
{
  int current = v21_record_get_int (v21_workshop_get_root (workshop), "start_year", 0);

  if (start_year > 0 && start_year < current)
    return set_int (workshop, "start_year", start_year, error)
           && (horizon_year <= 0 || set_int (workshop, "horizon_year", horizon_year, error));
  return (horizon_year <= 0 || set_int (workshop, "horizon_year", horizon_year, error))
         && (start_year <= 0 || set_int (workshop, "start_year", start_year, error));
}

V21Workshop *
v21_workshop_new_from_toolkit (const char  *title,
                               const char  *territory,
                               int          start_year,
                               int          horizon_year,
                               GError     **error)
{
  g_autoptr(V21Workshop) workshop = v21_workshop_new ();
  V21Record *root = v21_workshop_get_root (workshop);
  g_autofree char *path = v21_toolkit_path ();
  json_object *place = NULL;

  json_object_deep_copy (v21_record_get_value (root, "territory"), &place, NULL);

  json_object_object_add (place, "name", json_object_new_string (territory ? territory : ""));
  if (start_year > 0 && horizon_year <= 0)
    horizon_year = start_year + 30;
  if ((title && !v21_workshop_set (workshop, root, "title", json_object_new_string (title), error))
      || !v21_workshop_set (workshop, root, "territory", place, error)
      || !set_years (workshop, start_year, horizon_year, error)
      || !v21_toolkit_apply (workshop, path, error))
    return NULL;
  _v21_workshop_clear_history (workshop);
  return g_steal_pointer (&workshop);
}
