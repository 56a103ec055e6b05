/* v21-trajectory-page.c — "Scenarios and trajectories": narratives and diagrams
 *
 * The scenarios on the left (title, kind, narrative), the diagram of the
 * selected one (or of all) on the right, edited in place, and the selected
 * point's details underneath. Every edit goes through the workshop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-trajectory-page"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "v21-trajectory-page.h"
#include "v21-trajectory-page-private.h"
#include "v21-diagram-view.h"
#include "v21-pages.h"
#include "v21-render-export.h"

#define NARRATIVE_DELAY_MS 1500

struct _V21TrajectoryPage
{
  GtkWidget           parent_instance;

  V21Workshop        *workshop;
  GtkSingleSelection *selection;
  V21Record          *scenario;      /* the one being edited */
  V21DiagramView     *view;
  GStrv               card_ids;      /* behind card_dropdown; [0] is "no card" */
  gboolean            syncing;       /* filling the controls from the model */
  guint               narrative_timeout;
  GtkFileChooserNative *chooser;

  GtkPaned           *paned;
  GtkListView        *scenario_list;
  GtkButton          *remove_scenario_button;
  GtkEntry           *title_entry;
  GtkDropDown        *kind_dropdown;
  GtkTextView        *narrative_view;
  GtkToggleButton    *show_all_button;
  GtkToggleButton    *backcasting_button;
  GtkToggleButton    *adding_button;
  GtkDropDown        *new_kind_dropdown;
  GtkLabel           *hint_label;
  GtkFrame           *diagram_frame;
  GtkWidget          *point_box;
  GtkEntry           *label_entry;
  GtkToggleButton    *highlight_button;
  GtkDropDown        *point_kind_dropdown;
  GtkDropDown        *card_dropdown;
  GtkSpinButton      *year_spin;
  GtkSpinButton      *level_spin;
};

G_DEFINE_FINAL_TYPE (V21TrajectoryPage, v21_trajectory_page, GTK_TYPE_WIDGET)

static const char * const scenario_kinds[] = { "baseline", "desired", "disruption", "exploratory", NULL };
static const char * const point_kinds[] = {
  "milestone", "bifurcation", "vision", "threat", "resource", "weak_signal", "action", NULL
};
static const char * const point_kind_names[] = {
  N_("Milestone"), N_("Bifurcation"), N_("Vision"), N_("Threat"), N_("Resource"), N_("Weak signal"),
  N_("Action"), NULL
};
/* What a new point may be from the toolbar (a vision comes from backcasting or by editing). */
#define N_NEW_KINDS 7

static guint
index_of (const char * const *names,
          const char         *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;
  return 0;
}

static void
report_error (V21TrajectoryPage *self,
              GError            *error)
{
  if (error != NULL)
    v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
}

static void
set_field (V21TrajectoryPage *self,
           V21Record         *record,
           const char        *field,
           json_object       *value)
{
  g_autoptr(GError) error = NULL;

  if (!v21_workshop_set (self->workshop, record, field, value, &error))
    report_error (self, error);
}

/* Scenario: title, kind, narrative */

static char *
narrative_text (V21TrajectoryPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->narrative_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
commit_narrative (V21TrajectoryPage *self)
{
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->narrative_timeout, g_source_remove);
  if (self->scenario == NULL || self->syncing)
    return;
  text = narrative_text (self);
  if (g_strcmp0 (text, v21_record_get_string (self->scenario, "narrative")) != 0)
    set_field (self, self->scenario, "narrative", json_object_new_string (text));
}

static void
commit_title (V21TrajectoryPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));

  if (self->scenario == NULL || self->syncing)
    return;
  if (g_strcmp0 (text, v21_record_get_string (self->scenario, "title")) != 0)
    set_field (self, self->scenario, "title", json_object_new_string (text));
  /* A refused title (empty) comes back as it was. */
  if (g_strcmp0 (text, v21_record_get_string (self->scenario, "title")) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry), v21_record_get_string (self->scenario, "title"));
}

static void
on_title_activate (V21TrajectoryPage *self)
{
  commit_title (self);
}

