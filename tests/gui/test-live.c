/* test-live.c — the live run driven with the keyboard alone
 *
 * Key presses go through the X server (XTEST, under Xvfb), so they take the
 * path of real ones: the application's accelerators, the page's
 * key controller, the entry's input method.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <X11/Xlib.h>
#include <X11/keysym.h>

#include "gui-test-util.h"
#include "v21-application.h"
#include "v21-board-page.h"
#include "v21-live-page.h"
#include "v21-robustness.h"
#include "v21-robustness-page.h"
#include "v21-session.h"
#include "v21-timer.h"
#include "v21-votes.h"
#include "v21-votes-page.h"
#include "v21-window.h"
#include "v21-window-private.h"

typedef struct
{
  V21Window   *window;
  V21Workshop *workshop;
  V21LivePage *page;
  GtkWidget   *entry;
} Live;

static void
live_open (Live *live)
{
  g_autoptr(GFile) file = gui_test_copy_demo ();
  GtkWidget *stack;

  g_assert_nonnull (file);
  live->window = v21_window_new (gui_test_get_application ());
  gtk_window_set_default_size (GTK_WINDOW (live->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (live->window));
  gui_test_open_file (live->window, file);
  live->workshop = v21_window_get_workshop (live->window);
  live->page = V21_LIVE_PAGE (_v21_window_get_section (live->window, "live"));
  g_assert_nonnull (live->page);
  stack = gtk_widget_get_parent (GTK_WIDGET (live->page));
  gtk_stack_set_visible_child (GTK_STACK (stack), GTK_WIDGET (live->page));
  gui_test_spin (200);
  live->entry = gui_test_find_widget (GTK_WIDGET (live->page), GTK_TYPE_ENTRY, NULL);
  /* Shown, the page gives the capture line the focus. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (live->window)), live->entry));
}

static void
live_close (Live *live)
{
  gui_test_destroy_window (GTK_WINDOW (live->window));
}

static V21Record *
last_card (V21Workshop *workshop)
{
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");

  return v21_collection_get (cards, v21_collection_get_n (cards) - 1);
}

static const char *
table_name (V21Workshop *workshop,
            V21Record   *card)
{
  V21Record *table = v21_workshop_lookup (workshop, v21_record_get_string (card, "table"));

  return table ? v21_record_get_string (table, "name") : NULL;
}

static void
test_capture_ten_cards (void)
{
  static const struct
  {
    KeySym      kind_key;   /* Ctrl+this, or 0 */
    KeySym      table_key;  /* Alt+this, or 0 */
    const char *typed;
    const char *kind;
    const char *table;
    const char *text;
  } cards[] = {
    { XK_1, XK_1, "Eau potable en ete", "issue", "Table Sèvre", "Eau potable en ete" },
    { 0, 0, "Vieillissement des elus", "issue", "Table Sèvre", "Vieillissement des elus" },
    { XK_2, XK_2, "Secheresses", "threat", "Table Bocage", "Secheresses" },
    { 0, 0, "r: Les haies", "resource", "Table Bocage", "Les haies" },
    { 0, 0, "#3 Fermeture du TER", "threat", "Table Haies vives", "Fermeture du TER" },
    { 0, XK_0, "s: Tiers-lieux", "weak_signal", NULL, "Tiers-lieux" },
    { XK_4, XK_4, "Periurbanisation", "trend", "Table Moulins", "Periurbanisation" },
    { 0, 0, "t5: d: Canicules", "challenge", "Table Coteaux", "Canicules" },
    { XK_8, XK_6, "Covoiturage", "action", "Table Chemins creux", "Covoiturage" },
    { XK_7, 0, "i: Une foret comestible", "idea", "Table Chemins creux", "Une foret comestible" },
  };
  Live live;
  V21Collection *collection;
  V21Record *sequence;
  guint before;

  live_open (&live);
  collection = v21_workshop_get_collection (live.workshop, "cards");
  before = v21_collection_get_n (collection);
  sequence = v21_live_page_get_sequence (live.page);
  g_assert_nonnull (sequence);

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      V21Record *card;

      if (cards[i].kind_key)
        gui_test_send_keysym (live.entry, cards[i].kind_key, ControlMask);
      if (cards[i].table_key)
        gui_test_send_keysym (live.entry, cards[i].table_key, Mod1Mask);
      gui_test_type_text (live.entry, cards[i].typed);
      gui_test_send_keysym (live.entry, XK_Return, 0);
      gui_test_spin (20);

      g_test_message ("card %u: %s", i, cards[i].typed);
      g_assert_cmpuint (v21_collection_get_n (collection), ==, before + i + 1);
      card = last_card (live.workshop);
      g_assert_cmpstr (v21_record_get_string (card, "text"), ==, cards[i].text);
      g_assert_cmpstr (v21_record_get_string (card, "kind"), ==, cards[i].kind);
      g_assert_cmpstr (table_name (live.workshop, card), ==, cards[i].table);
      g_assert_cmpstr (v21_record_get_string (card, "sequence"), ==, v21_record_get_id (sequence));
      /* The line is clear for the next card. */
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (live.entry)), ==, "");
    }

  /* Up recalls the last card; Enter saves the correction, no new card. */
  gui_test_send_keysym (live.entry, XK_Up, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (live.entry)), ==, "Une foret comestible");
  gui_test_type_text (live.entry, " urbaine");
  gui_test_send_keysym (live.entry, XK_Return, 0);
  g_assert_cmpuint (v21_collection_get_n (collection), ==, before + 10);
  g_assert_cmpstr (v21_record_get_string (last_card (live.workshop), "text"), ==, "Une foret comestible urbaine");

  /* Ctrl+Z undoes the correction, then every card. */
  for (guint i = 0; i < 11; i++)
    gui_test_send_keysym (live.entry, XK_z, ControlMask);
  gui_test_spin (50);
  g_assert_cmpuint (v21_collection_get_n (collection), ==, before);
  g_assert_false (v21_workshop_can_undo (live.workshop));

  /* Ctrl+Z with nothing left to undo leaves what is being typed alone. */
  gui_test_type_text (live.entry, "brouillon");
  gui_test_send_keysym (live.entry, XK_z, ControlMask);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (live.entry)), ==, "brouillon");
  g_assert_cmpuint (v21_collection_get_n (collection), ==, before);

  gtk_editable_set_text (GTK_EDITABLE (live.entry), "");
  v21_workshop_save_file (live.workshop, v21_workshop_get_file (live.workshop), NULL);
  live_close (&live);
}

