/* v21-report-page.c — "Report": the written report's preview and exports
 *
 * The pages of the PDF are drawn as they are scrolled into view (a list view
 * recycles a drawing area per visible page). The report is laid out again a
 * moment after the workshop stops changing, and only while the page is shown.
 * Exports go through GtkFileChooserNative; "Import a table's contributions"
 * merges files into the workshop in one undo step and sums it up in a dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-report-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "v21-report-page.h"
#include "v21-report-page-private.h"
#include "v21-report-choices.h"
#include "v21-anonymize.h"
#include "v21-merge.h"
#include "v21-pages.h"
#include "v21-report-export.h"

#define REBUILD_DELAY_MS 600
#define PREVIEW_WIDTH 560

struct _V21ReportPage
{
  GtkWidget             parent_instance;

  V21Workshop          *workshop;
  V21ReportPages       *pages;          /* NULL until built */
  gboolean              dirty;
  guint                 rebuild_timeout;
  GCancellable         *building;       /* a layout in progress, in a thread */
  GtkStringList        *page_model;     /* one string per page: its number */
  GPtrArray            *sheets;         /* the drawing areas alive */
  GtkFileChooserNative *chooser;
  gboolean              exporting;      /* an export runs in a thread */
  AdwMessageDialog     *dialog;

  V21ReportChoices     *choices;        /* the sections, what is replaced */

  GtkListView          *page_list;
  GtkSwitch            *anonymize_switch;
  GtkLabel             *pages_label;
  GtkScrolledWindow    *choices_scroller;
};

G_DEFINE_FINAL_TYPE (V21ReportPage, v21_report_page, GTK_TYPE_WIDGET)

static const char * const export_kinds[] = { "pdf", "odt", "html", "md", "csv", "workshop", NULL };

/* The preview */

static void
draw_sheet (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  V21ReportPage *self = data;
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "v21-page"));

  if (self->pages == NULL || number >= v21_report_pages_get_n_pages (self->pages))
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      return;
    }
  cairo_scale (cr, width / V21_PAGE_WIDTH, height / V21_PAGE_HEIGHT);
  v21_report_pages_draw (self->pages, number, cr);
}

/* A drawing area the list view let go of. */
static void
sheet_gone (gpointer  data,
            GObject  *area)
{
  V21ReportPage *self = data;

  g_ptr_array_remove (self->sheets, area);
}

static void
setup_sheet (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             V21ReportPage            *self)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), PREVIEW_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) (PREVIEW_WIDTH * V21_PAGE_HEIGHT / V21_PAGE_WIDTH));
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (area, "v21-report-sheet");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_sheet, self, NULL);
  gtk_list_item_set_child (item, area);
  gtk_list_item_set_activatable (item, FALSE);
  g_ptr_array_add (self->sheets, area);
  g_object_weak_ref (G_OBJECT (area), sheet_gone, self);
}

static void
bind_sheet (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            V21ReportPage            *self)
{
  GtkWidget *area = gtk_list_item_get_child (item);
  guint number = gtk_list_item_get_position (item);
  g_autofree char *label = g_strdup_printf (_("Page %u of %u"), number + 1,
                                            g_list_model_get_n_items (G_LIST_MODEL (self->page_model)));

  g_object_set_data (G_OBJECT (area), "v21-page", GUINT_TO_POINTER (number));
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_queue_draw (area);
}

static gboolean
anonymized (V21ReportPage *self)
{
  return gtk_switch_get_active (self->anonymize_switch);
}

/* The report is laid out in a thread, from a copy of the workshop made on
 * the main thread (a serialised snapshot), so the window never waits for a
 * large workshop; the pages are then only drawn on the main thread. */
typedef struct
{
  char     *data;
  gsize     length;
  gboolean  anonymize;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_free (snapshot->data);
  g_free (snapshot);
}

/* The pages of the preview, and what the anonymisation replaced to make them
 * (the same as the export will). */
typedef struct
{
  V21ReportPages      *pages;
  V21AnonymizeSummary *summary;
} Built;

static void
built_free (Built *built)
{
  g_clear_pointer (&built->pages, v21_report_pages_free);
  v21_anonymize_summary_free (built->summary);
  g_free (built);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Built, built_free)

