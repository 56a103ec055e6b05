/* v21-live-page.c — running a sequence: timer, drift, capture line
 *
 * The facilitator's hands are full: everything here has a key. The timer and
 * the drift come from v21-timer.h, the prefixes from v21-capture.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-live-page"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-capture.h"
#include "v21-capture-bar.h"
#include "v21-cards.h"
#include "v21-card-row.h"
#include "v21-day-plan-view.h"
#include "v21-live-page.h"
#include "v21-pages.h"
#include "v21-schema.h"
#include "v21-session.h"
#include "v21-timer.h"
#include "v21-widgets.h"

/* The sequence and its timers live in the session, shared with the
 * presenter console and the projector. */
typedef V21SessionTimer LiveTimer;

struct _V21LivePage
{
  AdwBin              parent_instance;

  V21Workshop        *workshop;
  V21Record          *sequence;
  V21Session         *session;
  const char         *kind;        /* static string from the schema */
  V21Record          *table;
  char               *correcting;  /* id of the card Up recalled, or NULL */
  char               *last_card;   /* id of the card added last */
  GtkCustomFilter    *filter;
  guint               tick_id;

  /* Template widgets */
  GtkLabel           *when_label;
  GtkLabel           *title_label;
  GtkLabel           *exercise_label;
  GtkLabel           *instructions_label;
  GtkLabel           *next_label;
  GtkLabel           *timer_label;
  GtkLabel           *drift_label;
  GtkButton          *toggle_button;
  GtkLabel           *kind_label;
  GtkLabel           *table_label;
  GtkEntry           *capture_entry;
  GtkLabel           *hint_label;
  GtkLabel           *error_label;
  GtkScrolledWindow  *cards_scroller;
  GtkListView        *cards_view;
  GtkTextView        *notes_view;
};

G_DEFINE_FINAL_TYPE (V21LivePage, v21_live_page, ADW_TYPE_BIN)

static LiveTimer *
current_timer (V21LivePage *self)
{
  return self->sequence ? v21_session_get_timer (self->session, self->sequence) : NULL;
}

/* The timer and the drift, refreshed a few times a second */

static void
set_phase_class (GtkWidget     *widget,
                 V21TimerPhase  phase)
{
  gtk_widget_remove_css_class (widget, "warning");
  gtk_widget_remove_css_class (widget, "error");
  if (phase == V21_TIMER_WARNING)
    gtk_widget_add_css_class (widget, "warning");
  else if (phase == V21_TIMER_OVERRUN)
    gtk_widget_add_css_class (widget, "error");
}

static void
update_drift (V21LivePage *self)
{
  gboolean late;
  g_autofree char *text = v21_session_describe_drift (self->session, &late);

  gtk_label_set_text (self->drift_label, text);
  if (late)
    gtk_widget_add_css_class (GTK_WIDGET (self->drift_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->drift_label), "error");
}

static void
update_timer (V21LivePage *self)
{
  LiveTimer *timer = current_timer (self);
  gint64 now = g_get_monotonic_time ();
  g_autofree char *text = NULL;
  const char *toggle;

  if (timer == NULL)
    return;
  text = v21_timer_format (&timer->timer, now);
  gtk_label_set_text (self->timer_label, text);
  set_phase_class (GTK_WIDGET (self->timer_label), v21_timer_phase (&timer->timer, now));
  if (timer->timer.running)
    toggle = _("_Pause");
  else if (v21_timer_is_started (&timer->timer))
    toggle = _("Res_ume");
  else
    toggle = _("_Start");
  if (g_strcmp0 (gtk_button_get_label (self->toggle_button), toggle) != 0)
    gtk_button_set_label (self->toggle_button, toggle);
  update_drift (self);
}

static gboolean
tick (gpointer data)
{
  update_timer (data);
  return G_SOURCE_CONTINUE;
}

/* The sequence */

