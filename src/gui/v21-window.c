/* v21-window.c — the main window: welcome page, or one open workshop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-window"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-autosave.h"
#include "v21-capture-bar.h"
#include "v21-live-page.h"
#include "v21-document.h"
#include "v21-error.h"
#include "v21-field-binding.h"
#include "v21-file-lock.h"
#include "v21-new-workshop-dialog.h"
#include "v21-pages.h"
#include "v21-projector-actions.h"
#include "v21-save-changes-dialog.h"
#include "v21-window.h"
#include "v21-window-private.h"

#define FILE_EXTENSION ".visions21"
#define FILE_MIME_TYPE "application/x-visions21"

struct _V21Window
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkStack             *main_stack;
  GtkMenuButton        *welcome_menu_button;
  GtkMenuButton        *workshop_menu_button;
  AdwStatusPage        *welcome_status;
  GtkWidget            *new_button;
  GtkWidget            *open_button;
  GtkWidget            *demo_button;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkStack             *content_stack;
  AdwWindowTitle       *window_title;
  AdwStatusPage        *overview_status;
  AdwActionRow         *horizon_row;
  GtkLabel             *horizon_label;

  GtkWidget            *undo_button;
  GtkRevealer          *autosave_revealer;
  GtkLabel             *autosave_label;
  AdwStatusPage        *loading_status;
  GtkProgressBar       *loading_bar;

  /* The open workshop, if any: its file, lock, autosave, recovery, live run */
  V21Document          *document;
  V21Workshop          *workshop;       /* borrowed from the document */
  GSignalGroup         *workshop_signals;
  GSignalGroup         *document_signals;

  GCancellable         *opening;        /* a file being opened */
  guint                 asking_to_open; /* files waiting for the save-changes question */
  char                 *page_before_loading;
  GtkFileChooserNative *chooser;        /* kept until it answers */
  gboolean              close_confirmed;

  /* The capture line of the pages other than the live run (Ctrl+L). */
  GtkWidget            *capture_bar;
  gboolean              capture_summoned;  /* Ctrl+L on a page without it */
  guint                 undo_label_id;
};

G_DEFINE_FINAL_TYPE (V21Window, v21_window, ADW_TYPE_APPLICATION_WINDOW)

/* Helpers */

static V21Application *
get_application (V21Window *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return V21_IS_APPLICATION (app) ? V21_APPLICATION (app) : NULL;
}

static GSettings *
get_settings (V21Window *self)
{
  V21Application *app = get_application (self);

  return app != NULL ? v21_application_get_settings (app) : NULL;
}

static char *
display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/* The folder of @file as the user knows it, with "~" for the home folder. */
static char *
display_folder (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return g_strdup ("");

  if (g_file_equal (parent, home))
    return g_strdup ("~");

  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    {
      g_autofree char *shown = g_filename_display_name (relative);

      return g_strconcat ("~" G_DIR_SEPARATOR_S, shown, NULL);
    }

  return g_file_get_parse_name (parent);
}

static const char *
workshop_title (V21Workshop *workshop)
{
  const char *title = v21_workshop_get_title (workshop);

  if (title == NULL || title[0] == '\0')
    return _("Untitled workshop");

  return title;
}

static void
set_action_enabled (V21Window  *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* A message dialog that goes with its window, so that no answer can arrive
 * for a window that is gone. */
static GtkWidget *
new_dialog (V21Window  *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  return dialog;
}

static GtkWidget *
show_message (V21Window  *self,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog;

  dialog = new_dialog (self, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static GtkFileFilter *
workshop_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Visions+21 workshops"));
  gtk_file_filter_add_pattern (filter, "*" FILE_EXTENSION);
  gtk_file_filter_add_mime_type (filter, FILE_MIME_TYPE);

  return filter;
}

/* GTK 4.8 names a button with a label twice: from its label property (with
 * the mnemonic underscore) and from the label inside it. Keep the plain text. */
static void
name_button_once (GtkWidget *button)
{
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  if (!GTK_IS_LABEL (label))
    return;

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (label)),
                                  -1);
}

/* What the window shows */

