/* test-room-keys.c — the room's keyboard path: Ctrl+R on the right round,
 * capture from any page, feedback in the moment
 *
 * Key presses go through the X server (XTEST, under Xvfb), as in test-live.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <X11/Xlib.h>
#include <X11/keysym.h>

#include "gui-test-util.h"
#include "v21-capture-bar.h"
#include "v21-session.h"
#include "v21-window.h"
#include "v21-widgets.h"
#include "v21-window-private.h"

typedef struct
{
  V21Window   *window;
  V21Workshop *workshop;
} Room;

static void
room_open (Room *room)
{
  g_autoptr(GFile) file = gui_test_copy_demo ();

  g_assert_nonnull (file);
  room->window = v21_window_new (gui_test_get_application ());
  gtk_window_set_default_size (GTK_WINDOW (room->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (room->window));
  gui_test_open_file (room->window, file);
  room->workshop = v21_window_get_workshop (room->window);
  g_assert_nonnull (room->workshop);
}

static GtkWidget *
show_page (Room       *room,
           const char *name)
{
  GtkWidget *page = _v21_window_get_section (room->window, name);

  g_assert_nonnull (page);
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (page)), page);
  gui_test_spin (200);
  return page;
}

static void
room_close (Room *room)
{
  gui_test_destroy_window (GTK_WINDOW (room->window));
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  for (guint i = 0; i < 50; i++)
    {
      GtkWindow *dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

      if (dialog != NULL)
        return ADW_MESSAGE_DIALOG (dialog);
      gui_test_spin (20);
    }
  return NULL;
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_spin (50);
}

/* On the Votes page, Ctrl+R reveals the round shown there and says which;
 * a revealed round is hidden only once the facilitator confirms. */
static void
test_reveal_votes_page (void)
{
  Room room;
  GtkWidget *page;
  GtkDropDown *rounds;
  V21Record *enjeux;
  V21Record *pistes;
  AdwMessageDialog *dialog;

  room_open (&room);
  enjeux = v21_workshop_lookup (room.workshop, "vr1");   /* revealed */
  pistes = v21_workshop_lookup (room.workshop, "vr2");   /* hidden */
  page = show_page (&room, "votes");
  rounds = GTK_DROP_DOWN (gui_test_find_widget (page, GTK_TYPE_DROP_DOWN, NULL));
  gtk_drop_down_set_selected (rounds, 1);
  gui_test_spin (100);

  gui_test_send_keysym (page, XK_r, ControlMask);
  gui_test_spin (100);
  g_assert_true (v21_record_get_bool (pistes, "revealed"));
  g_assert_true (v21_record_get_bool (enjeux, "revealed"));
  g_assert_nonnull (gui_test_find_by_text (GTK_WIDGET (room.window),
                                           "Results of “Priorisation des pistes d'action — 10 points par personne” revealed",
                                           TRUE));
  /* The console shows the round just revealed. */
  g_assert_true (v21_session_get_chosen_round (v21_session_get (room.workshop)) == pistes);

  /* Ctrl+R again: asked, not hidden; "Keep shown" changes nothing. */
  gui_test_send_keysym (page, XK_r, ControlMask);
  dialog = wait_for_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Hide the results of “Priorisation des pistes d'action — 10 points par personne”?");
  g_assert_true (v21_record_get_bool (pistes, "revealed"));
  answer (dialog, "cancel");
  g_assert_true (v21_record_get_bool (pistes, "revealed"));

  /* Confirmed, the results are hidden. */
  gui_test_send_keysym (page, XK_r, ControlMask);
  dialog = wait_for_dialog ();
  g_assert_nonnull (dialog);
  answer (dialog, "hide");
  g_assert_false (v21_record_get_bool (pistes, "revealed"));
  g_assert_true (v21_record_get_bool (enjeux, "revealed"));
  room_close (&room);
}

/* Elsewhere, with the projector not on the votes, Ctrl+R is about the
 * current sequence's round, whatever round was chosen before. */
static void
test_reveal_elsewhere (void)
{
  Room room;
  V21Session *session;
  GtkWidget *page;
  AdwMessageDialog *dialog;

  room_open (&room);
  session = v21_session_get (room.workshop);
  v21_session_set_sequence (session, v21_workshop_lookup (room.workshop, "seq-d1-05"));
  v21_session_set_round (session, v21_workshop_lookup (room.workshop, "vr2"));
  page = show_page (&room, "trajectories");

  gui_test_send_keysym (page, XK_r, ControlMask);
  dialog = wait_for_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Hide the results of “Enjeux prioritaires — vote à gommettes par table”?");
  answer (dialog, "cancel");
  g_assert_true (v21_record_get_bool (v21_workshop_lookup (room.workshop, "vr1"), "revealed"));
  g_assert_false (v21_record_get_bool (v21_workshop_lookup (room.workshop, "vr2"), "revealed"));
  room_close (&room);
}

