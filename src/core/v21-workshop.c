#define G_LOG_DOMAIN "v21-workshop"

#include "config.h"

#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <glib/gi18n-lib.h>

#include "v21-file-io.h"
#include "v21-history.h"
#include "v21-index.h"
#include "v21-json-strict.h"
#include "v21-migrate.h"
#include "v21-validate.h"
#include "v21-workshop-private.h"

struct _V21Workshop
{
  GObject      parent_instance;

  V21Record   *root;
  GHashTable  *collections;   /* name -> V21Collection */
  GHashTable  *ids;           /* id -> V21Record (borrowed) */
  V21Index    *index;         /* who refers to whom, the votes by voter */
  GFile       *file;

  GPtrArray   *undo;          /* V21Command */
  GPtrArray   *redo;
  GPtrArray   *groups;        /* open groups, innermost last */
  int          clean_depth;   /* undo->len when saved; -1 when unreachable */
  guint64      revision;      /* counts "changed": what a save in two steps wrote */
  GPtrArray   *touched;       /* Touch: what the command being applied changed */
  V21CommandHooks hooks;
};

G_DEFINE_FINAL_TYPE (V21Workshop, v21_workshop, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TERRITORY,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum { CHANGED, RECORD_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* One record a command changed: a field, or NULL when inserted or removed. */
typedef struct
{
  V21Record *record;
  char      *field;
} Touch;

static void
touch_free (gpointer data)
{
  Touch *touch = data;

  g_object_unref (touch->record);
  g_free (touch->field);
  g_free (touch);
}

static void
touch (V21Workshop *self,
       V21Record   *record,
       const char  *field)
{
  Touch *touch = g_new (Touch, 1);

  touch->record = g_object_ref (record);
  touch->field = g_strdup (field);
  g_ptr_array_add (self->touched, touch);
}

/* Indexing and notifications, called by commands as they apply. */

static void
hook_inserted (gpointer   data,
               V21Record *record)
{
  V21Workshop *self = data;

  g_hash_table_insert (self->ids, (gpointer) v21_record_get_id (record), record);
  v21_index_add (self->index, record);
  touch (self, record, NULL);
}

static void
hook_removed (gpointer   data,
              V21Record *record)
{
  V21Workshop *self = data;

  g_hash_table_remove (self->ids, v21_record_get_id (record));
  v21_index_remove (self->index, record);
  touch (self, record, NULL);
}

static void
hook_moved (gpointer   data,
            V21Record *record)
{
  touch (data, record, NULL);
}

static void
hook_setting (gpointer    data,
              V21Record  *record,
              const char *field)
{
  V21Workshop *self = data;

  v21_index_forget_field (self->index, record, field);
}

static void
hook_set (gpointer    data,
          V21Record  *record,
          const char *field)
{
  V21Workshop *self = data;

  v21_index_add_field (self->index, record, field);
  touch (self, record, field);
  if (record != self->root)
    return;
  if (strcmp (field, "title") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  else if (strcmp (field, "territory") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERRITORY]);
}

static V21Collection *
hook_collection (gpointer   data,
                 V21Record *record)
{
  V21Workshop *self = data;

  return g_hash_table_lookup (self->collections, v21_record_get_collection (record));
}

static void
v21_workshop_dispose (GObject *object)
{
  V21Workshop *self = V21_WORKSHOP (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->touched, g_ptr_array_unref);
  g_clear_pointer (&self->index, v21_index_free);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->collections, g_hash_table_unref);
  g_clear_object (&self->root);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (v21_workshop_parent_class)->dispose (object);
}

static void
v21_workshop_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  V21Workshop *self = V21_WORKSHOP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, v21_workshop_get_title (self));
      break;
    case PROP_TERRITORY:
      g_value_set_string (value, v21_workshop_get_territory_name (self));
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, v21_workshop_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, v21_workshop_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, v21_workshop_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
v21_workshop_class_init (V21WorkshopClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = v21_workshop_dispose;
  object_class->get_property = v21_workshop_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_TERRITORY] = g_param_spec_string ("territory", NULL, NULL, NULL, flags);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * V21Workshop::changed:
   *
   * Emitted after every edit, undo and redo.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * V21Workshop::record-changed:
   * @record: the record
   * @field: (nullable): the field that changed, or %NULL when @record was
   *   inserted or removed
   *
   * Emitted just before "changed", once for each record the edit, undo or redo
   * changed, in the order it changed them. Detailed by the record's collection
   * ("record-changed::cards"); the root record has no collection and no detail.
   */
  signals[RECORD_CHANGED] = g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, V21_TYPE_RECORD, G_TYPE_STRING);
}

static void
emit_changed (V21Workshop *self)
{
  g_autoptr(GPtrArray) touched = self->touched;

  self->touched = g_ptr_array_new_with_free_func (touch_free);
  self->revision++;
  for (guint i = 0; i < touched->len; i++)
    {
      Touch *touch = g_ptr_array_index (touched, i);
      const char *collection = v21_record_get_collection (touch->record);

      g_signal_emit (self, signals[RECORD_CHANGED], collection ? g_quark_from_string (collection) : 0,
                     touch->record, touch->field);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
v21_workshop_init (V21Workshop *self)
{
  self->collections = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) v21_command_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) v21_command_free);
  self->groups = g_ptr_array_new ();
  self->touched = g_ptr_array_new_with_free_func (touch_free);
  self->hooks = (V21CommandHooks) { hook_inserted, hook_removed, hook_moved, hook_setting, hook_set, hook_collection, self };
  for (const V21Kind **k = v21_schema_collections (); *k; k++)
    g_hash_table_insert (self->collections, (gpointer) (*k)->collection,
                         _v21_collection_new ((*k)->collection));
  self->index = v21_index_new (self->collections);
}