static void
update_title (V21Window *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GFile *file;

  if (self->workshop == NULL)
    {
      adw_window_title_set_title (self->window_title, "");
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Visions+21"));
      return;
    }

  if (v21_workshop_get_modified (self->workshop))
    title = g_strdup_printf ("• %s", workshop_title (self->workshop));
  else
    title = g_strdup (workshop_title (self->workshop));

  file = v21_workshop_get_file (self->workshop);
  if (file != NULL)
    subtitle = display_basename (file);
  else
    subtitle = g_strdup (_("Not saved"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_overview (V21Window *self)
{
  V21Record *root;
  const char *territory;
  gint64 start_year;
  gint64 horizon_year;
  g_autofree char *horizon = NULL;
  g_autofree char *horizon_spoken = NULL;
  g_autofree char *years = NULL;

  if (self->workshop == NULL)
    return;

  adw_status_page_set_title (self->overview_status, workshop_title (self->workshop));

  /* The description is Pango markup. */
  territory = v21_workshop_get_territory_name (self->workshop);
  if (territory != NULL && territory[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (territory, -1);

      adw_status_page_set_description (self->overview_status, escaped);
    }
  else
    {
      adw_status_page_set_description (self->overview_status, _("No territory yet"));
    }

  root = v21_workshop_get_root (self->workshop);
  start_year = v21_record_get_int (root, "start_year", 0);
  horizon_year = v21_record_get_int (root, "horizon_year", 0);

  horizon = g_strdup_printf ("%" G_GINT64_FORMAT " → %" G_GINT64_FORMAT,
                             start_year, horizon_year);
  gtk_label_set_label (self->horizon_label, horizon);

  /* Translators: how a screen reader says the horizon, e.g. "from 2025 to 2055". */
  horizon_spoken = g_strdup_printf (_("from %d to %d"), (int) start_year, (int) horizon_year);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->horizon_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, horizon_spoken,
                                  -1);

  years = g_strdup_printf (ngettext ("%d year ahead", "%d years ahead",
                                     (gulong) MAX (horizon_year - start_year, 0)),
                           (int) (horizon_year - start_year));
  adw_action_row_set_subtitle (self->horizon_row, years);
}

/* The undo button says what Ctrl+Z would undo. */
static void
update_undo_label (V21Window *self)
{
  const char *label = self->workshop ? v21_workshop_get_undo_label (self->workshop) : NULL;
  g_autofree char *text = label ? g_strdup_printf (_("Undo: %s"), label) : g_strdup (_("Undo"));

  if (self->undo_button == NULL)
    return;
  gtk_widget_set_tooltip_text (self->undo_button, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->undo_button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* After the edit: inside a group, the label is still the previous step's. */
static gboolean
undo_label_idle (gpointer data)
{
  V21Window *self = data;

  self->undo_label_id = 0;
  update_undo_label (self);
  return G_SOURCE_REMOVE;
}

static void
queue_undo_label (V21Window *self)
{
  if (self->undo_label_id == 0)
    self->undo_label_id = g_idle_add (undo_label_idle, self);
}

static void
update_actions (V21Window *self)
{
  gboolean open = self->workshop != NULL;

  set_action_enabled (self, "save", open);
  set_action_enabled (self, "save-as", open);
  set_action_enabled (self, "undo", open && v21_workshop_can_undo (self->workshop));
  set_action_enabled (self, "redo", open && v21_workshop_can_redo (self->workshop));
  update_undo_label (self);
}

static void
on_recent_row_activated (V21Window     *self,
                         GtkListBoxRow *row)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "v21-file");

  if (file != NULL)
    v21_window_open_file (self, file);
}

static void
refresh_recent (V21Window *self)
{
  V21Application *app = get_application (self);
  g_autoptr(GPtrArray) files = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  if (app == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->recent_group), FALSE);
      return;
    }

  files = v21_application_list_recent_files (app);
  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *name = display_basename (file);
      g_autofree char *folder = display_folder (file);
      g_autofree char *full = g_file_get_parse_name (file);
      GtkWidget *row;
      GtkWidget *arrow;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, full);

      arrow = g_object_new (GTK_TYPE_IMAGE,
                            "icon-name", "go-next-symbolic",
                            "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                            NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

      g_object_set_data_full (G_OBJECT (row), "v21-file", g_object_ref (file), g_object_unref);
      gtk_list_box_append (self->recent_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), files->len > 0);
}

/* Shows why the recovery file cannot be written, until it can. */
static void
update_banner (V21Window *self)
{
  const GError *error = self->document != NULL ? v21_document_get_autosave_error (self->document) : NULL;

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Changes are not being kept in case of a crash: %s. "
                                                 "Save the workshop to keep them."),
                                               error->message);

      gtk_label_set_label (self->autosave_label, text);
    }
  gtk_revealer_set_reveal_child (self->autosave_revealer, error != NULL);
}

/* Forgets the open workshop. Its recovery files are removed when @clean (the
 * user saved, or chose to discard the changes). */
static void
drop_document (V21Window *self,
               gboolean   clean)
{
  if (self->document != NULL && clean)
    v21_document_close_clean (self->document);
  if (self->workshop_signals != NULL)
    g_signal_group_set_target (self->workshop_signals, NULL);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  self->workshop = NULL;
  g_clear_object (&self->document);
}

static const V21PageInfo *find_page_info (const char *name);

/* The capture bar is at the foot of every page of Run and Results but the
 * live run (which has its own line), and of any page where Ctrl+L called it. */
static void
update_capture_bar (V21Window *self)
{
  const char *name;
  const V21PageInfo *info;
  gboolean shown;

  if (self->capture_bar == NULL || self->content_stack == NULL)
    return;
  name = gtk_stack_get_visible_child_name (self->content_stack);
  info = find_page_info (name);
  shown = g_strcmp0 (name, "live") != 0
          && (self->capture_summoned
              || (info != NULL && (g_strcmp0 (info->section, N_("Run")) == 0
                                   || g_strcmp0 (info->section, N_("Results")) == 0)));
  gtk_widget_set_visible (self->capture_bar, shown);
}

/* The pages of the registry (v21-pages.c): a sidebar row and a stack page each,
 * built for the open workshop; the overview row of the template stays. */

static GtkWidget *
page_row (const V21PageInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (info->icon);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->name);
  g_object_set_data (G_OBJECT (row), "v21-section", (gpointer) info->section);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title), -1);
  return row;
}

/* Only the rows: a page is built when first shown (ensure_page), so that
 * opening a workshop costs the overview, not twelve pages. */
static void
add_pages (V21Window *self)
{
  for (const V21PageInfo *info = v21_pages (); info->name != NULL; info++)
    gtk_list_box_append (self->sidebar_list, page_row (info));
  self->capture_bar = v21_capture_bar_new (self->workshop);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->content_stack))),
                              self->capture_bar, GTK_WIDGET (self->content_stack));
  update_capture_bar (self);
}

static const V21PageInfo *
find_page_info (const char *name)
{
  for (const V21PageInfo *info = v21_pages (); info->name != NULL; info++)
    if (g_strcmp0 (info->name, name) == 0)
      return info;
  return NULL;
}

