/* v21-checklist-page.c — the preparation steps and their progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-checklist-page"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-checklist-page.h"
#include "v21-field-binding.h"
#include "v21-invitations.h"
#include "v21-letter.h"
#include "v21-table-assign.h"
#include "v21-kit-export.h"
#include "v21-pages.h"
#include "v21-print-kit.h"

struct _V21ChecklistPage
{
  AdwBin          parent_instance;

  V21Workshop    *workshop;

  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkListBox     *items_list;
  GtkListBox     *reminders_list;
  AdwEntryRow    *new_row;
  AdwActionRow   *kit_row;
};

G_DEFINE_FINAL_TYPE (V21ChecklistPage, v21_checklist_page, ADW_TYPE_BIN)

static void
on_remove_clicked (GtkButton        *button,
                   V21ChecklistPage *self)
{
  V21Record *item = g_object_get_data (G_OBJECT (button), "v21-item");
  g_autofree char *message = g_strdup_printf (_("“%s” deleted"), v21_record_get_string (item, "label"));
  g_autoptr(GError) error = NULL;

  if (!v21_workshop_remove (self->workshop, item, &error))
    v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
  else
    v21_show_toast (GTK_WIDGET (self), message, _("_Undo"), "win.undo");
}

/* The wording is edited in a popover, so long steps wrap in the row. */
static GtkWidget *
edit_button (V21ChecklistPage *self,
             V21Record        *item)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *entry = gtk_entry_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-edit-symbolic");
  gtk_widget_set_tooltip_text (button, _("Reword the step"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reword the step"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Step"), -1);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 48);
  gtk_popover_set_child (GTK_POPOVER (popover), entry);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  v21_field_binding_set_record (v21_field_binding_new (entry, self->workshop, "label"), item);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (gtk_popover_popdown), popover);
  return button;
}

static GtkWidget *
item_row (V21ChecklistPage *self,
          V21Record        *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  v21_field_binding_set_record (v21_field_binding_new (check, self->workshop, "done"), item);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_tooltip_text (remove, _("Delete the step"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete the step"), -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "v21-item", g_object_ref (item), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit_button (self, item));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data_full (G_OBJECT (row), "v21-item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "v21-check", check);
  return row;
}

/* Reminders: what the invitations still ask for, in words and an icon. */

static GtkWidget *
reminder_row (const char *title,
              const char *subtitle,
              gboolean    done)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (done ? "emblem-ok-symbolic" : "dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, done ? "success" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  done ? _("Done") : _("To do"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
rebalance_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  V21ChecklistPage *self = V21_CHECKLIST_PAGE (widget);
  guint n_tables = v21_collection_get_n (v21_workshop_get_collection (self->workshop, "tables"));
  g_autoptr(GError) error = NULL;

  if (n_tables == 0)
    return;
  if (!v21_table_assign (self->workshop, n_tables, &error))
    v21_show_toast (widget, error->message, NULL, NULL);
  else
    v21_show_toast (widget, _("Tables rebalanced; locked people stayed"), _("_Undo"), "win.undo");
}

static void
update_reminders (V21ChecklistPage *self)
{
  V21InvitationCounts counts;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint late = v21_letter_count_late_replies (self->workshop, today);
  guint declined = v21_table_count_declined_seated (self->workshop);
  guint to_invite;
  g_autofree char *sent = NULL;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->reminders_list))) != NULL)
    gtk_list_box_remove (self->reminders_list, row);
  v21_invitation_count (self->workshop, &counts);
  to_invite = counts.by_state[V21_INVITATION_TO_INVITE];
  if (to_invite > 0)
    sent = g_strdup_printf (ngettext ("%u person still to invite, of %u", "%u people still to invite, of %u", to_invite),
                            to_invite, counts.people);
  else
    sent = v21_invitation_summary (&counts);
  gtk_list_box_append (self->reminders_list, reminder_row (_("Invitations sent"), sent, to_invite == 0));
  if (late > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u person has not replied: a reminder, or mark them "
                                                         "“No reply” on the Participants page",
                                                         "%u people have not replied: a reminder, or mark them "
                                                         "“No reply” on the Participants page", late),
                                               late);

      gtk_list_box_append (self->reminders_list, reminder_row (_("The reply-by date has passed"), text, FALSE));
    }
  if (declined > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u person who declined still has a seat",
                                                         "%u people who declined still have a seat", declined),
                                               declined);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Rebalance"));

      row = reminder_row (_("Tables to rebalance"), text, FALSE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Assign the tables again without who declined; locked people stay"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "checklist.rebalance");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->reminders_list, row);
    }
}

