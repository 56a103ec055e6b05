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
#include "v21-report.h"
#include "v21-schema.h"

/* Fields of a newer version or another tool that say who wrote something. */
static const char * const author_fields[] = {
  "author", "authors", "created_by", "updated_by", "modified_by", "owner", "user", "contributor",
  "email", "phone", "telephone", NULL
};

typedef struct
{
  GStrv       words;        /* folded */
  const char *label;        /* borrowed from the matcher */
  gboolean    capital;      /* must start with a capital letter in the text */
} Pattern;

typedef struct
{
  GPtrArray  *labels;       /* char *, one per person */
  GPtrArray  *patterns;     /* Pattern */
  GHashTable *by_first;     /* first folded word → GPtrArray of Pattern, longest first */
  GHashTable *emails;       /* folded e-mail → label */
  GRegex     *email_regex;
  char       *shared_label; /* for a name two people share */
} Matcher;

static char *
fold (const char *text,
      gssize      length)
{
  g_autofree char *decomposed = g_utf8_normalize (text, length, G_NORMALIZE_NFD);
  GString *bare = g_string_new (NULL);

  for (const char *p = decomposed != NULL ? decomposed : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }
  {
    char *folded = g_utf8_casefold (bare->str, -1);

    g_string_free (bare, TRUE);
    return folded;
  }
}

/* The folded words of @text (runs of letters and digits). */
static GStrv
fold_words (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *folded = fold (text, -1);
  const char *start = NULL;

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gboolean word = *p != '\0' && g_unichar_isalnum (g_utf8_get_char (p));

      if (word && start == NULL)
        start = p;
      else if (!word && start != NULL)
        {
          g_autofree char *piece = g_strndup (start, p - start);

          g_strv_builder_add (builder, piece);
          start = NULL;
        }
      if (*p == '\0')
        break;
    }
  return g_strv_builder_end (builder);
}

static void
pattern_free (Pattern *pattern)
{
  g_strfreev (pattern->words);
  g_free (pattern);
}

static int
compare_length (gconstpointer a,
                gconstpointer b)
{
  const Pattern *x = *(const Pattern * const *) a, *y = *(const Pattern * const *) b;

  return (int) g_strv_length (y->words) - (int) g_strv_length (x->words);
}

static gboolean
same_words (GStrv a,
            GStrv b)
{
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/* Adds @words for @label; when another person already has the same words,
 * both become the shared label. */
static void
matcher_add (Matcher    *matcher,
             GStrv       words,
             const char *label,
             gboolean    capital)
{
  Pattern *pattern;
  GPtrArray *list;
  guint length = 0;

  for (guint i = 0; words[i] != NULL; i++)
    length += strlen (words[i]);
  if (words[0] == NULL || length < 2)
    {
      g_strfreev (words);
      return;
    }
  list = g_hash_table_lookup (matcher->by_first, words[0]);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      Pattern *other = g_ptr_array_index (list, i);

      if (same_words (other->words, words))
        {
          if (other->label != label)
            other->label = matcher->shared_label;
          other->capital = other->capital && capital;
          g_strfreev (words);
          return;
        }
    }
  pattern = g_new0 (Pattern, 1);
  pattern->words = words;
  pattern->label = label;
  pattern->capital = capital;
  g_ptr_array_add (matcher->patterns, pattern);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (matcher->by_first, pattern->words[0], list);
    }
  g_ptr_array_add (list, pattern);
  g_ptr_array_sort (list, compare_length);
}

static GStrv
concat_words (GStrv a,
              GStrv b)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_addv (builder, (const char **) a);
  g_strv_builder_addv (builder, (const char **) b);
  return g_strv_builder_end (builder);
}

static void
matcher_add_person (Matcher    *matcher,
                    const char *name,
                    const char *email,
                    const char *label)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  const char *space = strchr (trimmed, ' ');
  g_autofree char *given = space != NULL ? g_strndup (trimmed, space - trimmed) : g_strdup (trimmed);
  g_auto(GStrv) given_words = fold_words (given);
  g_auto(GStrv) surname_words = fold_words (space != NULL ? space + 1 : "");

  matcher_add (matcher, fold_words (trimmed), label, FALSE);
  if (surname_words[0] != NULL)
    {
      matcher_add (matcher, concat_words (surname_words, given_words), label, FALSE);
      matcher_add (matcher, g_strdupv (surname_words), label, TRUE);
    }
  matcher_add (matcher, g_strdupv (given_words), label, TRUE);
  if (email != NULL && strchr (email, '@') != NULL)
    g_hash_table_insert (matcher->emails, fold (email, -1), (gpointer) label);
}

