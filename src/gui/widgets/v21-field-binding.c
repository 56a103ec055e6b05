/* v21-field-binding.c — a widget that shows and edits one field of a record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-field-binding"

#include "config.h"

#include <string.h>

#include "v21-field-binding.h"
#include "v21-labels.h"
#include "v21-pages.h"

/* How long typing may pause before what was typed is set. */
#define TYPING_PAUSE_MS 800

typedef enum
{
  WIDGET_EDITABLE,
  WIDGET_TEXT_VIEW,
  WIDGET_SPIN,
  WIDGET_COMBO,
  WIDGET_SWITCH,
  WIDGET_CHECK,
} WidgetKind;

struct _V21FieldBinding
{
  GObject         parent_instance;

  GtkWidget      *widget;     /* owns the binding */
  WidgetKind      kind;
  V21Workshop    *workshop;
  V21Record      *record;
  GSignalGroup   *record_signals;  /* its record's "changed::FIELD" only */
  char           *field;
  char           *key;        /* in a nested object, or NULL */
  GPtrArray      *values;     /* of an AdwComboRow: char *, NULL for null */
  gboolean        zero_is_null;
  V21FieldCommit  commit_func;
  gpointer        commit_data;

  guint           timeout;
  gboolean        pending;    /* the widget holds what the model does not */
  gboolean        updating;   /* the binding itself changes the widget */
};

G_DEFINE_FINAL_TYPE (V21FieldBinding, v21_field_binding, G_TYPE_OBJECT)

static GList *pending_bindings;
static guint n_reads;

static void
v21_field_binding_finalize (GObject *object)
{
  V21FieldBinding *self = V21_FIELD_BINDING (object);

  g_clear_handle_id (&self->timeout, g_source_remove);
  pending_bindings = g_list_remove (pending_bindings, self);
  g_clear_object (&self->record_signals);
  g_clear_object (&self->record);
  g_clear_object (&self->workshop);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_free (self->field);
  g_free (self->key);
  G_OBJECT_CLASS (v21_field_binding_parent_class)->finalize (object);
}

static void
v21_field_binding_class_init (V21FieldBindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = v21_field_binding_finalize;
}

static void
v21_field_binding_init (V21FieldBinding *self)
{
}

/* Values */

static json_object *
model_value (V21FieldBinding *self)
{
  json_object *value;

  if (self->record == NULL)
    return NULL;
  value = v21_record_get_value (self->record, self->field);
  if (self->key != NULL)
    return value != NULL ? json_object_object_get (value, self->key) : NULL;
  return value;
}

static char *
widget_text (V21FieldBinding *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  if (self->kind == WIDGET_EDITABLE)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->widget)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static json_object *
widget_value (V21FieldBinding *self)
{
  g_autofree char *text = NULL;
  guint selected;
  int number;

  switch (self->kind)
    {
    case WIDGET_EDITABLE:
    case WIDGET_TEXT_VIEW:
      text = widget_text (self);
      return json_object_new_string (text);
    case WIDGET_SPIN:
      number = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->widget));
      return number == 0 && self->zero_is_null ? NULL : json_object_new_int (number);
    case WIDGET_COMBO:
      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->widget));
      if (self->values == NULL || selected >= self->values->len || g_ptr_array_index (self->values, selected) == NULL)
        return NULL;
      return json_object_new_string (g_ptr_array_index (self->values, selected));
    case WIDGET_SWITCH:
      return json_object_new_boolean (gtk_switch_get_active (GTK_SWITCH (self->widget)));
    case WIDGET_CHECK:
      return json_object_new_boolean (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->widget)));
    default:
      g_return_val_if_reached (NULL);
    }
}

static guint
choice_of (V21FieldBinding *self,
           json_object     *value)
{
  const char *wanted = value != NULL ? json_object_get_string (value) : NULL;

  for (guint i = 0; self->values != NULL && i < self->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->values, i), wanted) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
