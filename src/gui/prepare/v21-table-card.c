/* v21-table-card.c — one table: its name, colour, members and their mix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-table-card"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-field-binding.h"
#include "v21-labels.h"
#include "v21-pages.h"
#include "v21-table-assign.h"
#include "v21-table-card.h"

struct _V21TableCard
{
  GtkBox          parent_instance;

  V21Workshop    *workshop;
  V21Record      *table;        /* NULL: the people at no table */
  GtkColorButton *color_button;
  GtkWidget      *name;         /* GtkEditableLabel, or GtkLabel for no table */
  GtkLabel       *count;
  GtkLabel       *mix;
  GtkBox         *members;
  GPtrArray      *shown;        /* the members, when last read */
  gboolean        stale;        /* changed while out of sight */
};

G_DEFINE_FINAL_TYPE (V21TableCard, v21_table_card, GTK_TYPE_BOX)

static guint n_reads;

/* Moving people */

gboolean
v21_table_card_move_person (GtkWidget   *widget,
                            V21Workshop *workshop,
                            V21Record   *person,
                            V21Record   *table)
{
  const char *id = table != NULL ? v21_record_get_id (table) : NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (v21_record_get_string (person, "table"), id) == 0)
    return TRUE;
  if (!v21_workshop_set (workshop, person, "table", id ? json_object_new_string (id) : NULL, &error))
    {
      v21_show_toast (widget, error->message, NULL, NULL);
      return FALSE;
    }
  if (table != NULL)
    message = g_strdup_printf (_("%s moved to %s"), v21_record_get_string (person, "name"),
                               v21_record_get_string (table, "name"));
  else
    message = g_strdup_printf (_("%s is at no table"), v21_record_get_string (person, "name"));
  v21_show_toast (widget, message, _("_Undo"), "win.undo");
  return TRUE;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *widget)
{
  V21Record *person = g_object_get_data (G_OBJECT (widget), "v21-person");
  g_autoptr(GdkPaintable) icon = NULL;

  if (person == NULL)
    return NULL;
  icon = gtk_widget_paintable_new (widget);
  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);
  return gdk_content_provider_new_typed (G_TYPE_STRING, v21_record_get_id (person));
}

void
v21_table_card_drag_source (GtkWidget *widget,
                            V21Record *person)
{
  GtkDragSource *source = gtk_drag_source_new ();

  if (person != NULL)
    g_object_set_data_full (G_OBJECT (widget), "v21-person", g_object_ref (person), g_object_unref);
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), widget);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (source));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         V21TableCard  *self)
{
  V21Record *person = v21_workshop_lookup (self->workshop, g_value_get_string (value));

  if (person == NULL || g_strcmp0 (v21_record_get_collection (person), "people") != 0)
    return FALSE;
  return v21_table_card_move_person (GTK_WIDGET (self), self->workshop, person, self->table);
}

/* Showing */

static GtkWidget *
member_row (V21Record *person)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (v21_record_get_string (person, "name"));
  const char *category = v21_record_get_string (person, "category");
  GtkWidget *kind = gtk_label_new (v21_label ("category", category));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  if (v21_record_get_bool (person, "locked"))
    {
      GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      gtk_widget_set_tooltip_text (lock, _("Stays at this table when tables are assigned"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Locked"), -1);
      gtk_box_append (GTK_BOX (box), lock);
    }
  gtk_box_append (GTK_BOX (box), kind);
  gtk_widget_set_tooltip_text (box, v21_record_get_string (person, "organisation"));
  v21_table_card_drag_source (box, person);
  return box;
}

/* "Elected officials 1 · Staff 2 …" in the order of the file format. */
static char *
mix_of (GPtrArray *people)
{
  const char * const *categories = v21_label_values ("category");
  GString *line = g_string_new (NULL);

  for (guint c = 0; categories[c] != NULL; c++)
    {
      guint n = 0;

      for (guint i = 0; i < people->len; i++)
        n += g_strcmp0 (v21_record_get_string (g_ptr_array_index (people, i), "category"), categories[c]) == 0;
      if (n > 0)
        g_string_append_printf (line, "%s%s %u", line->len ? " · " : "", v21_label ("category", categories[c]), n);
    }
  return g_string_free (line, FALSE);
}

static void
show_color (V21TableCard *self)
{
  GdkRGBA color;

  if (self->table != NULL && gdk_rgba_parse (&color, v21_record_get_string (self->table, "color") ?: "#5e5c64"))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &color);
}

static void
update (V21TableCard *self)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *count = NULL;
  g_autofree char *mix = NULL;
  GtkWidget *child;

  if (self->table != NULL && v21_workshop_lookup (self->workshop, v21_record_get_id (self->table)) == NULL)
    return;
  /* Out of sight (while the seminar runs, say), the card waits to be shown. */
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->stale)
    return;
  n_reads++;
  members = v21_table_members (self->workshop, self->table);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = g_ptr_array_ref (members);
  count = g_strdup_printf (ngettext ("%u person", "%u people", members->len), members->len);
  mix = mix_of (members);
  gtk_label_set_label (self->count, count);
  gtk_label_set_label (self->mix, mix);
  gtk_widget_set_visible (GTK_WIDGET (self->mix), mix[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->members), members->len > 0);
  if (self->table != NULL)
    show_color (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->members))) != NULL)
    gtk_box_remove (self->members, child);
  for (guint i = 0; i < members->len; i++)
    gtk_box_append (self->members, member_row (g_ptr_array_index (members, i)));
}

