/* test-room.c — the room in process: which addresses, and a card from a device
 * to an ordinary, undoable card of the workshop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "v21-room.h"
#include "v21-workshop.h"

static void
test_addresses (void)
{
  const struct { const char *address; gboolean local; } cases[] = {
    { "127.0.0.1", TRUE },        { "127.8.9.10", TRUE },
    { "10.0.0.5", TRUE },         { "10.255.255.255", TRUE },
    { "172.16.0.1", TRUE },       { "172.31.255.254", TRUE },
    { "172.15.0.1", FALSE },      { "172.32.0.1", FALSE },
    { "192.168.1.12", TRUE },     { "192.169.1.12", FALSE },
    { "169.254.3.4", TRUE },      { "100.64.0.1", FALSE },
    { "8.8.8.8", FALSE },         { "0.0.0.0", FALSE },
    { "::1", TRUE },              { "fd12:3456::1", TRUE },
    { "fc00::1", TRUE },          { "fe80::1", TRUE },
    { "2001:db8::1", FALSE },     { "2a01:e0a::1", FALSE },
    { "::", FALSE },              { "::ffff:192.168.0.2", TRUE },
    { "::ffff:8.8.8.8", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInetAddress) address = g_inet_address_new_from_string (cases[i].address);

      g_assert_nonnull (address);
      if (v21_room_address_is_local (address) != cases[i].local)
        g_error ("%s should be %s", cases[i].address, cases[i].local ? "local" : "refused");
    }
}

static void
test_refuses_public (void)
{
  g_autoptr(V21Workshop) workshop = v21_workshop_new ();
  g_autoptr(V21Room) room = v21_room_new (workshop);
  g_autoptr(GError) error = NULL;
  const char *bind[] = { "127.0.0.1", "93.184.216.34", NULL };

  g_assert_false (v21_room_start (room, bind, 0, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "93.184.216.34"));
  g_assert_null (v21_room_get_uris (room));
}

static void
test_code (void)
{
  g_autoptr(V21Workshop) workshop = v21_workshop_new ();
  g_autoptr(V21Room) room = v21_room_new (workshop);
  g_autofree char *first = g_strdup (v21_room_get_code (room));

  g_assert_cmpuint (strlen (first), ==, 6);
  for (const char *p = first; *p; p++)
    g_assert_nonnull (strchr ("ABCDEFGHJKMNPQRSTUVWXYZ23456789", *p));
  v21_room_rotate_code (room);
  g_assert_cmpstr (v21_room_get_code (room), !=, first);
  g_assert_cmpuint (strlen (v21_room_get_admin_key (room)), ==, 32);
}

typedef struct
{
  GMainLoop *loop;
  guint      status;
  char      *body;
} Exchange;

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Exchange *exchange = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);

  g_assert_no_error (error);
  exchange->status = soup_message_get_status (msg);
  exchange->body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_main_loop_quit (exchange->loop);
}

/* One request to the room, on the same main loop as the server. */
static guint
request (SoupSession *session,
         const char  *uri,
         const char  *method,
         const char  *token,
         const char  *body,
         char       **answer)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Exchange exchange = { loop, 0, NULL };

  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, &exchange);
  g_main_loop_run (loop);
  if (answer != NULL)
    *answer = exchange.body;
  else
    g_free (exchange.body);
  return exchange.status;
}

static char *
field (const char *json,
       const char *key)
{
  g_autoptr(json_object) root = json_tokener_parse (json);
  json_object *value = NULL;

  g_assert_nonnull (root);
  g_assert_true (json_object_object_get_ex (root, key, &value));
  return g_strdup (json_object_get_string (value));
}

typedef struct
{
  GMainLoop               *loop;
  SoupWebsocketConnection *connection;
  GError                  *error;
  char                    *message;
} Live;

static void
live_connected_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  Live *live = data;

  live->connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &live->error);
  g_main_loop_quit (live->loop);
}

static void
live_message_cb (SoupWebsocketConnection *connection,
                 int                      type,
                 GBytes                  *message,
                 Live                    *live)
{
  g_free (live->message);
  live->message = g_strndup (g_bytes_get_data (message, NULL), g_bytes_get_size (message));
  g_main_loop_quit (live->loop);
}

static gboolean
give_up_cb (gpointer data)
{
  Live *live = data;

  g_main_loop_quit (live->loop);
  return G_SOURCE_REMOVE;
}

static void
live_connect (SoupSession *session,
              const char  *base,
              const char  *token,
              Live        *live)
{
  g_autofree char *uri = g_strdup_printf ("ws://%sapi/live?token=%s", base + strlen ("http://"), token);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);

  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL, live_connected_cb, live);
  g_main_loop_run (live->loop);
}

