/* v21-people-page.c — participants and tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-csv-import-dialog.h"
#include "v21-invitations.h"
#include "v21-invitations-dialog.h"
#include "v21-labels.h"
#include "v21-letter.h"
#include "v21-pages.h"
#include "v21-people-page.h"
#include "v21-person-dialog.h"
#include "v21-run-sheet.h"
#include "v21-table-assign.h"
#include "v21-table-card.h"

typedef enum
{
  COLUMN_NAME,       /* with the organisation and the role below */
  COLUMN_CATEGORY,
  COLUMN_INVITATION,
  COLUMN_ATTENDANCE, /* a check box per day */
  COLUMN_TABLE,
  COLUMN_CONSENT,
  N_COLUMNS
} Column;

typedef struct
{
  V21PeoplePage *page;
  Column         column;
} ColumnData;

struct _V21PeoplePage
{
  AdwBin                parent_instance;

  V21Workshop          *workshop;
  GtkFilterListModel   *filtered;
  GtkSortListModel     *sorted;
  GtkSingleSelection   *selection;
  GtkCustomFilter      *filter;
  GtkSorter            *sorters[N_COLUMNS];
  ColumnData            columns[N_COLUMNS];
  GHashTable           *bound;       /* GtkListItem: the rows on screen */
  char                 *search_key;
  int                   state_filter; /* a V21Invitation, or -1: everyone */
  GtkFileChooserNative *chooser;

  GtkSearchEntry       *search_entry;
  GtkDropDown          *state_dropdown;
  GtkLabel             *invitation_summary;
  GtkWidget            *add_button;
  GtkColumnView        *people_view;
  GtkMenuButton        *move_button;
  GtkMenuButton        *invitation_button;
  GtkLabel             *summary_label;
  GtkLabel             *tables_summary;
  GtkBox               *tables_box;
};

G_DEFINE_FINAL_TYPE (V21PeoplePage, v21_people_page, ADW_TYPE_BIN)

static void update_summaries (V21PeoplePage *self);

static guint n_fills;

guint
_v21_people_page_get_n_fills (void)
{
  return n_fills;
}

