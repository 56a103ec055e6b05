#define G_LOG_DOMAIN "v21-validate"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-validate.h"
#include "v21-workshop.h"

void
v21_problem_free (V21Problem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

GPtrArray *
v21_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) v21_problem_free);
}

void
v21_problems_add (GPtrArray  *problems,
                  const char *path,
                  const char *format,
                  ...)
{
  V21Problem *problem = g_new0 (V21Problem, 1);
  va_list args;

  va_start (args, format);
  problem->path = g_strdup (path);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, problem);
}

gboolean
v21_id_is_valid (const char *id)
{
  gsize n = 0;

  for (const char *p = id; *p; p++, n++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;
  return n >= 1 && n <= 64;
}

static const char *
type_name (json_object *value)
{
  switch (json_object_get_type (value))
    {
    case json_type_null: return _("null");
    case json_type_boolean: return _("true or false");
    case json_type_double: return _("a decimal number");
    case json_type_int: return _("a whole number");
    case json_type_object: return _("an object");
    case json_type_array: return _("a list");
    case json_type_string: return _("a text");
    default: return "?";
    }
}

static gboolean
expect_type (json_object *value,
             json_type    type,
             const char  *expected,
             const char  *path,
             GPtrArray   *problems)
{
  if (json_object_is_type (value, type))
    return TRUE;
  v21_problems_add (problems, path, _("expected %s, found %s"), expected, type_name (value));
  return FALSE;
}

static gboolean
check_text (json_object *value,
            gsize        max,
            gboolean     nonempty,
            const char  *path,
            GPtrArray   *problems)
{
  const char *s;
  gsize bytes;

  if (!expect_type (value, json_type_string, _("a text"), path, problems))
    return FALSE;
  s = json_object_get_string (value);
  bytes = json_object_get_string_len (value);
  if (strlen (s) != bytes)
    {
      v21_problems_add (problems, path, _("contains a null character"));
      return FALSE;
    }
  if (bytes > max && g_utf8_strlen (s, bytes) > (glong) max)
    {
      v21_problems_add (problems, path, _("is longer than %u characters"), (guint) max);
      return FALSE;
    }
  if (nonempty)
    {
      while (*s && g_unichar_isspace (g_utf8_get_char (s)))
        s = g_utf8_next_char (s);
      if (*s == '\0')
        {
          v21_problems_add (problems, path, _("must not be empty"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
in_list (const char         *s,
         const char * const *values)
{
  for (guint i = 0; values[i]; i++)
    if (strcmp (values[i], s) == 0)
      return TRUE;
  return FALSE;
}

static void
check_enum (json_object        *value,
            const char * const *values,
            const char         *path,
            GPtrArray          *problems)
{
  const char *s;

  if (!expect_type (value, json_type_string, _("a text"), path, problems))
    return;
  s = json_object_get_string (value);
  if (!in_list (s, values))
    {
      g_autofree char *allowed = g_strjoinv (", ", (char **) values);
      v21_problems_add (problems, path, _("“%s” is not one of: %s"), s, allowed);
    }
}

static void
check_int (const V21Field *field,
           json_object    *value,
           const char     *path,
           GPtrArray      *problems)
{
  gint64 n;

  if (!expect_type (value, json_type_int, _("a whole number"), path, problems))
    return;
  errno = 0;
  n = json_object_get_int64 (value);
  if (errno != 0 || n < (gint64) field->min || n > (gint64) field->max)
    v21_problems_add (problems, path, _("must be between %ld and %ld"),
                      (long) field->min, (long) field->max);
}

static void
check_number (const V21Field *field,
              json_object    *value,
              const char     *path,
              GPtrArray      *problems)
{
  double d;

  if (!json_object_is_type (value, json_type_int) && !json_object_is_type (value, json_type_double))
    {
      v21_problems_add (problems, path, _("expected %s, found %s"), _("a number"), type_name (value));
      return;
    }
  d = json_object_get_double (value);
  if (!isfinite (d) || d < field->min || d > field->max)
    v21_problems_add (problems, path, _("must be between %g and %g"), field->min, field->max);
}

static gboolean
digits (const char *s,
        guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
date_is_valid (const char *s)
{
  if (strlen (s) != 10 || !digits (s, 4) || s[4] != '-' || !digits (s + 5, 2)
      || s[7] != '-' || !digits (s + 8, 2))
    return FALSE;
  return g_date_valid_dmy (atoi (s + 8), atoi (s + 5), atoi (s));
}

static gboolean
time_is_valid (const char *s)
{
  return strlen (s) == 5 && digits (s, 2) && s[2] == ':' && digits (s + 3, 2)
         && atoi (s) < 24 && atoi (s + 3) < 60;
}

/* YYYY-MM-DDTHH:MM:SS, optional fraction, then Z or ±HH:MM. */
static gboolean
instant_is_valid (const char *s)
{
  char date[11];
  const char *zone;

  if (strlen (s) < 20 || s[10] != 'T' || !time_is_valid ((char[6]) { s[11], s[12], s[13], s[14], s[15], 0 })
      || s[16] != ':' || !digits (s + 17, 2) || atoi (s + 17) > 59)
    return FALSE;
  memcpy (date, s, 10);
  date[10] = '\0';
  if (!date_is_valid (date))
    return FALSE;
  zone = s + 19;
  if (*zone == '.')
    for (zone++; g_ascii_isdigit (*zone); zone++)
      ;
  if (strcmp (zone, "Z") == 0)
    return TRUE;
  return strlen (zone) == 6 && (zone[0] == '+' || zone[0] == '-') && time_is_valid (zone + 1);
}

static gboolean
color_is_valid (const char *s)
{
  if (strlen (s) != 7 || s[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;
  return TRUE;
}

static void
check_string_format (V21FieldType type,
                     json_object *value,
                     const char  *path,
                     GPtrArray   *problems)
{
  const char *s;

  if (!check_text (value, 64, FALSE, path, problems))
    return;
  s = json_object_get_string (value);
  switch (type)
    {
    case V21_FIELD_ID:
    case V21_FIELD_REF:
      if (!v21_id_is_valid (s))
        v21_problems_add (problems, path, _("“%s” is not a valid id (1 to 64 letters, digits, “-” or “_”)"), s);
      break;
    case V21_FIELD_DATE:
      if (!date_is_valid (s))
        v21_problems_add (problems, path, _("“%s” is not a date like 2027-03-18"), s);
      break;
    case V21_FIELD_TIME:
      if (!time_is_valid (s))
        v21_problems_add (problems, path, _("“%s” is not a time like 09:30"), s);
      break;
    case V21_FIELD_INSTANT:
      if (!instant_is_valid (s))
        v21_problems_add (problems, path, _("“%s” is not a date and time like 2027-03-18T09:30:00+01:00"), s);
      break;
    case V21_FIELD_COLOR:
      if (!color_is_valid (s))
        v21_problems_add (problems, path, _("“%s” is not a colour like #3a7bd5"), s);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
check_list (const V21Field *field,
            json_object    *value,
            const char     *path,
            GPtrArray      *problems)
{
  gsize n;

  if (!expect_type (value, json_type_array, _("a list"), path, problems))
    return;
  n = json_object_array_length (value);
  if (n > V21_LIST_MAX)
    {
      v21_problems_add (problems, path, _("has more than %u items"), (guint) V21_LIST_MAX);
      return;
    }
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%" G_GSIZE_FORMAT "]", path, i);
      json_object *item = json_object_array_get_idx (value, i);

      if (field->type == V21_FIELD_ENUM_LIST)
        check_enum (item, field->values, item_path, problems);
      else
        check_string_format (V21_FIELD_REF, item, item_path, problems);
    }
}

static void check_fields (const V21Kind *kind, json_object *record, const char *path,
                          GPtrArray *problems);

void
v21_validate_value (const V21Field *field,
                    json_object    *value,
                    const char     *path,
                    GPtrArray      *problems)
{
  if (value == NULL)
    {
      if (field->flags & V21_NULLABLE)
        return;
      v21_problems_add (problems, path, _("expected %s, found %s"),
                        field->type == V21_FIELD_OBJECT ? _("an object") : _("a value"), _("null"));
      return;
    }
  switch (field->type)
    {
    case V21_FIELD_SHORT:
      check_text (value, V21_SHORT_MAX, field->flags & V21_NONEMPTY, path, problems);
      break;
    case V21_FIELD_LONG:
      check_text (value, V21_LONG_MAX, field->flags & V21_NONEMPTY, path, problems);
      break;
    case V21_FIELD_INT:
      check_int (field, value, path, problems);
      break;
    case V21_FIELD_NUMBER:
      check_number (field, value, path, problems);
      break;
    case V21_FIELD_BOOL:
      expect_type (value, json_type_boolean, _("true or false"), path, problems);
      break;
    case V21_FIELD_ENUM:
      check_enum (value, field->values, path, problems);
      break;
    case V21_FIELD_ENUM_LIST:
    case V21_FIELD_REF_LIST:
      check_list (field, value, path, problems);
      break;
    case V21_FIELD_OBJECT:
      if (expect_type (value, json_type_object, _("an object"), path, problems))
        check_fields (field->sub, value, path, problems);
      break;
    default:
      check_string_format (field->type, value, path, problems);
      break;
    }
}

static void
check_fields (const V21Kind *kind,
              json_object   *record,
              const char    *path,
              GPtrArray     *problems)
{
  for (const V21Field *f = kind->fields; f->name; f++)
    {
      json_object *value = NULL;
      char field_path[512];

      g_snprintf (field_path, sizeof field_path, "%s.%s", path, f->name);
      if (!json_object_object_get_ex (record, f->name, &value))
        {
          if (f->flags & V21_REQUIRED)
            v21_problems_add (problems, field_path, _("is required"));
          continue;
        }
      v21_validate_value (f, value, field_path, problems);
    }
}

/* References and the rules across fields, once each field has the right type. */

static const char *
get_string (json_object *record,
            const char  *field)
{
  json_object *value = NULL;

  if (json_object_object_get_ex (record, field, &value) && json_object_is_type (value, json_type_string))
    return json_object_get_string (value);
  return NULL;
}

static gint64
get_int (json_object *record,
         const char  *field,
         gint64       fallback)
{
  json_object *value = NULL;

  if (json_object_object_get_ex (record, field, &value) && json_object_is_type (value, json_type_int))
    return json_object_get_int64 (value);
  return fallback;
}

static gboolean
check_ref (const char  *id,
           const char  *target,
           const char  *path,
           V21Resolver *resolver,
           GPtrArray   *problems)
{
  json_object *found = NULL;
  const char *collection = resolver->lookup (resolver->data, id, &found);

  if (collection == NULL)
    {
      v21_problems_add (problems, path, _("no record has the id “%s”"), id);
      return FALSE;
    }
  if (target != NULL && strcmp (collection, target) != 0)
    {
      v21_problems_add (problems, path, _("“%s” is in “%s”, not in “%s”"), id, collection, target);
      return FALSE;
    }
  return TRUE;
}

static void
check_refs (const V21Kind *kind,
            json_object   *record,
            const char    *path,
            V21Resolver   *resolver,
            GPtrArray     *problems)
{
  for (const V21Field *f = kind->fields; f->name; f++)
    {
      json_object *value = NULL;
      char field_path[512];

      if (f->type != V21_FIELD_REF || f->target == NULL
          || !json_object_object_get_ex (record, f->name, &value)
          || !json_object_is_type (value, json_type_string))
        continue;
      g_snprintf (field_path, sizeof field_path, "%s.%s", path, f->name);
      check_ref (json_object_get_string (value), f->target, field_path, resolver, problems);
    }
}

static gboolean
list_contains (json_object *list,
               const char  *id)
{
  gsize n = json_object_is_type (list, json_type_array) ? json_object_array_length (list) : 0;

  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (json_object_get_string (json_object_array_get_idx (list, i)), id) == 0)
      return TRUE;
  return FALSE;
}

static void
rules_root (json_object *root,
            const char  *path,
            GPtrArray   *problems)
{
  gint64 start = get_int (root, "start_year", 0);
  gint64 horizon = get_int (root, "horizon_year", 0);
  g_autofree char *field_path = g_strconcat (path, ".horizon_year", NULL);

  if (start == 0 || horizon == 0)
    return;
  if (horizon <= start)
    v21_problems_add (problems, field_path, _("the horizon (%ld) must come after the start year (%ld)"),
                      (long) horizon, (long) start);
  else if (horizon > start + 200)
    v21_problems_add (problems, field_path, _("the horizon must be at most 200 years after the start year"));
}

static void
rules_day (json_object *day,
           const char  *path,
           GPtrArray   *problems)
{
  const char *start = get_string (day, "start");
  const char *end = get_string (day, "end");
  char field_path[512];

  g_snprintf (field_path, sizeof field_path, "%s.end", path);
  if (start && end && time_is_valid (start) && time_is_valid (end) && strcmp (end, start) <= 0)
    v21_problems_add (problems, field_path, _("the day must end after it starts (%s)"), start);
}

static void
rules_link (json_object *link,
            const char  *path,
            GPtrArray   *problems)
{
  if (g_strcmp0 (get_string (link, "from"), get_string (link, "to")) == 0)
    {
      g_autofree char *field_path = g_strconcat (path, ".to", NULL);
      v21_problems_add (problems, field_path, _("a card cannot be linked to itself"));
    }
}

static void
rules_vote_round (json_object *round,
                  const char  *path,
                  V21Resolver *resolver,
                  GPtrArray   *problems)
{
  json_object *targets = NULL;
  const char *target = get_string (round, "target");
  gsize n;

  if (target == NULL || !json_object_object_get_ex (round, "targets", &targets)
      || !json_object_is_type (targets, json_type_array))
    return;
  n = json_object_array_length (targets);
  for (gsize i = 0; i < n; i++)
    {
      const char *id = json_object_get_string (json_object_array_get_idx (targets, i));
      g_autofree char *item_path = g_strdup_printf ("%s.targets[%" G_GSIZE_FORMAT "]", path, i);

      if (id && v21_id_is_valid (id))
        check_ref (id, target, item_path, resolver, problems);
    }
}

static void
rules_vote (json_object *vote,
            const char  *path,
            V21Resolver *resolver,
            GPtrArray   *problems)
{
  const char *round_id = get_string (vote, "round");
  const char *voter = get_string (vote, "voter");
  const char *target = get_string (vote, "target");
  json_object *round = NULL;
  json_object *targets = NULL;

  if (round_id == NULL || g_strcmp0 (resolver->lookup (resolver->data, round_id, &round), "vote_rounds") != 0)
    return;
  if (voter && v21_id_is_valid (voter))
    {
      char field_path[512];

      g_snprintf (field_path, sizeof field_path, "%s.voter", path);      check_ref (voter, get_string (round, "voters"), field_path, resolver, problems);
    }
  if (target && v21_id_is_valid (target))
    {
      char field_path[512];

      g_snprintf (field_path, sizeof field_path, "%s.target", path);
      json_object_object_get_ex (round, "targets", &targets);
      if (resolver->in_round ? !resolver->in_round (resolver->data, round_id, targets, target)
                             : !list_contains (targets, target))
        v21_problems_add (problems, field_path, _("“%s” is not one of the targets of the vote round “%s”"),
                          target, round_id);
    }
}

void
v21_validate_record (const V21Kind *kind,
                     json_object   *record,
                     const char    *path,
                     V21Resolver   *resolver,
                     GPtrArray     *problems)
{
  guint before = problems->len;
  const char *collection = kind->collection;

  check_fields (kind, record, path, problems);
  if (problems->len > before)
    return;
  check_refs (kind, record, path, resolver, problems);
  if (collection == NULL)
    rules_root (record, path, problems);
  else if (strcmp (collection, "days") == 0)
    rules_day (record, path, problems);
  else if (strcmp (collection, "links") == 0)
    rules_link (record, path, problems);
  else if (strcmp (collection, "vote_rounds") == 0)
    rules_vote_round (record, path, resolver, problems);
  else if (strcmp (collection, "votes") == 0)
    rules_vote (record, path, resolver, problems);
}

/* Whole documents: an index of every id, then each record, then the rules
 * across records (vote budgets, one score per pair). */

typedef struct
{
  const char  *collection;
  json_object *record;
  guint        index;
} IdEntry;

typedef struct
{
  GHashTable *ids;          /* id -> IdEntry */
  IdEntry    *entries;
  GHashTable *round_sets;   /* round id -> set of target ids */
} DocIndex;

static const char *
doc_lookup (gpointer      data,
            const char   *id,
            json_object **record)
{
  DocIndex *index = data;
  IdEntry *entry = g_hash_table_lookup (index->ids, id);

  if (entry == NULL)
    return NULL;
  *record = entry->record;
  return entry->collection;
}

static gboolean
doc_in_round (gpointer     data,
              const char  *round_id,
              json_object *targets,
              const char  *target)
{
  DocIndex *index = data;
  GHashTable *set = g_hash_table_lookup (index->round_sets, round_id);

  if (set == NULL)
    {
      gsize n = json_object_is_type (targets, json_type_array) ? json_object_array_length (targets) : 0;

      set = g_hash_table_new (g_str_hash, g_str_equal);
      for (gsize i = 0; i < n; i++)
        {
          const char *id = json_object_get_string (json_object_array_get_idx (targets, i));
          if (id)
            g_hash_table_add (set, (gpointer) id);
        }
      g_hash_table_insert (index->round_sets, (gpointer) round_id, set);
    }
  return g_hash_table_contains (set, target);
}

static json_object *
get_list (json_object *root,
          const char  *name)
{
  json_object *list = NULL;

  if (json_object_object_get_ex (root, name, &list) && json_object_is_type (list, json_type_array))
    return list;
  return NULL;
}

static gboolean
check_lists (json_object *root,
             GPtrArray   *problems)
{
  guint before = problems->len;

  for (const V21Kind **k = v21_schema_collections (); *k; k++)
    {
      json_object *list = NULL;
      char path[128];

      if (!json_object_object_get_ex (root, (*k)->collection, &list))
        continue;
      g_snprintf (path, sizeof path, "$.%s", (*k)->collection);
      if (!expect_type (list, json_type_array, _("a list"), path, problems))
        continue;
      if (json_object_array_length (list) > V21_LIST_MAX)
        {
          v21_problems_add (problems, path, _("has more than %u items"), (guint) V21_LIST_MAX);
          continue;
        }
      for (gsize i = 0; i < json_object_array_length (list); i++)
        {
          g_snprintf (path, sizeof path, "$.%s[%" G_GSIZE_FORMAT "]", (*k)->collection, i);
          expect_type (json_object_array_get_idx (list, i), json_type_object, _("an object"), path, problems);
        }
    }
  return problems->len == before;
}

static void
entry_path (IdEntry *entry,
            char    *buffer,
            gsize    size)
{
  if (entry->collection[0] == '\0')
    g_snprintf (buffer, size, "$");
  else
    g_snprintf (buffer, size, "$.%s[%u]", entry->collection, entry->index);
}

static void
index_one (DocIndex    *index,
           IdEntry     *entry,
           GPtrArray   *problems)
{
  const char *id = get_string (entry->record, "id");
  IdEntry *first;
  char path[160];
  char first_path[160];

  if (id == NULL || !v21_id_is_valid (id))
    return;   /* reported with the record's fields */
  first = g_hash_table_lookup (index->ids, id);
  if (first == NULL)
    {
      g_hash_table_insert (index->ids, (gpointer) id, entry);
      return;
    }
  entry_path (entry, path, sizeof path);
  entry_path (first, first_path, sizeof first_path);
  g_strlcat (path, ".id", sizeof path);
  v21_problems_add (problems, path, _("the id “%s” is already used at %s"), id, first_path);
}

static void
build_index (DocIndex    *index,
             json_object *root,
             GPtrArray   *problems)
{
  gsize total = 1;
  gsize next = 0;

  for (const V21Kind **k = v21_schema_collections (); *k; k++)
    {
      json_object *list = get_list (root, (*k)->collection);
      total += list ? json_object_array_length (list) : 0;
    }
  index->entries = g_new0 (IdEntry, total);
  index->ids = g_hash_table_new (g_str_hash, g_str_equal);
  index->round_sets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_hash_table_unref);
  index->entries[next] = (IdEntry) { "", root, 0 };
  index_one (index, &index->entries[next++], problems);
  for (const V21Kind **k = v21_schema_collections (); *k; k++)
    {
      json_object *list = get_list (root, (*k)->collection);
      gsize n = list ? json_object_array_length (list) : 0;

      for (gsize i = 0; i < n; i++)
        {
          index->entries[next] = (IdEntry) { (*k)->collection, json_object_array_get_idx (list, i), i };
          index_one (index, &index->entries[next++], problems);
        }
    }
}

static void
check_budgets (json_object *root,
               DocIndex    *index,
               GPtrArray   *problems)
{
  json_object *votes = get_list (root, "votes");
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gsize n = votes ? json_object_array_length (votes) : 0;

  for (gsize i = 0; i < n; i++)
    {
      json_object *vote = json_object_array_get_idx (votes, i);
      const char *round_id = get_string (vote, "round");
      const char *voter = get_string (vote, "voter");
      json_object *round = NULL;
      char *key;
      gint64 total;
      gint64 budget;

      if (voter == NULL || round_id == NULL || g_strcmp0 (doc_lookup (index, round_id, &round), "vote_rounds") != 0)
        continue;
      key = g_strconcat (round_id, "\n", voter, NULL);
      total = GPOINTER_TO_SIZE (g_hash_table_lookup (totals, key)) + get_int (vote, "count", 0);
      budget = get_int (round, "budget", 0);
      if (total > budget && total - get_int (vote, "count", 0) <= budget)
        {
          char path[160];
          g_snprintf (path, sizeof path, "$.votes[%" G_GSIZE_FORMAT "].count", i);
          v21_problems_add (problems, path, _("“%s” gives %ld votes in the round “%s”, over its budget of %ld"),
                            voter, (long) total, round_id, (long) budget);
        }
      g_hash_table_insert (totals, key, GSIZE_TO_POINTER ((gsize) total));
    }
}

static void
check_score_pairs (json_object *root,
                   GPtrArray   *problems)
{
  json_object *scores = get_list (root, "robustness");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gsize n = scores ? json_object_array_length (scores) : 0;

  for (gsize i = 0; i < n; i++)
    {
      json_object *score = json_object_array_get_idx (scores, i);
      char *key = g_strconcat (get_string (score, "challenge"), "\n", get_string (score, "answer"), NULL);
      gpointer first = NULL;

      if (g_hash_table_lookup_extended (seen, key, NULL, &first))
        {
          char path[160];
          g_snprintf (path, sizeof path, "$.robustness[%" G_GSIZE_FORMAT "]", i);
          v21_problems_add (problems, path, _("this challenge and answer are already scored at $.robustness[%u]"),
                            GPOINTER_TO_UINT (first));
          g_free (key);
          continue;
        }
      g_hash_table_insert (seen, key, GUINT_TO_POINTER ((guint) i));
    }
}

static void
doc_index_clear (DocIndex *index)
{
  g_clear_pointer (&index->ids, g_hash_table_unref);
  g_clear_pointer (&index->round_sets, g_hash_table_unref);
  g_clear_pointer (&index->entries, g_free);
}

gboolean
v21_validate_document (json_object *root,
                       GPtrArray   *problems)
{
  DocIndex index = { 0 };
  V21Resolver resolver = { doc_lookup, doc_in_round, &index };
  guint before = problems->len;

  if (!check_lists (root, problems))
    return FALSE;
  build_index (&index, root, problems);
  v21_validate_record (v21_schema_root (), root, "$", &resolver, problems);
  for (const V21Kind **k = v21_schema_collections (); *k; k++)
    {
      json_object *list = get_list (root, (*k)->collection);
      gsize n = list ? json_object_array_length (list) : 0;

      for (gsize i = 0; i < n; i++)
        {
          char path[128];
          g_snprintf (path, sizeof path, "$.%s[%" G_GSIZE_FORMAT "]", (*k)->collection, i);
          v21_validate_record (*k, json_object_array_get_idx (list, i), path, &resolver, problems);
        }
    }
  if (problems->len == before)
    {
      check_budgets (root, &index, problems);
      check_score_pairs (root, problems);
    }
  doc_index_clear (&index);
  return problems->len == before;
}
