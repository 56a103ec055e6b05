/* v21-board-page.c — every card: filter, cluster, merge, link; and an outline
 *
 * The cards are a GtkColumnView over filter and sort models of the workshop's
 * card collection: rows are recycled, so 10,000 cards cost what is on screen.
 * The rules (merge, clusters, links) are in v21-cards.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-board-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "v21-board-page.h"
#include "v21-capture.h"
#include "v21-card-row.h"
#include "v21-cards.h"
#include "v21-pages.h"
#include "v21-record-list.h"
#include "v21-schema.h"
#include "v21-wall-view.h"
#include "v21-widgets.h"

#define ALL_CLUSTERS NULL
#define NO_CLUSTER ""

enum { ORDER_KIND, ORDER_CLUSTER, ORDER_CAPTURED };

struct _V21BoardPage
{
  AdwBin              parent_instance;

  V21Workshop        *workshop;
  V21RecordList      *cards;
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  GtkSortListModel   *sorted;
  GtkMultiSelection  *selection;
  char               *cluster_filter;   /* ALL_CLUSTERS, NO_CLUSTER or an id */
  char               *search;           /* casefolded */
  guint               refresh_id;
  gboolean            refilter;         /* the next refresh re-reads every row */

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *table_dropdown;
  GtkDropDown        *sequence_dropdown;
  GtkDropDown        *order_dropdown;
  GtkListBox         *cluster_list;
  GtkEntry           *cluster_entry;
  GtkStack           *view_stack;
  GtkScrolledWindow  *cards_scroller;
  GtkColumnView      *cards_view;
  GtkScrolledWindow  *wall_scroller;
  V21WallView        *wall;
  GtkToggleButton    *table_toggle;
  GtkToggleButton    *wall_toggle;
  GtkToggleButton    *outline_toggle;
  GtkTextView        *outline_view;
  GtkLabel           *count_label;
  GtkDropDown        *move_dropdown;
};

G_DEFINE_FINAL_TYPE (V21BoardPage, v21_board_page, ADW_TYPE_BIN)

static guint n_reads;

/* The record chosen in a drop-down of names_of(), or NULL for "All …". */
static V21Record *
chosen (V21BoardPage *self,
        GtkDropDown  *dropdown,
        const char   *collection)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  V21Collection *list = v21_workshop_get_collection (self->workshop, collection);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > v21_collection_get_n (list))
    return NULL;
  return v21_collection_get (list, selected - 1);
}

static const char *
chosen_id (V21BoardPage *self,
           GtkDropDown  *dropdown,
           const char   *collection)
{
  V21Record *record = chosen (self, dropdown, collection);

  return record ? v21_record_get_id (record) : NULL;
}

static const char *
chosen_kind (V21BoardPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);
  const char * const *kinds = v21_card_kinds ();

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return v21_capture_kind_for_key ((int) selected) ? kinds[selected - 1] : NULL;
}

static void
fill_dropdowns (V21BoardPage *self)
{
  GtkStringList *kinds = gtk_string_list_new (NULL);

  gtk_string_list_append (kinds, _("All kinds"));
  for (const char * const *k = v21_card_kinds (); *k; k++)
    gtk_string_list_append (kinds, v21_card_kind_label (*k));
  v21_set_names (self->kind_dropdown, kinds);
  v21_set_names (self->table_dropdown, v21_names_of (self->workshop, "tables", "name", _("All tables")));
  v21_set_names (self->sequence_dropdown, v21_names_of (self->workshop, "sequences", "title", _("All sequences")));
  v21_set_names (self->move_dropdown, v21_names_of (self->workshop, "clusters", "name", _("Out of any cluster")));
}

/* Filter and order */

