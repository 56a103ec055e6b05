/* v21-widgets.c — small helpers the pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-cards.h"
#include "v21-widgets.h"

static void
setup_string (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_string (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkListItemFactory *
string_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_string), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_string), NULL);
  return factory;
}

/* Screen readers look at the drop-down's button; a long name is ellipsized in
 * the button (not in the list), so that it does not widen the page. */
/* The first widget of @type under @widget (not @widget), depth first. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
v21_name_dropdown (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) shown = string_factory (TRUE);
  g_autoptr(GtkListItemFactory) listed = string_factory (FALSE);

  gtk_drop_down_set_factory (dropdown, shown);
  gtk_drop_down_set_list_factory (dropdown, listed);
  const char *name = gtk_widget_get_tooltip_text (GTK_WIDGET (dropdown));
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));

  GtkWidget *search;

  if (name == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* The search entry of its popup (enable-search), and the text inside it. */
  search = find_descendant (GTK_WIDGET (dropdown), GTK_TYPE_SEARCH_ENTRY);
  for (GtkWidget *w = search; w != NULL; w = find_descendant (w, GTK_TYPE_TEXT))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the list"), -1);
      if (GTK_IS_TEXT (w))
        break;
    }
}

GtkStringList *
v21_names_of (V21Workshop *workshop,
              const char  *collection,
              const char  *field,
              const char  *first)
{
  V21Collection *list = v21_workshop_get_collection (workshop, collection);
  GtkStringList *names = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (names, first);
  for (guint i = 0; i < v21_collection_get_n (list); i++)
    gtk_string_list_append (names, v21_text (v21_collection_get (list, i), field));
  return names;
}

void
v21_set_names (GtkDropDown   *dropdown,
               GtkStringList *names)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  if (selected < g_list_model_get_n_items (G_LIST_MODEL (names)))
    gtk_drop_down_set_selected (dropdown, selected);
  g_object_unref (names);
}

gboolean
v21_has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
on_list_tab (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             GtkWidget             *list)
{
  GtkDirectionType direction;

  if (keyval == GDK_KEY_ISO_Left_Tab || ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && (state & GDK_SHIFT_MASK)))
    direction = GTK_DIR_TAB_BACKWARD;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = GTK_DIR_TAB_FORWARD;
  else
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  /* A widget that cannot take the focus is skipped by the focus chain,
   * which then goes on from the list to its neighbours. */
  gtk_widget_set_can_focus (list, FALSE);
  g_signal_emit_by_name (list, "move-focus", direction);
  gtk_widget_set_can_focus (list, TRUE);
  return TRUE;
}

void
v21_list_tab_leaves (GtkWidget *list)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_if_fail (GTK_IS_WIDGET (list));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_tab), list);
  gtk_widget_add_controller (list, keys);
}