static void
test_timer_keys (void)
{
  Live live;
  V21Record *first;
  V21Record *second;
  g_autoptr(GError) error = NULL;

  live_open (&live);
  /* Back to the start of the run sheet with Ctrl+Page Up. */
  for (guint i = 0; i < 30; i++)
    gui_test_send_keysym (live.entry, XK_Page_Up, ControlMask);
  first = v21_live_page_get_sequence (live.page);
  g_assert_true (first == v21_collection_get (v21_workshop_get_collection (live.workshop, "sequences"), 0));
  gui_test_send_keysym (live.entry, XK_Page_Down, ControlMask);
  second = v21_live_page_get_sequence (live.page);
  g_assert_true (v21_sequence_previous (live.workshop, second) == first);

  /* Ctrl+Shift+T starts, Ctrl+Shift+Return ends: the actual times are recorded, next sequence shown. */
  g_assert_true (v21_workshop_set (live.workshop, second, "actual_start", NULL, &error));
  gui_test_send_keysym (live.entry, XK_t, ControlMask | ShiftMask);
  gui_test_spin (100);
  gui_test_send_keysym (live.entry, XK_Return, ControlMask | ShiftMask);
  gui_test_spin (50);
  g_assert_false (v21_record_is_null (second, "actual_start"));
  g_assert_cmpint (v21_record_get_int (second, "actual_minutes", -1), ==, 0);
  g_assert_cmpstr (v21_record_get_string (second, "status"), ==, "done");
  g_assert_true (v21_live_page_get_sequence (live.page) == v21_sequence_next (live.workshop, second));
  /* One Ctrl+Z takes the whole ending back. */
  gui_test_send_keysym (live.entry, XK_z, ControlMask);
  g_assert_true (v21_record_is_null (second, "actual_start"));

  v21_workshop_save_file (live.workshop, v21_workshop_get_file (live.workshop), NULL);
  live_close (&live);
}

