/* v21-votes-page.c — vote rounds: fast entry, hidden results, ranking
 *
 * Counting dots goes down the list: type a number, Enter, the next line. The
 * results stay hidden until revealed (v21-votes.h has the rules and the tally;
 * the bar chart comes from the render layer).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-votes-page"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "v21-capture.h"
#include "v21-cards.h"
#include "v21-pages.h"
#include "v21-schema.h"
#include "v21-votes.h"
#include "v21-session.h"
#include "v21-votes-page.h"
#include "v21-widgets.h"

struct _V21VotesPage
{
  AdwBin              parent_instance;

  V21Workshop        *workshop;
  GListStore         *targets;     /* V21Record: the round's cards or clusters */
  GtkSingleSelection *selection;
  guint               refresh_id;
  gboolean            syncing;     /* setting widgets from the model */
  gpointer            shown[3];    /* round, voter, target of the count entry */

  /* Template widgets */
  GtkDropDown        *round_dropdown;
  GtkMenuButton      *new_button;
  GtkToggleButton    *reveal_button;
  GtkLabel           *round_label;
  GtkDropDown        *voter_dropdown;
  GtkLabel           *budget_label;
  GtkColumnView      *targets_view;
  GtkEntry           *count_entry;
  GtkStack           *results_stack;
  GtkListBox         *results_list;
  GtkPopover         *new_popover;
  GtkEntry           *title_entry;
  GtkDropDown        *target_dropdown;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *method_dropdown;
  GtkSpinButton      *budget_spin;
  GtkDropDown        *voters_dropdown;
  GtkDropDown        *cluster_dropdown;
  GtkLabel           *sequence_cards_label;
  GtkWidget          *chosen_box;
  GtkSearchEntry     *chosen_search;
  GtkListView        *chosen_view;
  GtkLabel           *chosen_label;

  GPtrArray          *voters;      /* V21Record: who votes in the round shown */
  GHashTable         *chosen;      /* ids of the hand-picked cards */
  GtkCustomFilter    *chosen_filter;
  gboolean            focus_count; /* a round was just created: the count entry takes the focus */
};

/* The new round's targets, in the order of target_dropdown. */
enum { NEW_KIND, NEW_CLUSTERS, NEW_CLUSTER_CARDS, NEW_SEQUENCE_CARDS, NEW_CHOSEN };

G_DEFINE_FINAL_TYPE (V21VotesPage, v21_votes_page, ADW_TYPE_BIN)

static V21Record *
current_round (V21VotesPage *self)
{
  V21Collection *rounds = v21_workshop_get_collection (self->workshop, "vote_rounds");
  guint selected = gtk_drop_down_get_selected (self->round_dropdown);

  return selected < v21_collection_get_n (rounds) ? v21_collection_get (rounds, selected) : NULL;
}