static void
on_kind_selected (V21TrajectoryPage *self)
{
  guint index = gtk_drop_down_get_selected (self->kind_dropdown);

  V21Collection *trajectories = v21_workshop_get_collection (self->workshop, "trajectories");
  g_autofree char *old_kind = NULL;

  if (self->scenario == NULL || self->syncing || index >= G_N_ELEMENTS (scenario_kinds) - 1)
    return;
  old_kind = g_strdup (v21_record_get_string (self->scenario, "kind"));
  if (g_strcmp0 (scenario_kinds[index], old_kind) == 0)
    return;
  /* The scenario's own paths follow its kind (a path drawn in another style
   * on purpose, and the shared past, stay as they are). */
  v21_workshop_begin_group (self->workshop, _("Change the kind of scenario"));
  set_field (self, self->scenario, "kind", json_object_new_string (scenario_kinds[index]));
  for (guint i = 0; i < v21_collection_get_n (trajectories); i++)
    {
      V21Record *trajectory = v21_collection_get (trajectories, i);

      if (g_strcmp0 (v21_record_get_string (trajectory, "scenario"), v21_record_get_id (self->scenario)) == 0
          && g_strcmp0 (v21_record_get_string (trajectory, "style"), old_kind) == 0)
        set_field (self, trajectory, "style", json_object_new_string (scenario_kinds[index]));
    }
  v21_workshop_end_group (self->workshop);
}

static gboolean
narrative_timeout_cb (gpointer data)
{
  V21TrajectoryPage *self = data;

  self->narrative_timeout = 0;
  commit_narrative (self);
  return G_SOURCE_REMOVE;
}

static void
on_narrative_changed (V21TrajectoryPage *self)
{
  if (self->syncing)
    return;
  g_clear_handle_id (&self->narrative_timeout, g_source_remove);
  self->narrative_timeout = g_timeout_add (NARRATIVE_DELAY_MS, narrative_timeout_cb, self);
}

static void
sync_scenario (V21TrajectoryPage *self)
{
  gboolean has = self->scenario != NULL;
  g_autofree char *narrative = NULL;

  self->syncing = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_entry), has);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_dropdown), has);
  gtk_widget_set_sensitive (GTK_WIDGET (self->narrative_view), has);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_scenario_button), has);
  if (has)
    {
      const char *title = v21_record_get_string (self->scenario, "title");
      const char *text = v21_record_get_string (self->scenario, "narrative");

      if (!gtk_widget_has_focus (GTK_WIDGET (self->title_entry))
          || g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)), title) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
      gtk_drop_down_set_selected (self->kind_dropdown,
                                  index_of (scenario_kinds, v21_record_get_string (self->scenario, "kind")));
      narrative = narrative_text (self);
      if (self->narrative_timeout == 0 && g_strcmp0 (narrative, text) != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->narrative_view), text != NULL ? text : "", -1);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->narrative_view), "", -1);
    }
  self->syncing = FALSE;
}

static void
on_selection_changed (V21TrajectoryPage *self)
{
  V21Record *scenario = gtk_single_selection_get_selected_item (self->selection);

  if (scenario == self->scenario)
    return;
  commit_title (self);
  commit_narrative (self);
  g_set_object (&self->scenario, scenario);
  sync_scenario (self);
  v21_diagram_view_set_scenario (self->view, scenario != NULL ? v21_record_get_id (scenario) : NULL);
}

