/* v21-invitations-dialog.c — the letters, the calendar file and the addresses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-invitations-dialog"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "v21-calendar.h"
#include "v21-invitations-dialog.h"
#include "v21-letter.h"
#include "v21-letters.h"
#include "v21-pages.h"

struct _V21InvitationsDialog
{
  AdwWindow             parent_instance;

  V21Workshop          *workshop;
  GtkWidget            *toast_widget;
  GtkFileChooserNative *chooser;
  char                 *choosing;    /* "pdf", "odt" or "ics" */

  GtkEditable          *name_row;
  GtkTextView          *address_view;
  GtkEditable          *signatory_row;
  GtkEditable          *signatory_title_row;
  GtkEditable          *reply_by_row;
  GtkTextView          *template_view;
};

G_DEFINE_FINAL_TYPE (V21InvitationsDialog, v21_invitations_dialog, ADW_TYPE_WINDOW)

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

static gboolean
is_date (const char *text)
{
  int y, m, d;
  char end;
  g_autoptr(GDateTime) date = NULL;

  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
    return FALSE;
  date = g_date_time_new_utc (y, m, d, 12, 0, 0);
  return date != NULL;
}

/* The reply-by date typed, or NULL when it is empty or not a date. */
static const char *
reply_by_typed (V21InvitationsDialog *self)
{
  const char *text = gtk_editable_get_text (self->reply_by_row);

  return is_date (text) ? text : NULL;
}

static void
on_reply_by_changed (V21InvitationsDialog *self)
{
  const char *text = gtk_editable_get_text (self->reply_by_row);

  if (text[0] == '\0' || is_date (text))
    gtk_widget_remove_css_class (GTK_WIDGET (self->reply_by_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->reply_by_row), "error");
}

void
v21_invitations_dialog_apply (V21InvitationsDialog *self)
{
  g_autofree char *address = text_of (self->address_view);
  g_autofree char *template_text = text_of (self->template_view);
  g_autofree char *current_template = v21_letter_get_template (self->workshop);
  g_autofree char *default_reply_by = v21_letter_default_reply_by (self->workshop);
  const char *reply_by = reply_by_typed (self);
  V21Authority typed = {
    nonempty (gtk_editable_get_text (self->name_row)), nonempty (address),
    nonempty (gtk_editable_get_text (self->signatory_row)), nonempty (gtk_editable_get_text (self->signatory_title_row)),
  };
  V21Authority current;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (V21_IS_INVITATIONS_DIALOG (self));
  /* The date shown by default stays the default: it follows the days. */
  if (v21_letter_get_reply_by (self->workshop) == NULL && g_strcmp0 (reply_by, default_reply_by) == 0)
    reply_by = NULL;
  v21_authority_get (self->workshop, &current);
  if (typed.name == NULL)
    typed.name = current.name;
  if (g_strcmp0 (typed.name, current.name) != 0 || g_strcmp0 (typed.address, current.address) != 0
      || g_strcmp0 (typed.signatory, current.signatory) != 0
      || g_strcmp0 (typed.signatory_title, current.signatory_title) != 0)
    if (!v21_authority_set (self->workshop, &typed, &error))
      {
        v21_show_toast (self->toast_widget, error->message, NULL, NULL);
        return;
      }
  if (g_strcmp0 (template_text, current_template) != 0
      || g_strcmp0 (reply_by, v21_letter_get_reply_by (self->workshop)) != 0)
    {
      json_object *stored = v21_record_get_value (v21_workshop_get_root (self->workshop), "invitation_letter");
      gboolean customised = json_object_is_type (stored, json_type_object)
                            && json_object_object_get_ex (stored, "template", NULL);

      /* The default letter, untouched, stays the default (and follows the language). */
      if (!v21_letter_set (self->workshop,
                           !customised && g_strcmp0 (template_text, current_template) == 0 ? NULL : template_text,
                           reply_by, &error))
        v21_show_toast (self->toast_widget, error->message, NULL, NULL);
    }
}

/* Writing the files */

