/* v21-capture-bar.c — the capture line at the foot of the window
 *
 * The same line as the live page's (v21-capture.h: "m:", "#2" prefixes),
 * there on every page of Run and Results so that a card said while the
 * facilitator is on the Board or the Votes is typed at once. An error shows
 * under the line and keeps what was typed; a card added is quiet: it shows
 * in the lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-capture-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-capture.h"
#include "v21-cards.h"
#include "v21-card-row.h"
#include "v21-capture-bar.h"
#include "v21-session.h"

struct _V21CaptureBar
{
  GtkWidget    parent_instance;

  V21Workshop *workshop;
  const char  *kind;     /* static string from the schema */
  V21Record   *table;
  GtkWidget   *kind_label;
  GtkWidget   *entry;
  GtkWidget   *error_label;
};

G_DEFINE_FINAL_TYPE (V21CaptureBar, v21_capture_bar, GTK_TYPE_WIDGET)

V21Record *
v21_capture_labelled_add (V21Workshop *workshop,
                          const char  *kind,
                          const char  *text,
                          V21Record   *table,
                          V21Record   *sequence,
                          GError     **error)
{
  g_autofree char *label = g_strdup_printf (_("Add the card “%s”"), text);
  V21Record *card;

  v21_workshop_begin_group (workshop, label);
  card = v21_capture_add_card (workshop, kind, text, table, sequence, NULL, error);
  if (card != NULL)
    v21_workshop_end_group (workshop);
  else
    v21_workshop_cancel_group (workshop);
  return card;
}

static void
show_error (V21CaptureBar *self,
            const char    *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->entry, "error");
  else
    gtk_widget_remove_css_class (self->entry, "error");
}

static void
on_changed (V21CaptureBar *self)
{
  show_error (self, NULL);
}

static void
on_activate (V21CaptureBar *self)
{
  g_autoptr(GError) error = NULL;
  V21Session *session = v21_session_get (self->workshop);
  V21Capture capture;
  V21Record *table;

  v21_capture_parse (gtk_editable_get_text (GTK_EDITABLE (self->entry)), &capture);
  table = capture.table ? v21_capture_table (self->workshop, capture.table) : self->table;
  if (capture.table != 0 && table == NULL)
    g_set_error (&error, V21_ERROR, V21_ERROR_VALUE, _("There is no table %d"), capture.table);
  else if (*capture.text == '\0')
    g_set_error_literal (&error, V21_ERROR, V21_ERROR_VALUE, _("A card needs a text"));
  else
    v21_capture_labelled_add (self->workshop, capture.kind ? capture.kind : self->kind, capture.text,
                              table, v21_session_get_sequence (session), &error);
  v21_capture_clear (&capture);
  /* What was typed stays until it makes a card. */
  show_error (self, error ? error->message : NULL);
  if (error == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

static void
update_kind (V21CaptureBar *self)
{
  g_autofree char *kind_class = v21_kind_css_class (self->kind);
  g_autofree char *text = NULL;

  gtk_widget_set_css_classes (self->kind_label, (const char *[]) { "v21-kind", kind_class, NULL });
  text = self->table ? g_strdup_printf ("%s · %s", v21_card_kind_label (self->kind), v21_text (self->table, "name"))
                     : g_strdup (v21_card_kind_label (self->kind));
  gtk_label_set_text (GTK_LABEL (self->kind_label), text);
}

static void
v21_capture_bar_dispose (GObject *object)
{
  V21CaptureBar *self = V21_CAPTURE_BAR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->table);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_capture_bar_parent_class)->dispose (object);
}

static void
v21_capture_bar_class_init (V21CaptureBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = v21_capture_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "v21-capture-bar");
}

static void
v21_capture_bar_init (V21CaptureBar *self)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 4);
  gtk_widget_add_css_class (GTK_WIDGET (self), "toolbar");
  gtk_widget_add_css_class (GTK_WIDGET (self), "v21-capture");
  self->kind = "issue";
  self->kind_label = gtk_label_new (NULL);
  gtk_widget_set_valign (self->kind_label, GTK_ALIGN_CENTER);
  self->entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->entry, TRUE);
  /* Ctrl+Z is the workshop's undo, never what is being typed. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->entry), FALSE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry),
                                  _("Capture a card (Ctrl+L): type what the table says, then Enter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Capture a card"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Prefixes such as “m:” choose the kind, “#2” the table"), -1);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_activate), self);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_changed), self);
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Capture error"), -1);
  gtk_box_append (GTK_BOX (line), self->kind_label);
  gtk_box_append (GTK_BOX (line), self->entry);
  gtk_widget_set_parent (line, GTK_WIDGET (self));
  gtk_widget_set_parent (self->error_label, GTK_WIDGET (self));
}

GtkWidget *
v21_capture_bar_new (V21Workshop *workshop)
{
  V21CaptureBar *self = g_object_new (V21_TYPE_CAPTURE_BAR, NULL);

  self->workshop = g_object_ref (workshop);
  update_kind (self);
  return GTK_WIDGET (self);
}

void
v21_capture_bar_set_context (V21CaptureBar *self,
                             const char    *kind,
                             V21Record     *table)
{
  g_return_if_fail (V21_IS_CAPTURE_BAR (self));
  if (kind != NULL)
    self->kind = kind;
  g_set_object (&self->table, table);
  update_kind (self);
}

void
v21_capture_bar_focus (V21CaptureBar *self)
{
  g_return_if_fail (V21_IS_CAPTURE_BAR (self));
  gtk_widget_grab_focus (self->entry);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}

GtkWidget *
v21_capture_bar_get_entry (V21CaptureBar *self)
{
  g_return_val_if_fail (V21_IS_CAPTURE_BAR (self), NULL);
  return self->entry;
}

const char *
v21_capture_bar_get_error (V21CaptureBar *self)
{
  g_return_val_if_fail (V21_IS_CAPTURE_BAR (self), NULL);
  return gtk_widget_get_visible (self->error_label) ? gtk_label_get_text (GTK_LABEL (self->error_label)) : NULL;
}
