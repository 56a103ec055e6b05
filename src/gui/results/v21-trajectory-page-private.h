/* v21-trajectory-page-private.h — what the tests look at inside the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-trajectory-page.h"
#include "v21-diagram-view.h"

G_BEGIN_DECLS

V21DiagramView *_v21_trajectory_page_get_view   (V21TrajectoryPage *self);
/* Selects the scenario at @position of the list. */
void            _v21_trajectory_page_select     (V21TrajectoryPage *self,
                                                 guint              position);
GtkEditable    *_v21_trajectory_page_get_label_entry (V21TrajectoryPage *self);
GtkDropDown    *_v21_trajectory_page_get_kind_drop_down (V21TrajectoryPage *self);
/* The star that flags the selected point's label as one to keep. */
GtkToggleButton *_v21_trajectory_page_get_highlight_button (V21TrajectoryPage *self);
/* "Add points": while on, a click on the diagram adds one. */
GtkToggleButton *_v21_trajectory_page_get_adding_button (V21TrajectoryPage *self);
GtkSpinButton   *_v21_trajectory_page_get_year_spin (V21TrajectoryPage *self);
GtkTextView     *_v21_trajectory_page_get_narrative_view (V21TrajectoryPage *self);
/* The file chooser of an export in progress, or NULL. */
GtkFileChooserNative *_v21_trajectory_page_get_chooser (V21TrajectoryPage *self);

G_END_DECLS