static GtkWindow *
window_of (V21PeoplePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static V21Record *
table_of (V21PeoplePage *self,
          V21Record     *person)
{
  return v21_workshop_lookup (self->workshop, v21_record_get_string (person, "table"));
}

/* The cells */

static const char *
column_title (Column column)
{
  static const char * const titles[] = {
    N_("Name"), N_("Category"), N_("Invitation"), N_("Came"), N_("Table"), N_("Consent")
  };

  return _(titles[column]);
}

static GtkWidget *
cell_label (const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (style != NULL)
    {
      gtk_widget_add_css_class (label, style);
      gtk_widget_add_css_class (label, "dim-label");
    }
  return label;
}

/* A cell: a line of text; the name's cell has a lock for people who keep
 * their table, and the organisation and role below. */
static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ColumnData               *data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  g_object_set_data (G_OBJECT (item), "v21-column", data);
  if (data->column == COLUMN_ATTENDANCE)
    {
      /* The check boxes, one per day, come with the person. */
      gtk_widget_set_valign (line, GTK_ALIGN_CENTER);
      gtk_list_item_set_child (item, line);
      return;
    }

  gtk_box_append (GTK_BOX (line), cell_label (NULL));
  gtk_box_append (GTK_BOX (box), line);
  if (data->column == COLUMN_NAME)
    {
      GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      gtk_widget_set_tooltip_text (lock, _("Stays at this table when tables are assigned"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Locked"), -1);
      gtk_widget_add_css_class (lock, "dim-label");
      gtk_box_append (GTK_BOX (line), lock);
      gtk_box_append (GTK_BOX (box), cell_label ("caption"));
    }
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  v21_table_card_drag_source (box, NULL);
  gtk_list_item_set_child (item, box);
}

/* "Organisation · Political sponsor" */
static char *
person_caption (V21Record *person)
{
  const char *organisation = v21_record_get_string (person, "organisation");
  const char *role = v21_record_get_string (person, "role");
  gboolean special = role != NULL && g_strcmp0 (role, "participant") != 0;
  gboolean has_organisation = organisation != NULL && organisation[0] != '\0';

  if (has_organisation && special)
    return g_strdup_printf ("%s · %s", organisation, v21_label ("role", role));
  return g_strdup (has_organisation ? organisation : special ? v21_label ("role", role) : "");
}

static void
fill_name (GtkWidget *box,
           GtkLabel  *label,
           V21Record *person)
{
  GtkWidget *lock = gtk_widget_get_next_sibling (GTK_WIDGET (label));
  GtkWidget *caption = gtk_widget_get_last_child (box);
  g_autofree char *text = person_caption (person);

  gtk_label_set_label (label, v21_record_get_string (person, "name"));
  gtk_widget_set_visible (lock, v21_record_get_bool (person, "locked"));
  gtk_label_set_label (GTK_LABEL (caption), text);
  gtk_widget_set_visible (caption, text[0] != '\0');
  gtk_widget_set_tooltip_text (box, text[0] != '\0' ? text : NULL);
}

static void
fill_table (V21PeoplePage *self,
            GtkLabel      *label,
            V21Record     *person)
{
  V21Record *table = table_of (self, person);
  g_autofree char *name = NULL;
  g_autofree char *markup = NULL;

  if (table == NULL)
    {
      gtk_label_set_label (label, "—");
      return;
    }
  name = g_markup_escape_text (v21_record_get_string (table, "name"), -1);
  markup = g_strdup_printf ("<span foreground=\"%s\">⬤</span> %s",
                            v21_record_get_string (table, "color") ?: "#5e5c64", name);
  gtk_label_set_markup (label, markup);
}

/* A colour per state, and always the word: colour alone says nothing to
 * who does not see it. */
static const char *
invitation_color (V21Invitation state)
{
  static const char * const colors[] = { "#77767b", "#1c71d8", "#26a269", "#c01c28", "#c64600" };

  G_STATIC_ASSERT (G_N_ELEMENTS (colors) == V21_INVITATION_N_STATES);
  return colors[state];
}

static void
fill_invitation (GtkLabel  *label,
                 V21Record *person)
{
  V21Invitation state = v21_invitation_get (person);
  const char *word = v21_label ("invitation", v21_invitation_name (state));
  const char *invited_on = v21_record_get_string (person, "invited_on");
  g_autofree char *escaped = g_markup_escape_text (word, -1);
  g_autofree char *markup = g_strdup_printf ("<span foreground=\"%s\">⬤</span> %s", invitation_color (state), escaped);
  g_autofree char *tooltip = NULL;

  gtk_label_set_markup (label, markup);
  if (invited_on != NULL && state != V21_INVITATION_TO_INVITE)
    /* Translators: the tooltip of a person's invitation state; %s is a date, YYYY-MM-DD. */
    tooltip = g_strdup_printf (_("Invited on %s"), invited_on);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
}

static void
on_came_toggled (GtkCheckButton *check,
                 V21PeoplePage  *self)
{
  V21Record *person = g_object_get_data (G_OBJECT (check), "v21-person");
  V21Record *day = g_object_get_data (G_OBJECT (check), "v21-day");
  g_autoptr(GError) error = NULL;

  if (person == NULL || day == NULL)
    return;
  if (!v21_attendance_set (self->workshop, person, day, gtk_check_button_get_active (check), &error))
    v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
}

/* A check box per day, "1", "2", named for the day and the person. */
static void
fill_attendance (V21PeoplePage *self,
                 GtkWidget     *box,
                 V21Record     *person)
{
  V21Collection *days = v21_workshop_get_collection (self->workshop, "days");
  guint n_days = v21_collection_get_n (days);
  GtkWidget *check = gtk_widget_get_first_child (box);

  for (guint d = 0; d < n_days; d++)
    {
      V21Record *day = v21_collection_get (days, d);
      g_autofree char *date = v21_run_sheet_format_date (day);
      g_autofree char *number = g_strdup_printf ("%u", d + 1);
      /* Translators: the name of a check box: "Came on Thursday 18 March 2027: Agathe Moreau". */
      g_autofree char *name = g_strdup_printf (_("Came on %s: %s"), date, v21_record_get_string (person, "name"));
      /* Translators: the tooltip of a check box of attendance; %s is a date. */
      g_autofree char *tooltip = g_strdup_printf (_("Came on %s"), date);

      if (check == NULL)
        {
          check = gtk_check_button_new ();
          g_signal_connect (check, "toggled", G_CALLBACK (on_came_toggled), self);
          gtk_box_append (GTK_BOX (box), check);
        }
      gtk_check_button_set_label (GTK_CHECK_BUTTON (check), number);
      g_object_set_data (G_OBJECT (check), "v21-person", NULL);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), v21_attendance_get (person, day));
      g_object_set_data_full (G_OBJECT (check), "v21-person", g_object_ref (person), g_object_unref);
      g_object_set_data_full (G_OBJECT (check), "v21-day", g_object_ref (day), g_object_unref);
      gtk_widget_set_tooltip_text (check, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      check = gtk_widget_get_next_sibling (check);
    }
  while (check != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (check);

      gtk_box_remove (GTK_BOX (box), check);
      check = next;
    }
}

static void
fill_cell (V21PeoplePage *self,
           GtkListItem   *item,
           Column         column)
{
  V21Record *person = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkLabel *label;

  n_fills++;
  if (column == COLUMN_ATTENDANCE)
    {
      fill_attendance (self, box, person);
      return;
    }
  label = GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_first_child (box)));

  g_object_set_data_full (G_OBJECT (box), "v21-person", g_object_ref (person), g_object_unref);
  gtk_label_set_use_markup (label, FALSE);
  switch (column)
    {
    case COLUMN_NAME:
      fill_name (box, label, person);
      break;
    case COLUMN_CATEGORY:
      gtk_label_set_label (label, v21_label ("category", v21_record_get_string (person, "category")));
      break;
    case COLUMN_INVITATION:
      fill_invitation (label, person);
      break;
    case COLUMN_TABLE:
      fill_table (self, label, person);
      break;
    case COLUMN_CONSENT:
      gtk_label_set_label (label, v21_record_get_bool (person, "consent") ? _("Yes") : _("No"));
      break;
    default:
      break;
    }
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnData               *data)
{
  g_hash_table_add (data->page->bound, item);
  fill_cell (data->page, item, data->column);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ColumnData               *data)
{
  g_hash_table_remove (data->page->bound, item);
}