char *
v21_new_id (void)
{
  static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  char id[13];

  for (guint i = 0; i < 12; i++)
    id[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
  id[12] = '\0';
  return g_strdup (id);
}

/* Building a workshop from a validated JSON tree: the workshop's own fields stay
 * in the root record (with anything unknown), each list becomes a collection. */
static V21Workshop *
build (json_object *root)
{
  V21Workshop *self = g_object_new (V21_TYPE_WORKSHOP, NULL);
  g_autoptr(json_object) own = json_object_new_object ();

  json_object_object_foreach (root, key, value)
    {
      V21Collection *collection = g_hash_table_lookup (self->collections, key);
      GPtrArray *records;
      gsize n;

      if (collection == NULL)
        {
          json_object_object_add (own, key, json_object_get (value));
          continue;
        }
      n = json_object_array_length (value);
      records = g_ptr_array_new_full (n, g_object_unref);
      for (gsize i = 0; i < n; i++)
        {
          V21Record *record = _v21_record_new (v21_collection_get_name (collection),
                                               json_object_array_get_idx (value, i));
          g_hash_table_insert (self->ids, (gpointer) v21_record_get_id (record), record);
          g_ptr_array_add (records, record);
        }
      _v21_collection_take_all (collection, records);
    }
  self->root = _v21_record_new ("", own);
  g_hash_table_insert (self->ids, (gpointer) v21_record_get_id (self->root), self->root);
  return self;
}

/* The same from a validated tree whose ids the validation indexed: the records
 * are made from the index's entries, and its table becomes the workshop's (its
 * keys and values turned into the records' ids and the records). */
static V21Workshop *
build_indexed (json_object *root,
               V21IdIndex  *index)
{
  V21Workshop *self = g_object_new (V21_TYPE_WORKSHOP, NULL);
  g_autoptr(json_object) own = json_object_new_object ();
  gsize next = 1;

  json_object_object_foreach (root, key, item)
    if (!g_hash_table_contains (self->collections, key))
      json_object_object_add (own, key, json_object_get (item));
  self->root = _v21_record_new ("", own);
  index->entries[0].data = self->root;
  for (const V21Kind **k = v21_schema_collections (); *k; k++)
    {
      V21Collection *collection = g_hash_table_lookup (self->collections, (*k)->collection);
      json_object *list = NULL;
      gsize n;
      GPtrArray *records;

      if (!json_object_object_get_ex (root, (*k)->collection, &list))
        continue;
      n = json_object_array_length (list);
      records = g_ptr_array_new_full (n, g_object_unref);
      for (gsize i = 0; i < n; i++, next++)
        {
          V21Record *record = _v21_record_new ((*k)->collection, index->entries[next].json);

          index->entries[next].data = record;
          g_ptr_array_add (records, record);
        }
      _v21_collection_take_all (collection, records);
    }
  g_assert (next == index->n_entries);
  /* The table's keys were the parsed tree's texts, which go with it: each
   * becomes its record's own id. */
  for (gsize i = 0; i < index->n_entries; i++)
    {
      V21Record *record = index->entries[i].data;

      g_hash_table_replace (index->ids, (gpointer) v21_record_get_id (record), record);
    }
  g_hash_table_unref (self->ids);
  self->ids = g_steal_pointer (&index->ids);
  g_clear_pointer (&index->entries, g_free);
  return self;
}

V21Workshop *
v21_workshop_new (void)
{
  g_autoptr(json_object) root = json_object_new_object ();
  g_autoptr(json_object) territory = json_object_new_object ();
  g_autofree char *id = v21_new_id ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  json_object_object_add (root, "format", json_object_new_string (V21_FORMAT_NAME));
  json_object_object_add (root, "version", json_object_new_string (V21_FORMAT_VERSION));
  json_object_object_add (root, "id", json_object_new_string (id));
  json_object_object_add (root, "title", json_object_new_string (_("Untitled workshop")));
  json_object_object_add (territory, "name", json_object_new_string (""));
  json_object_object_add (territory, "kind", json_object_new_string ("epci"));
  json_object_object_add (territory, "population", NULL);
  json_object_object_add (territory, "context", json_object_new_string (""));
  json_object_object_add (root, "territory", g_steal_pointer (&territory));
  json_object_object_add (root, "framework", json_object_new_string ("projet_territoire"));
  json_object_object_add (root, "political_goal", json_object_new_string (""));
  json_object_object_add (root, "start_year", json_object_new_int (year));
  json_object_object_add (root, "horizon_year", json_object_new_int (year + 30));
  json_object_object_add (root, "venue", json_object_new_string (""));
  return build (root);
}

/* Files from this size on hand the freed parse back to the system (a trim
 * takes a few milliseconds). */
#define TRIM_FROM_BYTES (1024 * 1024)

/* Loading: bounded parse, format and version, migration, validation, then build. */

/* g_utf8_validate_len (same verdict, same place), eight bytes at a time through
 * the ASCII that most of a workshop is, GLib only for the runs of other bytes. */
gboolean
_v21_utf8_validate (const char  *data,
                    gsize        length,
                    const char **bad)
{
  const guchar *p = (const guchar *) data;
  const guchar *end = p + length;

  while (p < end)
    {
      const guchar *run;
      guint64 word;

      while (end - p >= 8)
        {
          memcpy (&word, p, 8);
          /* Stop at a byte ≥ 0x80 or a NUL byte. */
          if ((word & 0x8080808080808080ULL) || ((word - 0x0101010101010101ULL) & ~word & 0x8080808080808080ULL))
            break;
          p += 8;
        }
      if (p == end)
        break;
      if (*p == 0)
        {
          *bad = (const char *) p;
          return FALSE;
        }
      if (*p < 0x80)
        {
          p++;
          continue;
        }
      for (run = p; p < end && *p >= 0x80; p++)
        ;
      if (!g_utf8_validate_len ((const char *) run, p - run, bad))
        return FALSE;
    }
  return TRUE;
}

static json_object *
parse (const char *data,
       gsize       length,
       GPtrArray  *problems)
{
  json_tokener *tok = json_tokener_new_ex (V21_DEPTH_MAX);
  json_object *root;
  enum json_tokener_error err;
  gsize end;

  const char *bad = NULL;

  /* json-c only checks the shape of UTF-8 sequences; GLib refuses overlong
   * forms, surrogates and NUL bytes too. A leading byte order mark is allowed. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!_v21_utf8_validate (data, length, &bad))
    {
      json_tokener_free (tok);
      v21_problems_add (problems, "$", _("not valid UTF-8 text, at byte %lu"), (unsigned long) (bad - data));
      return NULL;
    }
  /* The whole text is valid UTF-8 already: json-c need not check it again. */
  json_tokener_set_flags (tok, JSON_TOKENER_STRICT);
  root = json_tokener_parse_ex (tok, data, length);
  err = json_tokener_get_error (tok);
  end = json_tokener_get_parse_end (tok);
  json_tokener_free (tok);
  if (err == json_tokener_success && root != NULL)
    {
      while (end < length && g_ascii_isspace (data[end]))
        end++;
      if (end == length && _v21_json_check_strict (data, length, problems))
        return root;
      json_object_put (root);
      if (end == length)
        return NULL;
      v21_problems_add (problems, "$", _("unexpected data after the end of the workshop, at byte %lu"), (unsigned long) end);
    }
  else if (err == json_tokener_success)
    v21_problems_add (problems, "$", _("the file holds “null”, not a workshop"));
  else if (err == json_tokener_continue)
    v21_problems_add (problems, "$", length == 0 ? _("the file is empty") : _("the file ends too early: it is incomplete or damaged"));
  else if (err == json_tokener_error_depth)
    v21_problems_add (problems, "$", _("nested deeper than %d levels, at byte %lu"), V21_DEPTH_MAX, (unsigned long) end);
  else if (err == json_tokener_error_parse_utf8_string)
    v21_problems_add (problems, "$", _("not valid UTF-8 text, at byte %lu"), (unsigned long) end);
  else
    v21_problems_add (problems, "$", _("not valid JSON, at byte %lu (%s)"), (unsigned long) end,
                      json_tokener_error_desc (err));
  return NULL;
}

static gboolean
check_format (json_object *root,
              GPtrArray   *problems,
              V21Error    *code)
{
  json_object *format = NULL;
  json_object *version = NULL;
  int major = 0;
  int minor = 0;

  *code = V21_ERROR_FORMAT;
  if (!json_object_is_type (root, json_type_object)
      || !json_object_object_get_ex (root, "format", &format)
      || g_strcmp0 (json_object_get_string (format), V21_FORMAT_NAME) != 0)
    {
      v21_problems_add (problems, "$.format", _("this is not a Visions+21 workshop (“format” must be “visions21”)"));
      return FALSE;
    }
  if (!json_object_object_get_ex (root, "version", &version) || !json_object_is_type (version, json_type_string)
      || !v21_parse_version (json_object_get_string (version), &major, &minor))
    {
      v21_problems_add (problems, "$.version", _("the format version is missing or is not like “1.0”"));
      return FALSE;
    }
  if (major > V21_FORMAT_MAJOR)
    {
      *code = V21_ERROR_NEWER;
      v21_problems_add (problems, "$.version",
                        _("this workshop was saved by a newer version of Visions+21 (format %s); update the application to open it"),
                        json_object_get_string (version));
      return FALSE;
    }
  return TRUE;
}

static void
set_load_error (GPtrArray *problems,
                V21Error   code,
                GError   **error)
{
  V21Problem *first = g_ptr_array_index (problems, 0);

  if (problems->len == 1)
    g_set_error (error, V21_ERROR, code, "%s: %s", first->path, first->message);
  else
    g_set_error (error, V21_ERROR, code,
                 g_dngettext (GETTEXT_PACKAGE, "%s: %s (and %u more problem)", "%s: %s (and %u more problems)",
                              problems->len - 1),
                 first->path, first->message, problems->len - 1);
}

/* "MAJOR.MINOR", digits only. */
gboolean
v21_parse_version (const char *text,
                   int        *major,
                   int        *minor)
{
  const char *dot = strchr (text, '.');
  guint64 a = 0;
  guint64 b = 0;

  if (dot == NULL
      || !g_ascii_string_to_unsigned (dot + 1, 10, 0, 9999, &b, NULL)
      || !g_ascii_isdigit (dot[1]))
    return FALSE;
  {
    g_autofree char *head = g_strndup (text, dot - text);
    if (!g_ascii_isdigit (head[0]) || !g_ascii_string_to_unsigned (head, 10, 0, 9999, &a, NULL))
      return FALSE;
  }
  *major = (int) a;
  *minor = (int) b;
  return TRUE;
}

/* Tells @progress how far the load went; FALSE when it asks to stop. */
static gboolean
tell_progress (V21LoadProgress  progress,
               gpointer         data,
               double           fraction,
               GPtrArray       *problems,
               V21Error        *code)
{
  if (progress == NULL || problems->len > 0 || progress (fraction, data))
    return TRUE;
  v21_problems_add (problems, "$", _("the opening was cancelled"));
  *code = V21_ERROR_CANCELLED;
  return FALSE;
}

V21Workshop *
v21_workshop_load_data (const char  *data,
                        gsize        length,
                        GPtrArray  **problems_out,
                        GError     **error)
{
  return v21_workshop_load_data_full (data, length, NULL, NULL, problems_out, error);
}

/**
 * v21_workshop_load_data_full:
 * @progress: (nullable): told after each step (parsed, validated); returning
 *   %FALSE stops the load with %V21_ERROR_CANCELLED
 *
 * v21_workshop_load_data() that tells how far it went, for a progress bar.
 */
V21Workshop *
v21_workshop_load_data_full (const char       *data,
                             gsize             length,
                             V21LoadProgress   progress,
                             gpointer          progress_data,
                             GPtrArray       **problems_out,
                             GError          **error)
{
  g_autoptr(GPtrArray) problems = v21_problems_new ();
  g_autoptr(json_object) root = NULL;
  V21IdIndex index = { NULL, NULL, 0 };
  V21Error code = V21_ERROR_PARSE;
  V21Workshop *workshop;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  if (length > V21_FILE_MAX_BYTES)
    {
      g_autofree char *limit = v21_format_size (V21_FILE_MAX_BYTES);
      v21_problems_add (problems, "$", _("the file is larger than %s"), limit);
      code = V21_ERROR_TOO_LARGE;
    }
  else if ((root = parse (data, length, problems)) != NULL
           && tell_progress (progress, progress_data, 0.5, problems, &code)
           && check_format (root, problems, &code))
    {
      code = V21_ERROR_INVALID;
      v21_migrate (root);
      v21_validate_document (root, problems, &index);
      tell_progress (progress, progress_data, 0.7, problems, &code);
    }
  if (problems->len > 0)
    {
      g_clear_pointer (&index.ids, g_hash_table_unref);   /* validated, then cancelled */
      g_clear_pointer (&index.entries, g_free);
      set_load_error (problems, code, error);
      if (problems_out)
        *problems_out = g_steal_pointer (&problems);
      return NULL;
    }
  if (problems_out)
    *problems_out = NULL;
  workshop = build_indexed (root, &index);
  /* The parsed tree is freed now, beneath the records made after it: hand
   * its pages back rather than keep them resident (the heap could not shrink
   * past the records). */
  g_clear_pointer (&root, json_object_put);
#ifdef __GLIBC__
  if (length >= TRIM_FROM_BYTES)
    malloc_trim (0);
#endif
  return workshop;
}

V21Workshop *
v21_workshop_load_file (GFile      *file,
                        GPtrArray **problems,
                        GError    **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *data = NULL;
  gsize length = 0;
  V21Workshop *self;

  if (problems)
    *problems = NULL;
  if (path == NULL)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_IO, _("Only local files can be opened"));
      return NULL;
    }
  if (!v21_file_read (path, V21_FILE_MAX_BYTES, &data, &length, error))
    return NULL;
  self = v21_workshop_load_data (data, length, problems, error);
  if (self)
    self->file = g_object_ref (file);
  return self;
}