/* NULL: the physical dots counted on each target. */
static V21Record *
current_voter (V21VotesPage *self)
{
  V21Record *round = current_round (self);
  guint selected = gtk_drop_down_get_selected (self->voter_dropdown);

  if (round == NULL || self->voters == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return selected - 1 < self->voters->len ? g_ptr_array_index (self->voters, selected - 1) : NULL;
}

static gboolean
is_points (V21Record *round)
{
  return round != NULL && g_strcmp0 (v21_text (round, "method"), "points") == 0;
}

static V21Record *
current_target (V21VotesPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Showing the round */

static void
update_round_label (V21VotesPage *self,
                    V21Record    *round)
{
  g_autofree char *text = NULL;
  const char *method;
  const char *voters;

  if (round == NULL)
    {
      gtk_label_set_text (self->round_label, _("No vote round yet: create one."));
      return;
    }
  method = g_strcmp0 (v21_text (round, "method"), "points") == 0 ? _("Points") : _("Dots");
  voters = g_strcmp0 (v21_text (round, "voters"), "tables") == 0 ? _("per table") : _("per person");
  /* Translators: "Gommettes, 5 par table, sur 7 cibles" */
  text = g_strdup_printf (_("%s, %ld %s, on %u targets"), method, (long) v21_record_get_int (round, "budget", 0),
                          voters, g_list_model_get_n_items (G_LIST_MODEL (self->targets)));
  gtk_label_set_text (self->round_label, text);
}

static void
update_budget (V21VotesPage *self)
{
  V21Record *round = current_round (self);
  V21Record *voter = current_voter (self);
  g_autofree char *text = NULL;

  if (round != NULL && voter != NULL)
    /* Translators: "3 of 5 votes given", "7 of 10 points given" */
    text = g_strdup_printf (is_points (round) ? _("%ld of %ld points given") : _("%ld of %ld votes given"),
                            (long) v21_votes_used (self->workshop, round, voter),
                            (long) v21_record_get_int (round, "budget", 0));
  gtk_label_set_text (self->budget_label, text ? text : "");
}

static void
fill_voters (V21VotesPage *self,
             V21Record    *round)
{
  GtkStringList *names;
  gboolean syncing = self->syncing;

  g_clear_pointer (&self->voters, g_ptr_array_unref);
  names = gtk_string_list_new (NULL);
  if (round != NULL)
    {
      /* The facilitator and observers do not vote (v21_vote_round_voters). */
      self->voters = v21_vote_round_voters (self->workshop, round);
      gtk_string_list_append (names, _("Counted dots (no voter)"));
      for (guint i = 0; i < self->voters->len; i++)
        gtk_string_list_append (names, v21_text (g_ptr_array_index (self->voters, i), "name"));
    }
  /* The list is replaced: its selection moves to 0 and back, which no one chose. */
  self->syncing = TRUE;
  v21_set_names (self->voter_dropdown, names);
  self->syncing = syncing;
}

static void
fill_targets (V21VotesPage *self,
              V21Record    *round)
{
  json_object *ids = round ? v21_record_get_value (round, "targets") : NULL;
  gsize n = json_object_is_type (ids, json_type_array) ? json_object_array_length (ids) : 0;
  guint selected = gtk_single_selection_get_selected (self->selection);
  g_autoptr(GPtrArray) records = g_ptr_array_new ();

  for (gsize i = 0; i < n; i++)
    {
      V21Record *target = v21_workshop_lookup (self->workshop, json_object_get_string (json_object_array_get_idx (ids, i)));

      if (target != NULL)
        g_ptr_array_add (records, target);
    }
  /* Replacing every item rebinds the rows, so the counts show the model. */
  g_list_store_splice (self->targets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->targets)),
                       records->pdata, records->len);
  if (selected < records->len)
    gtk_single_selection_set_selected (self->selection, selected);
}

static GtkWidget *
result_row (V21VoteResults *results,
            V21VoteTally   *tally,
            gboolean        tied,
            gboolean        points)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *rank = gtk_label_new (NULL);
  GtkWidget *total = gtk_label_new (NULL);
  g_autoptr(GString) breakdown = g_string_new (NULL);
  g_autofree char *rank_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *title = g_markup_escape_text (tally->label, -1);

  for (guint i = 0; i < results->n_tables; i++)
    if (tally->per_table[i] > 0)
      g_string_append_printf (breakdown, "%s%s %ld", breakdown->len ? " · " : "",
                              v21_text (results->tables[i], "name"), (long) tally->per_table[i]);
  if (tally->no_table > 0)
    g_string_append_printf (breakdown, "%s%s %ld", breakdown->len ? " · " : "", _("no table"), (long) tally->no_table);
  /* Translators: a rank shared by several targets, e.g. "2 ex aequo" */
  rank_text = tied ? g_strdup_printf (_("%u tied"), tally->rank) : g_strdup_printf ("%u", tally->rank);
  total_text = points ? g_strdup_printf (ngettext ("%ld point", "%ld points", (gulong) tally->total), (long) tally->total)
                      : g_strdup_printf (ngettext ("%ld vote", "%ld votes", (gulong) tally->total), (long) tally->total);
  gtk_label_set_text (GTK_LABEL (rank), rank_text);
  gtk_label_set_width_chars (GTK_LABEL (rank), 8);
  gtk_widget_add_css_class (rank, "v21-rank");
  gtk_label_set_text (GTK_LABEL (total), total_text);
  gtk_widget_add_css_class (total, "v21-vote-total");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), breakdown->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), rank);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), total);
  return row;
}