/* The rows stay (a ticked box keeps the focus); their wording follows. */
static void
update (V21ChecklistPage *self)
{
  V21Collection *items = v21_workshop_get_collection (self->workshop, "checklist");
  guint n = v21_collection_get_n (items);
  guint done = 0;
  g_autofree char *progress = NULL;
  g_autofree char *pages = NULL;
  guint n_pages = v21_print_kit_count_pages (self->workshop);

  for (guint i = 0; i < n; i++)
    done += v21_record_get_bool (v21_collection_get (items, i), "done");
  progress = g_strdup_printf (ngettext ("%u of %u step done", "%u of %u steps done", n), done, n);
  gtk_label_set_label (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, n > 0 ? (double) done / n : 0);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->items_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      V21Record *item = g_object_get_data (G_OBJECT (row), "v21-item");
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "v21-check");
      const char *label = v21_record_get_string (item, "label");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label ? label : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : "", -1);
      if (v21_record_get_bool (item, "done"))
        gtk_widget_add_css_class (row, "v21-done");
      else
        gtk_widget_remove_css_class (row, "v21-done");
    }
  pages = g_strdup_printf (ngettext ("A4 PDF, %u page", "A4 PDF, %u pages", n_pages), n_pages);
  adw_action_row_set_subtitle (self->kit_row, pages);
  update_reminders (self);
}

static void
on_items_changed (V21ChecklistPage *self)
{
  V21Collection *items = v21_workshop_get_collection (self->workshop, "checklist");
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->items_list))) != NULL)
    gtk_list_box_remove (self->items_list, row);
  for (guint i = 0; i < v21_collection_get_n (items); i++)
    gtk_list_box_append (self->items_list, item_row (self, v21_collection_get (items, i)));
  update (self);
}

static void
on_new_step (V21ChecklistPage *self)
{
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_row))));
  json_object *fields;
  g_autoptr(GError) error = NULL;

  if (label[0] == '\0')
    return;
  fields = json_object_new_object ();
  json_object_object_add (fields, "label", json_object_new_string (label));
  json_object_object_add (fields, "done", json_object_new_boolean (FALSE));
  if (v21_workshop_insert (self->workshop, "checklist", -1, fields, &error) == NULL)
    v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
}

static void
export_kit_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  v21_kit_export (widget, V21_CHECKLIST_PAGE (widget)->workshop);
}

static void
v21_checklist_page_dispose (GObject *object)
{
  V21ChecklistPage *self = V21_CHECKLIST_PAGE (object);

  if (self->workshop != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workshop, self);
      g_signal_handlers_disconnect_by_data (v21_workshop_get_collection (self->workshop, "checklist"), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), V21_TYPE_CHECKLIST_PAGE);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_checklist_page_parent_class)->dispose (object);
}

static void
v21_checklist_page_class_init (V21ChecklistPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = v21_checklist_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/visions21/Atelier/v21-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, V21ChecklistPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, V21ChecklistPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, V21ChecklistPage, items_list);
  gtk_widget_class_bind_template_child (widget_class, V21ChecklistPage, reminders_list);
  gtk_widget_class_bind_template_child (widget_class, V21ChecklistPage, new_row);
  gtk_widget_class_bind_template_child (widget_class, V21ChecklistPage, kit_row);
  gtk_widget_class_bind_template_callback (widget_class, on_new_step);
  gtk_widget_class_install_action (widget_class, "checklist.export-kit", NULL, export_kit_action);
  gtk_widget_class_install_action (widget_class, "checklist.rebalance", NULL, rebalance_action);
}

static void
v21_checklist_page_init (V21ChecklistPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
v21_checklist_page_new (V21Workshop *workshop)
{
  V21ChecklistPage *self;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  self = g_object_new (V21_TYPE_CHECKLIST_PAGE, NULL);
  self->workshop = g_object_ref (workshop);
  g_signal_connect_object (workshop, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (v21_workshop_get_collection (workshop, "checklist"), "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  on_items_changed (self);
  return GTK_WIDGET (self);
}