/* Saving */

char *
v21_workshop_to_data (V21Workshop *self,
                      gsize       *length)
{
  g_autoptr(json_object) out = json_object_new_object ();
  const char *text;
  gsize n;
  char *data;

  g_return_val_if_fail (V21_IS_WORKSHOP (self), NULL);
  /* The records keep no json-c tree (v21-record.c): one is made for the save. */
  json_object_object_foreach (v21_record_get_json (self->root), key, value)
    json_object_object_add (out, key, json_object_get (value));
  for (const V21Kind **k = v21_schema_collections (); *k; k++)
    {
      V21Collection *collection = g_hash_table_lookup (self->collections, (*k)->collection);
      guint count = v21_collection_get_n (collection);
      json_object *list = json_object_new_array_ext (count);

      for (guint i = 0; i < count; i++)
        json_object_array_add (list, _v21_record_to_json (v21_collection_get (collection, i)));
      json_object_object_add (out, (*k)->collection, list);
    }
  text = json_object_to_json_string_length (out, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
  data = g_malloc (n + 2);
  memcpy (data, text, n);
  data[n] = '\n';
  data[n + 1] = '\0';
  if (length)
    *length = n + 1;
  return data;
}

static void
update_state (V21Workshop *self,
              gboolean     was_modified,
              gboolean     could_undo,
              gboolean     could_redo)
{
  if (was_modified != v21_workshop_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (could_undo != v21_workshop_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != v21_workshop_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

gboolean
v21_workshop_save_file (V21Workshop  *self,
                        GFile        *file,
                        GError      **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (V21_IS_WORKSHOP (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_IO, _("Only local files can be saved"));
      return FALSE;
    }
  data = v21_workshop_to_data (self, &length);
  if (!v21_file_write_atomic (path, data, length, TRUE, error))
    return FALSE;
  v21_workshop_mark_saved (self, file, self->revision);
  return TRUE;
}

/**
 * v21_workshop_get_revision:
 * @self: a #V21Workshop
 *
 * Returns: a number that changes with every "changed": taken with
 * v21_workshop_to_data(), it tells v21_workshop_mark_saved() what was written
 */
guint64
v21_workshop_get_revision (V21Workshop *self)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (self), 0);
  return self->revision;
}

/**
 * v21_workshop_mark_saved:
 * @self: a #V21Workshop
 * @file: where the workshop was written
 * @revision: v21_workshop_get_revision() when it was serialised
 *
 * Ends a save made in two steps (serialised here, written in a worker thread):
 * @file becomes the workshop's file, and the workshop is unmodified unless it
 * changed since @revision.
 */
void
v21_workshop_mark_saved (V21Workshop *self,
                         GFile       *file,
                         guint64      revision)
{
  gboolean was_modified;

  g_return_if_fail (V21_IS_WORKSHOP (self));
  g_return_if_fail (G_IS_FILE (file));
  was_modified = v21_workshop_get_modified (self);
  if (revision == self->revision && self->groups->len == 0)
    self->clean_depth = (int) self->undo->len;
  else
    self->clean_depth = -1;   /* changed while it was written: what is on disk is no state of the history */
  v21_workshop_set_file (self, file);
  update_state (self, was_modified, v21_workshop_can_undo (self), v21_workshop_can_redo (self));
}

/* Accessors */

V21Record *
v21_workshop_get_root (V21Workshop *self)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (self), NULL);
  return self->root;
}

