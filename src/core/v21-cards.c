/* v21-cards.c — what the facilitator does with cards: merge, cluster, link
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-cards"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-cards.h"
#include "v21-schema.h"
#include "v21-votes.h"

json_object *
v21_ref_or_null (V21Record *record)
{
  return record != NULL ? json_object_new_string (v21_record_get_id (record)) : NULL;
}

gboolean
v21_set_string (V21Workshop *workshop,
                V21Record   *record,
                const char  *field,
                const char  *value,
                GError     **error)
{
  return v21_workshop_set (workshop, record, field, json_object_new_string (value), error);
}

/* The records of @collection whose @field is @id, referenced. */
static GPtrArray *
records_where (V21Workshop *workshop,
               const char  *collection,
               const char  *field,
               const char  *id)
{
  V21Collection *list = v21_workshop_get_collection (workshop, collection);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < v21_collection_get_n (list); i++)
    {
      V21Record *record = v21_collection_get (list, i);

      if (g_strcmp0 (v21_record_get_string (record, field), id) == 0)
        g_ptr_array_add (found, g_object_ref (record));
    }
  return found;
}

static gboolean
is_card (V21Workshop *workshop,
         V21Record   *record)
{
  return record != NULL
         && g_strcmp0 (v21_record_get_collection (record), "cards") == 0
         && v21_collection_find (v21_workshop_get_collection (workshop, "cards"), record, NULL);
}

static char *
join (const char *a,
      const char *b,
      const char *separator)
{
  if (a == NULL || *a == '\0')
    return g_strdup (b ? b : "");
  if (b == NULL || *b == '\0')
    return g_strdup (a);
  return g_strconcat (a, separator, b, NULL);
}

static gboolean
merge_texts (V21Workshop *workshop,
             V21Record   *kept,
             V21Record   *other,
             GError     **error)
{
  g_autofree char *text = join (v21_record_get_string (kept, "text"),
                                v21_record_get_string (other, "text"), " / ");
  g_autofree char *details = join (v21_record_get_string (kept, "details"),
                                   v21_record_get_string (other, "details"), "\n\n");

  if (g_utf8_strlen (text, -1) > V21_SHORT_MAX)
    {
      g_autofree char *more = join (v21_record_get_string (other, "text"), details, "\n\n");

      g_free (details);
      details = g_steal_pointer (&more);
      g_free (text);
      text = g_strdup (v21_record_get_string (kept, "text"));
    }
  if (!v21_set_string (workshop, kept, "text", text, error)
      || !v21_set_string (workshop, kept, "details", details, error))
    return FALSE;
  if (v21_record_is_null (kept, "cluster") && !v21_record_is_null (other, "cluster"))
    return v21_set_string (workshop, kept, "cluster", v21_record_get_string (other, "cluster"), error);
  return TRUE;
}

/* Vote rounds that target @other also target @kept, at the same place. */
static gboolean
merge_round_targets (V21Workshop *workshop,
                     const char  *kept,
                     const char  *other,
                     GError     **error)
{
  V21Collection *rounds = v21_workshop_get_collection (workshop, "vote_rounds");

  for (guint i = 0; i < v21_collection_get_n (rounds); i++)
    {
      V21Record *round = v21_collection_get (rounds, i);
      json_object *targets = v21_record_get_value (round, "targets");
      gsize n = json_object_is_type (targets, json_type_array) ? json_object_array_length (targets) : 0;
      gboolean has_other = FALSE;
      gboolean has_kept = FALSE;
      json_object *list;

      for (gsize j = 0; j < n; j++)
        {
          const char *id = json_object_get_string (json_object_array_get_idx (targets, j));
          has_other |= g_strcmp0 (id, other) == 0;
          has_kept |= g_strcmp0 (id, kept) == 0;
        }
      if (!has_other || has_kept)
        continue;
      /* @kept goes just before @other, which leaves with its card (the votes
       * still on it must stay valid until they move). */
      list = json_object_new_array ();
      for (gsize j = 0; j < n; j++)
        {
          const char *id = json_object_get_string (json_object_array_get_idx (targets, j));

          if (g_strcmp0 (id, other) == 0)
            json_object_array_add (list, json_object_new_string (kept));
          json_object_array_add (list, json_object_new_string (id));
        }
      if (!v21_workshop_set (workshop, round, "targets", list, error))
        return FALSE;
    }
  return TRUE;
}