static void
matcher_free (Matcher *matcher)
{
  g_ptr_array_unref (matcher->patterns);
  g_hash_table_unref (matcher->by_first);
  g_hash_table_unref (matcher->emails);
  g_ptr_array_unref (matcher->labels);
  g_regex_unref (matcher->email_regex);
  g_free (matcher->shared_label);
  g_free (matcher);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Matcher, matcher_free)

static Matcher *
matcher_new (V21Workshop *workshop,
             gboolean     all)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  Matcher *matcher = g_new0 (Matcher, 1);

  matcher->labels = g_ptr_array_new_with_free_func (g_free);
  matcher->patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) pattern_free);
  matcher->by_first = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  matcher->emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Without G_REGEX_OPTIMIZE: its compiled code would upset valgrind for no gain here. */
  matcher->email_regex = g_regex_new ("[[:alnum:]._%+-]+@[[:alnum:].-]+\\.[[:alpha:]]{2,}", 0, 0, NULL);
  /* Translators: in anonymised exports, a name two participants share. */
  matcher->shared_label = g_strdup (_("a participant"));
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    g_ptr_array_add (matcher->labels, v21_person_label (workshop, v21_collection_get (people, i)));
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);

      if (!all && v21_record_get_bool (person, "consent"))
        continue;
      matcher_add_person (matcher, v21_record_get_string (person, "name"), v21_record_get_string (person, "email"),
                          g_ptr_array_index (matcher->labels, i));
    }
  return matcher;
}

/* Text */

typedef struct
{
  const char *start;
  const char *end;
  char       *folded;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->folded);
}

static GArray *
split_words (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *start = NULL;

  g_array_set_clear_func (words, word_clear);
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gboolean alnum = *p != '\0' && (g_unichar_isalnum (g_utf8_get_char (p)) || g_unichar_ismark (g_utf8_get_char (p)));

      if (alnum && start == NULL)
        start = p;
      else if (!alnum && start != NULL)
        {
          Word word = { start, p, fold (start, p - start) };

          g_array_append_val (words, word);
          start = NULL;
        }
      if (*p == '\0')
        break;
    }
  return words;
}

/* Between two words of one name: spaces, a hyphen, an apostrophe, a dot. */
static gboolean
joins_name (const char *from,
            const char *to)
{
  if (to - from > 3 || to <= from)
    return FALSE;
  for (const char *p = from; p < to; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != ' ' && c != '-' && c != '\'' && c != 0x2019 && c != '.' && c != 0x00a0)
        return FALSE;
    }
  return TRUE;
}

static guint
match_at (GArray  *words,
          guint    k,
          Pattern *pattern)
{
  guint n = g_strv_length (pattern->words);

  if (k + n > words->len)
    return 0;
  if (pattern->capital && !g_unichar_isupper (g_utf8_get_char (g_array_index (words, Word, k).start)))
    return 0;
  for (guint i = 0; i < n; i++)
    {
      Word *word = &g_array_index (words, Word, k + i);

      if (strcmp (word->folded, pattern->words[i]) != 0)
        return 0;
      if (i > 0 && !joins_name (g_array_index (words, Word, k + i - 1).end, word->start))
        return 0;
    }
  return n;
}

static char *
replace_names (Matcher    *matcher,
               const char *text)
{
  g_autoptr(GArray) words = split_words (text);
  GString *out = g_string_new (NULL);
  const char *copied = text;

  for (guint k = 0; k < words->len;)
    {
      GPtrArray *list = g_hash_table_lookup (matcher->by_first, g_array_index (words, Word, k).folded);
      guint n = 0;

      for (guint i = 0; list != NULL && i < list->len && n == 0; i++)
        {
          Pattern *pattern = g_ptr_array_index (list, i);

          n = match_at (words, k, pattern);
          if (n > 0)
            {
              g_string_append_len (out, copied, g_array_index (words, Word, k).start - copied);
              g_string_append (out, pattern->label);
              copied = g_array_index (words, Word, k + n - 1).end;
            }
        }
      k += MAX (n, 1);
    }
  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}

