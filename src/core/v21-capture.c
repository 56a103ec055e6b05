/* v21-capture.c — the scribe's capture line: prefixes, and adding the card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-capture"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-capture.h"
#include "v21-cards.h"
#include "v21-schema.h"

static const struct
{
  const char *word;   /* lower case, without accents */
  const char *kind;
} prefixes[] = {
  { "e", "issue" }, { "enjeu", "issue" }, { "issue", "issue" },
  { "m", "threat" }, { "menace", "threat" }, { "threat", "threat" },
  { "r", "resource" }, { "ressource", "resource" }, { "resource", "resource" },
  { "levier", "resource" },
  { "t", "trend" }, { "tendance", "trend" }, { "trend", "trend" },
  { "s", "weak_signal" }, { "signal", "weak_signal" }, { "signal faible", "weak_signal" },
  { "weak signal", "weak_signal" },
  { "d", "challenge" }, { "defi", "challenge" }, { "challenge", "challenge" },
  { "i", "idea" }, { "idee", "idea" }, { "idea", "idea" },
  { "a", "action" }, { "action", "action" }, { "piste", "action" },
  { "v", "vision" }, { "vision", "vision" },
};

/* Lower case and without accents, so that "Défi" and "defi" read alike. */
static char *
fold (const char *text,
      gssize      length)
{
  g_autofree char *down = g_utf8_strdown (text, length);
  g_autofree char *plain = g_str_to_ascii (down, "C");

  return g_strdup (plain);
}

static const char *
kind_of_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (strcmp (prefixes[i].word, word) == 0)
      return prefixes[i].kind;
  return NULL;
}

/* "t3", "table 3", "table3" -> 3 */
static int
table_of_word (const char *word)
{
  const char *digits = NULL;
  char *end = NULL;
  long n;

  if (g_str_has_prefix (word, "table"))
    digits = word + strlen ("table");
  else if (word[0] == 't')
    digits = word + 1;
  if (digits == NULL)
    return 0;
  while (*digits == ' ')
    digits++;
  if (!g_ascii_isdigit (*digits))
    return 0;
  n = strtol (digits, &end, 10);
  return *end == '\0' && n > 0 && n < 1000 ? (int) n : 0;
}

/* Takes one prefix off @line when there is one. */
static gboolean
take_prefix (const char **line,
             V21Capture  *capture)
{
  const char *p = *line;
  const char *colon;

  if (p[0] == '#' && g_ascii_isdigit (p[1]))
    {
      char *end = NULL;
      long n = strtol (p + 1, &end, 10);

      if ((*end == ' ' || *end == ':' || *end == '\0') && n > 0 && n < 1000)
        {
          capture->table = (int) n;
          *line = *end == ':' ? end + 1 : end;
          return TRUE;
        }
      return FALSE;
    }
  colon = strchr (p, ':');
  if (colon == NULL || colon - p > 16)
    return FALSE;
  {
    g_autofree char *raw = g_strstrip (g_strndup (p, colon - p));
    g_autofree char *word = fold (raw, -1);
    const char *kind = kind_of_word (word);
    int table = table_of_word (word);

    if (kind == NULL && table == 0)
      return FALSE;
    if (kind != NULL)
      capture->kind = kind;
    else
      capture->table = table;
    *line = colon + 1;
    return TRUE;
  }
}

void
v21_capture_parse (const char *line,
                   V21Capture *capture)
{
  g_return_if_fail (capture != NULL);
  *capture = (V21Capture) { NULL, 0, NULL };
  if (line == NULL)
    line = "";
  for (;;)
    {
      while (g_ascii_isspace (*line))
        line++;
      if (!take_prefix (&line, capture))
        break;
    }
  capture->text = g_strstrip (g_strdup (line));
}

void
v21_capture_clear (V21Capture *capture)
{
  g_clear_pointer (&capture->text, g_free);
}

const char *
v21_capture_kind_for_key (int n)
{
  const char * const *kinds = v21_card_kinds ();

  if (n < 1)
    return NULL;
  for (int i = 0; kinds[i] != NULL; i++)
    if (i == n - 1)
      return kinds[i];
  return NULL;
}

const char *
v21_card_kind_label (const char *kind)
{
  static const struct { const char *kind; const char *label; } labels[] = {
    { "issue", N_("Issue") },
    { "threat", N_("Threat") },
    { "resource", N_("Resource") },
    { "trend", N_("Trend") },
    { "weak_signal", N_("Weak signal") },
    { "challenge", N_("Challenge") },
    { "idea", N_("Idea") },
    { "action", N_("Action idea") },
    { "vision", N_("Vision") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].kind, kind) == 0)
      return _(labels[i].label);
  return kind != NULL ? kind : "";
}

V21Record *
v21_capture_table (V21Workshop *workshop,
                   int          n)
{
  V21Collection *tables = v21_workshop_get_collection (workshop, "tables");

  if (n < 1 || (guint) n > v21_collection_get_n (tables))
    return NULL;
  return v21_collection_get (tables, n - 1);
}

V21Record *
v21_capture_add_card (V21Workshop *workshop,
                      const char  *kind,
                      const char  *text,
                      V21Record   *table,
                      V21Record   *sequence,
                      GDateTime   *created,
                      GError     **error)
{
  g_autoptr(GDateTime) now = created != NULL ? g_date_time_ref (created) : g_date_time_new_now_local ();
  g_autofree char *instant = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  json_object *fields;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  if (kind == NULL)
    {
      g_set_error_literal (error, V21_ERROR, V21_ERROR_VALUE, _("Choose the kind of card first"));
      return NULL;
    }
  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, V21_ERROR, V21_ERROR_VALUE, _("A card needs a text"));
      return NULL;
    }
  fields = json_object_new_object ();
  json_object_object_add (fields, "kind", json_object_new_string (kind));
  json_object_object_add (fields, "text", json_object_new_string (text));
  json_object_object_add (fields, "details", json_object_new_string (""));
  json_object_object_add (fields, "table", v21_ref_or_null (table));
  json_object_object_add (fields, "sequence", v21_ref_or_null (sequence));
  json_object_object_add (fields, "cluster", NULL);
  json_object_object_add (fields, "created", json_object_new_string (instant));
  return v21_workshop_insert (workshop, "cards", -1, fields, error);
}