static void
fill_results (V21VotesPage *self,
              V21Record    *round)
{
  g_autoptr(V21VoteResults) results = round ? v21_vote_results_new (self->workshop, round) : NULL;
  GtkWidget *child;

  gtk_stack_set_visible_child_name (self->results_stack, results && results->revealed ? "shown" : "hidden");
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  if (results == NULL || !results->revealed)
    return;
  for (guint i = 0; i < results->n_tallies; i++)
    {
      V21VoteTally *tally = &results->tallies[i];
      gboolean tied = (i > 0 && tally[-1].rank == tally->rank)
                      || (i + 1 < results->n_tallies && tally[1].rank == tally->rank);

      gtk_list_box_append (self->results_list, result_row (results, tally, tied, is_points (round)));
    }
}

static void
update_count_entry (V21VotesPage *self)
{
  V21Record *round = current_round (self);
  V21Record *target = current_target (self);
  V21Record *voter = current_voter (self);
  g_autofree char *text = NULL;

  /* A refresh while the count is being typed leaves it alone. */
  if (self->shown[0] == round && self->shown[1] == voter && self->shown[2] == target
      && v21_has_focus_within (GTK_WIDGET (self->count_entry)))
    return;
  self->shown[0] = round;
  self->shown[1] = voter;
  self->shown[2] = target;
  if (round != NULL && target != NULL)
    text = g_strdup_printf ("%ld", (long) v21_votes_get_count (self->workshop, round, voter, target));
  gtk_editable_set_text (GTK_EDITABLE (self->count_entry), text ? text : "");
  gtk_editable_select_region (GTK_EDITABLE (self->count_entry), 0, -1);
}

static void
on_selected (V21VotesPage *self)
{
  /* Refilling the list moves the selection away and back: not a user's move. */
  if (!self->syncing)
    update_count_entry (self);
}

static void
refresh_round (V21VotesPage *self)
{
  V21Record *round = current_round (self);

  self->syncing = TRUE;
  fill_targets (self, round);
  gtk_toggle_button_set_active (self->reveal_button, round && v21_record_get_bool (round, "revealed"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->reveal_button), round != NULL);
  gtk_button_set_label (GTK_BUTTON (self->reveal_button),
                        gtk_toggle_button_get_active (self->reveal_button) ? _("_Hide the results")
                                                                           : _("_Reveal the results"));
  update_round_label (self, round);
  update_budget (self);
  {
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (self->targets_view), 1);

    if (column != NULL)
      gtk_column_view_column_set_title (column, is_points (round) ? _("Points") : _("Votes"));
  }
  fill_results (self, round);
  update_count_entry (self);
  self->syncing = FALSE;
}

/* The round shown here is the one the projector shows and Ctrl+R reveals. */
static void
share_round (V21VotesPage *self)
{
  if (self->workshop != NULL && current_round (self) != NULL)
    v21_session_set_round (v21_session_get (self->workshop), current_round (self));
}

static void
on_round_changed (V21VotesPage *self)
{
  if (self->workshop == NULL || self->syncing)
    return;
  share_round (self);
  fill_voters (self, current_round (self));
  refresh_round (self);
}

static void
on_voter_changed (V21VotesPage *self)
{
  if (self->workshop == NULL || self->syncing)
    return;
  refresh_round (self);
}

/* People or tables came or went, or someone's role changed. */
static gboolean
voters_changed (V21VotesPage *self)
{
  V21Record *round = current_round (self);
  g_autoptr(GPtrArray) now = round ? v21_vote_round_voters (self->workshop, round) : NULL;

  if (now == NULL || self->voters == NULL)
    return now != self->voters;
  if (now->len != self->voters->len)
    return TRUE;
  for (guint i = 0; i < now->len; i++)
    if (g_ptr_array_index (now, i) != g_ptr_array_index (self->voters, i))
      return TRUE;
  return FALSE;
}

