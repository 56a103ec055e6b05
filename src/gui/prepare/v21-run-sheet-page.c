/* v21-run-sheet-page.c — the days as timed sequences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-run-sheet-page"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-field-binding.h"
#include "v21-labels.h"
#include "v21-pages.h"
#include "v21-run-sheet.h"
#include "v21-run-sheet-page.h"

struct _V21RunSheetPage
{
  AdwBin           parent_instance;

  V21Workshop     *workshop;
  V21Record       *selected;      /* the sequence shown in the details */
  GPtrArray       *bindings;      /* V21FieldBinding of the details */
  gboolean         rebuilding;
  gboolean         stale;         /* changed while out of sight */

  GtkMenuButton   *add_button;
  GtkBox          *days_box;
  GtkStack        *details_stack;
  AdwEntryRow     *title_row;
  AdwActionRow    *minutes_row;
  GtkSpinButton   *minutes_spin;
  AdwComboRow     *kind_row;
  AdwComboRow     *exercise_row;
  GtkTextView     *instructions_view;
  GtkTextView     *notes_view;
  AdwPreferencesGroup *material_group;
  GtkListBox      *material_list;
};

G_DEFINE_FINAL_TYPE (V21RunSheetPage, v21_run_sheet_page, ADW_TYPE_BIN)

static void select_sequence (V21RunSheetPage *self,
                             V21Record       *sequence,
                             gboolean         focus);

/* Where a sequence is */

typedef struct
{
  V21Record *day;
  guint      day_position;
  guint      index;        /* among the day's sequences */
  guint      n_in_day;
} Place;

static gboolean
place_of (V21RunSheetPage *self,
          V21Record       *sequence,
          Place           *place)
{
  V21Collection *days = v21_workshop_get_collection (self->workshop, "days");
  g_autoptr(GPtrArray) in_day = NULL;

  place->day = v21_workshop_lookup (self->workshop, v21_record_get_string (sequence, "day"));
  if (place->day == NULL || !v21_collection_find (days, place->day, &place->day_position))
    return FALSE;
  in_day = v21_run_sheet_sequences (self->workshop, place->day);
  place->n_in_day = in_day->len;
  return g_ptr_array_find (in_day, sequence, &place->index);
}

/* Dragging and dropping sequences */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  V21Record *sequence = g_object_get_data (G_OBJECT (row), "v21-sequence");
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);
  return gdk_content_provider_new_typed (G_TYPE_STRING, v21_record_get_id (sequence));
}

static void
move_to (V21RunSheetPage *self,
         V21Record       *sequence,
         V21Record       *day,
         guint            index)
{
  g_autoptr(GError) error = NULL;

  if (!v21_run_sheet_move (self->workshop, sequence, day, index, &error))
    v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
  select_sequence (self, sequence, FALSE);
}

/* A drop on a row goes before it, or after it on its lower half. */
static gboolean
on_row_drop (GtkDropTarget *target,
             const GValue  *value,
             double         x,
             double         y,
             GtkWidget     *row)
{
  V21RunSheetPage *self = g_object_get_data (G_OBJECT (row), "v21-page");
  V21Record *moving = v21_workshop_lookup (self->workshop, g_value_get_string (value));
  V21Record *onto = g_object_get_data (G_OBJECT (row), "v21-sequence");
  Place from;
  Place to;
  guint index;

  if (moving == NULL || moving == onto || !place_of (self, onto, &to))
    return FALSE;
  index = to.index + (y > gtk_widget_get_height (row) / 2 ? 1 : 0);
  if (place_of (self, moving, &from) && from.day == to.day && from.index < index)
    index--;
  move_to (self, moving, to.day, index);
  return TRUE;
}

/* A drop on a day outside its rows goes at its end. */
static gboolean
on_day_drop (GtkDropTarget *target,
             const GValue  *value,
             double         x,
             double         y,
             GtkWidget     *list)
{
  V21RunSheetPage *self = g_object_get_data (G_OBJECT (list), "v21-page");
  V21Record *day = g_object_get_data (G_OBJECT (list), "v21-day");
  V21Record *moving = v21_workshop_lookup (self->workshop, g_value_get_string (value));

  if (moving == NULL)
    return FALSE;
  move_to (self, moving, day, G_MAXUINT);
  return TRUE;
}