static const char *
sequence_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "plenary") == 0)
    return _("Plenary");
  if (g_strcmp0 (kind, "tables") == 0)
    return _("In tables");
  if (g_strcmp0 (kind, "break") == 0)
    return _("Break");
  if (g_strcmp0 (kind, "vote") == 0)
    return _("Vote");
  if (g_strcmp0 (kind, "report_back") == 0)
    return _("Report-back");
  return "";
}

static char *
when_text (V21LivePage *self)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = v21_sequence_planned_start (self->workshop, self->sequence, zone);
  V21Collection *days = v21_workshop_get_collection (self->workshop, "days");
  V21Record *day = v21_workshop_lookup (self->workshop, v21_text (self->sequence, "day"));
  gint64 minutes = v21_record_get_int (self->sequence, "minutes", 0);
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *date = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint position = 0;

  if (start == NULL || day == NULL)
    return g_strdup_printf (_("%ld min"), (long) minutes);
  v21_collection_find (days, day, &position);
  end = g_date_time_add_minutes (start, (int) minutes);
  /* Translators: a date in the header of the live run, e.g. "jeudi 18 mars" */
  date = g_date_time_format (start, _("%A %-d %B"));
  from = g_date_time_format (start, "%H:%M");
  to = g_date_time_format (end, "%H:%M");
  /* Translators: "Jour 1 · jeudi 18 mars · 09:45 – 11:15 · 90 min · En tables" */
  return g_strdup_printf (_("Day %u · %s · %s – %s · %ld min · %s"), position + 1, date, from, to,
                          (long) minutes, sequence_kind_label (v21_text (self->sequence, "kind")));
}

static void
update_next (V21LivePage *self)
{
  V21Record *next = v21_sequence_next (self->workshop, self->sequence);
  g_autofree char *text = NULL;

  if (next == NULL)
    text = g_strdup (_("Next: the end of the seminar"));
  else
    /* Translators: "Ensuite : 11:15 Pause (15 min)" */
    text = g_strdup_printf (_("Next: %s %s (%ld min)"), v21_text (next, "start"),
                            v21_text (next, "title"),
                            (long) v21_record_get_int (next, "minutes", 0));
  gtk_label_set_text (self->next_label, text);
}

static void
update_sequence (V21LivePage *self)
{
  V21Record *exercise;
  g_autofree char *when = NULL;
  g_autofree char *exercise_text = NULL;
  const char *instructions;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "live.previous",
                                 self->sequence && v21_sequence_previous (self->workshop, self->sequence));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "live.next",
                                 self->sequence && v21_sequence_next (self->workshop, self->sequence));
  if (self->sequence == NULL)
    {
      gtk_label_set_text (self->title_label, _("The run sheet is empty"));
      return;
    }
  when = when_text (self);
  gtk_label_set_text (self->when_label, when);
  gtk_label_set_text (self->title_label, v21_text (self->sequence, "title"));
  exercise = v21_workshop_lookup (self->workshop, v21_text (self->sequence, "exercise"));
  if (exercise != NULL)
    exercise_text = g_strdup_printf ("%s — %s", v21_text (exercise, "code"),
                                     v21_text (exercise, "title"));
  gtk_label_set_text (self->exercise_label, exercise_text ? exercise_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->exercise_label), exercise_text != NULL);
  instructions = v21_text (self->sequence, "instructions");
  if (*instructions == '\0' && exercise != NULL)
    instructions = v21_text (exercise, "instructions");
  gtk_label_set_text (self->instructions_label, instructions);
  update_next (self);
  update_timer (self);
}

/* Private notes are saved when the text view loses the focus and before the
 * page shows another sequence. */
static void
save_notes (V21LivePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (self->sequence == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, v21_text (self->sequence, "notes")) != 0
      && !v21_workshop_set (self->workshop, self->sequence, "notes", json_object_new_string (text), &error))
    v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
}

static void
load_notes (V21LivePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  const char *notes = self->sequence ? v21_text (self->sequence, "notes") : "";
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, notes) != 0)
    gtk_text_buffer_set_text (buffer, notes, -1);
}

/* The capture line */

