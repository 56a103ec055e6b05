#define G_LOG_DOMAIN "v21-validate"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-validate.h"
#include "v21-workshop.h"
#include "v21-workshop-private.h"

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

/* Adds a problem at @path (taken). */
G_GNUC_PRINTF (3, 0) static void
add_problem_va (GPtrArray  *problems,
                char       *path,
                const char *format,
                va_list     args)
{
  V21Problem *added = g_new0 (V21Problem, 1);

  added->path = path;
  added->message = g_strdup_vprintf (format, args);
  g_ptr_array_add (problems, added);
}

void
v21_problems_add (GPtrArray  *problems,
                  const char *path,
                  const char *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  add_problem_va (problems, g_strdup (path), format, args);
  va_end (args);
}

/* Where a value is, as a chain from the document down: the JSON path text is only
 * built when there is a problem to report (most values have none). */
typedef struct _Where Where;
struct _Where
{
  const Where *parent;
  const char  *key;     /* ".key"; the whole text of the path when !parent */
  gssize       index;   /* "[index]" when !key */
};

#define AT_KEY(parent, key) (&(const Where) { (parent), (key), -1 })
#define AT_INDEX(parent, i) (&(const Where) { (parent), NULL, (gssize) (i) })
#define AT_TEXT(text) (&(const Where) { NULL, (text), -1 })

static void
append_where (GString     *out,
              const Where *at)
{
  if (at->parent == NULL)
    {
      g_string_append (out, at->key);
      return;
    }
  append_where (out, at->parent);
  if (at->key)
    {
      g_string_append_c (out, '.');
      g_string_append (out, at->key);
    }
  else
    g_string_append_printf (out, "[%" G_GSSIZE_FORMAT "]", at->index);
}

static char *
where_text (const Where *at)
{
  GString *out = g_string_new (NULL);

  append_where (out, at);
  return g_string_free (out, FALSE);
}

G_GNUC_PRINTF (3, 4) static void
problem (GPtrArray   *problems,
         const Where *at,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  add_problem_va (problems, where_text (at), format, args);
  va_end (args);
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
             const Where *at,
             GPtrArray   *problems)
{
  if (json_object_is_type (value, type))
    return TRUE;
  problem (problems, at, _("expected %s, found %s"), _(expected), type_name (value));
  return FALSE;
}

