/* test-calendar.c — the days' calendar file, read back with libical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <glib.h>
#include <libical/ical.h>

#include "test-util.h"
#include "v21-calendar.h"

static const char *
tzid_of (icalproperty *property)
{
  icalparameter *tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);

  g_assert_nonnull (tzid);
  return icalparameter_get_tzid (tzid);
}

static void
assert_time (icalcomponent      *event,
             icalproperty_kind   kind,
             const char         *expected)
{
  icalproperty *property = icalcomponent_get_first_property (event, kind);
  struct icaltimetype time = kind == ICAL_DTSTART_PROPERTY ? icalproperty_get_dtstart (property)
                                                           : icalproperty_get_dtend (property);
  g_autofree char *text = g_strdup_printf ("%04d-%02d-%02d %02d:%02d", time.year, time.month, time.day,
                                           time.hour, time.minute);

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (tzid_of (property), ==, "Europe/Paris");
}

/* The demo's two days: 18 March 2027 9:00–17:30, 19 March 9:00–17:00, in Paris time. */
static void
test_demo_days (void)
{
  g_autoptr(V21Workshop) w = test_load_demo ();
  g_autofree char *ics = v21_calendar_ics (w);
  icalcomponent *calendar = icalparser_parse_string (ics);
  icalcomponent *zone;
  icalcomponent *event;
  guint n = 0;

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  zone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  g_assert_nonnull (zone);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (zone, ICAL_TZID_PROPERTY)), ==,
                   "Europe/Paris");
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  assert_time (event, ICAL_DTSTART_PROPERTY, "2027-03-18 09:00");
  assert_time (event, ICAL_DTEND_PROPERTY, "2027-03-18 17:30");
  g_assert_cmpstr (icalcomponent_get_location (event), ==,
                   "Salle des fêtes de Marcillé-sur-Sèvre, 2 place du Champ de Foire");
  g_assert_nonnull (strstr (icalcomponent_get_summary (event), "(day 1 of 2)"));
  event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT);
  assert_time (event, ICAL_DTSTART_PROPERTY, "2027-03-19 09:00");
  assert_time (event, ICAL_DTEND_PROPERTY, "2027-03-19 17:00");
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    n++;
  g_assert_cmpuint (n, ==, 2);
  icalcomponent_free (calendar);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/calendar/demo-days", test_demo_days);
  return g_test_run ();
}
