/* v21-run-sheet-page.h — the days as timed sequences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_RUN_SHEET_PAGE (v21_run_sheet_page_get_type ())
G_DECLARE_FINAL_TYPE (V21RunSheetPage, v21_run_sheet_page, V21, RUN_SHEET_PAGE, AdwBin)

/* Each day with its sequences and their start times, the day's end and any
 * overrun; the selected sequence's title, duration, format, exercise,
 * instructions, private notes and the exercise's material. Sequences move by
 * dragging or with Alt+Up and Alt+Down (across days at the edges). Actions
 * ("run-sheet." prefix): move-up, move-down, remove, add-exercise (s: an
 * exercise id), add-block (i: a V21Block). */
GtkWidget *v21_run_sheet_page_new          (V21Workshop     *workshop);
V21Record *v21_run_sheet_page_get_selected (V21RunSheetPage *self);
void       v21_run_sheet_page_select       (V21RunSheetPage *self,
                                            V21Record       *sequence);

G_END_DECLS