static void
make_draggable (V21RunSheetPage *self,
                GtkWidget       *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_object_set_data (G_OBJECT (row), "v21-page", self);
  g_signal_connect (target, "drop", G_CALLBACK (on_row_drop), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

/* The days and their sequences */

static GtkWidget *
sequence_row (V21RunSheetPage *self,
              V21Record       *sequence)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *start = v21_time_format (v21_run_sheet_start_of (self->workshop, sequence));
  g_autofree char *caption = v21_run_sheet_format_caption (self->workshop, sequence);
  g_autofree char *kind_class = g_strdup_printf ("v21-kind-%s", v21_record_get_string (sequence, "kind"));
  g_autofree char *spoken = NULL;
  GtkWidget *time = gtk_label_new (start);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (v21_record_get_string (sequence, "title"));
  GtkWidget *detail = gtk_label_new (caption);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");

  gtk_widget_add_css_class (time, "v21-time");
  gtk_widget_set_valign (time, GTK_ALIGN_START);
  gtk_widget_add_css_class (bar, "v21-kind-bar");
  gtk_widget_add_css_class (bar, kind_class);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), detail);
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_box_append (GTK_BOX (box), time);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), handle);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  spoken = g_strdup_printf ("%s, %s, %s", start, v21_record_get_string (sequence, "title"), caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  g_object_set_data_full (G_OBJECT (row), "v21-sequence", g_object_ref (sequence), g_object_unref);
  make_draggable (self, row);
  return row;
}

static GtkWidget *
day_header (V21RunSheetPage *self,
            V21Record       *day,
            guint            number)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *date = v21_run_sheet_format_date (day);
  g_autofree char *title = g_strdup_printf (_("Day %u — %s"), number, date);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *hours = NULL;
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *subtitle;
  V21RunSheetDay info;

  v21_run_sheet_get_day (self->workshop, day, &info);
  start = v21_time_format (info.start);
  end = v21_time_format (info.end);
  planned = v21_time_format (info.planned_end);
  if (info.planned_end > info.end)
    {
      g_autofree char *over = v21_duration_format (info.planned_end - info.end);
      hours = g_strdup_printf (_("%s – %s · ends at %s, %s too late"), start, end, planned, over);
    }
  else
    {
      hours = g_strdup_printf (_("%s – %s · ends at %s"), start, end, planned);
    }
  subtitle = gtk_label_new (hours);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, info.planned_end > info.end ? "error" : "dim-label");
  if (info.planned_end > info.end)
    gtk_widget_add_css_class (subtitle, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), subtitle);
  return box;
}

static void
on_row_selected (GtkListBox      *list,
                 GtkListBoxRow   *row,
                 V21RunSheetPage *self)
{
  if (self->rebuilding || row == NULL)
    return;
  select_sequence (self, g_object_get_data (G_OBJECT (row), "v21-sequence"), FALSE);
}

static GtkWidget *
day_section (V21RunSheetPage *self,
             V21Record       *day,
             guint            number)
{
  g_autoptr(GPtrArray) sequences = v21_run_sheet_sequences (self->workshop, day);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *placeholder = gtk_label_new (_("No sequence yet: drag one here, or add one."));
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  g_autofree char *name = g_strdup_printf (_("Sequences of day %u"), number);

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (guint i = 0; i < sequences->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), sequence_row (self, g_ptr_array_index (sequences, i)));
  g_object_set_data (G_OBJECT (list), "v21-page", self);
  g_object_set_data_full (G_OBJECT (list), "v21-day", g_object_ref (day), g_object_unref);
  g_signal_connect (target, "drop", G_CALLBACK (on_day_drop), list);
  gtk_widget_add_controller (list, GTK_EVENT_CONTROLLER (target));
  g_signal_connect (list, "row-selected", G_CALLBACK (on_row_selected), self);
  gtk_box_append (GTK_BOX (box), day_header (self, day, number));
  gtk_box_append (GTK_BOX (box), list);
  return box;
}

/* Each day's list, for finding rows again after a rebuild. */
static GtkListBox *
list_of_section (GtkWidget *section)
{
  return GTK_LIST_BOX (gtk_widget_get_last_child (section));
}

static GtkWidget *
row_of (V21RunSheetPage *self,
        V21Record       *sequence)
{
  for (GtkWidget *section = gtk_widget_get_first_child (GTK_WIDGET (self->days_box));
       section != NULL;
       section = gtk_widget_get_next_sibling (section))
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list_of_section (section)));
         row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (g_object_get_data (G_OBJECT (row), "v21-sequence") == sequence)
        return row;
  return NULL;
}

