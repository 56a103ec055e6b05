/* v21-day-row.h — one day of the workshop: its date and hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_DAY_ROW (v21_day_row_get_type ())
G_DECLARE_FINAL_TYPE (V21DayRow, v21_day_row, V21, DAY_ROW, AdwExpanderRow)

/* An expandable row for @day, the @number-th of the workshop: its date and
 * hours, when its run sheet ends (and by how much it overruns); expanded, a
 * calendar and the start and end times; a button deletes it (with its
 * sequences; undoable). */
GtkWidget *v21_day_row_new             (V21Workshop *workshop,
                                        V21Record   *day,
                                        guint        number);

/* How many times any day row re-read its day (tests). */
guint      _v21_day_row_get_n_reads    (void);

/* A spin button that shows and reads minutes after midnight as "HH:MM". */
void       v21_time_spin_button_setup  (GtkSpinButton *spin);

G_END_DECLS
