/* v21-csv.c — the cards and the votes as CSV for a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-csv"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-csv.h"
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

char *
v21_csv_votes (V21Workshop *workshop,
               gsize       *length)
{
  V21Collection *votes = v21_workshop_get_collection (workshop, "votes");
  GString *out = g_string_new (BOM);
  const char *header[] = { _("Vote"), _("Proposal"), _("Voter"), _("Voter’s table"), _("Count") };

  add_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < v21_collection_get_n (votes); i++)
    {
      V21Record *vote = v21_collection_get (votes, i);
      V21Record *round = v21_workshop_lookup (workshop, _v21_text (vote, "round"));
      V21Record *target = v21_workshop_lookup (workshop, _v21_text (vote, "target"));
      V21Record *voter = v21_record_is_null (vote, "voter") ? NULL
                         : v21_workshop_lookup (workshop, _v21_text (vote, "voter"));
      g_autofree char *voter_name = NULL;
      g_autofree char *count = g_strdup_printf ("%ld", (long) v21_record_get_int (vote, "count", 0));
      const char *voter_table = "";

      if (voter == NULL)
        voter_name = g_strdup (_("Dots counted on the board"));
      else if (g_strcmp0 (v21_record_get_collection (voter), "people") == 0)
        {
          voter_name = v21_report_person_name (workshop, voter);
          voter_table = field_of (workshop, voter, "table", "name");
        }
      else
        {
          voter_name = g_strdup (_v21_text (voter, "name"));
          voter_table = voter_name;
        }
      {
        const char *cells[] = {
          round != NULL ? _v21_text (round, "title") : "",
          target_label (target), voter_name, voter_table, count,
        };

        add_row (out, cells, G_N_ELEMENTS (cells));
      }
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