/* The page's buttons: previous and next sequence, start and pause the timer. */
static void
test_timer_buttons (void)
{
  Live live;
  V21Record *shown;
  V21SessionTimer *timer;

  live_open (&live);
  shown = v21_live_page_get_sequence (live.page);
  g_assert_nonnull (v21_sequence_previous (live.workshop, shown));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (live.page), "live.previous", NULL));
  gui_test_spin (50);
  g_assert_true (v21_live_page_get_sequence (live.page) == v21_sequence_previous (live.workshop, shown));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (live.page), "live.next", NULL));
  gui_test_spin (50);
  g_assert_true (v21_live_page_get_sequence (live.page) == shown);

  timer = v21_session_get_timer (v21_session_get (live.workshop), shown);
  g_assert_false (v21_timer_is_started (&timer->timer));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (live.page), "live.toggle", NULL));
  gui_test_spin (50);
  g_assert_true (timer->timer.running);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (live.page), "live.toggle", NULL));
  gui_test_spin (50);
  g_assert_false (timer->timer.running);
  g_assert_true (v21_timer_is_started (&timer->timer));

  live_close (&live);
}

/* F6 gives the timer more minutes, Shift+F5 sets it back to the plan, stopped. */
static void
test_timer_extra_reset (void)
{
  Live live;
  V21SessionTimer *timer;
  gint64 planned;

  live_open (&live);
  timer = v21_session_get_timer (v21_session_get (live.workshop), v21_live_page_get_sequence (live.page));
  planned = v21_record_get_int (v21_live_page_get_sequence (live.page), "minutes", 0) * 60 * G_USEC_PER_SEC;
  g_assert_false (v21_timer_is_started (&timer->timer));
  g_assert_cmpint (timer->timer.duration, ==, planned);

  gui_test_send_keysym (live.entry, XK_F6, 0);
  g_assert_cmpint (timer->timer.duration, ==, planned + V21_TIMER_EXTRA_MINUTES * 60 * G_USEC_PER_SEC);

  gui_test_send_keysym (live.entry, XK_t, ControlMask | ShiftMask);
  gui_test_spin (100);
  g_assert_true (timer->timer.running);
  g_assert_nonnull (timer->started);

  gui_test_send_keysym (live.entry, XK_F5, ShiftMask);
  g_assert_false (v21_timer_is_started (&timer->timer));
  g_assert_null (timer->started);
  g_assert_cmpint (timer->timer.duration, ==, planned);

  live_close (&live);
}

static GtkWidget *
show_page (Live       *live,
           const char *name)
{
  GtkWidget *page = _v21_window_get_section (live->window, name);

  g_assert_nonnull (page);
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (page)), page);
  gui_test_spin (200);
  return page;
}

static gboolean
is_count_entry (GtkWidget *widget)
{
  return GTK_IS_ENTRY (widget) && gtk_entry_get_input_purpose (GTK_ENTRY (widget)) == GTK_INPUT_PURPOSE_DIGITS;
}