/* Sorting and searching */

static char *
sort_key (V21PeoplePage *self,
          V21Record     *person,
          Column         column)
{
  V21Record *table;
  json_object *attended;
  guint position = G_MAXUINT;

  switch (column)
    {
    case COLUMN_NAME:
      return g_utf8_collate_key (v21_record_get_string (person, "name") ?: "", -1);
    case COLUMN_CATEGORY:
      return g_utf8_collate_key (v21_label ("category", v21_record_get_string (person, "category")), -1);
    case COLUMN_TABLE:
      table = table_of (self, person);
      if (table != NULL)
        v21_collection_find (v21_workshop_get_collection (self->workshop, "tables"), table, &position);
      return g_strdup_printf ("%010u", position);
    case COLUMN_CONSENT:
      return g_strdup (v21_record_get_bool (person, "consent") ? "1" : "0");
    case COLUMN_INVITATION:
      return g_strdup_printf ("%u", v21_invitation_get (person));
    case COLUMN_ATTENDANCE:
      attended = v21_record_get_value (person, "attended");
      return g_strdup_printf ("%010zu", json_object_is_type (attended, json_type_array)
                                        ? json_object_array_length (attended) : 0);
    default:
      g_return_val_if_reached (NULL);
    }
}

static int
compare_people (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  ColumnData *data = user_data;
  g_autofree char *x = sort_key (data->page, (V21Record *) a, data->column);
  g_autofree char *y = sort_key (data->page, (V21Record *) b, data->column);

  return strcmp (x, y);
}

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  V21PeoplePage *self = user_data;
  V21Record *person = item;
  V21Record *table;
  g_autofree char *haystack = NULL;
  g_autofree char *key = NULL;

  if (self->state_filter >= 0 && v21_invitation_get (person) != (V21Invitation) self->state_filter)
    return FALSE;
  if (self->search_key == NULL || self->search_key[0] == '\0')
    return TRUE;
  table = table_of (self, person);
  haystack = g_strjoin (" ", v21_record_get_string (person, "name") ?: "",
                        v21_record_get_string (person, "organisation") ?: "",
                        v21_record_get_string (person, "email") ?: "",
                        v21_label ("category", v21_record_get_string (person, "category")),
                        table ? v21_record_get_string (table, "name") : "", NULL);
  key = v21_text_key (haystack);
  return strstr (key, self->search_key) != NULL;
}

static void
on_search_changed (V21PeoplePage *self)
{
  g_free (self->search_key);
  self->search_key = v21_text_key (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_state_filter_changed (V21PeoplePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->state_dropdown);

  /* The first entry is everyone, then the states in their order. */
  self->state_filter = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
  if (self->workshop == NULL)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summaries (self);
}

/* What the page shows besides the list */

static void
update_move_menu (V21PeoplePage *self)
{
  V21Collection *tables = v21_workshop_get_collection (self->workshop, "tables");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) none = g_menu_item_new (_("No Table"), NULL);

  for (guint i = 0; i < v21_collection_get_n (tables); i++)
    {
      V21Record *table = v21_collection_get (tables, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (v21_record_get_string (table, "name"), NULL);

      g_menu_item_set_action_and_target (item, "people.move-to-table", "s", v21_record_get_id (table));
      if (i < 9)
        {
          g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
          g_menu_item_set_attribute (item, "accel", "s", accel);
        }
      g_menu_append_item (menu, item);
    }
  g_menu_item_set_action_and_target (none, "people.move-to-table", "s", "");
  g_menu_item_set_attribute (none, "accel", "s", "<Alt>0");
  g_menu_append_item (menu, none);
  gtk_menu_button_set_menu_model (self->move_button, G_MENU_MODEL (menu));
}

/* "27 confirmed of 38 · 4 to invite · 2 declined": the replies at a glance. */
static char *
invitation_counts_text (V21Workshop *workshop)
{
  V21InvitationCounts counts;
  GString *text;
  char *summary;

  v21_invitation_count (workshop, &counts);
  summary = v21_invitation_summary (&counts);
  text = g_string_new (summary);
  g_free (summary);
  for (V21Invitation state = 0; state < V21_INVITATION_N_STATES; state++)
    {
      guint n = counts.by_state[state];
      g_autofree char *part = NULL;

      if (n == 0 || state == V21_INVITATION_CONFIRMED)
        continue;
      switch (state)
        {
        case V21_INVITATION_TO_INVITE:
          part = g_strdup_printf (ngettext ("%u to invite", "%u to invite", n), n);
          break;
        case V21_INVITATION_INVITED:
          part = g_strdup_printf (ngettext ("%u invited", "%u invited", n), n);
          break;
        case V21_INVITATION_DECLINED:
          part = g_strdup_printf (ngettext ("%u declined", "%u declined", n), n);
          break;
        case V21_INVITATION_NO_REPLY:
          part = g_strdup_printf (ngettext ("%u without reply", "%u without reply", n), n);
          break;
        default:
          continue;
        }
      g_string_append_printf (text, " · %s", part);
    }
  return g_string_free (text, FALSE);
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  g_menu_append_item (menu, item);
}

static void
update_invitation_menu (V21PeoplePage *self)
{
  V21Collection *days = v21_workshop_get_collection (self->workshop, "days");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) states = g_menu_new ();
  g_autoptr(GMenu) came = g_menu_new ();
  g_autoptr(GMenu) letters = g_menu_new ();

  for (V21Invitation state = 0; state < V21_INVITATION_N_STATES; state++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (v21_label ("invitation", v21_invitation_name (state)), NULL);
      g_autofree char *accel = g_strdup_printf ("<Control>%u", state + 1);

      g_menu_item_set_action_and_target (item, "people.set-invitation", "i", (gint32) state);
      g_menu_item_set_attribute (item, "accel", "s", accel);
      g_menu_append_item (states, item);
    }
  for (guint d = 0; d < v21_collection_get_n (days) && d < 4; d++)
    {
      g_autofree char *date = v21_run_sheet_format_date (v21_collection_get (days, d));
      /* Translators: a menu item that ticks or unticks attendance; %s is a date. */
      g_autofree char *label = g_strdup_printf (_("Came on %s"), date);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);
      g_autofree char *accel = g_strdup_printf ("<Control>%u", V21_INVITATION_N_STATES + d + 1);

      g_menu_item_set_action_and_target (item, "people.toggle-attendance", "i", (gint32) d);
      g_menu_item_set_attribute (item, "accel", "s", accel);
      g_menu_append_item (came, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (states));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (came));
  append_item (letters, _("_Write an E-mail…"), "people.write-email");
  append_item (letters, _("_Letters, Calendar and Addresses…"), "people.invitations");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (letters));
  gtk_menu_button_set_menu_model (self->invitation_button, G_MENU_MODEL (menu));
}