static void
update_capture_labels (V21LivePage *self)
{
  const char * const *kinds = v21_card_kinds ();
  g_autofree char *kind_class = v21_kind_css_class (self->kind);
  g_autoptr(GString) hint = g_string_new (NULL);
  V21Collection *tables = v21_workshop_get_collection (self->workshop, "tables");
  g_autofree char *table_text = NULL;

  gtk_widget_set_css_classes (GTK_WIDGET (self->kind_label),
                              (const char *[]) { "v21-kind", kind_class, NULL });
  gtk_label_set_text (self->kind_label, v21_card_kind_label (self->kind));
  table_text = self->table ? g_strdup (v21_text (self->table, "name")) : g_strdup (_("No table"));
  gtk_label_set_text (self->table_label, table_text);

  if (self->correcting != NULL)
    {
      gtk_label_set_text (self->hint_label, _("Correcting the last card: Enter saves it, Escape cancels."));
      return;
    }
  g_string_append (hint, _("Kind:"));
  for (guint i = 0; kinds[i] != NULL; i++)
    g_string_append_printf (hint, " Ctrl+%u %s%s", i + 1, v21_card_kind_label (kinds[i]), kinds[i + 1] ? "," : ".");
  g_string_append_c (hint, ' ');
  g_string_append (hint, _("Table:"));
  for (guint i = 0; i < MIN (v21_collection_get_n (tables), 9); i++)
    g_string_append_printf (hint, " Alt+%u %s,", i + 1,
                            v21_text (v21_collection_get (tables, i), "name"));
  g_string_append_printf (hint, " Alt+0 %s. ", _("no table"));
  g_string_append (hint, _("Prefixes such as “m:” or “#2” work too; Up recalls the last card."));
  gtk_label_set_text (self->hint_label, hint->str);
}

static void
set_kind (V21LivePage *self,
          const char  *kind)
{
  if (kind == NULL)
    return;
  self->kind = kind;
  update_capture_labels (self);
}

/* The newest card in view. Through the list's own action: setting the
 * adjustment while the list has not laid out its new rows makes it warn. */
static void
scroll_to_end (V21LivePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (self->cards_view)));

  if (n > 0 && gtk_widget_get_mapped (GTK_WIDGET (self->cards_view)))
    gtk_widget_activate_action (GTK_WIDGET (self->cards_view), "list.scroll-to-item", "u", n - 1);
}

static gboolean
scroll_to_end_idle (gpointer data)
{
  scroll_to_end (data);
  return G_SOURCE_REMOVE;
}

static void
stop_correcting (V21LivePage *self)
{
  g_clear_pointer (&self->correcting, g_free);
  update_capture_labels (self);
}

static gboolean
correct_card (V21LivePage *self,
              V21Record   *card,
              V21Capture  *capture,
              GError     **error)
{
  gboolean ok;

  g_autofree char *label = g_strdup_printf (_("Correct the card “%s”"), v21_text (card, "text"));

  v21_workshop_begin_group (self->workshop, label);
  ok = v21_workshop_set (self->workshop, card, "text", json_object_new_string (capture->text), error)
       && (capture->kind == NULL
           || v21_workshop_set (self->workshop, card, "kind", json_object_new_string (capture->kind), error))
       && (capture->table == 0
           || v21_workshop_set (self->workshop, card, "table",
                                json_object_new_string (v21_record_get_id (v21_capture_table (self->workshop, capture->table))),
                                error));
  if (ok)
    v21_workshop_end_group (self->workshop);
  else
    v21_workshop_cancel_group (self->workshop);
  return ok;
}

/* A mistake shows at once under the line, and goes as soon as the line changes. */
static void
show_capture_error (V21LivePage *self,
                    const char  *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->capture_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->capture_entry), "error");
}

static void
on_capture_changed (V21LivePage *self)
{
  show_capture_error (self, NULL);
}

