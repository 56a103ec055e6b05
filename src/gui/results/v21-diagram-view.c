/* v21-diagram-view.c — the trajectory diagram as an editable widget
 *
 * The same layout and drawing as every export (v21_diagram_layout_*), with
 * the editor's marks on top: handles on the plain points, a ring around the
 * selected one. Edits go through the workshop, one undo step each (a whole
 * drag is one step).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-diagram-view"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "v21-diagram-view.h"
#include "v21-diagram-view-private.h"

#define DRAG_THRESHOLD 4.0

struct _V21DiagramView
{
  GtkDrawingArea    parent_instance;

  V21Workshop      *workshop;
  char             *scenario;
  gboolean          show_all;
  V21Record        *selected;
  gboolean          backcasting;
  gboolean          adding;        /* a click on an empty spot adds a point */
  char             *new_kind;

  V21DiagramLayout *layout;
  V21RenderStyle    style;
  int               layout_width;
  int               layout_height;

  V21Record        *dragged;
  double            press_x;
  double            press_y;
  double            start_x;
  double            start_y;
  gboolean          in_group;
};

enum
{
  PROP_0,
  PROP_SCENARIO,
  PROP_SHOW_ALL,
  PROP_SELECTED,
  PROP_BACKCASTING,
  PROP_NEW_KIND,
  PROP_ADDING,
  N_PROPS
};

