/* v21-letter.c — the invitation letter's template and the authority that signs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-letter"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-invitations.h"
#include "v21-letter.h"
#include "v21-run-sheet.h"

const char * const v21_letter_fields[] = {
  "name", "title", "organisation", "dates", "days", "venue", "horizon", "political_goal", "reply_by", NULL
};

static json_object *
object_field (V21Workshop *workshop,
              const char  *key)
{
  json_object *value = v21_record_get_value (v21_workshop_get_root (workshop), key);

  return json_object_is_type (value, json_type_object) ? value : NULL;
}

static const char *
string_in (json_object *object,
           const char  *key)
{
  json_object *value = object != NULL ? json_object_object_get (object, key) : NULL;
  const char *text = json_object_is_type (value, json_type_string) ? json_object_get_string (value) : NULL;

  return text != NULL && text[0] != '\0' ? text : NULL;
}

char *
v21_letter_get_template (V21Workshop *workshop)
{
  const char *text = string_in (object_field (workshop, "invitation_letter"), "template");

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  if (text != NULL)
    return g_strdup (text);
  /* Translators: the default invitation letter; keep the {fields} as they are. */
  return g_strdup (_("Dear Madam or Sir,\n\n"
                     "We are pleased to invite you to the foresight seminar “{title}”, on {dates}, "
                     "to build with the territory’s actors a shared vision for {horizon}.\n\n"
                     "{political_goal}\n\n"
                     "{days}\n\n"
                     "Venue: {venue}\n\n"
                     "Please reply by {reply_by}.\n\n"
                     "Yours faithfully,"));
}

const char *
v21_letter_get_reply_by (V21Workshop *workshop)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  return string_in (object_field (workshop, "invitation_letter"), "reply_by");
}

char *
v21_letter_default_reply_by (V21Workshop *workshop)
{
  V21Collection *days = v21_workshop_get_collection (workshop, "days");
  const char *first = v21_collection_get_n (days) > 0
                      ? v21_record_get_string (v21_collection_get (days, 0), "date") : NULL;
  int y, m, d;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) before = NULL;

  if (first == NULL || sscanf (first, "%d-%d-%d", &y, &m, &d) != 3
      || (date = g_date_time_new_utc (y, m, d, 12, 0, 0)) == NULL)
    return NULL;
  before = g_date_time_add_days (date, -21);
  return g_date_time_format (before, "%Y-%m-%d");
}

gboolean
v21_letter_set (V21Workshop  *workshop,
                const char   *template_text,
                const char   *reply_by,
                GError      **error)
{
  json_object *old = object_field (workshop, "invitation_letter");
  json_object *letter = old != NULL ? NULL : json_object_new_object ();

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  /* Keys this version does not know stay. */
  if (old != NULL)
    json_object_deep_copy (old, &letter, NULL);
  if (template_text != NULL)
    json_object_object_add (letter, "template", json_object_new_string (template_text));
  else
    json_object_object_del (letter, "template");
  json_object_object_add (letter, "reply_by", reply_by != NULL ? json_object_new_string (reply_by) : NULL);
  return v21_workshop_set (workshop, v21_workshop_get_root (workshop), "invitation_letter", letter, error);
}

static char *
written_date (const char *iso)
{
  int y, m, d;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3
      || (date = g_date_time_new_local (y, m, d, 12, 0, 0)) == NULL)
    return g_strdup (iso != NULL ? iso : "—");
  return v21_date_format (date, _("%A %-d %B %Y"));
}

/* "Thursday 18 March 2027, from 09:00 to 17:30", a line per day. */
static char *
days_text (V21Workshop *workshop)
{
  V21Collection *days = v21_workshop_get_collection (workshop, "days");
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < v21_collection_get_n (days); i++)
    {
      V21Record *day = v21_collection_get (days, i);
      g_autofree char *date = v21_run_sheet_format_date (day);

      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: a day of the invitation: "jeudi 18 mars 2027, de 09:00 à 17:30". */
      g_string_append_printf (text, _("%s, from %s to %s"), date, v21_record_get_string (day, "start"),
                              v21_record_get_string (day, "end"));
    }
  return g_string_free (text, FALSE);
}

static char *
field_value (V21Workshop *workshop,
             V21Record   *person,
             const char  *field,
             const char  *reply_by)
{
  V21Record *root = v21_workshop_get_root (workshop);
  const char *text = NULL;

  if (strcmp (field, "name") == 0)
    text = v21_record_get_string (person, "name");
  else if (strcmp (field, "title") == 0)
    text = v21_workshop_get_title (workshop);
  else if (strcmp (field, "organisation") == 0)
    text = v21_record_get_string (person, "organisation");
  else if (strcmp (field, "dates") == 0)
    return v21_run_sheet_format_dates (workshop);
  else if (strcmp (field, "days") == 0)
    return days_text (workshop);
  else if (strcmp (field, "venue") == 0)
    text = v21_record_get_string (root, "venue");
  else if (strcmp (field, "horizon") == 0)
    return g_strdup_printf ("%ld", (long) v21_record_get_int (root, "horizon_year", 0));
  else if (strcmp (field, "political_goal") == 0)
    text = v21_record_get_string (root, "political_goal");
  else if (strcmp (field, "reply_by") == 0)
    return written_date (reply_by);
  else
    return NULL;
  return g_strdup (text != NULL ? text : "");
}