const char *
v21_workshop_get_title (V21Workshop *self)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (self), NULL);
  return v21_record_get_string (self->root, "title");
}

const char *
v21_workshop_get_territory_name (V21Workshop *self)
{
  json_object *territory;
  json_object *name = NULL;

  g_return_val_if_fail (V21_IS_WORKSHOP (self), NULL);
  territory = v21_record_get_value (self->root, "territory");
  if (territory && json_object_object_get_ex (territory, "name", &name) && json_object_is_type (name, json_type_string))
    return json_object_get_string (name);
  return "";
}

V21Collection *
v21_workshop_get_collection (V21Workshop *self,
                             const char  *name)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (self), NULL);
  return g_hash_table_lookup (self->collections, name);
}

V21Record *
v21_workshop_lookup (V21Workshop *self,
                     const char  *id)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (self), NULL);
  return id ? g_hash_table_lookup (self->ids, id) : NULL;
}

GFile *
v21_workshop_get_file (V21Workshop *self)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (self), NULL);
  return self->file;
}

void
v21_workshop_set_file (V21Workshop *self,
                       GFile       *file)
{
  g_return_if_fail (V21_IS_WORKSHOP (self));
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

gboolean
v21_workshop_get_modified (V21Workshop *self)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (self), FALSE);
  return self->clean_depth != (int) self->undo->len;
}

