/* test-invitations-page.c — invitation states and attendance on the
 * Participants page, with the keyboard alone
 *
 * Key presses go through the X server (XTEST, under Xvfb), so they take the
 * path of real ones: the page's shortcuts and the application's Ctrl+Z.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <X11/Xlib.h>
#include <X11/keysym.h>

#include "gui-test-util.h"
#include "v21-invitations.h"
#include "v21-invitations-dialog.h"
#include "v21-letter.h"
#include "v21-table-assign.h"
#include "v21-people-page.h"
#include "v21-window.h"
#include "v21-window-private.h"

typedef struct
{
  V21Window   *window;
  V21Workshop *workshop;
  GtkWidget   *page;
  GtkWidget   *list;
} People;

static void
people_open (People *people)
{
  g_autoptr(GFile) file = gui_test_copy_demo ();

  g_assert_nonnull (file);
  people->window = v21_window_new (gui_test_get_application ());
  gtk_window_set_default_size (GTK_WINDOW (people->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (people->window));
  gui_test_open_file (people->window, file);
  people->workshop = v21_window_get_workshop (people->window);
  people->page = _v21_window_get_section (people->window, "people");
  g_assert_nonnull (people->page);
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (people->page)), people->page);
  gui_test_spin (200);
  people->list = gui_test_find_widget (people->page, GTK_TYPE_COLUMN_VIEW, NULL);
  g_assert_nonnull (people->list);
}

static void
people_close (People *people)
{
  gui_test_destroy_window (GTK_WINDOW (people->window));
}

static V21Record *
person_named (V21Workshop *workshop,
              const char  *name)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    if (g_strcmp0 (v21_record_get_string (v21_collection_get (people, i), "name"), name) == 0)
      return v21_collection_get (people, i);
  g_assert_not_reached ();
}

static void
press (People       *people,
       unsigned long keysym,
       unsigned int  state)
{
  gui_test_send_keysym (people->list, keysym, state);
  gui_test_spin (80);
}

static void
assert_summary (People     *people,
                const char *text)
{
  if (gui_test_find_by_text (people->page, text, TRUE) == NULL)
    g_error ("the page does not show “%s”", text);
}

/* The demo invites nobody yet. Ctrl+3 confirms the selected person, Ctrl+4
 * declines, Ctrl+2 marks invited today; the counts and the row follow; Ctrl+Z
 * takes each step back. */
static void
test_state_keys_undo (void)
{
  People people = { 0 };
  V21Record *claire;
  V21Record *julien;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  people_open (&people);
  claire = person_named (people.workshop, "Claire Fontanel");
  julien = person_named (people.workshop, "Julien Marchais");
  assert_summary (&people, "0 confirmed of 38 · 38 to invite");

  v21_people_page_select (V21_PEOPLE_PAGE (people.page), claire);
  gtk_widget_grab_focus (people.list);
  press (&people, XK_3, ControlMask);
  g_assert_cmpint (v21_invitation_get (claire), ==, V21_INVITATION_CONFIRMED);
  assert_summary (&people, "1 confirmed of 38 · 37 to invite");
  /* The word beside the colour, in the row. */
  g_assert_nonnull (gui_test_find_by_text (people.page, "⬤ Confirmed", TRUE));

  v21_people_page_select (V21_PEOPLE_PAGE (people.page), julien);
  press (&people, XK_2, ControlMask);
  g_assert_cmpint (v21_invitation_get (julien), ==, V21_INVITATION_INVITED);
  g_assert_cmpstr (v21_record_get_string (julien, "invited_on"), ==, today);
  press (&people, XK_4, ControlMask);
  g_assert_cmpint (v21_invitation_get (julien), ==, V21_INVITATION_DECLINED);
  assert_summary (&people, "1 confirmed of 38 · 36 to invite · 1 declined");
  g_assert_nonnull (gui_test_find_by_text (people.page, "⬤ Declined", TRUE));

  press (&people, XK_z, ControlMask);
  g_assert_cmpint (v21_invitation_get (julien), ==, V21_INVITATION_INVITED);
  assert_summary (&people, "1 confirmed of 38 · 36 to invite · 1 invited");
  press (&people, XK_z, ControlMask);
  press (&people, XK_z, ControlMask);
  g_assert_cmpint (v21_invitation_get (julien), ==, V21_INVITATION_TO_INVITE);
  g_assert_cmpint (v21_invitation_get (claire), ==, V21_INVITATION_TO_INVITE);
  g_assert_true (v21_record_is_null (julien, "invited_on"));
  assert_summary (&people, "0 confirmed of 38 · 38 to invite");
  people_close (&people);
}