static gboolean
refresh (gpointer data)
{
  V21VotesPage *self = data;
  GListModel *before = gtk_drop_down_get_model (self->round_dropdown);
  guint n_before = before ? g_list_model_get_n_items (before) : 0;

  self->refresh_id = 0;
  self->syncing = TRUE;
  v21_set_names (self->round_dropdown, v21_names_of (self->workshop, "vote_rounds", "title", NULL));
  /* A new round shows at once. */
  if (g_list_model_get_n_items (gtk_drop_down_get_model (self->round_dropdown)) > n_before && n_before > 0)
    gtk_drop_down_set_selected (self->round_dropdown, n_before);
  self->syncing = FALSE;
  /* …and is the one Ctrl+R reveals from here. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    share_round (self);
  /* The voters change only with the round, or when people or tables do. */
  if (gtk_drop_down_get_model (self->voter_dropdown) == NULL
      || self->shown[0] != current_round (self)
      || voters_changed (self))
    fill_voters (self, current_round (self));
  refresh_round (self);
  /* A round just created: its votes are typed at once. */
  if (self->focus_count)
    {
      self->focus_count = FALSE;
      gtk_widget_grab_focus (GTK_WIDGET (self->count_entry));
    }
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (V21VotesPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh, self);
}

/* Entering votes */

static void
select_relative (V21VotesPage *self,
                 int           offset)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->targets));
  guint selected = gtk_single_selection_get_selected (self->selection);
  int next = selected == GTK_INVALID_LIST_POSITION ? 0 : (int) selected + offset;

  if (n == 0)
    return;
  gtk_single_selection_set_selected (self->selection, (guint) CLAMP (next, 0, (int) n - 1));
  update_count_entry (self);
}

static void
on_count_activate (V21VotesPage *self)
{
  V21Record *round = current_round (self);
  V21Record *target = current_target (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->count_entry));
  g_autoptr(GError) error = NULL;
  char *end = NULL;
  gint64 count;

  if (round == NULL || target == NULL)
    return;
  count = *text ? g_ascii_strtoll (text, &end, 10) : 0;
  if (end != NULL && *end != '\0')
    {
      v21_show_toast (GTK_WIDGET (self), _("Type a whole number of votes"), NULL, NULL);
      return;
    }
  if (!v21_votes_set_count (self->workshop, round, current_voter (self), target, count, &error))
    {
      v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
      gtk_editable_select_region (GTK_EDITABLE (self->count_entry), 0, -1);
      return;
    }
  select_relative (self, 1);
}

static gboolean
on_count_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              V21VotesPage          *self)
{
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    select_relative (self, 1);
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    select_relative (self, -1);
  else
    return FALSE;
  return TRUE;
}

static void
on_reveal_toggled (V21VotesPage *self)
{
  V21Record *round = current_round (self);
  g_autoptr(GError) error = NULL;

  if (self->syncing || round == NULL)
    return;
  if (!v21_vote_round_reveal (self->workshop, round, gtk_toggle_button_get_active (self->reveal_button), &error))
    v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
}

static void
reveal_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  V21VotesPage *self = V21_VOTES_PAGE (widget);

  gtk_toggle_button_set_active (self->reveal_button, !gtk_toggle_button_get_active (self->reveal_button));
}