/* The page @name of the stack, built for the open workshop if it is not yet;
 * NULL when @name is no page of the registry or no workshop is open. */
static GtkWidget *
ensure_page (V21Window  *self,
             const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->content_stack, name);
  const V21PageInfo *info;
  GtkStackPage *stack_page;

  if (page != NULL || self->workshop == NULL || (info = find_page_info (name)) == NULL)
    return page;
  page = info->create (self->workshop);
  stack_page = gtk_stack_add_titled (self->content_stack, page, info->name, _(info->title));
  gtk_stack_page_set_icon_name (stack_page, info->icon);
  return page;
}

static void
remove_pages (V21Window *self)
{
  GtkListBoxRow *row;
  int index = 0;

  if (self->capture_bar != NULL)
    {
      gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->capture_bar)), self->capture_bar);
      self->capture_bar = NULL;
    }

  /* By index: removing a row also removes the section heading that followed
   * it, so a sibling taken beforehand may be gone. */
  while ((row = gtk_list_box_get_row_at_index (self->sidebar_list, index)) != NULL)
    {
      const char *name = gtk_widget_get_name (GTK_WIDGET (row));
      GtkWidget *page;

      if (g_strcmp0 (name, "overview") == 0)
        {
          index++;
          continue;
        }
      page = gtk_stack_get_child_by_name (self->content_stack, name);
      gtk_list_box_remove (self->sidebar_list, GTK_WIDGET (row));
      if (page != NULL)
        gtk_stack_remove (self->content_stack, page);
    }
}

/* A heading above the first row of each section. */
static void
sidebar_header (GtkListBoxRow *row,
                GtkListBoxRow *before,
                gpointer       data)
{
  const char *section = g_object_get_data (G_OBJECT (row), "v21-section");
  const char *previous = before ? g_object_get_data (G_OBJECT (before), "v21-section") : NULL;
  GtkWidget *label;

  if (section == NULL || g_strcmp0 (section, previous) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = gtk_label_new (_(section));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_header (row, label);
}

static guint
autosave_interval (V21Window *self)
{
  V21Application *app = get_application (self);

  return app != NULL ? v21_application_get_autosave_interval (app) : 30;
}

/* Shows @document (or the welcome page when NULL), taking it. */
static void
set_document (V21Window   *self,
              V21Document *document)
{
  V21Workshop *workshop = document != NULL ? v21_document_get_workshop (document) : NULL;

  drop_document (self, TRUE);

  if (document != NULL)
    {
      self->document = document;
      self->workshop = workshop;
      g_signal_group_set_target (self->workshop_signals, workshop);
      g_signal_group_set_target (self->document_signals, document);
    }

  /* Only the visible menu button answers F10. */
  gtk_menu_button_set_primary (self->welcome_menu_button, FALSE);
  gtk_menu_button_set_primary (self->workshop_menu_button, FALSE);

  remove_pages (self);
  if (workshop != NULL)
    add_pages (self);

  if (workshop != NULL)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->sidebar_list, 0);

      gtk_stack_set_visible_child_name (self->main_stack, "workshop");
      gtk_menu_button_set_primary (self->workshop_menu_button, TRUE);
      gtk_list_box_select_row (self->sidebar_list, first);
      gtk_stack_set_visible_child_name (self->content_stack, gtk_widget_get_name (GTK_WIDGET (first)));
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
      gtk_widget_grab_focus (GTK_WIDGET (first));
    }
  else
    {
      refresh_recent (self);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      gtk_menu_button_set_primary (self->welcome_menu_button, TRUE);
      gtk_widget_grab_focus (self->new_button);
    }

  update_title (self);
  update_overview (self);
  update_actions (self);
  update_banner (self);
}

/* A workshop made here (new, demo, restored): a document without a file's lock. */
static void
set_workshop (V21Window   *self,
              V21Workshop *workshop,
              V21FileLock *lock)
{
  set_document (self, workshop != NULL ? v21_document_new (workshop, lock, autosave_interval (self)) : NULL);
}

/* Opening */

static void
show_load_error (V21Window  *self,
                 GFile      *file,
                 GPtrArray  *problems,
                 GError     *error)
{
  g_autofree char *name = display_basename (file);
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = g_string_new (NULL);

  heading = g_strdup_printf (_("Could Not Open “%s”"), name);

  if (problems != NULL && problems->len > 0)
    {
      V21Problem *first = g_ptr_array_index (problems, 0);

      if (first->path != NULL && first->path[0] != '\0')
        g_string_append_printf (body, "%s: %s", first->path, first->message);
      else
        g_string_append (body, first->message);

      if (problems->len > 1)
        {
          guint more = problems->len - 1;

          g_string_append (body, "\n\n");
          g_string_append_printf (body,
                                  ngettext ("%u more problem was found in the file.",
                                            "%u more problems were found in the file.",
                                            more),
                                  more);
        }
    }
  else if (error != NULL)
    {
      g_string_append (body, error->message);
    }

  show_message (self, heading, body->str);
}

static void open_file_now (V21Window *self,
                           GFile     *file,
                           gboolean   force);

static void
on_locked_response (AdwMessageDialog *dialog,
                    const char       *response,
                    GFile            *file)
{
  GtkWindow *self = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_str_equal (response, "open") && V21_IS_WINDOW (self))
    open_file_now (V21_WINDOW (self), file, TRUE);
}

