/* v21-card-row.c — one card in a list: its kind, its table and its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-card-row"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-capture.h"
#include "v21-cards.h"
#include "v21-card-row.h"

struct _V21CardRow
{
  GtkWidget  parent_instance;

  GtkWidget *kind;
  GtkWidget *text;
  GtkWidget *table;
  char      *kind_class;

  /* The card shown, followed so that an edit (a correction) shows at once. */
  V21Workshop *workshop;
  V21Record   *card;
  gulong       changed_id;
};

G_DEFINE_FINAL_TYPE (V21CardRow, v21_card_row, GTK_TYPE_WIDGET)

char *
v21_kind_css_class (const char *kind)
{
  return g_strdup_printf ("v21-kind-%s", kind != NULL && *kind ? kind : "none");
}

static void
v21_card_row_dispose (GObject *object)
{
  V21CardRow *self = V21_CARD_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->card != NULL)
    g_clear_signal_handler (&self->changed_id, self->card);
  g_clear_object (&self->card);
  g_clear_object (&self->workshop);
  g_clear_pointer (&self->kind_class, g_free);
  G_OBJECT_CLASS (v21_card_row_parent_class)->dispose (object);
}

static void
v21_card_row_class_init (V21CardRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = v21_card_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "v21-card-row");
}

static void
v21_card_row_init (V21CardRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  self->kind = gtk_label_new (NULL);
  self->text = gtk_label_new (NULL);
  self->table = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->kind, "v21-kind");
  gtk_widget_set_valign (self->kind, GTK_ALIGN_CENTER);
  gtk_label_set_width_chars (GTK_LABEL (self->kind), 12);
  gtk_label_set_xalign (GTK_LABEL (self->text), 0);
  gtk_label_set_wrap (GTK_LABEL (self->text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (self->text, TRUE);
  gtk_widget_add_css_class (self->table, "dim-label");
  gtk_widget_set_parent (self->kind, GTK_WIDGET (self));
  gtk_widget_set_parent (self->text, GTK_WIDGET (self));
  gtk_widget_set_parent (self->table, GTK_WIDGET (self));
}

GtkWidget *
v21_card_row_new (void)
{
  return g_object_new (V21_TYPE_CARD_ROW, NULL);
}

static void
show_card (V21CardRow *self)
{
  V21Record *card = self->card;
  const char *kind = card ? v21_text (card, "kind") : "";
  V21Record *table = card ? v21_workshop_lookup (self->workshop, v21_text (card, "table")) : NULL;
  g_autofree char *label = card ? g_strdup_printf ("%s: %s", v21_card_kind_label (kind), v21_text (card, "text"))
                                : NULL;

  if (self->kind_class != NULL)
    gtk_widget_remove_css_class (self->kind, self->kind_class);
  g_free (self->kind_class);
  self->kind_class = v21_kind_css_class (kind);
  gtk_widget_add_css_class (self->kind, self->kind_class);
  gtk_label_set_text (GTK_LABEL (self->kind), card ? v21_card_kind_label (kind) : "");
  gtk_label_set_text (GTK_LABEL (self->text), card ? v21_text (card, "text") : "");
  gtk_label_set_text (GTK_LABEL (self->table), table ? v21_text (table, "name") : "");
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
v21_card_row_set_card (V21CardRow  *self,
                       V21Workshop *workshop,
                       V21Record   *card)
{
  g_return_if_fail (V21_IS_CARD_ROW (self));
  if (self->card != NULL)
    g_clear_signal_handler (&self->changed_id, self->card);
  g_set_object (&self->workshop, workshop);
  g_set_object (&self->card, card);
  if (card != NULL)
    self->changed_id = g_signal_connect_swapped (card, "changed", G_CALLBACK (show_card), self);
  show_card (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  gtk_list_item_set_child (item, v21_card_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          V21Workshop              *workshop)
{
  v21_card_row_set_card (V21_CARD_ROW (gtk_list_item_get_child (item)), workshop, gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  V21CardRow *row = V21_CARD_ROW (gtk_list_item_get_child (item));

  if (row->card != NULL)
    g_clear_signal_handler (&row->changed_id, row->card);
  g_clear_object (&row->card);
}

GtkListItemFactory *
v21_card_row_factory_new (V21Workshop *workshop)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), workshop, 0);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  return factory;
}