static void
on_capture_activate (V21LivePage *self)
{
  g_autoptr(GError) error = NULL;
  V21Capture capture;
  V21Record *card = NULL;
  V21Record *table;

  v21_capture_parse (gtk_editable_get_text (GTK_EDITABLE (self->capture_entry)), &capture);
  table = capture.table ? v21_capture_table (self->workshop, capture.table) : self->table;
  if (capture.table != 0 && table == NULL)
    g_set_error (&error, V21_ERROR, V21_ERROR_VALUE, _("There is no table %d"), capture.table);
  else if (self->correcting != NULL && (card = v21_workshop_lookup (self->workshop, self->correcting)) != NULL)
    correct_card (self, card, &capture, &error);
  else
    card = v21_capture_labelled_add (self->workshop, capture.kind ? capture.kind : self->kind, capture.text,
                                     table, self->sequence, &error);
  if (error == NULL && *capture.text == '\0')
    g_set_error_literal (&error, V21_ERROR, V21_ERROR_VALUE, _("A card needs a text"));
  if (error != NULL)
    {
      show_capture_error (self, error->message);
      v21_capture_clear (&capture);
      return;
    }
  g_free (self->last_card);
  self->last_card = g_strdup (v21_record_get_id (card));
  /* Success is quiet: the card shows in the list (a toast would hide the
   * next error behind it). */
  stop_correcting (self);
  gtk_editable_set_text (GTK_EDITABLE (self->capture_entry), "");
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_end_idle, g_object_ref (self), g_object_unref);
  v21_capture_clear (&capture);
}

static void
recall_last_card (V21LivePage *self)
{
  V21Record *card = self->last_card ? v21_workshop_lookup (self->workshop, self->last_card) : NULL;

  if (card == NULL)
    return;
  g_free (self->correcting);
  self->correcting = g_strdup (self->last_card);
  gtk_editable_set_text (GTK_EDITABLE (self->capture_entry), v21_text (card, "text"));
  gtk_editable_set_position (GTK_EDITABLE (self->capture_entry), -1);
  update_capture_labels (self);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                V21LivePage           *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean in_entry = v21_has_focus_within (GTK_WIDGET (self->capture_entry));
  int digit;

  if ((mods & ~GDK_SHIFT_MASK) == GDK_CONTROL_MASK && (digit = v21_key_digit (controller, keyval, keycode)) > 0)
    {
      set_kind (self, v21_capture_kind_for_key (digit));
      return TRUE;
    }
  if ((mods & ~GDK_SHIFT_MASK) == GDK_ALT_MASK && (digit = v21_key_digit (controller, keyval, keycode)) >= 0)
    {
      V21Record *table = v21_capture_table (self->workshop, digit);

      if (digit == 0 || table != NULL)
        {
          g_set_object (&self->table, table);
          update_capture_labels (self);
        }
      return TRUE;
    }
  if (in_entry && mods == 0 && (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up))
    {
      recall_last_card (self);
      return TRUE;
    }
  if (in_entry && mods == 0 && keyval == GDK_KEY_Escape && self->correcting != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->capture_entry), "");
      stop_correcting (self);
      return TRUE;
    }
  return FALSE;
}

/* Actions */

static void
go_to (V21LivePage *self,
       V21Record   *sequence)
{
  if (sequence != NULL)
    v21_live_page_set_sequence (self, sequence);
}

/* live.previous and live.next */
static void
go_action (GtkWidget  *widget,
           const char *name,
           GVariant   *parameter)
{
  V21LivePage *self = V21_LIVE_PAGE (widget);

  if (g_str_equal (name, "live.previous"))
    v21_session_go_previous (self->session);
  else
    v21_session_go_next (self->session);
}

/* live.toggle, live.extra and live.reset, on the timer of the sequence shown */
static void
timer_action (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  V21LivePage *self = V21_LIVE_PAGE (widget);
  LiveTimer *timer = current_timer (self);

  if (timer == NULL)
    return;
  if (g_str_equal (name, "live.toggle"))
    {
      v21_session_toggle_timer (self->session);
    }
  else if (g_str_equal (name, "live.extra"))
    {
      v21_timer_add (&timer->timer, V21_TIMER_EXTRA_MINUTES);
      v21_session_timer_changed (self->session);
    }
  else  /* live.reset */
    {
      v21_timer_reset (&timer->timer);
      v21_timer_init (&timer->timer, (int) v21_record_get_int (self->sequence, "minutes", 0));
      g_clear_pointer (&timer->started, g_date_time_unref);
      v21_session_timer_changed (self->session);
    }
  update_timer (self);
}