static gboolean
card_visible (V21BoardPage *self,
              V21Record    *card,
              gboolean      by_cluster)
{
  const char *kind = chosen_kind (self);
  const char *table = chosen_id (self, self->table_dropdown, "tables");
  const char *sequence = chosen_id (self, self->sequence_dropdown, "sequences");

  if (kind != NULL && g_strcmp0 (v21_text (card, "kind"), kind) != 0)
    return FALSE;
  if (table != NULL && g_strcmp0 (v21_text (card, "table"), table) != 0)
    return FALSE;
  if (sequence != NULL && g_strcmp0 (v21_text (card, "sequence"), sequence) != 0)
    return FALSE;
  if (by_cluster && self->cluster_filter != ALL_CLUSTERS
      && g_strcmp0 (v21_text (card, "cluster"), self->cluster_filter) != 0)
    return FALSE;
  if (self->search != NULL && *self->search != '\0')
    {
      g_autofree char *text = g_utf8_casefold (v21_text (card, "text"), -1);

      return strstr (text, self->search) != NULL;
    }
  return TRUE;
}

static gboolean
filter_func (gpointer item,
             gpointer data)
{
  n_reads++;
  return card_visible (data, item, TRUE);
}

static int
kind_index (V21Record *card)
{
  const char * const *kinds = v21_card_kinds ();
  const char *kind = v21_text (card, "kind");

  for (int i = 0; kinds[i] != NULL; i++)
    if (strcmp (kinds[i], kind) == 0)
      return i;
  return G_MAXINT;
}

static const char *
cluster_name (V21Workshop *workshop,
              V21Record   *card)
{
  V21Record *cluster = v21_workshop_lookup (workshop, v21_text (card, "cluster"));

  return cluster ? v21_text (cluster, "name") : NULL;
}

/* Stable sorts: cards that compare equal stay in capture order. */
static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      data)
{
  V21BoardPage *self = data;

  if (gtk_drop_down_get_selected (self->order_dropdown) == ORDER_CLUSTER)
    {
      const char *x = cluster_name (self->workshop, (V21Record *) a);
      const char *y = cluster_name (self->workshop, (V21Record *) b);

      /* Cards out of any cluster come last. */
      if (x == NULL || y == NULL)
        return (x == NULL) - (y == NULL);
      return g_utf8_collate (x, y);
    }
  return kind_index ((V21Record *) a) - kind_index ((V21Record *) b);
}

/* The selection */

static gboolean
on_wall (V21BoardPage *self)
{
  return self->wall != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "wall") == 0;
}

/* The table's selected rows, or the wall's selected tiles when it shows. */
static GPtrArray *
selected_cards (V21BoardPage *self)
{
  g_autoptr(GtkBitset) bits = NULL;
  GPtrArray *cards;
  GtkBitsetIter iter;
  guint position;

  if (on_wall (self))
    return v21_wall_view_get_selected (self->wall);
  bits = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  cards = g_ptr_array_new_with_free_func (g_object_unref);

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, bits, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (cards, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
  return cards;
}

static void
update_selection_state (V21BoardPage *self)
{
  g_autoptr(GPtrArray) cards = selected_cards (self);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  g_autofree char *text = NULL;

  if (cards->len > 0)
    /* Translators: "3 selected of 150 cards" */
    text = g_strdup_printf (ngettext ("%u selected of %u card", "%u selected of %u cards", shown),
                            cards->len, shown);
  else
    text = g_strdup_printf (ngettext ("%u card", "%u cards", shown), shown);
  /* On the wall, what the keys do now. */
  if (on_wall (self))
    {
      const char *hint = v21_wall_view_get_picked (self->wall)
                         ? _("←/→ column · Enter drop · Escape cancel")
                         : _("Arrows card · Space pick up · Ctrl+Space select");
      char *line = g_strdup_printf ("%s · %s", text, hint);

      g_free (text);
      text = line;
    }
  gtk_label_set_text (self->count_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.move", cards->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.delete", cards->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.merge", cards->len == 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.link", cards->len == 2);
}

/* The outline: cluster by cluster, in plain text, for screen readers and for
 * reading the board out to the room. */

static void
append_card (GString     *text,
             V21Workshop *workshop,
             V21Record   *card)
{
  V21Record *table = v21_workshop_lookup (workshop, v21_text (card, "table"));

  g_string_append_printf (text, "    • %s — %s", v21_card_kind_label (v21_text (card, "kind")),
                          v21_text (card, "text"));
  if (table != NULL)
    g_string_append_printf (text, " (%s)", v21_text (table, "name"));
  g_string_append_c (text, '\n');
}

static void
append_group (GString     *text,
              V21Workshop *workshop,
              const char  *title,
              GPtrArray   *cards)
{
  if (cards == NULL || cards->len == 0)
    return;
  g_string_append_printf (text, "%s — ", title);
  g_string_append_printf (text, ngettext ("%u card", "%u cards", cards->len), cards->len);
  g_string_append_c (text, '\n');
  for (guint i = 0; i < cards->len; i++)
    append_card (text, workshop, g_ptr_array_index (cards, i));
  g_string_append_c (text, '\n');
}

char *
v21_board_page_get_outline (V21BoardPage *self)
{
  V21Collection *cards = v21_workshop_get_collection (self->workshop, "cards");
  V21Collection *clusters = v21_workshop_get_collection (self->workshop, "clusters");
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (V21_IS_BOARD_PAGE (self), NULL);
  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    {
      V21Record *card = v21_collection_get (cards, i);
      const char *cluster = v21_text (card, "cluster");
      GPtrArray *group;

      if (!card_visible (self, card, FALSE))
        continue;
      group = g_hash_table_lookup (groups, cluster);
      if (group == NULL)
        g_hash_table_insert (groups, (gpointer) cluster, group = g_ptr_array_new ());
      g_ptr_array_add (group, card);
    }
  for (guint i = 0; i < v21_collection_get_n (clusters); i++)
    {
      V21Record *cluster = v21_collection_get (clusters, i);

      append_group (text, self->workshop, v21_text (cluster, "name"),
                    g_hash_table_lookup (groups, v21_record_get_id (cluster)));
    }
  append_group (text, self->workshop, _("Out of any cluster"), g_hash_table_lookup (groups, ""));
  if (text->len == 0)
    g_string_append (text, _("No card matches the filters."));
  return g_string_free (text, FALSE);
}

static void
update_outline (V21BoardPage *self)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "outline") != 0)
    return;
  text = v21_board_page_get_outline (self);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->outline_view), text, -1);
}