static void
update_summaries (V21PeoplePage *self)
{
  g_autofree char *replies = invitation_counts_text (self->workshop);

  V21Collection *people = v21_workshop_get_collection (self->workshop, "people");
  V21Collection *tables = v21_workshop_get_collection (self->workshop, "tables");
  guint n_people = v21_collection_get_n (people);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint n_tables = v21_collection_get_n (tables);
  guint smallest = G_MAXUINT;
  guint largest = 0;
  g_autofree char *people_text = g_strdup_printf (ngettext ("%u participant", "%u participants", n_people), n_people);
  g_autofree char *summary = NULL;

  if (shown < n_people)
    summary = g_strdup_printf (_("%s, %u shown"), people_text, shown);
  gtk_label_set_label (self->summary_label, summary ? summary : people_text);
  gtk_label_set_label (self->invitation_summary, replies);

  for (guint t = 0; t < n_tables; t++)
    {
      g_autoptr(GPtrArray) members = v21_table_members (self->workshop, v21_collection_get (tables, t));

      smallest = MIN (smallest, members->len);
      largest = MAX (largest, members->len);
    }
  g_free (summary);
  if (n_tables == 0)
    summary = g_strdup (_("No tables yet: add them one by one, or assign everyone automatically."));
  else if (smallest == largest)
    summary = g_strdup_printf (ngettext ("%u table of %u people. Drag people from the list to a table.",
                                         "%u tables of %u people. Drag people from the list to a table.", n_tables),
                               n_tables, largest);
  else
    summary = g_strdup_printf (ngettext ("%u table of %u to %u people. Drag people from the list to a table.",
                                         "%u tables of %u to %u people. Drag people from the list to a table.", n_tables),
                               n_tables, smallest, largest);
  gtk_label_set_label (self->tables_summary, summary);
}

static void
update_actions (V21PeoplePage *self)
{
  V21Record *person = gtk_single_selection_get_selected_item (self->selection);
  gboolean selected = person != NULL;
  g_autofree char *mailto = selected ? v21_letter_mailto (self->workshop, person) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.remove", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.move-to-table", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.move-to-index", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.set-invitation", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.toggle-attendance", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.write-email", mailto != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->move_button), selected);
}

/* Refills the cells on screen of @person (any, with NULL) in @column (any,
 * with N_COLUMNS). */
static void
refill_cells (V21PeoplePage *self,
              V21Record     *person,
              Column         column)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      ColumnData *data = g_object_get_data (G_OBJECT (item), "v21-column");
      gpointer shown = gtk_list_item_get_item (item);

      if (data != NULL && shown != NULL && (person == NULL || shown == (gpointer) person)
          && (column == N_COLUMNS || data->column == column))
        fill_cell (self, item, data->column);
    }
}

/* A row listens to its own person; the table column to the tables. */
static void
on_person_changed (V21PeoplePage *self,
                   V21Record     *person,
                   const char    *field)
{
  if (field != NULL)
    refill_cells (self, person, N_COLUMNS);
}