static V21Record *
last_card (V21Workshop *workshop)
{
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");

  return v21_collection_get (cards, v21_collection_get_n (cards) - 1);
}

/* Ctrl+L on the Board, then typing a card: the card is added, to the
 * current sequence; a mistake shows at once under the line and keeps the text. */
static void
test_capture_from_board (void)
{
  Room room;
  GtkWidget *page;
  GtkWidget *bar;
  GtkWidget *entry;
  V21Collection *cards;
  V21Record *sequence;
  guint before;

  room_open (&room);
  cards = v21_workshop_get_collection (room.workshop, "cards");
  before = v21_collection_get_n (cards);
  sequence = v21_session_get_sequence (v21_session_get (room.workshop));
  page = show_page (&room, "board");
  bar = _v21_window_get_capture_bar (room.window);
  g_assert_nonnull (bar);
  /* At the foot of the Board, before any key. */
  g_assert_true (gtk_widget_get_mapped (bar));
  entry = v21_capture_bar_get_entry (V21_CAPTURE_BAR (bar));
  g_assert_false (gtk_widget_has_focus (entry));

  gui_test_send_keysym (page, XK_l, ControlMask);
  gui_test_spin (50);
  g_assert_true (v21_has_focus_within (entry));
  gui_test_type_text (entry, "m: Fermeture de la poste");
  gui_test_send_keysym (entry, XK_Return, 0);
  gui_test_spin (50);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, before + 1);
  g_assert_cmpstr (v21_record_get_string (last_card (room.workshop), "text"), ==, "Fermeture de la poste");
  g_assert_cmpstr (v21_record_get_string (last_card (room.workshop), "kind"), ==, "threat");
  g_assert_cmpstr (v21_record_get_string (last_card (room.workshop), "sequence"), ==, v21_record_get_id (sequence));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  /* Success is quiet: no error, no toast. */
  g_assert_null (v21_capture_bar_get_error (V21_CAPTURE_BAR (bar)));

  /* No table 9: said at once, nothing added, nothing lost. */
  gui_test_type_text (entry, "#9 Une halle couverte");
  gui_test_send_keysym (entry, XK_Return, 0);
  gui_test_spin (50);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, before + 1);
  g_assert_cmpstr (v21_capture_bar_get_error (V21_CAPTURE_BAR (bar)), ==, "There is no table 9");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "#9 Une halle couverte");
  /* Corrected, the error goes and the card comes. */
  for (guint i = 0; i < 3; i++)
    gui_test_send_keysym (entry, XK_Home, 0);
  gui_test_send_keysym (entry, XK_Delete, 0);
  gui_test_send_keysym (entry, XK_Delete, 0);
  gui_test_send_keysym (entry, XK_Delete, 0);
  g_assert_null (v21_capture_bar_get_error (V21_CAPTURE_BAR (bar)));
  gui_test_send_keysym (entry, XK_Return, 0);
  gui_test_spin (50);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, before + 2);
  g_assert_cmpstr (v21_record_get_string (last_card (room.workshop), "text"), ==, "Une halle couverte");

  /* On a page of Prepare the bar is not there, until Ctrl+L calls it. */
  page = show_page (&room, "territory");
  g_assert_false (gtk_widget_get_mapped (bar));
  gui_test_send_keysym (page, XK_l, ControlMask);
  gui_test_spin (50);
  g_assert_true (gtk_widget_get_mapped (bar));
  g_assert_true (v21_has_focus_within (entry));
  room_close (&room);
}

/* On the live page: an error under the line at once; a correction shows in
 * the list; the undo button says what Ctrl+Z undoes, and it undoes that. */