/* The clusters */

static void move_cards (V21BoardPage *self, GPtrArray *cards, V21Record *cluster);

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         V21BoardPage  *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *cluster_id = g_object_get_data (G_OBJECT (row), "v21-cluster");
  g_auto(GStrv) ids = g_strsplit (g_value_get_string (value), "\n", -1);
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      V21Record *card = v21_workshop_lookup (self->workshop, ids[i]);

      if (card != NULL && g_strcmp0 (v21_record_get_collection (card), "cards") == 0)
        g_ptr_array_add (cards, g_object_ref (card));
    }
  if (cards->len == 0)
    return FALSE;
  move_cards (self, cards, cluster_id && *cluster_id ? v21_workshop_lookup (self->workshop, cluster_id) : NULL);
  return TRUE;
}

static void
on_cluster_renamed (GtkEditableLabel *label,
                    GParamSpec       *pspec,
                    V21BoardPage     *self)
{
  V21Record *cluster = g_object_get_data (G_OBJECT (label), "v21-record");
  g_autoptr(GError) error = NULL;

  if (gtk_editable_label_get_editing (label) || cluster == NULL)
    return;
  /* The name is not a Tab stop of its own: the focus goes back to its row. */
  if (gtk_widget_get_root (GTK_WIDGET (label)) != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (label)));
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_LIST_BOX_ROW);

      if (row != NULL && (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (label))))
        gtk_widget_grab_focus (row);
    }
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (label)), v21_text (cluster, "name")) == 0)
    return;
  if (!v21_cluster_rename (self->workshop, cluster, gtk_editable_get_text (GTK_EDITABLE (label)), &error))
    {
      v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
      gtk_editable_set_text (GTK_EDITABLE (label), v21_text (cluster, "name"));
    }
}

static GtkWidget *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
cluster_row (V21BoardPage *self,
             const char   *id,
             const char   *name,
             V21Record    *cluster)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *label;
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE | GDK_ACTION_COPY);

  if (cluster != NULL)
    {
      /* F2 (board.rename-cluster), or Enter on the name, renames the cluster. */
      GtkWidget *shown;

      label = gtk_editable_label_new (name);
      /* One Tab stop per row (the row); F2 or a click edits the name. */
      gtk_widget_set_focusable (label, FALSE);
      /* Long names are ellipsized, not the sidebar widened. */
      shown = find_label (label);
      if (shown != NULL)
        gtk_label_set_ellipsize (GTK_LABEL (shown), PANGO_ELLIPSIZE_END);
      g_object_set_data (G_OBJECT (label), "v21-record", cluster);
      g_signal_connect (label, "notify::editing", G_CALLBACK (on_cluster_renamed), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Cluster name"), -1);
    }
  else
    {
      label = gtk_label_new (name);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, name);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "v21-cluster", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), "v21-count", count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
  return row;
}

