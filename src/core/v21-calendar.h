/* v21-calendar.h — the seminar's days as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* One event per day of @workshop, from its start to its end, in Europe/Paris
 * time (with its VTIMEZONE), at the workshop's venue. Made with libical. */
char     *v21_calendar_ics   (V21Workshop  *workshop);
/* Writes it atomically; refuses a target that is not a regular file. */
gboolean  v21_calendar_write (V21Workshop  *workshop,
                              const char   *path,
                              GError      **error);

G_END_DECLS