/* One voter's votes on the two cards become one vote on @kept. */
static gboolean
merge_votes (V21Workshop *workshop,
             const char  *kept,
             const char  *other,
             GError     **error)
{
  g_autoptr(GPtrArray) moved = records_where (workshop, "votes", "target", other);

  for (guint i = 0; i < moved->len; i++)
    {
      V21Record *vote = g_ptr_array_index (moved, i);
      V21Record *same = v21_votes_find (workshop, v21_record_get_string (vote, "round"),
                                   v21_record_get_string (vote, "voter"), kept);
      gint64 count = v21_record_get_int (vote, "count", 0);

      if (same == NULL)
        {
          if (!v21_set_string (workshop, vote, "target", kept, error))
            return FALSE;
          continue;
        }
      /* Remove first: the voter's total stays within the budget at every step. */
      count = MIN (count + v21_record_get_int (same, "count", 0), 10000);
      if (!v21_workshop_remove (workshop, vote, error)
          || !v21_workshop_set (workshop, same, "count", json_object_new_int64 (count), error))
        return FALSE;
    }
  return TRUE;
}

static V21Record *
find_link (V21Workshop *workshop,
           const char  *from,
           const char  *to,
           const char  *kind,
           V21Record   *except)
{
  V21Collection *links = v21_workshop_get_collection (workshop, "links");

  for (guint i = 0; i < v21_collection_get_n (links); i++)
    {
      V21Record *link = v21_collection_get (links, i);

      if (link != except
          && g_strcmp0 (v21_record_get_string (link, "from"), from) == 0
          && g_strcmp0 (v21_record_get_string (link, "to"), to) == 0
          && (kind == NULL || g_strcmp0 (v21_record_get_string (link, "kind"), kind) == 0))
        return link;
    }
  return NULL;
}

static gboolean
merge_links (V21Workshop *workshop,
             const char  *kept,
             const char  *other,
             GError     **error)
{
  static const char * const ends[] = { "from", "to" };

  for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
    {
      g_autoptr(GPtrArray) moved = records_where (workshop, "links", ends[e], other);

      for (guint i = 0; i < moved->len; i++)
        {
          V21Record *link = g_ptr_array_index (moved, i);
          const char *from = e == 0 ? kept : v21_record_get_string (link, "from");
          const char *to = e == 1 ? kept : v21_record_get_string (link, "to");
          gboolean ok;

          /* A link between the two cards, or one @kept already has, goes. */
          if (g_strcmp0 (from, to) == 0
              || find_link (workshop, from, to, v21_record_get_string (link, "kind"), link))
            ok = v21_workshop_remove (workshop, link, error);
          else
            ok = v21_set_string (workshop, link, ends[e], kept, error);
          if (!ok)
            return FALSE;
        }
    }
  return TRUE;
}

static V21Record *
find_score (V21Workshop *workshop,
            const char  *challenge,
            const char  *answer)
{
  V21Collection *scores = v21_workshop_get_collection (workshop, "robustness");

  for (guint i = 0; i < v21_collection_get_n (scores); i++)
    {
      V21Record *score = v21_collection_get (scores, i);

      if (g_strcmp0 (v21_record_get_string (score, "challenge"), challenge) == 0
          && g_strcmp0 (v21_record_get_string (score, "answer"), answer) == 0)
        return score;
    }
  return NULL;
}

