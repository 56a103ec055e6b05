/* v21-robustness-page.h — the robustness grid: challenges × current answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_ROBUSTNESS_PAGE (v21_robustness_page_get_type ())
G_DECLARE_FINAL_TYPE (V21RobustnessPage, v21_robustness_page, V21, ROBUSTNESS_PAGE, AdwBin)

GtkWidget *v21_robustness_page_new (V21Workshop *workshop);

G_END_DECLS