static void
on_table_record_changed (V21PeoplePage *self)
{
  refill_cells (self, NULL, COLUMN_TABLE);
}

static void
on_days_changed (V21PeoplePage *self)
{
  refill_cells (self, NULL, COLUMN_ATTENDANCE);
}

static void
on_workshop_changed (V21PeoplePage *self)
{
  for (Column c = 0; c < N_COLUMNS; c++)
    gtk_sorter_changed (self->sorters[c], GTK_SORTER_CHANGE_DIFFERENT);
  if ((self->search_key != NULL && self->search_key[0] != '\0') || self->state_filter >= 0)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_move_menu (self);
  update_invitation_menu (self);
  update_summaries (self);
  update_actions (self);
}

static void
on_tables_changed (V21PeoplePage *self)
{
  V21Collection *tables = v21_workshop_get_collection (self->workshop, "tables");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tables_box))) != NULL)
    gtk_box_remove (self->tables_box, child);
  for (guint t = 0; t < v21_collection_get_n (tables); t++)
    gtk_box_append (self->tables_box, v21_table_card_new (self->workshop, v21_collection_get (tables, t)));
  gtk_box_append (self->tables_box, v21_table_card_new (self->workshop, NULL));
}

/* Actions */

V21Record *
v21_people_page_get_selected (V21PeoplePage *self)
{
  g_return_val_if_fail (V21_IS_PEOPLE_PAGE (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

static GtkWidget *
inner_list_view (V21PeoplePage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->people_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

void
v21_people_page_select (V21PeoplePage *self,
                        V21Record     *person)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  GtkWidget *list = inner_list_view (self);

  g_return_if_fail (V21_IS_PEOPLE_PAGE (self));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(V21Record) item = g_list_model_get_item (model, i);

      if (item != person)
        continue;
      gtk_single_selection_set_selected (self->selection, i);
      if (list != NULL)
        gtk_widget_activate_action (list, "list.scroll-to-item", "u", i);
      return;
    }
}

static void
on_person_saved (V21PeoplePage   *self,
                 V21Record       *person,
                 V21PersonDialog *dialog)
{
  g_autofree char *message = g_strdup_printf (_("%s saved"), v21_record_get_string (person, "name"));

  v21_show_toast (GTK_WIDGET (self), message, _("_Undo"), "win.undo");
  v21_people_page_select (self, person);
}

static void
open_person (V21PeoplePage *self,
             V21Record     *person)
{
  V21PersonDialog *dialog = v21_person_dialog_new (window_of (self), self->workshop, person, NULL);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_person_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  open_person (V21_PEOPLE_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  V21PeoplePage *self = V21_PEOPLE_PAGE (widget);
  V21Record *person = v21_people_page_get_selected (self);

  if (person != NULL)
    open_person (self, person);
}

static void
on_row_activated (V21PeoplePage *self,
                  guint          position)
{
  g_autoptr(V21Record) person = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (person != NULL)
    open_person (self, person);
}

static void
remove_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  V21PeoplePage *self = V21_PEOPLE_PAGE (widget);
  V21Record *person = v21_people_page_get_selected (self);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (person == NULL)
    return;
  message = g_strdup_printf (_("%s deleted"), v21_record_get_string (person, "name"));
  if (!v21_workshop_remove (self->workshop, person, &error))
    v21_show_toast (widget, error->message, NULL, NULL);
  else
    v21_show_toast (widget, message, _("_Undo"), "win.undo");
}

static void
move_to_table_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *parameter)
{
  V21PeoplePage *self = V21_PEOPLE_PAGE (widget);
  V21Record *person = v21_people_page_get_selected (self);
  const char *id = g_variant_get_string (parameter, NULL);
  V21Record *table = id[0] != '\0' ? v21_workshop_lookup (self->workshop, id) : NULL;

  if (person != NULL)
    v21_table_card_move_person (widget, self->workshop, person, table);
}

static void
move_to_index_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *parameter)
{
  V21PeoplePage *self = V21_PEOPLE_PAGE (widget);
  V21Collection *tables = v21_workshop_get_collection (self->workshop, "tables");
  V21Record *person = v21_people_page_get_selected (self);
  int index = g_variant_get_int32 (parameter);

  if (person == NULL || index >= (int) v21_collection_get_n (tables))
    return;
  v21_table_card_move_person (widget, self->workshop, person,
                              index >= 0 ? v21_collection_get (tables, index) : NULL);
}

static void
set_invitation_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  V21PeoplePage *self = V21_PEOPLE_PAGE (widget);
  V21Record *person = v21_people_page_get_selected (self);
  int state = g_variant_get_int32 (parameter);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (person == NULL || state < 0 || state >= V21_INVITATION_N_STATES
      || v21_invitation_get (person) == (V21Invitation) state)
    return;
  /* Who is marked invited was invited today, unless a date is recorded. */
  if (!v21_invitation_set (self->workshop, person, state,
                           v21_record_is_null (person, "invited_on") ? today : NULL, &error))
    {
      v21_show_toast (widget, error->message, NULL, NULL);
      return;
    }
  /* Translators: a toast: "Agathe Moreau: Confirmed". */
  message = g_strdup_printf (_("%s: %s"), v21_record_get_string (person, "name"),
                             v21_label ("invitation", v21_invitation_name (state)));
  v21_show_toast (widget, message, _("_Undo"), "win.undo");
}