/* Marks the workshop as differing from any file (a restored recovery file). */
void
_v21_workshop_set_unsaved (V21Workshop *self)
{
  gboolean was_modified = v21_workshop_get_modified (self);

  self->clean_depth = -1;
  update_state (self, was_modified, v21_workshop_can_undo (self), v21_workshop_can_redo (self));
}

/* Edits: check a candidate first, then apply a command and record it. */

typedef struct
{
  V21Workshop *self;
  const char  *id;           /* the record being edited, seen as @candidate */
  const char  *collection;
  json_object *candidate;
} LiveContext;

static const char *
live_lookup (gpointer      data,
             const char   *id,
             json_object **record)
{
  LiveContext *ctx = data;
  V21Record *found;

  if (ctx->id && strcmp (id, ctx->id) == 0)
    {
      *record = ctx->candidate;
      return ctx->collection;
    }
  found = g_hash_table_lookup (ctx->self->ids, id);
  if (found == NULL)
    return NULL;
  *record = v21_record_get_json (found);
  return v21_record_get_collection (found);
}

static const char *
json_string (json_object *object,
             const char  *field)
{
  json_object *value = NULL;

  if (json_object_object_get_ex (object, field, &value) && json_object_is_type (value, json_type_string))
    return json_object_get_string (value);
  return NULL;
}

static gint64
json_int (json_object *object,
          const char  *field)
{
  json_object *value = NULL;

  if (json_object_object_get_ex (object, field, &value) && json_object_is_type (value, json_type_int))
    return json_object_get_int64 (value);
  return 0;
}

/* The total a voter gives in a round, without the vote @except. */
static gint64
voter_total (V21Workshop *self,
             const char  *round,
             const char  *voter,
             const char  *except)
{
  V21Record *vote = except ? g_hash_table_lookup (self->ids, except) : NULL;
  gint64 total = v21_index_vote_total (self->index, round, voter);

  if (vote != NULL && g_strcmp0 (v21_record_get_collection (vote), "votes") == 0
      && g_strcmp0 (v21_record_get_string (vote, "round"), round) == 0
      && g_strcmp0 (v21_record_get_string (vote, "voter"), voter) == 0)
    total -= v21_record_get_int (vote, "count", 0);
  return total;
}

/* The first vote of @voter (NULL: counted dots) for @target in @round. */
V21Record *
_v21_workshop_find_vote (V21Workshop *self,
                         const char  *round,
                         const char  *voter,
                         const char  *target)
{
  return v21_index_find_vote (self->index, round, voter, target);
}

gint64
_v21_workshop_vote_total (V21Workshop *self,
                          const char  *round,
                          const char  *voter)
{
  return v21_index_vote_total (self->index, round, voter);
}

static void
check_vote_budget (LiveContext *ctx,
                   json_object *vote,
                   GPtrArray   *problems)
{
  const char *round_id = json_string (vote, "round");
  const char *voter = json_string (vote, "voter");
  json_object *round = NULL;
  gint64 total;
  gint64 budget;

  if (voter == NULL || g_strcmp0 (live_lookup (ctx, round_id, &round), "vote_rounds") != 0)
    return;
  total = voter_total (ctx->self, round_id, voter, json_string (vote, "id")) + json_int (vote, "count");
  budget = json_int (round, "budget");
  if (total > budget)
    v21_problems_add (problems, "$.count",
                      _("this would give %ld votes, over the budget of %ld per voter"),
                      (long) total, (long) budget);
}

static void
check_round_votes (LiveContext *ctx,
                   GPtrArray   *problems)
{
  V21Collection *votes = g_hash_table_lookup (ctx->self->collections, "votes");
  V21Resolver resolver = { live_lookup, NULL, ctx };

  for (guint i = 0; i < v21_collection_get_n (votes) && problems->len == 0; i++)
    {
      V21Record *record = v21_collection_get (votes, i);
      g_autoptr(json_object) vote = NULL;

      if (g_strcmp0 (v21_record_get_string (record, "round"), ctx->id) != 0)
        continue;
      vote = _v21_record_to_json (record);
      v21_validate_record (v21_schema_lookup ("votes"), vote, "$", &resolver, problems);
      check_vote_budget (ctx, vote, problems);
    }
  if (problems->len > 0)
    {
      V21Problem *first = g_ptr_array_index (problems, 0);
      g_free (first->message);
      first->message = g_strdup (_("the votes already given in this round would no longer be valid"));
    }
}

static void
check_score_pair (LiveContext *ctx,
                  json_object *score,
                  GPtrArray   *problems)
{
  V21Collection *scores = g_hash_table_lookup (ctx->self->collections, "robustness");

  for (guint i = 0; i < v21_collection_get_n (scores); i++)
    {
      V21Record *other = v21_collection_get (scores, i);

      if (g_strcmp0 (v21_record_get_id (other), ctx->id) != 0
          && g_strcmp0 (v21_record_get_string (other, "challenge"), json_string (score, "challenge")) == 0
          && g_strcmp0 (v21_record_get_string (other, "answer"), json_string (score, "answer")) == 0)
        {
          v21_problems_add (problems, "$", _("this challenge and answer already have a score"));
          return;
        }
    }
}