static void
on_add_scenario (V21TrajectoryPage *self)
{
  json_object *scenario = json_object_new_object ();
  json_object *trajectory = json_object_new_object ();
  V21Collection *scenarios = v21_workshop_get_collection (self->workshop, "scenarios");
  g_autoptr(GError) error = NULL;
  V21Record *record;
  guint position;

  json_object_object_add (scenario, "kind", json_object_new_string ("exploratory"));
  json_object_object_add (scenario, "title", json_object_new_string (_("New scenario")));
  json_object_object_add (scenario, "narrative", json_object_new_string (""));
  json_object_object_add (scenario, "table", NULL);
  v21_workshop_begin_group (self->workshop, _("Add scenario"));
  record = v21_workshop_insert (self->workshop, "scenarios", -1, scenario, &error);
  if (record != NULL)
    {
      json_object_object_add (trajectory, "scenario", json_object_new_string (v21_record_get_id (record)));
      json_object_object_add (trajectory, "style", json_object_new_string ("exploratory"));
      json_object_object_add (trajectory, "indicator", json_object_new_string (""));
      json_object_object_add (trajectory, "unit", json_object_new_string (""));
      v21_workshop_insert (self->workshop, "trajectories", -1, trajectory, &error);
    }
  else
    json_object_put (trajectory);
  v21_workshop_end_group (self->workshop);
  report_error (self, error);
  if (record != NULL && v21_collection_find (scenarios, record, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
    }
}

static void
on_remove_scenario (V21TrajectoryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->scenario == NULL)
    return;
  /* Translators: a toast after a scenario was removed; %s is its title. */
  message = g_strdup_printf (_("“%s” removed"), v21_record_get_string (self->scenario, "title"));
  if (!v21_workshop_remove (self->workshop, self->scenario, &error))
    report_error (self, error);
  else
    v21_show_toast (GTK_WIDGET (self), message, _("Undo"), "win.undo");
}

/* The scenario list: title and kind. */

static const char *
kind_name (const char *kind)
{
  static const char * const names[] = {
    N_("Baseline (current trends)"), N_("Desired"), N_("Disruption"), N_("Exploratory")
  };

  return _(names[index_of (scenario_kinds, kind)]);
}

static void
update_row (GtkListItem *item)
{
  V21Record *scenario = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *kind = gtk_widget_get_next_sibling (title);

  gtk_label_set_text (GTK_LABEL (title), v21_record_get_string (scenario, "title"));
  gtk_label_set_text (GTK_LABEL (kind), kind_name (v21_record_get_string (scenario, "kind")));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  V21Record *scenario = gtk_list_item_get_item (item);
  gulong id = g_signal_connect_swapped (scenario, "changed", G_CALLBACK (update_row), item);

  g_object_set_data (G_OBJECT (item), "v21-changed-id", GSIZE_TO_POINTER (id));
  update_row (item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "v21-changed-id"));

  if (id != 0)
    g_signal_handler_disconnect (gtk_list_item_get_item (item), id);
  g_object_set_data (G_OBJECT (item), "v21-changed-id", NULL);
}

/* The selected point */

static void
fill_cards (V21TrajectoryPage *self,
            V21Record         *point)
{
  V21Collection *cards = v21_workshop_get_collection (self->workshop, "cards");
  const char *current = point != NULL ? v21_record_get_string (point, "card") : NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GtkStringList *model;
  guint selected = 0;

  g_ptr_array_add (ids, g_strdup (""));
  g_ptr_array_add (names, g_strdup (_("No card")));
  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    {
      V21Record *card = v21_collection_get (cards, i);
      const char *kind = v21_record_get_string (card, "kind");

      /* The cards a point can stand for; and whatever it stands for now. */
      if (g_strcmp0 (v21_record_get_id (card), current) != 0
          && g_strcmp0 (kind, "threat") != 0 && g_strcmp0 (kind, "resource") != 0
          && g_strcmp0 (kind, "weak_signal") != 0 && g_strcmp0 (kind, "action") != 0)
        continue;
      if (g_strcmp0 (v21_record_get_id (card), current) == 0)
        selected = ids->len;
      g_ptr_array_add (ids, g_strdup (v21_record_get_id (card)));
      g_ptr_array_add (names, g_strdup_printf ("%s · %s", _(point_kind_names[index_of (point_kinds, kind)]),
                                               v21_record_get_string (card, "text")));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (names, NULL);
  g_strfreev (self->card_ids);
  self->card_ids = (GStrv) g_ptr_array_steal (ids, NULL);
  model = gtk_string_list_new ((const char * const *) names->pdata);
  gtk_drop_down_set_model (self->card_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->card_dropdown, selected);
  g_object_unref (model);
}

static void
sync_point (V21TrajectoryPage *self)
{
  V21Record *point;
  g_autofree char *hint = NULL;

  if (self->view == NULL)
    return;
  point = v21_diagram_view_get_selected (self->view);
  self->syncing = TRUE;
  gtk_widget_set_sensitive (self->point_box, point != NULL);
  if (point != NULL)
    {
      const char *label = v21_record_get_string (point, "label");

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->label_entry)), label) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->label_entry), label);
      gtk_drop_down_set_selected (self->point_kind_dropdown,
                                  index_of (point_kinds, v21_record_get_string (point, "kind")));
      int year = (int) v21_record_get_int (point, "year", 0);
      int lower, upper;

      /* Typed years outside the workshop's are refused, not clamped. */
      v21_diagram_view_get_year_bounds (self->view, year, &lower, &upper);
      gtk_spin_button_set_range (self->year_spin, lower, upper);
      gtk_spin_button_set_value (self->year_spin, year);
      gtk_spin_button_set_value (self->level_spin, v21_record_get_double (point, "level", 0));
      gtk_toggle_button_set_active (self->highlight_button, v21_record_get_bool (point, "highlight"));
      if (g_object_get_data (G_OBJECT (self->card_dropdown), "v21-point") != point
          || g_strcmp0 (self->card_ids[gtk_drop_down_get_selected (self->card_dropdown)],
                        v21_record_get_string (point, "card")) != 0)
        fill_cards (self, point);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->label_entry), "");
  g_object_set_data (G_OBJECT (self->card_dropdown), "v21-point", point);
  self->syncing = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), gtk_toggle_button_get_active (self->backcasting_button));
  if (gtk_toggle_button_get_active (self->backcasting_button))
    {
      hint = v21_diagram_view_get_hint (self->view);
      gtk_label_set_text (self->hint_label, hint);
    }
}