static GtkWidget *
find_matching (GtkWidget *root,
               gboolean (*match) (GtkWidget *))
{
  if (match (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_matching (child, match);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_votes_keys (void)
{
  Live live;
  GtkWidget *page;
  GtkWidget *entry;
  GtkDropDown *voter;
  V21Record *round;
  V21Record *table;
  g_autoptr(GError) error = NULL;

  live_open (&live);
  page = show_page (&live, "votes");
  round = v21_workshop_lookup (live.workshop, "vr1");   /* dots, 5 per table, revealed */
  table = v21_workshop_lookup (live.workshop, "t1");
  entry = find_matching (page, is_count_entry);
  g_assert_nonnull (entry);
  g_assert_cmpint (v21_votes_used (live.workshop, round, table), ==, 5);

  /* The voter: Table Sèvre (the first entry is the counted dots). */
  {
    GtkWidget *box = gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (entry)));
    voter = GTK_DROP_DOWN (gui_test_find_widget (box, GTK_TYPE_DROP_DOWN, NULL));
  }
  gtk_drop_down_set_selected (voter, 1);
  gui_test_spin (50);
  gtk_widget_grab_focus (entry);

  /* Over the budget: refused, nothing changes. */
  gui_test_send_keysym (entry, XK_BackSpace, 0);
  gui_test_type_text (entry, "9");
  gui_test_send_keysym (entry, XK_Return, 0);
  g_assert_cmpint (v21_votes_used (live.workshop, round, table), ==, 5);
  g_assert_cmpint (v21_votes_get_count (live.workshop, round, table, v21_workshop_lookup (live.workshop, "cl01")), ==, 2);
  /* …and the facilitator is told why, in a toast. */
  gui_test_spin (100);
  g_assert_nonnull (gui_test_find_by_text (GTK_WIDGET (live.window),
                                           "Table Sèvre has 5 votes in this round and already gave 3 "
                                           "elsewhere: at most 2 here", TRUE));

  /* 0 on the first line, Enter, then 3 on the second: 2 + 2 + 1 becomes 0 + 3 + 1. */
  gui_test_send_keysym (entry, XK_BackSpace, 0);
  gui_test_type_text (entry, "0");
  gui_test_send_keysym (entry, XK_Return, 0);
  gui_test_send_keysym (entry, XK_BackSpace, 0);
  gui_test_type_text (entry, "3");
  gui_test_send_keysym (entry, XK_Return, 0);
  g_assert_cmpint (v21_votes_get_count (live.workshop, round, table, v21_workshop_lookup (live.workshop, "cl01")), ==, 0);
  g_assert_cmpint (v21_votes_get_count (live.workshop, round, table, v21_workshop_lookup (live.workshop, "cl02")), ==, 3);
  g_assert_cmpint (v21_votes_used (live.workshop, round, table), ==, 4);

  /* Ctrl+R hides the results once confirmed, again reveals them. */
  g_assert_true (v21_record_get_bool (round, "revealed"));
  gui_test_send_keysym (entry, XK_r, ControlMask);
  g_assert_true (v21_record_get_bool (round, "revealed"));
  {
    GtkWindow *dialog = NULL;

    for (guint i = 0; i < 50 && dialog == NULL; i++)
      {
        gui_test_spin (20);
        dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
      }

    g_assert_nonnull (dialog);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "hide");
    gtk_window_destroy (dialog);
  }
  g_assert_false (v21_record_get_bool (round, "revealed"));
  gtk_widget_grab_focus (entry);
  gui_test_send_keysym (entry, XK_r, ControlMask);
  g_assert_true (v21_record_get_bool (round, "revealed"));

  for (guint i = 0; i < 4; i++)
    gui_test_send_keysym (entry, XK_z, ControlMask);
  g_assert_cmpint (v21_votes_get_count (live.workshop, round, table, v21_workshop_lookup (live.workshop, "cl01")), ==, 2);
  g_assert_false (v21_workshop_can_undo (live.workshop));

  v21_workshop_save_file (live.workshop, v21_workshop_get_file (live.workshop), &error);
  live_close (&live);
}

static gboolean
is_score_cell (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "v21-score");
}

static void
test_robustness_keys (void)
{
  Live live;
  GtkWidget *page;
  GtkWidget *cell;
  V21Record *challenge;
  g_autoptr(GPtrArray) answers = NULL;
  V21Collection *cards;
  guint n_cards;
  g_autoptr(GError) error = NULL;

  live_open (&live);
  page = show_page (&live, "robustness");
  cards = v21_workshop_get_collection (live.workshop, "cards");
  n_cards = v21_collection_get_n (cards);
  challenge = g_ptr_array_index (v21_robustness_challenges (live.workshop), 0);
  answers = v21_robustness_answers (live.workshop);
  cell = find_matching (page, is_score_cell);
  g_assert_nonnull (cell);
  gtk_widget_grab_focus (cell);
  gui_test_spin (20);

  /* The arrows move from cell to cell; digits score; Delete clears. */
  gui_test_send_keysym (cell, XK_0, 0);
  gui_test_spin (50);
  g_assert_cmpint (v21_record_get_int (v21_robustness_find (live.workshop, challenge, g_ptr_array_index (answers, 0)),
                                       "score", -1), ==, 0);
  gui_test_send_keysym (cell, XK_Right, 0);
  gui_test_send_keysym (cell, XK_3, 0);
  gui_test_spin (50);
  g_assert_cmpint (v21_record_get_int (v21_robustness_find (live.workshop, challenge, g_ptr_array_index (answers, 1)),
                                       "score", -1), ==, 3);
  gui_test_send_keysym (cell, XK_Delete, 0);
  gui_test_spin (50);
  g_assert_null (v21_robustness_find (live.workshop, challenge, g_ptr_array_index (answers, 1)));

  /* Ctrl+T: a threat card from the current cell. */
  gui_test_send_keysym (cell, XK_t, ControlMask);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, n_cards + 1);
  g_assert_cmpstr (v21_record_get_string (last_card (live.workshop), "kind"), ==, "threat");

  while (v21_workshop_can_undo (live.workshop))
    gui_test_send_keysym (cell, XK_z, ControlMask);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, n_cards);

  v21_workshop_save_file (live.workshop, v21_workshop_get_file (live.workshop), &error);
  live_close (&live);
}