static void
toggle_attendance_action (GtkWidget  *widget,
                          const char *name,
                          GVariant   *parameter)
{
  V21PeoplePage *self = V21_PEOPLE_PAGE (widget);
  V21Collection *days = v21_workshop_get_collection (self->workshop, "days");
  V21Record *person = v21_people_page_get_selected (self);
  int index = g_variant_get_int32 (parameter);
  V21Record *day;
  g_autoptr(GError) error = NULL;

  if (person == NULL || index < 0 || index >= (int) v21_collection_get_n (days))
    return;
  day = v21_collection_get (days, index);
  if (!v21_attendance_set (self->workshop, person, day, !v21_attendance_get (person, day), &error))
    v21_show_toast (widget, error->message, NULL, NULL);
}

static void
write_email_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  V21PeoplePage *self = V21_PEOPLE_PAGE (widget);
  V21Record *person = v21_people_page_get_selected (self);
  g_autofree char *uri = person != NULL ? v21_letter_mailto (self->workshop, person) : NULL;

  /* The mail client opens with the address and the subject; it sends, not us. */
  if (uri != NULL)
    gtk_show_uri (window_of (self), uri, GDK_CURRENT_TIME);
}

static void
invitations_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  V21PeoplePage *self = V21_PEOPLE_PAGE (widget);
  V21InvitationsDialog *dialog = v21_invitations_dialog_new (window_of (self), self->workshop, widget);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_table_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  V21PeoplePage *self = V21_PEOPLE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  V21Record *table = v21_table_add (self->workshop, NULL, &error);
  g_autofree char *message = NULL;

  if (table == NULL)
    {
      v21_show_toast (widget, error->message, NULL, NULL);
      return;
    }
  message = g_strdup_printf (_("%s added"), v21_record_get_string (table, "name"));
  v21_show_toast (widget, message, _("_Undo"), "win.undo");
}

static void
search_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (V21_PEOPLE_PAGE (widget)->search_entry));
}

/* Assigning tables */

static guint
count_seated (V21Workshop *workshop,
              guint       *locked)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  guint seated = 0;

  *locked = 0;
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);

      if (v21_table_is_seated (person) && v21_invitation_get (person) != V21_INVITATION_DECLINED)
        {
          seated++;
          *locked += v21_record_get_bool (person, "locked") && !v21_record_is_null (person, "table");
        }
    }
  return seated;
}

static void
update_assign_body (GtkSpinButton    *spin,
                    AdwMessageDialog *dialog)
{
  V21Workshop *workshop = g_object_get_data (G_OBJECT (dialog), "v21-workshop");
  guint locked = 0;
  guint seated = count_seated (workshop, &locked);
  guint n = MAX (gtk_spin_button_get_value_as_int (spin), 1);
  g_autofree char *sizes = NULL;
  g_autofree char *body = NULL;

  if (seated % n == 0)
    sizes = g_strdup_printf (ngettext ("%u person per table", "%u people per table", seated / n), seated / n);
  else
    sizes = g_strdup_printf (_("%u or %u people per table"), seated / n, seated / n + 1);
  body = g_strdup_printf (ngettext ("%u participant to seat: %s. Categories are spread evenly and people of the "
                                    "same organisation sit apart when possible.",
                                    "%u participants to seat: %s. Categories are spread evenly and people of the "
                                    "same organisation sit apart when possible.",
                                    seated),
                          seated, sizes);
  if (locked > 0)
    {
      g_autofree char *kept = g_strdup_printf (ngettext ("%u locked person stays at their table.",
                                                         "%u locked people stay at their tables.", locked),
                                               locked);
      g_autofree char *both = g_strdup_printf ("%s %s", body, kept);

      g_free (body);
      body = g_steal_pointer (&both);
    }
  adw_message_dialog_set_body (dialog, body);
}

static void
on_assign_response (AdwMessageDialog *dialog,
                    const char       *response,
                    V21PeoplePage    *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (dialog), "v21-spin");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "assign") != 0)
    return;
  if (!v21_table_assign (self->workshop, gtk_spin_button_get_value_as_int (spin), &error))
    v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
  else
    v21_show_toast (GTK_WIDGET (self), _("Everyone is seated"), _("_Undo"), "win.undo");
}

