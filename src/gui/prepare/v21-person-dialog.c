/* v21-person-dialog.c — adding or editing one participant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-labels.h"
#include "v21-pages.h"
#include "v21-person-dialog.h"

struct _V21PersonDialog
{
  AdwWindow       parent_instance;

  V21Workshop    *workshop;
  V21Record      *person;       /* NULL: a new person */
  GPtrArray      *table_ids;    /* char *, NULL first for no table */
  gboolean        category_optional;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *organisation_row;
  AdwEntryRow    *email_row;
  AdwComboRow    *category_row;
  AdwComboRow    *role_row;
  AdwComboRow    *table_row;
  GtkSwitch      *locked_switch;
  GtkSwitch      *consent_switch;
};

G_DEFINE_FINAL_TYPE (V21PersonDialog, v21_person_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The choices of an enumeration, with "Not set" first when @none is given. */
static void
fill_choices (AdwComboRow *row,
              const char  *domain,
              const char  *none,
              const char  *current)
{
  const char * const *values = v21_label_values (domain);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint offset = none != NULL ? 1 : 0;
  guint selected = 0;

  if (none != NULL)
    gtk_string_list_append (labels, none);
  for (guint i = 0; values[i] != NULL; i++)
    {
      gtk_string_list_append (labels, v21_label (domain, values[i]));
      if (g_strcmp0 (values[i], current) == 0)
        selected = i + offset;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
}

static const char *
chosen (AdwComboRow *row,
        const char  *domain,
        gboolean     has_none)
{
  guint selected = adw_combo_row_get_selected (row);

  if (has_none && selected == 0)
    return NULL;
  return v21_label_values (domain)[selected - (has_none ? 1 : 0)];
}

static void
fill_tables (V21PersonDialog *self,
             V21Record       *current)
{
  V21Collection *tables = v21_workshop_get_collection (self->workshop, "tables");
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  self->table_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->table_ids, NULL);
  gtk_string_list_append (labels, _("No table"));
  for (guint i = 0; i < v21_collection_get_n (tables); i++)
    {
      V21Record *table = v21_collection_get (tables, i);

      g_ptr_array_add (self->table_ids, g_strdup (v21_record_get_id (table)));
      gtk_string_list_append (labels, v21_record_get_string (table, "name"));
      if (table == current)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->table_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->table_row, selected);
}

static void
on_name_changed (V21PersonDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), name[0] != '\0');
}

/* The person's fields as the dialog shows them, in the file format's order. */
static json_object *
dialog_fields (V21PersonDialog *self)
{
  json_object *fields = json_object_new_object ();
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *organisation = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organisation_row))));
  g_autofree char *email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
  const char *category = chosen (self->category_row, "category", self->category_optional);
  const char *table = g_ptr_array_index (self->table_ids, adw_combo_row_get_selected (self->table_row));

  json_object_object_add (fields, "name", json_object_new_string (name));
  json_object_object_add (fields, "organisation", json_object_new_string (organisation));
  /* A category cannot be unset once given (the format has no null for it). */
  if (category != NULL)
    json_object_object_add (fields, "category", json_object_new_string (category));
  json_object_object_add (fields, "role", json_object_new_string (chosen (self->role_row, "role", FALSE)));
  json_object_object_add (fields, "table", table ? json_object_new_string (table) : NULL);
  json_object_object_add (fields, "email", json_object_new_string (email));
  json_object_object_add (fields, "consent", json_object_new_boolean (gtk_switch_get_active (self->consent_switch)));
  json_object_object_add (fields, "locked", json_object_new_boolean (gtk_switch_get_active (self->locked_switch)));
  return fields;
}

/* Sets each field that changed, as one step. */
static gboolean
save_changes (V21PersonDialog  *self,
              json_object      *fields,
              GError          **error)
{
  gboolean ok = TRUE;

  v21_workshop_begin_group (self->workshop, _("Edit a participant"));
  json_object_object_foreach (fields, key, value)
    {
      json_object *current = v21_record_get_value (self->person, key);

      if (ok && !json_object_equal (current, value))
        ok = v21_workshop_set (self->workshop, self->person, key, json_object_get (value), error);
    }
  v21_workshop_end_group (self->workshop);
  return ok;
}

static void
on_save_clicked (V21PersonDialog *self)
{
  g_autoptr(json_object) fields = NULL;
  g_autoptr(GError) error = NULL;
  V21Record *person = self->person;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;
  fields = dialog_fields (self);
  if (person != NULL)
    {
      if (!save_changes (self, fields, &error))
        person = NULL;
    }
  else
    {
      person = v21_workshop_insert (self->workshop, "people", -1, json_object_get (fields), &error);
    }
  if (person == NULL)
    {
      v21_show_toast (GTK_WIDGET (self->name_row), error->message, NULL, NULL);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, person);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
v21_person_dialog_dispose (GObject *object)
{
  V21PersonDialog *self = V21_PERSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), V21_TYPE_PERSON_DIALOG);
  g_clear_object (&self->person);
  g_clear_object (&self->workshop);
  g_clear_pointer (&self->table_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (v21_person_dialog_parent_class)->dispose (object);
}

static void
v21_person_dialog_class_init (V21PersonDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = v21_person_dialog_dispose;

  /**
   * V21PersonDialog::saved:
   * @person: the person added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, V21_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/visions21/Atelier/v21-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, V21PersonDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, V21PersonDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, V21PersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, V21PersonDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, V21PersonDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, V21PersonDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, V21PersonDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, V21PersonDialog, table_row);
  gtk_widget_class_bind_template_child (widget_class, V21PersonDialog, locked_switch);
  gtk_widget_class_bind_template_child (widget_class, V21PersonDialog, consent_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
v21_person_dialog_init (V21PersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
fill (V21PersonDialog *self,
      V21Record       *table)
{
  V21Record *person = self->person;
  const char *table_id = person ? v21_record_get_string (person, "table") : NULL;
  const char *category;

  adw_window_title_set_title (self->window_title, person ? _("Edit Participant") : _("New Participant"));
  gtk_button_set_label (self->save_button, person ? _("_Save") : _("_Add"));
  if (person != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), v21_record_get_string (person, "name") ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), v21_record_get_string (person, "organisation") ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), v21_record_get_string (person, "email") ?: "");
      gtk_switch_set_active (self->locked_switch, v21_record_get_bool (person, "locked"));
      gtk_switch_set_active (self->consent_switch, v21_record_get_bool (person, "consent"));
      table = table_id ? v21_workshop_lookup (self->workshop, table_id) : NULL;
    }
  category = person ? v21_record_get_string (person, "category") : NULL;
  self->category_optional = category == NULL;
  fill_choices (self->category_row, "category", category == NULL ? _("Not set") : NULL, category);
  fill_choices (self->role_row, "role", NULL, person ? v21_record_get_string (person, "role") : "participant");
  fill_tables (self, table);
  on_name_changed (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

V21PersonDialog *
v21_person_dialog_new (GtkWindow   *parent,
                       V21Workshop *workshop,
                       V21Record   *person,
                       V21Record   *table)
{
  V21PersonDialog *self;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  self = g_object_new (V21_TYPE_PERSON_DIALOG, "transient-for", parent, NULL);
  self->workshop = g_object_ref (workshop);
  self->person = person != NULL ? g_object_ref (person) : NULL;
  fill (self, table);
  return self;
}