/* A grid too large to read shows its first 60 × 60 cells and says so; it
 * is built when shown, not with the window. */
static void
test_robustness_large (void)
{
  Live live;
  GtkWidget *page;
  GtkWidget *grid;
  guint n_cells = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) challenges = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autofree char *notice = NULL;

  live_open (&live);
  v21_workshop_begin_group (live.workshop, "many");
  for (guint i = 0; i < 70; i++)
    {
      json_object *fields = json_object_new_object ();
      g_autofree char *text = g_strdup_printf ("Défi %u", i);

      json_object_object_add (fields, "text", json_object_new_string (text));
      json_object_object_add (fields, "sequence", json_object_new_string ("seq-d1-07"));
      json_object_object_add (fields, "kind", json_object_new_string ("challenge"));
      g_assert_nonnull (v21_workshop_insert (live.workshop, "cards", -1, fields, &error));
      g_assert_no_error (error);
    }
  v21_workshop_end_group (live.workshop);
  challenges = v21_robustness_challenges (live.workshop);
  answers = v21_robustness_answers (live.workshop);
  page = show_page (&live, "robustness");
  gui_test_spin (100);
  grid = gtk_widget_get_parent (find_matching (page, is_score_cell));
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    n_cells += is_score_cell (child);
  g_assert_cmpuint (n_cells, ==, 60 * MIN (answers->len, 60));
  notice = g_strdup_printf ("Only the first 60 challenges and %u answers are shown (of %u and %u).",
                            MIN (answers->len, 60), challenges->len, answers->len);
  g_assert_nonnull (gui_test_find_by_text (page, notice, TRUE));
  v21_workshop_undo (live.workshop);
  live_close (&live);
}

static void
test_board (void)
{
  Live live;
  V21BoardPage *page;
  GListModel *model;
  g_autofree char *outline = NULL;
  V21Collection *cards;
  V21Collection *votes;
  guint n_cards;
  guint n_votes;
  g_autoptr(GError) error = NULL;

  live_open (&live);
  page = V21_BOARD_PAGE (show_page (&live, "board"));
  model = v21_board_page_get_model (page);
  cards = v21_workshop_get_collection (live.workshop, "cards");
  votes = v21_workshop_get_collection (live.workshop, "votes");
  n_cards = v21_collection_get_n (cards);
  n_votes = v21_collection_get_n (votes);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_cards);

  /* The outline reads the board cluster by cluster. */
  outline = v21_board_page_get_outline (page);
  g_assert_nonnull (strstr (outline, "Eau : partager une ressource qui se raréfie — 4 cards\n"));
  g_assert_nonnull (strstr (outline, "    • Issue — Garantir l'eau potable l'été sans opposer habitants et irrigants (Table Sèvre)\n"));

  /* Two cards selected, Ctrl+Shift+M merges them; their votes stay. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 1, FALSE);
  gui_test_send_keysym (GTK_WIDGET (page), XK_M, ControlMask | ShiftMask);
  gui_test_spin (50);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, n_cards - 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_cards - 1);
  g_assert_cmpuint (v21_collection_get_n (votes), ==, n_votes);
  gui_test_send_keysym (GTK_WIDGET (page), XK_z, ControlMask);
  gui_test_spin (50);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, n_cards);

  v21_workshop_save_file (live.workshop, v21_workshop_get_file (live.workshop), &error);
  live_close (&live);
}

static gboolean
inside (GtkWidget *focus,
        GtkWidget *widget)
{
  return focus == widget || gtk_widget_is_ancestor (focus, widget);
}

/* The board by keyboard: each list is one Tab stop, the arrows move inside
 * it, Tab through the clusters re-filters nothing, F4 opens the chooser of
 * the cluster to move the cards to. */