static void
end_action (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  V21LivePage *self = V21_LIVE_PAGE (widget);
  LiveTimer *timer = current_timer (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  V21Record *ended = self->sequence;
  gint64 elapsed;

  if (timer == NULL)
    return;
  if (timer->started == NULL)
    {
      v21_show_toast (widget, _("Start the timer first: nothing to record yet"), NULL, NULL);
      return;
    }
  v21_timer_pause (&timer->timer, g_get_monotonic_time ());
  elapsed = v21_timer_elapsed (&timer->timer, 0);
  save_notes (self);
  if (!v21_sequence_end (self->workshop, ended, timer->started, elapsed, &error))
    {
      v21_show_toast (widget, error->message, NULL, NULL);
      return;
    }
  text = g_strdup_printf (_("“%s” ended after %ld min"), v21_text (ended, "title"),
                          (long) v21_record_get_int (ended, "actual_minutes", 0));
  v21_show_toast (widget, text, _("_Undo"), "win.undo");
  v21_session_forget_timer (self->session, ended);
  go_to (self, v21_sequence_next (self->workshop, ended));
  update_timer (self);
}

static void
focus_capture_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (V21_LIVE_PAGE (widget)->capture_entry));
}

/* The cards of the sequence */

static gboolean
card_in_sequence (gpointer item,
                  gpointer data)
{
  V21LivePage *self = data;

  return self->sequence != NULL
         && g_strcmp0 (v21_text (item, "sequence"), v21_record_get_id (self->sequence)) == 0;
}

static gboolean
on_cards_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              V21LivePage           *self)
{
  GtkSelectionModel *model = gtk_list_view_get_model (self->cards_view);
  V21Record *card = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
  g_autoptr(GError) error = NULL;

  if (keyval != GDK_KEY_Delete || card == NULL)
    return FALSE;
  if (v21_workshop_remove (self->workshop, card, &error))
    v21_show_toast (GTK_WIDGET (self), _("Card deleted"), _("_Undo"), "win.undo");
  else
    v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
  return TRUE;
}

static void
setup_cards (V21LivePage *self)
{
  GListModel *cards = G_LIST_MODEL (g_object_ref (v21_workshop_get_collection (self->workshop, "cards")));
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkEventController *keys;

  self->filter = gtk_custom_filter_new (card_in_sequence, self, NULL);
  filtered = gtk_filter_list_model_new (cards, GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->cards_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_list_view_set_factory (self->cards_view, v21_card_row_factory_new (self->workshop));
  g_object_unref (gtk_list_view_get_factory (self->cards_view));
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_cards_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->cards_view), keys);
}

/* The page */

static void
on_workshop_changed (V21LivePage *self)
{
  /* The sequence itself may have gone (undo of its creation, a removal). */
  if (self->sequence != NULL
      && !v21_collection_find (v21_workshop_get_collection (self->workshop, "sequences"), self->sequence, NULL))
    v21_live_page_set_sequence (self, v21_sequence_current (self->workshop));
  update_sequence (self);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->notes_view)))
    load_notes (self);
  update_capture_labels (self);
}

/* Shown, the page is ready for the scribe: the capture line has the focus. */
static void
on_map (V21LivePage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->capture_entry));

  if (self->tick_id == 0)
    self->tick_id = g_timeout_add (250, tick, self);
}

static void
on_unmap (V21LivePage *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
}

static void
v21_live_page_dispose (GObject *object)
{
  V21LivePage *self = V21_LIVE_PAGE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), V21_TYPE_LIVE_PAGE);
  g_clear_object (&self->filter);
  g_clear_object (&self->sequence);
  g_clear_object (&self->table);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_live_page_parent_class)->dispose (object);
}