static V21Record *
selected_point (V21TrajectoryPage *self)
{
  return self->syncing || self->view == NULL ? NULL : v21_diagram_view_get_selected (self->view);
}

static void
commit_label (V21TrajectoryPage *self)
{
  V21Record *point = selected_point (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->label_entry));

  if (point != NULL && g_strcmp0 (text, v21_record_get_string (point, "label")) != 0)
    set_field (self, point, "label", json_object_new_string (text));
}

static void
on_label_activate (V21TrajectoryPage *self)
{
  commit_label (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
on_highlight_toggled (V21TrajectoryPage *self)
{
  V21Record *point = selected_point (self);
  gboolean active = gtk_toggle_button_get_active (self->highlight_button);

  if (point != NULL && active != v21_record_get_bool (point, "highlight"))
    set_field (self, point, "highlight", json_object_new_boolean (active));
}

static void
on_point_kind_selected (V21TrajectoryPage *self)
{
  V21Record *point = selected_point (self);
  guint index = gtk_drop_down_get_selected (self->point_kind_dropdown);

  if (point != NULL && index < N_NEW_KINDS && g_strcmp0 (point_kinds[index], v21_record_get_string (point, "kind")) != 0)
    set_field (self, point, "kind", json_object_new_string (point_kinds[index]));
}

static void
on_card_selected (V21TrajectoryPage *self)
{
  V21Record *point = selected_point (self);
  guint index = gtk_drop_down_get_selected (self->card_dropdown);
  const char *id;

  if (point == NULL || self->card_ids == NULL || index >= g_strv_length (self->card_ids))
    return;
  id = self->card_ids[index];
  if (g_strcmp0 (id[0] != '\0' ? id : NULL, v21_record_get_string (point, "card")) != 0)
    set_field (self, point, "card", id[0] != '\0' ? json_object_new_string (id) : NULL);
}

static void
on_year_changed (V21TrajectoryPage *self)
{
  V21Record *point = selected_point (self);
  int year = gtk_spin_button_get_value_as_int (self->year_spin);

  if (point != NULL && year != v21_record_get_int (point, "year", 0))
    set_field (self, point, "year", json_object_new_int (year));
}

static void
on_level_changed (V21TrajectoryPage *self)
{
  V21Record *point = selected_point (self);
  double level = round (gtk_spin_button_get_value (self->level_spin) * 100) / 100;

  if (point != NULL && fabs (level - v21_record_get_double (point, "level", 0)) > 1e-9)
    set_field (self, point, "level", json_object_new_double (level));
}

static void
on_delete_point (V21TrajectoryPage *self)
{
  V21Record *point = selected_point (self);
  g_autoptr(GError) error = NULL;

  if (point != NULL && !v21_workshop_remove (self->workshop, point, &error))
    report_error (self, error);
}

static void
on_new_kind_selected (V21TrajectoryPage *self)
{
  guint index = gtk_drop_down_get_selected (self->new_kind_dropdown);

  if (self->view != NULL)
    v21_diagram_view_set_new_kind (self->view, index < N_NEW_KINDS ? point_kinds[index] : "milestone");
}

static void
on_view_activate (V21TrajectoryPage *self)
{
  /* Enter on a point: edit its label. */
  gtk_widget_grab_focus (GTK_WIDGET (self->label_entry));
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                V21TrajectoryPage       *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (widget == GTK_WIDGET (self->label_entry))
    commit_label (self);
  else if (widget == GTK_WIDGET (self->title_entry))
    commit_title (self);
  else
    commit_narrative (self);
}

static void
watch_focus (V21TrajectoryPage *self,
             GtkWidget         *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (widget, focus);
}

/* Export */

static void
on_export_response (GtkNativeDialog   *dialog,
                    int                response,
                    V21TrajectoryPage *self)
{
  V21ExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "v21-format"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  V21RenderStyle style;
  const char *scenario = gtk_toggle_button_get_active (self->show_all_button) || self->scenario == NULL
                         ? NULL : v21_record_get_id (self->scenario);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file == NULL || g_file_peek_path (file) == NULL)
    return;

  v21_render_style_init (&style, format == V21_EXPORT_PDF ? V21_RENDER_PRINT : V21_RENDER_SCREEN, FALSE);
  name = g_file_get_basename (file);
  if (v21_render_export_trajectories (self->workshop, scenario, format, g_file_peek_path (file),
                                      format == V21_EXPORT_PDF ? 842 : 1280, format == V21_EXPORT_PDF ? 595 : 760,
                                      format == V21_EXPORT_PNG ? 2 : 1, &style, &error))
    /* Translators: a toast; %s is a file name. */
    message = g_strdup_printf (_("Diagram exported to %s"), name);
  else
    message = g_strdup (error->message);
  v21_show_toast (GTK_WIDGET (self), message, NULL, NULL);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  V21TrajectoryPage *self = V21_TRAJECTORY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  V21ExportFormat format;
  g_autofree char *name = NULL;
  const char *base;

  if (!v21_export_format_from_string (g_variant_get_string (parameter, NULL), &format) || self->chooser != NULL)
    return;
  base = !gtk_toggle_button_get_active (self->show_all_button) && self->scenario != NULL
         ? v21_record_get_string (self->scenario, "title") : _("Trajectories");
  name = g_strdup_printf ("%s.%s", base, v21_export_format_extension (format));
  g_strdelimit (name, "/\\:", '-');
  self->chooser = gtk_file_chooser_native_new (_("Export the Diagram"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "v21-format", GINT_TO_POINTER (format));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Life cycle */

static void
on_workshop_changed (V21TrajectoryPage *self)
{
  sync_scenario (self);
  sync_point (self);
}

V21DiagramView *
_v21_trajectory_page_get_view (V21TrajectoryPage *self)
{
  return self->view;
}

void
_v21_trajectory_page_select (V21TrajectoryPage *self,
                             guint              position)
{
  gtk_single_selection_set_selected (self->selection, position);
}

GtkEditable *
_v21_trajectory_page_get_label_entry (V21TrajectoryPage *self)
{
  return GTK_EDITABLE (self->label_entry);
}

GtkToggleButton *
_v21_trajectory_page_get_adding_button (V21TrajectoryPage *self)
{
  return self->adding_button;
}

GtkSpinButton *
_v21_trajectory_page_get_year_spin (V21TrajectoryPage *self)
{
  return self->year_spin;
}

GtkTextView *
_v21_trajectory_page_get_narrative_view (V21TrajectoryPage *self)
{
  return self->narrative_view;
}

GtkToggleButton *
_v21_trajectory_page_get_highlight_button (V21TrajectoryPage *self)
{
  return self->highlight_button;
}

GtkDropDown *
_v21_trajectory_page_get_kind_drop_down (V21TrajectoryPage *self)
{
  return self->kind_dropdown;
}

GtkFileChooserNative *
_v21_trajectory_page_get_chooser (V21TrajectoryPage *self)
{
  return self->chooser;
}

static void
v21_trajectory_page_dispose (GObject *object)
{
  V21TrajectoryPage *self = V21_TRAJECTORY_PAGE (object);

  g_clear_handle_id (&self->narrative_timeout, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->view = NULL;   /* goes with the template */
  gtk_widget_dispose_template (GTK_WIDGET (self), V21_TYPE_TRAJECTORY_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->scenario);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_trajectory_page_parent_class)->dispose (object);
}

static void
v21_trajectory_page_finalize (GObject *object)
{
  V21TrajectoryPage *self = V21_TRAJECTORY_PAGE (object);

  g_strfreev (self->card_ids);
  G_OBJECT_CLASS (v21_trajectory_page_parent_class)->finalize (object);
}

static void
v21_trajectory_page_class_init (V21TrajectoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = v21_trajectory_page_dispose;
  object_class->finalize = v21_trajectory_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/visions21/Atelier/v21-trajectory-page.ui");
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, paned);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, scenario_list);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, remove_scenario_button);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, title_entry);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, narrative_view);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, backcasting_button);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, adding_button);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, new_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, diagram_frame);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, point_box);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, label_entry);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, point_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, card_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, level_spin);
  gtk_widget_class_bind_template_child (widget_class, V21TrajectoryPage, highlight_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_scenario);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_scenario);
  gtk_widget_class_bind_template_callback (widget_class, on_title_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_new_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_label_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_point_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_highlight_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_card_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_level_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_point);
  gtk_widget_class_install_action (widget_class, "trajectories.export", "s", export_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkStringList *
translated_list (const char * const *names,
                 guint               n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, _(names[i]));
  return list;
}

