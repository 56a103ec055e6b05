/* fuzz-name-matcher — libFuzzer target for the name matcher: random names ×
 * random texts.
 *
 * The input's first line holds the names, separated by "|" (a name that starts
 * with "+" is someone who may be named); the rest is the text, learnt first when
 * the input starts with "~". Whatever the input, the matcher must not crash, and
 * every span it finds must be well formed (in order, not overlapping, on
 * character boundaries) and, for a name, lie on whole words that an independent
 * oracle (below, written from docs/privacy.md, not from the matcher) accepts as
 * a form of that person's name: words of the name, two of them glued
 * ("oconnor"), titles, and initials of the name's words, with at least one
 * word of the name of two letters or more. A phone number holds 9 to 15 digits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-common.h"
#include "v21-name-matcher.h"

#define INPUT_MAX_BYTES 4096
#define MAX_NAMES 16

static const char * const titles[] = {
  "m", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "pr", "me", "mgr", "maitre",
  "monsieur", "madame", "mademoiselle", "docteur", "professeur", "monseigneur", NULL
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  return 0;
}

/* The oracle's own words: runs of letters, digits and marks, folded (NFKD,
 * no marks, case folded, the ligatures opened). */
static gboolean
oracle_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static char *
oracle_fold (const char *text,
             gssize      length)
{
  g_autofree char *nfkd = g_utf8_normalize (text, length, G_NORMALIZE_NFKD);
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const char *p = nfkd != NULL ? nfkd : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x0153)
        g_string_append (bare, "oe");
      else if (c == 0x00e6)
        g_string_append (bare, "ae");
      else if (c == 0x00f8)
        g_string_append_c (bare, 'o');
      else if (c == 0x0142)
        g_string_append_c (bare, 'l');
      else
        g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (bare->str, -1);
}

/* The folded words of @text between bytes [from, to). */
static GPtrArray *
oracle_words (const char *text,
              gsize       from,
              gsize       to)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = text + from;; p = g_utf8_next_char (p))
    {
      gboolean word = p < text + to && oracle_word_char (g_utf8_get_char (p));

      if (word && start == NULL)
        start = p;
      else if (!word && start != NULL)
        {
          g_ptr_array_add (words, oracle_fold (start, p - start));
          start = NULL;
        }
      if (p >= text + to)
        break;
    }
  return words;
}

static gboolean
in_words (GPtrArray  *words,
          const char *word)
{
  for (guint i = 0; i < words->len; i++)
    if (strcmp (g_ptr_array_index (words, i), word) == 0)
      return TRUE;
  return FALSE;
}

/* Two words of the name glued together: "o" + "connor", "n" + "diaye". */
static gboolean
glued (GPtrArray  *name,
       const char *word)
{
  for (guint i = 0; i + 1 < name->len; i++)
    {
      g_autofree char *both = g_strconcat (g_ptr_array_index (name, i), g_ptr_array_index (name, i + 1), NULL);

      if (strcmp (both, word) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Up to three letters, each the first letter of a word of the name. */
static gboolean
initials (GPtrArray  *name,
          const char *word)
{
  if (g_utf8_strlen (word, -1) > 3)
    return FALSE;
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean found = FALSE;

      for (guint i = 0; i < name->len && !found; i++)
        found = g_utf8_get_char (g_ptr_array_index (name, i)) == g_utf8_get_char (p);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static gboolean
oracle_accepts (GPtrArray *name,
                GPtrArray *span)
{
  gboolean named = FALSE;

  for (guint i = 0; i < span->len; i++)
    {
      const char *word = g_ptr_array_index (span, i);
      gboolean whole = in_words (name, word) || glued (name, word);

      if (whole && g_utf8_strlen (word, -1) >= 2)
        named = TRUE;
      if (!whole && !g_strv_contains (titles, word) && !initials (name, word))
        return FALSE;
    }
  return named;
}

static gboolean
at_word_edge (const char *text,
              gsize       at,
              gsize       length)
{
  if (at == 0 || at >= length)
    return TRUE;
  return !oracle_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, text + at)))
         || !oracle_word_char (g_utf8_get_char (text + at));
}

static void
check_span (const char  *text,
            gsize        length,
            V21NameSpan *span,
            GPtrArray   *names)
{
  g_autoptr(GPtrArray) words = NULL;
  guint digits = 0;

  if (span->start >= span->end || span->end > length)
    g_error ("a span [%zu, %zu) outside a text of %zu bytes", span->start, span->end, length);
  if (!g_utf8_validate (text + span->start, span->end - span->start, NULL))
    g_error ("a span [%zu, %zu) cuts a character", span->start, span->end);
  if (span->kind == V21_SPAN_PHONE)
    {
      for (gsize i = span->start; i < span->end; i++)
        digits += g_ascii_isdigit (text[i]);
      if (digits < 9 || digits > 15)
        g_error ("a phone number of %u digits", digits);
      return;
    }
  if (span->kind != V21_SPAN_NAME)
    return;
  if (!at_word_edge (text, span->start, length) || !at_word_edge (text, span->end, length))
    g_error ("a name's span [%zu, %zu) cuts a word", span->start, span->end);
  words = oracle_words (text, span->start, span->end);
  if (span->person >= 0)
    {
      if ((guint) span->person >= names->len || !oracle_accepts (g_ptr_array_index (names, span->person), words))
        g_error ("“%.*s” is not a form of person %d's name", (int) (span->end - span->start),
                 text + span->start, span->person);
      return;
    }
  for (guint i = 0; i < names->len; i++)
    if (oracle_accepts (g_ptr_array_index (names, i), words))
      return;
  g_error ("“%.*s” is nobody's name", (int) (span->end - span->start), text + span->start);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = NULL;
  g_autoptr(V21NameMatcher) matcher = v21_name_matcher_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) spans = NULL;
  g_auto(GStrv) people = NULL;
  g_autofree char *replaced = NULL;
  const char *text, *newline;
  gsize previous_end = 0, length;
  gboolean learn;

  if (size > INPUT_MAX_BYTES)
    return 0;
  input = g_utf8_make_valid ((const char *) data, size);
  learn = input[0] == '~';
  newline = strchr (input, '\n');
  text = newline != NULL ? newline + 1 : "";
  people = g_strsplit (input + learn, "|", MAX_NAMES + 1);
  for (guint i = 0; people[i] != NULL && i < MAX_NAMES; i++)
    {
      g_autofree char *name = g_strndup (people[i], strcspn (people[i], "\n"));
      gboolean may_name = name[0] == '+';
      g_autofree char *label = g_strdup_printf ("[%u]", i);

      g_ptr_array_add (names, oracle_words (name, 0, strlen (name)));
      v21_name_matcher_add (matcher, name + may_name, may_name ? NULL : label);
      if (strchr (people[i], '\n') != NULL)
        break;
    }
  if (learn)
    v21_name_matcher_learn (matcher, text);
  length = strlen (text);
  spans = v21_name_matcher_find (matcher, text);
  for (guint i = 0; i < spans->len; i++)
    {
      V21NameSpan *span = &g_array_index (spans, V21NameSpan, i);

      if (span->start < previous_end)
        g_error ("spans out of order or overlapping at %zu", span->start);
      check_span (text, length, span, names);
      previous_end = span->end;
    }
  replaced = v21_name_matcher_replace (matcher, text);
  if (!g_utf8_validate (replaced, -1, NULL))
    g_error ("a replaced text that is not UTF-8");
  v21_name_matcher_mentions (matcher, text);
  return 0;
}