static void
v21_live_page_finalize (GObject *object)
{
  V21LivePage *self = V21_LIVE_PAGE (object);

  g_free (self->correcting);
  g_free (self->last_card);
  G_OBJECT_CLASS (v21_live_page_parent_class)->finalize (object);
}

static void
v21_live_page_class_init (V21LivePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = v21_live_page_dispose;
  object_class->finalize = v21_live_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/visions21/Atelier/v21-live-page.ui");
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, when_label);
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, exercise_label);
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, next_label);
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, timer_label);
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, drift_label);
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, toggle_button);
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, table_label);
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, capture_entry);
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, cards_scroller);
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, cards_view);
  gtk_widget_class_bind_template_child (widget_class, V21LivePage, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_capture_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_capture_changed);

  gtk_widget_class_install_action (widget_class, "live.previous", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "live.next", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "live.toggle", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "live.extra", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "live.reset", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "live.end", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "live.focus-capture", NULL, focus_capture_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, GDK_SHIFT_MASK, "live.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "live.extra", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "live.end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "live.focus-capture", NULL);
}

static void
v21_live_page_init (V21LivePage *self)
{
  GtkEventController *keys;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->kind = "issue";

  /* Capture phase: the entry's own key bindings come after ours. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (save_notes), self);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);

  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
}

/* The console or a shortcut moved to another sequence or touched the timer. */
static void
on_session_changed (V21LivePage *self)
{
  if (v21_session_get_sequence (self->session) != self->sequence)
    v21_live_page_set_sequence (self, v21_session_get_sequence (self->session));
  else if (self->sequence != NULL)
    update_timer (self);
}

GtkWidget *
v21_live_page_new (V21Workshop *workshop)
{
  V21LivePage *self = g_object_new (V21_TYPE_LIVE_PAGE, NULL);

  self->workshop = g_object_ref (workshop);
  self->session = v21_session_get (workshop);
  /* The rest of the day, under what comes next (its own widget: v21-day-plan-view.c). */
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->next_label))),
                              v21_day_plan_view_new (self->session), GTK_WIDGET (self->next_label));
  setup_cards (self);
  g_signal_connect_object (workshop, "changed", G_CALLBACK (on_workshop_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "tick", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  v21_live_page_set_sequence (self, v21_session_get_sequence (self->session));
  update_capture_labels (self);
  return GTK_WIDGET (self);
}

V21Record *
v21_live_page_get_sequence (V21LivePage *self)
{
  g_return_val_if_fail (V21_IS_LIVE_PAGE (self), NULL);
  return self->sequence;
}

void
v21_live_page_set_sequence (V21LivePage *self,
                            V21Record   *sequence)
{
  V21Record *exercise;
  json_object *outputs;

  g_return_if_fail (V21_IS_LIVE_PAGE (self));
  if (self->sequence == sequence)
    return;
  save_notes (self);
  g_set_object (&self->sequence, sequence);
  v21_session_set_sequence (self->session, sequence);
  /* The exercise says what it produces: its first output is the likely kind. */
  exercise = sequence ? v21_workshop_lookup (self->workshop, v21_text (sequence, "exercise")) : NULL;
  outputs = exercise ? v21_record_get_value (exercise, "outputs") : NULL;
  if (json_object_is_type (outputs, json_type_array) && json_object_array_length (outputs) > 0)
    {
      const char *first = json_object_get_string (json_object_array_get_idx (outputs, 0));

      for (const char * const *k = v21_card_kinds (); *k; k++)
        if (g_strcmp0 (*k, first) == 0)
          self->kind = *k;
    }
  stop_correcting (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  load_notes (self);
  update_sequence (self);
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_end_idle, g_object_ref (self), g_object_unref);
}

const char *
v21_live_page_get_kind (V21LivePage *self)
{
  g_return_val_if_fail (V21_IS_LIVE_PAGE (self), NULL);
  return self->kind;
}

V21Record *
v21_live_page_get_table (V21LivePage *self)
{
  g_return_val_if_fail (V21_IS_LIVE_PAGE (self), NULL);
  return self->table;
}
