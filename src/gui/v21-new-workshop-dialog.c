/* v21-new-workshop-dialog.c — the few things a new workshop needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-new-workshop-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-new-workshop-dialog.h"
#include "v21-pages.h"
#include "v21-run-sheet.h"
#include "v21-workshop-private.h"

/* A seminar is prepared for weeks: the first day defaults to four weeks ahead. */
#define DAYS_AHEAD 28
#define YEARS_AHEAD 30

struct _V21NewWorkshopDialog
{
  AdwWindow      parent_instance;

  int            distance;      /* horizon - start, kept when the start moves */

  GtkButton     *create_button;
  AdwEntryRow   *title_row;
  AdwEntryRow   *territory_row;
  GtkSpinButton *start_spin;
  GtkSpinButton *horizon_spin;
  AdwActionRow  *horizon_row;
  AdwActionRow  *horizon_warning;
  GtkMenuButton *date_button;
  GtkCalendar   *calendar;
  AdwActionRow  *second_day_row;
};

G_DEFINE_FINAL_TYPE (V21NewWorkshopDialog, v21_new_workshop_dialog, ADW_TYPE_WINDOW)

enum { CREATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update_horizon (V21NewWorkshopDialog *self)
{
  int start = gtk_spin_button_get_value_as_int (self->start_spin);
  int horizon = gtk_spin_button_get_value_as_int (self->horizon_spin);

  v21_show_horizon (GTK_WIDGET (self->horizon_row), GTK_WIDGET (self->horizon_warning), start, horizon);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), horizon > start);
}

static void
on_start_changed (V21NewWorkshopDialog *self)
{
  gtk_spin_button_set_value (self->horizon_spin, gtk_spin_button_get_value_as_int (self->start_spin) + self->distance);
  update_horizon (self);
}

static void
on_horizon_changed (V21NewWorkshopDialog *self)
{
  self->distance = gtk_spin_button_get_value_as_int (self->horizon_spin) - gtk_spin_button_get_value_as_int (self->start_spin);
  update_horizon (self);
}

static char *
format_date (GDateTime *date)
{
  /* Translators: a date, e.g. "Thursday 18 March 2027" (see g_date_time_format()). */
  return g_date_time_format (date, _("%A %-d %B %Y"));
}

static void
on_day_selected (V21NewWorkshopDialog *self)
{
  g_autoptr(GDateTime) first = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) second = g_date_time_add_days (first, 1);
  g_autofree char *first_text = format_date (first);
  g_autofree char *second_text = format_date (second);

  gtk_menu_button_set_label (self->date_button, first_text);
  adw_action_row_set_subtitle (self->second_day_row, second_text);
  gtk_menu_button_popdown (self->date_button);
}

V21Workshop *
v21_new_workshop_dialog_create (V21NewWorkshopDialog  *self,
                                GError               **error)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *territory = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->territory_row))));
  g_autoptr(GDateTime) first = gtk_calendar_get_date (self->calendar);
  g_autoptr(V21Workshop) workshop = NULL;
  GDate date;

  g_return_val_if_fail (V21_IS_NEW_WORKSHOP_DIALOG (self), NULL);
  workshop = v21_workshop_new_from_toolkit (title[0] != '\0' ? title : _("Untitled workshop"), territory,
                                            gtk_spin_button_get_value_as_int (self->start_spin),
                                            gtk_spin_button_get_value_as_int (self->horizon_spin), error);
  if (workshop == NULL)
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (first), g_date_time_get_month (first),
                  g_date_time_get_year (first));
  if (!v21_run_sheet_set_dates (workshop, &date, error))
    return NULL;
  /* A new workshop has nothing to undo. */
  _v21_workshop_clear_history (workshop);
  return g_steal_pointer (&workshop);
}

static void
on_create_clicked (V21NewWorkshopDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) workshop = NULL;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->create_button)))
    return;
  workshop = v21_new_workshop_dialog_create (self, &error);
  if (workshop == NULL)
    {
      v21_show_toast (GTK_WIDGET (self->title_row), error->message, NULL, NULL);
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, workshop);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
v21_new_workshop_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), V21_TYPE_NEW_WORKSHOP_DIALOG);
  G_OBJECT_CLASS (v21_new_workshop_dialog_parent_class)->dispose (object);
}

static void
v21_new_workshop_dialog_class_init (V21NewWorkshopDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = v21_new_workshop_dialog_dispose;

  /**
   * V21NewWorkshopDialog::created:
   * @workshop: the new workshop, not saved yet
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 1, V21_TYPE_WORKSHOP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/visions21/Atelier/v21-new-workshop-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, V21NewWorkshopDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, V21NewWorkshopDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, V21NewWorkshopDialog, territory_row);
  gtk_widget_class_bind_template_child (widget_class, V21NewWorkshopDialog, start_spin);
  gtk_widget_class_bind_template_child (widget_class, V21NewWorkshopDialog, horizon_spin);
  gtk_widget_class_bind_template_child (widget_class, V21NewWorkshopDialog, horizon_row);
  gtk_widget_class_bind_template_child (widget_class, V21NewWorkshopDialog, horizon_warning);
  gtk_widget_class_bind_template_child (widget_class, V21NewWorkshopDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, V21NewWorkshopDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, V21NewWorkshopDialog, second_day_row);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_start_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_horizon_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
v21_new_workshop_dialog_init (V21NewWorkshopDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) ahead = g_date_time_add_days (now, DAYS_AHEAD);
  /* Two working days: from Friday to Sunday, the next Monday instead. */
  static const int to_monday[] = { 0, 0, 0, 0, 0, 3, 2, 1 };
  g_autoptr(GDateTime) first = g_date_time_add_days (ahead, to_monday[g_date_time_get_day_of_week (ahead)]);
  int year = g_date_time_get_year (now);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->distance = YEARS_AHEAD;
  gtk_spin_button_set_value (self->start_spin, year);
  gtk_spin_button_set_value (self->horizon_spin, year + YEARS_AHEAD);
  gtk_calendar_select_day (self->calendar, first);
  on_day_selected (self);
  update_horizon (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));
}

V21NewWorkshopDialog *
v21_new_workshop_dialog_new (GtkWindow *parent)
{
  return g_object_new (V21_TYPE_NEW_WORKSHOP_DIALOG, "transient-for", parent, NULL);
}