/* Only the table itself and its people (now or before the edit) concern the card. */
static void
on_record_changed (V21TableCard *self,
                   V21Record    *record,
                   const char   *field)
{
  const char *id = self->table != NULL ? v21_record_get_id (self->table) : NULL;

  if (record == self->table
      || g_strcmp0 (v21_record_get_string (record, "table"), id) == 0
      || self->shown == NULL || g_ptr_array_find (self->shown, record, NULL))
    update (self);
}

static void
on_map (V21TableCard *self)
{
  if (self->stale)
    update (self);
}

static void
on_color_set (V21TableCard *self)
{
  GdkRGBA color;
  g_autofree char *hex = NULL;
  g_autoptr(GError) error = NULL;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &color);
  hex = g_strdup_printf ("#%02x%02x%02x", (int) (color.red * 255 + 0.5), (int) (color.green * 255 + 0.5),
                         (int) (color.blue * 255 + 0.5));
  if (!v21_workshop_set (self->workshop, self->table, "color", json_object_new_string (hex), &error))
    v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
}

static void
on_remove_clicked (V21TableCard *self)
{
  g_autofree char *message = g_strdup_printf (_("%s deleted"), v21_record_get_string (self->table, "name"));
  GtkWidget *anchor = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GError) error = NULL;

  if (!v21_workshop_remove (self->workshop, self->table, &error))
    v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
  else if (anchor != NULL)
    v21_show_toast (anchor, message, _("_Undo"), "win.undo");
}

static GtkWidget *
header (V21TableCard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  const char *name = self->table ? v21_record_get_string (self->table, "name") : NULL;

  if (self->table != NULL)
    {
      g_autofree char *color_label = g_strdup_printf (_("Colour of %s"), name);
      g_autofree char *remove_label = g_strdup_printf (_("Delete %s"), name);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      V21FieldBinding *binding;

      self->color_button = GTK_COLOR_BUTTON (gtk_color_button_new ());
      gtk_widget_set_valign (GTK_WIDGET (self->color_button), GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->color_button), color_label);
      /* The button inside takes the focus: it is the one to name. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->color_button))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, color_label, -1);
      g_signal_connect_swapped (self->color_button, "color-set", G_CALLBACK (on_color_set), self);
      self->name = gtk_editable_label_new (name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the table"), -1);
      binding = v21_field_binding_new (self->name, self->workshop, "name");
      v21_field_binding_set_record (binding, self->table);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->color_button));
      gtk_box_append (GTK_BOX (box), self->name);
      gtk_box_append (GTK_BOX (box), remove);
    }
  else
    {
      self->name = gtk_label_new (_("Not at a table"));
      gtk_label_set_xalign (GTK_LABEL (self->name), 0);
      gtk_box_append (GTK_BOX (box), self->name);
    }
  gtk_widget_set_hexpand (self->name, TRUE);
  gtk_widget_add_css_class (self->name, "heading");
  return box;
}

static void
build (V21TableCard *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  self->count = GTK_LABEL (gtk_label_new (NULL));
  self->mix = GTK_LABEL (gtk_label_new (NULL));
  self->members = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  gtk_label_set_wrap (self->mix, TRUE);
  gtk_label_set_xalign (self->mix, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->mix), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->mix), "dim-label");
  gtk_label_set_xalign (self->count, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count), "caption-heading");
  gtk_box_append (GTK_BOX (self), header (self));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->count));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->mix));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->members));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  g_signal_connect_object (self->workshop, "record-changed::tables", G_CALLBACK (on_record_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workshop, "record-changed::people", G_CALLBACK (on_record_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

static void
v21_table_card_dispose (GObject *object)
{
  V21TableCard *self = V21_TABLE_CARD (object);

  if (self->workshop != NULL)
    g_signal_handlers_disconnect_by_data (self->workshop, self);
  g_clear_object (&self->table);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_table_card_parent_class)->dispose (object);
}

static void
v21_table_card_class_init (V21TableCardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = v21_table_card_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "v21-table-card");
}

static void
v21_table_card_init (V21TableCard *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
}

GtkWidget *
v21_table_card_new (V21Workshop *workshop,
                    V21Record   *table)
{
  V21TableCard *self = g_object_new (V21_TYPE_TABLE_CARD, NULL);

  self->workshop = g_object_ref (workshop);
  self->table = table != NULL ? g_object_ref (table) : NULL;
  build (self);
  update (self);
  return GTK_WIDGET (self);
}

V21Record *
v21_table_card_get_table (V21TableCard *self)
{
  g_return_val_if_fail (V21_IS_TABLE_CARD (self), NULL);
  return self->table;
}

/* How many times a table card re-read its table, for the tests. */
guint
_v21_table_card_get_n_reads (void)
{
  return n_reads;
}
