/* v21-anonymize.c — a copy of a workshop without personal data
 *
 * The copy is made on the JSON of the workshop, then loaded back, so it goes
 * through every check of a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-anonymize"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-anonymize.h"
#include "v21-consent.h"
#include "v21-name-matcher.h"
#include "v21-schema.h"

/* Fields of a newer version or another tool that say who wrote something. */
static const char * const author_fields[] = {
  "author", "authors", "created_by", "updated_by", "modified_by", "owner", "user", "contributor",
  "email", "phone", "telephone", NULL
};

/* The names of the people to replace, with their labels. */
typedef struct
{
  V21NameMatcher *names;
  GPtrArray      *labels;       /* char *, one per person */
} Matcher;

static void
matcher_free (Matcher *matcher)
{
  v21_name_matcher_free (matcher->names);
  g_ptr_array_unref (matcher->labels);
  g_free (matcher);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Matcher, matcher_free)

/* Every person is known to the matcher: with @all or without consent to be
 * replaced by their label, else to keep their name (and its words) intact. */
static Matcher *
matcher_new (V21Workshop *workshop,
             gboolean     all)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  Matcher *matcher = g_new0 (Matcher, 1);

  matcher->names = v21_name_matcher_new ();
  matcher->labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);
      char *label = v21_consent_label (workshop, person);

      g_ptr_array_add (matcher->labels, label);
      v21_name_matcher_add (matcher->names, v21_record_get_string (person, "name"),
                            all || !v21_consent_may_name (person) ? label : NULL);
    }
  return matcher;
}

/* Text */

static char *
anonymize_string (Matcher    *matcher,
                  const char *text,
                  guint       limit)
{
  char *result;

  if (text == NULL || text[0] == '\0')
    return g_strdup ("");
  result = v21_name_matcher_replace (matcher->names, text);
  if (limit > 0 && (guint) g_utf8_strlen (result, -1) > limit)
    {
      char *cut = g_utf8_substring (result, 0, limit);

      g_free (result);
      result = cut;
    }
  return result;
}

char *
v21_anonymize_text (V21Workshop *workshop,
                    const char  *text)
{
  g_autoptr(Matcher) matcher = NULL;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  matcher = matcher_new (workshop, TRUE);
  return anonymize_string (matcher, text, 0);
}

/* Words the texts write in lower case are ordinary words ("vert", "petit"):
 * a surname that is one is not taken at the start of a sentence. */
static void
learn_words (Matcher     *matcher,
             json_object *value)
{
  if (json_object_is_type (value, json_type_string))
    v21_name_matcher_learn (matcher->names, json_object_get_string (value));
  else if (json_object_is_type (value, json_type_array))
    for (gsize i = 0; i < json_object_array_length (value); i++)
      learn_words (matcher, json_object_array_get_idx (value, i));
  else if (json_object_is_type (value, json_type_object))
    {
      json_object_object_foreach (value, key, child)
        if (strcmp (key, "people") != 0)
          learn_words (matcher, child);
    }
}

/* JSON */

static void anonymize_value (Matcher *matcher, json_object *object);

static json_object *
anonymized_string_value (Matcher     *matcher,
                         json_object *value,
                         guint        limit)
{
  g_autofree char *text = anonymize_string (matcher, json_object_get_string (value), limit);

  return json_object_new_string (text);
}

/* Any value of a field the schema does not know: its strings, anywhere. */
static void
anonymize_value (Matcher     *matcher,
                 json_object *object)
{
  if (json_object_is_type (object, json_type_object))
    {
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();

      json_object_object_foreach (object, key, value)
        g_ptr_array_add (keys, key);
      for (guint i = 0; i < keys->len; i++)
        {
          const char *key = g_ptr_array_index (keys, i);
          json_object *value = json_object_object_get (object, key);

          if (g_strv_contains (author_fields, key))
            json_object_object_del (object, key);
          else if (json_object_is_type (value, json_type_string))
            json_object_object_add (object, key, anonymized_string_value (matcher, value, V21_LONG_MAX));
          else
            anonymize_value (matcher, value);
        }
    }
  else if (json_object_is_type (object, json_type_array))
    {
      for (gsize i = 0; i < json_object_array_length (object); i++)
        {
          json_object *item = json_object_array_get_idx (object, i);

          if (json_object_is_type (item, json_type_string))
            json_object_array_put_idx (object, i, anonymized_string_value (matcher, item, V21_LONG_MAX));
          else
            anonymize_value (matcher, item);
        }
    }
}

/* The lists of records, done one record at a time by anonymize(). */
static gboolean
is_collection (const char *key)
{
  for (const V21Kind **kind = v21_schema_collections (); *kind != NULL; kind++)
    if (strcmp ((*kind)->collection, key) == 0)
      return TRUE;
  return FALSE;
}