static gboolean
check_candidate (V21Workshop   *self,
                 const V21Kind *kind,
                 json_object   *candidate,
                 GError       **error)
{
  g_autoptr(GPtrArray) problems = v21_problems_new ();
  LiveContext ctx = { self, json_string (candidate, "id"), kind->collection ? kind->collection : "", candidate };
  V21Resolver resolver = { live_lookup, NULL, &ctx };
  V21Problem *first;

  /* json-c nests at most V21_DEPTH_MAX - 1 containers in a file: the workshop
   * object, then a list and its records. */
  v21_validate_loadable (candidate, kind->collection ? V21_DEPTH_MAX - 3 : V21_DEPTH_MAX - 1, "$", problems);
  if (problems->len == 0)
    v21_validate_record (kind, candidate, "$", &resolver, problems);
  if (problems->len == 0 && g_strcmp0 (kind->collection, "votes") == 0)
    check_vote_budget (&ctx, candidate, problems);
  else if (problems->len == 0 && g_strcmp0 (kind->collection, "vote_rounds") == 0)
    check_round_votes (&ctx, problems);
  else if (problems->len == 0 && g_strcmp0 (kind->collection, "robustness") == 0)
    check_score_pair (&ctx, candidate, problems);
  if (problems->len == 0)
    return TRUE;
  first = g_ptr_array_index (problems, 0);
  g_set_error_literal (error, V21_ERROR, V21_ERROR_VALUE, first->message);
  return FALSE;
}

static const V21Kind *
kind_of (V21Workshop *self,
         V21Record   *record)
{
  if (record == self->root)
    return v21_schema_root ();
  return v21_schema_lookup (v21_record_get_collection (record));
}

static void
push (V21Workshop *self,
      V21Command  *command,
      const char  *label)
{
  gboolean was_modified = v21_workshop_get_modified (self);
  gboolean could_undo = v21_workshop_can_undo (self);
  gboolean could_redo = v21_workshop_can_redo (self);

  v21_command_set_label (command, label);
  v21_command_apply (command, &self->hooks);
  if (self->groups->len > 0)
    {
      v21_command_add_child (g_ptr_array_index (self->groups, self->groups->len - 1), command);
      emit_changed (self);
      return;
    }
  if (self->clean_depth > (int) self->undo->len)
    self->clean_depth = -1;
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, command);
  update_state (self, was_modified, could_undo, could_redo);
  emit_changed (self);
}

gboolean
v21_workshop_set (V21Workshop  *self,
                  V21Record    *record,
                  const char   *field,
                  json_object  *value,
                  GError      **error)
{
  g_autoptr(json_object) owned = value;
  g_autoptr(json_object) candidate = NULL;
  g_autoptr(json_object) current = NULL;
  const V21Kind *kind;
  gboolean present;

  g_return_val_if_fail (V21_IS_WORKSHOP (self), FALSE);
  g_return_val_if_fail (V21_IS_RECORD (record), FALSE);
  kind = kind_of (self, record);
  if (kind == NULL || strcmp (field, "id") == 0 || v21_kind_field (kind, field) == NULL)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_VALUE, _("The field “%s” cannot be changed"), field);
      return FALSE;
    }
  current = _v21_record_dup_value (record, field, &present);
  if (present && json_object_equal (current, value))
    return TRUE;
  candidate = _v21_record_to_json (record);
  json_object_object_add (candidate, field, json_object_get (value));
  if (!check_candidate (self, kind, candidate, error))
    return FALSE;
  push (self, v21_command_new_set (record, field, g_steal_pointer (&owned)), _("Edit"));
  return TRUE;
}

/* A field the format does not describe (one of a newer minor version, or the
 * merge's own "merge_conflicts"): only what the loader would accept. */
gboolean
_v21_workshop_set_extra (V21Workshop  *self,
                         V21Record    *record,
                         const char   *field,
                         json_object  *value,
                         GError      **error)
{
  g_autoptr(json_object) owned = value;
  g_autoptr(GPtrArray) problems = v21_problems_new ();
  const V21Kind *kind;
  g_autoptr(json_object) current = NULL;
  gboolean present;

  g_return_val_if_fail (V21_IS_WORKSHOP (self), FALSE);
  g_return_val_if_fail (V21_IS_RECORD (record), FALSE);
  kind = kind_of (self, record);
  if (kind == NULL || strcmp (field, "id") == 0 || v21_kind_field (kind, field) != NULL
      || (kind->collection == NULL && v21_schema_lookup (field) != NULL))
    {
      g_set_error (error, V21_ERROR, V21_ERROR_VALUE, _("The field “%s” cannot be changed"), field);
      return FALSE;
    }
  current = _v21_record_dup_value (record, field, &present);
  if (present && json_object_equal (current, value))
    return TRUE;
  v21_validate_loadable (value, kind->collection ? V21_DEPTH_MAX - 4 : V21_DEPTH_MAX - 2, field, problems);
  if (problems->len > 0)
    {
      V21Problem *first = g_ptr_array_index (problems, 0);
      g_set_error (error, V21_ERROR, V21_ERROR_VALUE, "%s: %s", first->path, first->message);
      return FALSE;
    }
  push (self, v21_command_new_set (record, field, g_steal_pointer (&owned)), _("Edit"));
  return TRUE;
}

