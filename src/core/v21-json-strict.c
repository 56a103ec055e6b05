/* v21-json-strict.c — what json-c accepts but would change on the way in
 *
 * json-c 0.16 in strict mode still reads NaN and Infinity, turns a lone
 * UTF-16 surrogate into U+FFFD, cuts a key at a \u0000, saturates an integer
 * beyond 64 bits, and keeps only the last value of a key given twice. Each of
 * these would change the workshop silently on the next save, so one pass over
 * the text (already known to be valid JSON and UTF-8) refuses them, with their
 * JSON path and byte offset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-json"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-json-strict.h"
#include "v21-record.h"
#include "v21-validate.h"

/* Up to this many keys an object's keys are compared one by one; beyond, a set. */
#define KEYS_LINEAR 16

typedef struct
{
  const char *text;
  gsize       length;
} Span;

typedef struct
{
  gboolean    object;
  guint       index;     /* arrays: the current item */
  Span        key;       /* objects: the current key */
  GArray     *keys;      /* objects: Span of every key so far */
  GHashTable *set;       /* objects with many keys: the decoded keys */
} Frame;

typedef struct
{
  const char *start;
  const char *end;
  GArray     *frames;    /* Frame, kept for reuse: the first @depth are open */
  guint       depth;
  GPtrArray  *decoded;   /* keys with escapes, decoded, owned */
  GPtrArray  *problems;
} Scan;

static void
clear_frame (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->keys, g_array_unref);
  g_clear_pointer (&frame->set, g_hash_table_unref);
}

/* "$.cards[3].text": where the scan is. */
static char *
current_path (Scan *scan)
{
  GString *path = g_string_new ("$");

  for (guint i = 0; i < scan->depth; i++)
    {
      Frame *frame = &g_array_index (scan->frames, Frame, i);

      if (!frame->object)
        g_string_append_printf (path, "[%u]", frame->index);
      else if (frame->key.text != NULL)
        {
          g_string_append_c (path, '.');
          g_string_append_len (path, frame->key.text, frame->key.length);
        }
    }
  return g_string_free (path, FALSE);
}

static gboolean G_GNUC_PRINTF (3, 4)
refuse (Scan       *scan,
        const char *at,
        const char *format,
        ...)
{
  g_autofree char *path = current_path (scan);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a problem of the file, then where it is. */
  v21_problems_add (scan->problems, path, _("%s, at byte %lu"), message, (unsigned long) (at - scan->start));
  return FALSE;
}

static int
hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    value = value * 16 + g_ascii_xdigit_value (p[i]);
  return value;
}

/* Checks the escape at @p (a backslash) and returns what follows it. */
static const char *
check_escape (Scan        *scan,
              const char  *p,
              gboolean    *has_nul)
{
  int unit;

  if (p + 2 > scan->end)
    return NULL;
  if (p[1] != 'u')
    return p + 2;
  if (p + 6 > scan->end)
    return NULL;
  unit = hex4 (p + 2);
  if (unit == 0)
    *has_nul = TRUE;
  if (unit >= 0xDC00 && unit <= 0xDFFF)
    {
      refuse (scan, p, _("a lone UTF-16 surrogate (\\u%04X) that is no character"), (guint) unit);
      return NULL;
    }
  if (unit >= 0xD800 && unit <= 0xDBFF)
    {
      int low = p + 12 <= scan->end && p[6] == '\\' && p[7] == 'u' ? hex4 (p + 8) : -1;

      if (low < 0xDC00 || low > 0xDFFF)
        {
          refuse (scan, p, _("a lone UTF-16 surrogate (\\u%04X) that is no character"), (guint) unit);
          return NULL;
        }
      return p + 12;
    }
  return p + 6;
}

/* Scans the string at @p (its opening quote); returns what follows it. */
static const char *
scan_string (Scan     *scan,
             const char *p,
             Span     *span,
             gboolean *escaped,
             gboolean *has_nul)
{
  const char *q = p + 1;

  *escaped = FALSE;
  *has_nul = FALSE;
  for (;;)
    {
      const char *quote = memchr (q, '"', scan->end - q);
      const char *backslash;

      if (quote == NULL)
        return NULL;
      backslash = memchr (q, '\\', quote - q);
      if (backslash == NULL)
        {
          span->text = p + 1;
          span->length = quote - (p + 1);
          return quote + 1;
        }
      *escaped = TRUE;
      q = check_escape (scan, backslash, has_nul);
      if (q == NULL)
        return NULL;
    }
}

static char *
decode_key (Span span)
{
  g_autofree char *quoted = g_strdup_printf ("[\"%.*s\"]", (int) span.length, span.text);
  g_autoptr(json_object) array = json_tokener_parse (quoted);

  if (array == NULL)
    return g_strndup (span.text, span.length);
  return g_strdup (json_object_get_string (json_object_array_get_idx (array, 0)));
}

static gboolean
same_key (Span a,
          Span b)
{
  return a.length == b.length && memcmp (a.text, b.text, a.length) == 0;
}

/* Adds @key to the object of @frame; FALSE if it has it already. */
static gboolean
add_key (Frame *frame,
         Span   key)
{
  if (frame->set == NULL)
    {
      for (guint i = 0; i < frame->keys->len; i++)
        if (same_key (g_array_index (frame->keys, Span, i), key))
          return FALSE;
      g_array_append_val (frame->keys, key);
      if (frame->keys->len < KEYS_LINEAR)
        return TRUE;
      frame->set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < frame->keys->len; i++)
        {
          Span k = g_array_index (frame->keys, Span, i);
          g_hash_table_add (frame->set, g_strndup (k.text, k.length));
        }
      return TRUE;
    }
  return g_hash_table_add (frame->set, g_strndup (key.text, key.length));
}