static void
fill_clusters (V21BoardPage *self)
{
  V21Collection *clusters = v21_workshop_get_collection (self->workshop, "clusters");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cluster_list))) != NULL)
    gtk_list_box_remove (self->cluster_list, child);
  gtk_list_box_append (self->cluster_list, cluster_row (self, NULL, _("All cards"), NULL));
  for (guint i = 0; i < v21_collection_get_n (clusters); i++)
    {
      V21Record *cluster = v21_collection_get (clusters, i);

      gtk_list_box_append (self->cluster_list, cluster_row (self, v21_record_get_id (cluster),
                                                            v21_text (cluster, "name"), cluster));
    }
  gtk_list_box_append (self->cluster_list, cluster_row (self, NO_CLUSTER, _("Out of any cluster"), NULL));
}

/* Counts per cluster, and names changed by an edit or an undo. */
static void
update_clusters (V21BoardPage *self)
{
  V21Collection *cards = v21_workshop_get_collection (self->workshop, "cards");
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    {
      const char *cluster = v21_text (v21_collection_get (cards, i), "cluster");

      g_hash_table_insert (counts, (gpointer) cluster,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, cluster)) + 1));
    }
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->cluster_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *id = g_object_get_data (G_OBJECT (row), "v21-cluster");
      GtkWidget *label = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
      V21Record *cluster = GTK_IS_EDITABLE_LABEL (label) ? g_object_get_data (G_OBJECT (label), "v21-record") : NULL;
      g_autofree char *count = g_strdup_printf ("%u", id ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, id))
                                                         : v21_collection_get_n (cards));

      gtk_label_set_text (g_object_get_data (G_OBJECT (row), "v21-count"), count);
      if (cluster != NULL && !gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label))
          && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (label)), v21_text (cluster, "name")) != 0)
        gtk_editable_set_text (GTK_EDITABLE (label), v21_text (cluster, "name"));
    }
}

static void
on_cluster_selected (V21BoardPage  *self,
                     GtkListBoxRow *row)
{
  const char *id = row ? g_object_get_data (G_OBJECT (row), "v21-cluster") : NULL;

  g_free (self->cluster_filter);
  self->cluster_filter = g_strdup (id);
  if (self->filter == NULL)
    return;   /* being built or disposed */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_selection_state (self);
}

static void
on_clusters_changed (V21BoardPage *self)
{
  fill_clusters (self);
  update_clusters (self);
  v21_set_names (self->move_dropdown, v21_names_of (self->workshop, "clusters", "name", _("Out of any cluster")));
}

/* Refreshing after edits: once per main loop turn, keeping the selection. */

static gboolean
refresh (gpointer data)
{
  V21BoardPage *self = data;
  g_autoptr(GPtrArray) kept = selected_cards (self);
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  GListModel *model = G_LIST_MODEL (self->selection);

  self->refresh_id = 0;
  for (guint i = 0; i < kept->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (kept, i));
  if (self->refilter)
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      if (gtk_drop_down_get_selected (self->order_dropdown) != ORDER_CAPTURED)
        gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
    }
  if (self->refilter && kept->len > 0)
    {
      gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
      for (guint i = 0; i < g_list_model_get_n_items (model) && g_hash_table_size (wanted) > 0; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);

          if (g_hash_table_remove (wanted, item))
            gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, FALSE);
        }
    }
  self->refilter = FALSE;
  update_clusters (self);
  update_selection_state (self);
  update_outline (self);
  return G_SOURCE_REMOVE;
}

/* The clusters, the selection and the outline; the rows only when told. */
static void
queue_update (V21BoardPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh, self);
}