/* Ctrl+6 ticks day 1 for the selected person, again unticks it; the
 * row's check box follows; Ctrl+Z undoes. */
static void
test_attendance_keys (void)
{
  People people = { 0 };
  V21Record *claire;
  V21Collection *days;
  GtkWidget *check;

  people_open (&people);
  days = v21_workshop_get_collection (people.workshop, "days");
  claire = person_named (people.workshop, "Claire Fontanel");
  v21_people_page_select (V21_PEOPLE_PAGE (people.page), claire);
  gtk_widget_grab_focus (people.list);

  press (&people, XK_6, ControlMask);
  g_assert_true (v21_attendance_get (claire, v21_collection_get (days, 0)));
  g_assert_false (v21_attendance_get (claire, v21_collection_get (days, 1)));
  press (&people, XK_7, ControlMask);
  g_assert_true (v21_attendance_get (claire, v21_collection_get (days, 1)));
  check = gui_test_find_by_text (people.page, "Came on Thursday 18 March 2027", FALSE);
  g_assert_nonnull (check);
  g_assert_true (GTK_IS_CHECK_BUTTON (check));

  press (&people, XK_6, ControlMask);
  g_assert_false (v21_attendance_get (claire, v21_collection_get (days, 0)));
  press (&people, XK_z, ControlMask);
  g_assert_true (v21_attendance_get (claire, v21_collection_get (days, 0)));
  people_close (&people);
}

/* The filter keeps who is in the chosen state; the counts do not change. */
static void
test_filter (void)
{
  People people = { 0 };
  const char * const confirmed[] = { "Claire Fontanel", "Thomas Guérin", "Sophie Texier" };
  GtkDropDown *dropdown;
  GListModel *shown;

  people_open (&people);
  for (guint i = 0; i < G_N_ELEMENTS (confirmed); i++)
    g_assert_true (v21_invitation_set (people.workshop, person_named (people.workshop, confirmed[i]),
                                       V21_INVITATION_CONFIRMED, NULL, NULL));
  g_assert_true (v21_invitation_set (people.workshop, person_named (people.workshop, "Hélène Rouvière"),
                                     V21_INVITATION_DECLINED, NULL, NULL));
  gui_test_spin (50);
  dropdown = GTK_DROP_DOWN (gui_test_find_widget (people.page, GTK_TYPE_DROP_DOWN, NULL));
  shown = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (people.list)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 38);

  /* Everyone, to invite, invited, confirmed, declined, no reply. */
  gtk_drop_down_set_selected (dropdown, 3);
  gui_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  assert_summary (&people, "38 participants, 3 shown");
  assert_summary (&people, "3 confirmed of 38 · 34 to invite · 1 declined");

  /* Who leaves the state leaves the list. */
  g_assert_true (v21_invitation_set (people.workshop, person_named (people.workshop, "Thomas Guérin"),
                                     V21_INVITATION_DECLINED, NULL, NULL));
  gui_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);

  gtk_drop_down_set_selected (dropdown, 4);
  gui_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  gtk_drop_down_set_selected (dropdown, 0);
  gui_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 38);
  people_close (&people);
}

/* An edit of one person refills that person's row (its six cells), not
 * the others. */
static void
test_precise_rows (void)
{
  People people = { 0 };
  guint before;

  people_open (&people);
  before = _v21_people_page_get_n_fills ();
  g_assert_true (v21_invitation_set (people.workshop, person_named (people.workshop, "Claire Fontanel"),
                                     V21_INVITATION_CONFIRMED, NULL, NULL));
  gui_test_spin (50);
  g_assert_cmpuint (_v21_people_page_get_n_fills () - before, ==, 6);
  people_close (&people);
}

