/* v21-letters.c — the invitation letters, one A4 page per person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-letters"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "v21-letters.h"
#include "v21-invitations.h"
#include "v21-labels.h"
#include "v21-print-kit-private.h"
#include "v21-run-sheet.h"

gboolean
v21_letters_wanted (V21Record *person)
{
  V21Invitation state = v21_invitation_get (person);

  return state == V21_INVITATION_TO_INVITE || state == V21_INVITATION_INVITED
         || state == V21_INVITATION_NO_REPLY;
}

guint
v21_letters_count (V21Workshop *workshop)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  guint n = 0;

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    n += v21_letters_wanted (v21_collection_get (people, i));
  return n;
}

static const char *
sponsor_name (V21Workshop *workshop)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);

      if (g_strcmp0 (v21_record_get_string (person, "role"), "political_sponsor") == 0)
        return v21_record_get_string (person, "name");
    }
  return NULL;
}

static char *
date_text (const char *iso)
{
  int y, m, d;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (iso != NULL ? iso : "");
  date = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (date == NULL)
    return g_strdup (iso);
  return v21_date_format (date, _("%A %-d %B %Y"));
}

/* The authority and the recipient; returns where the letter goes on. */
static double
draw_heads (Kit       *kit,
            V21Record *person)
{
  Font bold = { SANS, 11, PANGO_WEIGHT_BOLD, FALSE };
  Font body = { SANS, 10, PANGO_WEIGHT_NORMAL, FALSE };
  V21Record *root = v21_workshop_get_root (kit->workshop);
  json_object *territory = v21_record_get_value (root, "territory");
  json_object *kind = json_object_object_get (territory, "kind");
  double half = (PAGE_WIDTH - 2 * MARGIN) / 2;
  double y = MARGIN;
  double right = MARGIN;
  const char *organisation = v21_record_get_string (person, "organisation");

  y += _v21_kit_text (kit, bold, INK, MARGIN, y, half - 12, v21_workshop_get_territory_name (kit->workshop), TRUE);
  if (kind != NULL)
    y += _v21_kit_text (kit, body, GREY, MARGIN, y, half - 12,
                        v21_label ("territory_kind", json_object_get_string (kind)), TRUE);
  right += 64;
  right += _v21_kit_text (kit, bold, INK, MARGIN + half, right, half, v21_record_get_string (person, "name"), TRUE);
  if (organisation != NULL && organisation[0] != '\0')
    right += _v21_kit_text (kit, body, INK, MARGIN + half, right, half, organisation, TRUE);
  return MAX (y, right) + 40;
}

static void
draw_letter (Kit        *kit,
             V21Record  *person,
             const char *reply_by)
{
  Font title = { SANS, 13, PANGO_WEIGHT_BOLD, FALSE };
  Font body = { SERIF, 10.5, PANGO_WEIGHT_NORMAL, FALSE };
  V21Record *root = v21_workshop_get_root (kit->workshop);
  V21Collection *days = v21_workshop_get_collection (kit->workshop, "days");
  double width = PAGE_WIDTH - 2 * MARGIN;
  const char *venue = v21_record_get_string (root, "venue");
  const char *goal = v21_record_get_string (root, "political_goal");
  const char *sponsor = sponsor_name (kit->workshop);
  g_autofree char *dates = v21_run_sheet_format_dates (kit->workshop);
  g_autofree char *subject = g_strdup_printf (_("Invitation: %s"), v21_workshop_get_title (kit->workshop));
  g_autofree char *opening = g_strdup_printf (_("%s invites you to take part in a foresight seminar on %s, to build "
                                                "with the territory’s actors a shared vision for %ld."),
                                              v21_workshop_get_territory_name (kit->workshop),
                                              dates != NULL ? dates : "—",
                                              (long) v21_record_get_int (root, "horizon_year", 0));
  g_autofree char *where = g_strdup_printf (_("Venue: %s"), venue != NULL && venue[0] ? venue : "—");
  g_autofree char *reply_date = date_text (reply_by);
  g_autofree char *reply = g_strdup_printf (_("Please reply by %s."), reply_date);
  g_autofree char *sign = g_strdup_printf (_("For %s,"), v21_workshop_get_territory_name (kit->workshop));
  double y;

  _v21_kit_begin_page (kit, PAGE_WIDTH, PAGE_HEIGHT);
  y = draw_heads (kit, person);
  y += _v21_kit_text (kit, title, INK, MARGIN, y, width, subject, TRUE) + 14;
  y += _v21_kit_text (kit, body, INK, MARGIN, y, width, _("Dear Madam or Sir,"), TRUE) + 8;
  y += _v21_kit_text (kit, body, INK, MARGIN, y, width, opening, TRUE) + 8;
  if (goal != NULL && goal[0] != '\0')
    y += _v21_kit_text (kit, body, INK, MARGIN, y, width, goal, TRUE) + 8;
  for (guint i = 0; i < v21_collection_get_n (days); i++)
    {
      V21Record *day = v21_collection_get (days, i);
      g_autofree char *date = v21_run_sheet_format_date (day);
      /* Translators: a day of the invitation: "jeudi 18 mars 2027, de 09:00 à 17:30". */
      g_autofree char *line = g_strdup_printf (_("%s, from %s to %s"), date, v21_record_get_string (day, "start"),
                                               v21_record_get_string (day, "end"));

      y += _v21_kit_text (kit, body, INK, MARGIN + 16, y, width - 16, line, TRUE) + 2;
    }
  y += 6;
  y += _v21_kit_text (kit, body, INK, MARGIN, y, width, where, TRUE) + 8;
  y += _v21_kit_text (kit, body, INK, MARGIN, y, width, reply, TRUE) + 30;
  y += _v21_kit_text (kit, body, INK, MARGIN + width / 2, y, width / 2, sign, TRUE) + 40;
  _v21_kit_rule (kit, MARGIN + width / 2, y, width / 2, 0.5, RULE);
  if (sponsor != NULL)
    _v21_kit_text (kit, body, INK, MARGIN + width / 2, y + 6, width / 2, sponsor, TRUE);
  _v21_kit_end_page (kit);
}

static void
draw_letters (Kit        *kit,
              const char *reply_by)
{
  V21Collection *people = v21_workshop_get_collection (kit->workshop, "people");

  _v21_kit_open (kit);
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    if (v21_letters_wanted (v21_collection_get (people, i)))
      draw_letter (kit, v21_collection_get (people, i), reply_by);
  _v21_kit_close (kit);
}

gboolean
v21_letters_write (V21Workshop  *workshop,
                   const char   *reply_by,
                   const char   *path,
                   GError      **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  Kit kit = { workshop, NULL };

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  if (v21_letters_count (workshop) == 0)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_VALUE,
                   _("Nobody is to invite, invited or without reply: there is no letter to write"));
      return FALSE;
    }
  /* Translators: the title of the letters' PDF document. */
  title = g_strdup_printf (_("%s — invitations"), v21_workshop_get_title (workshop));
  kit.surface = _v21_kit_pdf_surface (bytes, title);
  kit.n_pages = v21_letters_count (workshop);
  draw_letters (&kit, reply_by);
  return _v21_kit_save_pdf (kit.surface, bytes, path, _("Could not draw the letters: %s"), error);
}