static Built *
build_pages (Snapshot  *snapshot,
             GError   **error)
{
  g_autoptr(V21Workshop) copy = v21_workshop_load_data (snapshot->data, snapshot->length, NULL, error);
  g_autoptr(V21Workshop) source = NULL;
  g_autoptr(Built) built = g_new0 (Built, 1);

  if (copy == NULL)
    return NULL;
  built->summary = v21_anonymize_summary_new ();
  source = v21_anonymize_with_summary (copy, snapshot->anonymize, built->summary, error);
  if (source == NULL)
    return NULL;
  built->pages = v21_report_pages_new (v21_report_new (source, snapshot->anonymize ? V21_REPORT_ANONYMIZED
                                                                                   : V21_REPORT_DEFAULT),
                                       source);
  return g_steal_pointer (&built);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  Built *built = build_pages (task_data, &error);

  if (built == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, built, (GDestroyNotify) built_free);
}

static Snapshot *
take_snapshot (V21ReportPage *self)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->data = v21_workshop_to_data (self->workshop, &snapshot->length);
  snapshot->anonymize = gtk_switch_get_active (self->anonymize_switch);
  return snapshot;
}

static void
show_pages (V21ReportPage *self,
            Built         *built)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (self->page_model));
  guint after = v21_report_pages_get_n_pages (built->pages);
  g_autofree char *count = NULL;

  g_clear_pointer (&self->pages, v21_report_pages_free);
  self->pages = g_steal_pointer (&built->pages);
  v21_report_choices_show_summary (self->choices, built->summary);
  if (after > before)
    {
      g_auto(GStrv) numbers = g_new0 (char *, after - before + 1);

      for (guint i = before; i < after; i++)
        numbers[i - before] = g_strdup_printf ("%u", i + 1);
      gtk_string_list_splice (self->page_model, before, 0, (const char * const *) numbers);
    }
  else if (after < before)
    gtk_string_list_splice (self->page_model, after, before - after, NULL);
  for (guint i = 0; i < self->sheets->len; i++)
    gtk_widget_queue_draw (g_ptr_array_index (self->sheets, i));
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", after), after);
  gtk_label_set_label (self->pages_label, count);
}

static void
on_built (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Built) built = g_task_propagate_pointer (G_TASK (result), &error);
  V21ReportPage *self;

  /* A page gone, or a newer layout on its way: this one is not wanted. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  self = V21_REPORT_PAGE (data);
  g_clear_object (&self->building);
  if (built == NULL)
    v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
  else
    show_pages (self, built);
}

static void
rebuild (V21ReportPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_clear_handle_id (&self->rebuild_timeout, g_source_remove);
  self->dirty = FALSE;
  if (self->building != NULL)
    g_cancellable_cancel (self->building);
  g_clear_object (&self->building);
  self->building = g_cancellable_new ();
  /* Translators: while the report's pages are being laid out. */
  gtk_label_set_label (self->pages_label, _("Laying out the pages…"));
  task = g_task_new (NULL, self->building, on_built, self);
  g_task_set_task_data (task, take_snapshot (self), (GDestroyNotify) snapshot_free);
  g_task_run_in_thread (task, build_thread);
}