/* The new round's cards when it is not on every card of a kind. */
static GPtrArray *
new_round_cards (V21VotesPage *self,
                 guint         target,
                 V21Record    *sequence)
{
  V21Collection *cards = v21_workshop_get_collection (self->workshop, "cards");
  V21Collection *clusters = v21_workshop_get_collection (self->workshop, "clusters");
  guint selected = gtk_drop_down_get_selected (self->cluster_dropdown);
  V21Record *cluster = selected < v21_collection_get_n (clusters) ? v21_collection_get (clusters, selected) : NULL;
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    {
      V21Record *card = v21_collection_get (cards, i);
      const char *id = v21_record_get_id (card);

      if ((target == NEW_CLUSTER_CARDS && cluster != NULL
           && g_strcmp0 (v21_text (card, "cluster"), v21_record_get_id (cluster)) == 0)
          || (target == NEW_SEQUENCE_CARDS && sequence != NULL
              && g_strcmp0 (v21_text (card, "sequence"), v21_record_get_id (sequence)) == 0)
          || (target == NEW_CHOSEN && g_hash_table_contains (self->chosen, id)))
        g_ptr_array_add (found, card);
    }
  return found;
}

static void
on_create (V21VotesPage *self)
{
  g_autoptr(GError) error = NULL;
  guint target = gtk_drop_down_get_selected (self->target_dropdown);
  const char *card_kind = v21_capture_kind_for_key ((int) gtk_drop_down_get_selected (self->kind_dropdown) + 1);
  const char *method = gtk_drop_down_get_selected (self->method_dropdown) == 1 ? "points" : "dots";
  const char *voters = gtk_drop_down_get_selected (self->voters_dropdown) == 1 ? "tables" : "people";
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  /* Enter at once, with no title typed, still makes a round. */
  g_autofree char *title = *typed ? g_strdup (typed)
                           : g_strdup_printf (_("Vote round %u"),
                                              v21_collection_get_n (v21_workshop_get_collection (self->workshop,
                                                                                                 "vote_rounds")) + 1);
  int budget = gtk_spin_button_get_value_as_int (self->budget_spin);
  V21Record *sequence = v21_session_get_sequence (v21_session_get (self->workshop));
  V21Record *round;

  if (target == NEW_KIND || target == NEW_CLUSTERS)
    round = v21_vote_round_create (self->workshop, title, target == NEW_CLUSTERS ? "clusters" : "cards",
                                   card_kind, NULL, method, budget, voters, &error);
  else
    {
      g_autoptr(GPtrArray) cards = new_round_cards (self, target, sequence);

      if (cards->len == 0)
        {
          v21_show_toast (GTK_WIDGET (self), _("No card to vote on: choose at least one"), NULL, NULL);
          return;
        }
      round = v21_vote_round_create_on (self->workshop, title, cards,
                                        target == NEW_SEQUENCE_CARDS ? sequence : NULL,
                                        method, budget, voters, &error);
    }
  if (round == NULL)
    {
      v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
      return;
    }
  gtk_popover_popdown (self->new_popover);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), "");
  g_hash_table_remove_all (self->chosen);
  self->focus_count = TRUE;
  queue_refresh (self);
  v21_show_toast (GTK_WIDGET (self), _("Vote round created"), _("_Undo"), "win.undo");
}

/* Enter anywhere in the new round's form creates it (Space opens a list). */
static gboolean
on_new_key (GtkEventControllerKey *controller,
            guint                  keyval,
            guint                  keycode,
            GdkModifierType        state,
            V21VotesPage          *self)
{
  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
      || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  on_create (self);
  return TRUE;
}

static void
update_chosen_label (V21VotesPage *self)
{
  guint n = g_hash_table_size (self->chosen);
  g_autofree char *text = g_strdup_printf (ngettext ("%u card chosen", "%u cards chosen", n), n);

  gtk_label_set_text (self->chosen_label, text);
}