enum
{
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (V21DiagramView, v21_diagram_view, GTK_TYPE_DRAWING_AREA)

static void
invalidate (V21DiagramView *self)
{
  g_clear_pointer (&self->layout, v21_diagram_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const char *
layout_scenario (V21DiagramView *self)
{
  return self->show_all ? NULL : self->scenario;
}

V21DiagramLayout *
_v21_diagram_view_get_layout (V21DiagramView *self)
{
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  int height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (self->layout != NULL && (width != self->layout_width || height != self->layout_height
                               || dark != self->style.dark))
    g_clear_pointer (&self->layout, v21_diagram_layout_free);
  if (self->layout == NULL)
    {
      v21_render_style_init (&self->style, V21_RENDER_SCREEN, dark);
      self->layout = v21_diagram_layout_new (self->workshop, layout_scenario (self), width, height, &self->style);
      self->layout_width = width;
      self->layout_height = height;
    }
  return self->layout;
}

/* The points shown, in Tab order: by trajectory, then by year. */

static int
compare_tab_order (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  V21Workshop *workshop = data;
  V21Record *p = *(V21Record * const *) a;
  V21Record *q = *(V21Record * const *) b;
  V21Collection *trajectories = v21_workshop_get_collection (workshop, "trajectories");
  V21Record *tp = v21_workshop_lookup (workshop, v21_record_get_string (p, "trajectory"));
  V21Record *tq = v21_workshop_lookup (workshop, v21_record_get_string (q, "trajectory"));
  guint ip = 0, iq = 0;
  gint64 yp, yq;

  if (tp != tq)
    {
      v21_collection_find (trajectories, tp, &ip);
      v21_collection_find (trajectories, tq, &iq);
      return ip < iq ? -1 : 1;
    }
  yp = v21_record_get_int (p, "year", 0);
  yq = v21_record_get_int (q, "year", 0);
  return yp < yq ? -1 : yp > yq;
}

static GPtrArray *
points_in_order (V21DiagramView *self)
{
  V21Collection *points = v21_workshop_get_collection (self->workshop, "points");
  V21DiagramLayout *layout = _v21_diagram_view_get_layout (self);
  GPtrArray *list = g_ptr_array_new ();
  double x, y;

  for (guint i = 0; i < v21_collection_get_n (points); i++)
    {
      V21Record *point = v21_collection_get (points, i);

      if (v21_diagram_layout_get_position (layout, point, &x, &y))
        g_ptr_array_add (list, point);
    }
  g_ptr_array_sort_with_data (list, compare_tab_order, self->workshop);
  return list;
}

/* Accessibility: the selected point, said in words. */
static void
update_description (V21DiagramView *self)
{
  g_autofree char *text = NULL;

  if (self->selected != NULL)
    {
      const char *label = v21_record_get_string (self->selected, "label");

      /* Translators: describes the selected point of the diagram for screen readers. */
      text = g_strdup_printf (_("Selected point: %ld, %s, level %.2f"),
                              (long) v21_record_get_int (self->selected, "year", 0),
                              label != NULL && label[0] != '\0' ? label : _("no label"),
                              v21_record_get_double (self->selected, "level", 0));
    }
  else
    text = g_strdup (_("No point selected. Tab selects one, Insert adds one."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

void
v21_diagram_view_set_selected (V21DiagramView *self,
                               V21Record      *point)
{
  g_return_if_fail (V21_IS_DIAGRAM_VIEW (self));

  if (self->selected == point)
    return;
  g_set_object (&self->selected, point);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

V21Record *
v21_diagram_view_get_selected (V21DiagramView *self)
{
  g_return_val_if_fail (V21_IS_DIAGRAM_VIEW (self), NULL);
  return self->selected;
}

static void
on_workshop_changed (V21DiagramView *self)
{
  V21Collection *points = v21_workshop_get_collection (self->workshop, "points");

  if (self->selected != NULL && !v21_collection_find (points, self->selected, NULL))
    v21_diagram_view_set_selected (self, NULL);
  update_description (self);
  invalidate (self);
}

/* Drawing */

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        data)
{
  V21DiagramView *self = V21_DIAGRAM_VIEW (area);
  V21DiagramLayout *layout = _v21_diagram_view_get_layout (self);
  g_autoptr(GPtrArray) points = NULL;
  double r = self->style.marker_size, x, y;

  v21_diagram_layout_draw (layout, cr);

  /* Plain points only shape the path: a small handle shows where to grab them. */
  points = points_in_order (self);
  for (guint i = 0; i < points->len; i++)
    {
      V21Record *point = g_ptr_array_index (points, i);
      const char *label = v21_record_get_string (point, "label");

      if (g_strcmp0 (v21_record_get_string (point, "kind"), "milestone") != 0 || (label != NULL && label[0] != '\0'))
        continue;
      v21_diagram_layout_get_position (layout, point, &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r * 0.6, 0, 2 * G_PI);
    }
  v21_render_set_color (cr, &self->style.background, 1.0);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, self->style.hairline * 1.5);
  v21_render_set_color (cr, &self->style.muted, 1.0);
  cairo_stroke (cr);

  if (self->selected != NULL && v21_diagram_layout_get_position (layout, self->selected, &x, &y))
    {
      cairo_arc (cr, x, y, r * 2.6, 0, 2 * G_PI);
      cairo_set_line_width (cr, 2.5);
      v21_render_set_color (cr, &self->style.today, 1.0);
      cairo_stroke (cr);
    }
}

/* Editing */

static const char *
style_for_scenario (V21Record *scenario)
{
  const char *kind = scenario != NULL ? v21_record_get_string (scenario, "kind") : NULL;

  return kind != NULL && kind[0] != '\0' ? kind : "exploratory";
}

/* Where new points go: the trajectory of the selected point, else the
 * scenario's own (not the shared past), made when @create and missing. */
static V21Record *
current_trajectory (V21DiagramView *self,
                    gboolean        create)
{
  V21Collection *trajectories = v21_workshop_get_collection (self->workshop, "trajectories");
  V21Record *scenario = self->scenario != NULL ? v21_workshop_lookup (self->workshop, self->scenario) : NULL;
  json_object *fields;

  if (self->selected != NULL)
    return v21_workshop_lookup (self->workshop, v21_record_get_string (self->selected, "trajectory"));
  for (guint i = 0; i < v21_collection_get_n (trajectories); i++)
    {
      V21Record *trajectory = v21_collection_get (trajectories, i);

      if (g_strcmp0 (v21_record_get_string (trajectory, "style"), "past") == 0)
        continue;
      if (scenario == NULL || g_strcmp0 (v21_record_get_string (trajectory, "scenario"), self->scenario) == 0)
        return trajectory;
    }
  if (!create || scenario == NULL)
    return NULL;
  fields = json_object_new_object ();
  json_object_object_add (fields, "scenario", json_object_new_string (self->scenario));
  json_object_object_add (fields, "style", json_object_new_string (style_for_scenario (scenario)));
  json_object_object_add (fields, "indicator", json_object_new_string (""));
  json_object_object_add (fields, "unit", json_object_new_string (""));
  return v21_workshop_insert (self->workshop, "trajectories", -1, fields, NULL);
}

/* The vision of @trajectory, and the earliest year of its points from today. */
static V21Record *
backcasting_state (V21DiagramView *self,
                   V21Record      *trajectory,
                   V21Record     **earliest)
{
  V21Collection *points = v21_workshop_get_collection (self->workshop, "points");
  const char *id = trajectory != NULL ? v21_record_get_id (trajectory) : NULL;
  V21Record *vision = NULL;

  *earliest = NULL;
  for (guint i = 0; id != NULL && i < v21_collection_get_n (points); i++)
    {
      V21Record *point = v21_collection_get (points, i);
      const char *kind = v21_record_get_string (point, "kind");

      if (g_strcmp0 (v21_record_get_string (point, "trajectory"), id) != 0 || g_strcmp0 (kind, "action") == 0)
        continue;
      if (g_strcmp0 (kind, "vision") == 0)
        vision = point;
      if (*earliest == NULL || v21_record_get_int (point, "year", 0) < v21_record_get_int (*earliest, "year", 0))
        *earliest = point;
    }
  return vision;
}

char *
v21_diagram_view_get_hint (V21DiagramView *self)
{
  V21Record *trajectory = current_trajectory (self, FALSE);
  V21Record *root = v21_workshop_get_root (self->workshop);
  long today = (long) v21_record_get_int (root, "start_year", 0);
  long horizon = (long) v21_record_get_int (root, "horizon_year", 0);
  V21Record *earliest = NULL;
  V21Record *vision = backcasting_state (self, trajectory, &earliest);
  long year = earliest != NULL ? (long) v21_record_get_int (earliest, "year", 0) : horizon;

  if (vision == NULL)
    return g_strdup_printf (_("Backcasting: click at the level of the vision; it goes at the horizon, %ld."), horizon);
  if (year <= today)
    return g_strdup (_("Backcasting: the trajectory has reached today. Leave backcasting to edit freely."));
  return g_strdup_printf (_("Backcasting: click to add the milestone before %ld, going back toward today (%ld)."),
                          year, today);
}

static V21Record *
insert_point (V21DiagramView *self,
              V21Record      *trajectory,
              int             year,
              double          level,
              const char     *kind,
              const char     *label)
{
  json_object *fields = json_object_new_object ();
  g_autoptr(GError) error = NULL;
  V21Record *point;

  json_object_object_add (fields, "trajectory", json_object_new_string (v21_record_get_id (trajectory)));
  json_object_object_add (fields, "year", json_object_new_int (year));
  json_object_object_add (fields, "level", json_object_new_double (round (CLAMP (level, 0, 1) * 100) / 100));
  json_object_object_add (fields, "label", json_object_new_string (label));
  json_object_object_add (fields, "kind", json_object_new_string (kind));
  json_object_object_add (fields, "card", NULL);
  point = v21_workshop_insert (self->workshop, "points", -1, fields, &error);
  if (point == NULL)
    g_warning ("Could not add a point: %s", error->message);
  return point;
}

V21Record *
v21_diagram_view_add_point (V21DiagramView *self,
                            double          x,
                            double          y)
{
  /* A copy: the edits below replace the layout. */
  V21DiagramGeometry geometry = *v21_diagram_layout_get_geometry (_v21_diagram_view_get_layout (self));
  const V21DiagramGeometry *g = &geometry;
  V21Record *scenario = self->scenario != NULL ? v21_workshop_lookup (self->workshop, self->scenario) : NULL;
  const char *kind = self->new_kind;
  const char *label = "";
  V21Record *trajectory, *point = NULL, *earliest = NULL;
  int year;
  double level;

  g_return_val_if_fail (V21_IS_DIAGRAM_VIEW (self), NULL);

  if (x >= 0)
    v21_diagram_snap (g, x, y, &year, &level);
  else
    {
      /* From the keyboard: five years after the selected point, or after today. */
      year = self->selected != NULL ? (int) v21_record_get_int (self->selected, "year", g->today) + 5 : g->today + 5;
      year = MIN (year, g->horizon);
      level = self->selected != NULL ? v21_record_get_double (self->selected, "level", 0.5) : 0.5;
    }

  v21_workshop_begin_group (self->workshop, _("Add point"));
  trajectory = current_trajectory (self, TRUE);
  if (trajectory != NULL && self->backcasting)
    {
      if (backcasting_state (self, trajectory, &earliest) == NULL)
        {
          kind = "vision";
          year = g->horizon;
          label = scenario != NULL ? v21_record_get_string (scenario, "title") : "";
        }
      else
        {
          int before = (int) v21_record_get_int (earliest, "year", g->today);

          if (before <= g->today)
            trajectory = NULL;
          else if (x >= 0)
            year = CLAMP (year, g->today, before - 1);
          else
            {
              year = MAX (g->today, before - 5);
              level = v21_record_get_double (earliest, "level", 0.5) - 0.05;
            }
        }
    }
  if (trajectory != NULL)
    point = insert_point (self, trajectory, year, level, kind, label);
  v21_workshop_end_group (self->workshop);
  if (point != NULL)
    {
      v21_diagram_view_set_selected (self, point);
      /* A new point wants its label next. */
      g_signal_emit (self, signals[ACTIVATE], 0);
    }
  return point;
}

static gboolean
set_position (V21DiagramView *self,
              V21Record      *point,
              int             year,
              double          level)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  level = round (CLAMP (level, 0.0, 1.0) * 100) / 100;
  if (v21_record_get_int (point, "year", 0) != year)
    {
      if (!v21_workshop_set (self->workshop, point, "year", json_object_new_int (year), &error))
        return FALSE;
      changed = TRUE;
    }
  if (fabs (v21_record_get_double (point, "level", 0) - level) > 1e-9)
    {
      if (!v21_workshop_set (self->workshop, point, "level", json_object_new_double (level), &error))
        return changed;
      changed = TRUE;
    }
  return changed;
}

/* Pointer */

void
_v21_diagram_view_drag_begin (V21DiagramView *self,
                              double          x,
                              double          y)
{
  V21DiagramLayout *layout = _v21_diagram_view_get_layout (self);
  V21Record *point = v21_diagram_layout_find_point (layout, x, y, self->style.marker_size * 2.5 + 4);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->press_x = x;
  self->press_y = y;
  g_set_object (&self->dragged, point);
  if (point != NULL)
    {
      v21_diagram_layout_get_position (layout, point, &self->start_x, &self->start_y);
      v21_diagram_view_set_selected (self, point);
    }
}

void
_v21_diagram_view_drag_update (V21DiagramView *self,
                               double          dx,
                               double          dy)
{
  const V21DiagramGeometry *g;
  int year;
  double level;

  if (self->dragged == NULL || hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  g = v21_diagram_layout_get_geometry (_v21_diagram_view_get_layout (self));
  v21_diagram_snap (g, self->start_x + dx, self->start_y + dy, &year, &level);
  if (g_strcmp0 (v21_record_get_string (self->dragged, "kind"), "action") == 0)
    level = v21_record_get_double (self->dragged, "level", 0);   /* actions sit under the axis */
  if (!self->in_group)
    {
      v21_workshop_begin_group (self->workshop, _("Move point"));
      self->in_group = TRUE;
    }
  set_position (self, self->dragged, year, level);
}

void
_v21_diagram_view_drag_end (V21DiagramView *self,
                            double          dx,
                            double          dy)
{
  cairo_rectangle_t plot_area = v21_diagram_layout_get_geometry (_v21_diagram_view_get_layout (self))->plot;
  const cairo_rectangle_t *plot = &plot_area;
  double x = self->press_x + dx, y = self->press_y + dy;

  if (self->dragged != NULL)
    _v21_diagram_view_drag_update (self, dx, dy);
  if (self->in_group)
    {
      v21_workshop_end_group (self->workshop);
      self->in_group = FALSE;
    }
  /* In the adding mode, a click on an empty spot of the plot adds a point there
   * (otherwise a stray click would change the diagram). */
  if (self->adding && self->dragged == NULL && hypot (dx, dy) < DRAG_THRESHOLD
      && x >= plot->x && x <= plot->x + plot->width && y >= plot->y && y <= plot->y + plot->height)
    v21_diagram_view_add_point (self, x, y);
  g_clear_object (&self->dragged);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               V21DiagramView *self)
{
  _v21_diagram_view_drag_begin (self, x, y);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                V21DiagramView *self)
{
  _v21_diagram_view_drag_update (self, dx, dy);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             V21DiagramView *self)
{
  _v21_diagram_view_drag_end (self, dx, dy);
}

/* Keyboard */

/* Selects the next (or previous) point; FALSE past the last one, so Tab then
 * moves the focus on to the next control. */
static gboolean
select_next (V21DiagramView *self,
             gboolean        backward)
{
  g_autoptr(GPtrArray) points = points_in_order (self);
  guint index = 0;
  int next;

  if (points->len == 0)
    return FALSE;
  if (self->selected == NULL || !g_ptr_array_find (points, self->selected, &index))
    next = backward ? -1 : 0;
  else
    next = (int) index + (backward ? -1 : 1);
  if (next < 0 || next >= (int) points->len)
    {
      v21_diagram_view_set_selected (self, NULL);
      return FALSE;
    }
  v21_diagram_view_set_selected (self, g_ptr_array_index (points, next));
  return TRUE;
}

static void
remove_selected (V21DiagramView *self)
{
  g_autoptr(GPtrArray) points = points_in_order (self);
  g_autoptr(V21Record) point = g_object_ref (self->selected);
  g_autoptr(GError) error = NULL;
  V21Record *next = NULL;
  guint index;

  if (g_ptr_array_find (points, point, &index) && points->len > 1)
    next = g_ptr_array_index (points, index + 1 < points->len ? index + 1 : index - 1);
  if (v21_workshop_remove (self->workshop, point, &error))
    v21_diagram_view_set_selected (self, next);
}

gboolean
_v21_diagram_view_key (V21DiagramView  *self,
                       guint            keyval,
                       GdkModifierType  state)
{
  V21Record *point = self->selected;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      return select_next (self, shift || keyval == GDK_KEY_ISO_Left_Tab);
    case GDK_KEY_Insert:
    case GDK_KEY_KP_Insert:
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
      v21_diagram_view_add_point (self, -1, -1);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->adding)
        {
          v21_diagram_view_set_adding (self, FALSE);
          return TRUE;
        }
      if (point == NULL)
        return FALSE;
      v21_diagram_view_set_selected (self, NULL);
      return TRUE;
    default:
      break;
    }
  if (point == NULL)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      {
        int step = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1;
        int year = (int) v21_record_get_int (point, "year", 0);
        int lower, upper;

        v21_diagram_view_get_year_bounds (self, year, &lower, &upper);
        year = CLAMP (year + step, lower, upper);

        set_position (self, point, year, v21_record_get_double (point, "level", 0));
        return TRUE;
      }
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      {
        double step = keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? V21_LEVEL_STEP : -V21_LEVEL_STEP;

        set_position (self, point, (int) v21_record_get_int (point, "year", 0),
                      v21_record_get_double (point, "level", 0) + step);
        return TRUE;
      }
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      remove_selected (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      g_signal_emit (self, signals[ACTIVATE], 0);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                V21DiagramView        *self)
{
  return _v21_diagram_view_key (self, keyval, state);
}

/* Properties */

void
v21_diagram_view_set_scenario (V21DiagramView *self,
                               const char     *scenario_id)
{
  g_return_if_fail (V21_IS_DIAGRAM_VIEW (self));

  if (g_strcmp0 (self->scenario, scenario_id) == 0)
    return;
  g_free (self->scenario);
  self->scenario = g_strdup (scenario_id);
  v21_diagram_view_set_selected (self, NULL);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
}

const char *
v21_diagram_view_get_scenario (V21DiagramView *self)
{
  g_return_val_if_fail (V21_IS_DIAGRAM_VIEW (self), NULL);
  return self->scenario;
}

void
v21_diagram_view_set_show_all (V21DiagramView *self,
                               gboolean        show_all)
{
  g_return_if_fail (V21_IS_DIAGRAM_VIEW (self));

  if (self->show_all == !!show_all)
    return;
  self->show_all = !!show_all;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ALL]);
}

void
v21_diagram_view_set_backcasting (V21DiagramView *self,
                                  gboolean        backcasting)
{
  g_return_if_fail (V21_IS_DIAGRAM_VIEW (self));

  if (self->backcasting == !!backcasting)
    return;
  self->backcasting = !!backcasting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKCASTING]);
}