static const char *
scan_key (Scan       *scan,
          Frame      *frame,
          const char *p)
{
  Span key;
  gboolean escaped;
  gboolean has_nul;
  const char *next;

  frame->key.text = NULL;
  if (p >= scan->end || *p != '"')
    return p;
  next = scan_string (scan, p, &key, &escaped, &has_nul);
  if (next == NULL)
    return NULL;
  if (has_nul)
    {
      refuse (scan, p, _("a key holds a NUL character (\\u0000), which would cut it short"));
      return NULL;
    }
  if (escaped)
    {
      char *decoded = decode_key (key);

      g_ptr_array_add (scan->decoded, decoded);
      key.text = decoded;
      key.length = strlen (decoded);
    }
  if (!add_key (frame, key))
    {
      g_autofree char *name = g_strndup (key.text, key.length);
      refuse (scan, p, _("the key “%s” is given twice in one object; the first value would be lost"), name);
      return NULL;
    }
  frame->key = key;
  return next;
}

/* An integer without fraction or exponent must fit in 64 bits (json-c keeps
 * -2⁶³ … 2⁶⁴ − 1 exactly and would rewrite any other). */
static gboolean
integer_fits (const char *digits,
              gsize       length,
              gboolean    negative)
{
  const char *limit = negative ? "9223372036854775808" : "18446744073709551615";
  gsize limit_length = strlen (limit);

  if (length != limit_length)
    return length < limit_length;
  return memcmp (digits, limit, length) <= 0;
}

static const char *
scan_number (Scan       *scan,
             const char *p)
{
  const char *q = p;
  gboolean negative = *q == '-';
  gboolean integer = TRUE;
  const char *digits;

  if (negative)
    q++;
  if (q < scan->end && (*q == 'I' || *q == 'N'))
    {
      refuse (scan, p, _("NaN and Infinity are not numbers JSON allows"));
      return NULL;
    }
  digits = q;
  while (q < scan->end && (g_ascii_isdigit (*q) || *q == '.' || *q == 'e' || *q == 'E' || *q == '+' || *q == '-'))
    {
      if (!g_ascii_isdigit (*q))
        integer = FALSE;
      q++;
    }
  if (integer && !integer_fits (digits, q - digits, negative))
    {
      refuse (scan, p, _("the integer %.*s is beyond 64 bits and could not be kept exactly"), (int) (q - p), p);
      return NULL;
    }
  return q;
}

static void
push (Scan     *scan,
      gboolean  object)
{
  Frame *frame;

  if (scan->depth == scan->frames->len)
    {
      Frame fresh = { FALSE, 0, { NULL, 0 }, g_array_new (FALSE, FALSE, sizeof (Span)), NULL };
      g_array_append_val (scan->frames, fresh);
    }
  frame = &g_array_index (scan->frames, Frame, scan->depth++);
  frame->object = object;
  frame->index = 0;
  frame->key.text = NULL;
  g_array_set_size (frame->keys, 0);
  g_clear_pointer (&frame->set, g_hash_table_unref);
}

static Frame *
top (Scan *scan)
{
  return scan->depth > 0 ? &g_array_index (scan->frames, Frame, scan->depth - 1) : NULL;
}

/* A value that is not a string, number or structure: true, false, null, or
 * json-c's NaN and Infinity. */
static const char *
scan_word (Scan       *scan,
           const char *p)
{
  if (*p == 'N' || *p == 'I')
    {
      refuse (scan, p, _("NaN and Infinity are not numbers JSON allows"));
      return NULL;
    }
  while (p < scan->end && g_ascii_isalpha (*p))
    p++;
  return p;
}

static const char *
scan_value (Scan       *scan,
            const char *p)
{
  Span ignored;
  gboolean escaped;
  gboolean has_nul;

  if (*p == '"')
    return scan_string (scan, p, &ignored, &escaped, &has_nul);
  if (*p == '-' || g_ascii_isdigit (*p))
    return scan_number (scan, p);
  return scan_word (scan, p);
}

static const char *
scan_token (Scan       *scan,
            const char *p)
{
  Frame *frame = top (scan);

  switch (*p)
    {
    case '{':
    case '[':
      push (scan, *p == '{');
      frame = top (scan);
      p++;
      while (p < scan->end && g_ascii_isspace (*p))
        p++;
      if (frame->object && p < scan->end && *p == '"')
        return scan_key (scan, frame, p);
      return p;
    case '}':
    case ']':
      if (scan->depth > 0)
        scan->depth--;
      return p + 1;
    case ',':
      p++;
      if (frame == NULL)
        return p;
      if (frame->object)
        {
          while (p < scan->end && g_ascii_isspace (*p))
            p++;
          return scan_key (scan, frame, p);
        }
      frame->index++;
      return p;
    case ':':
      return p + 1;
    default:
      return scan_value (scan, p);
    }
}

gboolean
_v21_json_check_strict (const char *data,
                        gsize       length,
                        GPtrArray  *problems)
{
  Scan scan = { data, data + length, NULL, 0, NULL, problems };
  const char *p = data;

  scan.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_array_set_clear_func (scan.frames, clear_frame);
  scan.decoded = g_ptr_array_new_with_free_func (g_free);
  while (p != NULL && p < scan.end)
    {
      if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        p++;
      else
        p = scan_token (&scan, p);
    }
  g_array_unref (scan.frames);
  g_ptr_array_unref (scan.decoded);
  return p != NULL;
}