static gboolean
list_has_focus (V21RunSheetPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->days_box));
}

/* Every change may move start times anywhere: the days are drawn again, the
 * selection and the focus kept. */
static void
rebuild (V21RunSheetPage *self)
{
  V21Collection *days = v21_workshop_get_collection (self->workshop, "days");
  gboolean focused = list_has_focus (self);
  GtkWidget *child;
  GtkWidget *row;

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box))) != NULL)
    gtk_box_remove (self->days_box, child);
  for (guint d = 0; d < v21_collection_get_n (days); d++)
    gtk_box_append (self->days_box, day_section (self, v21_collection_get (days, d), d + 1));
  row = self->selected != NULL ? row_of (self, self->selected) : NULL;
  if (row != NULL)
    {
      gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
      if (focused)
        gtk_widget_grab_focus (row);
    }
  self->rebuilding = FALSE;
}

/* The details of the selected sequence */

static void
update_material (V21RunSheetPage *self)
{
  V21Collection *materials = v21_workshop_get_collection (self->workshop, "materials");
  const char *exercise = self->selected ? v21_record_get_string (self->selected, "exercise") : NULL;
  GtkWidget *row;
  guint n = 0;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->material_list))) != NULL)
    gtk_list_box_remove (self->material_list, row);
  for (guint i = 0; exercise != NULL && i < v21_collection_get_n (materials); i++)
    {
      V21Record *material = v21_collection_get (materials, i);

      if (g_strcmp0 (v21_record_get_string (material, "exercise"), exercise) != 0)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), v21_record_get_string (material, "title"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), v21_label ("material_kind", v21_record_get_string (material, "kind")));
      gtk_list_box_append (self->material_list, row);
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->material_group), n > 0);
}

static void
update_details (V21RunSheetPage *self)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *when = NULL;
  int begins;

  if (self->selected == NULL || v21_workshop_lookup (self->workshop, v21_record_get_id (self->selected)) == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->details_stack, "details");
  begins = v21_run_sheet_start_of (self->workshop, self->selected);
  start = v21_time_format (begins);
  end = v21_time_format (begins + v21_record_get_int (self->selected, "minutes", 0));
  /* Translators: when a sequence takes place, "09:45 to 11:15". */
  when = g_strdup_printf (_("From %s to %s"), start, end);
  adw_action_row_set_subtitle (self->minutes_row, when);
  update_material (self);
}

static void
select_sequence (V21RunSheetPage *self,
                 V21Record       *sequence,
                 gboolean         focus)
{
  GtkWidget *row;

  g_set_object (&self->selected, sequence);
  v21_field_bindings_set_record (self->bindings, sequence);
  row = sequence != NULL ? row_of (self, sequence) : NULL;
  self->rebuilding = TRUE;
  for (GtkWidget *section = gtk_widget_get_first_child (GTK_WIDGET (self->days_box));
       section != NULL;
       section = gtk_widget_get_next_sibling (section))
    {
      GtkListBox *list = list_of_section (section);

      if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (list))
        gtk_list_box_unselect_all (list);
      else
        gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (row));
    }
  self->rebuilding = FALSE;
  if (row != NULL && focus)
    gtk_widget_grab_focus (row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run-sheet.move-up", sequence != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run-sheet.move-down", sequence != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run-sheet.remove", sequence != NULL);
  update_details (self);
}

/* Out of sight (while the seminar runs, say), the page waits to be shown. */
static void
on_workshop_changed (V21RunSheetPage *self)
{
  if (self->selected != NULL && v21_workshop_lookup (self->workshop, v21_record_get_id (self->selected)) == NULL)
    select_sequence (self, NULL, FALSE);
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->stale)
    return;
  rebuild (self);
  update_details (self);
}

static void
on_map (V21RunSheetPage *self)
{
  if (self->stale)
    on_workshop_changed (self);
}

/* Actions */