static void
anonymize_record (Matcher       *matcher,
                  const V21Kind *kind,
                  json_object   *record,
                  gboolean       all)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  json_object_object_foreach (record, key, value)
    g_ptr_array_add (keys, key);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      json_object *value = json_object_object_get (record, key);
      const V21Field *field = v21_kind_field (kind, key);

      if (field == NULL && kind == v21_schema_root () && is_collection (key))
        continue;
      if (field == NULL)
        {
          if (all && g_strv_contains (author_fields, key))
            json_object_object_del (record, key);
          else if (json_object_is_type (value, json_type_string))
            json_object_object_add (record, key, anonymized_string_value (matcher, value, V21_LONG_MAX));
          else
            anonymize_value (matcher, value);
        }
      else if ((field->type == V21_FIELD_SHORT || field->type == V21_FIELD_LONG)
               && json_object_is_type (value, json_type_string))
        json_object_object_add (record, key,
                                anonymized_string_value (matcher, value,
                                                         field->type == V21_FIELD_SHORT ? V21_SHORT_MAX : V21_LONG_MAX));
      else if (field->type == V21_FIELD_OBJECT && field->sub != NULL && json_object_is_type (value, json_type_object))
        anonymize_record (matcher, field->sub, value, all);
    }
}

/* An id that holds a name ("p-claire-fontanel") gets a plain one. */
static void
rename_person (json_object *person,
               gsize        index,
               GHashTable  *ids,
               GHashTable  *renamed)
{
  const char *id = json_object_get_string (json_object_object_get (person, "id"));
  g_autofree char *new_id = NULL;
  guint n = (guint) index + 1;

  do
    {
      g_free (new_id);
      new_id = g_strdup_printf ("person-%u", n++);
    }
  while (g_hash_table_contains (ids, new_id));
  g_hash_table_add (ids, g_strdup (new_id));
  g_hash_table_insert (renamed, g_strdup (id), g_strdup (new_id));
  json_object_object_add (person, "id", json_object_new_string (new_id));
}

/* People: a label for a name, no e-mail. The organisation stays (a public
 * body, an association is not personal data) unless it names a person: a
 * sole trader, a farm under a family name. */
static void
anonymize_people (Matcher     *matcher,
                  json_object *people,
                  gboolean     all,
                  GHashTable  *ids,
                  GHashTable  *renamed)
{
  for (gsize i = 0; i < json_object_array_length (people); i++)
    {
      json_object *person = json_object_array_get_idx (people, i);
      const char *organisation = json_object_get_string (json_object_object_get (person, "organisation"));

      if (!all && json_object_get_boolean (json_object_object_get (person, "consent")))
        continue;
      if (v21_name_matcher_mentions (matcher->names, json_object_get_string (json_object_object_get (person, "id"))))
        rename_person (person, i, ids, renamed);
      if (organisation != NULL && v21_name_matcher_mentions (matcher->names, organisation))
        json_object_object_add (person, "organisation", json_object_new_string (""));
      json_object_object_add (person, "name", json_object_new_string (g_ptr_array_index (matcher->labels, i)));
      json_object_object_add (person, "email", json_object_new_string (""));
      json_object_object_add (person, "consent", json_object_new_boolean (FALSE));
    }
}

/* Votes of people become totals per proposal, with no voter: a person's own
 * allocation, even under a label, could be read back to them. */
static void
total_votes (json_object *root)
{
  json_object *votes = json_object_object_get (root, "votes");
  json_object *people = json_object_object_get (root, "people");
  g_autoptr(GHashTable) person_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  json_object *kept = json_object_new_array ();

  for (gsize i = 0; people != NULL && i < json_object_array_length (people); i++)
    g_hash_table_add (person_ids, (gpointer) json_object_get_string (json_object_object_get (json_object_array_get_idx (people, i), "id")));
  for (gsize i = 0; votes != NULL && i < json_object_array_length (votes); i++)
    {
      json_object *vote = json_object_array_get_idx (votes, i);
      const char *voter = json_object_get_string (json_object_object_get (vote, "voter"));
      g_autofree char *key = NULL;
      json_object *total;
      gint64 count = json_object_get_int64 (json_object_object_get (vote, "count"));

      if (voter == NULL || !g_hash_table_contains (person_ids, voter))
        {
          json_object_array_add (kept, json_object_get (vote));
          continue;
        }
      key = g_strdup_printf ("%s\n%s", json_object_get_string (json_object_object_get (vote, "round")),
                             json_object_get_string (json_object_object_get (vote, "target")));
      total = g_hash_table_lookup (totals, key);
      if (total != NULL && json_object_get_int64 (json_object_object_get (total, "count")) + count <= 10000)
        {
          json_object_object_add (total, "count", json_object_new_int64 (json_object_get_int64 (json_object_object_get (total, "count")) + count));
          continue;
        }
      total = json_object_get (vote);
      json_object_object_add (total, "voter", NULL);
      json_object_array_add (kept, total);
      g_hash_table_replace (totals, g_steal_pointer (&key), total);
    }
  json_object_object_add (root, "votes", kept);
}