static void
assign_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  V21PeoplePage *self = V21_PEOPLE_PAGE (widget);
  guint n_tables = v21_collection_get_n (v21_workshop_get_collection (self->workshop, "tables"));
  guint locked = 0;
  guint seated = count_seated (self->workshop, &locked);
  GtkWidget *dialog = adw_message_dialog_new (window_of (self), _("Assign Tables"), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Number of tables"));
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 50, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), n_tables > 0 ? n_tables : MAX ((seated + 6) / 7, 1));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), spin);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "assign", _("_Assign"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "assign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "assign");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "v21-spin", spin);
  g_object_set_data_full (G_OBJECT (dialog), "v21-workshop", g_object_ref (self->workshop), g_object_unref);
  g_signal_connect (spin, "value-changed", G_CALLBACK (update_assign_body), dialog);
  update_assign_body (GTK_SPIN_BUTTON (spin), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_assign_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Importing */

static void
on_imported (V21PeoplePage *self,
             guint          n)
{
  g_autofree char *message = g_strdup_printf (ngettext ("%u participant imported", "%u participants imported", n), n);

  v21_show_toast (GTK_WIDGET (self), message, _("_Undo"), "win.undo");
}

/* A list is read in a worker thread; past a moment, a progress bar shows. */
typedef struct
{
  V21PeoplePage *self;
  GFile         *file;
  GtkWidget     *window;     /* the progress window, once shown */
  GtkWidget     *bar;
  GAsyncResult  *result;     /* the running task, for its progress */
  guint          timeout_id;
} CsvReading;

static gboolean
show_reading_progress (gpointer data)
{
  CsvReading *reading = data;

  if (reading->window == NULL)
    {
      g_autofree char *name = g_file_get_basename (reading->file);
      g_autofree char *display = g_filename_display_name (name);
      g_autofree char *title = g_strdup_printf (_("Reading “%s”…"), display);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *label = gtk_label_new (title);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_box_append (GTK_BOX (box), label);
      reading->bar = gtk_progress_bar_new ();
      gtk_widget_set_margin_top (box, 24);
      gtk_widget_set_margin_bottom (box, 24);
      gtk_widget_set_margin_start (box, 24);
      gtk_widget_set_margin_end (box, 24);
      gtk_box_append (GTK_BOX (box), reading->bar);
      reading->window = adw_window_new ();
      gtk_window_set_title (GTK_WINDOW (reading->window), _("Import Participants"));
      gtk_window_set_modal (GTK_WINDOW (reading->window), TRUE);
      gtk_window_set_transient_for (GTK_WINDOW (reading->window), window_of (reading->self));
      gtk_window_set_deletable (GTK_WINDOW (reading->window), FALSE);
      gtk_window_set_default_size (GTK_WINDOW (reading->window), 360, -1);
      adw_window_set_content (ADW_WINDOW (reading->window), box);
      gtk_window_present (GTK_WINDOW (reading->window));
    }
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (reading->bar),
                                 v21_csv_import_get_progress (reading->result));
  return G_SOURCE_CONTINUE;
}

static void
on_csv_read (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  CsvReading *reading = data;
  V21PeoplePage *self = reading->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(V21CsvImport) import = v21_csv_import_new_from_file_finish (result, &error);
  g_autofree char *name = g_file_get_basename (reading->file);
  g_autofree char *display = g_filename_display_name (name);
  V21CsvImportDialog *dialog;

  g_clear_handle_id (&reading->timeout_id, g_source_remove);
  if (reading->window != NULL)
    gtk_window_destroy (GTK_WINDOW (reading->window));
  reading->window = NULL;
  g_object_unref (reading->file);
  g_free (reading);
  if (import == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Read “%s”"), display);
      GtkWidget *message = adw_message_dialog_new (window_of (self), heading, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
  else
    {
      dialog = v21_csv_import_dialog_new (window_of (self), self->workshop, import, display);
      g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (self);
}

static void
open_csv (V21PeoplePage *self,
          GFile         *file)
{
  CsvReading *reading = g_new0 (CsvReading, 1);

  reading->self = g_object_ref (self);
  reading->file = g_object_ref (file);
  reading->result = v21_csv_import_new_from_file_async (file, NULL, on_csv_read, reading);
  reading->timeout_id = g_timeout_add (300, show_reading_progress, reading);
}

static void
on_chooser_response (GtkNativeDialog *native,
                     int              response,
                     V21PeoplePage   *self)
{
  G_GNUC_UNUSED g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        open_csv (self, file);
    }
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  V21PeoplePage *self = V21_PEOPLE_PAGE (widget);
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("Spreadsheet exports (CSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.tsv");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  self->chooser = gtk_file_chooser_native_new (_("Import Participants"), window_of (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Building */

/* Widths of the columns that do not share the rest (-1: they do). */
static const int column_width[] = { -1, 100, 115, 100, 125, 110 };

static void
add_columns (V21PeoplePage *self)
{
  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      self->columns[c] = (ColumnData) { self, c };
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), &self->columns[c]);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), &self->columns[c]);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), &self->columns[c]);
      column = gtk_column_view_column_new (column_title (c), factory);
      self->sorters[c] = GTK_SORTER (gtk_custom_sorter_new (compare_people, &self->columns[c], NULL));
      gtk_column_view_column_set_sorter (column, self->sorters[c]);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == COLUMN_NAME);
      if (column_width[c] > 0)
        gtk_column_view_column_set_fixed_width (column, column_width[c]);
      gtk_column_view_append_column (self->people_view, column);
      g_object_unref (column);
    }
}

static void
build_list (V21PeoplePage *self)
{
  GListModel *people = G_LIST_MODEL (v21_workshop_get_collection (self->workshop, "people"));

  add_columns (self);
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (people), GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->people_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->people_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (update_actions), self);
}