/* Every row too: a name they show, or how they are filtered or sorted, changed. */
static void
queue_refresh (V21BoardPage *self)
{
  self->refilter = TRUE;
  queue_update (self);
}

/* Whether an edit of @field may move a card in or out of the view, or in its order. */
static gboolean
filters_or_sorts (V21BoardPage *self,
                  const char   *field)
{
  if (strcmp (field, "text") == 0)
    return self->search != NULL && *self->search != '\0';
  return strcmp (field, "kind") == 0 || strcmp (field, "cluster") == 0 || strcmp (field, "table") == 0
         || strcmp (field, "sequence") == 0;
}

/* One card edited: its cells show it again by themselves; it goes through the
 * filter and the sorter again only when the edit may move it. */
static void
on_card_changed (V21BoardPage *self,
                 V21Record    *card,
                 const char   *field)
{
  /* GtkMultiSelection keeps it selected through the items-changed. */
  if (field != NULL && filters_or_sorts (self, field))
    v21_record_list_item_changed (self->cards, card);
  queue_update (self);
}

static void
on_filters_changed (V21BoardPage *self)
{
  g_free (self->search);
  self->search = self->search_entry
                 ? g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1)
                 : NULL;
  if (self->filter != NULL)
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      update_selection_state (self);
      update_outline (self);
    }
}

static void
on_order_changed (V21BoardPage *self)
{
  if (self->sorted == NULL)
    return;
  gtk_sort_list_model_set_sorter (self->sorted, gtk_drop_down_get_selected (self->order_dropdown) == ORDER_CAPTURED
                                                ? NULL : GTK_SORTER (self->sorter));
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
on_view_toggled (V21BoardPage    *self,
                 GtkToggleButton *toggle)
{
  if (!gtk_toggle_button_get_active (toggle))
    return;
  gtk_stack_set_visible_child_name (self->view_stack, toggle == self->wall_toggle ? "wall"
                                                      : toggle == self->outline_toggle ? "outline" : "cards");
}

static void
on_view_changed (V21BoardPage *self)
{
  if (self->workshop == NULL)
    return;
  update_outline (self);
  update_selection_state (self);
}

/* Actions on the selected cards */

static void
move_cards (V21BoardPage *self,
            GPtrArray    *cards,
            V21Record    *cluster)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  g_autofree char *text = NULL;

  v21_workshop_begin_group (self->workshop, _("Move cards"));
  for (guint i = 0; i < cards->len && ok; i++)
    ok = v21_cards_move_to_cluster (self->workshop, g_ptr_array_index (cards, i), cluster, &error);
  if (!ok)
    {
      v21_workshop_cancel_group (self->workshop);
      v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
      return;
    }
  v21_workshop_end_group (self->workshop);
  if (cluster != NULL)
    text = g_strdup_printf (ngettext ("%u card moved to “%s”", "%u cards moved to “%s”", cards->len),
                            cards->len, v21_text (cluster, "name"));
  else
    text = g_strdup_printf (ngettext ("%u card taken out of its cluster", "%u cards taken out of their clusters",
                                     cards->len), cards->len);
  v21_show_toast (GTK_WIDGET (self), text, _("_Undo"), "win.undo");
}

static void
move_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  V21BoardPage *self = V21_BOARD_PAGE (widget);
  g_autoptr(GPtrArray) cards = selected_cards (self);

  if (cards->len > 0)
    move_cards (self, cards, chosen (self, self->move_dropdown, "clusters"));
}

static void
show_result (V21BoardPage *self,
             gboolean      ok,
             GError       *error,
             const char   *done)
{
  if (ok)
    v21_show_toast (GTK_WIDGET (self), done, _("_Undo"), "win.undo");
  else
    v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
}