/* Gives @fields a new unique id, as its first key, unless it has one. */
static gboolean
give_id (V21Workshop  *self,
         json_object **fields,
         GError      **error)
{
  const char *id = json_string (*fields, "id");

  if (id == NULL)
    {
      g_autofree char *new_id = NULL;
      json_object *with_id = json_object_new_object ();

      do
        {
          g_free (new_id);
          new_id = v21_new_id ();
        }
      while (g_hash_table_contains (self->ids, new_id));
      json_object_object_add (with_id, "id", json_object_new_string (new_id));
      json_object_object_foreach (*fields, key, value)
        json_object_object_add (with_id, key, json_object_get (value));
      json_object_put (*fields);
      *fields = with_id;
      return TRUE;
    }
  if (v21_id_is_valid (id) && !g_hash_table_contains (self->ids, id))
    return TRUE;
  g_set_error (error, V21_ERROR, V21_ERROR_VALUE, _("The id “%s” is not valid or already used"), id);
  return FALSE;
}

/**
 * v21_workshop_insert:
 * @position: where in the list, or -1 for the end
 *
 * Returns: (transfer none) (nullable): the new record
 */
V21Record *
v21_workshop_insert (V21Workshop  *self,
                     const char   *collection,
                     int           position,
                     json_object  *fields,
                     GError      **error)
{
  g_autoptr(json_object) owned = fields;
  g_autoptr(V21Record) record = NULL;
  const V21Kind *kind;
  V21Collection *list;

  g_return_val_if_fail (V21_IS_WORKSHOP (self), NULL);
  kind = v21_schema_lookup (collection);
  list = g_hash_table_lookup (self->collections, collection ? collection : "");
  g_return_val_if_fail (kind != NULL && list != NULL, NULL);
  g_return_val_if_fail (json_object_is_type (fields, json_type_object), NULL);
  if (!give_id (self, &owned, error) || !check_candidate (self, kind, owned, error))
    return NULL;
  if (position < 0 || (guint) position > v21_collection_get_n (list))
    position = v21_collection_get_n (list);
  record = _v21_record_new (kind->collection, owned);
  push (self, v21_command_new_insert (record, position), _("Add"));
  return record;
}

static void remove_with_dependents (V21Workshop *self, V21Record *record);

/* Whether @record is (still) in one of the workshop's lists. */
static gboolean
in_workshop (V21Workshop *self,
             V21Record   *record)
{
  return record != self->root && g_hash_table_lookup (self->ids, v21_record_get_id (record)) == record;
}

static guint
kind_rank (V21Record *record)
{
  const V21Kind *kind = v21_schema_lookup (v21_record_get_collection (record));

  return kind ? (guint) (kind - v21_schema_collections ()[0]) : G_MAXUINT;
}

static int
by_list_then_id (gconstpointer a,
                 gconstpointer b)
{
  V21Record *x = *(V21Record **) a;
  V21Record *y = *(V21Record **) b;
  guint rank_x = kind_rank (x);
  guint rank_y = kind_rank (y);

  if (rank_x != rank_y)
    return rank_x < rank_y ? -1 : 1;
  return strcmp (v21_record_get_id (x), v21_record_get_id (y));
}

/* @field of each of @referrers that holds @target's id: cleared, or the referrer
 * removed in turn when the field says so. */
static void
clear_references (V21Workshop    *self,
                  const V21Field *field,
                  GPtrArray      *referrers,
                  V21Record      *target)
{
  const char *id = v21_record_get_id (target);

  for (guint i = 0; i < referrers->len; i++)
    {
      V21Record *record = g_ptr_array_index (referrers, i);

      if (record == target || !in_workshop (self, record)   /* already removed by another cascade */
          || g_strcmp0 (v21_record_get_string (record, field->name), id) != 0)
        continue;
      if (field->flags & V21_CASCADE)
        remove_with_dependents (self, record);
      else
        push (self, v21_command_new_set (record, field->name, NULL), _("Delete"));
    }
}

/* @id taken out of the list @field of each of @referrers. */
static void
clear_list_references (V21Workshop    *self,
                       const V21Field *field,
                       GPtrArray      *referrers,
                       const char     *id)
{
  for (guint i = 0; i < referrers->len; i++)
    {
      V21Record *record = g_ptr_array_index (referrers, i);
      json_object *ids = v21_record_get_value (record, field->name);
      json_object *kept;
      gsize n = json_object_is_type (ids, json_type_array) ? json_object_array_length (ids) : 0;
      gboolean hit = FALSE;

      if (!in_workshop (self, record))
        continue;
      for (gsize j = 0; j < n && !hit; j++)
        hit = g_strcmp0 (json_object_get_string (json_object_array_get_idx (ids, j)), id) == 0;
      if (!hit)
        continue;
      kept = json_object_new_array ();
      for (gsize j = 0; j < n; j++)
        if (g_strcmp0 (json_object_get_string (json_object_array_get_idx (ids, j)), id) != 0)
          json_object_array_add (kept, json_object_get (json_object_array_get_idx (ids, j)));
      push (self, v21_command_new_set (record, field->name, kept), _("Delete"));
    }
}

/* Removes @record after what refers to it, as the schema's rules say: list by
 * list in the file's order, field by field, the referrers of a list by id. The
 * index tells who refers to it (nothing starts referring to it meanwhile). */
static void
remove_with_dependents (V21Workshop *self,
                        V21Record   *record)
{
  const char *collection = v21_record_get_collection (record);
  V21Collection *list = g_hash_table_lookup (self->collections, collection);
  g_autoptr(GPtrArray) referrers = v21_index_referrers (self->index, v21_record_get_id (record));
  g_autoptr(GPtrArray) of_kind = g_ptr_array_new ();
  guint position = 0;
  guint next = 0;

  g_ptr_array_sort (referrers, by_list_then_id);
  for (const V21Kind **k = v21_schema_collections (); *k; k++)
    {
      g_ptr_array_set_size (of_kind, 0);
      for (; next < referrers->len && kind_rank (g_ptr_array_index (referrers, next)) == (guint) (k - v21_schema_collections ()); next++)
        g_ptr_array_add (of_kind, g_ptr_array_index (referrers, next));
      for (const V21Field *f = (*k)->fields; f->name && of_kind->len > 0; f++)
        {
          if (f->type == V21_FIELD_REF && (f->target == NULL || strcmp (f->target, collection) == 0))
            clear_references (self, f, of_kind, record);
          else if (f->type == V21_FIELD_REF_LIST)
            clear_list_references (self, f, of_kind, v21_record_get_id (record));
        }
    }
  if (in_workshop (self, record) && v21_collection_find (list, record, &position))
    push (self, v21_command_new_remove (record, position), _("Delete"));
}