set_widget_text (V21FieldBinding *self,
                 const char      *text)
{
  g_autofree char *shown = widget_text (self);

  if (g_strcmp0 (shown, text) == 0)
    return;
  if (self->kind == WIDGET_EDITABLE)
    gtk_editable_set_text (GTK_EDITABLE (self->widget), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->widget)), text, -1);
}

/* Shows what the model holds. */
static void
show_model (V21FieldBinding *self)
{
  json_object *value = model_value (self);

  if (self->widget == NULL)
    return;
  n_reads++;
  self->updating = TRUE;
  gtk_widget_remove_css_class (self->widget, "error");
  switch (self->kind)
    {
    case WIDGET_EDITABLE:
    case WIDGET_TEXT_VIEW:
      set_widget_text (self, value != NULL && json_object_is_type (value, json_type_string)
                             ? json_object_get_string (value) : "");
      break;
    case WIDGET_SPIN:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->widget), value != NULL ? json_object_get_int (value) : 0);
      break;
    case WIDGET_COMBO:
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->widget), choice_of (self, value));
      break;
    case WIDGET_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (self->widget), value != NULL && json_object_get_boolean (value));
      break;
    case WIDGET_CHECK:
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->widget), value != NULL && json_object_get_boolean (value));
      break;
    default:
      break;
    }
  self->updating = FALSE;
}

/* The value to set on the record: the nested object with the key changed. */
static json_object *
full_value (V21FieldBinding *self,
            json_object     *value)
{
  json_object *parent = NULL;

  if (self->key == NULL)
    return value;
  if (json_object_deep_copy (v21_record_get_value (self->record, self->field), &parent, NULL) != 0
      || parent == NULL)
    parent = json_object_new_object ();
  json_object_object_add (parent, self->key, value);
  return parent;
}

/* Committing */

static void
forget_pending (V21FieldBinding *self)
{
  g_clear_handle_id (&self->timeout, g_source_remove);
  self->pending = FALSE;
  pending_bindings = g_list_remove (pending_bindings, self);
}

static void
commit (V21FieldBinding *self,
        gboolean         leaving)
{
  g_autoptr(GError) error = NULL;
  json_object *value;
  gboolean ok;

  if (!self->pending)
    return;
  forget_pending (self);
  if (self->record == NULL || self->widget == NULL)
    return;
  value = widget_value (self);
  if (json_object_equal (value, model_value (self)))
    {
      json_object_put (value);
      gtk_widget_remove_css_class (self->widget, "error");
      return;
    }
  value = full_value (self, value);
  if (self->commit_func != NULL)
    ok = self->commit_func (self->workshop, self->record, value, self->commit_data, &error);
  else
    ok = v21_workshop_set (self->workshop, self->record, self->field, value, &error);
  if (ok)
    {
      gtk_widget_remove_css_class (self->widget, "error");
      return;
    }
  gtk_widget_add_css_class (self->widget, "error");
  v21_show_toast (self->widget, error->message, NULL, NULL);
  if (leaving || self->kind == WIDGET_COMBO || self->kind == WIDGET_SWITCH || self->kind == WIDGET_CHECK)
    show_model (self);
}

