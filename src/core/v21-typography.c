/* v21-typography.c — French typography for the texts of reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-typography"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-typography.h"

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == 0x00a0 || c == 0x202f || c == 0x2009;
}

/* Drops the spaces that end @out (they become the no-break one); returns
 * the character before them, or 0 at the start of the text or of a line. */
static gunichar
trim_trailing_spaces (GString *out)
{
  while (out->len > 0)
    {
      const char *last = g_utf8_find_prev_char (out->str, out->str + out->len);
      gunichar c = g_utf8_get_char (last);

      if (!is_space (c))
        return c == '\n' ? 0 : c;
      g_string_truncate (out, last - out->str);
    }
  return 0;
}

static gunichar
last_char (GString *out)
{
  if (out->len == 0)
    return 0;
  return g_utf8_get_char (g_utf8_find_prev_char (out->str, out->str + out->len));
}

/* What may stand right before a punctuation mark that takes a space. */
static gboolean
takes_space_after (gunichar c)
{
  return g_unichar_isalnum (c) || c == 0x00bb || c == ')' || c == ']' || c == '"' || c == '\''
         || c == 0x2019 || c == 0x201d || c == '%' || c == 0x2026 || c == '*' || c == '.';
}

static void
add_space_before (GString    *out,
                  const char *space)
{
  gunichar before = last_char (out);

  if (before == 0 || before == '\n')
    return;
  if (is_space (before))
    {
      before = trim_trailing_spaces (out);
      if (before == 0)
        return;
    }
  else if (!takes_space_after (before))
    return;
  g_string_append (out, space);
}

/* Whether the word being written is a web or e-mail address, where no
 * space may go. */
static gboolean
in_address (GString *out)
{
  const char *start = out->str + out->len;

  while (start > out->str && start[-1] != ' ' && start[-1] != '\n' && start[-1] != '\t')
    start--;
  return strstr (start, "://") != NULL || g_str_has_prefix (start, "www.") || strchr (start, '@') != NULL;
}

static gboolean
is_time_colon (gunichar before,
               const char *next)
{
  return g_unichar_isdigit (before) && g_unichar_isdigit (g_utf8_get_char (next));
}

/**
 * v21_typography_french:
 * @text: (nullable): a text
 *
 * Also turns an apostrophe between two letters into the typographic one.
 *
 * Returns: (transfer full): @text with French no-break spaces
 */
char *
v21_typography_french (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (text) + 16);
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      gunichar before = last_char (out);

      switch (c)
        {
        case ':':
          if (!is_time_colon (before, next) && strncmp (next, "//", 2) != 0 && before != ':' && !in_address (out))
            add_space_before (out, V21_NBSP);
          break;
        case ';':
        case '!':
        case '?':
          if (before != '!' && before != '?' && !in_address (out))
            add_space_before (out, V21_NNBSP);
          break;
        case 0x00bb:   /* » */
          add_space_before (out, V21_NBSP);
          break;
        case '\'':
          /* The typographic apostrophe, between two letters: "l’eau". */
          if (g_unichar_isalpha (before) && g_unichar_isalpha (g_utf8_get_char (next)))
            {
              g_string_append_unichar (out, 0x2019);
              continue;
            }
          break;
        default:
          break;
        }
      g_string_append_unichar (out, c);
      if (c == 0x00ab)   /* « */
        {
          while (is_space (g_utf8_get_char (next)))
            {
              p = next;
              next = g_utf8_next_char (next);
            }
          if (*next != '\0' && *next != '\n')
            g_string_append (out, V21_NBSP);
        }
    }
  return g_string_free (out, FALSE);
}

gboolean
v21_typography_is_french (void)
{
  /* Translators: "fr" when the reports should follow French typography
   * (no-break spaces before : ; ! ? and inside « »); leave "en" otherwise. */
  return g_str_has_prefix (C_("typography", "en"), "fr");
}

char *
v21_typography_apply (const char *text)
{
  if (v21_typography_is_french ())
    return v21_typography_french (text);
  return g_strdup (text != NULL ? text : "");
}

/* Directional formatting characters, and letters written right to left
 * (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms). */
static gboolean
is_directional (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
         || c == 0x200F || c == 0x061C
         || (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF)
         || (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x10800 && c <= 0x10FFF)
         || (c >= 0x1E800 && c <= 0x1EFFF);
}

