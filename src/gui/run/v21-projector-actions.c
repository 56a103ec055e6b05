/* v21-projector-actions.c — the window actions that drive the projector
 *
 * Window actions with accelerators (see V21Application): they work whichever
 * widget has the focus, and each has a modifier or a function key, so none
 * takes a key from a text field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-projector"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "v21-cards.h"
#include "v21-pages.h"
#include "v21-projector-actions.h"
#include "v21-session.h"
#include "v21-votes.h"
#include "v21-votes-page.h"
#include "v21-window-private.h"

/* The live run of the window's document, if a workshop is open. */
static V21Session *
window_session (gpointer window)
{
  V21Document *document = v21_window_get_document (window);

  return document ? v21_document_get_session (document) : NULL;
}

#define SESSION_OR_RETURN(session, data) \
  V21Session *session = window_session (data); \
  if (session == NULL) \
    return

static void
project_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       data)
{
  SESSION_OR_RETURN (session, data);
  v21_session_set_projecting (session, !v21_session_get_projecting (session));
}

static void
black_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       data)
{
  SESSION_OR_RETURN (session, data);
  v21_session_set_black (session, !v21_session_get_black (session));
}

static void
freeze_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  SESSION_OR_RETURN (session, data);
  v21_session_set_frozen (session, !v21_session_get_frozen (session));
}

static void
next_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  SESSION_OR_RETURN (session, data);
  v21_session_go_next (session);
}

static void
previous_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       data)
{
  SESSION_OR_RETURN (session, data);
  v21_session_go_previous (session);
}

/* The round Ctrl+R acts on: the one the Votes page shows, else the one the
 * projector shows, else the current sequence's. */
static V21Record *
round_to_reveal (V21Window  *window,
                 V21Session *session)
{
  if (g_strcmp0 (_v21_window_get_shown_section (window), "votes") == 0)
    return v21_votes_page_get_round (V21_VOTES_PAGE (_v21_window_get_section (window, "votes")));
  if (v21_session_get_projecting (session) && v21_session_get_scene (session) == V21_SCENE_VOTES)
    return v21_session_get_round (session);
  return v21_scene_default_round (v21_session_get_workshop (session), v21_session_get_sequence (session));
}

/* Reveals or hides @round, projects it, and says so. */
static void
set_revealed (V21Window  *window,
              V21Session *session,
              V21Record  *round,
              gboolean    revealed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!v21_vote_round_reveal (v21_session_get_workshop (session), round, revealed, &error))
    {
      v21_show_toast (GTK_WIDGET (window), error->message, NULL, NULL);
      return;
    }
  /* The console's round is the one just revealed or hidden. */
  v21_session_set_round (session, round);
  text = g_strdup_printf (revealed ? _("Results of “%s” revealed") : _("Results of “%s” hidden"),
                          v21_text (round, "title"));
  v21_show_toast (GTK_WIDGET (window), text, NULL, NULL);
}

static void
on_hide_response (AdwMessageDialog *dialog,
                  const char       *response,
                  V21Window        *window)
{
  V21Record *round = g_object_get_data (G_OBJECT (dialog), "v21-round");
  V21Session *session = window_session (window);

  if (g_strcmp0 (response, "hide") == 0 && session != NULL
      && v21_workshop_lookup (v21_session_get_workshop (session), v21_record_get_id (round)) == round)
    set_revealed (window, session, round, FALSE);
}

/* Hiding results blanks the projector in front of the room: it is asked. */
static void
ask_to_hide (V21Window *window,
             V21Record *round)
{
  g_autofree char *heading = g_strdup_printf (_("Hide the results of “%s”?"), v21_text (round, "title"));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), heading,
                                              _("The projector stops showing them until they are revealed again."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Shown"),
                                    "hide", _("_Hide Results"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "hide", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "v21-round", g_object_ref (round), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_hide_response), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reveal_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  V21Record *round;

  SESSION_OR_RETURN (session, data);
  round = round_to_reveal (data, session);
  if (round == NULL)
    {
      v21_show_toast (data, _("No vote round to reveal"), NULL, NULL);
      return;
    }
  if (v21_record_get_bool (round, "revealed"))
    ask_to_hide (data, round);
  else
    set_revealed (data, session, round, TRUE);
}

static void
timer_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       data)
{
  SESSION_OR_RETURN (session, data);
  v21_session_toggle_timer (session);
}

static void
scene_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       data)
{
  V21Scene scene;

  SESSION_OR_RETURN (session, data);
  if (v21_scene_from_string (g_variant_get_string (parameter, NULL), &scene))
    v21_session_set_scene (session, scene);
}

/* win.board-page-next and win.board-page-previous: the projected board's pages. */
static void
board_page_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       data)
{
  guint page;

  SESSION_OR_RETURN (session, data);
  page = v21_session_get_page (session);
  if (g_str_equal (g_action_get_name (G_ACTION (action)), "board-page-next"))
    v21_session_set_page (session, page + 1);
  else if (page > 0)
    v21_session_set_page (session, page - 1);
}

static const GActionEntry actions[] = {
  { "board-page-next", board_page_activated },
  { "board-page-previous", board_page_activated },
  { "project", project_activated },
  { "black", black_activated },
  { "freeze", freeze_activated },
  { "next-sequence", next_activated },
  { "previous-sequence", previous_activated },
  { "reveal-votes", reveal_activated },
  { "toggle-timer", timer_activated },
  { "scene", scene_activated, "s" },
};

void
v21_projector_actions_add (V21Window *window)
{
  g_action_map_add_action_entries (G_ACTION_MAP (window), actions, G_N_ELEMENTS (actions), window);
}