static void
ask_open_anyway (V21Window *self,
                 GFile     *file,
                 GError    *error)
{
  g_autofree char *name = display_basename (file);
  GtkWidget *dialog;

  dialog = new_dialog (self, NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     _("“%s” Is Already Open"), name);
  /* The lock's message says where the file is open (host, process) and why
   * that matters. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_locked_response),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* While a large file loads, the window shows how far it went. */
static void
on_open_progress (double   fraction,
                  gpointer data)
{
  V21Window *self = data;

  gtk_progress_bar_set_fraction (self->loading_bar, fraction);
}

static void
show_loading (V21Window *self,
              GFile     *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autofree char *name = display_basename (file);
  g_autofree char *title = NULL;

  if (info == NULL || g_file_info_get_size (info) < V21_DOCUMENT_PROGRESS_BYTES)
    return;
  title = g_strdup_printf (_("Opening “%s”"), name);
  adw_status_page_set_title (self->loading_status, title);
  gtk_progress_bar_set_fraction (self->loading_bar, 0);
  g_free (self->page_before_loading);
  self->page_before_loading = g_strdup (gtk_stack_get_visible_child_name (self->main_stack));
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
}

static void
hide_loading (V21Window *self)
{
  g_autofree char *before = g_steal_pointer (&self->page_before_loading);

  if (before != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") == 0)
    gtk_stack_set_visible_child_name (self->main_stack, before);
}

typedef struct
{
  V21Window    *self;
  GFile        *file;
  GCancellable *cancellable;
} Opening;

static void
opening_free (Opening *opening)
{
  g_object_unref (opening->self);
  g_object_unref (opening->file);
  g_object_unref (opening->cancellable);
  g_free (opening);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Opening *opening = data;
  V21Window *self = opening->self;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  V21Document *document = v21_document_open_finish (result, &problems, &error);
  V21Application *app = get_application (self);

  if (self->opening == opening->cancellable)
    {
      g_clear_object (&self->opening);
      hide_loading (self);
    }
  if (document != NULL)
    {
      set_document (self, document);
      if (app != NULL)
        v21_application_add_recent_file (app, opening->file);
    }
  else if (g_error_matches (error, V21_ERROR, V21_ERROR_LOCKED))
    ask_open_anyway (self, opening->file, error);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_load_error (self, opening->file, problems, error);
  opening_free (opening);
}

/* Reads @file in a worker; the window stays as it is (or shows the progress
 * of a large file) until it is ready. */
static void
open_file_now (V21Window *self,
               GFile     *file,
               gboolean   force)
{
  Opening *opening = g_new0 (Opening, 1);

  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  g_set_object (&self->opening, g_cancellable_new ());
  opening->self = g_object_ref (self);
  opening->file = g_object_ref (file);
  opening->cancellable = g_object_ref (self->opening);
  show_loading (self, file);
  v21_document_open_async (file, force, autosave_interval (self), self->opening,
                           on_open_progress, self, on_opened, opening);
}

static void
on_loading_cancel_clicked (V21Window *self)
{
  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  hide_loading (self);
}

static void
open_demo (V21Window *self)
{
  V21Application *app = get_application (self);
  g_autoptr(GFile) demo = app != NULL ? v21_application_dup_demo_file (app) : NULL;
  g_autoptr(V21Workshop) workshop = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (demo == NULL)
    return;

  /* The demo opens as an unsaved copy: saving asks for a new name rather
   * than writing over the installed example. */
  if (g_file_load_contents (demo, NULL, &contents, &length, NULL, &error))
    workshop = v21_workshop_load_data (contents, length, &problems, &error);

  if (workshop == NULL)
    {
      show_load_error (self, demo, problems, error);
      return;
    }

  set_workshop (self, workshop, NULL);
}

static void
on_workshop_created (V21Window   *self,
                     V21Workshop *workshop)
{
  set_workshop (self, workshop, NULL);
}

/* The assistant asks the title, territory, years and dates first. */
static void
new_workshop (V21Window *self)
{
  V21NewWorkshopDialog *dialog = v21_new_workshop_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "created", G_CALLBACK (on_workshop_created), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saving */

static void
on_document_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(GTask) task = data;
  V21Window *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  V21Application *app = get_application (self);

  if (!v21_document_save_finish (V21_DOCUMENT (source), result, &error))
    {
      GFile *file = g_task_get_task_data (task);
      g_autofree char *name = display_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
        show_message (self, heading, error->message);
      g_task_return_boolean (task, FALSE);
      return;
    }
  if (app != NULL)
    v21_application_add_recent_file (app, g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

static void
save_document_to (V21Window *self,
                  GFile     *file,
                  GTask     *task)
{
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  v21_document_save_as_async (self->document, file, NULL, on_document_saved, task);
}

static void
on_save_as_response (GtkNativeDialog *native,
                     int              response,
                     GTask           *task)
{
  V21Window *self = g_task_get_source_object (task);
  G_GNUC_UNUSED g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    {
      save_document_to (self, file, task);
      return;
    }
  g_task_return_boolean (task, FALSE);
  g_object_unref (task);
}

static char *
suggested_file_name (V21Workshop *workshop)
{
  g_autofree char *name = g_strdup (workshop_title (workshop));

  g_strstrip (name);
  g_strdelimit (name, G_DIR_SEPARATOR_S "\\:", '-');
  if (name[0] == '\0' || name[0] == '.')
    {
      g_free (name);
      name = g_strdup (_("Untitled workshop"));
    }

  return g_strconcat (name, FILE_EXTENSION, NULL);
}

static void
choose_file_to_save (V21Window *self,
                     GTask     *task)
{
  g_autofree char *name = NULL;
  GFile *current = v21_workshop_get_file (self->workshop);

  self->chooser = gtk_file_chooser_native_new (_("Save Workshop"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), workshop_filter ());
  if (current != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (current);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
      name = g_file_get_basename (current);
    }
  else
    {
      name = suggested_file_name (self->workshop);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_save_as_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * _v21_window_save_async:
 * @choose: ask for a file name even when the workshop has one ("Save As")
 *
 * Saves the open workshop, asking for a file name when it has none; the
 * result is whether it was saved (a failure is shown in a dialog).
 */
void
_v21_window_save_async (V21Window           *self,
                        gboolean             choose,
                        GAsyncReadyCallback  callback,
                        gpointer             data)
{
  GTask *task = g_task_new (self, NULL, callback, data);
  GFile *file;

  /* What is being typed is part of what is saved. */
  v21_field_binding_flush_all ();
  if (self->document == NULL || self->chooser != NULL)
    {
      g_task_return_boolean (task, FALSE);
      g_object_unref (task);
      return;
    }
  file = v21_workshop_get_file (self->workshop);
  if (choose || file == NULL)
    choose_file_to_save (self, task);
  else
    save_document_to (self, file, task);
}

gboolean
_v21_window_save_finish (V21Window    *self,
                         GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), NULL);
}

/* Unsaved changes */

static void
on_saved_before_going_on (GObject      *source,
                          GAsyncResult *result,
                          gpointer      data)
{
  g_autoptr(GTask) task = data;

  g_task_return_boolean (task, _v21_window_save_finish (V21_WINDOW (source), result));
}

static void
on_save_changes_answer (GObject      *source,
                        GAsyncResult *result,
                        gpointer      data)
{
  g_autoptr(GTask) task = data;
  V21Window *self = g_task_get_source_object (task);

  switch (v21_save_changes_dialog_run_finish (result))
    {
    case V21_SAVE_CHANGES_DISCARD:
      g_task_return_boolean (task, TRUE);
      break;
    case V21_SAVE_CHANGES_SAVE:
      _v21_window_save_async (self, FALSE, on_saved_before_going_on, g_steal_pointer (&task));
      break;
    case V21_SAVE_CHANGES_CANCEL:
    default:
      g_task_return_boolean (task, FALSE);
    }
}

/**
 * _v21_window_confirm_async:
 *
 * Finishes with %TRUE at once when nothing would be lost; otherwise asks
 * first (Cancel / Discard / Save), and finishes with %TRUE only if the
 * changes were saved or discarded.
 */
void
_v21_window_confirm_async (V21Window           *self,
                           GAsyncReadyCallback  callback,
                           gpointer             data)
{
  GTask *task = g_task_new (self, NULL, callback, data);

  v21_field_binding_flush_all ();
  if (self->workshop == NULL || !v21_workshop_get_modified (self->workshop))
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  v21_save_changes_dialog_run_async (GTK_WINDOW (self), workshop_title (self->workshop),
                                     NULL, on_save_changes_answer, task);
}

gboolean
_v21_window_confirm_finish (V21Window    *self,
                            GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), NULL);
}

static void
on_confirmed_open (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(GFile) file = data;
  V21Window *self = V21_WINDOW (source);

  if (_v21_window_confirm_finish (self, result))
    open_file_now (self, file, FALSE);
  self->asking_to_open--;
}

static void
on_confirmed_demo (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  if (_v21_window_confirm_finish (V21_WINDOW (source), result))
    open_demo (V21_WINDOW (source));
}

static void
on_confirmed_new (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  if (_v21_window_confirm_finish (V21_WINDOW (source), result))
    new_workshop (V21_WINDOW (source));
}

/* Recovery after a crash */

typedef struct
{
  V21Window *self;
  GPtrArray *recoveries;  /* of V21Recovery */
  guint      next;
} RecoveryOffer;

static void
recovery_offer_free (RecoveryOffer *offer)
{
  g_object_unref (offer->self);
  g_ptr_array_unref (offer->recoveries);
  g_free (offer);
}

static void offer_next_recovery (RecoveryOffer *offer);

static void
restore (V21Window   *self,
         V21Recovery *recovery)
{
  g_autoptr(V21Workshop) workshop = NULL;
  g_autoptr(GError) error = NULL;
  V21FileLock *lock = NULL;
  V21Window *target = self;
  GFile *file;

  workshop = v21_recovery_restore (recovery, &error);
  if (workshop == NULL)
    {
      show_message (self, _("Could Not Restore the Changes"), error->message);
      return;
    }

  file = v21_workshop_get_file (workshop);
  if (file != NULL)
    {
      lock = v21_file_lock_acquire (file, FALSE, &error);
      if (lock == NULL)
        g_debug ("Restoring without a lock: %s", error != NULL ? error->message : "");
      g_clear_error (&error);
    }

  /* This window may already show a workshop: restore beside it. */
  if (self->workshop != NULL)
    {
      target = v21_window_new (get_application (self));
      gtk_window_present (GTK_WINDOW (target));
    }
  set_workshop (target, workshop, lock);

  /* The recovery file stays until the restored changes are saved or
   * discarded: until then it is their only copy on disk. */
  v21_document_set_restored_from (target->document, recovery->recovery);
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      RecoveryOffer    *offer)
{
  V21Recovery *recovery = g_ptr_array_index (offer->recoveries, offer->next);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "restore"))
    {
      restore (offer->self, recovery);
    }
  else if (g_str_equal (response, "discard"))
    {
      if (!v21_recovery_discard (recovery, &error))
        show_message (offer->self, _("Could Not Discard the Changes"), error->message);
    }
  /* Anything else ("later", Escape) keeps the recovery file for next time. */

  offer->next++;
  offer_next_recovery (offer);
}