static void
on_new_target_changed (V21VotesPage *self)
{
  guint target = gtk_drop_down_get_selected (self->target_dropdown);
  V21Record *sequence = self->workshop ? v21_session_get_sequence (v21_session_get (self->workshop)) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->kind_dropdown), target == NEW_KIND || target == NEW_CLUSTERS);
  gtk_widget_set_visible (GTK_WIDGET (self->cluster_dropdown), target == NEW_CLUSTER_CARDS);
  gtk_widget_set_visible (GTK_WIDGET (self->sequence_cards_label), target == NEW_SEQUENCE_CARDS);
  gtk_widget_set_visible (self->chosen_box, target == NEW_CHOSEN);
  if (self->workshop == NULL)
    return;
  if (target == NEW_CLUSTER_CARDS)
    v21_set_names (self->cluster_dropdown, v21_names_of (self->workshop, "clusters", "name", NULL));
  if (target == NEW_SEQUENCE_CARDS)
    {
      g_autoptr(GPtrArray) cards = new_round_cards (self, NEW_SEQUENCE_CARDS, sequence);
      /* Translators: "12 cards of “T1 — Articles fictifs”" */
      g_autofree char *text = sequence ? g_strdup_printf (ngettext ("%u card of “%s”", "%u cards of “%s”", cards->len),
                                                          cards->len, v21_text (sequence, "title"))
                                       : g_strdup (_("No current sequence"));

      gtk_label_set_text (self->sequence_cards_label, text);
    }
  update_chosen_label (self);
}

/* A points round says points. */
static void
on_new_method_changed (V21VotesPage *self)
{
  gboolean points = gtk_drop_down_get_selected (self->method_dropdown) == 1;
  const char *name = points ? _("Points per voter") : _("Votes per voter");

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->budget_spin), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->budget_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* The hand-picked cards: a searchable list of check boxes */

static gboolean
chosen_matches (gpointer item,
                gpointer data)
{
  V21VotesPage *self = data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->chosen_search));
  g_autofree char *needle = NULL;
  g_autofree char *text = NULL;

  if (*search == '\0')
    return TRUE;
  needle = g_utf8_casefold (search, -1);
  text = g_utf8_casefold (v21_text (item, "text"), -1);
  return strstr (text, needle) != NULL;
}

static void
on_chosen_search (V21VotesPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->chosen_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_chosen_toggled (GtkCheckButton *check,
                   GtkListItem    *item)
{
  V21VotesPage *self = g_object_get_data (G_OBJECT (check), "v21-page");
  V21Record *card = gtk_list_item_get_item (item);

  if (card == NULL)
    return;
  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen, g_strdup (v21_record_get_id (card)));
  else
    g_hash_table_remove (self->chosen, v21_record_get_id (card));
  update_chosen_label (self);
}

static void
setup_chosen (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              V21VotesPage             *self)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  /* Long cards keep the form narrow: one line each, cut with an ellipsis. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  g_object_set_data (G_OBJECT (check), "v21-page", self);
  g_signal_connect (check, "toggled", G_CALLBACK (on_chosen_toggled), item);
  gtk_list_item_set_child (item, check);
}

static void
bind_chosen (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             V21VotesPage             *self)
{
  GtkWidget *check = gtk_list_item_get_child (item);
  V21Record *card = gtk_list_item_get_item (item);

  g_signal_handlers_block_by_func (check, on_chosen_toggled, item);
  gtk_label_set_text (GTK_LABEL (gtk_check_button_get_child (GTK_CHECK_BUTTON (check))), v21_text (card, "text"));
  gtk_widget_set_tooltip_text (check, v21_text (card, "text"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, v21_text (card, "text"), -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->chosen, v21_record_get_id (card)));
  g_signal_handlers_unblock_by_func (check, on_chosen_toggled, item);
}

static void
setup_chosen_view (V21VotesPage *self)
{
  GListModel *cards = G_LIST_MODEL (g_object_ref (v21_workshop_get_collection (self->workshop, "cards")));
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;

  self->chosen_filter = gtk_custom_filter_new (chosen_matches, self, NULL);
  filtered = gtk_filter_list_model_new (cards, GTK_FILTER (g_object_ref (self->chosen_filter)));
  gtk_list_view_set_model (self->chosen_view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))));
  g_object_unref (gtk_list_view_get_model (self->chosen_view));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_chosen), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_chosen), self);
  gtk_list_view_set_factory (self->chosen_view, factory);
  g_object_unref (factory);
}

/* The targets' columns */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_target (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             V21VotesPage             *self)
{
  V21Record *target = gtk_list_item_get_item (item);
  const char *text = g_strcmp0 (v21_record_get_collection (target), "clusters") == 0
                     ? v21_text (target, "name") : v21_text (target, "text");

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
bind_count (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            V21VotesPage             *self)
{
  V21Record *round = current_round (self);
  gint64 count = round ? v21_votes_get_count (self->workshop, round, current_voter (self),
                                               gtk_list_item_get_item (item)) : 0;
  g_autofree char *text = count > 0 ? g_strdup_printf ("%ld", (long) count) : g_strdup ("–");

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_column (V21VotesPage *self,
            const char   *title,
            GCallback     bind,
            gboolean      numeric)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "bind", bind, self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, !numeric);
  gtk_column_view_append_column (self->targets_view, column);
  g_object_unref (column);
}