static gboolean
rebuild_timeout_cb (gpointer data)
{
  V21ReportPage *self = data;

  self->rebuild_timeout = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Lays the report out again once the workshop settles, if it is shown. */
static void
schedule_rebuild (V21ReportPage *self)
{
  self->dirty = TRUE;
  g_clear_handle_id (&self->rebuild_timeout, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->rebuild_timeout = g_timeout_add (REBUILD_DELAY_MS, rebuild_timeout_cb, self);
}

static void
on_workshop_changed (V21ReportPage *self)
{
  schedule_rebuild (self);
}

static void
on_anonymize_toggled (V21ReportPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    self->dirty = TRUE;
}

static void
v21_report_page_map (GtkWidget *widget)
{
  V21ReportPage *self = V21_REPORT_PAGE (widget);

  GTK_WIDGET_CLASS (v21_report_page_parent_class)->map (widget);
  if (self->dirty && self->rebuild_timeout == 0)
    self->rebuild_timeout = g_idle_add (rebuild_timeout_cb, self);
}

/* Exports */

static char *
suggested_name (V21ReportPage *self,
                const char    *kind)
{
  const char *title = v21_workshop_get_title (self->workshop);

  if (g_strcmp0 (kind, "workshop") == 0)
    /* Translators: added to the file name of an anonymised workshop. */
    return v21_report_file_name (title, _(" (anonymised)"), "visions21");
  return v21_report_file_name (title, anonymized (self) ? _(" (anonymised)") : NULL, kind);
}

/* Exports run in a thread, on a copy of the workshop (a 900-page PDF takes
 * seconds): the window goes on meanwhile. */
typedef struct
{
  Snapshot *snapshot;
  char     *kind;
  GFile    *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  snapshot_free (job->snapshot);
  g_free (job->kind);
  g_object_unref (job->file);
  g_free (job);
}

static gboolean
export_to (V21Workshop  *workshop,
           const char   *kind,
           GFile        *file,
           gboolean      anonymize,
           GError      **error)
{
  V21ReportFormat format;

  if (g_strcmp0 (kind, "workshop") == 0)
    {
      g_autoptr(V21Workshop) anonymous = v21_anonymize (workshop, error);

      return anonymous != NULL && v21_workshop_save_file (anonymous, file, error);
    }
  if (!v21_report_format_from_string (kind, &format))
    g_return_val_if_reached (FALSE);
  return v21_report_export (workshop, format, g_file_peek_path (file), anonymize, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  g_autoptr(V21Workshop) copy = v21_workshop_load_data (job->snapshot->data, job->snapshot->length, NULL, &error);

  if (copy == NULL || !export_to (copy, job->kind, job->file, job->snapshot->anonymize, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static char *
exported_message (ExportJob *job)
{
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *votes_path = NULL;
  g_autofree char *votes = NULL;

  if (g_strcmp0 (job->kind, "csv") != 0)
    /* Translators: a toast; %s is a file name. */
    return g_strdup_printf (_("Exported to %s"), name);
  votes_path = v21_report_votes_path (g_file_peek_path (job->file));
  votes = g_path_get_basename (votes_path);
  /* Translators: a toast; two file names. */
  return g_strdup_printf (_("Cards exported to %s, votes to %s"), name, votes);
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  V21ReportPage *self = V21_REPORT_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->exporting = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup (error->message);
  else
    message = exported_message (g_task_get_task_data (G_TASK (result)));
  v21_show_toast (GTK_WIDGET (self), message, NULL, NULL);
}

static void
start_export (V21ReportPage *self,
              const char    *kind,
              GFile         *file)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_exported, NULL);
  ExportJob *job = g_new0 (ExportJob, 1);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  job->snapshot = take_snapshot (self);
  job->kind = g_strdup (kind);
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  self->exporting = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export", FALSE);
  /* Translators: a toast while a file is written; %s is its name. */
  message = g_strdup_printf (_("Exporting %s…"), name);
  v21_show_toast (GTK_WIDGET (self), message, NULL, NULL);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    V21ReportPage   *self)
{
  const char *kind = g_object_get_data (G_OBJECT (dialog), "v21-kind");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL && g_file_peek_path (file) != NULL)
    start_export (self, kind, file);
  g_clear_object (&self->chooser);
}

static GtkFileChooserNative *
new_chooser (V21ReportPage        *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, action, accept, _("_Cancel"));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  V21ReportPage *self = V21_REPORT_PAGE (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;

  if (!g_strv_contains (export_kinds, kind) || self->chooser != NULL || self->exporting)
    return;
  name = suggested_name (self, kind);
  self->chooser = new_chooser (self, g_strcmp0 (kind, "workshop") == 0 ? _("Export an Anonymised Workshop")
                                                                        : _("Export the Report"),
                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data_full (G_OBJECT (self->chooser), "v21-kind", g_strdup (kind), g_free);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Importing a table's contributions */

static void
on_dialog_response (AdwMessageDialog *dialog,
                    const char       *response,
                    V21ReportPage    *self)
{
  if (g_strcmp0 (response, "undo") == 0 && v21_workshop_can_undo (self->workshop))
    v21_workshop_undo (self->workshop);
  if (self->dialog == dialog)
    self->dialog = NULL;
}

static void
show_summary (V21ReportPage *self,
              const char    *heading,
              const char    *body,
              gboolean       can_undo)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"), NULL);
  if (can_undo)
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "undo", _("_Undo the Import"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "undo", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dialog_response), self, 0);
  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_v21_report_page_import_files (V21ReportPage *self,
                               GListModel    *files)
{
  g_autoptr(V21MergeSummary) summary = v21_merge_summary_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *text = NULL;
  gboolean undoable;

  v21_workshop_begin_group (self->workshop, _("Import a Table’s Contributions"));
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autoptr(GError) error = NULL;

      if (!v21_workshop_merge_file (self->workshop, file, summary, &error))
        g_string_append_printf (body, "%s\n\n", error->message);
    }
  v21_workshop_end_group (self->workshop);
  undoable = v21_merge_summary_total_added (summary) > 0 || summary->conflicts->len > 0;
  if (summary->files > 0)
    {
      text = v21_merge_summary_format (summary);
      g_string_append (body, text);
    }
  show_summary (self, summary->files > 0 ? _("Contributions Imported") : _("Nothing Imported"), body->str,
                undoable && v21_workshop_can_undo (self->workshop));
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    V21ReportPage   *self)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (files != NULL && g_list_model_get_n_items (files) > 0)
    _v21_report_page_import_files (self, files);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  V21ReportPage *self = V21_REPORT_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = new_chooser (self, _("Import a Table’s Contributions"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Workshops"));
  gtk_file_filter_add_pattern (filter, "*.visions21");
  gtk_file_filter_add_mime_type (filter, "application/x-visions21");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* For the tests */

guint
_v21_report_page_get_n_pages (V21ReportPage *self)
{
  if (self->dirty || self->pages == NULL)
    {
      g_autoptr(GError) error = NULL;
      Snapshot *snapshot = take_snapshot (self);
      g_autoptr(Built) built = build_pages (snapshot, &error);

      g_assert_no_error (error);
      snapshot_free (snapshot);
      if (self->building != NULL)
        g_cancellable_cancel (self->building);
      g_clear_object (&self->building);
      g_clear_handle_id (&self->rebuild_timeout, g_source_remove);
      self->dirty = FALSE;
      show_pages (self, built);
    }
  while (self->building != NULL)
    g_main_context_iteration (NULL, TRUE);
  return v21_report_pages_get_n_pages (self->pages);
}

GtkSwitch *
_v21_report_page_get_anonymize_switch (V21ReportPage *self)
{
  return self->anonymize_switch;
}

GtkSwitch *
_v21_report_page_get_section_switch (V21ReportPage     *self,
                                     V21ReportSections  section)
{
  return v21_report_choices_get_switch (self->choices, section);
}

GStrv
_v21_report_page_get_replaced_lines (V21ReportPage *self)
{
  return v21_report_choices_get_lines (self->choices);
}

GtkFileChooserNative *
_v21_report_page_get_chooser (V21ReportPage *self)
{
  return self->chooser;
}

gboolean
_v21_report_page_is_exporting (V21ReportPage *self)
{
  return self->exporting;
}

AdwMessageDialog *
_v21_report_page_get_dialog (V21ReportPage *self)
{
  return self->dialog;
}

/* The type */

static void
v21_report_page_dispose (GObject *object)
{
  V21ReportPage *self = V21_REPORT_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_timeout, g_source_remove);
  if (self->building != NULL)
    g_cancellable_cancel (self->building);
  g_clear_object (&self->building);
  for (guint i = 0; i < self->sheets->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->sheets, i), sheet_gone, self);
  g_ptr_array_set_size (self->sheets, 0);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  self->dialog = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), V21_TYPE_REPORT_PAGE);
  /* The template's box is not bound to a field: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->pages, v21_report_pages_free);
  g_clear_object (&self->page_model);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_report_page_parent_class)->dispose (object);
}

static void
v21_report_page_finalize (GObject *object)
{
  V21ReportPage *self = V21_REPORT_PAGE (object);

  g_ptr_array_unref (self->sheets);
  G_OBJECT_CLASS (v21_report_page_parent_class)->finalize (object);
}

static void
v21_report_page_class_init (V21ReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = v21_report_page_dispose;
  object_class->finalize = v21_report_page_finalize;
  widget_class->map = v21_report_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/visions21/Atelier/v21-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, V21ReportPage, page_list);
  gtk_widget_class_bind_template_child (widget_class, V21ReportPage, anonymize_switch);
  gtk_widget_class_bind_template_child (widget_class, V21ReportPage, pages_label);
  gtk_widget_class_bind_template_child (widget_class, V21ReportPage, choices_scroller);
  gtk_widget_class_bind_template_callback (widget_class, on_anonymize_toggled);
  gtk_widget_class_install_action (widget_class, "report.export", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "report.import", NULL, import_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
v21_report_page_init (V21ReportPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->sheets = g_ptr_array_new ();
  self->page_model = gtk_string_list_new (NULL);
  self->dirty = TRUE;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_sheet), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_sheet), self);
  gtk_list_view_set_factory (self->page_list, factory);
  gtk_list_view_set_model (self->page_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->page_model)))));
  g_object_unref (factory);
}

GtkWidget *
v21_report_page_new (V21Workshop *workshop)
{
  V21ReportPage *self;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);

  self = g_object_new (V21_TYPE_REPORT_PAGE, NULL);
  self->workshop = g_object_ref (workshop);
  self->choices = V21_REPORT_CHOICES (v21_report_choices_new (workshop));
  gtk_scrolled_window_set_child (self->choices_scroller, GTK_WIDGET (self->choices));
  g_signal_connect_object (workshop, "changed", G_CALLBACK (on_workshop_changed), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