static gboolean
replace_email (const GMatchInfo *info,
               GString          *result,
               gpointer          data)
{
  Matcher *matcher = data;
  g_autofree char *address = g_match_info_fetch (info, 0);
  g_autofree char *folded = fold (address, -1);
  const char *label = g_hash_table_lookup (matcher->emails, folded);

  /* Translators: in anonymised exports, in place of an e-mail address. */
  g_string_append (result, label != NULL ? label : _("[e-mail address removed]"));
  return FALSE;
}

static char *
anonymize_string (Matcher    *matcher,
                  const char *text,
                  guint       limit)
{
  g_autofree char *without_emails = NULL;
  char *result;

  if (text == NULL || text[0] == '\0')
    return g_strdup ("");
  without_emails = g_regex_replace_eval (matcher->email_regex, text, -1, 0, 0, replace_email, matcher, NULL);
  result = replace_names (matcher, without_emails != NULL ? without_emails : text);
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

/* People: a label for a name; an id that holds a name gets a plain one. */
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
      const char *id = json_object_get_string (json_object_object_get (person, "id"));
      g_autofree char *folded_id = fold (id, -1);
      g_auto(GStrv) words = fold_words (json_object_get_string (json_object_object_get (person, "name")));
      gboolean named = FALSE;

      if (!all && json_object_get_boolean (json_object_object_get (person, "consent")))
        continue;
      for (guint w = 0; words[w] != NULL && !named; w++)
        named = strlen (words[w]) >= 3 && strstr (folded_id, words[w]) != NULL;
      if (named)
        {
          g_autofree char *new_id = NULL;
          guint n = (guint) i + 1;

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
      json_object_object_add (person, "name", json_object_new_string (g_ptr_array_index (matcher->labels, i)));
      json_object_object_add (person, "email", json_object_new_string (""));
      json_object_object_add (person, "organisation", json_object_new_string (""));
      json_object_object_add (person, "consent", json_object_new_boolean (FALSE));
    }
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

static V21Workshop *
anonymize (V21Workshop *workshop,
           gboolean     all,
           GError     **error)
{
  g_autoptr(Matcher) matcher = NULL;
  g_autofree char *data = NULL;
  g_autoptr(json_object) root = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *text;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);

  if (!all && !has_unconsented (workshop))
    return g_object_ref (workshop);
  matcher = matcher_new (workshop, all);
  data = v21_workshop_to_data (workshop, NULL);
  root = json_tokener_parse (data);
  g_return_val_if_fail (json_object_is_type (root, json_type_object), NULL);

  collect_ids (root, ids);
  anonymize_record (matcher, v21_schema_root (), root, all);
  for (const V21Kind **kind = v21_schema_collections (); *kind != NULL; kind++)
    {
      json_object *list = json_object_object_get (root, (*kind)->collection);

      if (list == NULL || !json_object_is_type (list, json_type_array))
        continue;
      if (strcmp ((*kind)->collection, "people") == 0)
        anonymize_people (matcher, list, all, ids, renamed);
      for (gsize i = 0; i < json_object_array_length (list); i++)
        {
          json_object *record = json_object_array_get_idx (list, i);

          anonymize_record (matcher, *kind, record, all);
          /* The facilitator's private notes never leave the team. */
          if (all && strcmp ((*kind)->collection, "sequences") == 0)
            json_object_object_add (record, "notes", json_object_new_string (""));
        }
    }
  rename_references (root, renamed);
  text = json_object_to_json_string_ext (root, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
  return v21_workshop_load_data (text, strlen (text), NULL, error);
}

V21Workshop *
v21_anonymize (V21Workshop *workshop,
               GError     **error)
{
  return anonymize (workshop, TRUE, error);
}

V21Workshop *
v21_anonymize_unconsented (V21Workshop *workshop,
                           GError     **error)
{
  return anonymize (workshop, FALSE, error);
}