static void
set_text_view (GtkWidget  *root,
               const char *name,
               const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TEXT_VIEW (child) && g_object_get_data (G_OBJECT (child), "v21-test-seen") == NULL)
        {
          g_object_set_data (G_OBJECT (child), "v21-test-seen", GINT_TO_POINTER (1));
          if (g_strcmp0 (name, "template") == 0 && gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (child)) == GTK_WRAP_WORD_CHAR
              && gtk_widget_get_parent (gtk_widget_get_parent (child)) != NULL)
            {
              GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child));
              g_autofree char *old = NULL;
              GtkTextIter start, end;

              gtk_text_buffer_get_bounds (buffer, &start, &end);
              old = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
              /* The letter's text is the one that starts with the salutation. */
              if (g_str_has_prefix (old, "Dear"))
                {
                  gtk_text_buffer_set_text (buffer, text, -1);
                  return;
                }
            }
        }
      set_text_view (child, name, text);
    }
}

static char *
read_content_xml (const char *odt)
{
  g_autofree char *command = g_strdup_printf ("unzip -p '%s' content.xml", odt);
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  return out;
}

/* From the page's menu: the dialog opens with the default letter; an edited
 * text and authority go into the workshop (one undoable step each) and into
 * the letters; the addresses for BCC go to the clipboard. */
static void
test_letters_dialog (void)
{
  People people = { 0 };
  GtkWindow *dialog;
  GtkWidget *row;
  g_autofree char *odt = g_build_filename (gui_test_get_tmp_dir (), "letters.odt", NULL);
  g_autofree char *pdf = g_build_filename (gui_test_get_tmp_dir (), "letters.pdf", NULL);
  g_autofree char *content = NULL;
  g_autofree char *before = NULL;
  g_autofree char *template_text = NULL;
  g_autoptr(GError) error = NULL;
  GValue value = G_VALUE_INIT;
  V21Authority authority;

  people_open (&people);
  before = v21_workshop_to_data (people.workshop, NULL);
  gtk_widget_activate_action (people.page, "people.invitations", NULL);
  gui_test_spin (200);
  dialog = gui_test_find_toplevel (V21_TYPE_INVITATIONS_DIALOG);
  g_assert_nonnull (dialog);
  /* Closed untouched, it changes nothing. */
  gtk_window_close (dialog);
  gui_test_spin (100);
  g_assert_false (v21_workshop_can_undo (people.workshop));

  gtk_widget_activate_action (people.page, "people.invitations", NULL);
  gui_test_spin (200);
  dialog = gui_test_find_toplevel (V21_TYPE_INVITATIONS_DIALOG);
  row = gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), "Mairie de Saint-Lys");
  set_text_view (GTK_WIDGET (dialog), "template", "Chère {name},\n\nvenez le {dates}.");
  g_assert_true (_v21_invitations_dialog_write (V21_INVITATIONS_DIALOG (dialog), "odt", odt, &error));
  g_assert_no_error (error);
  g_assert_true (_v21_invitations_dialog_write (V21_INVITATIONS_DIALOG (dialog), "pdf", pdf, &error));
  g_assert_no_error (error);
  content = read_content_xml (odt);
  g_assert_nonnull (strstr (content, "Mairie de Saint-Lys"));
  g_assert_nonnull (strstr (content, "Chère Claire Fontanel,</text:p>"));
  g_assert_nonnull (strstr (content, "venez le 18 and 19 March 2027."));
  template_text = v21_letter_get_template (people.workshop);
  g_assert_cmpstr (template_text, ==, "Chère {name},\n\nvenez le {dates}.");
  v21_authority_get (people.workshop, &authority);
  g_assert_cmpstr (authority.name, ==, "Mairie de Saint-Lys");
  /* The date shown, three weeks before the first day, stays the default. */
  g_assert_null (v21_letter_get_reply_by (people.workshop));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "invitations.copy-bcc", NULL);
  gui_test_spin (50);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (dialog))),
                                                 &value, NULL));
  g_assert_true (g_str_has_prefix (g_value_get_string (&value), "\"Claire Fontanel\" <"));
  g_value_unset (&value);
  gtk_window_destroy (dialog);
  gui_test_spin (50);

  gtk_widget_activate_action (GTK_WIDGET (people.window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (people.window), "win.undo", NULL);
  gui_test_spin (50);
  g_assert_false (v21_workshop_can_undo (people.workshop));
  {
    g_autofree char *after = v21_workshop_to_data (people.workshop, NULL);

    g_assert_cmpstr (after, ==, before);
  }
  people_close (&people);
}