gboolean
_v21_invitations_dialog_write (V21InvitationsDialog *self,
                               const char           *what,
                               const char           *path,
                               GError              **error)
{
  const char *reply_by;
  g_autofree char *fallback = NULL;

  v21_invitations_dialog_apply (self);
  reply_by = v21_letter_get_reply_by (self->workshop);
  if (reply_by == NULL)
    reply_by = fallback = v21_letter_default_reply_by (self->workshop);
  if (g_strcmp0 (what, "pdf") == 0)
    return v21_letters_write (self->workshop, reply_by, path, error);
  if (g_strcmp0 (what, "odt") == 0)
    return v21_letters_write_odt (self->workshop, reply_by, path, error);
  return v21_calendar_write (self->workshop, path, error);
}

static void
on_chooser_response (GtkNativeDialog      *native,
                     int                   response,
                     V21InvitationsDialog *self)
{
  G_GNUC_UNUSED g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autofree char *what = g_steal_pointer (&self->choosing);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return;
  name = g_file_get_basename (file);
  if (!_v21_invitations_dialog_write (self, what, path, &error))
    message = g_strdup (error->message);
  else if (g_strcmp0 (what, "ics") == 0)
    message = g_strdup_printf (_("Calendar saved as “%s”"), name);
  else
    {
      guint n = v21_letters_count (self->workshop);

      message = g_strdup_printf (ngettext ("%u letter saved as “%s”", "%u letters saved as “%s”", n), n, name);
    }
  v21_show_toast (self->toast_widget, message, NULL, NULL);
}

static void
choose_file (V21InvitationsDialog *self,
             const char           *what)
{
  g_autofree char *suggested = NULL;
  GtkFileFilter *filter = gtk_file_filter_new ();
  gboolean ics = g_strcmp0 (what, "ics") == 0;

  if (self->chooser != NULL)
    return;
  /* Translators: the file name suggested for the letters, without its extension. */
  suggested = g_strdup_printf ("%s.%s", ics ? _("seminar") : _("invitations"), what);
  gtk_file_filter_set_name (filter, g_strcmp0 (what, "pdf") == 0 ? _("PDF documents")
                                    : ics ? _("Calendar files (.ics)") : _("OpenDocument texts (ODT)"));
  gtk_file_filter_add_suffix (filter, what);
  self->choosing = g_strdup (what);
  self->chooser = gtk_file_chooser_native_new (ics ? _("Save the Calendar File") : _("Save the Letters"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
write_action (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  choose_file (V21_INVITATIONS_DIALOG (widget), g_variant_get_string (parameter, NULL));
}

static void
copy_bcc_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  V21InvitationsDialog *self = V21_INVITATIONS_DIALOG (widget);
  guint without = 0;
  g_autofree char *bcc = v21_letter_bcc (self->workshop, &without);
  g_autofree char *message = NULL;
  g_autofree char *copied = NULL;
  guint n = 0;

  for (const char *p = bcc; *p != '\0'; p++)
    n += *p == '@';
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), bcc);
  copied = g_strdup_printf (ngettext ("%u address copied, to paste in BCC", "%u addresses copied, to paste in BCC", n), n);
  if (without > 0)
    {
      g_autofree char *post = g_strdup_printf (ngettext ("%u person has no e-mail: their letter goes by post",
                                                         "%u people have no e-mail: their letters go by post", without),
                                               without);
      message = g_strdup_printf ("%s. %s.", copied, post);
    }
  v21_show_toast (self->toast_widget, message != NULL ? message : copied, NULL, NULL);
}

/* Building */

static GtkWidget *
entry_row (const char   *title,
           const char   *text,
           GtkEditable **out)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  *out = GTK_EDITABLE (row);
  return row;
}

static GtkWidget *
text_area (const char   *label,
           const char   *text,
           int           height,
           GtkTextView **out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), height);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), frame);
  *out = GTK_TEXT_VIEW (view);
  return box;
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  return button;
}

