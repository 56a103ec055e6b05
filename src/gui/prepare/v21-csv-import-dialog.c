/* v21-csv-import-dialog.c — what a CSV import will do, before it does it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-csv-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-csv-import-dialog.h"
#include "v21-labels.h"
#include "v21-pages.h"

/* The preview lists this many people at most (all are imported). */
#define SHOWN_ROWS 200

struct _V21CsvImportDialog
{
  AdwWindow             parent_instance;

  V21Workshop          *workshop;
  V21CsvImport         *import;
  gboolean              updating;

  AdwWindowTitle       *window_title;
  GtkButton            *import_button;
  AdwActionRow         *format_row;
  GtkSwitch            *header_switch;
  GtkListBox           *columns_list;
  AdwPreferencesGroup  *skipped_group;
  GtkListBox           *skipped_list;
  AdwPreferencesGroup  *rows_group;
  GtkListBox           *rows_list;
};

G_DEFINE_FINAL_TYPE (V21CsvImportDialog, v21_csv_import_dialog, ADW_TYPE_WINDOW)

enum { IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
clear (GtkListBox *list)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, row);
}

static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static const char *
field_text (json_object *fields,
            const char  *name)
{
  json_object *value = json_object_object_get (fields, name);

  return value != NULL ? json_object_get_string (value) : NULL;
}

/* "Organisation · Category · Table 2 (new)" */
static char *
row_summary (V21CsvRow *row)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  const char *parts[] = {
    field_text (row->fields, "organisation"),
    field_text (row->fields, "category") ? v21_label ("category", field_text (row->fields, "category")) : NULL,
    g_strcmp0 (field_text (row->fields, "role"), "participant") != 0 ? v21_label ("role", field_text (row->fields, "role")) : NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      g_string_append_printf (summary, "%s%s", summary->len ? " · " : "", parts[i]);
  if (row->table != NULL)
    {
      g_string_append_printf (summary, "%s", summary->len ? " · " : "");
      if (row->new_table)
        g_string_append_printf (summary, _("%s (new)"), row->table);
      else
        g_string_append (summary, row->table);
    }
  return g_strdup (summary->str);
}

static void
show_rows (V21CsvImportDialog *self)
{
  GPtrArray *rows = v21_csv_import_get_rows (self->import);
  GPtrArray *tables = v21_csv_import_get_new_tables (self->import);
  g_autofree char *title = g_strdup_printf (ngettext ("To Import: %u Person", "To Import: %u People", rows->len), rows->len);

  clear (self->rows_list);
  adw_preferences_group_set_title (self->rows_group, title);
  if (tables->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *description = NULL;

      for (guint i = 0; i < tables->len; i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (tables, i));
      description = g_strdup_printf (_("New tables: %s"), names->str);
      adw_preferences_group_set_description (self->rows_group, description);
    }
  else
    {
      adw_preferences_group_set_description (self->rows_group, NULL);
    }
  for (guint i = 0; i < rows->len && i < SHOWN_ROWS; i++)
    {
      V21CsvRow *row = g_ptr_array_index (rows, i);
      g_autofree char *summary = row_summary (row);

      gtk_list_box_append (self->rows_list, plain_row (field_text (row->fields, "name"), summary));
    }
  if (rows->len > SHOWN_ROWS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more person", "and %u more people",
                                                         rows->len - SHOWN_ROWS), rows->len - SHOWN_ROWS);
      gtk_list_box_append (self->rows_list, plain_row (more, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rows_list), rows->len > 0);
}

static void
show_skipped (V21CsvImportDialog *self)
{
  GPtrArray *skipped = v21_csv_import_get_skipped (self->import);
  g_autofree char *title = g_strdup_printf (ngettext ("Skipped: %u Row", "Skipped: %u Rows", skipped->len), skipped->len);

  clear (self->skipped_list);
  adw_preferences_group_set_title (self->skipped_group, title);
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), skipped->len > 0);
  for (guint i = 0; i < skipped->len; i++)
    {
      V21CsvSkip *skip = g_ptr_array_index (skipped, i);
      g_autofree char *line = g_strdup_printf (_("Line %u"), skip->line);
      GtkWidget *row = plain_row (line, skip->reason);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Skipped"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->skipped_list, row);
    }
}

static void
preview (V21CsvImportDialog *self)
{
  g_autofree char *label = NULL;
  guint n;

  v21_csv_import_preview (self->import, self->workshop);
  n = v21_csv_import_get_rows (self->import)->len;
  label = g_strdup_printf (ngettext ("_Import %u Person", "_Import %u People", n), n);
  gtk_button_set_label (self->import_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), n > 0);
  show_rows (self);
  show_skipped (self);
}