static void
test_board_tab (void)
{
  Live live;
  GtkWidget *page, *search, *clusters, *cards, *chooser, *focus;
  GListModel *model;
  guint n_cards, in_clusters = 0, in_cards = 0, n;
  gboolean was_in_clusters = FALSE, was_in_cards = FALSE;

  live_open (&live);
  page = show_page (&live, "board");
  model = v21_board_page_get_model (V21_BOARD_PAGE (page));
  n_cards = g_list_model_get_n_items (model);
  search = gui_test_find_widget (page, GTK_TYPE_SEARCH_ENTRY, NULL);
  clusters = gui_test_find_widget (page, GTK_TYPE_LIST_BOX, NULL);
  cards = gui_test_find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL);
  chooser = gui_test_find_by_text (page, "Cluster to move the cards to (F4)", FALSE);
  g_assert_nonnull (chooser);
  gtk_widget_grab_focus (search);
  gui_test_spin (50);

  /* Round the window once, from the search entry back to it. */
  for (n = 1; n <= 60; n++)
    {
      gui_test_send_keysym (search, XK_Tab, 0);
      gui_test_spin (10);
      focus = gtk_root_get_focus (GTK_ROOT (live.window));
      g_assert_nonnull (focus);
      if (inside (focus, page))
        {
          /* Every stop on the board shows where it is. */
          g_test_message ("stop %u: %s", n, G_OBJECT_TYPE_NAME (focus));
          g_assert_true (gtk_widget_get_mapped (focus));
          g_assert_cmpint (gtk_widget_get_width (focus), >, 0);
          g_assert_cmpint (gtk_widget_get_height (focus), >, 0);
        }
      in_clusters += inside (focus, clusters) && !was_in_clusters;
      in_cards += inside (focus, cards) && !was_in_cards;
      g_assert_false (inside (focus, clusters) && was_in_clusters);
      g_assert_false (inside (focus, cards) && was_in_cards);
      was_in_clusters = inside (focus, clusters);
      was_in_cards = inside (focus, cards);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_cards);
      if (inside (focus, search))
        break;
    }
  g_assert_cmpuint (n, <=, 40);
  g_assert_cmpuint (in_clusters, ==, 1);
  g_assert_cmpuint (in_cards, ==, 1);

  /* In the cluster list, Down goes to the first cluster and shows its cards. */
  while (!inside (gtk_root_get_focus (GTK_ROOT (live.window)), clusters))
    gui_test_send_keysym (search, XK_Tab, 0);
  gui_test_send_keysym (clusters, XK_Down, 0);
  gui_test_spin (50);
  g_assert_true (inside (gtk_root_get_focus (GTK_ROOT (live.window)), clusters));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);   /* "Eau : partager…" */
  gui_test_send_keysym (clusters, XK_Up, 0);
  gui_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_cards);

  /* In the cards, the arrows go row by row; one Tab leaves them. */
  while (!inside (gtk_root_get_focus (GTK_ROOT (live.window)), cards))
    gui_test_send_keysym (search, XK_Tab, 0);
  for (guint i = 0; i < 5; i++)
    gui_test_send_keysym (cards, XK_Down, 0);
  gui_test_spin (20);
  g_assert_true (inside (gtk_root_get_focus (GTK_ROOT (live.window)), cards));
  gui_test_send_keysym (cards, XK_Tab, 0);
  gui_test_spin (20);
  g_assert_false (inside (gtk_root_get_focus (GTK_ROOT (live.window)), cards));

  /* F4, from the cards, opens the cluster chooser. */
  gui_test_send_keysym (cards, XK_ISO_Left_Tab, ShiftMask);
  gui_test_spin (20);
  g_assert_true (inside (gtk_root_get_focus (GTK_ROOT (live.window)), cards));
  gui_test_send_keysym (cards, XK_F4, 0);
  gui_test_spin (100);
  {
    GtkWidget *popover = gui_test_find_widget (chooser, GTK_TYPE_POPOVER, NULL);

    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (popover));
    gui_test_send_keysym (chooser, XK_Escape, 0);
    gui_test_spin (50);
  }
  live_close (&live);
}

static const char *
cluster_of (Live       *live,
            const char *card)
{
  return v21_record_get_string (v21_workshop_lookup (live->workshop, card), "cluster");
}

static guint
n_selected (GtkWidget *wall)
{
  g_autoptr(GPtrArray) selected = v21_wall_view_get_selected (V21_WALL_VIEW (wall));

  return selected->len;
}

/* The wall by keyboard: choose a tile, pick it up, choose a column, drop it;
 * several at once; merge two; make a new cluster; and a drag. Each is one
 * undo step. */
