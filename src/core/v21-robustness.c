/* v21-robustness.c — the robustness test (T2): challenges × current answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-robustness"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-capture.h"
#include "v21-cards.h"
#include "v21-robustness.h"
#include "v21-schema.h"

V21Record *
v21_robustness_find (V21Workshop *workshop,
                     V21Record   *challenge,
                     V21Record   *answer)
{
  V21Collection *scores = v21_workshop_get_collection (workshop, "robustness");

  for (guint i = 0; i < v21_collection_get_n (scores); i++)
    {
      V21Record *score = v21_collection_get (scores, i);

      if (g_strcmp0 (v21_record_get_string (score, "challenge"), v21_record_get_id (challenge)) == 0
          && g_strcmp0 (v21_record_get_string (score, "answer"), v21_record_get_id (answer)) == 0)
        return score;
    }
  return NULL;
}

gboolean
v21_robustness_set (V21Workshop *workshop,
                    V21Record   *challenge,
                    V21Record   *answer,
                    int          score,
                    const char  *comment,
                    GError     **error)
{
  V21Record *record;
  json_object *fields;
  gboolean ok;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  record = v21_robustness_find (workshop, challenge, answer);
  if (record == NULL)
    {
      fields = json_object_new_object ();
      json_object_object_add (fields, "challenge", v21_ref_or_null (challenge));
      json_object_object_add (fields, "answer", v21_ref_or_null (answer));
      json_object_object_add (fields, "score", json_object_new_int (score));
      json_object_object_add (fields, "comment", json_object_new_string (comment ? comment : ""));
      return v21_workshop_insert (workshop, "robustness", -1, fields, error) != NULL;
    }
  v21_workshop_begin_group (workshop, _("Score"));
  ok = v21_workshop_set (workshop, record, "score", json_object_new_int (score), error)
       && (comment == NULL || v21_set_string (workshop, record, "comment", comment, error));
  if (ok)
    v21_workshop_end_group (workshop);
  else
    v21_workshop_cancel_group (workshop);
  return ok;
}

gboolean
v21_robustness_clear (V21Workshop *workshop,
                      V21Record   *challenge,
                      V21Record   *answer,
                      GError     **error)
{
  V21Record *record = v21_robustness_find (workshop, challenge, answer);

  return record == NULL || v21_workshop_remove (workshop, record, error);
}

static GPtrArray *
cards_of (V21Workshop *workshop,
          const char  *kind,
          const char  *other_kind)
{
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    {
      V21Record *card = v21_collection_get (cards, i);
      const char *k = v21_record_get_string (card, "kind");

      if (g_strcmp0 (k, kind) == 0 || g_strcmp0 (k, other_kind) == 0)
        g_ptr_array_add (found, g_object_ref (card));
    }
  return found;
}

GPtrArray *
v21_robustness_challenges (V21Workshop *workshop)
{
  return cards_of (workshop, "challenge", NULL);
}

GPtrArray *
v21_robustness_answers (V21Workshop *workshop)
{
  return cards_of (workshop, "resource", "action");
}

V21Record *
v21_robustness_to_threat (V21Workshop *workshop,
                          V21Record   *challenge,
                          V21Record   *answer,
                          V21Record   *sequence,
                          GError     **error)
{
  g_autofree char *text = NULL;
  V21Record *card;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (V21_IS_RECORD (challenge) && V21_IS_RECORD (answer), NULL);
  /* Translators: a threat card made from a weak cell of the robustness test:
   * "Sécheresses répétées : « Réseau de haies » ne tient pas" */
  text = g_strdup_printf (_("%s: “%s” does not hold"),
                          v21_record_get_string (challenge, "text"),
                          v21_record_get_string (answer, "text"));
  if (g_utf8_strlen (text, -1) > V21_SHORT_MAX)
    {
      char *end = g_utf8_offset_to_pointer (text, V21_SHORT_MAX - 1);
      strcpy (end, "…");
    }
  if (sequence == NULL)
    sequence = v21_workshop_lookup (workshop, v21_record_get_string (challenge, "sequence"));
  v21_workshop_begin_group (workshop, _("Turn into a threat"));
  card = v21_capture_add_card (workshop, "threat", text, NULL, sequence, NULL, error);
  if (card == NULL || v21_cards_link (workshop, card, answer, "threatens", error) == NULL)
    {
      v21_workshop_cancel_group (workshop);
      return NULL;
    }
  v21_workshop_end_group (workshop);
  return card;
}
