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