gboolean
v21_diagram_view_get_backcasting (V21DiagramView *self)
{
  g_return_val_if_fail (V21_IS_DIAGRAM_VIEW (self), FALSE);
  return self->backcasting;
}

void
v21_diagram_view_set_adding (V21DiagramView *self,
                             gboolean        adding)
{
  g_return_if_fail (V21_IS_DIAGRAM_VIEW (self));

  if (self->adding == !!adding)
    return;
  self->adding = !!adding;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), adding ? "crosshair" : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDING]);
}

gboolean
v21_diagram_view_get_adding (V21DiagramView *self)
{
  g_return_val_if_fail (V21_IS_DIAGRAM_VIEW (self), FALSE);
  return self->adding;
}

/* The years a point may take: the workshop's look-back (ten years before its
 * start) to its horizon, widened to @year when a point is already outside. */
void
v21_diagram_view_get_year_bounds (V21DiagramView *self,
                                  int             year,
                                  int            *lower,
                                  int            *upper)
{
  V21Record *root;
  int start, horizon;

  g_return_if_fail (V21_IS_DIAGRAM_VIEW (self));
  root = v21_workshop_get_root (self->workshop);
  start = (int) v21_record_get_int (root, "start_year", 2026);
  horizon = (int) v21_record_get_int (root, "horizon_year", start + 30);
  *lower = MIN (start - 10, year);
  *upper = MAX (MAX (horizon, start + 1), year);
}