static void
merge_action (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  V21BoardPage *self = V21_BOARD_PAGE (widget);
  g_autoptr(GPtrArray) cards = selected_cards (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (cards->len != 2)
    return;
  /* The first in the list is kept. */
  ok = v21_cards_merge (self->workshop, g_ptr_array_index (cards, 0), g_ptr_array_index (cards, 1), &error);
  show_result (self, ok, error, _("Cards merged"));
}

static void
link_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  V21BoardPage *self = V21_BOARD_PAGE (widget);
  g_autoptr(GPtrArray) cards = selected_cards (self);
  g_autoptr(GError) error = NULL;
  V21Record *from;
  V21Record *to;

  if (cards->len != 2)
    return;
  from = g_ptr_array_index (cards, 0);
  to = g_ptr_array_index (cards, 1);
  /* A threat threatens an issue, whichever was selected first. */
  if (strcmp (v21_link_kind_for (v21_text (from, "kind"), NULL), "leads_to") == 0
      && strcmp (v21_link_kind_for (v21_text (to, "kind"), NULL), "leads_to") != 0)
    {
      V21Record *swap = from;
      from = to;
      to = swap;
    }
  show_result (self, v21_cards_link (self->workshop, from, to, NULL, &error) != NULL, error, _("Cards linked"));
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  V21BoardPage *self = V21_BOARD_PAGE (widget);
  g_autoptr(GPtrArray) cards = selected_cards (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok = TRUE;

  if (cards->len == 0)
    return;
  v21_workshop_begin_group (self->workshop, _("Delete cards"));
  for (guint i = 0; i < cards->len && ok; i++)
    ok = v21_workshop_remove (self->workshop, g_ptr_array_index (cards, i), &error);
  if (ok)
    v21_workshop_end_group (self->workshop);
  else
    v21_workshop_cancel_group (self->workshop);
  text = g_strdup_printf (ngettext ("%u card deleted", "%u cards deleted", cards->len), cards->len);
  show_result (self, ok, error, text);
}

static const char *
common_kind (GPtrArray *cards)
{
  const char *kind = NULL;

  for (guint i = 0; i < cards->len; i++)
    {
      const char *k = v21_text (g_ptr_array_index (cards, i), "kind");

      if (kind != NULL && g_strcmp0 (kind, k) != 0)
        return NULL;
      kind = k;
    }
  return kind;
}

static void
new_cluster_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  V21BoardPage *self = V21_BOARD_PAGE (widget);
  g_autoptr(GPtrArray) cards = selected_cards (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cluster_entry))));
  V21Record *cluster;

  if (*text == '\0')
    {
      v21_show_toast (widget, _("Type the name of the new cluster first"), NULL, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->cluster_entry));
      return;
    }
  cluster = v21_cluster_create (self->workshop, text, common_kind (cards),
                                chosen (self, self->sequence_dropdown, "sequences"), cards, &error);
  show_result (self, cluster != NULL, error, _("Cluster created"));
  if (cluster != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->cluster_entry), "");
}

/* F2: the selected cluster's name becomes editable (Enter saves, Escape cancels). */
static void
rename_cluster_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  V21BoardPage *self = V21_BOARD_PAGE (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->cluster_list);
  GtkWidget *label = row ? gtk_widget_get_first_child (gtk_list_box_row_get_child (row)) : NULL;

  if (label == NULL || !GTK_IS_EDITABLE_LABEL (label))
    return;
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (label));
}

/* F4: the cluster chooser opens, wherever the focus is on the board. */
static void
choose_cluster_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  V21BoardPage *self = V21_BOARD_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->move_dropdown));
  g_signal_emit_by_name (self->move_dropdown, "activate");
}

static void
on_cluster_entry_activate (V21BoardPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "board.new-cluster", NULL);
}

/* Columns */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_halign (label, data != NULL ? GTK_ALIGN_START : GTK_ALIGN_FILL);
  gtk_list_item_set_child (item, label);
}

static void
bind_kind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *kind = v21_text (gtk_list_item_get_item (item), "kind");
  g_autofree char *css = v21_kind_css_class (kind);

  gtk_widget_set_css_classes (label, (const char *[]) { "v21-kind", css, NULL });
  gtk_label_set_text (GTK_LABEL (label), v21_card_kind_label (kind));
}

/* The text cell carries the drag: the selected cards when this one is selected. */
static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *item)
{
  V21BoardPage *self = g_object_get_data (G_OBJECT (source), "v21-page");
  g_autoptr(GString) ids = g_string_new (NULL);
  V21Record *card = gtk_list_item_get_item (item);

  if (card == NULL)
    return NULL;
  if (gtk_list_item_get_selected (item))
    {
      g_autoptr(GPtrArray) cards = selected_cards (self);

      for (guint i = 0; i < cards->len; i++)
        g_string_append_printf (ids, "%s%s", i ? "\n" : "", v21_record_get_id (g_ptr_array_index (cards, i)));
    }
  else
    g_string_append (ids, v21_record_get_id (card));
  return gdk_content_provider_new_typed (G_TYPE_STRING, ids->str);
}

