/* v21-day-plan-view.h — the rest of the day on the live page, pushed back live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-session.h"

G_BEGIN_DECLS

#define V21_TYPE_DAY_PLAN_VIEW (v21_day_plan_view_get_type ())
G_DECLARE_FINAL_TYPE (V21DayPlanView, v21_day_plan_view, V21, DAY_PLAN_VIEW, AdwBin)

/* The sequences that follow the session's current one in its day (at most
 * V21_DAY_PLAN_VIEW_ROWS), each at its planned time and, when the run moved
 * it, at the time it now gets; then the day's end (v21-day-plan.h). */
#define V21_DAY_PLAN_VIEW_ROWS 4

GtkWidget *v21_day_plan_view_new (V21Session *session);

G_END_DECLS
