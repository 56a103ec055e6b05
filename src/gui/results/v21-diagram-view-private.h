/* v21-diagram-view-private.h — what the tests drive inside V21DiagramView
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-diagram-view.h"
#include "v21-trajectory-diagram.h"

G_BEGIN_DECLS

/* The layout of the last drawing (computed now if there is none). */
V21DiagramLayout *_v21_diagram_view_get_layout (V21DiagramView *self);

/* The input handlers, as the gestures call them, in widget coordinates. */
void _v21_diagram_view_drag_begin  (V21DiagramView *self,
                                    double          x,
                                    double          y);
void _v21_diagram_view_drag_update (V21DiagramView *self,
                                    double          dx,
                                    double          dy);
void _v21_diagram_view_drag_end    (V21DiagramView *self,
                                    double          dx,
                                    double          dy);
gboolean _v21_diagram_view_key     (V21DiagramView  *self,
                                    guint            keyval,
                                    GdkModifierType  state);

G_END_DECLS