static void
test_wall (void)
{
  Live live;
  GtkWidget *page, *wall;
  V21Collection *cards, *clusters;
  guint n_cards, n_clusters;
  GValue ids = G_VALUE_INIT;
  gboolean dropped = FALSE;

  live_open (&live);
  page = show_page (&live, "board");
  wall = GTK_WIDGET (_v21_board_page_get_wall (V21_BOARD_PAGE (page)));
  cards = v21_workshop_get_collection (live.workshop, "cards");
  clusters = v21_workshop_get_collection (live.workshop, "clusters");
  n_cards = v21_collection_get_n (cards);
  n_clusters = v21_collection_get_n (clusters);

  /* Alt+W shows the wall. */
  gui_test_send_keysym (page, XK_w, Mod1Mask);
  gui_test_spin (100);
  g_assert_true (gtk_widget_get_mapped (wall));
  gtk_widget_grab_focus (wall);
  gui_test_spin (20);

  /* The first tile of the first cluster, then the next one down. */
  gui_test_send_keysym (wall, XK_Down, 0);
  g_assert_cmpstr (v21_record_get_id (_v21_wall_view_get_focus (V21_WALL_VIEW (wall))), ==, "c001");
  gui_test_send_keysym (wall, XK_Down, 0);
  g_assert_cmpstr (v21_record_get_id (_v21_wall_view_get_focus (V21_WALL_VIEW (wall))), ==, "c009");

  /* Space picks it up (the bar says what the keys do now), Right goes to
   * the next column, Enter drops it there. */
  gui_test_send_keysym (wall, XK_space, 0);
  gui_test_spin (20);
  g_assert_nonnull (gui_test_find_by_text (page, "1 selected of 150 cards · ←/→ column · Enter drop · Escape cancel", TRUE));
  gui_test_send_keysym (wall, XK_Right, 0);
  gui_test_send_keysym (wall, XK_Return, 0);
  gui_test_spin (50);
  g_assert_cmpstr (cluster_of (&live, "c009"), ==, "cl02");
  gui_test_send_keysym (wall, XK_z, ControlMask);
  gui_test_spin (50);
  g_assert_cmpstr (cluster_of (&live, "c009"), ==, "cl01");
  v21_wall_view_unselect_all (V21_WALL_VIEW (wall));

  /* Ctrl+Space selects two tiles; both move in one step. */
  gui_test_send_keysym (wall, XK_Up, 0);
  gui_test_send_keysym (wall, XK_Up, 0);
  g_assert_cmpstr (v21_record_get_id (_v21_wall_view_get_focus (V21_WALL_VIEW (wall))), ==, "c001");
  gui_test_send_keysym (wall, XK_space, ControlMask);
  gui_test_send_keysym (wall, XK_Down, 0);
  gui_test_send_keysym (wall, XK_Down, 0);
  gui_test_send_keysym (wall, XK_space, ControlMask);
  gui_test_send_keysym (wall, XK_space, 0);
  gui_test_send_keysym (wall, XK_Right, 0);
  gui_test_send_keysym (wall, XK_Right, 0);
  gui_test_send_keysym (wall, XK_Return, 0);
  gui_test_spin (50);
  g_assert_cmpstr (cluster_of (&live, "c001"), ==, "cl03");
  g_assert_cmpstr (cluster_of (&live, "c010"), ==, "cl03");
  g_assert_cmpstr (cluster_of (&live, "c009"), ==, "cl01");
  gui_test_send_keysym (wall, XK_z, ControlMask);
  gui_test_spin (50);
  g_assert_cmpstr (cluster_of (&live, "c001"), ==, "cl01");
  g_assert_cmpstr (cluster_of (&live, "c010"), ==, "cl01");

  /* Two selected tiles merge with Ctrl+Shift+M, as in the table. */
  gui_test_spin (50);
  g_assert_cmpuint (n_selected (wall), ==, 2);
  gui_test_send_keysym (wall, XK_M, ControlMask | ShiftMask);
  gui_test_spin (50);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, n_cards - 1);
  gui_test_send_keysym (wall, XK_z, ControlMask);
  gui_test_spin (50);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, n_cards);

  /* Escape lets go of the selection; the last column makes a new cluster. */
  gui_test_send_keysym (wall, XK_Escape, 0);
  g_assert_cmpuint (n_selected (wall), ==, 0);
  gui_test_send_keysym (wall, XK_Down, 0);
  g_assert_cmpstr (v21_record_get_id (_v21_wall_view_get_focus (V21_WALL_VIEW (wall))), ==, "c001");
  gui_test_send_keysym (wall, XK_space, 0);
  for (guint i = 0; i < 30; i++)
    gui_test_send_keysym (wall, XK_Right, 0);
  gui_test_send_keysym (wall, XK_Return, 0);
  gui_test_spin (50);
  g_assert_cmpuint (v21_collection_get_n (clusters), ==, n_clusters + 1);
  g_assert_cmpstr (v21_record_get_string (v21_collection_get (clusters, n_clusters), "name"), ==, "New cluster");
  g_assert_cmpstr (cluster_of (&live, "c001"), ==, v21_record_get_id (v21_collection_get (clusters, n_clusters)));
  gui_test_send_keysym (wall, XK_z, ControlMask);
  gui_test_spin (50);
  g_assert_cmpuint (v21_collection_get_n (clusters), ==, n_clusters);
  g_assert_cmpstr (cluster_of (&live, "c001"), ==, "cl01");

  /* A drag of a tile onto the column of "Énergie…" (through the drop target). */
  g_value_init (&ids, G_TYPE_STRING);
  g_value_set_string (&ids, "c045");
  g_signal_emit_by_name (_v21_wall_view_get_drop_target (V21_WALL_VIEW (wall)), "drop", &ids,
                         _v21_wall_view_column_x (V21_WALL_VIEW (wall), "cl05"), 60.0, &dropped);
  g_value_unset (&ids);
  gui_test_spin (50);
  g_assert_true (dropped);
  g_assert_cmpstr (cluster_of (&live, "c045"), ==, "cl05");
  gui_test_send_keysym (wall, XK_z, ControlMask);
  gui_test_spin (50);
  g_assert_cmpstr (cluster_of (&live, "c045"), ==, "cl01");
  live_close (&live);
}

