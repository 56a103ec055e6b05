/* v21-material-page.c — future news articles, challenge sheets, trend cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-material-page"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-field-binding.h"
#include "v21-kit-export.h"
#include "v21-labels.h"
#include "v21-material-page.h"
#include "v21-pages.h"

struct _V21MaterialPage
{
  AdwBin          parent_instance;

  V21Workshop    *workshop;
  V21Record      *selected;
  GPtrArray      *bindings;
  gboolean        rebuilding;
  gboolean        stale;      /* changed while out of sight */

  GtkDropDown    *kind_filter;
  GtkListBox     *material_list;
  GtkStack       *details_stack;
  AdwEntryRow    *title_row;
  AdwComboRow    *kind_row;
  GtkSpinButton  *year_spin;
  AdwComboRow    *exercise_row;
  AdwEntryRow    *source_row;
  GtkTextView    *body_view;
};

G_DEFINE_FINAL_TYPE (V21MaterialPage, v21_material_page, ADW_TYPE_BIN)

/* The kinds in the order of the filter's entries, after "All material". */
static const char *
filtered_kind (V21MaterialPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_filter);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? NULL : v21_label_values ("material_kind")[selected - 1];
}

static const char *
kind_icon (const char *kind)
{
  static const struct { const char *kind, *icon; } icons[] = {
    { "article", "x-office-document-symbolic" }, { "challenge", "dialog-warning-symbolic" },
    { "trend", "go-up-symbolic" }, { "portrait", "mark-location-symbolic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    if (g_strcmp0 (icons[i].kind, kind) == 0)
      return icons[i].icon;
  return "emblem-documents-symbolic";
}

static char *
material_caption (V21MaterialPage *self,
                  V21Record       *material)
{
  V21Record *exercise = v21_workshop_lookup (self->workshop, v21_record_get_string (material, "exercise"));
  GString *caption = g_string_new (v21_label ("material_kind", v21_record_get_string (material, "kind")));
  gint64 year = v21_record_get_int (material, "year", 0);

  if (year > 0)
    g_string_append_printf (caption, " · %ld", (long) year);
  if (exercise != NULL)
    g_string_append_printf (caption, " · %s", v21_record_get_string (exercise, "code") ?: "");
  return g_string_free (caption, FALSE);
}

static GtkWidget *
material_row (V21MaterialPage *self,
              V21Record       *material)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *caption = material_caption (self, material);
  GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon (v21_record_get_string (material, "kind")));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), v21_record_get_string (material, "title"));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data_full (G_OBJECT (row), "v21-material", g_object_ref (material), g_object_unref);
  return row;
}

static void select_material (V21MaterialPage *self,
                             V21Record       *material);

static void
rebuild (V21MaterialPage *self)
{
  V21Collection *materials = v21_workshop_get_collection (self->workshop, "materials");
  const char *kind = filtered_kind (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean focused = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->material_list));
  GtkWidget *row;

  self->rebuilding = TRUE;
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->material_list))) != NULL)
    gtk_list_box_remove (self->material_list, row);
  for (guint i = 0; i < v21_collection_get_n (materials); i++)
    {
      V21Record *material = v21_collection_get (materials, i);

      if (kind != NULL && g_strcmp0 (v21_record_get_string (material, "kind"), kind) != 0)
        continue;
      row = material_row (self, material);
      gtk_list_box_append (self->material_list, row);
      if (material == self->selected)
        {
          gtk_list_box_select_row (self->material_list, GTK_LIST_BOX_ROW (row));
          if (focused)
            gtk_widget_grab_focus (row);
        }
    }
  self->rebuilding = FALSE;
}

static void
select_material (V21MaterialPage *self,
                 V21Record       *material)
{
  g_set_object (&self->selected, material);
  v21_field_bindings_set_record (self->bindings, material);
  gtk_stack_set_visible_child_name (self->details_stack, material ? "details" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "material.remove", material != NULL);
}

static void
on_row_selected (V21MaterialPage *self,
                 GtkListBoxRow   *row)
{
  if (!self->rebuilding)
    select_material (self, row ? g_object_get_data (G_OBJECT (row), "v21-material") : NULL);
}

static void
on_filter_changed (V21MaterialPage *self)
{
  if (self->workshop != NULL)
    rebuild (self);
}

static void
on_workshop_changed (V21MaterialPage *self)
{
  if (self->selected != NULL && v21_workshop_lookup (self->workshop, v21_record_get_id (self->selected)) == NULL)
    select_material (self, NULL);
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->stale)
    rebuild (self);
}

static void
on_map (V21MaterialPage *self)
{
  if (self->stale)
    on_workshop_changed (self);
}

/* Actions */

static V21Record *
exercise_with_code (V21MaterialPage *self,
                    const char      *code)
{
  V21Collection *exercises = v21_workshop_get_collection (self->workshop, "exercises");

  for (guint i = 0; i < v21_collection_get_n (exercises); i++)
    if (g_strcmp0 (v21_record_get_string (v21_collection_get (exercises, i), "code"), code) == 0)
      return v21_collection_get (exercises, i);
  return NULL;
}

