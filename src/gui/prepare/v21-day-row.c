/* v21-day-row.c — one day of the workshop: its date and hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-day-row"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "v21-day-row.h"
#include "v21-pages.h"
#include "v21-run-sheet.h"

struct _V21DayRow
{
  AdwActionRow   parent_instance;

  V21Workshop   *workshop;
  V21Record     *day;
  GPtrArray     *sequences;     /* the day's, when last read */
  guint          number;
  GtkMenuButton *date_button;
  GtkCalendar   *calendar;
  GtkSpinButton *start_spin;
  GtkSpinButton *end_spin;
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (V21DayRow, v21_day_row, ADW_TYPE_EXPANDER_ROW)

static guint n_reads;

/* Time spin buttons */

static gboolean
on_time_output (GtkSpinButton *spin)
{
  g_autofree char *text = v21_time_format (gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* "9:30", "09:30", "9h30", "9 h" and "9" all read as a time. */
static int
on_time_input (GtkSpinButton *spin,
               double        *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  long hours = strtol (text, &end, 10);
  long minutes = 0;

  while (end != NULL && (*end == ' ' || *end == ':' || *end == 'h' || *end == 'H'))
    end++;
  if (end != NULL && *end != '\0')
    minutes = strtol (end, &end, 10);
  if (end == text || (end != NULL && *end != '\0') || hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
    return GTK_INPUT_ERROR;
  *value = hours * 60 + minutes;
  return TRUE;
}

void
v21_time_spin_button_setup (GtkSpinButton *spin)
{
  GtkAdjustment *adjustment = gtk_adjustment_new (540, 0, 23 * 60 + 59, 15, 60, 0);

  gtk_spin_button_set_adjustment (spin, adjustment);
  gtk_spin_button_set_numeric (spin, FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 5);
  g_signal_connect (spin, "output", G_CALLBACK (on_time_output), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_time_input), NULL);
}

/* The row */

static void
update (V21DayRow *self)
{
  V21RunSheetDay info;
  g_autofree char *date = v21_run_sheet_format_date (self->day);
  /* Translators: a day of the workshop, "Day 1 — Thursday 18 March 2027". */
  g_autofree char *title = g_strdup_printf (_("Day %u — %s"), self->number, date);
  g_autofree char *start = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *end = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GDateTime) when = NULL;
  const char *iso = v21_record_get_string (self->day, "date");

  if (v21_workshop_lookup (self->workshop, v21_record_get_id (self->day)) == NULL)
    return;
  n_reads++;
  g_clear_pointer (&self->sequences, g_ptr_array_unref);
  self->sequences = v21_run_sheet_sequences (self->workshop, self->day);
  v21_run_sheet_get_day (self->workshop, self->day, &info);
  start = v21_time_format (info.start);
  hours = v21_time_format (info.end);
  end = v21_time_format (info.planned_end);
  if (info.planned_end > info.end)
    {
      g_autofree char *over = v21_duration_format (info.planned_end - info.end);
      subtitle = g_strdup_printf (_("%s – %s · the run sheet ends at %s, %s too late"), start, hours, end, over);
      gtk_widget_add_css_class (GTK_WIDGET (self), "v21-overrun");
    }
  else
    {
      subtitle = g_strdup_printf (ngettext ("%s – %s · %u sequence, ends at %s", "%s – %s · %u sequences, end at %s",
                                            info.n_sequences),
                                  start, hours, info.n_sequences, end);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "v21-overrun");
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_menu_button_set_label (self->date_button, date);

  self->updating = TRUE;
  gtk_spin_button_set_value (self->start_spin, info.start);
  gtk_spin_button_set_value (self->end_spin, info.end);
  if (iso != NULL && (when = g_date_time_new_local (atoi (iso), atoi (iso + 5), atoi (iso + 8), 12, 0, 0)) != NULL)
    gtk_calendar_select_day (self->calendar, when);
  self->updating = FALSE;
}

/* Only the day itself and its sequences (now or before the edit) concern the row. */
static void
on_record_changed (V21DayRow  *self,
                   V21Record  *record,
                   const char *field)
{
  if (record == self->day
      || g_strcmp0 (v21_record_get_string (record, "day"), v21_record_get_id (self->day)) == 0
      || (self->sequences != NULL && g_ptr_array_find (self->sequences, record, NULL)))
    update (self);
}

static void
on_hours_changed (V21DayRow *self)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  start = v21_time_format (gtk_spin_button_get_value_as_int (self->start_spin));
  end = v21_time_format (gtk_spin_button_get_value_as_int (self->end_spin));
  if (!v21_run_sheet_set_day_hours (self->workshop, self->day, start, end, &error))
    {
      v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
      update (self);
    }
}