/* One place earlier or later; past a day's edge, to the next day. */
static void
step (V21RunSheetPage *self,
      int              direction)
{
  V21Collection *days = v21_workshop_get_collection (self->workshop, "days");
  V21Record *sequence = self->selected;
  Place place;

  if (sequence == NULL || !place_of (self, sequence, &place))
    return;
  if (direction < 0 && place.index > 0)
    move_to (self, sequence, place.day, place.index - 1);
  else if (direction > 0 && place.index + 1 < place.n_in_day)
    move_to (self, sequence, place.day, place.index + 1);
  else if (direction < 0 && place.day_position > 0)
    move_to (self, sequence, v21_collection_get (days, place.day_position - 1), G_MAXUINT);
  else if (direction > 0 && place.day_position + 1 < v21_collection_get_n (days))
    move_to (self, sequence, v21_collection_get (days, place.day_position + 1), 0);
  select_sequence (self, sequence, TRUE);
}

static void
move_up_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  step (V21_RUN_SHEET_PAGE (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  step (V21_RUN_SHEET_PAGE (widget), +1);
}

static void
remove_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  V21RunSheetPage *self = V21_RUN_SHEET_PAGE (widget);
  g_autoptr(V21Record) sequence = self->selected ? g_object_ref (self->selected) : NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (sequence == NULL)
    return;
  message = g_strdup_printf (_("“%s” deleted"), v21_record_get_string (sequence, "title"));
  select_sequence (self, NULL, FALSE);
  if (!v21_run_sheet_remove (self->workshop, sequence, &error))
    v21_show_toast (widget, error->message, NULL, NULL);
  else
    v21_show_toast (widget, message, _("_Undo"), "win.undo");
}

/* A new sequence goes after the selected one, or at the end of the first day. */
static gboolean
insertion_place (V21RunSheetPage  *self,
                 V21Record       **day,
                 guint            *index)
{
  V21Collection *days = v21_workshop_get_collection (self->workshop, "days");
  Place place;

  if (self->selected != NULL && place_of (self, self->selected, &place))
    {
      *day = place.day;
      *index = place.index + 1;
      return TRUE;
    }
  if (v21_collection_get_n (days) == 0)
    {
      v21_show_toast (GTK_WIDGET (self), _("Add a day first, on the Territory and Framing page"), NULL, NULL);
      return FALSE;
    }
  *day = v21_collection_get (days, 0);
  *index = G_MAXUINT;
  return TRUE;
}

static void
added (V21RunSheetPage *self,
       V21Record       *sequence,
       GError          *error)
{
  if (sequence == NULL)
    {
      v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
      return;
    }
  select_sequence (self, sequence, TRUE);
}

static void
add_exercise_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  V21RunSheetPage *self = V21_RUN_SHEET_PAGE (widget);
  V21Record *exercise = v21_workshop_lookup (self->workshop, g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;
  V21Record *day;
  guint index;

  if (exercise != NULL && insertion_place (self, &day, &index))
    added (self, v21_run_sheet_add_exercise (self->workshop, day, index, exercise, &error), error);
}

static void
add_block_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  V21RunSheetPage *self = V21_RUN_SHEET_PAGE (widget);
  g_autoptr(GError) error = NULL;
  V21Record *day;
  guint index;

  if (insertion_place (self, &day, &index))
    added (self, v21_run_sheet_add_block (self->workshop, day, index, g_variant_get_int32 (parameter), &error), error);
}

static void
update_add_menu (V21RunSheetPage *self)
{
  V21Collection *exercises = v21_workshop_get_collection (self->workshop, "exercises");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) toolkit = g_menu_new ();
  g_autoptr(GMenu) blocks = g_menu_new ();
  static const struct { const char *label; V21Block block; } kinds[] = {
    { N_("Break"), V21_BLOCK_BREAK }, { N_("Lunch"), V21_BLOCK_LUNCH },
    { N_("Plenary session"), V21_BLOCK_PLENARY }, { N_("Free sequence"), V21_BLOCK_FREE },
  };

  for (guint i = 0; i < v21_collection_get_n (exercises); i++)
    {
      V21Record *exercise = v21_collection_get (exercises, i);
      g_autofree char *label = g_strdup_printf ("%s — %s", v21_record_get_string (exercise, "code") ?: "",
                                                v21_record_get_string (exercise, "title"));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "run-sheet.add-exercise", "s", v21_record_get_id (exercise));
      g_menu_append_item (toolkit, item);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(kinds[i].label), NULL);

      g_menu_item_set_action_and_target (item, "run-sheet.add-block", "i", kinds[i].block);
      g_menu_append_item (blocks, item);
    }
  g_menu_append_section (menu, _("Toolkit Exercises"), G_MENU_MODEL (toolkit));
  g_menu_append_section (menu, _("Other Sequences"), G_MENU_MODEL (blocks));
  gtk_menu_button_set_menu_model (self->add_button, G_MENU_MODEL (menu));
}