/* The page */

static void
v21_votes_page_dispose (GObject *object)
{
  V21VotesPage *self = V21_VOTES_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), V21_TYPE_VOTES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->targets);
  g_clear_object (&self->chosen_filter);
  g_clear_pointer (&self->voters, g_ptr_array_unref);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_votes_page_parent_class)->dispose (object);
}

static void
v21_votes_page_class_init (V21VotesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = v21_votes_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/visions21/Atelier/v21-votes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, round_label);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, voter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, budget_label);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, targets_view);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, count_entry);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, new_popover);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, title_entry);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, target_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, budget_spin);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, voters_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, cluster_dropdown);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, sequence_cards_label);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, chosen_box);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, chosen_search);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, chosen_view);
  gtk_widget_class_bind_template_child (widget_class, V21VotesPage, chosen_label);
  gtk_widget_class_bind_template_callback (widget_class, on_new_target_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_new_method_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_chosen_search);
  gtk_widget_class_bind_template_callback (widget_class, on_round_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_voter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_count_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_reveal_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_create);

  gtk_widget_class_install_action (widget_class, "votes.reveal", NULL, reveal_action);
  /* Ctrl+R is win.reveal-votes, on the round shared through the session. */
}

static void
v21_votes_page_init (V21VotesPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *new_keys = gtk_event_controller_key_new ();
  GtkStringList *kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_event_controller_set_propagation_phase (new_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (new_keys, "key-pressed", G_CALLBACK (on_new_key), self);
  gtk_widget_add_controller (gtk_popover_get_child (self->new_popover), new_keys);
  for (const char * const *k = v21_card_kinds (); *k; k++)
    gtk_string_list_append (kinds, v21_card_kind_label (*k));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  g_object_unref (kinds);
  gtk_drop_down_set_expression (self->voter_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  for (GtkDropDown **d = (GtkDropDown *[]) { self->round_dropdown, self->voter_dropdown, self->target_dropdown,
                                             self->kind_dropdown, self->method_dropdown, self->voters_dropdown,
                                             self->cluster_dropdown, NULL }; *d; d++)
    v21_name_dropdown (*d);
  /* The menu button's inner button is what screen readers reach. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->new_button))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New vote round"), -1);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_count_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->count_entry), keys);
}

GtkWidget *
v21_votes_page_new (V21Workshop *workshop)
{
  V21VotesPage *self = g_object_new (V21_TYPE_VOTES_PAGE, NULL);

  self->workshop = g_object_ref (workshop);
  setup_chosen_view (self);
  self->targets = g_list_store_new (V21_TYPE_RECORD);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->targets)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->targets_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected), self);
  add_column (self, _("Target"), G_CALLBACK (bind_target), FALSE);
  add_column (self, _("Votes"), G_CALLBACK (bind_count), TRUE);
  g_signal_connect_object (workshop, "changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
  on_new_target_changed (self);
  g_signal_connect_swapped (self->new_popover, "show", G_CALLBACK (on_new_target_changed), self);
  g_signal_connect (self, "map", G_CALLBACK (share_round), NULL);
  return GTK_WIDGET (self);
}

V21Record *
v21_votes_page_get_round (V21VotesPage *self)
{
  g_return_val_if_fail (V21_IS_VOTES_PAGE (self), NULL);
  return current_round (self);
}
