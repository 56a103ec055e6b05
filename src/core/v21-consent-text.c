/* v21-consent-text.c — a text as a screen the room sees may show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-consent"

#include "config.h"

#include "v21-consent-text.h"
#include "v21-consent.h"
#include "v21-name-matcher.h"

struct _V21ConsentText
{
  V21NameMatcher *names;
  gboolean        anyone_unnamed;   /* someone did not consent */
  GHashTable     *shown;            /* text → what is shown of it: a
                                     * drawing measures a text, then draws it */
};

V21ConsentText *
v21_consent_text_new (V21Workshop *workshop)
{
  V21Collection *people;
  V21ConsentText *self;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  people = v21_workshop_get_collection (workshop, "people");
  self = g_new0 (V21ConsentText, 1);
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    self->anyone_unnamed |= !v21_consent_may_name (v21_collection_get (people, i));
  /* Everyone consented: nothing to find (and no matcher to build each frame). */
  if (!self->anyone_unnamed)
    return self;
  self->names = v21_name_matcher_new ();
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);
      g_autofree char *label = NULL;

      /* Those who may be named are known too: their names protect their
       * words from the others' ("Le" of "Le Goff" from "Thi Lê"). */
      if (!v21_consent_may_name (person))
        label = v21_consent_label (workshop, person);
      v21_name_matcher_add (self->names, v21_record_get_string (person, "name"), label);
    }
  return self;
}

void
v21_consent_text_free (V21ConsentText *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->names, v21_name_matcher_free);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_free (self);
}

char *
v21_consent_text_apply (V21ConsentText *self,
                        const char     *text)
{
  char *shown;

  g_return_val_if_fail (self != NULL, NULL);
  if (text == NULL)
    return g_strdup ("");
  if (!self->anyone_unnamed || !g_utf8_validate (text, -1, NULL))
    return g_strdup (self->anyone_unnamed ? "" : text);
  shown = g_hash_table_lookup (self->shown, text);
  if (shown == NULL)
    {
      v21_name_matcher_learn (self->names, text);
      shown = v21_name_matcher_replace (self->names, text);
      g_hash_table_insert (self->shown, g_strdup (text), shown);
    }
  return g_strdup (shown);
}