static gboolean
shows (GtkWidget  *page,
       const char *text)
{
  return gui_test_find_by_text (page, text, TRUE) != NULL;
}

/* The checklist reminds: who is still to invite, replies late past the
 * reply-by date, and tables to rebalance after declines (one click). */
static void
test_checklist_reminders (void)
{
  People people = { 0 };
  V21Collection *all;
  GtkWidget *checklist;
  V21Record *decliner = NULL;

  people_open (&people);
  all = v21_workshop_get_collection (people.workshop, "people");
  checklist = _v21_window_get_section (people.window, "checklist");
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (checklist)), checklist);
  gui_test_spin (150);
  g_assert_true (shows (checklist, "Invitations sent"));
  g_assert_true (shows (checklist, "38 people still to invite, of 38"));
  g_assert_false (shows (checklist, "The reply-by date has passed"));

  for (guint i = 0; i < v21_collection_get_n (all); i++)
    g_assert_true (v21_invitation_set (people.workshop, v21_collection_get (all, i), V21_INVITATION_INVITED,
                                       "2026-01-05", NULL));
  g_assert_true (v21_invitation_set (people.workshop, v21_collection_get (all, 0), V21_INVITATION_CONFIRMED, NULL, NULL));
  gui_test_spin (50);
  g_assert_true (shows (checklist, "1 confirmed of 38"));
  g_assert_true (v21_letter_set (people.workshop, NULL, "2026-01-20", NULL));
  gui_test_spin (50);
  g_assert_true (shows (checklist, "The reply-by date has passed"));
  g_assert_true (shows (checklist, "37 people have not replied: a reminder, or mark them “No reply” on the "
                                   "Participants page"));

  for (guint i = 0; i < v21_collection_get_n (all) && decliner == NULL; i++)
    {
      V21Record *person = v21_collection_get (all, i);

      if (!v21_record_get_bool (person, "locked") && v21_workshop_lookup (people.workshop,
                                                                          v21_record_get_string (person, "table")))
        decliner = person;
    }
  g_assert_nonnull (decliner);
  g_assert_false (shows (checklist, "Tables to rebalance"));
  g_assert_true (v21_invitation_set (people.workshop, decliner, V21_INVITATION_DECLINED, NULL, NULL));
  gui_test_spin (50);
  g_assert_true (shows (checklist, "Tables to rebalance"));
  g_assert_true (shows (checklist, "1 person who declined still has a seat"));
  gtk_widget_activate_action (checklist, "checklist.rebalance", NULL);
  gui_test_spin (50);
  g_assert_true (v21_record_is_null (decliner, "table"));
  g_assert_false (shows (checklist, "Tables to rebalance"));
  gtk_widget_activate_action (GTK_WIDGET (people.window), "win.undo", NULL);
  gui_test_spin (50);
  g_assert_true (shows (checklist, "Tables to rebalance"));
  people_close (&people);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("GTK_IM_MODULE", "gtk-im-context-simple", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  if (!gui_test_init (&argc, &argv, "invitations-page", GUI_TEST_NEEDS_XTEST))
    return gui_test_run ();

  g_test_add_func ("/gui/invitations-page/state-keys-undo", test_state_keys_undo);
  g_test_add_func ("/gui/invitations-page/attendance-keys", test_attendance_keys);
  g_test_add_func ("/gui/invitations-page/filter", test_filter);
  g_test_add_func ("/gui/invitations-page/precise-rows", test_precise_rows);
  g_test_add_func ("/gui/invitations-page/letters-dialog", test_letters_dialog);
  g_test_add_func ("/gui/invitations-page/checklist-reminders", test_checklist_reminders);
  return gui_test_run ();
}