static void
show_mapping (V21CsvImportDialog *self)
{
  guint column = 0;

  self->updating = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->columns_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row), column++)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), v21_csv_import_get_mapping (self->import, column));
  self->updating = FALSE;
}

static void
on_mapping_changed (AdwComboRow        *row,
                    GParamSpec         *pspec,
                    V21CsvImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "v21-column"));

  if (self->updating)
    return;
  v21_csv_import_set_mapping (self->import, column, adw_combo_row_get_selected (row));
  show_mapping (self);
  preview (self);
}

static void
show_columns (V21CsvImportDialog *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);

  for (V21CsvField field = 0; field < V21_CSV_N_FIELDS; field++)
    gtk_string_list_append (fields, v21_csv_field_get_label (field));
  clear (self->columns_list);
  for (guint c = 0; c < v21_csv_import_get_n_columns (self->import); c++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *sample = g_strdup_printf (_("For example: %s"), v21_csv_import_get_sample (self->import, c));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), v21_csv_import_get_header (self->import, c));
      if (v21_csv_import_get_sample (self->import, c)[0] != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      g_object_set_data (G_OBJECT (row), "v21-column", GUINT_TO_POINTER (c));
      gtk_list_box_append (self->columns_list, row);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_mapping_changed), self);
    }
  show_mapping (self);
}

static void
on_header_toggled (V21CsvImportDialog *self)
{
  if (self->updating)
    return;
  v21_csv_import_set_has_header (self->import, gtk_switch_get_active (self->header_switch));
  show_columns (self);
  preview (self);
}

static void
on_import_clicked (V21CsvImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!v21_csv_import_apply (self->import, self->workshop, &n, &error))
    {
      v21_show_toast (GTK_WIDGET (self->format_row), error->message, NULL, NULL);
      return;
    }
  g_signal_emit (self, signals[IMPORTED], 0, n);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
v21_csv_import_dialog_dispose (GObject *object)
{
  V21CsvImportDialog *self = V21_CSV_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), V21_TYPE_CSV_IMPORT_DIALOG);
  g_clear_object (&self->import);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_csv_import_dialog_parent_class)->dispose (object);
}

static void
v21_csv_import_dialog_class_init (V21CsvImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = v21_csv_import_dialog_dispose;

  /**
   * V21CsvImportDialog::imported:
   * @n: how many people were added
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/visions21/Atelier/v21-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, V21CsvImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, V21CsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, V21CsvImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, V21CsvImportDialog, header_switch);
  gtk_widget_class_bind_template_child (widget_class, V21CsvImportDialog, columns_list);
  gtk_widget_class_bind_template_child (widget_class, V21CsvImportDialog, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, V21CsvImportDialog, skipped_list);
  gtk_widget_class_bind_template_child (widget_class, V21CsvImportDialog, rows_group);
  gtk_widget_class_bind_template_child (widget_class, V21CsvImportDialog, rows_list);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_header_toggled);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
v21_csv_import_dialog_init (V21CsvImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static char *
separator_name (gunichar separator)
{
  switch (separator)
    {
    case ';':
      return g_strdup (_("semicolons"));
    case ',':
      return g_strdup (_("commas"));
    case '\t':
      return g_strdup (_("tabs"));
    default:
      return g_strdup_printf ("“%c”", (char) separator);
    }
}

V21CsvImportDialog *
v21_csv_import_dialog_new (GtkWindow    *parent,
                           V21Workshop  *workshop,
                           V21CsvImport *import,
                           const char   *file_name)
{
  V21CsvImportDialog *self;
  g_autofree char *separator = NULL;
  g_autofree char *format = NULL;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (V21_IS_CSV_IMPORT (import), NULL);

  self = g_object_new (V21_TYPE_CSV_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->workshop = g_object_ref (workshop);
  self->import = g_object_ref (import);
  adw_window_title_set_subtitle (self->window_title, file_name);
  separator = separator_name (v21_csv_import_get_separator (import));
  /* Translators: how the file is read, e.g. "Windows-1252 (Excel), fields separated by semicolons". */
  format = g_strdup_printf (_("%s, fields separated by %s"),
                            v21_csv_encoding_get_label (v21_csv_import_get_encoding (import)), separator);
  adw_action_row_set_subtitle (self->format_row, format);
  self->updating = TRUE;
  gtk_switch_set_active (self->header_switch, v21_csv_import_get_has_header (import));
  self->updating = FALSE;
  show_columns (self);
  preview (self);
  return self;
}