static void
rename_references (json_object *root,
                   GHashTable  *renamed)
{
  if (g_hash_table_size (renamed) == 0)
    return;
  for (const V21Kind **kind = v21_schema_collections (); *kind != NULL; kind++)
    {
      json_object *list = json_object_object_get (root, (*kind)->collection);

      for (gsize i = 0; list != NULL && i < json_object_array_length (list); i++)
        {
          json_object *record = json_object_array_get_idx (list, i);

          for (const V21Field *field = (*kind)->fields; field->name != NULL; field++)
            {
              json_object *value = json_object_object_get (record, field->name);
              const char *new_id;

              if (field->type != V21_FIELD_REF || !json_object_is_type (value, json_type_string))
                continue;
              new_id = g_hash_table_lookup (renamed, json_object_get_string (value));
              if (new_id != NULL)
                json_object_object_add (record, field->name, json_object_new_string (new_id));
            }
        }
    }
}

static void
collect_ids (json_object *root,
             GHashTable  *ids)
{
  for (const V21Kind **kind = v21_schema_collections (); *kind != NULL; kind++)
    {
      json_object *list = json_object_object_get (root, (*kind)->collection);

      for (gsize i = 0; list != NULL && i < json_object_array_length (list); i++)
        g_hash_table_add (ids, g_strdup (json_object_get_string (json_object_object_get (json_object_array_get_idx (list, i), "id"))));
    }
}

static gboolean
has_unconsented (V21Workshop *workshop)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    if (!v21_record_get_bool (v21_collection_get (people, i), "consent"))
      return TRUE;
  return FALSE;
}

/* What the matcher replaced, for each person given a label; the e-mails of
 * the texts, without the @own_emails of the list of people. */
static void
summarize (Matcher             *matcher,
           V21Workshop         *workshop,
           gboolean             all,
           guint                own_emails,
           V21AnonymizeSummary *summary)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);

      if (all || !v21_consent_may_name (person))
        v21_anonymize_summary_add_person (summary, v21_record_get_string (person, "name"),
                                          g_ptr_array_index (matcher->labels, i),
                                          v21_name_matcher_get_count (matcher->names, i));
    }
  summary->n_emails += v21_name_matcher_get_n_emails (matcher->names) - own_emails;
  summary->n_phones += v21_name_matcher_get_n_phones (matcher->names);
  summary->n_shared += v21_name_matcher_get_n_shared (matcher->names);
}

static V21Workshop *
anonymize (V21Workshop         *workshop,
           gboolean             all,
           V21AnonymizeSummary *summary,
           GError             **error)
{
  g_autoptr(Matcher) matcher = NULL;
  g_autofree char *data = NULL;
  g_autoptr(json_object) root = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *text;
  guint own_emails = 0;   /* the people's own addresses, in their records */

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);

  if (!all && !has_unconsented (workshop))
    return g_object_ref (workshop);
  matcher = matcher_new (workshop, all);
  data = v21_workshop_to_data (workshop, NULL);
  root = json_tokener_parse (data);
  g_return_val_if_fail (json_object_is_type (root, json_type_object), NULL);

  collect_ids (root, ids);
  learn_words (matcher, root);
  if (all)
    total_votes (root);
  anonymize_record (matcher, v21_schema_root (), root, all);
  for (const V21Kind **kind = v21_schema_collections (); *kind != NULL; kind++)
    {
      json_object *list = json_object_object_get (root, (*kind)->collection);

      if (list == NULL || !json_object_is_type (list, json_type_array))
        continue;
      if (strcmp ((*kind)->collection, "people") == 0)
        {
          anonymize_people (matcher, list, all, ids, renamed);
          own_emails = v21_name_matcher_get_n_emails (matcher->names);
        }
      for (gsize i = 0; i < json_object_array_length (list); i++)
        {
          json_object *record = json_object_array_get_idx (list, i);

          anonymize_record (matcher, *kind, record, all);
          /* The facilitator's private notes never leave the team. */
          if (all && strcmp ((*kind)->collection, "sequences") == 0)
            json_object_object_add (record, "notes", json_object_new_string (""));
        }
      if (strcmp ((*kind)->collection, "people") == 0)
        own_emails = v21_name_matcher_get_n_emails (matcher->names) - own_emails;
    }
  rename_references (root, renamed);
  if (summary != NULL)
    summarize (matcher, workshop, all, own_emails, summary);
  text = json_object_to_json_string_ext (root, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
  return v21_workshop_load_data (text, strlen (text), NULL, error);
}

V21Workshop *
v21_anonymize (V21Workshop *workshop,
               GError     **error)
{
  return anonymize (workshop, TRUE, NULL, error);
}

V21Workshop *
v21_anonymize_unconsented (V21Workshop *workshop,
                           GError     **error)
{
  return anonymize (workshop, FALSE, NULL, error);
}

V21Workshop *
v21_anonymize_with_summary (V21Workshop         *workshop,
                            gboolean             all,
                            V21AnonymizeSummary *summary,
                            GError             **error)
{
  return anonymize (workshop, all, summary, error);
}
