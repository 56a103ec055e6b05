/* v21-csv.c — the cards and the votes as CSV for a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-csv"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-csv.h"
#include "v21-consent.h"
#include "v21-capture.h"
#include "v21-report.h"
#include "v21-report-private.h"

#define BOM "\xef\xbb\xbf"

gboolean
v21_csv_is_formula (const char *value)
{
  return value != NULL && value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
}

char *
v21_csv_cell (const char *value)
{
  GString *cell = g_string_new ("\"");

  if (v21_csv_is_formula (value))
    g_string_append_c (cell, '\'');
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (cell, '"');
      g_string_append_c (cell, *p);
    }
  g_string_append_c (cell, '"');
  return g_string_free (cell, FALSE);
}

static void
add_row (GString            *out,
         const char * const *cells,
         guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *cell = v21_csv_cell (cells[i]);

      if (i > 0)
        g_string_append_c (out, ';');
      g_string_append (out, cell);
    }
  g_string_append (out, "\r\n");
}

static const char *
field_of (V21Workshop *workshop,
          V21Record   *record,
          const char  *ref,
          const char  *field)
{
  V21Record *target;

  if (v21_record_is_null (record, ref))
    return "";
  target = v21_workshop_lookup (workshop, _v21_text (record, ref));
  return target != NULL ? _v21_text (target, field) : "";
}

char *
v21_csv_cards (V21Workshop *workshop,
               gsize       *length)
{
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  GString *out = g_string_new (BOM);
  const char *header[] = {
    _("Id"), _("Kind"), _("Text"), _("Details"), _("Table"), _("Session block"), _("Cluster"), _("Created")
  };

  add_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    {
      V21Record *card = v21_collection_get (cards, i);
      const char *cells[] = {
        v21_record_get_id (card),
        v21_card_kind_label (_v21_text (card, "kind")),
        _v21_text (card, "text"),
        _v21_text (card, "details"),
        field_of (workshop, card, "table", "name"),
        field_of (workshop, card, "sequence", "title"),
        field_of (workshop, card, "cluster", "name"),
        _v21_text (card, "created"),
      };

      add_row (out, cells, G_N_ELEMENTS (cells));
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

static const char *
target_label (V21Record *target)
{
  if (target == NULL)
    return "";
  if (g_strcmp0 (v21_record_get_collection (target), "clusters") == 0)
    return _v21_text (target, "name");
  return _v21_text (target, "text");
}

/* The votes of people who may not be named, as totals per proposal: their
 * own allocation, even under a label, could be read back to them. */
static void
add_unnamed_total (GHashTable *totals,
                   GPtrArray  *order,
                   V21Record  *vote)
{
  g_autofree char *key = g_strdup_printf ("%s\n%s", _v21_text (vote, "round"), _v21_text (vote, "target"));
  gint64 *total = g_hash_table_lookup (totals, key);

  if (total == NULL)
    {
      total = g_new0 (gint64, 1);
      g_ptr_array_add (order, vote);
      g_hash_table_insert (totals, g_steal_pointer (&key), total);
    }
  *total += v21_record_get_int (vote, "count", 0);
}

static void
add_vote_row (GString    *out,
              V21Record  *round,
              V21Record  *target,
              const char *voter,
              const char *table,
              gint64      count)
{
  g_autofree char *number = g_strdup_printf ("%ld", (long) count);
  const char *cells[] = {
    round != NULL ? _v21_text (round, "title") : "", target_label (target), voter, table, number,
  };

  add_row (out, cells, G_N_ELEMENTS (cells));
}

static void
add_unnamed_rows (V21Workshop *workshop,
                  GString     *out,
                  GHashTable  *totals,
                  GPtrArray   *order)
{
  for (guint i = 0; i < order->len; i++)
    {
      V21Record *vote = g_ptr_array_index (order, i);
      g_autofree char *key = g_strdup_printf ("%s\n%s", _v21_text (vote, "round"), _v21_text (vote, "target"));

      add_vote_row (out, v21_workshop_lookup (workshop, _v21_text (vote, "round")),
                    v21_workshop_lookup (workshop, _v21_text (vote, "target")),
                    _("Counted together (no voter named)"), "", *(gint64 *) g_hash_table_lookup (totals, key));
    }
}

char *
v21_csv_votes (V21Workshop *workshop,
               gsize       *length)
{
  V21Collection *votes = v21_workshop_get_collection (workshop, "votes");
  GString *out = g_string_new (BOM);
  const char *header[] = { _("Vote"), _("Proposal"), _("Voter"), _("Voter’s table"), _("Count") };
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  add_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < v21_collection_get_n (votes); i++)
    {
      V21Record *vote = v21_collection_get (votes, i);
      V21Record *round = v21_workshop_lookup (workshop, _v21_text (vote, "round"));
      V21Record *target = v21_workshop_lookup (workshop, _v21_text (vote, "target"));
      V21Record *voter = v21_record_is_null (vote, "voter") ? NULL
                         : v21_workshop_lookup (workshop, _v21_text (vote, "voter"));
      gint64 count = v21_record_get_int (vote, "count", 0);

      if (voter == NULL || (g_strcmp0 (v21_record_get_collection (voter), "people") == 0 && !v21_consent_may_name (voter)))
        add_unnamed_total (totals, order, vote);
      else if (g_strcmp0 (v21_record_get_collection (voter), "people") == 0)
        add_vote_row (out, round, target, _v21_text (voter, "name"), field_of (workshop, voter, "table", "name"), count);
      else
        add_vote_row (out, round, target, _v21_text (voter, "name"), _v21_text (voter, "name"), count);
    }
  add_unnamed_rows (workshop, out, totals, order);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