void
v21_diagram_view_set_new_kind (V21DiagramView *self,
                               const char     *kind)
{
  g_return_if_fail (V21_IS_DIAGRAM_VIEW (self));

  if (g_strcmp0 (self->new_kind, kind) == 0)
    return;
  g_free (self->new_kind);
  self->new_kind = g_strdup (kind != NULL ? kind : "milestone");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_KIND]);
}

static void
v21_diagram_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  V21DiagramView *self = V21_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCENARIO: g_value_set_string (value, self->scenario); break;
    case PROP_SHOW_ALL: g_value_set_boolean (value, self->show_all); break;
    case PROP_SELECTED: g_value_set_object (value, self->selected); break;
    case PROP_BACKCASTING: g_value_set_boolean (value, self->backcasting); break;
    case PROP_NEW_KIND: g_value_set_string (value, self->new_kind); break;
    case PROP_ADDING: g_value_set_boolean (value, self->adding); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
v21_diagram_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  V21DiagramView *self = V21_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCENARIO: v21_diagram_view_set_scenario (self, g_value_get_string (value)); break;
    case PROP_SHOW_ALL: v21_diagram_view_set_show_all (self, g_value_get_boolean (value)); break;
    case PROP_SELECTED: v21_diagram_view_set_selected (self, g_value_get_object (value)); break;
    case PROP_BACKCASTING: v21_diagram_view_set_backcasting (self, g_value_get_boolean (value)); break;
    case PROP_NEW_KIND: v21_diagram_view_set_new_kind (self, g_value_get_string (value)); break;
    case PROP_ADDING: v21_diagram_view_set_adding (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
v21_diagram_view_dispose (GObject *object)
{
  V21DiagramView *self = V21_DIAGRAM_VIEW (object);

  if (self->in_group && self->workshop != NULL)
    {
      v21_workshop_end_group (self->workshop);
      self->in_group = FALSE;
    }
  g_clear_object (&self->selected);
  g_clear_object (&self->dragged);
  g_clear_object (&self->workshop);
  g_clear_pointer (&self->layout, v21_diagram_layout_free);
  G_OBJECT_CLASS (v21_diagram_view_parent_class)->dispose (object);
}

static void
v21_diagram_view_finalize (GObject *object)
{
  V21DiagramView *self = V21_DIAGRAM_VIEW (object);

  g_free (self->scenario);
  g_free (self->new_kind);
  G_OBJECT_CLASS (v21_diagram_view_parent_class)->finalize (object);
}

static void
v21_diagram_view_class_init (V21DiagramViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = v21_diagram_view_get_property;
  object_class->set_property = v21_diagram_view_set_property;
  object_class->dispose = v21_diagram_view_dispose;
  object_class->finalize = v21_diagram_view_finalize;

  properties[PROP_SCENARIO] = g_param_spec_string ("scenario", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_ALL] = g_param_spec_boolean ("show-all", NULL, NULL, FALSE,
                                                    G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] = g_param_spec_object ("selected", NULL, NULL, V21_TYPE_RECORD,
                                                   G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BACKCASTING] = g_param_spec_boolean ("backcasting", NULL, NULL, FALSE,
                                                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NEW_KIND] = g_param_spec_string ("new-kind", NULL, NULL, "milestone",
                                                   G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ADDING] = g_param_spec_boolean ("adding", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * V21DiagramView::activate:
   *
   * Enter on a selected point, or a point just added: the page offers to
   * edit its label.
   */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "diagramview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
v21_diagram_view_init (V21DiagramView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->new_kind = g_strdup ("milestone");
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw, NULL, NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Trajectory diagram"), -1);
}

GtkWidget *
v21_diagram_view_new (V21Workshop *workshop)
{
  V21DiagramView *self;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);

  self = g_object_new (V21_TYPE_DIAGRAM_VIEW, NULL);
  self->workshop = g_object_ref (workshop);
  g_signal_connect_object (workshop, "changed", G_CALLBACK (on_workshop_changed), self, G_CONNECT_SWAPPED);
  update_description (self);
  return GTK_WIDGET (self);
}