static void
setup_text (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            V21BoardPage             *self)
{
  GtkDragSource *source = gtk_drag_source_new ();

  setup_label (factory, item, NULL);
  g_object_set_data (G_OBJECT (source), "v21-page", self);
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), item);
  gtk_widget_add_controller (gtk_list_item_get_child (item), GTK_EVENT_CONTROLLER (source));
}

static void
bind_field (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            const char               *field)
{
  V21Record *card = gtk_list_item_get_item (item);
  V21BoardPage *self = g_object_get_data (G_OBJECT (factory), "v21-page");
  const char *text = v21_text (card, field);

  /* A reference shows the name or title of the record it names. */
  if (strcmp (field, "text") != 0)
    {
      V21Record *target = v21_workshop_lookup (self->workshop, text);

      text = target == NULL ? "" : strcmp (field, "sequence") == 0 ? v21_text (target, "title")
                                                                  : v21_text (target, "name");
    }
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* A cell shows its field again when that field of its card changes, and only then. */
static void
show_cell (GtkListItem *item)
{
  GtkListItemFactory *factory = g_object_get_data (G_OBJECT (item), "v21-factory");
  const char *field = g_object_get_data (G_OBJECT (item), "v21-field");

  n_reads++;
  if (strcmp (field, "kind") == 0)
    bind_kind (GTK_SIGNAL_LIST_ITEM_FACTORY (factory), item, NULL);
  else
    bind_field (GTK_SIGNAL_LIST_ITEM_FACTORY (factory), item, field);
}

static void
bind_cell (GtkListItemFactory *factory,
           GtkListItem        *item,
           const char         *field)
{
  g_autofree char *signal = g_strconcat ("changed::", field, NULL);

  g_object_set_data (G_OBJECT (item), "v21-factory", factory);
  g_object_set_data (G_OBJECT (item), "v21-field", (gpointer) field);
  g_signal_connect_object (gtk_list_item_get_item (item), signal, G_CALLBACK (show_cell), item, G_CONNECT_SWAPPED);
  show_cell (item);
}

static void
unbind_cell (GtkListItemFactory *factory,
             GtkListItem        *item)
{
  g_signal_handlers_disconnect_by_data (gtk_list_item_get_item (item), item);
}

static void
add_column (V21BoardPage *self,
            const char   *title,
            const char   *field,
            gboolean      expand,
            int           width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "v21-page", self);
  if (strcmp (field, "kind") == 0)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (1));
    }
  else
    {
      if (strcmp (field, "text") == 0)
        g_signal_connect (factory, "setup", G_CALLBACK (setup_text), self);
      else
        g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
    }
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) field);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->cards_view, column);
  g_object_unref (column);
}

static void
setup_cards (V21BoardPage *self)
{
  GListModel *cards;
  GtkFilterListModel *filtered;

  self->cards = v21_record_list_new (v21_workshop_get_collection (self->workshop, "cards"));
  cards = G_LIST_MODEL (g_object_ref (self->cards));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  filtered = gtk_filter_list_model_new (cards, GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), GTK_SORTER (g_object_ref (self->sorter)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_column_view_set_model (self->cards_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (update_selection_state), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_selection_state), self);

  add_column (self, _("Kind"), "kind", FALSE, 130);
  add_column (self, _("Card"), "text", TRUE, 420);
  add_column (self, _("Table"), "table", FALSE, 130);
  add_column (self, _("Cluster"), "cluster", FALSE, 170);
  add_column (self, _("Sequence"), "sequence", FALSE, 170);

  /* The wall shows the same cards, filtered and ordered as the table. */
  self->wall = V21_WALL_VIEW (v21_wall_view_new (self->workshop, G_LIST_MODEL (self->sorted)));
  gtk_scrolled_window_set_child (self->wall_scroller, GTK_WIDGET (self->wall));
  g_signal_connect_object (self->wall, "selection-changed", G_CALLBACK (update_selection_state), self, G_CONNECT_SWAPPED);
}