char *
v21_letter_fill (V21Workshop *workshop,
                 V21Record   *person,
                 const char  *template_text,
                 const char  *reply_by)
{
  GString *out = g_string_new (NULL);
  const char *p = template_text;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop) && person != NULL && template_text != NULL, NULL);
  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close = open != NULL ? strchr (open, '}') : NULL;
      g_autofree char *field = NULL;
      g_autofree char *value = NULL;

      if (close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      field = g_strndup (open + 1, close - open - 1);
      value = field_value (workshop, person, field, reply_by);
      if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, open, close - open + 1);
      p = close + 1;
    }
  return g_string_free (out, FALSE);
}

guint
v21_letter_count_late_replies (V21Workshop *workshop,
                               const char  *today)
{
  g_autofree char *fallback = NULL;
  const char *reply_by = v21_letter_get_reply_by (workshop);
  V21InvitationCounts counts;

  if (reply_by == NULL)
    reply_by = fallback = v21_letter_default_reply_by (workshop);
  /* Dates as YYYY-MM-DD compare as strings. */
  if (reply_by == NULL || today == NULL || strcmp (reply_by, today) >= 0)
    return 0;
  v21_invitation_count (workshop, &counts);
  return counts.by_state[V21_INVITATION_INVITED] + counts.by_state[V21_INVITATION_NO_REPLY];
}

GStrv
v21_letter_paragraphs (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("\\n[ \\t]*\\n", text, 0, 0);
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_ptr_array_add (kept, g_strdup (parts[i]));
    }
  g_ptr_array_add (kept, NULL);
  return (GStrv) g_ptr_array_free (kept, FALSE);
}

void
v21_authority_get (V21Workshop  *workshop,
                   V21Authority *authority)
{
  json_object *object = object_field (workshop, "authority");

  authority->name = string_in (object, "name");
  if (authority->name == NULL)
    authority->name = v21_workshop_get_territory_name (workshop);
  authority->address = string_in (object, "address");
  authority->signatory = string_in (object, "signatory");
  authority->signatory_title = string_in (object, "signatory_title");
}

static void
put_string (json_object *object,
            const char  *key,
            const char  *value)
{
  json_object_object_add (object, key, json_object_new_string (value != NULL ? value : ""));
}

gboolean
v21_authority_set (V21Workshop        *workshop,
                   const V21Authority *authority,
                   GError            **error)
{
  json_object *old = object_field (workshop, "authority");
  json_object *object = old != NULL ? NULL : json_object_new_object ();

  if (old != NULL)
    json_object_deep_copy (old, &object, NULL);
  put_string (object, "name", authority->name);
  put_string (object, "address", authority->address);
  put_string (object, "signatory", authority->signatory);
  put_string (object, "signatory_title", authority->signatory_title);
  return v21_workshop_set (workshop, v21_workshop_get_root (workshop), "authority", object, error);
}

static const char *
email_of (V21Record *person)
{
  const char *email = v21_record_get_string (person, "email");

  return email != NULL && strchr (email, '@') != NULL ? email : NULL;
}

char *
v21_letter_bcc (V21Workshop *workshop,
                guint       *n_without)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  GString *out = g_string_new (NULL);

  *n_without = 0;
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);
      V21Invitation state = v21_invitation_get (person);
      const char *email = email_of (person);
      g_autofree char *name = NULL;

      if (state == V21_INVITATION_CONFIRMED || state == V21_INVITATION_DECLINED)
        continue;
      if (email == NULL)
        {
          (*n_without)++;
          continue;
        }
      /* A quoted display name: commas and quotes in names do not split the list. */
      name = g_strdelimit (g_strdup (v21_record_get_string (person, "name")), "\"\\<>", ' ');
      g_string_append_printf (out, "%s\"%s\" <%s>", out->len > 0 ? ", " : "", name, email);
    }
  return g_string_free (out, FALSE);
}

char *
v21_letter_mailto (V21Workshop *workshop,
                   V21Record   *person)
{
  const char *email = email_of (person);
  g_autofree char *subject = NULL;
  g_autofree char *escaped_to = NULL;
  g_autofree char *escaped_subject = NULL;

  if (email == NULL)
    return NULL;
  subject = g_strdup_printf (_("Invitation: %s"), v21_workshop_get_title (workshop));
  escaped_to = g_uri_escape_string (email, "@", FALSE);
  escaped_subject = g_uri_escape_string (subject, NULL, FALSE);
  return g_strdup_printf ("mailto:%s?subject=%s", escaped_to, escaped_subject);
}