static gboolean
needs_isolation (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if ((guchar) *p >= 0x80 && is_directional (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

char *
v21_bidi_isolate (const char *text)
{
  if (text == NULL)
    return NULL;
  if (!needs_isolation (text))
    return g_strdup (text);
  return g_strconcat (V21_FSI, text, V21_PDI, NULL);
}

gboolean
v21_bidi_is_isolated (const char  *text,
                      const char **inner,
                      gsize       *length)
{
  gsize n = text != NULL ? strlen (text) : 0;

  if (n < 6 || !g_str_has_prefix (text, V21_FSI) || !g_str_has_suffix (text, V21_PDI))
    return FALSE;
  *inner = text + 3;
  *length = n - 6;
  return TRUE;
}

/* French hyphenation */

static gboolean
is_vowel (gunichar c)
{
  static const gunichar vowels[] = {
    'a', 'e', 'i', 'o', 'u', 'y', 0xe0, 0xe2, 0xe4, 0xe9, 0xe8, 0xea, 0xeb, 0xee, 0xef, 0xf4, 0xf6,
    0xf9, 0xfb, 0xfc, 0xff, 0x153, 0xe6,
  };

  c = g_unichar_tolower (c);
  for (guint i = 0; i < G_N_ELEMENTS (vowels); i++)
    if (c == vowels[i])
      return TRUE;
  return FALSE;
}

/* Two consonants that begin a syllable together: bl, br, ch, gn, ph, tr… */
static gboolean
inseparable (gunichar a,
             gunichar b)
{
  a = g_unichar_tolower (a);
  b = g_unichar_tolower (b);
  if (b == 'l')
    return a == 'b' || a == 'c' || a == 'f' || a == 'g' || a == 'k' || a == 'p';
  if (b == 'r')
    return a == 'b' || a == 'c' || a == 'd' || a == 'f' || a == 'g' || a == 'k' || a == 'p' || a == 't'
           || a == 'v';
  if (b == 'h')
    return a == 'c' || a == 'p' || a == 't';
  return a == 'g' && b == 'n';
}

#define LEFT_MIN 2    /* letters before a break */
#define RIGHT_MIN 3   /* letters after it: never "nel-le" */
#define WORD_MIN 6

/* Where the word @w of @n letters may break, between two vowel groups:
 * before a lone consonant (ri-vière), between two (fes-sion) unless they go
 * together (pro-gramme), before the last two of three or more when they go
 * together (ins-truit), else before the last (comp-ter). */
static void
mark_breaks (const gunichar *w,
             guint           n,
             gboolean       *breaks)
{
  guint i = 0;
  /* A last syllable with a mute e keeps a letter more ("pra-tique", not "prati-que"). */
  guint right_min = g_unichar_tolower (w[n - 1]) == 'e' || (n > 1 && g_unichar_tolower (w[n - 2]) == 'e'
                                                           && g_unichar_tolower (w[n - 1]) == 's')
                    ? RIGHT_MIN + 1 : RIGHT_MIN;

  while (i < n && !is_vowel (w[i]))
    i++;
  while (i < n)
    {
      guint end = i, next;

      while (end + 1 < n && is_vowel (w[end + 1]))
        end++;
      next = end + 1;
      while (next < n && !is_vowel (w[next]))
        next++;
      if (next >= n)
        break;
      {
        guint k = next - end - 1, pos;

        if (k == 1)
          pos = end + 1;
        else if (k == 2)
          pos = inseparable (w[end + 1], w[end + 2]) ? end + 1 : end + 2;
        else
          pos = inseparable (w[next - 2], w[next - 1]) ? next - 2 : next - 1;
        if (pos >= LEFT_MIN && n - pos >= right_min)
          breaks[pos] = TRUE;
      }
      i = next;
    }
}

static gboolean
all_lower (const gunichar *w,
           guint           n)
{
  for (guint i = 1; i < n; i++)
    if (g_unichar_isupper (w[i]))
      return FALSE;
  return TRUE;
}

char *
v21_typography_hyphenate_french (const char *text)
{
  GString *out = g_string_new (NULL);
  g_autofree gunichar *chars = NULL;
  glong n = 0;

  chars = g_utf8_to_ucs4_fast (text != NULL ? text : "", -1, &n);
  for (glong i = 0; i < n;)
    {
      glong start = i;

      if (!g_unichar_isalpha (chars[i]))
        {
          g_string_append_unichar (out, chars[i++]);
          continue;
        }
      while (i < n && g_unichar_isalpha (chars[i]))
        i++;
      {
        guint length = (guint) (i - start);
        g_autofree gboolean *breaks = g_new0 (gboolean, length + 1);

        /* Acronyms and names in capitals stay whole. */
        if (length >= WORD_MIN && all_lower (chars + start, length))
          mark_breaks (chars + start, length, breaks);
        for (guint k = 0; k < length; k++)
          {
            if (breaks[k])
              g_string_append (out, V21_SOFT_HYPHEN);
            g_string_append_unichar (out, chars[start + k]);
          }
      }
    }
  return g_string_free (out, FALSE);
}