/* A new article is set fifteen years ahead for T1; a challenge ten years
 * ahead for T2; trend cards go with T1. */
static json_object *
new_material (V21MaterialPage *self,
              const char      *kind)
{
  static const struct { const char *kind, *title, *code; int years; } defaults[] = {
    { "article", N_("New future news article"), "T1", 15 },
    { "challenge", N_("New challenge"), "T2", 10 },
    { "trend", N_("New trend"), "T1", -1 },
    { "portrait", N_("Portrait of the territory"), NULL, 0 },
  };
  gint64 start = v21_record_get_int (v21_workshop_get_root (self->workshop), "start_year", 2026);
  json_object *fields = json_object_new_object ();

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      V21Record *exercise;

      if (g_strcmp0 (defaults[i].kind, kind) != 0)
        continue;
      exercise = defaults[i].code ? exercise_with_code (self, defaults[i].code) : NULL;
      json_object_object_add (fields, "kind", json_object_new_string (kind));
      json_object_object_add (fields, "title", json_object_new_string (_(defaults[i].title)));
      json_object_object_add (fields, "year", defaults[i].years >= 0 ? json_object_new_int64 (start + defaults[i].years) : NULL);
      json_object_object_add (fields, "body", json_object_new_string (""));
      json_object_object_add (fields, "source", json_object_new_string (""));
      json_object_object_add (fields, "exercise", exercise ? json_object_new_string (v21_record_get_id (exercise)) : NULL);
    }
  return fields;
}

static void
add_action (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  V21MaterialPage *self = V21_MATERIAL_PAGE (widget);
  g_autoptr(GError) error = NULL;
  V21Record *material;

  material = v21_workshop_insert (self->workshop, "materials", -1,
                                  new_material (self, g_variant_get_string (parameter, NULL)), &error);
  if (material == NULL)
    {
      v21_show_toast (widget, error->message, NULL, NULL);
      return;
    }
  gtk_drop_down_set_selected (self->kind_filter, 0);
  select_material (self, material);
  rebuild (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
remove_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  V21MaterialPage *self = V21_MATERIAL_PAGE (widget);
  g_autoptr(V21Record) material = self->selected ? g_object_ref (self->selected) : NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (material == NULL)
    return;
  message = g_strdup_printf (_("“%s” deleted"), v21_record_get_string (material, "title"));
  select_material (self, NULL);
  if (!v21_workshop_remove (self->workshop, material, &error))
    v21_show_toast (widget, error->message, NULL, NULL);
  else
    v21_show_toast (widget, message, _("_Undo"), "win.undo");
}

static void
export_kit_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  v21_kit_export (widget, V21_MATERIAL_PAGE (widget)->workshop);
}

/* Building */

static void
bind_details (V21MaterialPage *self)
{
  GPtrArray *group = self->bindings;
  V21Workshop *workshop = self->workshop;

  v21_field_binding_new_in (group, self->title_row, workshop, "title");
  v21_field_binding_set_enum_choices (v21_field_binding_new_in (group, self->kind_row, workshop, "kind"),
                                      "material_kind");
  v21_field_binding_set_zero_is_null (v21_field_binding_new_in (group, self->year_spin, workshop, "year"), TRUE);
  v21_field_binding_set_record_choices (v21_field_binding_new_in (group, self->exercise_row, workshop, "exercise"),
                                        "exercises", _("None"));
  v21_field_binding_new_in (group, self->source_row, workshop, "source");
  v21_field_binding_new_in (group, self->body_view, workshop, "body");
}

static void
v21_material_page_dispose (GObject *object)
{
  V21MaterialPage *self = V21_MATERIAL_PAGE (object);

  if (self->workshop != NULL)
    g_signal_handlers_disconnect_by_data (self->workshop, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), V21_TYPE_MATERIAL_PAGE);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->selected);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_material_page_parent_class)->dispose (object);
}

static void
v21_material_page_class_init (V21MaterialPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = v21_material_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/visions21/Atelier/v21-material-page.ui");
  gtk_widget_class_bind_template_child (widget_class, V21MaterialPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, V21MaterialPage, material_list);
  gtk_widget_class_bind_template_child (widget_class, V21MaterialPage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, V21MaterialPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, V21MaterialPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, V21MaterialPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, V21MaterialPage, exercise_row);
  gtk_widget_class_bind_template_child (widget_class, V21MaterialPage, source_row);
  gtk_widget_class_bind_template_child (widget_class, V21MaterialPage, body_view);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_install_action (widget_class, "material.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "material.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "material.export-kit", NULL, export_kit_action);
}

static void
v21_material_page_init (V21MaterialPage *self)
{
  self->bindings = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 does not pass a drop-down's name to the button inside it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->kind_filter))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show"), -1);
}

GtkWidget *
v21_material_page_new (V21Workshop *workshop)
{
  V21MaterialPage *self;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  self = g_object_new (V21_TYPE_MATERIAL_PAGE, NULL);
  self->workshop = g_object_ref (workshop);
  bind_details (self);
  g_signal_connect_object (workshop, "changed", G_CALLBACK (on_workshop_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  rebuild (self);
  select_material (self, NULL);
  return GTK_WIDGET (self);
}