/* An edit of one card re-reads that card's row on the board, no other. */
static void
test_board_precise (void)
{
  Live live;
  V21BoardPage *page;
  V21Collection *cards;
  V21Record *card;
  guint before;
  g_autoptr(GError) error = NULL;

  live_open (&live);
  page = V21_BOARD_PAGE (show_page (&live, "board"));
  cards = v21_workshop_get_collection (live.workshop, "cards");
  card = v21_collection_get (cards, 3);
  gui_test_spin (300);
  before = _v21_board_page_get_n_reads ();
  gui_test_spin (100);
  g_assert_cmpuint (_v21_board_page_get_n_reads () - before, ==, 0);
  before = _v21_board_page_get_n_reads ();
  g_assert_true (v21_workshop_set (live.workshop, card, "text", json_object_new_string ("Des puits à sec en août"), &error));
  g_assert_no_error (error);
  gui_test_spin (50);
  g_assert_cmpuint (_v21_board_page_get_n_reads () - before, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (v21_board_page_get_model (page)), ==, v21_collection_get_n (cards));

  /* A change of kind moves the card in the board's order; selected, it stays selected. */
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (v21_board_page_get_model (page)));
  for (guint i = 0; i < g_list_model_get_n_items (v21_board_page_get_model (page)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (v21_board_page_get_model (page), i);

      if (item == (GObject *) card)
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (v21_board_page_get_model (page)), i, TRUE);
    }
  g_assert_true (v21_workshop_set (live.workshop, card, "kind",
                                   json_object_new_string (g_strcmp0 (v21_record_get_string (card, "kind"), "issue") == 0
                                                           ? "idea" : "issue"), &error));
  g_assert_no_error (error);
  gui_test_spin (50);
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (v21_board_page_get_model (page)));
    g_autoptr(GObject) item = NULL;

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    item = g_list_model_get_item (v21_board_page_get_model (page), gtk_bitset_get_nth (selected, 0));
    g_assert_true (item == (GObject *) card);
  }
  live_close (&live);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_IM_MODULE", "gtk-im-context-simple", TRUE);
  /* Hundreds of key presses: software OpenGL would make each frame slow. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  if (!gui_test_init (&argc, &argv, "live", GUI_TEST_NEEDS_XTEST))
    return gui_test_run ();

  g_test_add_func ("/gui/live/capture-ten-cards", test_capture_ten_cards);
  g_test_add_func ("/gui/live/timer-keys", test_timer_keys);
  g_test_add_func ("/gui/live/timer-buttons", test_timer_buttons);
  g_test_add_func ("/gui/live/timer-extra-reset", test_timer_extra_reset);
  g_test_add_func ("/gui/live/board", test_board);
  g_test_add_func ("/gui/live/board-precise", test_board_precise);
  g_test_add_func ("/gui/live/board-tab", test_board_tab);
  g_test_add_func ("/gui/live/wall", test_wall);
  g_test_add_func ("/gui/live/votes-keys", test_votes_keys);
  g_test_add_func ("/gui/live/robustness-keys", test_robustness_keys);
  g_test_add_func ("/gui/live/robustness-large", test_robustness_large);
  return gui_test_run ();
}