/* Building */

static gboolean
commit_minutes (V21Workshop  *workshop,
                V21Record    *sequence,
                json_object  *value,
                gpointer      data,
                GError      **error)
{
  int minutes = json_object_get_int (value);

  json_object_put (value);
  return v21_run_sheet_set_minutes (workshop, sequence, minutes, error);
}

static void
bind_details (V21RunSheetPage *self)
{
  GPtrArray *group = self->bindings;
  V21Workshop *workshop = self->workshop;

  v21_field_binding_new_in (group, self->title_row, workshop, "title");
  v21_field_binding_set_commit_func (v21_field_binding_new_in (group, self->minutes_spin, workshop, "minutes"),
                                     commit_minutes, NULL);
  v21_field_binding_set_enum_choices (v21_field_binding_new_in (group, self->kind_row, workshop, "kind"),
                                      "sequence_kind");
  v21_field_binding_set_record_choices (v21_field_binding_new_in (group, self->exercise_row, workshop, "exercise"),
                                        "exercises", _("None"));
  v21_field_binding_new_in (group, self->instructions_view, workshop, "instructions");
  v21_field_binding_new_in (group, self->notes_view, workshop, "notes");
}

static void
v21_run_sheet_page_dispose (GObject *object)
{
  V21RunSheetPage *self = V21_RUN_SHEET_PAGE (object);

  if (self->workshop != NULL)
    g_signal_handlers_disconnect_by_data (self->workshop, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), V21_TYPE_RUN_SHEET_PAGE);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->selected);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_run_sheet_page_parent_class)->dispose (object);
}

static void
v21_run_sheet_page_class_init (V21RunSheetPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = v21_run_sheet_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/visions21/Atelier/v21-run-sheet-page.ui");
  gtk_widget_class_bind_template_child (widget_class, V21RunSheetPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, V21RunSheetPage, days_box);
  gtk_widget_class_bind_template_child (widget_class, V21RunSheetPage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, V21RunSheetPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, V21RunSheetPage, minutes_row);
  gtk_widget_class_bind_template_child (widget_class, V21RunSheetPage, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, V21RunSheetPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, V21RunSheetPage, exercise_row);
  gtk_widget_class_bind_template_child (widget_class, V21RunSheetPage, instructions_view);
  gtk_widget_class_bind_template_child (widget_class, V21RunSheetPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, V21RunSheetPage, material_group);
  gtk_widget_class_bind_template_child (widget_class, V21RunSheetPage, material_list);

  gtk_widget_class_install_action (widget_class, "run-sheet.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "run-sheet.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "run-sheet.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "run-sheet.add-exercise", "s", add_exercise_action);
  gtk_widget_class_install_action (widget_class, "run-sheet.add-block", "i", add_block_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "run-sheet.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "run-sheet.move-down", NULL);
}

static void
v21_run_sheet_page_init (V21RunSheetPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->bindings = g_ptr_array_new ();
}

/* Delete removes the selected sequence only from the list, not while typing. */
static void
add_delete_shortcut (V21RunSheetPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("run-sheet.remove")));
  gtk_widget_add_controller (GTK_WIDGET (self->days_box), controller);
}

GtkWidget *
v21_run_sheet_page_new (V21Workshop *workshop)
{
  V21RunSheetPage *self;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  self = g_object_new (V21_TYPE_RUN_SHEET_PAGE, NULL);
  self->workshop = g_object_ref (workshop);
  bind_details (self);
  update_add_menu (self);
  add_delete_shortcut (self);
  g_signal_connect_object (workshop, "changed", G_CALLBACK (on_workshop_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  rebuild (self);
  select_sequence (self, NULL, FALSE);
  return GTK_WIDGET (self);
}

V21Record *
v21_run_sheet_page_get_selected (V21RunSheetPage *self)
{
  g_return_val_if_fail (V21_IS_RUN_SHEET_PAGE (self), NULL);
  return self->selected;
}

void
v21_run_sheet_page_select (V21RunSheetPage *self,
                           V21Record       *sequence)
{
  g_return_if_fail (V21_IS_RUN_SHEET_PAGE (self));
  select_sequence (self, sequence, FALSE);
}