static void
offer_next_recovery (RecoveryOffer *offer)
{
  V21Recovery *recovery;
  g_autofree char *when = NULL;
  GtkWidget *dialog;

  if (offer->next >= offer->recoveries->len)
    {
      recovery_offer_free (offer);
      return;
    }

  recovery = g_ptr_array_index (offer->recoveries, offer->next);
  if (recovery->saved != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (recovery->saved);

      /* %c: the date and time in the user's locale. */
      when = g_date_time_format (local, "%c");
    }

  dialog = new_dialog (offer->self, _("Restore Unsaved Changes?"), NULL);
  if (when != NULL)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("Visions+21 stopped before the changes to “%s” were "
                                      "saved. The changes kept automatically on %s can be "
                                      "restored."),
                                    recovery->title != NULL ? recovery->title : _("Untitled workshop"),
                                    when);
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("Visions+21 stopped before the changes to “%s” were "
                                      "saved. The changes kept automatically can be restored."),
                                    recovery->title != NULL ? recovery->title : _("Untitled workshop"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response), offer);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Choosing a file */

static void
on_open_response (GtkNativeDialog *native,
                  int              response,
                  V21Window       *self)
{
  G_GNUC_UNUSED g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        v21_window_open_file (self, file);
    }
}

/* Asks which workshop to open, then opens it (v21_window_open_file). */
void
_v21_window_choose_file_to_open (V21Window *self)
{
  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open Workshop"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), workshop_filter ());
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
_v21_window_open_demo (V21Window *self)
{
  _v21_window_confirm_async (self, on_confirmed_demo, NULL);
}

/* Template callbacks */

static void
on_sidebar_row_activated (V21Window     *self,
                          GtkListBoxRow *row)
{
  ensure_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  gtk_stack_set_visible_child_name (self->content_stack, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked (V21Window *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The sidebar's highlight is the page shown: moving the focus through the
 * rows (Tab, arrows) leaves it there until a row is activated. */
static void
sync_sidebar (V21Window *self)
{
  const char *name;
  GtkListBoxRow *selected;

  if (self->content_stack == NULL || self->sidebar_list == NULL)
    return;
  name = gtk_stack_get_visible_child_name (self->content_stack);
  selected = gtk_list_box_get_selected_row (self->sidebar_list);
  if (gtk_list_box_get_selection_mode (self->sidebar_list) == GTK_SELECTION_NONE
      || (selected != NULL && g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (selected)), name) == 0))
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      {
        gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
        return;
      }
}

static void
on_page_shown (V21Window *self)
{
  self->capture_summoned = FALSE;
  update_capture_bar (self);
  sync_sidebar (self);
}

static void
on_leaflet_folded (V21Window *self)
{
  /* Folded, the sidebar is a list to pick from: no row stays highlighted. */
  if (adw_leaflet_get_folded (self->leaflet))
    {
      gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_NONE);
    }
  else
    {
      GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);
      const char *name = page != NULL ? gtk_stack_get_visible_child_name (self->content_stack) : NULL;

      gtk_list_box_set_selection_mode (self->sidebar_list, GTK_SELECTION_BROWSE);
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
            gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
        }
    }
}