/* GTK 4.8 reads a drop-down's name from its inner button: name both. */
static void
name_drop_down (GtkDropDown *drop_down,
                const char  *name)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
v21_trajectory_page_init (V21TrajectoryPage *self)
{
  g_autoptr(GtkStringList) kinds = NULL;
  g_autoptr(GtkStringList) new_kinds = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  kinds = translated_list (point_kind_names, N_NEW_KINDS);
  new_kinds = translated_list (point_kind_names, N_NEW_KINDS);
  gtk_drop_down_set_model (self->point_kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->new_kind_dropdown, G_LIST_MODEL (new_kinds));
  gtk_drop_down_set_expression (self->card_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->narrative_view), "changed",
                            G_CALLBACK (on_narrative_changed), self);
  name_drop_down (self->kind_dropdown, _("Kind of scenario"));
  name_drop_down (self->new_kind_dropdown, _("Kind of the points a click adds"));
  name_drop_down (self->point_kind_dropdown, _("Kind of the selected point"));
  name_drop_down (self->card_dropdown, _("Card the point stands for"));
  watch_focus (self, GTK_WIDGET (self->label_entry));
  watch_focus (self, GTK_WIDGET (self->title_entry));
  watch_focus (self, GTK_WIDGET (self->narrative_view));
}

GtkWidget *
v21_trajectory_page_new (V21Workshop *workshop)
{
  V21TrajectoryPage *self;
  GtkListItemFactory *factory;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);

  self = g_object_new (V21_TYPE_TRAJECTORY_PAGE, NULL);
  self->workshop = g_object_ref (workshop);

  self->view = V21_DIAGRAM_VIEW (v21_diagram_view_new (workshop));
  gtk_frame_set_child (self->diagram_frame, GTK_WIDGET (self->view));
  g_object_bind_property (self->show_all_button, "active", self->view, "show-all", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->backcasting_button, "active", self->view, "backcasting", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->adding_button, "active", self->view, "adding",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->view, "notify::selected", G_CALLBACK (sync_point), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::backcasting", G_CALLBACK (sync_point), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "activate", G_CALLBACK (on_view_activate), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (v21_workshop_get_collection (workshop, "scenarios"))));
  gtk_list_view_set_model (self->scenario_list, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_factory (self->scenario_list, factory);
  g_object_unref (factory);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workshop, "changed", G_CALLBACK (on_workshop_changed), self, G_CONNECT_SWAPPED);

  on_selection_changed (self);
  sync_point (self);
  return GTK_WIDGET (self);
}