static gboolean
on_typing_paused (gpointer data)
{
  V21FieldBinding *self = data;

  self->timeout = 0;
  commit (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_widget_changed (V21FieldBinding *self)
{
  if (self->updating || self->record == NULL)
    return;
  if (!self->pending)
    pending_bindings = g_list_prepend (pending_bindings, self);
  self->pending = TRUE;
  g_clear_handle_id (&self->timeout, g_source_remove);
  if (self->kind == WIDGET_COMBO || self->kind == WIDGET_SWITCH || self->kind == WIDGET_CHECK)
    commit (self, FALSE);
  else
    self->timeout = g_timeout_add (TYPING_PAUSE_MS, on_typing_paused, self);
}

static void
on_activated (V21FieldBinding *self)
{
  commit (self, FALSE);
}

static void
on_focus_leave (V21FieldBinding *self)
{
  commit (self, TRUE);
}

static void
on_record_changed (V21FieldBinding *self)
{
  if (!self->pending)
    show_model (self);
}

static void
on_widget_destroyed (V21FieldBinding *self)
{
  forget_pending (self);
  g_signal_group_set_target (self->record_signals, NULL);
  self->widget = NULL;
}

static void
watch_widget (V21FieldBinding *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GObject *source = G_OBJECT (self->widget);
  const char *signal = "changed";

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->widget, focus);
  g_signal_connect_object (self->widget, "destroy", G_CALLBACK (on_widget_destroyed), self, G_CONNECT_SWAPPED);
  switch (self->kind)
    {
    case WIDGET_TEXT_VIEW:
      source = G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->widget)));
      break;
    case WIDGET_SPIN:
      signal = "value-changed";
      break;
    case WIDGET_COMBO:
      signal = "notify::selected";
      break;
    case WIDGET_SWITCH:
      signal = "notify::active";
      break;
    case WIDGET_CHECK:
      signal = "toggled";
      break;
    default:
      break;
    }
  g_signal_connect_object (source, signal, G_CALLBACK (on_widget_changed), self, G_CONNECT_SWAPPED);
  if (ADW_IS_ENTRY_ROW (self->widget))
    g_signal_connect_object (self->widget, "entry-activated", G_CALLBACK (on_activated), self, G_CONNECT_SWAPPED);
  else if (GTK_IS_ENTRY (self->widget))
    g_signal_connect_object (self->widget, "activate", G_CALLBACK (on_activated), self, G_CONNECT_SWAPPED);
}

static WidgetKind
kind_of (GtkWidget *widget)
{
  if (GTK_IS_SPIN_BUTTON (widget))
    return WIDGET_SPIN;
  if (GTK_IS_EDITABLE (widget))
    return WIDGET_EDITABLE;
  if (GTK_IS_TEXT_VIEW (widget))
    return WIDGET_TEXT_VIEW;
  if (ADW_IS_COMBO_ROW (widget))
    return WIDGET_COMBO;
  if (GTK_IS_SWITCH (widget))
    return WIDGET_SWITCH;
  if (GTK_IS_CHECK_BUTTON (widget))
    return WIDGET_CHECK;
  g_return_val_if_reached (WIDGET_EDITABLE);
}

/**
 * v21_field_binding_new:
 *
 * Returns: (transfer none): the binding, owned by @widget
 */
V21FieldBinding *
v21_field_binding_new (GtkWidget   *widget,
                       V21Workshop *workshop,
                       const char  *field)
{
  V21FieldBinding *self;
  g_autofree char *detailed = NULL;
  const char *dot;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  self = g_object_new (V21_TYPE_FIELD_BINDING, NULL);
  self->widget = widget;
  self->kind = kind_of (widget);
  self->workshop = g_object_ref (workshop);
  dot = strchr (field, '.');
  self->field = dot != NULL ? g_strndup (field, dot - field) : g_strdup (field);
  self->key = dot != NULL ? g_strdup (dot + 1) : NULL;
  g_object_set_data_full (G_OBJECT (widget), "v21-field-binding", self, g_object_unref);
  /* An edit elsewhere (another field, another record) re-reads nothing here. */
  self->record_signals = g_signal_group_new (V21_TYPE_RECORD);
  detailed = g_strconcat ("changed::", self->field, NULL);
  g_signal_group_connect_swapped (self->record_signals, detailed, G_CALLBACK (on_record_changed), self);
  watch_widget (self);
  return self;
}