static GtkWidget *
build_content (V21InvitationsDialog *self)
{
  V21Authority authority;
  g_autofree char *template_text = v21_letter_get_template (self->workshop);
  g_autofree char *fields = NULL;
  g_autofree char *fields_text = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *who = adw_preferences_group_new ();
  GtkWidget *letter = adw_preferences_group_new ();
  GtkWidget *hint;
  GtkWidget *buttons = gtk_flow_box_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *reply;

  v21_authority_get (self->workshop, &authority);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (who), _("Who Invites"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (who), entry_row (_("Authority"), authority.name, &self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (who), entry_row (_("Signed by"), authority.signatory, &self->signatory_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (who),
                             entry_row (_("As (e.g. “The President”)"), authority.signatory_title, &self->signatory_title_row));
  gtk_box_append (GTK_BOX (box), who);
  gtk_box_append (GTK_BOX (box), text_area (_("Address"), authority.address, 60, &self->address_view));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (letter), _("Letter"));
  reply = entry_row (_("Reply by (YYYY-MM-DD)"), v21_letter_get_reply_by (self->workshop), &self->reply_by_row);
  if (v21_letter_get_reply_by (self->workshop) == NULL)
    {
      g_autofree char *fallback = v21_letter_default_reply_by (self->workshop);

      gtk_editable_set_text (self->reply_by_row, fallback != NULL ? fallback : "");
    }
  g_signal_connect_swapped (reply, "changed", G_CALLBACK (on_reply_by_changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (letter), reply);
  gtk_box_append (GTK_BOX (box), letter);
  gtk_box_append (GTK_BOX (box), text_area (_("Text of the letter"), template_text, 260, &self->template_view));
  for (guint i = 0; v21_letter_fields[i] != NULL; i++)
    {
      g_autofree char *field = g_strdup_printf ("{%s}", v21_letter_fields[i]);

      g_strv_builder_add (names, field);
    }
  list = g_strv_builder_end (names);
  fields = g_strjoinv (" ", list);
  /* Translators: %s is the list of fields, "{name} {title} …"; keep them as they are. */
  fields_text = g_strdup_printf (_("Fields filled for each person: %s. Nothing is sent: the letters are files to "
                                   "print or attach."), fields);
  hint = gtk_label_new (fields_text);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_selectable (GTK_LABEL (hint), FALSE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), hint);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 4);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), action_button (_("_Letters (PDF)…"), "invitations.write", "pdf"));
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), action_button (_("Letters to _Edit (ODT)…"), "invitations.write", "odt"));
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), action_button (_("_Calendar File (.ics)…"), "invitations.write", "ics"));
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), action_button (_("Copy _Addresses for BCC"), "invitations.copy-bcc", NULL));
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static gboolean
on_close_request (GtkWindow *window)
{
  v21_invitations_dialog_apply (V21_INVITATIONS_DIALOG (window));
  return FALSE;
}

static void
v21_invitations_dialog_dispose (GObject *object)
{
  V21InvitationsDialog *self = V21_INVITATIONS_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_pointer (&self->choosing, g_free);
  g_clear_object (&self->workshop);
  g_clear_object (&self->toast_widget);
  G_OBJECT_CLASS (v21_invitations_dialog_parent_class)->dispose (object);
}

static void
v21_invitations_dialog_class_init (V21InvitationsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = v21_invitations_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = on_close_request;
  gtk_widget_class_install_action (widget_class, "invitations.write", "s", write_action);
  gtk_widget_class_install_action (widget_class, "invitations.copy-bcc", NULL, copy_bcc_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
v21_invitations_dialog_init (V21InvitationsDialog *self)
{
}

V21InvitationsDialog *
v21_invitations_dialog_new (GtkWindow   *parent,
                            V21Workshop *workshop,
                            GtkWidget   *toast_widget)
{
  V21InvitationsDialog *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  self = g_object_new (V21_TYPE_INVITATIONS_DIALOG, "modal", TRUE, "transient-for", parent,
                       "title", _("Invitations"), "default-width", 760, "default-height", 720, NULL);
  self->workshop = g_object_ref (workshop);
  self->toast_widget = g_object_ref (toast_widget);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), build_content (self));
  adw_window_set_content (ADW_WINDOW (self), box);
  return self;
}
