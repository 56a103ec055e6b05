/* v21-diagram-view.h — the trajectory diagram as an editable widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_DIAGRAM_VIEW (v21_diagram_view_get_type ())
G_DECLARE_FINAL_TYPE (V21DiagramView, v21_diagram_view, V21, DIAGRAM_VIEW, GtkDrawingArea)

/* Draws v21_render_trajectories() and edits its points: in the adding mode
 * ("adding"), a click on an empty spot adds a point; Insert adds one at any
 * time; a drag moves one (whole years, levels 0–1), Tab selects
 * the next point, the arrows move it by a year or by a level step, Delete
 * removes it, Enter emits "activate" (the page then edits its label).
 * Every change goes through the workshop, so it is undoable.
 *
 * Properties: "scenario" (string, nullable: the scenario being edited),
 * "show-all" (gboolean: overlay every trajectory), "selected" (V21Record, a
 * point or NULL), "backcasting" (gboolean), "new-kind" (string: the kind of
 * the points a click adds), "adding" (gboolean). Signal "activate" (no arguments). */

GtkWidget  *v21_diagram_view_new             (V21Workshop    *workshop);
void        v21_diagram_view_set_scenario    (V21DiagramView *self,
                                              const char     *scenario_id);
const char *v21_diagram_view_get_scenario    (V21DiagramView *self);
void        v21_diagram_view_set_show_all    (V21DiagramView *self,
                                              gboolean        show_all);
V21Record  *v21_diagram_view_get_selected    (V21DiagramView *self);
void        v21_diagram_view_set_selected    (V21DiagramView *self,
                                              V21Record      *point);
void        v21_diagram_view_set_backcasting (V21DiagramView *self,
                                              gboolean        backcasting);
gboolean    v21_diagram_view_get_backcasting (V21DiagramView *self);
void        v21_diagram_view_set_new_kind    (V21DiagramView *self,
                                              const char     *kind);
void        v21_diagram_view_set_adding      (V21DiagramView *self,
                                              gboolean        adding);
gboolean    v21_diagram_view_get_adding      (V21DiagramView *self);
/* The years a point at @year may take (see the .c). */
void        v21_diagram_view_get_year_bounds (V21DiagramView *self,
                                              int             year,
                                              int            *lower,
                                              int            *upper);

/* What backcasting asks for next, as a sentence for the user (translated). */
char       *v21_diagram_view_get_hint        (V21DiagramView *self);

/* Adds a point as a click at (@x, @y) would (or as Insert does, when @x < 0);
 * returns it, or NULL when nothing was added. */
V21Record  *v21_diagram_view_add_point       (V21DiagramView *self,
                                              double          x,
                                              double          y);

G_END_DECLS