static void
on_day_selected (V21DayRow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  gtk_menu_button_popdown (self->date_button);
  if (!v21_workshop_set (self->workshop, self->day, "date", json_object_new_string (iso), &error))
    v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
}

static void
on_remove_clicked (V21DayRow *self)
{
  g_autoptr(GPtrArray) sequences = v21_run_sheet_sequences (self->workshop, self->day);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *anchor = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  message = g_strdup_printf (ngettext ("Day %u deleted, with its %u sequence",
                                       "Day %u deleted, with its %u sequences", sequences->len),
                             self->number, sequences->len);
  /* The row goes with the day: the toast needs a widget that stays. */
  if (!v21_workshop_remove (self->workshop, self->day, &error))
    message = (g_free (message), g_strdup (error->message));
  if (anchor != NULL)
    v21_show_toast (anchor, message, _("_Undo"), "win.undo");
}

static GtkWidget *
labelled (GtkWidget  *widget,
          const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (widget, label);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  return widget;
}

static GtkWidget *
setting_row (const char *title,
             GtkWidget  *widget)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  return row;
}

static void
build (V21DayRow *self)
{
  g_autofree char *date_label = g_strdup_printf (_("Date of day %u"), self->number);
  g_autofree char *start_label = g_strdup_printf (_("Start of day %u"), self->number);
  g_autofree char *end_label = g_strdup_printf (_("End of day %u"), self->number);
  g_autofree char *remove_label = g_strdup_printf (_("Delete day %u"), self->number);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  self->date_button = GTK_MENU_BUTTON (labelled (gtk_menu_button_new (), date_label));
  gtk_menu_button_set_popover (self->date_button, popover);
  self->start_spin = GTK_SPIN_BUTTON (labelled (gtk_spin_button_new (NULL, 1, 0), start_label));
  self->end_spin = GTK_SPIN_BUTTON (labelled (gtk_spin_button_new (NULL, 1, 0), end_label));
  v21_time_spin_button_setup (self->start_spin);
  v21_time_spin_button_setup (self->end_spin);
  labelled (remove, remove_label);
  gtk_widget_add_css_class (remove, "flat");

  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), setting_row (_("Date"), GTK_WIDGET (self->date_button)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), setting_row (_("Starts at"), GTK_WIDGET (self->start_spin)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), setting_row (_("Ends at"), GTK_WIDGET (self->end_spin)));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), remove);

  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  g_signal_connect_swapped (self->start_spin, "value-changed", G_CALLBACK (on_hours_changed), self);
  g_signal_connect_swapped (self->end_spin, "value-changed", G_CALLBACK (on_hours_changed), self);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  g_signal_connect_object (self->workshop, "record-changed::days", G_CALLBACK (on_record_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workshop, "record-changed::sequences", G_CALLBACK (on_record_changed), self,
                           G_CONNECT_SWAPPED);
}

static void
v21_day_row_dispose (GObject *object)
{
  V21DayRow *self = V21_DAY_ROW (object);

  if (self->workshop != NULL)
    g_signal_handlers_disconnect_by_data (self->workshop, self);
  g_clear_object (&self->day);
  g_clear_pointer (&self->sequences, g_ptr_array_unref);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_day_row_parent_class)->dispose (object);
}

static void
v21_day_row_class_init (V21DayRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = v21_day_row_dispose;
}

static void
v21_day_row_init (V21DayRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

GtkWidget *
v21_day_row_new (V21Workshop *workshop,
                 V21Record   *day,
                 guint        number)
{
  V21DayRow *self = g_object_new (V21_TYPE_DAY_ROW, NULL);

  self->workshop = g_object_ref (workshop);
  self->day = g_object_ref (day);
  self->number = number;
  build (self);
  update (self);
  return GTK_WIDGET (self);
}

/* How many times a day row re-read its day, for the tests. */
guint
_v21_day_row_get_n_reads (void)
{
  return n_reads;
}
