/* v21-cli-room.c — `visions21 room`: the room served headless, for rehearsals and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-cli"

#include "config.h"

#include <stdio.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>

#include "v21-cli-private.h"
#include "v21-file-lock.h"
#include "v21-room.h"
#include "v21-workshop.h"

/* The quiet time after a change before the workshop is saved. */
#define SAVE_DELAY_MS 1000

typedef struct
{
  V21Workshop *workshop;
  GFile       *file;
  GMainLoop   *loop;
  guint        save_source;
  gboolean     failed;
} RoomRun;

static gboolean
save (RoomRun *run)
{
  g_autoptr(GError) error = NULL;

  if (!v21_workshop_get_modified (run->workshop))
    return TRUE;
  if (!v21_workshop_save_file (run->workshop, run->file, &error))
    {
      fprintf (stderr, "visions21 room: %s\n", error->message);
      run->failed = TRUE;
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_cb (gpointer data)
{
  RoomRun *run = data;

  run->save_source = 0;
  save (run);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (RoomRun *run)
{
  /* Saved as it goes: a second after the last change, as a whole (atomic). */
  g_clear_handle_id (&run->save_source, g_source_remove);
  run->save_source = g_timeout_add (SAVE_DELAY_MS, save_cb, run);
}

static gboolean
quit_cb (gpointer data)
{
  RoomRun *run = data;

  g_main_loop_quit (run->loop);
  return G_SOURCE_CONTINUE;
}

int
v21_cli_room (int    argc,
              char **argv)
{
  int port = 0;
  int max_devices = V21_ROOM_DEVICES_MAX;
  gboolean open = FALSE;
  g_auto(GStrv) bind = NULL;
  const GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, N_("Listen on PORT (default: chosen by the system)"), N_("PORT") },
    { "bind", 0, 0, G_OPTION_ARG_STRING_ARRAY, &bind, N_("Listen on ADDRESS only, a loopback or private address (may be repeated)"), N_("ADDRESS") },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open, N_("Put the room’s cards straight on the board, without the inbox"), NULL },
    { "max-devices", 0, 0, G_OPTION_ARG_INT, &max_devices, N_("Let at most N devices join (default: 200)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — open the room: phones and laptops of the hall post cards and vote"));
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) workshop = NULL;
  g_autoptr(V21FileLock) lock = NULL;
  g_autoptr(V21Room) room = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *state_path = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  RoomRun run = { 0 };
  GPtrArray *uris;
  guint sigint, sigterm;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "visions21 room: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      fprintf (stderr, "visions21 room: %s\n", _("give the workshop file"));
      return 2;
    }
  if (port < 0 || port > 65535 || max_devices < 1)
    {
      fprintf (stderr, "visions21 room: %s\n", _("the port goes from 1 to 65535 and the devices from 1 up"));
      return 2;
    }
  workshop = v21_cli_load_workshop (argv[1]);
  if (workshop == NULL)
    return 1;
  run.file = v21_workshop_get_file (workshop);
  /* The room writes the file: no other window may have it open. */
  lock = v21_file_lock_acquire (run.file, FALSE, &error);
  if (lock == NULL)
    {
      fprintf (stderr, "visions21 room: %s\n", error->message);
      return 1;
    }
  room = v21_room_new (workshop);
  v21_room_set_open (room, open);
  v21_room_set_max_devices (room, (guint) max_devices);
  if (!v21_room_start (room, (const char * const *) bind, (guint) port, &error))
    {
      fprintf (stderr, "visions21 room: %s\n", error->message);
      return 1;
    }
  /* A restart reopens the room as it was: its code, its devices, its inbox. */
  state_path = v21_room_state_path (run.file);
  if (!v21_room_keep_state (room, state_path, &error))
    {
      fprintf (stderr, "visions21 room: %s\n", error->message);
      return 1;
    }
  loop = g_main_loop_new (NULL, FALSE);
  run.workshop = workshop;
  run.loop = loop;
  g_signal_connect_swapped (workshop, "changed", G_CALLBACK (changed_cb), &run);
  sigint = g_unix_signal_add (SIGINT, quit_cb, &run);
  sigterm = g_unix_signal_add (SIGTERM, quit_cb, &run);

  uris = v21_room_get_uris (room);
  printf ("%s\n", _("The room is open. Join it from a browser on the local network:"));
  for (guint i = 0; i < uris->len; i++)
    printf ("  %s\n", (const char *) g_ptr_array_index (uris, i));
  /* Translators: the join code that participants type. */
  printf (_("Code: %s"), v21_room_get_code (room));
  printf ("\n");
  printf (_("Facilitator's key (for the /api/admin/ calls from this computer): %s"), v21_room_get_admin_key (room));
  printf ("\n");
  pending = v21_room_list_pending (room);
  if (pending->len > 0)
    {
      /* Translators: after a restart of the room. */
      printf (_("Cards waiting in the inbox since before: %u"), pending->len);
      printf ("\n");
    }
  printf ("%s\n", open ? _("Cards go straight on the board.") : _("Cards wait in the inbox until accepted."));
  printf ("%s\n", _("Press Ctrl+C to close the room; the workshop is saved."));
  fflush (stdout);

  g_main_loop_run (loop);

  g_source_remove (sigint);
  g_source_remove (sigterm);
  g_clear_handle_id (&run.save_source, g_source_remove);
  v21_room_stop (room);
  g_signal_handlers_disconnect_by_data (workshop, &run);
  save (&run);
  printf ("%s\n", run.failed ? _("The room is closed; the workshop could not be saved.") : _("The room is closed; the workshop is saved."));
  return run.failed ? 1 : 0;
}