static gboolean
check_text (json_object *value,
            gsize        max,
            gboolean     nonempty,
            const Where *at,
            GPtrArray   *problems)
{
  const char *s;
  gsize bytes;

  if (!expect_type (value, json_type_string, N_("a text"), at, problems))
    return FALSE;
  s = json_object_get_string (value);
  bytes = json_object_get_string_len (value);
  if (strlen (s) != bytes)
    {
      problem (problems, at, _("contains a null character"));
      return FALSE;
    }
  if (bytes > max && g_utf8_strlen (s, bytes) > (glong) max)
    {
      problem (problems, at, _("is longer than %u characters"), (guint) max);
      return FALSE;
    }
  if (nonempty)
    {
      while (*s && g_unichar_isspace (g_utf8_get_char (s)))
        s = g_utf8_next_char (s);
      if (*s == '\0')
        {
          problem (problems, at, _("must not be empty"));
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
            const Where        *at,
            GPtrArray          *problems)
{
  const char *s;

  if (!expect_type (value, json_type_string, N_("a text"), at, problems))
    return;
  s = json_object_get_string (value);
  if (!in_list (s, values))
    {
      g_autofree char *allowed = g_strjoinv (", ", (char **) values);
      problem (problems, at, _("“%s” is not one of: %s"), s, allowed);
    }
}

static void
check_int (const V21Field *field,
           json_object    *value,
           const Where    *at,
           GPtrArray      *problems)
{
  gint64 n;

  if (!expect_type (value, json_type_int, N_("a whole number"), at, problems))
    return;
  errno = 0;
  n = json_object_get_int64 (value);
  if (errno != 0 || n < (gint64) field->min || n > (gint64) field->max)
    problem (problems, at, _("must be between %ld and %ld"),
                      (long) field->min, (long) field->max);
}

static void
check_number (const V21Field *field,
              json_object    *value,
              const Where    *at,
              GPtrArray      *problems)
{
  double d;

  if (!json_object_is_type (value, json_type_int) && !json_object_is_type (value, json_type_double))
    {
      problem (problems, at, _("expected %s, found %s"), _("a number"), type_name (value));
      return;
    }
  d = json_object_get_double (value);
  if (!isfinite (d) || d < field->min || d > field->max)
    problem (problems, at, _("must be between %g and %g"), field->min, field->max);
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
                     const Where *at,
                     GPtrArray   *problems)
{
  const char *s;

  if (!check_text (value, 64, FALSE, at, problems))
    return;
  s = json_object_get_string (value);
  switch (type)
    {
    case V21_FIELD_ID:
    case V21_FIELD_REF:
      if (!v21_id_is_valid (s))
        problem (problems, at, _("“%s” is not a valid id (1 to 64 letters, digits, “-” or “_”)"), s);
      break;
    case V21_FIELD_DATE:
      if (!date_is_valid (s))
        problem (problems, at, _("“%s” is not a date like 2027-03-18"), s);
      break;
    case V21_FIELD_TIME:
      if (!time_is_valid (s))
        problem (problems, at, _("“%s” is not a time like 09:30"), s);
      break;
    case V21_FIELD_INSTANT:
      if (!instant_is_valid (s))
        problem (problems, at, _("“%s” is not a date and time like 2027-03-18T09:30:00+01:00"), s);
      break;
    case V21_FIELD_COLOR:
      if (!color_is_valid (s))
        problem (problems, at, _("“%s” is not a colour like #3a7bd5"), s);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
check_list (const V21Field *field,
            json_object    *value,
            const Where    *at,
            GPtrArray      *problems)
{
  gsize n;

  if (!expect_type (value, json_type_array, N_("a list"), at, problems))
    return;
  n = json_object_array_length (value);
  if (n > V21_LIST_MAX)
    {
      problem (problems, at, _("has more than %u items"), (guint) V21_LIST_MAX);
      return;
    }
  for (gsize i = 0; i < n; i++)
    {
      json_object *item = json_object_array_get_idx (value, i);

      if (field->type == V21_FIELD_ENUM_LIST)
        check_enum (item, field->values, AT_INDEX (at, i), problems);
      else
        check_string_format (V21_FIELD_REF, item, AT_INDEX (at, i), problems);
    }
}

static void check_object (const V21Kind *kind, json_object *object, const Where *at,
                          GPtrArray *problems);

static void
validate_value (const V21Field *field,
                json_object    *value,
                const Where    *at,
                GPtrArray      *problems)
{
  if (value == NULL)
    {
      if (field->flags & V21_NULLABLE)
        return;
      problem (problems, at, _("expected %s, found %s"),
               field->type == V21_FIELD_OBJECT ? _("an object") : _("a value"), _("null"));
      return;
    }
  switch (field->type)
    {
    case V21_FIELD_SHORT:
      check_text (value, V21_SHORT_MAX, field->flags & V21_NONEMPTY, at, problems);
      break;
    case V21_FIELD_LONG:
      check_text (value, V21_LONG_MAX, field->flags & V21_NONEMPTY, at, problems);
      break;
    case V21_FIELD_INT:
      check_int (field, value, at, problems);
      break;
    case V21_FIELD_NUMBER:
      check_number (field, value, at, problems);
      break;
    case V21_FIELD_BOOL:
      expect_type (value, json_type_boolean, N_("true or false"), at, problems);
      break;
    case V21_FIELD_ENUM:
      check_enum (value, field->values, at, problems);
      break;
    case V21_FIELD_ENUM_LIST:
    case V21_FIELD_REF_LIST:
      check_list (field, value, at, problems);
      break;
    case V21_FIELD_OBJECT:
      if (expect_type (value, json_type_object, N_("an object"), at, problems))
        check_object (field->sub, value, at, problems);
      break;
    default:
      check_string_format (field->type, value, at, problems);
      break;
    }
}

void
v21_validate_value (const V21Field *field,
                    json_object    *value,
                    const char     *path,
                    GPtrArray      *problems)
{
  validate_value (field, value, AT_TEXT (path), problems);
}

/* The fields of one record, found in one walk over its own keys (in file order,
 * which is usually the schema's) rather than one hash lookup per schema field. */

#define FIELDS_MAX 32

typedef struct
{
  const V21Kind *kind;
  json_object   *values[FIELDS_MAX];   /* by field number; valid when present */
  guint32        present;
} Fields;

static const V21Field *
find_field (const V21Kind *kind,
            const char    *key)
{
  for (const V21Field *f = kind->fields; f->name; f++)
    if (strcmp (f->name, key) == 0)
      return f;
  return NULL;
}

static void
collect_fields (const V21Kind *kind,
                json_object   *record,
                Fields        *fields)
{
  const V21Field *next = kind->fields;

  fields->kind = kind;
  fields->present = 0;
  json_object_object_foreach (record, key, value)
    {
      const V21Field *f = next->name && strcmp (next->name, key) == 0 ? next : find_field (kind, key);
      guint i;

      if (f == NULL)
        continue;   /* a field this version does not know: kept, not checked */
      i = f - kind->fields;
      g_assert (i < FIELDS_MAX);
      fields->values[i] = value;
      fields->present |= 1u << i;
      next = f[1].name ? f + 1 : kind->fields;
    }
}

/* The value of @name (NULL for JSON null); *present tells whether it is there. */
static json_object *
fields_get (const Fields *fields,
            const char   *name,
            gboolean     *present)
{
  const V21Field *f = find_field (fields->kind, name);
  guint i = f ? (guint) (f - fields->kind->fields) : 0;

  *present = f != NULL && (fields->present & (1u << i));
  return *present ? fields->values[i] : NULL;
}

static const char *
fields_string (const Fields *fields,
               const char   *name)
{
  gboolean present;
  json_object *value = fields_get (fields, name, &present);

  return value && json_object_is_type (value, json_type_string) ? json_object_get_string (value) : NULL;
}

static gint64
fields_int (const Fields *fields,
            const char   *name,
            gint64        fallback)
{
  gboolean present;
  json_object *value = fields_get (fields, name, &present);

  return value && json_object_is_type (value, json_type_int) ? json_object_get_int64 (value) : fallback;
}

static void
check_fields (const Fields *fields,
              const Where  *at,
              GPtrArray    *problems)
{
  guint i = 0;

  for (const V21Field *f = fields->kind->fields; f->name; f++, i++)
    {
      if (!(fields->present & (1u << i)))
        {
          if (f->flags & V21_REQUIRED)
            problem (problems, AT_KEY (at, f->name), _("is required"));
          continue;
        }
      validate_value (f, fields->values[i], AT_KEY (at, f->name), problems);
    }
}

static void
check_object (const V21Kind *kind,
              json_object   *object,
              const Where   *at,
              GPtrArray     *problems)
{
  Fields fields;

  collect_fields (kind, object, &fields);
  check_fields (&fields, at, problems);
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
           const Where *at,
           V21Resolver *resolver,
           GPtrArray   *problems)
{
  json_object *found = NULL;
  const char *collection = resolver->lookup (resolver->data, id, &found);

  if (collection == NULL)
    {
      problem (problems, at, _("no record has the id “%s”"), id);
      return FALSE;
    }
  if (target != NULL && strcmp (collection, target) != 0)
    {
      problem (problems, at, _("“%s” is in “%s”, not in “%s”"), id, collection, target);
      return FALSE;
    }
  return TRUE;
}

static void
check_refs (const Fields *fields,
            const Where  *at,
            V21Resolver  *resolver,
            GPtrArray    *problems)
{
  guint i = 0;

  for (const V21Field *f = fields->kind->fields; f->name; f++, i++)
    {
      json_object *value = fields->values[i];

      if (f->target == NULL || !(fields->present & (1u << i)))
        continue;
      if (f->type == V21_FIELD_REF_LIST && json_object_is_type (value, json_type_array))
        for (gsize j = 0; j < json_object_array_length (value); j++)
          {
            json_object *item = json_object_array_get_idx (value, j);

            if (json_object_is_type (item, json_type_string))
              check_ref (json_object_get_string (item), f->target, AT_INDEX (AT_KEY (at, f->name), j),
                         resolver, problems);
          }
      if (f->type != V21_FIELD_REF || !json_object_is_type (value, json_type_string))
        continue;
      check_ref (json_object_get_string (value), f->target, AT_KEY (at, f->name), resolver, problems);
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
rules_root (const Fields *root,
            const Where  *at,
            GPtrArray    *problems)
{
  gint64 start = fields_int (root, "start_year", 0);
  gint64 horizon = fields_int (root, "horizon_year", 0);

  if (start == 0 || horizon == 0)
    return;
  if (horizon <= start)
    problem (problems, AT_KEY (at, "horizon_year"), _("the horizon (%ld) must come after the start year (%ld)"),
             (long) horizon, (long) start);
  else if (horizon > start + 200)
    problem (problems, AT_KEY (at, "horizon_year"), _("the horizon must be at most 200 years after the start year"));
}

static void
rules_day (const Fields *day,
           const Where  *at,
           GPtrArray    *problems)
{
  const char *start = fields_string (day, "start");
  const char *end = fields_string (day, "end");

  if (start && end && time_is_valid (start) && time_is_valid (end) && strcmp (end, start) <= 0)
    problem (problems, AT_KEY (at, "end"), _("the day must end after it starts (%s)"), start);
}

static void
rules_link (const Fields *link,
            const Where  *at,
            GPtrArray    *problems)
{
  if (g_strcmp0 (fields_string (link, "from"), fields_string (link, "to")) == 0)
    problem (problems, AT_KEY (at, "to"), _("a card cannot be linked to itself"));
}

static void
rules_vote_round (const Fields *round,
                  const Where  *at,
                  V21Resolver  *resolver,
                  GPtrArray    *problems)
{
  const char *target = fields_string (round, "target");
  gboolean present;
  json_object *targets = fields_get (round, "targets", &present);
  gsize n;

  if (target == NULL || !json_object_is_type (targets, json_type_array))
    return;
  n = json_object_array_length (targets);
  for (gsize i = 0; i < n; i++)
    {
      const char *id = json_object_get_string (json_object_array_get_idx (targets, i));

      if (id && v21_id_is_valid (id))
        check_ref (id, target, AT_INDEX (AT_KEY (at, "targets"), i), resolver, problems);
    }
}

static void
rules_vote (const Fields *vote,
            const Where  *at,
            V21Resolver  *resolver,
            GPtrArray    *problems)
{
  const char *round_id = fields_string (vote, "round");
  const char *voter = fields_string (vote, "voter");
  const char *target = fields_string (vote, "target");
  json_object *round = NULL;
  json_object *targets = NULL;

  if (round_id == NULL || g_strcmp0 (resolver->lookup (resolver->data, round_id, &round), "vote_rounds") != 0)
    return;
  if (voter && v21_id_is_valid (voter))
    check_ref (voter, get_string (round, "voters"), AT_KEY (at, "voter"), resolver, problems);
  if (target && v21_id_is_valid (target))
    {
      if (resolver->in_round == NULL)
        json_object_object_get_ex (round, "targets", &targets);
      if (resolver->in_round ? !resolver->in_round (resolver->data, round_id, round, target)
                             : !list_contains (targets, target))
        problem (problems, AT_KEY (at, "target"), _("“%s” is not one of the targets of the vote round “%s”"),
                 target, round_id);
    }
}

static void
validate_fields (const Fields *fields,
                 const Where  *at,
                 V21Resolver  *resolver,
                 GPtrArray    *problems)
{
  guint before = problems->len;
  const char *collection = fields->kind->collection;

  check_fields (fields, at, problems);
  if (problems->len > before)
    return;
  check_refs (fields, at, resolver, problems);
  if (collection == NULL)
    rules_root (fields, at, problems);
  else if (strcmp (collection, "days") == 0)
    rules_day (fields, at, problems);
  else if (strcmp (collection, "links") == 0)
    rules_link (fields, at, problems);
  else if (strcmp (collection, "vote_rounds") == 0)
    rules_vote_round (fields, at, resolver, problems);
  else if (strcmp (collection, "votes") == 0)
    rules_vote (fields, at, resolver, problems);
}

static void
validate_record (const V21Kind *kind,
                 json_object   *record,
                 const Where   *at,
                 V21Resolver   *resolver,
                 GPtrArray     *problems)
{
  Fields fields;

  collect_fields (kind, record, &fields);
  validate_fields (&fields, at, resolver, problems);
}

void
v21_validate_record (const V21Kind *kind,
                     json_object   *record,
                     const char    *path,
                     V21Resolver   *resolver,
                     GPtrArray     *problems)
{
  validate_record (kind, record, AT_TEXT (path), resolver, problems);
}

/* What the loader checks of the whole text, for a value made in memory: every
 * string and key UTF-8 without NUL, and no deeper nesting than @max_depth
 * (counting @value itself). Returns the first problem's message, or NULL. */
static const char *
loadable_problem (json_object *value,
                  int          max_depth)
{
  const char *bad = NULL;

  switch (json_object_get_type (value))
    {
    case json_type_string:
      if (!_v21_utf8_validate (json_object_get_string (value), json_object_get_string_len (value), &bad))
        return *bad == '\0' ? N_("contains a null character") : N_("contains text that is not valid UTF-8");
      return NULL;
    case json_type_array:
    case json_type_object:
      if (max_depth < 1)
        return N_("is nested too deeply");
      break;
    default:
      return NULL;
    }
  if (json_object_is_type (value, json_type_array))
    {
      gsize n = json_object_array_length (value);

      for (gsize i = 0; i < n; i++)
        {
          const char *found = loadable_problem (json_object_array_get_idx (value, i), max_depth - 1);
          if (found)
            return found;
        }
      return NULL;
    }
  json_object_object_foreach (value, key, item)
    {
      const char *found;

      if (!_v21_utf8_validate (key, strlen (key), &bad))
        return N_("contains text that is not valid UTF-8");
      if ((found = loadable_problem (item, max_depth - 1)) != NULL)
        return found;
    }
  return NULL;
}

void
v21_validate_loadable (json_object *value,
                       int          max_depth,
                       const char  *path,
                       GPtrArray   *problems)
{
  const char *found = loadable_problem (value, max_depth);

  if (found)
    v21_problems_add (problems, path, "%s", _(found));
}

/* Whole documents: an index of every id, then each record, then the rules
 * across records (vote budgets, one score per pair). */

typedef V21IdEntry IdEntry;

typedef struct
{
  GHashTable *ids;          /* id -> IdEntry */
  IdEntry    *entries;
  gsize       n_entries;
  GHashTable *round_sets;   /* round id -> set of target ids */
  GHashTable *totals;       /* "round\nvoter" -> votes given so far */
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
  *record = entry->json;
  return entry->collection;
}

static gboolean
doc_in_round (gpointer     data,
              const char  *round_id,
              json_object *round,
              const char  *target)
{
  DocIndex *index = data;
  GHashTable *set = g_hash_table_lookup (index->round_sets, round_id);

  if (set == NULL)
    {
      json_object *targets = NULL;
      gsize n = json_object_object_get_ex (round, "targets", &targets)
                && json_object_is_type (targets, json_type_array) ? json_object_array_length (targets) : 0;

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
      const Where *at = AT_KEY (AT_TEXT ("$"), (*k)->collection);

      if (!json_object_object_get_ex (root, (*k)->collection, &list))
        continue;
      if (!expect_type (list, json_type_array, N_("a list"), at, problems))
        continue;
      if (json_object_array_length (list) > V21_LIST_MAX)
        {
          problem (problems, at, _("has more than %u items"), (guint) V21_LIST_MAX);
          continue;
        }
      for (gsize i = 0; i < json_object_array_length (list); i++)
        expect_type (json_object_array_get_idx (list, i), json_type_object, N_("an object"), AT_INDEX (at, i), problems);
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

/* The id of a record: its first key in every file the application writes. */
static const char *
record_id (json_object *record)
{
  struct lh_entry *head = json_object_get_object (record)->head;
  json_object *value;

  if (head == NULL || strcmp (lh_entry_k (head), "id") != 0)
    return get_string (record, "id");
  value = (json_object *) lh_entry_v (head);
  return json_object_is_type (value, json_type_string) ? json_object_get_string (value) : NULL;
}

static void
index_one (DocIndex    *index,
           IdEntry     *entry,
           GPtrArray   *problems)
{
  const char *id = record_id (entry->json);
  IdEntry *first = index->entries;
  char first_path[160];

  if (id == NULL || !v21_id_is_valid (id))
    return;   /* reported with the record's fields */
  if (g_hash_table_insert (index->ids, (gpointer) id, entry))
    return;
  /* A duplicate (rare, so found again the slow way); the first one stays. */
  while (first < entry && g_strcmp0 (record_id (first->json), id) != 0)
    first++;
  g_hash_table_insert (index->ids, (gpointer) id, first);
  entry_path (first, first_path, sizeof first_path);
  if (entry->collection[0] == '\0')
    problem (problems, AT_TEXT ("$.id"), _("the id “%s” is already used at %s"), id, first_path);
  else
    problem (problems, AT_KEY (AT_INDEX (AT_KEY (AT_TEXT ("$"), entry->collection), entry->index), "id"),
             _("the id “%s” is already used at %s"), id, first_path);
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
  index->n_entries = total;
  index->ids = g_hash_table_new (g_str_hash, g_str_equal);
  index->round_sets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_hash_table_unref);
  index->entries[next] = (IdEntry) { "", root, 0, NULL };
  index_one (index, &index->entries[next++], problems);
  for (const V21Kind **k = v21_schema_collections (); *k; k++)
    {
      json_object *list = get_list (root, (*k)->collection);
      gsize n = list ? json_object_array_length (list) : 0;

      for (gsize i = 0; i < n; i++)
        {
          index->entries[next] = (IdEntry) { (*k)->collection, json_object_array_get_idx (list, i), i, NULL };
          index_one (index, &index->entries[next++], problems);
        }
    }
}

/* A voter's counts in a round never exceed its budget: tracked vote by vote, as
 * the votes are validated. */
static void
track_budget (DocIndex     *index,
              const Fields *vote,
              gsize         i,
              GPtrArray    *problems)
{
  const char *round_id = fields_string (vote, "round");
  const char *voter = fields_string (vote, "voter");
  gint64 count = fields_int (vote, "count", 0);
  json_object *round = NULL;
  char *key;
  gint64 total;
  gint64 budget;

  if (voter == NULL || round_id == NULL || g_strcmp0 (doc_lookup (index, round_id, &round), "vote_rounds") != 0)
    return;
  key = g_strconcat (round_id, "\n", voter, NULL);
  total = GPOINTER_TO_SIZE (g_hash_table_lookup (index->totals, key)) + count;
  budget = get_int (round, "budget", 0);
  if (total > budget && total - count <= budget)
    problem (problems, AT_KEY (AT_INDEX (AT_TEXT ("$.votes"), i), "count"),
             _("“%s” gives %ld votes in the round “%s”, over its budget of %ld"),
             voter, (long) total, round_id, (long) budget);
  g_hash_table_insert (index->totals, key, GSIZE_TO_POINTER ((gsize) total));
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
          problem (problems, AT_INDEX (AT_TEXT ("$.robustness"), i),
                   _("this challenge and answer are already scored at $.robustness[%u]"),
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
  g_clear_pointer (&index->totals, g_hash_table_unref);
  g_clear_pointer (&index->entries, g_free);
}

gboolean
v21_validate_document (json_object  *root,
                       GPtrArray    *problems,
                       V21IdIndex   *index_out)
{
  DocIndex index = { 0 };
  V21Resolver resolver = { doc_lookup, doc_in_round, &index };
  g_autoptr(GPtrArray) over_budget = v21_problems_new ();
  guint before = problems->len;

  if (!check_lists (root, problems))
    return FALSE;
  build_index (&index, root, problems);
  index.totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  validate_record (v21_schema_root (), root, AT_TEXT ("$"), &resolver, problems);
  for (const V21Kind **k = v21_schema_collections (); *k; k++)
    {
      json_object *list = get_list (root, (*k)->collection);
      gsize n = list ? json_object_array_length (list) : 0;
      const Where *at = AT_KEY (AT_TEXT ("$"), (*k)->collection);
      gboolean votes = strcmp ((*k)->collection, "votes") == 0;

      for (gsize i = 0; i < n; i++)
        {
          Fields fields;

          collect_fields (*k, json_object_array_get_idx (list, i), &fields);
          validate_fields (&fields, AT_INDEX (at, i), &resolver, problems);
          if (votes)
            track_budget (&index, &fields, i, over_budget);
        }
    }
  /* The rules across records, once every record is right. */
  if (problems->len == before)
    {
      g_ptr_array_extend_and_steal (problems, g_steal_pointer (&over_budget));
      check_score_pairs (root, problems);
    }
  if (index_out && problems->len == before)
    {
      /* The caller builds its records from the entries and keeps the table. */
      index_out->ids = g_steal_pointer (&index.ids);
      index_out->entries = g_steal_pointer (&index.entries);
      index_out->n_entries = index.n_entries;
    }
  doc_index_clear (&index);
  return problems->len == before;
}
