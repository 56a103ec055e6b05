/* v21-trajectory-page.h — "Scenarios and trajectories": narratives and diagrams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_TRAJECTORY_PAGE (v21_trajectory_page_get_type ())
G_DECLARE_FINAL_TYPE (V21TrajectoryPage, v21_trajectory_page, V21, TRAJECTORY_PAGE, GtkWidget)

GtkWidget *v21_trajectory_page_new (V21Workshop *workshop);

G_END_DECLS