static void
on_autosave_interval_changed (V21Window *self)
{
  V21Application *app = get_application (self);

  if (self->document != NULL && app != NULL)
    v21_autosave_set_interval (v21_document_get_autosave (self->document),
                               v21_application_get_autosave_interval (app));
}

/* GObject */

static void
save_window_state (V21Window *self)
{
  GSettings *settings = get_settings (self);
  int width;
  int height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (settings);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (settings);
}

static void
on_confirmed_close (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  V21Window *self = V21_WINDOW (source);

  if (!_v21_window_confirm_finish (self, result))
    return;
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
v21_window_close_request (GtkWindow *window)
{
  V21Window *self = V21_WINDOW (window);

  if (!self->close_confirmed &&
      self->workshop != NULL &&
      v21_workshop_get_modified (self->workshop))
    {
      _v21_window_confirm_async (self, on_confirmed_close, NULL);
      return TRUE;
    }

  save_window_state (self);
  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  drop_document (self, TRUE);

  return GTK_WINDOW_CLASS (v21_window_parent_class)->close_request (window);
}

/* The application is set after construction ("application" is not a
 * construct property): what depends on it waits for it. */
static void
on_application_changed (V21Window *self)
{
  V21Application *app = get_application (self);
  GSettings *settings = get_settings (self);
  g_autoptr(GFile) demo = NULL;

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));

      g_signal_handlers_disconnect_by_data (settings, self);
      g_signal_connect_object (settings, "changed::recent-files",
                               G_CALLBACK (refresh_recent), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "changed::autosave-interval",
                               G_CALLBACK (on_autosave_interval_changed), self,
                               G_CONNECT_SWAPPED);
    }

  /* No demo installed: no button for it. */
  demo = app != NULL ? v21_application_dup_demo_file (app) : NULL;
  set_action_enabled (self, "open-demo", demo != NULL);
  gtk_widget_set_visible (self->demo_button, demo != NULL);

  refresh_recent (self);
}

static void
v21_window_dispose (GObject *object)
{
  V21Window *self = V21_WINDOW (object);

  g_clear_handle_id (&self->undo_label_id, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->opening != NULL)
    g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  g_clear_pointer (&self->page_before_loading, g_free);

  /* Not a clean close (the window was destroyed without being asked to
   * close): the recovery file stays. */
  drop_document (self, FALSE);
  g_clear_object (&self->workshop_signals);
  g_clear_object (&self->document_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), V21_TYPE_WINDOW);

  G_OBJECT_CLASS (v21_window_parent_class)->dispose (object);
}