static void
test_card_from_the_room (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) workshop = v21_workshop_new_from_toolkit ("Atelier", "Val", 2027, 2057, &error);
  g_autoptr(V21Room) room = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *base = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *body = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *token = NULL;
  g_autofree char *post = NULL;
  const char *bind[] = { "127.0.0.1", NULL };
  V21Collection *cards;
  V21Record *table;
  V21Record *card;
  guint before;

  g_assert_no_error (error);
  table = v21_workshop_insert (workshop, "tables", -1, json_tokener_parse ("{\"name\": \"Table Sèvre\"}"), &error);
  g_assert_no_error (error);
  cards = v21_workshop_get_collection (workshop, "cards");
  before = v21_collection_get_n (cards);

  room = v21_room_new (workshop);
  g_assert_true (v21_room_start (room, bind, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (v21_room_get_uris (room)->len, ==, 1);
  base = g_strdup (g_ptr_array_index (v21_room_get_uris (room), 0));
  g_assert_true (g_str_has_prefix (base, "http://127.0.0.1:"));

  uri = g_strconcat (base, "api/join", NULL);
  body = g_strdup_printf ("{\"code\": \"%s\", \"table\": \"%s\"}", v21_room_get_code (room), v21_record_get_id (table));
  g_assert_cmpuint (request (session, uri, "POST", NULL, body, &answer), ==, 201);
  token = field (answer, "token");
  g_clear_pointer (&answer, g_free);
  g_clear_pointer (&uri, g_free);

  /* Before any sequence runs, the first one not done is current: its kinds. */
  uri = g_strconcat (base, "api/cards", NULL);
  g_assert_cmpuint (request (session, uri, "POST", token, "{\"kind\": \"issue\", \"text\": \"Eau potable\"}", &answer), ==, 201);
  post = field (answer, "id");
  g_assert_cmpuint (v21_collection_get_n (cards), ==, before);   /* waiting, not in the workshop */

  pending = v21_room_list_pending (room);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (pending, 0), ==, post);
  card = v21_room_accept (room, post, &error);
  g_assert_no_error (error);
  g_assert_nonnull (card);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, before + 1);
  g_assert_cmpstr (v21_record_get_string (card, "text"), ==, "Eau potable");
  g_assert_cmpstr (v21_record_get_string (card, "kind"), ==, "issue");
  g_assert_cmpstr (v21_record_get_string (card, "table"), ==, v21_record_get_id (table));
  g_assert_true (v21_workshop_get_modified (workshop));
  g_assert_null (v21_room_accept (room, post, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_clear_error (&error);

  /* An ordinary card: one undo takes it back. */
  g_assert_true (v21_workshop_can_undo (workshop));
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_cmpuint (v21_collection_get_n (cards), ==, before);

  /* Live: a device's socket hears "changed" when the workshop changes; a wrong
   * token gets no socket. */
  {
    g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
    Live wrong = { loop, NULL, NULL, NULL };
    Live live = { loop, NULL, NULL, NULL };
    guint timeout;

    live_connect (session, base, "not-a-token", &wrong);
    g_assert_null (wrong.connection);
    g_assert_nonnull (wrong.error);
    g_clear_error (&wrong.error);

    live_connect (session, base, token, &live);
    g_assert_no_error (live.error);
    g_assert_nonnull (live.connection);
    g_signal_connect (live.connection, "message", G_CALLBACK (live_message_cb), &live);
    g_assert_true (v21_workshop_redo (workshop));
    timeout = g_timeout_add_seconds (5, give_up_cb, &live);
    g_main_loop_run (loop);
    g_source_remove (timeout);
    g_assert_cmpstr (live.message, ==, "changed");
    g_free (live.message);
    g_signal_handlers_disconnect_by_data (live.connection, &live);
    soup_websocket_connection_close (live.connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
    g_clear_object (&live.connection);
  }

  /* The room never reads the name of someone who did not consent, and reads it
   * as soon as they do. */
  {
    V21Record *sequence = v21_sequence_current (workshop);
    V21Record *person = v21_workshop_insert (workshop, "people", -1,
                                             json_tokener_parse ("{\"name\": \"Jeanne Martin\", \"consent\": false}"), &error);
    g_autofree char *state_uri = g_strconcat (base, "api/state", NULL);
    g_autofree char *state = NULL;

    g_assert_no_error (error);
    g_assert_true (v21_workshop_set (workshop, sequence, "title", json_object_new_string ("Le mot de Jeanne Martin"), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (request (session, state_uri, "GET", token, NULL, &state), ==, 200);
    g_assert_null (strstr (state, "Jeanne"));
    g_assert_null (strstr (state, "Martin"));
    g_assert_nonnull (strstr (state, "Le mot de "));
    g_clear_pointer (&state, g_free);
    g_assert_true (v21_workshop_set (workshop, person, "consent", json_object_new_boolean (TRUE), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (request (session, state_uri, "GET", token, NULL, &state), ==, 200);
    g_assert_nonnull (strstr (state, "Le mot de Jeanne Martin"));
  }

  /* A second room on the same state file reopens as the first was. */
  {
    g_autofree char *dir = g_dir_make_tmp ("test-room-XXXXXX", &error);
    g_autofree char *path = g_build_filename (dir, "state.json", NULL);
    g_autoptr(V21Room) again = v21_room_new (workshop);
    g_autoptr(GPtrArray) waiting = NULL;
    g_autofree char *card_answer = NULL;

    g_assert_no_error (error);
    g_assert_true (v21_room_keep_state (room, path, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (request (session, uri, "POST", token, "{\"kind\": \"issue\", \"text\": \"Gardée\"}", &card_answer), ==, 201);
    g_assert_true (v21_room_keep_state (again, path, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (v21_room_get_code (again), ==, v21_room_get_code (room));
    waiting = v21_room_list_pending (again);
    g_assert_cmpuint (waiting->len, ==, 1);
    g_assert_nonnull (v21_room_accept (again, g_ptr_array_index (waiting, 0), &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_remove (path), ==, 0);
    g_assert_cmpint (g_rmdir (dir), ==, 0);
  }

  /* Both ends close their connections before the room goes. */
  g_clear_object (&session);
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 5; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  v21_room_stop (room);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/room/addresses", test_addresses);
  g_test_add_func ("/room/refuses-public", test_refuses_public);
  g_test_add_func ("/room/code", test_code);
  g_test_add_func ("/room/card-from-the-room", test_card_from_the_room);
  return g_test_run ();
}