static gboolean
merge_scores (V21Workshop *workshop,
              const char  *kept,
              const char  *other,
              GError     **error)
{
  static const char * const ends[] = { "challenge", "answer" };

  for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
    {
      g_autoptr(GPtrArray) moved = records_where (workshop, "robustness", ends[e], other);

      for (guint i = 0; i < moved->len; i++)
        {
          V21Record *score = g_ptr_array_index (moved, i);
          const char *challenge = e == 0 ? kept : v21_record_get_string (score, "challenge");
          const char *answer = e == 1 ? kept : v21_record_get_string (score, "answer");
          V21Record *same = find_score (workshop, challenge, answer);
          g_autofree char *comment = NULL;
          gboolean ok;

          if (g_strcmp0 (challenge, answer) == 0)
            ok = v21_workshop_remove (workshop, score, error);
          else if (same == NULL)
            ok = v21_set_string (workshop, score, ends[e], kept, error);
          else
            {
              comment = join (v21_record_get_string (same, "comment"),
                              v21_record_get_string (score, "comment"), "\n\n");
              ok = v21_set_string (workshop, same, "comment", comment, error)
                   && v21_workshop_remove (workshop, score, error);
            }
          if (!ok)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
merge_points (V21Workshop *workshop,
              const char  *kept,
              const char  *other,
              GError     **error)
{
  g_autoptr(GPtrArray) moved = records_where (workshop, "points", "card", other);

  for (guint i = 0; i < moved->len; i++)
    if (!v21_set_string (workshop, g_ptr_array_index (moved, i), "card", kept, error))
      return FALSE;
  return TRUE;
}

gboolean
v21_cards_merge (V21Workshop *workshop,
                 V21Record   *kept,
                 V21Record   *other,
                 GError     **error)
{
  g_autofree char *kept_id = NULL;
  g_autofree char *other_id = NULL;
  gboolean ok;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  if (!is_card (workshop, kept) || !is_card (workshop, other) || kept == other)
    {
      g_set_error_literal (error, V21_ERROR, V21_ERROR_VALUE, _("Choose two different cards to merge"));
      return FALSE;
    }
  kept_id = g_strdup (v21_record_get_id (kept));
  other_id = g_strdup (v21_record_get_id (other));
  g_object_ref (other);
  v21_workshop_begin_group (workshop, _("Merge cards"));
  ok = merge_texts (workshop, kept, other, error)
       && merge_round_targets (workshop, kept_id, other_id, error)
       && merge_votes (workshop, kept_id, other_id, error)
       && merge_links (workshop, kept_id, other_id, error)
       && merge_scores (workshop, kept_id, other_id, error)
       && merge_points (workshop, kept_id, other_id, error)
       && v21_workshop_remove (workshop, other, error);
  if (ok)
    v21_workshop_end_group (workshop);
  else
    v21_workshop_cancel_group (workshop);
  g_object_unref (other);
  return ok;
}

gboolean
v21_cards_move_to_cluster (V21Workshop *workshop,
                           V21Record   *card,
                           V21Record   *cluster,
                           GError     **error)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (V21_IS_RECORD (card), FALSE);
  return v21_workshop_set (workshop, card, "cluster", v21_ref_or_null (cluster), error);
}

V21Record *
v21_cluster_create (V21Workshop *workshop,
                    const char  *name,
                    const char  *kind,
                    V21Record   *sequence,
                    GPtrArray   *cards,
                    GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  json_object *fields = json_object_new_object ();
  V21Record *cluster;
  gboolean ok = TRUE;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  json_object_object_add (fields, "name", json_object_new_string (trimmed));
  json_object_object_add (fields, "kind", kind ? json_object_new_string (kind) : NULL);
  json_object_object_add (fields, "sequence", v21_ref_or_null (sequence));
  v21_workshop_begin_group (workshop, _("New cluster"));
  cluster = v21_workshop_insert (workshop, "clusters", -1, fields, error);
  for (guint i = 0; cluster != NULL && cards != NULL && i < cards->len && ok; i++)
    ok = v21_cards_move_to_cluster (workshop, g_ptr_array_index (cards, i), cluster, error);
  if (cluster == NULL || !ok)
    {
      v21_workshop_cancel_group (workshop);
      return NULL;
    }
  v21_workshop_end_group (workshop);
  return cluster;
}

gboolean
v21_cluster_rename (V21Workshop *workshop,
                    V21Record   *cluster,
                    const char  *name,
                    GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));

  return v21_set_string (workshop, cluster, "name", trimmed, error);
}

const char *
v21_link_kind_for (const char *from_kind,
                   const char *to_kind)
{
  if (g_strcmp0 (from_kind, "threat") == 0)
    return "threatens";
  if (g_strcmp0 (from_kind, "resource") == 0)
    return "mobilises";
  if (g_strcmp0 (from_kind, "action") == 0 || g_strcmp0 (from_kind, "idea") == 0)
    return "answers";
  if (g_strcmp0 (from_kind, "trend") == 0 || g_strcmp0 (from_kind, "weak_signal") == 0)
    return "reinforces";
  return "leads_to";
}

V21Record *
v21_cards_link (V21Workshop *workshop,
                V21Record   *from,
                V21Record   *to,
                const char  *kind,
                GError     **error)
{
  json_object *fields;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  if (!is_card (workshop, from) || !is_card (workshop, to) || from == to)
    {
      g_set_error_literal (error, V21_ERROR, V21_ERROR_VALUE, _("Choose two different cards to link"));
      return NULL;
    }
  if (kind == NULL)
    kind = v21_link_kind_for (v21_record_get_string (from, "kind"), v21_record_get_string (to, "kind"));
  if (find_link (workshop, v21_record_get_id (from), v21_record_get_id (to), kind, NULL) != NULL)
    {
      g_set_error_literal (error, V21_ERROR, V21_ERROR_VALUE, _("These cards are already linked"));
      return NULL;
    }
  fields = json_object_new_object ();
  json_object_object_add (fields, "from", v21_ref_or_null (from));
  json_object_object_add (fields, "to", v21_ref_or_null (to));
  json_object_object_add (fields, "kind", json_object_new_string (kind));
  return v21_workshop_insert (workshop, "links", -1, fields, error);
}