static void
v21_window_class_init (V21WindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = v21_window_dispose;

  window_class->close_request = v21_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visions21/Atelier/v21-window.ui");
  gtk_widget_class_bind_template_child (widget_class, V21Window, main_stack);
  gtk_widget_class_bind_template_child (widget_class, V21Window, welcome_menu_button);
  gtk_widget_class_bind_template_child (widget_class, V21Window, workshop_menu_button);
  gtk_widget_class_bind_template_child (widget_class, V21Window, welcome_status);
  gtk_widget_class_bind_template_child (widget_class, V21Window, new_button);
  gtk_widget_class_bind_template_child (widget_class, V21Window, open_button);
  gtk_widget_class_bind_template_child (widget_class, V21Window, demo_button);
  gtk_widget_class_bind_template_child (widget_class, V21Window, recent_group);
  gtk_widget_class_bind_template_child (widget_class, V21Window, recent_list);
  gtk_widget_class_bind_template_child (widget_class, V21Window, leaflet);
  gtk_widget_class_bind_template_child (widget_class, V21Window, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, V21Window, content_stack);
  gtk_widget_class_bind_template_child (widget_class, V21Window, window_title);
  gtk_widget_class_bind_template_child (widget_class, V21Window, overview_status);
  gtk_widget_class_bind_template_child (widget_class, V21Window, horizon_row);
  gtk_widget_class_bind_template_child (widget_class, V21Window, horizon_label);
  gtk_widget_class_bind_template_child (widget_class, V21Window, undo_button);
  gtk_widget_class_bind_template_child (widget_class, V21Window, autosave_revealer);
  gtk_widget_class_bind_template_child (widget_class, V21Window, autosave_label);
  gtk_widget_class_bind_template_child (widget_class, V21Window, loading_status);
  gtk_widget_class_bind_template_child (widget_class, V21Window, loading_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_loading_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded);
}

/* Toasts (v21_show_toast) appear over the whole window. */
static void
wrap_in_toast_overlay (V21Window *self)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (self));
  GtkWidget *overlay = adw_toast_overlay_new ();

  g_object_ref (content);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), overlay);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), content);
  g_object_unref (content);
}

static void
v21_window_init (V21Window *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wrap_in_toast_overlay (self);
  gtk_list_box_set_header_func (self->sidebar_list, sidebar_header, NULL, NULL);

  _v21_window_actions_add (self);
  v21_projector_actions_add (self);

  name_button_once (self->new_button);
  name_button_once (self->open_button);
  name_button_once (self->demo_button);

  g_signal_connect_swapped (self->recent_list, "row-activated",
                            G_CALLBACK (on_recent_row_activated), self);

  gtk_window_set_default_size (GTK_WINDOW (self), 1240, 760);
  adw_status_page_set_icon_name (self->welcome_status, APPLICATION_ID);
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed), NULL);

  self->workshop_signals = g_signal_group_new (V21_TYPE_WORKSHOP);
  g_signal_group_connect_swapped (self->workshop_signals, "notify::title",
                                  G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->workshop_signals, "notify::title",
                                  G_CALLBACK (update_overview), self);
  g_signal_group_connect_swapped (self->workshop_signals, "notify::territory",
                                  G_CALLBACK (update_overview), self);
  g_signal_group_connect_swapped (self->workshop_signals, "notify::modified",
                                  G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->workshop_signals, "notify::file",
                                  G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->workshop_signals, "notify::can-undo",
                                  G_CALLBACK (update_actions), self);
  g_signal_group_connect_swapped (self->workshop_signals, "notify::can-redo",
                                  G_CALLBACK (update_actions), self);
  g_signal_group_connect_swapped (self->workshop_signals, "changed",
                                  G_CALLBACK (update_overview), self);
  g_signal_group_connect_swapped (self->workshop_signals, "changed",
                                  G_CALLBACK (queue_undo_label), self);

  g_signal_connect_swapped (self->content_stack, "notify::visible-child-name",
                            G_CALLBACK (on_page_shown), self);
  g_signal_connect_swapped (self->sidebar_list, "row-selected", G_CALLBACK (sync_sidebar), self);

  self->document_signals = g_signal_group_new (V21_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::autosave-error",
                                  G_CALLBACK (update_banner), self);

  set_workshop (self, NULL, NULL);
  on_application_changed (self);
}

/* Public API */

/**
 * v21_window_new:
 * @application: the application
 *
 * Returns: (transfer none): a new window, owned by @application
 */
V21Window *
v21_window_new (V21Application *application)
{
  g_return_val_if_fail (V21_IS_APPLICATION (application), NULL);

  return g_object_new (V21_TYPE_WINDOW, "application", application, NULL);
}

/**
 * v21_window_get_workshop:
 * @self: a #V21Window
 *
 * Returns: (transfer none) (nullable): the open workshop
 */
V21Workshop *
v21_window_get_workshop (V21Window *self)
{
  g_return_val_if_fail (V21_IS_WINDOW (self), NULL);

  return self->workshop;
}

/**
 * v21_window_get_document:
 * @self: a #V21Window
 *
 * Returns: (transfer none) (nullable): the open workshop's document
 */