static void
test_live_feedback (void)
{
  Room room;
  GtkWidget *page;
  GtkWidget *entry;
  GtkWidget *undo;
  GtkWidget *error;
  V21Collection *cards;
  guint before;

  room_open (&room);
  cards = v21_workshop_get_collection (room.workshop, "cards");
  before = v21_collection_get_n (cards);
  page = show_page (&room, "live");
  entry = gui_test_find_widget (page, GTK_TYPE_ENTRY, NULL);
  undo = _v21_window_get_undo_button (room.window);
  g_assert_true (v21_has_focus_within (entry));

  gui_test_type_text (entry, "#9 Halle");
  gui_test_send_keysym (entry, XK_Return, 0);
  gui_test_spin (50);
  error = gui_test_find_by_text (page, "There is no table 9", TRUE);
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_get_mapped (error));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "#9 Halle");
  g_assert_cmpuint (v21_collection_get_n (cards), ==, before);
  gui_test_send_keysym (entry, XK_BackSpace, 0);
  g_assert_false (gtk_widget_get_visible (error));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");

  gui_test_type_text (entry, "Une foret");
  gui_test_send_keysym (entry, XK_Return, 0);
  gui_test_spin (100);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, before + 1);
  g_assert_nonnull (gui_test_find_by_text (page, "Une foret", TRUE));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo: Add the card “Une foret”");

  /* Up, edit, Enter: the list shows the correction. */
  gui_test_send_keysym (entry, XK_Up, 0);
  gui_test_type_text (entry, " comestible");
  gui_test_send_keysym (entry, XK_Return, 0);
  gui_test_spin (100);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, before + 1);
  g_assert_nonnull (gui_test_find_by_text (page, "Une foret comestible", TRUE));
  g_assert_null (gui_test_find_by_text (page, "Une foret", TRUE));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo: Correct the card “Une foret”");

  /* Ctrl+Z takes back the correction, shown at once; again, the card. */
  gui_test_send_keysym (entry, XK_z, ControlMask);
  gui_test_spin (100);
  g_assert_nonnull (gui_test_find_by_text (page, "Une foret", TRUE));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo: Add the card “Une foret”");
  gui_test_send_keysym (entry, XK_z, ControlMask);
  gui_test_spin (100);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, before);
  room_close (&room);
}

/* The sidebar: the list whose first row is the overview. */
static GtkListBox *
find_sidebar (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) && gtk_list_box_get_row_at_index (GTK_LIST_BOX (widget), 0) != NULL
      && g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (widget), 0))),
                    "overview") == 0)
    return GTK_LIST_BOX (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_sidebar (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
highlighted (Room *room)
{
  GtkListBox *sidebar = find_sidebar (GTK_WIDGET (room->window));
  GtkListBoxRow *row;

  g_assert_nonnull (sidebar);
  row = gtk_list_box_get_selected_row (sidebar);
  return row ? gtk_widget_get_name (GTK_WIDGET (row)) : NULL;
}

/* Every page has its key, Ctrl+Alt and the top row; the sidebar's highlight
 * is the page shown, also when the focus goes through the rows. */
static void
test_pages_by_keyboard (void)
{
  static const struct { KeySym key; const char *page; } pages[] = {
    { XK_1, "territory" }, { XK_2, "people" }, { XK_3, "run-sheet" }, { XK_4, "material" },
    { XK_5, "checklist" }, { XK_6, "live" }, { XK_7, "board" }, { XK_8, "projector" },
    { XK_9, "votes" }, { XK_0, "robustness" }, { XK_minus, "trajectories" }, { XK_equal, "report" },
  };
  Room room;
  GtkWidget *row;

  room_open (&room);
  /* Wide enough for the sidebar beside the page (folded, no row is highlighted). */
  gtk_window_set_default_size (GTK_WINDOW (room.window), 1900, 1000);
  gui_test_spin (300);
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (gui_test_find_widget (GTK_WIDGET (room.window),
                                                                             ADW_TYPE_LEAFLET, NULL))));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (room.window));

      gui_test_send_keysym (focus ? focus : GTK_WIDGET (room.window), pages[i].key, ControlMask | Mod1Mask);
      gui_test_spin (100);
      g_test_message ("page %s", pages[i].page);
      g_assert_cmpstr (_v21_window_get_shown_section (room.window), ==, pages[i].page);
      g_assert_cmpstr (highlighted (&room), ==, pages[i].page);
    }

  /* Board shown; Tab and arrows through the sidebar keep the highlight on it. */
  gui_test_send_keysym (GTK_WIDGET (room.window), XK_7, ControlMask | Mod1Mask);
  gui_test_spin (100);
  row = gui_test_find_by_text (GTK_WIDGET (room.window), "Written report", TRUE);
  g_assert_nonnull (row);
  gtk_widget_grab_focus (gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX_ROW));
  gui_test_send_keysym (row, XK_Up, 0);
  gui_test_send_keysym (row, XK_Up, 0);
  gui_test_send_keysym (row, XK_Tab, ShiftMask);
  gui_test_spin (100);
  g_assert_cmpstr (_v21_window_get_shown_section (room.window), ==, "board");
  g_assert_cmpstr (highlighted (&room), ==, "board");
  room_close (&room);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_IM_MODULE", "gtk-im-context-simple", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  if (!gui_test_init (&argc, &argv, "room-keys", GUI_TEST_NEEDS_XTEST))
    return gui_test_run ();

  g_test_add_func ("/gui/room-keys/reveal-votes-page", test_reveal_votes_page);
  g_test_add_func ("/gui/room-keys/reveal-elsewhere", test_reveal_elsewhere);
  g_test_add_func ("/gui/room-keys/capture-from-board", test_capture_from_board);
  g_test_add_func ("/gui/room-keys/live-feedback", test_live_feedback);
  g_test_add_func ("/gui/room-keys/pages-by-keyboard", test_pages_by_keyboard);
  return gui_test_run ();
}