void
v21_field_binding_set_record (V21FieldBinding *self,
                              V21Record       *record)
{
  g_return_if_fail (V21_IS_FIELD_BINDING (self));
  g_return_if_fail (record == NULL || V21_IS_RECORD (record));

  /* What was typed for the previous record goes to it first. */
  commit (self, TRUE);
  g_set_object (&self->record, record);
  g_signal_group_set_target (self->record_signals, self->widget != NULL ? record : NULL);
  if (self->widget != NULL)
    gtk_widget_set_sensitive (self->widget, record != NULL);
  show_model (self);
}

V21Record *
v21_field_binding_get_record (V21FieldBinding *self)
{
  g_return_val_if_fail (V21_IS_FIELD_BINDING (self), NULL);
  return self->record;
}

void
v21_field_binding_set_choices (V21FieldBinding    *self,
                               const char * const *values,
                               const char * const *labels)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  g_return_if_fail (V21_IS_FIELD_BINDING (self));
  g_return_if_fail (self->kind == WIDGET_COMBO);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  self->values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_ptr_array_add (self->values, g_strdup (values[i]));
      gtk_string_list_append (model, labels[i]);
    }
  self->updating = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->widget), G_LIST_MODEL (model));
  self->updating = FALSE;
  show_model (self);
}

void
v21_field_binding_set_enum_choices (V21FieldBinding *self,
                                    const char      *domain)
{
  const char * const *values = v21_label_values (domain);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; values[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) v21_label (domain, values[i]));
  g_ptr_array_add (labels, NULL);
  v21_field_binding_set_choices (self, values, (const char * const *) labels->pdata);
}

static char *
record_label (V21Record *record)
{
  const char *code = v21_record_get_string (record, "code");
  const char *title = v21_record_get_string (record, "title");

  if (title == NULL)
    return g_strdup (v21_record_get_string (record, "name") ?: v21_record_get_id (record));
  if (code != NULL && code[0] != '\0')
    return g_strdup_printf ("%s — %s", code, title);
  return g_strdup (title);
}

void
v21_field_binding_set_record_choices (V21FieldBinding *self,
                                      const char      *collection,
                                      const char      *none)
{
  V21Collection *records = v21_workshop_get_collection (self->workshop, collection);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (values, NULL);
  g_ptr_array_add (labels, g_strdup (none));
  for (guint i = 0; i < v21_collection_get_n (records); i++)
    {
      V21Record *record = v21_collection_get (records, i);

      g_ptr_array_add (values, g_strdup (v21_record_get_id (record)));
      g_ptr_array_add (labels, record_label (record));
    }
  g_ptr_array_add (labels, NULL);
  v21_field_binding_set_choices (self, (const char * const *) values->pdata, (const char * const *) labels->pdata);
}

void
v21_field_binding_set_zero_is_null (V21FieldBinding *self,
                                    gboolean         zero_is_null)
{
  g_return_if_fail (V21_IS_FIELD_BINDING (self));
  self->zero_is_null = zero_is_null;
}

void
v21_field_binding_set_commit_func (V21FieldBinding *self,
                                   V21FieldCommit   func,
                                   gpointer         data)
{
  g_return_if_fail (V21_IS_FIELD_BINDING (self));
  self->commit_func = func;
  self->commit_data = data;
}

V21FieldBinding *
v21_field_binding_new_in (GPtrArray   *group,
                          gpointer     widget,
                          V21Workshop *workshop,
                          const char  *field)
{
  V21FieldBinding *binding = v21_field_binding_new (GTK_WIDGET (widget), workshop, field);

  g_ptr_array_add (group, binding);
  return binding;
}

void
v21_field_bindings_set_record (GPtrArray *group,
                               V21Record *record)
{
  for (guint i = 0; i < group->len; i++)
    v21_field_binding_set_record (g_ptr_array_index (group, i), record);
}

void
v21_field_binding_flush_all (void)
{
  while (pending_bindings != NULL)
    commit (pending_bindings->data, FALSE);
}

/* How many times a binding re-read its field, for the tests. */
guint
_v21_field_binding_get_n_reads (void)
{
  return n_reads;
}
