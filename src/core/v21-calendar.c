/* v21-calendar.c — the seminar's days as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-calendar"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "v21-calendar.h"
#include "v21-file-io.h"

#define TZID "Europe/Paris"

/* The rules in force since 1996, which is all a seminar's days need. */
static const char paris[] =
  "BEGIN:VTIMEZONE\r\nTZID:" TZID "\r\nX-LIC-LOCATION:" TZID "\r\n"
  "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
  "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
  "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
  "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
  "END:VTIMEZONE\r\n";

/* "2027-03-18" and "09:00" as a local time property of Paris. */
static icalproperty *
local_time (icalproperty *(*make) (struct icaltimetype),
            const char    *date,
            const char    *time)
{
  g_autofree char *text = g_strdup_printf ("%.4s%.2s%.2sT%.2s%.2s00", date, date + 5, date + 8, time, time + 3);
  icalproperty *property = make (icaltime_from_string (text));

  icalproperty_add_parameter (property, icalparameter_new_tzid (TZID));
  return property;
}

static icalcomponent *
day_event (V21Workshop *workshop,
           V21Record   *day,
           guint        number,
           guint        n_days)
{
  V21Record *root = v21_workshop_get_root (workshop);
  const char *date = v21_record_get_string (day, "date");
  const char *venue = v21_record_get_string (root, "venue");
  g_autofree char *uid = g_strdup_printf ("%s-%s@visions21", v21_record_get_id (root), v21_record_get_id (day));
  /* Translators: an event of the calendar file: "Atelier de prospective (jour 1 sur 2)". */
  g_autofree char *summary = g_strdup_printf (_("%s (day %u of %u)"), v21_workshop_get_title (workshop),
                                              number, n_days);
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ())));
  icalcomponent_add_property (event, local_time (icalproperty_new_dtstart, date, v21_record_get_string (day, "start")));
  icalcomponent_add_property (event, local_time (icalproperty_new_dtend, date, v21_record_get_string (day, "end")));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (venue != NULL && venue[0] != '\0')
    icalcomponent_add_property (event, icalproperty_new_location (venue));
  return event;
}

char *
v21_calendar_ics (V21Workshop *workshop)
{
  V21Collection *days = v21_workshop_get_collection (workshop, "days");
  guint n = v21_collection_get_n (days);
  icalcomponent *calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                                 icalproperty_new_version ("2.0"),
                                                 icalproperty_new_prodid ("-//Visions+21//Visions+21//FR"),
                                                 icalproperty_new_calscale ("GREGORIAN"),
                                                 (void *) 0);
  char *text;
  char *copy;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  icalcomponent_add_component (calendar, icalcomponent_new_from_string (paris));
  for (guint i = 0; i < n; i++)
    icalcomponent_add_component (calendar, day_event (workshop, v21_collection_get (days, i), i + 1, n));
  text = icalcomponent_as_ical_string_r (calendar);
  copy = g_strdup (text);
  free (text);
  icalcomponent_free (calendar);
  return copy;
}

gboolean
v21_calendar_write (V21Workshop  *workshop,
                    const char   *path,
                    GError      **error)
{
  g_autofree char *text = v21_calendar_ics (workshop);

  return v21_file_write_atomic (path, text, strlen (text), FALSE, error);
}
