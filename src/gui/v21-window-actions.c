/* v21-window-actions.c — the window's actions (win.new, win.open, win.save…)
 *
 * The window (v21-window.c) composes the pages; the handlers of its actions
 * are here, and those of the projector in run/v21-projector-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-window"

#include "config.h"

#include "v21-window.h"
#include "v21-window-private.h"

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  v21_window_new_workshop (V21_WINDOW (user_data));
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  _v21_window_choose_file_to_open (V21_WINDOW (user_data));
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  _v21_window_open_demo (V21_WINDOW (user_data));
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  _v21_window_save_async (V21_WINDOW (user_data), FALSE, NULL, NULL);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  _v21_window_save_async (V21_WINDOW (user_data), TRUE, NULL, NULL);
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  V21Workshop *workshop = v21_window_get_workshop (V21_WINDOW (user_data));

  if (workshop != NULL)
    v21_workshop_undo (workshop);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  V21Workshop *workshop = v21_window_get_workshop (V21_WINDOW (user_data));

  if (workshop != NULL)
    v21_workshop_redo (workshop);
}

static void
focus_capture_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  _v21_window_focus_capture (V21_WINDOW (user_data));
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  _v21_window_show_page (V21_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static const GActionEntry win_actions[] = {
  { "show-page", show_page_action, "s" },
  { "focus-capture", focus_capture_action },
  { "new", new_action },
  { "open", open_action },
  { "open-demo", open_demo_action },
  { "save", save_action },
  { "save-as", save_as_action },
  { "undo", undo_action },
  { "redo", redo_action },
};

void
_v21_window_actions_add (V21Window *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
}