/* Ctrl+1…5: the invitation states, in their order; Ctrl+6…9: came on the
 * first four days, or not. A key controller rather than shortcuts: on a
 * French keyboard the digits are shifted (see v21_key_digit()). */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                V21PeoplePage         *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  int digit;

  if ((mods & ~GDK_SHIFT_MASK) != GDK_CONTROL_MASK
      || (digit = v21_key_digit (controller, keyval, keycode)) < 1)
    return FALSE;
  if (digit <= V21_INVITATION_N_STATES)
    gtk_widget_activate_action (GTK_WIDGET (self), "people.set-invitation", "i", digit - 1);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "people.toggle-attendance", "i",
                                digit - V21_INVITATION_N_STATES - 1);
  return TRUE;
}

static void
add_shortcuts (V21PeoplePage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkEventController *key;

  /* Alt+1…9: the first nine tables; Alt+0: no table. */
  for (int k = 0; k <= 9; k++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_0 + k, GDK_ALT_MASK),
                                                gtk_named_action_new ("people.move-to-index"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (k - 1));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

static void
v21_people_page_dispose (GObject *object)
{
  V21PeoplePage *self = V21_PEOPLE_PAGE (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->workshop != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workshop, self);
      g_signal_handlers_disconnect_by_data (v21_workshop_get_collection (self->workshop, "tables"), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), V21_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->workshop);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->search_key, g_free);
  G_OBJECT_CLASS (v21_people_page_parent_class)->dispose (object);
}

static void
v21_people_page_class_init (V21PeoplePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = v21_people_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/visions21/Atelier/v21-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, V21PeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, V21PeoplePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, V21PeoplePage, people_view);
  gtk_widget_class_bind_template_child (widget_class, V21PeoplePage, move_button);
  gtk_widget_class_bind_template_child (widget_class, V21PeoplePage, invitation_button);
  gtk_widget_class_bind_template_child (widget_class, V21PeoplePage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21PeoplePage, invitation_summary);
  gtk_widget_class_bind_template_child (widget_class, V21PeoplePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, V21PeoplePage, tables_summary);
  gtk_widget_class_bind_template_child (widget_class, V21PeoplePage, tables_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_state_filter_changed);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "people.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "people.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "people.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "people.add-table", NULL, add_table_action);
  gtk_widget_class_install_action (widget_class, "people.move-to-table", "s", move_to_table_action);
  gtk_widget_class_install_action (widget_class, "people.move-to-index", "i", move_to_index_action);
  gtk_widget_class_install_action (widget_class, "people.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "people.set-invitation", "i", set_invitation_action);
  gtk_widget_class_install_action (widget_class, "people.write-email", NULL, write_email_action);
  gtk_widget_class_install_action (widget_class, "people.invitations", NULL, invitations_action);
  gtk_widget_class_install_action (widget_class, "people.toggle-attendance", "i", toggle_attendance_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "people.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "people.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "people.edit", NULL);
}

/* libadwaita 1.2 leaves the arrow half of a split button unnamed. */
static void
name_split_button (GtkWidget *split)
{
  for (GtkWidget *menu_part = gtk_widget_get_first_child (split);
       menu_part != NULL;
       menu_part = gtk_widget_get_next_sibling (menu_part))
    if (GTK_IS_MENU_BUTTON (menu_part))
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (menu_part), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("More ways to add participants"), -1);
        gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (menu_part)),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("More ways to add participants"), -1);
      }
}

/* Everyone, then the states in their order (on_state_filter_changed). */
static void
fill_state_dropdown (V21PeoplePage *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

  gtk_string_list_append (states, _("All states"));
  for (V21Invitation state = 0; state < V21_INVITATION_N_STATES; state++)
    gtk_string_list_append (states, v21_label ("invitation", v21_invitation_name (state)));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  /* GTK 4.8 leaves the button inside a drop-down unnamed. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->state_dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Filter by invitation state"), -1);
}

static void
v21_people_page_init (V21PeoplePage *self)
{
  self->bound = g_hash_table_new (NULL, NULL);
  self->state_filter = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_state_dropdown (self);
  name_split_button (self->add_button);
  add_shortcuts (self);
}

GtkWidget *
v21_people_page_new (V21Workshop *workshop)
{
  V21PeoplePage *self;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  self = g_object_new (V21_TYPE_PEOPLE_PAGE, NULL);
  self->workshop = g_object_ref (workshop);
  build_list (self);
  g_signal_connect_object (workshop, "record-changed::people", G_CALLBACK (on_person_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (workshop, "record-changed::tables", G_CALLBACK (on_table_record_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (workshop, "record-changed::days", G_CALLBACK (on_days_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (workshop, "changed", G_CALLBACK (on_workshop_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (v21_workshop_get_collection (workshop, "tables"), "items-changed",
                           G_CALLBACK (on_tables_changed), self, G_CONNECT_SWAPPED);
  on_tables_changed (self);
  on_workshop_changed (self);
  return GTK_WIDGET (self);
}