/* The page */

static void
v21_board_page_dispose (GObject *object)
{
  V21BoardPage *self = V21_BOARD_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), V21_TYPE_BOARD_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->cards);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_board_page_parent_class)->dispose (object);
}

static void
v21_board_page_finalize (GObject *object)
{
  V21BoardPage *self = V21_BOARD_PAGE (object);

  g_free (self->cluster_filter);
  g_free (self->search);
  G_OBJECT_CLASS (v21_board_page_parent_class)->finalize (object);
}

static void
v21_board_page_class_init (V21BoardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = v21_board_page_dispose;
  object_class->finalize = v21_board_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/visions21/Atelier/v21-board-page.ui");
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, table_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, sequence_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, order_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, cluster_list);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, cluster_entry);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, cards_scroller);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, cards_view);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, wall_scroller);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, table_toggle);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, wall_toggle);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, outline_toggle);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, outline_view);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, V21BoardPage, move_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_order_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_cluster_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_cluster_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled);

  gtk_widget_class_install_action (widget_class, "board.move", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "board.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "board.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "board.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "board.new-cluster", NULL, new_cluster_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "board.move", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_M, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "board.merge", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "board.link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "board.delete", NULL);
  gtk_widget_class_install_action (widget_class, "board.rename-cluster", NULL, rename_cluster_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "board.rename-cluster", NULL);
  gtk_widget_class_install_action (widget_class, "board.choose-cluster", NULL, choose_cluster_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F4, 0, "board.choose-cluster", NULL);
}

static void
v21_board_page_init (V21BoardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  v21_name_dropdown (self->kind_dropdown);
  v21_name_dropdown (self->table_dropdown);
  v21_name_dropdown (self->sequence_dropdown);
  v21_name_dropdown (self->order_dropdown);
  v21_name_dropdown (self->move_dropdown);
  v21_list_tab_leaves (GTK_WIDGET (self->cluster_list));
  v21_list_tab_leaves (GTK_WIDGET (self->cards_view));
  gtk_drop_down_set_expression (self->move_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
}

GtkWidget *
v21_board_page_new (V21Workshop *workshop)
{
  V21BoardPage *self = g_object_new (V21_TYPE_BOARD_PAGE, NULL);

  self->workshop = g_object_ref (workshop);
  fill_dropdowns (self);
  setup_cards (self);
  on_clusters_changed (self);
  gtk_list_box_select_row (self->cluster_list, gtk_list_box_get_row_at_index (self->cluster_list, 0));
  g_signal_connect_object (workshop, "record-changed::cards", G_CALLBACK (on_card_changed), self, G_CONNECT_SWAPPED);
  for (const char **names = (const char *[]) { "clusters", "tables", "sequences", NULL }; *names; names++)
    {
      g_autofree char *signal = g_strconcat ("record-changed::", *names, NULL);

      g_signal_connect_object (workshop, signal, G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (v21_workshop_get_collection (workshop, "clusters"), "items-changed",
                           G_CALLBACK (on_clusters_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (v21_workshop_get_collection (workshop, "tables"), "items-changed",
                           G_CALLBACK (fill_dropdowns), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (v21_workshop_get_collection (workshop, "sequences"), "items-changed",
                           G_CALLBACK (fill_dropdowns), self, G_CONNECT_SWAPPED);
  update_selection_state (self);
  return GTK_WIDGET (self);
}

/* How many times the board re-read a card for its rows (filtered or shown), for the tests. */
guint
_v21_board_page_get_n_reads (void)
{
  return n_reads;
}

GListModel *
v21_board_page_get_model (V21BoardPage *self)
{
  g_return_val_if_fail (V21_IS_BOARD_PAGE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

V21WallView *
_v21_board_page_get_wall (V21BoardPage *self)
{
  g_return_val_if_fail (V21_IS_BOARD_PAGE (self), NULL);
  return self->wall;
}

GtkScrolledWindow *
v21_board_page_get_scroller (V21BoardPage *self)
{
  g_return_val_if_fail (V21_IS_BOARD_PAGE (self), NULL);
  return self->cards_scroller;
}