V21Document *
v21_window_get_document (V21Window *self)
{
  g_return_val_if_fail (V21_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * v21_window_has_file:
 * @self: a #V21Window
 * @file: a workshop file
 *
 * Returns: whether @self shows the workshop saved in @file
 */
gboolean
v21_window_has_file (V21Window *self,
                     GFile     *file)
{
  GFile *current;

  g_return_val_if_fail (V21_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->workshop == NULL)
    return FALSE;

  current = v21_workshop_get_file (self->workshop);

  return current != NULL && g_file_equal (current, file);
}

/**
 * v21_window_open_file:
 * @self: a #V21Window
 * @file: a workshop file
 *
 * Opens @file in @self, after asking what to do with unsaved changes. When
 * another window of the application already shows it, that window comes to
 * the front instead. A file that cannot be opened is explained in a dialog.
 */
void
v21_window_open_file (V21Window *self,
                      GFile     *file)
{
  GtkApplication *app;

  g_return_if_fail (V21_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  app = gtk_window_get_application (GTK_WINDOW (self));
  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l; l = l->next)
    {
      if (V21_IS_WINDOW (l->data) && v21_window_has_file (l->data, file))
        {
          gtk_window_present (GTK_WINDOW (l->data));
          return;
        }
    }

  self->asking_to_open++;
  _v21_window_confirm_async (self, on_confirmed_open, g_object_ref (file));
}

/**
 * v21_window_new_workshop:
 * @self: a #V21Window
 *
 * Replaces the open workshop, after asking what to do with unsaved changes,
 * by a new one made from the toolkit. It has no file until it is saved.
 */
void
v21_window_new_workshop (V21Window *self)
{
  g_return_if_fail (V21_IS_WINDOW (self));

  _v21_window_confirm_async (self, on_confirmed_new, NULL);
}

/**
 * v21_window_offer_recovery:
 * @self: a #V21Window
 *
 * Asks, for each workshop that a previous run left unsaved, whether to
 * restore or discard it.
 */
void
v21_window_offer_recovery (V21Window *self)
{
  g_autoptr(GPtrArray) recoveries = NULL;
  RecoveryOffer *offer;

  g_return_if_fail (V21_IS_WINDOW (self));

  recoveries = v21_recovery_list ();
  if (recoveries == NULL || recoveries->len == 0)
    return;

  offer = g_new0 (RecoveryOffer, 1);
  offer->self = g_object_ref (self);
  offer->recoveries = g_steal_pointer (&recoveries);
  offer_next_recovery (offer);
}

AdwWindowTitle *
_v21_window_get_title_widget (V21Window *self)
{
  g_return_val_if_fail (V21_IS_WINDOW (self), NULL);

  return self->window_title;
}

AdwStatusPage *
_v21_window_get_overview (V21Window *self)
{
  g_return_val_if_fail (V21_IS_WINDOW (self), NULL);

  return self->overview_status;
}

const char *
_v21_window_get_page (V21Window *self)
{
  g_return_val_if_fail (V21_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

void
_v21_window_show_page (V21Window  *self,
                       const char *name)
{
  g_return_if_fail (V21_IS_WINDOW (self));
  if (self->workshop == NULL || (find_page_info (name) == NULL && g_strcmp0 (name, "overview") != 0))
    return;
  ensure_page (self, name);
  gtk_stack_set_visible_child_name (self->content_stack, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
_v21_window_focus_capture (V21Window *self)
{
  GtkWidget *live;

  g_return_if_fail (V21_IS_WINDOW (self));
  if (self->capture_bar == NULL || g_strcmp0 (_v21_window_get_shown_section (self), NULL) == 0)
    return;
  if (g_strcmp0 (_v21_window_get_shown_section (self), "live") == 0)
    {
      gtk_widget_activate_action (gtk_stack_get_visible_child (self->content_stack), "live.focus-capture", NULL);
      return;
    }
  /* A card typed here gets the live page's kind and table. */
  live = gtk_stack_get_child_by_name (self->content_stack, "live");
  if (live != NULL)
    v21_capture_bar_set_context (V21_CAPTURE_BAR (self->capture_bar),
                                 v21_live_page_get_kind (V21_LIVE_PAGE (live)),
                                 v21_live_page_get_table (V21_LIVE_PAGE (live)));
  self->capture_summoned = TRUE;
  update_capture_bar (self);
  v21_capture_bar_focus (V21_CAPTURE_BAR (self->capture_bar));
}

GtkWidget *
_v21_window_get_undo_button (V21Window *self)
{
  g_return_val_if_fail (V21_IS_WINDOW (self), NULL);
  return self->undo_button;
}

GtkWidget *
_v21_window_get_capture_bar (V21Window *self)
{
  g_return_val_if_fail (V21_IS_WINDOW (self), NULL);
  return self->capture_bar;
}

const char *
_v21_window_get_shown_section (V21Window *self)
{
  g_return_val_if_fail (V21_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workshop") != 0)
    return NULL;
  return gtk_stack_get_visible_child_name (self->content_stack);
}

GtkWidget *
_v21_window_get_section (V21Window  *self,
                         const char *name)
{
  g_return_val_if_fail (V21_IS_WINDOW (self), NULL);

  return ensure_page (self, name);
}

gboolean
_v21_window_is_section_built (V21Window  *self,
                              const char *name)
{
  g_return_val_if_fail (V21_IS_WINDOW (self), FALSE);

  return gtk_stack_get_child_by_name (self->content_stack, name) != NULL;
}

gboolean
_v21_window_is_loading (V21Window *self)
{
  g_return_val_if_fail (V21_IS_WINDOW (self), FALSE);

  return self->opening != NULL || self->asking_to_open > 0;
}

/* Writes the recovery file of the open workshop now (the program is about to
 * stop): FALSE, with @error, when it could not. */
gboolean
v21_window_flush_autosave (V21Window  *self,
                           GError    **error)
{
  g_return_val_if_fail (V21_IS_WINDOW (self), FALSE);

  return self->document == NULL || v21_document_flush_autosave (self->document, error);
}

GtkRevealer *
_v21_window_get_autosave_banner (V21Window *self)
{
  g_return_val_if_fail (V21_IS_WINDOW (self), NULL);

  return self->autosave_revealer;
}
