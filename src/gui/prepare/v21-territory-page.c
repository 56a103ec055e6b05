/* v21-territory-page.c — the territory, the framing, the horizon and the days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-territory-page"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-day-row.h"
#include "v21-field-binding.h"
#include "v21-pages.h"
#include "v21-run-sheet.h"
#include "v21-territory-page.h"

struct _V21TerritoryPage
{
  AdwBin          parent_instance;

  V21Workshop    *workshop;

  AdwEntryRow    *title_row;
  AdwEntryRow    *venue_row;
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  GtkSpinButton  *population_spin;
  GtkTextView    *context_view;
  AdwComboRow    *framework_row;
  GtkTextView    *goal_view;
  GtkSpinButton  *start_spin;
  GtkSpinButton  *horizon_spin;
  AdwActionRow   *horizon_row;
  AdwActionRow   *horizon_warning;
  GtkListBox     *days_list;
};

G_DEFINE_FINAL_TYPE (V21TerritoryPage, v21_territory_page, ADW_TYPE_BIN)

static void
bind (V21TerritoryPage *self,
      gpointer          widget,
      const char       *field)
{
  V21FieldBinding *binding = v21_field_binding_new (GTK_WIDGET (widget), self->workshop, field);

  v21_field_binding_set_record (binding, v21_workshop_get_root (self->workshop));
}

/* An enumeration of the file format, in a combo row. */
static void
bind_choices (V21TerritoryPage *self,
              AdwComboRow      *row,
              const char       *field,
              const char       *domain)
{
  V21FieldBinding *binding = v21_field_binding_new (GTK_WIDGET (row), self->workshop, field);

  v21_field_binding_set_enum_choices (binding, domain);
  v21_field_binding_set_record (binding, v21_workshop_get_root (self->workshop));
}

/* The start year moves the horizon along when it would pass it, keeping the
 * distance between them: one undo step. */
static gboolean
commit_start_year (V21Workshop  *workshop,
                   V21Record    *root,
                   json_object  *value,
                   gpointer      data,
                   GError      **error)
{
  gint64 start = json_object_get_int64 (value);
  gint64 old_start = v21_record_get_int (root, "start_year", 0);
  gint64 horizon = v21_record_get_int (root, "horizon_year", 0);
  gboolean ok = TRUE;

  v21_workshop_begin_group (workshop, _("Change the start year"));
  if (start >= horizon)
    ok = v21_workshop_set (workshop, root, "horizon_year", json_object_new_int64 (start + MAX (horizon - old_start, 1)), error);
  if (ok)
    ok = v21_workshop_set (workshop, root, "start_year", value, error);
  else
    json_object_put (value);
  v21_workshop_end_group (workshop);
  return ok;
}

static void
update_horizon (V21TerritoryPage *self)
{
  V21Record *root = v21_workshop_get_root (self->workshop);

  v21_show_horizon (GTK_WIDGET (self->horizon_row), GTK_WIDGET (self->horizon_warning),
                    v21_record_get_int (root, "start_year", 0), v21_record_get_int (root, "horizon_year", 0));
}

/* A day added or removed renumbers the others: all rows are made again. */
static void
on_days_changed (V21TerritoryPage *self)
{
  V21Collection *days = v21_workshop_get_collection (self->workshop, "days");
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->days_list))) != NULL)
    gtk_list_box_remove (self->days_list, row);
  for (guint d = 0; d < v21_collection_get_n (days); d++)
    gtk_list_box_append (self->days_list, v21_day_row_new (self->workshop, v21_collection_get (days, d), d + 1));
}

static void
add_day_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  V21TerritoryPage *self = V21_TERRITORY_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (v21_run_sheet_add_day (self->workshop, &error) == NULL)
    v21_show_toast (widget, error->message, NULL, NULL);
}

static void
v21_territory_page_dispose (GObject *object)
{
  V21TerritoryPage *self = V21_TERRITORY_PAGE (object);

  if (self->workshop != NULL)
    g_signal_handlers_disconnect_by_data (v21_workshop_get_collection (self->workshop, "days"), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), V21_TYPE_TERRITORY_PAGE);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_territory_page_parent_class)->dispose (object);
}

static void
v21_territory_page_class_init (V21TerritoryPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = v21_territory_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/visions21/Atelier/v21-territory-page.ui");
  gtk_widget_class_bind_template_child (widget_class, V21TerritoryPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, V21TerritoryPage, venue_row);
  gtk_widget_class_bind_template_child (widget_class, V21TerritoryPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, V21TerritoryPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, V21TerritoryPage, population_spin);
  gtk_widget_class_bind_template_child (widget_class, V21TerritoryPage, context_view);
  gtk_widget_class_bind_template_child (widget_class, V21TerritoryPage, framework_row);
  gtk_widget_class_bind_template_child (widget_class, V21TerritoryPage, goal_view);
  gtk_widget_class_bind_template_child (widget_class, V21TerritoryPage, start_spin);
  gtk_widget_class_bind_template_child (widget_class, V21TerritoryPage, horizon_spin);
  gtk_widget_class_bind_template_child (widget_class, V21TerritoryPage, horizon_row);
  gtk_widget_class_bind_template_child (widget_class, V21TerritoryPage, horizon_warning);
  gtk_widget_class_bind_template_child (widget_class, V21TerritoryPage, days_list);
  gtk_widget_class_install_action (widget_class, "territory.add-day", NULL, add_day_action);
}

static void
v21_territory_page_init (V21TerritoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
v21_territory_page_new (V21Workshop *workshop)
{
  V21TerritoryPage *self;
  V21FieldBinding *binding;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);

  self = g_object_new (V21_TYPE_TERRITORY_PAGE, NULL);
  self->workshop = g_object_ref (workshop);
  bind (self, self->title_row, "title");
  bind (self, self->venue_row, "venue");
  bind (self, self->name_row, "territory.name");
  bind_choices (self, self->kind_row, "territory.kind", "territory_kind");
  binding = v21_field_binding_new (GTK_WIDGET (self->population_spin), workshop, "territory.population");
  v21_field_binding_set_zero_is_null (binding, TRUE);
  v21_field_binding_set_record (binding, v21_workshop_get_root (workshop));
  bind (self, self->context_view, "territory.context");
  bind_choices (self, self->framework_row, "framework", "framework");
  bind (self, self->goal_view, "political_goal");
  binding = v21_field_binding_new (GTK_WIDGET (self->start_spin), workshop, "start_year");
  v21_field_binding_set_commit_func (binding, commit_start_year, NULL);
  v21_field_binding_set_record (binding, v21_workshop_get_root (workshop));
  bind (self, self->horizon_spin, "horizon_year");

  g_signal_connect_object (workshop, "changed", G_CALLBACK (update_horizon), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (v21_workshop_get_collection (workshop, "days"), "items-changed",
                           G_CALLBACK (on_days_changed), self, G_CONNECT_SWAPPED);
  update_horizon (self);
  on_days_changed (self);
  return GTK_WIDGET (self);
}
