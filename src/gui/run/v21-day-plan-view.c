/* v21-day-plan-view.c — the rest of the day on the live page, pushed back live
 *
 * What is true without a screen (the drift, the times pushed back) is in
 * src/core/v21-day-plan.c; this only shows it, like SessionLab's tracker: a
 * late run moves every time after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-day-plan-view"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-cards.h"
#include "v21-day-plan-view.h"
#include "v21-widgets.h"

struct _V21DayPlanView
{
  AdwBin      parent_instance;

  V21Session *session;      /* borrowed: the workshop holds it */
  GtkWidget  *grid;
  GtkWidget  *end_label;
  GtkWidget  *rows[V21_DAY_PLAN_VIEW_ROWS][3];   /* planned, expected, title */
  guint       refresh_id;
};

G_DEFINE_FINAL_TYPE (V21DayPlanView, v21_day_plan_view, ADW_TYPE_BIN)

static void
set_text (GtkWidget  *label,
          const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
}

static void
show_row (V21DayPlanView    *self,
          guint              row,
          const V21PlanItem *item)
{
  g_autofree char *planned = v21_day_plan_format_time (item->planned);
  g_autofree char *expected = v21_day_plan_format_time (item->expected);
  gboolean moved = g_strcmp0 (planned, expected) != 0;
  g_autofree char *description = NULL;

  set_text (self->rows[row][0], planned);
  set_text (self->rows[row][1], moved ? expected : "");
  set_text (self->rows[row][2], v21_text (item->sequence, "title"));
  if (moved)
    gtk_widget_add_css_class (self->rows[row][0], "v21-plan-moved");
  else
    gtk_widget_remove_css_class (self->rows[row][0], "v21-plan-moved");
  if (item->expected > item->planned)
    gtk_widget_add_css_class (self->rows[row][1], "warning");
  else
    gtk_widget_remove_css_class (self->rows[row][1], "warning");
  /* Translators: a sequence of the rest of the day, read by a screen reader:
   * "Pause, prévue à 11:15, maintenant à 11:27" */
  description = moved ? g_strdup_printf (_("%s, planned at %s, now at %s"), v21_text (item->sequence, "title"),
                                         planned, expected)
                      : g_strdup_printf (_("%s, at %s"), v21_text (item->sequence, "title"), planned);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows[row][2]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

static void
refresh (V21DayPlanView *self)
{
  g_autoptr(V21DayPlan) plan = v21_session_get_day_plan (self->session);
  guint row = 0;

  for (guint i = 0; plan != NULL && i < plan->n_items && row < V21_DAY_PLAN_VIEW_ROWS; i++)
    if (plan->items[i].state == V21_PLAN_COMING)
      show_row (self, row++, &plan->items[i]);
  for (guint r = 0; r < V21_DAY_PLAN_VIEW_ROWS; r++)
    for (guint c = 0; c < 3; c++)
      gtk_widget_set_visible (self->rows[r][c], r < row);
  if (plan != NULL)
    {
      g_autofree char *planned = v21_day_plan_format_time (plan->planned_end);
      g_autofree char *expected = v21_day_plan_format_time (plan->expected_end);
      g_autofree char *text = g_strcmp0 (planned, expected) != 0
                              ? g_strdup_printf (_("End of the day %s (planned %s)"), expected, planned)
                              : g_strdup_printf (_("End of the day planned at %s"), planned);

      set_text (self->end_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), plan != NULL);
}

/* A paused or late run drifts with the clock: look again now and then. */
static gboolean
refresh_timeout (gpointer data)
{
  refresh (data);
  return G_SOURCE_CONTINUE;
}

static void
on_map (V21DayPlanView *self)
{
  refresh (self);
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add_seconds (5, refresh_timeout, self);
}

static void
on_unmap (V21DayPlanView *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
}

static void
v21_day_plan_view_dispose (GObject *object)
{
  V21DayPlanView *self = V21_DAY_PLAN_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->session = NULL;
  G_OBJECT_CLASS (v21_day_plan_view_parent_class)->dispose (object);
}

static void
v21_day_plan_view_class_init (V21DayPlanViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = v21_day_plan_view_dispose;
}

static GtkWidget *
cell (const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static void
v21_day_plan_view_init (V21DayPlanView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (_("Rest of the day"));

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 2);
  for (guint r = 0; r < V21_DAY_PLAN_VIEW_ROWS; r++)
    {
      self->rows[r][0] = cell ("numeric");
      self->rows[r][1] = cell ("numeric");
      self->rows[r][2] = cell (NULL);
      gtk_widget_set_hexpand (self->rows[r][2], TRUE);
      for (guint c = 0; c < 3; c++)
        gtk_grid_attach (GTK_GRID (self->grid), self->rows[r][c], (int) c, (int) r, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), self->grid);
  self->end_label = cell ("dim-label");
  gtk_box_append (GTK_BOX (box), self->end_label);
  gtk_widget_add_css_class (box, "v21-day-plan");
  adw_bin_set_child (ADW_BIN (self), box);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
}

GtkWidget *
v21_day_plan_view_new (V21Session *session)
{
  V21DayPlanView *self;

  g_return_val_if_fail (V21_IS_SESSION (session), NULL);
  self = g_object_new (V21_TYPE_DAY_PLAN_VIEW, NULL);
  self->session = session;
  g_signal_connect_object (session, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "tick", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
  return GTK_WIDGET (self);
}