gboolean
v21_workshop_remove (V21Workshop  *self,
                     V21Record    *record,
                     GError      **error)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (self), FALSE);
  g_return_val_if_fail (V21_IS_RECORD (record), FALSE);
  if (!in_workshop (self, record))
    {
      g_set_error (error, V21_ERROR, V21_ERROR_VALUE, _("This item is not part of the workshop"));
      return FALSE;
    }
  g_object_ref (record);
  v21_workshop_begin_group (self, _("Delete"));
  remove_with_dependents (self, record);
  v21_workshop_end_group (self);
  g_object_unref (record);
  return TRUE;
}

gboolean
v21_workshop_move (V21Workshop  *self,
                   V21Record    *record,
                   guint         position,
                   GError      **error)
{
  V21Collection *list;
  guint from = 0;

  g_return_val_if_fail (V21_IS_WORKSHOP (self), FALSE);
  g_return_val_if_fail (V21_IS_RECORD (record), FALSE);
  list = record == self->root ? NULL : hook_collection (self, record);
  if (list == NULL || !v21_collection_find (list, record, &from))
    {
      g_set_error (error, V21_ERROR, V21_ERROR_VALUE, _("This item is not part of the workshop"));
      return FALSE;
    }
  position = MIN (position, v21_collection_get_n (list) - 1);
  if (position != from)
    push (self, v21_command_new_move (record, from, position), _("Move"));
  return TRUE;
}

/* Groups and the history */

void
v21_workshop_begin_group (V21Workshop *self,
                          const char  *label)
{
  g_return_if_fail (V21_IS_WORKSHOP (self));
  g_ptr_array_add (self->groups, v21_command_new_group (label));
}

void
v21_workshop_end_group (V21Workshop *self)
{
  V21Command *group;
  gboolean was_modified;
  gboolean could_undo;
  gboolean could_redo;

  g_return_if_fail (V21_IS_WORKSHOP (self));
  g_return_if_fail (self->groups->len > 0);
  group = g_ptr_array_steal_index (self->groups, self->groups->len - 1);
  if (v21_command_n_children (group) == 0)
    {
      v21_command_free (group);
      return;
    }
  if (self->groups->len > 0)
    {
      v21_command_add_child (g_ptr_array_index (self->groups, self->groups->len - 1), group);
      return;
    }
  was_modified = self->clean_depth != (int) self->undo->len;
  could_undo = self->undo->len > 0;
  could_redo = self->redo->len > 0;
  if (self->clean_depth > (int) self->undo->len)
    self->clean_depth = -1;
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, group);
  update_state (self, was_modified, could_undo, could_redo);
}

/* Ends the innermost group by reverting what it did: it leaves no trace in the
 * history. For an operation that fails half way through. */
void
v21_workshop_cancel_group (V21Workshop *self)
{
  V21Command *group;

  g_return_if_fail (V21_IS_WORKSHOP (self));
  g_return_if_fail (self->groups->len > 0);
  group = g_ptr_array_steal_index (self->groups, self->groups->len - 1);
  if (v21_command_n_children (group) > 0)
    {
      v21_command_revert (group, &self->hooks);
      emit_changed (self);
    }
  v21_command_free (group);
}

gboolean
v21_workshop_can_undo (V21Workshop *self)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (self), FALSE);
  return self->undo->len > 0 && self->groups->len == 0;
}

gboolean
v21_workshop_can_redo (V21Workshop *self)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (self), FALSE);
  return self->redo->len > 0 && self->groups->len == 0;
}

const char *
v21_workshop_get_undo_label (V21Workshop *self)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (self), NULL);
  if (self->undo->len == 0)
    return NULL;
  return v21_command_get_label (g_ptr_array_index (self->undo, self->undo->len - 1));
}

const char *
v21_workshop_get_redo_label (V21Workshop *self)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (self), NULL);
  if (self->redo->len == 0)
    return NULL;
  return v21_command_get_label (g_ptr_array_index (self->redo, self->redo->len - 1));
}

static gboolean
step (V21Workshop *self,
      GPtrArray   *from,
      GPtrArray   *to,
      gboolean     undo)
{
  gboolean was_modified = v21_workshop_get_modified (self);
  gboolean could_undo = v21_workshop_can_undo (self);
  gboolean could_redo = v21_workshop_can_redo (self);
  V21Command *command;

  if (from->len == 0 || self->groups->len > 0)
    return FALSE;
  command = g_ptr_array_steal_index (from, from->len - 1);
  if (undo)
    v21_command_revert (command, &self->hooks);
  else
    v21_command_apply (command, &self->hooks);
  g_ptr_array_add (to, command);
  update_state (self, was_modified, could_undo, could_redo);
  emit_changed (self);
  return TRUE;
}

gboolean
v21_workshop_undo (V21Workshop *self)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (self), FALSE);
  return step (self, self->undo, self->redo, TRUE);
}

gboolean
v21_workshop_redo (V21Workshop *self)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (self), FALSE);
  return step (self, self->redo, self->undo, FALSE);
}

/* A new workshop starts with an empty history and nothing to save yet. */
void
_v21_workshop_clear_history (V21Workshop *self)
{
  gboolean was_modified = v21_workshop_get_modified (self);
  gboolean could_undo = v21_workshop_can_undo (self);
  gboolean could_redo = v21_workshop_can_redo (self);

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->clean_depth = 0;
  update_state (self, was_modified, could_undo, could_redo);
}
