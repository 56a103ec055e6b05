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

#include <glib/gi18n.h>

#include "v21-pages.h"
#include "v21-projector-actions.h"
#include "v21-session.h"
#include "v21-votes.h"

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

static void
reveal_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  g_autoptr(GError) error = NULL;
  V21Record *round;

  SESSION_OR_RETURN (session, data);
  round = v21_session_get_round (session);
  if (round == NULL)
    {
      v21_show_toast (data, _("No vote round to reveal"), NULL, NULL);
      return;
    }
  if (!v21_vote_round_reveal (v21_session_get_workshop (session), round,
                              !v21_record_get_bool (round, "revealed"), &error))
    v21_show_toast (data, error->message, NULL, NULL);
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
