/* v21-room.c — the room server: the participants' page and its HTTP API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything that comes from the network is refused before it reaches the
 * workshop unless it is what a file could hold: bodies are small, declared in
 * advance, UTF-8, strict JSON objects; texts pass the file format's own checks.
 * The page is served from the application's resources with a strict
 * Content-Security-Policy; no cross-origin request is answered.
 */

#define G_LOG_DOMAIN "v21-room"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "v21-room.h"
#include "v21-room-resources.h"
#include "v21-capture.h"
#include "v21-cards.h"
#include "v21-consent-text.h"
#include "v21-file-io.h"
#include "v21-json-strict.h"
#include "v21-schema.h"
#include "v21-validate.h"
#include "v21-votes.h"

#define RESOURCE_PREFIX "/io/github/visions21/Atelier/room/"
/* libsoup 3.2 names no 429. */
#define STATUS_TOO_MANY_REQUESTS 429
#define CODE_ALPHABET "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

typedef struct
{
  char    *id;          /* "d1": what the facilitator sees */
  char    *token;       /* the secret the device sends */
  char    *table_id;
  gboolean blocked;
  double   allowance;   /* writes left now (token bucket) */
  gint64   checked;     /* monotonic time of the last refill */
} Device;

typedef enum
{
  POST_PENDING,
  POST_ACCEPTED,
  POST_REFUSED,
  POST_WITHDRAWN,
} PostStatus;

typedef struct
{
  char      *id;
  char      *device_id;
  char      *kind;
  char      *text;
  char      *table_id;
  char      *sequence_id;
  GDateTime *created;
  PostStatus status;
  char      *card_id;
} Post;

typedef struct
{
  guint  failures;
  gint64 since;
} JoinGuard;

struct _V21Room
{
  GObject         parent_instance;

  V21Workshop    *workshop;
  V21ConsentText *consent;     /* made again after each change of the workshop */
  SoupServer     *server;
  GPtrArray      *uris;
  guint           port;
  char           *code;
  char           *admin_key;
  GHashTable     *devices;     /* token → Device (owned) */
  GHashTable     *device_ids;  /* id → Device (borrowed) */
  GPtrArray      *posts;       /* Post (owned), in the order they came */
  GHashTable     *post_ids;    /* id → Post (borrowed) */
  GHashTable     *guards;      /* remote address → JoinGuard */
  guint           n_devices;
  guint           n_posts;
  guint           max_devices;
  gboolean        open;
  gboolean        has_timer;
  V21Timer        timer;
  char           *round_id;    /* the round the room votes in, NULL: the sequence's last */
  GPtrArray      *live;        /* SoupWebsocketConnection: told when something changed */
  char           *state_path;  /* where the room's state is kept, or NULL */
  guint           notify_source;
};

G_DEFINE_FINAL_TYPE (V21Room, v21_room, G_TYPE_OBJECT)

static gboolean save_state         (V21Room  *self,
                                    GError  **error);
static void     save_state_or_warn (V21Room  *self);

enum { INBOX_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
device_free (Device *device)
{
  g_free (device->id);
  g_free (device->token);
  g_free (device->table_id);
  g_free (device);
}

static void
post_free (Post *post)
{
  g_free (post->id);
  g_free (post->device_id);
  g_free (post->kind);
  g_free (post->text);
  g_free (post->table_id);
  g_free (post->sequence_id);
  g_clear_pointer (&post->created, g_date_time_unref);
  g_free (post->card_id);
  g_free (post);
}

/* Random text from the kernel's generator: tokens and codes must not be guessed. */
static char *
random_text (const char *alphabet,
             guint       length)
{
  guint8 bytes[64];
  gsize n = strlen (alphabet);
  char *text = g_malloc (length + 1);

  g_assert (length <= sizeof bytes);
  if (getrandom (bytes, length, 0) != (ssize_t) length)
    g_error ("the system's random generator failed");
  for (guint i = 0; i < length; i++)
    text[i] = alphabet[bytes[i] % n];   /* 256 % 31 leaves a bias too small to matter */
  text[length] = '\0';
  return text;
}

/* --- Live updates ----------------------------------------------------------
 * A WebSocket per device carries only the word "changed": the page then asks
 * for its state with its token, as it would when polling. Nothing is said on
 * the socket that the device could not ask for. */

static gboolean
notify_cb (gpointer data)
{
  V21Room *self = data;

  self->notify_source = 0;
  for (guint i = 0; i < self->live->len; i++)
    {
      SoupWebsocketConnection *connection = g_ptr_array_index (self->live, i);
      if (soup_websocket_connection_get_state (connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_send_text (connection, "changed");
    }
  return G_SOURCE_REMOVE;
}

static void
notify_live (V21Room *self)
{
  /* Many edits in a row (a merge, a group) make one message. */
  if (self->notify_source == 0 && self->live->len > 0)
    self->notify_source = g_timeout_add (100, notify_cb, self);
}

static void
live_closed_cb (SoupWebsocketConnection *connection,
                V21Room                 *self)
{
  g_signal_handlers_disconnect_by_data (connection, self);
  g_ptr_array_remove (self->live, connection);
}

static void
close_live (V21Room *self)
{
  g_autoptr(GPtrArray) live = g_steal_pointer (&self->live);

  self->live = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < live->len; i++)
    {
      SoupWebsocketConnection *connection = g_ptr_array_index (live, i);
      g_signal_handlers_disconnect_by_data (connection, self);
      if (soup_websocket_connection_get_state (connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
    }
  g_clear_handle_id (&self->notify_source, g_source_remove);
}

static void
live_cb (SoupServer              *server,
         SoupServerMessage       *msg,
         const char              *path,
         SoupWebsocketConnection *connection,
         gpointer                 data)
{
  V21Room *self = data;

  soup_websocket_connection_set_max_incoming_payload_size (connection, 1024);
  soup_websocket_connection_set_keepalive_interval (connection, 20);
  g_ptr_array_add (self->live, g_object_ref (connection));
  g_signal_connect (connection, "closed", G_CALLBACK (live_closed_cb), self);
}

static void
workshop_changed_cb (V21Room *self)
{
  notify_live (self);
}

/* Who may be named changes only with the people: the consent rule is made again
 * then, not at every card or vote. */
static void
people_changed_cb (V21Room *self)
{
  g_clear_pointer (&self->consent, v21_consent_text_free);
}

static void
v21_room_dispose (GObject *object)
{
  V21Room *self = V21_ROOM (object);

  v21_room_stop (self);
  if (self->workshop != NULL)
    g_signal_handlers_disconnect_by_data (self->workshop, self);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_room_parent_class)->dispose (object);
}

static void
v21_room_finalize (GObject *object)
{
  V21Room *self = V21_ROOM (object);

  g_clear_pointer (&self->consent, v21_consent_text_free);
  g_clear_pointer (&self->uris, g_ptr_array_unref);
  g_free (self->code);
  g_free (self->admin_key);
  g_hash_table_unref (self->device_ids);
  g_hash_table_unref (self->devices);
  g_hash_table_unref (self->post_ids);
  g_ptr_array_unref (self->posts);
  g_hash_table_unref (self->guards);
  g_free (self->round_id);
  g_ptr_array_unref (self->live);
  g_free (self->state_path);
  G_OBJECT_CLASS (v21_room_parent_class)->finalize (object);
}

static void
v21_room_class_init (V21RoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = v21_room_dispose;
  object_class->finalize = v21_room_finalize;
  signals[INBOX_CHANGED] = g_signal_new ("inbox-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
}

static void
v21_room_init (V21Room *self)
{
  self->devices = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) device_free);
  self->device_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->posts = g_ptr_array_new_with_free_func ((GDestroyNotify) post_free);
  self->post_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->guards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->live = g_ptr_array_new_with_free_func (g_object_unref);
  self->max_devices = V21_ROOM_DEVICES_MAX;
  self->code = random_text (CODE_ALPHABET, V21_ROOM_CODE_LENGTH);
  self->admin_key = random_text ("0123456789abcdef", 32);
}

V21Room *
v21_room_new (V21Workshop *workshop)
{
  static gsize registered = 0;
  V21Room *self;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  if (g_once_init_enter (&registered))
    {
      v21_room_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  self = g_object_new (V21_TYPE_ROOM, NULL);
  self->workshop = g_object_ref (workshop);
  g_signal_connect_swapped (workshop, "changed", G_CALLBACK (workshop_changed_cb), self);
  g_signal_connect_swapped (workshop, "record-changed::people", G_CALLBACK (people_changed_cb), self);
  return self;
}

static void
inbox_changed (V21Room *self)
{
  notify_live (self);
  g_signal_emit (self, signals[INBOX_CHANGED], 0);
}

/* --- Answers ------------------------------------------------------------- */

static void
set_common_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "Content-Security-Policy",
                                "default-src 'none'; script-src 'self'; style-src 'self'; "
                                "img-src 'self'; connect-src 'self'; base-uri 'none'; "
                                "form-action 'none'; frame-ancestors 'none'");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "X-Frame-Options", "DENY");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "Cross-Origin-Resource-Policy", "same-origin");
  soup_message_headers_replace (headers, "Cross-Origin-Opener-Policy", "same-origin");
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
}

static void
respond_json (SoupServerMessage *msg,
              guint              status,
              json_object       *body)   /* stolen */
{
  const char *text = json_object_to_json_string_ext (body, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);

  set_common_headers (msg);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_COPY, text, strlen (text));
  json_object_put (body);
}

/* @code is for the page (which says it in the participant's language), @message
 * for a person reading the API. */
static void
respond_error (SoupServerMessage *msg,
               guint              status,
               const char        *code,
               const char        *message)
{
  json_object *body = json_object_new_object ();

  json_object_object_add (body, "error", json_object_new_string (code));
  json_object_object_add (body, "message", json_object_new_string (message));
  respond_json (msg, status, body);
}

static void
respond_resource (SoupServerMessage *msg,
                  const char        *name,
                  const char        *content_type)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  gsize size = 0;
  const char *data;

  if (bytes == NULL)
    {
      respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "No such page");
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  set_common_headers (msg);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, data, size);
}

/* --- What may come in ---------------------------------------------------- */

static gboolean
host_is_literal (const char *host)
{
  g_autofree char *name = NULL;
  g_autoptr(GInetAddress) address = NULL;
  const char *colon;

  if (host == NULL)
    return FALSE;
  if (host[0] == '[')
    {
      const char *end = strchr (host, ']');
      if (end == NULL)
        return FALSE;
      name = g_strndup (host + 1, end - host - 1);
    }
  else if ((colon = strchr (host, ':')) != NULL)
    name = g_strndup (host, colon - host);
  else
    name = g_strdup (host);
  if (g_ascii_strcasecmp (name, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (name);
  return address != NULL;
}

static gboolean
peer_is_loopback (SoupServerMessage *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);

  return G_IS_INET_SOCKET_ADDRESS (remote)
         && g_inet_address_get_is_loopback (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)));
}

/* Run once the headers are in, before any body is read: refuses what must not be
 * read at all. Setting a status here skips the body and the handler. */
static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *host = soup_message_headers_get_one (headers, "Host");
  const char *origin = soup_message_headers_get_one (headers, "Origin");

  if (!G_IS_INET_SOCKET_ADDRESS (remote)
      || !v21_room_address_is_local (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote))))
    {
      respond_error (msg, SOUP_STATUS_FORBIDDEN, "not_local", "Only the local network may join the room");
      return;
    }
  /* A name other than an address or localhost is a page elsewhere that made its
   * name point here (DNS rebinding): the room has no name. */
  if (!host_is_literal (host))
    {
      respond_error (msg, SOUP_STATUS_MISDIRECTED_REQUEST, "bad_host", "The room answers to its address only");
      return;
    }
  if (origin != NULL)
    {
      g_autofree char *expected = g_strconcat ("http://", host, NULL);
      if (g_ascii_strcasecmp (origin, expected) != 0)
        {
          respond_error (msg, SOUP_STATUS_FORBIDDEN, "cross_origin", "Requests from other sites are refused");
          return;
        }
    }
  if (strcmp (path, "/api/live") == 0)
    {
      V21Room *self = data;
      const char *token = query != NULL ? g_hash_table_lookup (query, "token") : NULL;
      Device *device = token != NULL ? g_hash_table_lookup (self->devices, token) : NULL;

      if (device == NULL || device->blocked)
        respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "bad_token", "This device is not in the room (any more): join again");
      else if (self->live->len >= 2 * self->max_devices)
        respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "room_full", "The room is full");
      return;
    }
  if (strcmp (method, "POST") == 0 || strcmp (method, "PUT") == 0)
    {
      if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
        {
          respond_error (msg, SOUP_STATUS_LENGTH_REQUIRED, "length_required", "Give the body's Content-Length");
          return;
        }
      if (soup_message_headers_get_content_length (headers) > V21_ROOM_BODY_MAX_BYTES)
        {
          respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large", "The body is over 4 KiB");
          return;
        }
    }
}

/* The body as a JSON object, or NULL with the answer given. */
static json_object *
read_body (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  json_tokener *tokener;
  json_object *value;
  const char *data;
  gsize length = 0;

  if (g_strcmp0 (type, "application/json") != 0)
    {
      respond_error (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "not_json", "Send application/json");
      return NULL;
    }
  bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  data = g_bytes_get_data (bytes, &length);
  if (length > V21_ROOM_BODY_MAX_BYTES)
    {
      respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large", "The body is over 4 KiB");
      return NULL;
    }
  if (length == 0 || !g_utf8_validate_len (data, length, NULL))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_utf8", "The body is not UTF-8 text");
      return NULL;
    }
  /* The file format's own rules: no duplicate key, no NUL, no lone surrogate… */
  problems = v21_problems_new ();
  if (!_v21_json_check_strict (data, length, problems))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_json", "The body is not valid JSON");
      return NULL;
    }
  tokener = json_tokener_new_ex (4);
  value = json_tokener_parse_ex (tokener, data, (int) length);
  if (value == NULL || json_tokener_get_error (tokener) != json_tokener_success
      || json_tokener_get_parse_end (tokener) != length || !json_object_is_type (value, json_type_object))
    {
      json_object_put (value);
      json_tokener_free (tokener);
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_json", "The body is not a JSON object");
      return NULL;
    }
  json_tokener_free (tokener);
  return value;
}

static const char *
body_string (json_object *body,
             const char  *key)
{
  json_object *value = NULL;

  if (!json_object_object_get_ex (body, key, &value) || !json_object_is_type (value, json_type_string))
    return NULL;
  return json_object_get_string (value);
}

static Device *
find_device (V21Room           *self,
             SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  Device *device;

  if (authorization == NULL || !g_str_has_prefix (authorization, "Bearer "))
    {
      respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "no_token", "Join the room first");
      return NULL;
    }
  device = g_hash_table_lookup (self->devices, authorization + strlen ("Bearer "));
  if (device == NULL)
    {
      respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "bad_token", "This device is not in the room (any more): join again");
      return NULL;
    }
  if (device->blocked)
    {
      respond_error (msg, SOUP_STATUS_FORBIDDEN, "blocked", "The facilitator blocked this device");
      return NULL;
    }
  return device;
}

/* A write by @device: whether its allowance has room (one more every few seconds). */
static gboolean
take_allowance (SoupServerMessage *msg,
                Device            *device)
{
  gint64 now = g_get_monotonic_time ();

  device->allowance = MIN ((double) V21_ROOM_BURST,
                           device->allowance + (double) (now - device->checked) / (V21_ROOM_REFILL_SECONDS * G_USEC_PER_SEC));
  device->checked = now;
  if (device->allowance < 1.0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "3");
      respond_error (msg, STATUS_TOO_MANY_REQUESTS, "too_fast", "Too many requests from this device: wait a few seconds");
      return FALSE;
    }
  device->allowance -= 1.0;
  return TRUE;
}

static char *
remote_key (SoupServerMessage *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);

  if (!G_IS_INET_SOCKET_ADDRESS (remote))
    return g_strdup ("?");
  return g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)));
}

/* Whether @code is the room's; wrong codes from one address are limited so that
 * the code cannot be found by trying. */
static gboolean
check_code (V21Room           *self,
            SoupServerMessage *msg,
            json_object       *body)
{
  g_autofree char *key = remote_key (msg);
  JoinGuard *guard = g_hash_table_lookup (self->guards, key);
  gint64 now = g_get_monotonic_time ();
  const char *given = body_string (body, "code");
  g_autoptr(GString) code = g_string_new (NULL);

  if (guard != NULL && now - guard->since > 60 * G_USEC_PER_SEC)
    {
      guard->failures = 0;
      guard->since = now;
    }
  if (guard != NULL && guard->failures >= V21_ROOM_JOIN_FAILURES)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "60");
      respond_error (msg, STATUS_TOO_MANY_REQUESTS, "too_many_codes", "Too many wrong codes: wait a minute");
      return FALSE;
    }
  /* Typed on a phone: case, spaces and dashes do not matter. */
  for (const char *p = given; p != NULL && *p != '\0'; p++)
    if (*p != ' ' && *p != '-')
      g_string_append_c (code, g_ascii_toupper (*p));
  if (given != NULL && strcmp (code->str, self->code) == 0)
    return TRUE;
  if (guard == NULL)
    {
      guard = g_new0 (JoinGuard, 1);
      guard->since = now;
      g_hash_table_insert (self->guards, g_steal_pointer (&key), guard);
    }
  guard->failures++;
  respond_error (msg, SOUP_STATUS_FORBIDDEN, "bad_code", "This is not the room's code");
  return FALSE;
}

/* --- The room's content, as the room may see it --------------------------- */

static char *
room_text (V21Room    *self,
           const char *text)
{
  if (self->consent == NULL)
    self->consent = v21_consent_text_new (self->workshop);
  return v21_consent_text_apply (self->consent, text);
}

static void
add_text (V21Room     *self,
          json_object *object,
          const char  *key,
          const char  *text)
{
  g_autofree char *shown = room_text (self, text != NULL ? text : "");

  json_object_object_add (object, key, json_object_new_string (shown != NULL ? shown : ""));
}

static json_object *
tables_json (V21Room *self)
{
  V21Collection *tables = v21_workshop_get_collection (self->workshop, "tables");
  json_object *array = json_object_new_array ();

  for (guint i = 0; i < v21_collection_get_n (tables); i++)
    {
      V21Record *table = v21_collection_get (tables, i);
      json_object *item = json_object_new_object ();

      json_object_object_add (item, "id", json_object_new_string (v21_record_get_id (table)));
      add_text (self, item, "name", v21_text (table, "name"));
      json_object_array_add (array, item);
    }
  return array;
}

/* The card kinds the current sequence asks for: its exercise's outputs, else all. */
static GPtrArray *
sequence_kinds (V21Room   *self,
                V21Record *sequence)
{
  GPtrArray *kinds = g_ptr_array_new ();
  const char *exercise_id = sequence != NULL ? v21_record_get_string (sequence, "exercise") : NULL;
  V21Record *exercise = exercise_id != NULL ? v21_workshop_lookup (self->workshop, exercise_id) : NULL;
  json_object *outputs = exercise != NULL ? v21_record_get_value (exercise, "outputs") : NULL;

  for (gsize i = 0; outputs != NULL && json_object_is_type (outputs, json_type_array)
                    && i < json_object_array_length (outputs); i++)
    g_ptr_array_add (kinds, (gpointer) json_object_get_string (json_object_array_get_idx (outputs, i)));
  if (kinds->len == 0)
    for (const char * const *k = v21_card_kinds (); *k != NULL; k++)
      g_ptr_array_add (kinds, (gpointer) *k);
  return kinds;
}

static gboolean
kind_allowed (GPtrArray  *kinds,
              const char *kind)
{
  for (guint i = 0; kind != NULL && i < kinds->len; i++)
    if (strcmp (g_ptr_array_index (kinds, i), kind) == 0)
      return TRUE;
  return FALSE;
}

/* The round the room votes in: the one opened from the room, else the current
 * sequence's last. */
static V21Record *
current_round (V21Room *self)
{
  V21Collection *rounds = v21_workshop_get_collection (self->workshop, "vote_rounds");
  V21Record *sequence = v21_sequence_current (self->workshop);
  V21Record *round = self->round_id != NULL ? v21_workshop_lookup (self->workshop, self->round_id) : NULL;

  if (round != NULL && g_strcmp0 (v21_record_get_collection (round), "vote_rounds") == 0)
    return round;
  for (guint i = v21_collection_get_n (rounds); sequence != NULL && i > 0; i--)
    {
      V21Record *r = v21_collection_get (rounds, i - 1);
      if (g_strcmp0 (v21_record_get_string (r, "sequence"), v21_record_get_id (sequence)) == 0)
        return r;
    }
  return NULL;
}

static const char *
target_label (V21Record *target)
{
  if (g_strcmp0 (v21_record_get_collection (target), "clusters") == 0)
    return v21_text (target, "name");
  return v21_text (target, "text");
}

static json_object *
round_json (V21Room   *self,
            V21Record *round,
            Device    *device)
{
  json_object *object = json_object_new_object ();
  json_object *targets = json_object_new_array ();
  json_object *ids = v21_record_get_value (round, "targets");
  V21Record *table = v21_workshop_lookup (self->workshop, device->table_id);
  gboolean by_tables = g_strcmp0 (v21_record_get_string (round, "voters"), "tables") == 0;
  gboolean revealed = v21_record_get_bool (round, "revealed");

  json_object_object_add (object, "id", json_object_new_string (v21_record_get_id (round)));
  add_text (self, object, "title", v21_text (round, "title"));
  json_object_object_add (object, "method", json_object_new_string (v21_text (round, "method")));
  json_object_object_add (object, "budget", json_object_new_int64 (v21_record_get_int (round, "budget", 0)));
  json_object_object_add (object, "can_vote", json_object_new_boolean (by_tables && table != NULL && !revealed));
  json_object_object_add (object, "used", json_object_new_int64 (by_tables && table != NULL ? v21_votes_used (self->workshop, round, table) : 0));
  json_object_object_add (object, "revealed", json_object_new_boolean (revealed));
  for (gsize i = 0; ids != NULL && json_object_is_type (ids, json_type_array) && i < json_object_array_length (ids); i++)
    {
      V21Record *target = v21_workshop_lookup (self->workshop, json_object_get_string (json_object_array_get_idx (ids, i)));
      json_object *item;

      if (target == NULL)
        continue;
      item = json_object_new_object ();
      json_object_object_add (item, "id", json_object_new_string (v21_record_get_id (target)));
      add_text (self, item, "text", target_label (target));
      json_object_object_add (item, "mine", json_object_new_int64 (by_tables && table != NULL ? v21_votes_get_count (self->workshop, round, table, target) : 0));
      json_object_array_add (targets, item);
    }
  json_object_object_add (object, "targets", targets);
  /* Seeing the others' votes biases a vote: no count leaves before the reveal. */
  if (revealed)
    {
      g_autoptr(V21VoteResults) results = v21_vote_results_new (self->workshop, round);
      json_object *array = json_object_new_array ();

      for (guint i = 0; i < results->n_tallies; i++)
        {
          json_object *item = json_object_new_object ();

          json_object_object_add (item, "id", json_object_new_string (v21_record_get_id (results->tallies[i].target)));
          add_text (self, item, "text", results->tallies[i].label);
          json_object_object_add (item, "total", json_object_new_int64 (results->tallies[i].total));
          json_object_object_add (item, "rank", json_object_new_int64 (results->tallies[i].rank));
          json_object_array_add (array, item);
        }
      json_object_object_add (object, "results", array);
    }
  return object;
}

static const char *
post_status_name (PostStatus status)
{
  switch (status)
    {
    case POST_PENDING: return "pending";
    case POST_ACCEPTED: return "accepted";
    case POST_REFUSED: return "refused";
    case POST_WITHDRAWN: return "withdrawn";
    default: g_assert_not_reached ();
    }
}

static json_object *
post_json (Post *post)
{
  json_object *object = json_object_new_object ();

  json_object_object_add (object, "id", json_object_new_string (post->id));
  json_object_object_add (object, "kind", json_object_new_string (post->kind));
  json_object_object_add (object, "text", json_object_new_string (post->text));
  json_object_object_add (object, "status", json_object_new_string (post_status_name (post->status)));
  json_object_object_add (object, "table", json_object_new_string (post->table_id));
  json_object_object_add (object, "device", json_object_new_string (post->device_id));
  return object;
}

static json_object *
state_json (V21Room *self,
            Device  *device)
{
  json_object *state = json_object_new_object ();
  json_object *sequence_object = json_object_new_object ();
  json_object *kinds_array = json_object_new_array ();
  json_object *cards = json_object_new_array ();
  V21Record *sequence = v21_sequence_current (self->workshop);
  V21Record *table = v21_workshop_lookup (self->workshop, device->table_id);
  V21Record *round = current_round (self);
  g_autoptr(GPtrArray) kinds = sequence_kinds (self, sequence);

  add_text (self, state, "workshop", v21_workshop_get_title (self->workshop));
  add_text (self, state, "table", table != NULL ? v21_text (table, "name") : "");
  if (sequence != NULL)
    {
      json_object_object_add (sequence_object, "id", json_object_new_string (v21_record_get_id (sequence)));
      add_text (self, sequence_object, "title", v21_text (sequence, "title"));
      add_text (self, sequence_object, "instructions", v21_text (sequence, "instructions"));
      json_object_object_add (sequence_object, "minutes", json_object_new_int64 (v21_record_get_int (sequence, "minutes", 0)));
      if (self->has_timer && v21_timer_is_started (&self->timer))
        json_object_object_add (sequence_object, "remaining_seconds",
                                json_object_new_int64 (v21_timer_remaining (&self->timer, g_get_monotonic_time ()) / G_USEC_PER_SEC));
      else
        json_object_object_add (sequence_object, "remaining_seconds", NULL);
      json_object_object_add (sequence_object, "running",
                              json_object_new_boolean (self->has_timer && self->timer.running));
    }
  for (guint i = 0; i < kinds->len; i++)
    json_object_array_add (kinds_array, json_object_new_string (g_ptr_array_index (kinds, i)));
  json_object_object_add (sequence_object, "kinds", kinds_array);
  json_object_object_add (state, "sequence", sequence != NULL ? sequence_object : NULL);
  if (sequence == NULL)
    json_object_put (sequence_object);
  for (guint i = 0; i < self->posts->len; i++)
    {
      Post *post = g_ptr_array_index (self->posts, i);
      if (strcmp (post->device_id, device->id) == 0 && post->status != POST_WITHDRAWN)
        json_object_array_add (cards, post_json (post));
    }
  json_object_object_add (state, "cards", cards);
  json_object_object_add (state, "limit", json_object_new_int (V21_ROOM_TEXT_MAX_CHARS));
  json_object_object_add (state, "round", round != NULL ? round_json (self, round, device) : NULL);
  return state;
}

/* --- Cards from the room -------------------------------------------------- */

/* The text of a card from the room, checked as a file's would be; NULL with the
 * answer given. */
static char *
checked_text (SoupServerMessage *msg,
              json_object       *body)
{
  json_object *value = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) problems = v21_problems_new ();
  g_autoptr(json_object) as_json = NULL;
  const V21Field *field = v21_kind_field (v21_schema_lookup ("cards"), "text");

  if (!json_object_object_get_ex (body, "text", &value) || !json_object_is_type (value, json_type_string))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "no_text", "Give the card's text");
      return NULL;
    }
  if ((gsize) json_object_get_string_len (value) != strlen (json_object_get_string (value)))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_text", "The text holds a NUL character");
      return NULL;
    }
  text = g_strstrip (g_strdup (json_object_get_string (value)));
  if (*text == '\0')
    {
      respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "empty", "A card needs a text");
      return NULL;
    }
  if (g_utf8_strlen (text, -1) > V21_ROOM_TEXT_MAX_CHARS)
    {
      respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "too_long", "A card holds at most 500 characters");
      return NULL;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != '\n' && (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029))
        {
          respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "bad_text", "The text holds a control character");
          return NULL;
        }
    }
  as_json = json_object_new_string (text);
  v21_validate_value (field, as_json, "$.text", problems);
  if (problems->len > 0)
    {
      V21Problem *problem = g_ptr_array_index (problems, 0);
      respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "bad_text", problem->message);
      return NULL;
    }
  return g_steal_pointer (&text);
}

static V21Record *
accept_post (V21Room  *self,
             Post     *post,
             GError  **error)
{
  V21Record *table = v21_workshop_lookup (self->workshop, post->table_id);
  V21Record *sequence = post->sequence_id != NULL ? v21_workshop_lookup (self->workshop, post->sequence_id) : NULL;
  V21Record *card;

  if (post->status != POST_PENDING)
    {
      g_set_error_literal (error, V21_ERROR, V21_ERROR_VALUE, _("This card from the room is no longer waiting"));
      return NULL;
    }
  /* The scribe's own way in: the same checks, one undo step, saved with the rest. */
  card = v21_capture_add_card (self->workshop, post->kind, post->text,
                               table != NULL && g_strcmp0 (v21_record_get_collection (table), "tables") == 0 ? table : NULL,
                               sequence, post->created, error);
  if (card == NULL)
    return NULL;
  post->status = POST_ACCEPTED;
  post->card_id = g_strdup (v21_record_get_id (card));
  save_state_or_warn (self);
  inbox_changed (self);
  return card;
}

static void
post_card (V21Room           *self,
           SoupServerMessage *msg,
           Device            *device)
{
  g_autoptr(json_object) body = read_body (msg);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) kinds = NULL;
  V21Record *sequence;
  const char *kind;
  guint pending = 0;
  Post *post;

  if (body == NULL || !take_allowance (msg, device))
    return;
  sequence = v21_sequence_current (self->workshop);
  kinds = sequence_kinds (self, sequence);
  kind = body_string (body, "kind");
  if (!kind_allowed (kinds, kind))
    {
      respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "bad_kind", "This sequence does not ask for cards of this kind");
      return;
    }
  if ((text = checked_text (msg, body)) == NULL)
    return;
  for (guint i = 0; i < self->posts->len; i++)
    {
      Post *p = g_ptr_array_index (self->posts, i);
      if (p->status == POST_PENDING && strcmp (p->device_id, device->id) == 0)
        pending++;
    }
  if (pending >= V21_ROOM_POSTS_PER_DEVICE)
    {
      respond_error (msg, STATUS_TOO_MANY_REQUESTS, "inbox_full", "50 cards of this device are waiting: wait until the facilitator takes them");
      return;
    }
  post = g_new0 (Post, 1);
  post->id = g_strdup_printf ("p%u", ++self->n_posts);
  post->device_id = g_strdup (device->id);
  post->kind = g_strdup (kind);
  post->text = g_steal_pointer (&text);
  post->table_id = g_strdup (device->table_id);
  post->sequence_id = sequence != NULL ? g_strdup (v21_record_get_id (sequence)) : NULL;
  post->created = g_date_time_new_now_local ();
  post->status = POST_PENDING;
  g_ptr_array_add (self->posts, post);
  g_hash_table_insert (self->post_ids, post->id, post);
  /* On disk before the device hears it arrived. */
  if (!save_state (self, NULL))
    {
      g_hash_table_remove (self->post_ids, post->id);
      g_ptr_array_remove (self->posts, post);
      respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "not_saved", "The room could not keep this card: try again");
      return;
    }
  if (self->open)
    {
      g_autoptr(GError) error = NULL;
      if (accept_post (self, post, &error) == NULL)
        {
          post->status = POST_REFUSED;
          respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "bad_text", error->message);
          return;
        }
    }
  else
    inbox_changed (self);
  respond_json (msg, SOUP_STATUS_CREATED, post_json (post));
}

static Post *
own_post (V21Room           *self,
          SoupServerMessage *msg,
          Device            *device,
          const char        *id)
{
  Post *post = g_hash_table_lookup (self->post_ids, id);

  /* Another device's card is not found, rather than forbidden: ids say nothing. */
  if (post == NULL || strcmp (post->device_id, device->id) != 0 || post->status == POST_WITHDRAWN)
    {
      respond_error (msg, SOUP_STATUS_NOT_FOUND, "no_card", "No such card from this device");
      return NULL;
    }
  if (post->status != POST_PENDING)
    {
      respond_error (msg, SOUP_STATUS_CONFLICT, "taken", "The facilitator has already taken this card");
      return NULL;
    }
  return post;
}

static void
edit_card (V21Room           *self,
           SoupServerMessage *msg,
           Device            *device,
           const char        *id)
{
  g_autoptr(json_object) body = read_body (msg);
  g_autofree char *text = NULL;
  const char *kind;
  Post *post;

  if (body == NULL || !take_allowance (msg, device) || (post = own_post (self, msg, device, id)) == NULL)
    return;
  kind = body_string (body, "kind");
  if (kind != NULL)
    {
      g_autoptr(GPtrArray) kinds = sequence_kinds (self, v21_sequence_current (self->workshop));
      if (!kind_allowed (kinds, kind))
        {
          respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "bad_kind", "This sequence does not ask for cards of this kind");
          return;
        }
    }
  if ((text = checked_text (msg, body)) == NULL)
    return;
  g_free (post->text);
  post->text = g_steal_pointer (&text);
  if (kind != NULL)
    {
      g_free (post->kind);
      post->kind = g_strdup (kind);
    }
  save_state_or_warn (self);
  inbox_changed (self);
  respond_json (msg, SOUP_STATUS_OK, post_json (post));
}

static void
withdraw_card (V21Room           *self,
               SoupServerMessage *msg,
               Device            *device,
               const char        *id)
{
  Post *post;

  if (!take_allowance (msg, device) || (post = own_post (self, msg, device, id)) == NULL)
    return;
  post->status = POST_WITHDRAWN;
  save_state_or_warn (self);
  inbox_changed (self);
  respond_json (msg, SOUP_STATUS_OK, post_json (post));
}

static void
put_vote (V21Room           *self,
          SoupServerMessage *msg,
          Device            *device)
{
  g_autoptr(json_object) body = read_body (msg);
  g_autoptr(GError) error = NULL;
  json_object *count = NULL;
  V21Record *round;
  V21Record *table;
  V21Record *target;
  const char *target_id;

  if (body == NULL || !take_allowance (msg, device))
    return;
  round = current_round (self);
  table = v21_workshop_lookup (self->workshop, device->table_id);
  if (round == NULL || table == NULL || g_strcmp0 (v21_record_get_string (round, "voters"), "tables") != 0
      || v21_record_get_bool (round, "revealed"))
    {
      respond_error (msg, SOUP_STATUS_CONFLICT, "no_vote", "No vote is open for the tables now");
      return;
    }
  target_id = body_string (body, "target");
  target = target_id != NULL ? v21_workshop_lookup (self->workshop, target_id) : NULL;
  if (!json_object_object_get_ex (body, "count", &count) || !json_object_is_type (count, json_type_int))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_count", "Give the count as a whole number");
      return;
    }
  if (target == NULL)
    {
      respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "bad_target", "This is not one of the vote's choices");
      return;
    }
  errno = 0;
  if (json_object_get_int64 (count) < 0 || json_object_get_int64 (count) > 100 || errno != 0)
    {
      respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "bad_count", "A count goes from 0 to the budget");
      return;
    }
  /* The budget is the application's rule, not the page's. */
  if (!v21_votes_set_count (self->workshop, round, table, target, json_object_get_int64 (count), &error))
    {
      respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "over_budget", error->message);
      return;
    }
  respond_json (msg, SOUP_STATUS_OK, round_json (self, round, device));
}

static void
join (V21Room           *self,
      SoupServerMessage *msg,
      gboolean           with_table)
{
  g_autoptr(json_object) body = read_body (msg);
  json_object *answer;
  const char *table_id;
  V21Record *table;
  Device *device;

  if (body == NULL || !check_code (self, msg, body))
    return;
  if (!with_table)
    {
      answer = json_object_new_object ();
      add_text (self, answer, "workshop", v21_workshop_get_title (self->workshop));
      json_object_object_add (answer, "tables", tables_json (self));
      respond_json (msg, SOUP_STATUS_OK, answer);
      return;
    }
  table_id = body_string (body, "table");
  table = table_id != NULL ? v21_workshop_lookup (self->workshop, table_id) : NULL;
  if (table == NULL || g_strcmp0 (v21_record_get_collection (table), "tables") != 0)
    {
      respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "bad_table", "Choose one of the room's tables");
      return;
    }
  if (g_hash_table_size (self->devices) >= self->max_devices)
    {
      respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "room_full", "The room is full");
      return;
    }
  device = g_new0 (Device, 1);
  device->id = g_strdup_printf ("d%u", ++self->n_devices);
  device->token = random_text ("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 32);
  device->table_id = g_strdup (table_id);
  device->allowance = V21_ROOM_BURST;
  device->checked = g_get_monotonic_time ();
  g_hash_table_insert (self->devices, device->token, device);
  g_hash_table_insert (self->device_ids, device->id, device);
  if (!save_state (self, NULL))
    {
      g_hash_table_remove (self->device_ids, device->id);
      g_hash_table_remove (self->devices, device->token);
      respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "not_saved", "The room could not keep this: try again");
      return;
    }
  answer = json_object_new_object ();
  json_object_object_add (answer, "token", json_object_new_string (device->token));
  json_object_object_add (answer, "device", json_object_new_string (device->id));
  json_object_object_add (answer, "table", json_object_new_string (table_id));
  respond_json (msg, SOUP_STATUS_CREATED, answer);
}

/* --- The facilitator's side ----------------------------------------------- */

static gboolean
check_admin (V21Room           *self,
             SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  gsize n = strlen (self->admin_key);
  guint8 diff = 0;

  if (!peer_is_loopback (msg))
    {
      respond_error (msg, SOUP_STATUS_FORBIDDEN, "not_facilitator", "The facilitator's calls come from this computer only");
      return FALSE;
    }
  if (authorization == NULL || !g_str_has_prefix (authorization, "Bearer ")
      || strlen (authorization + 7) != n)
    diff = 1;
  else
    for (gsize i = 0; i < n; i++)
      diff |= (guint8) (authorization[7 + i] ^ self->admin_key[i]);
  if (diff != 0)
    {
      respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "not_facilitator", "Give the facilitator's key");
      return FALSE;
    }
  return TRUE;
}

static void
admin_inbox (V21Room           *self,
             SoupServerMessage *msg)
{
  json_object *answer = json_object_new_object ();
  json_object *pending = json_object_new_array ();

  for (guint i = 0; i < self->posts->len; i++)
    {
      Post *post = g_ptr_array_index (self->posts, i);
      if (post->status == POST_PENDING)
        json_object_array_add (pending, post_json (post));
    }
  json_object_object_add (answer, "open", json_object_new_boolean (self->open));
  json_object_object_add (answer, "devices", json_object_new_int (g_hash_table_size (self->devices)));
  json_object_object_add (answer, "pending", pending);
  respond_json (msg, SOUP_STATUS_OK, answer);
}

static void
admin_create_round (V21Room           *self,
                    SoupServerMessage *msg)
{
  g_autoptr(json_object) body = read_body (msg);
  g_autoptr(GError) error = NULL;
  json_object *budget = NULL;
  const char *method;
  V21Record *round;
  json_object *answer;

  if (body == NULL)
    return;
  method = body_string (body, "method");
  if (!json_object_object_get_ex (body, "budget", &budget) || !json_object_is_type (budget, json_type_int))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_budget", "Give the budget as a whole number");
      return;
    }
  round = v21_vote_round_create (self->workshop, body_string (body, "title"), "cards", body_string (body, "card_kind"),
                                 v21_sequence_current (self->workshop), method != NULL ? method : "dots",
                                 (int) CLAMP (json_object_get_int64 (budget), -1, 1000), "tables", &error);
  if (round == NULL)
    {
      respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "bad_round", error->message);
      return;
    }
  g_free (self->round_id);
  self->round_id = g_strdup (v21_record_get_id (round));
  save_state_or_warn (self);
  answer = json_object_new_object ();
  json_object_object_add (answer, "id", json_object_new_string (self->round_id));
  json_object_object_add (answer, "targets", json_object_get (v21_record_get_value (round, "targets")));
  respond_json (msg, SOUP_STATUS_CREATED, answer);
}

static void
handle_admin (V21Room           *self,
              SoupServerMessage *msg,
              const char        *method,
              char             **parts,   /* after "api", "admin" */
              guint              n)
{
  g_autoptr(GError) error = NULL;

  if (!check_admin (self, msg))
    return;
  if (n == 1 && strcmp (parts[0], "inbox") == 0 && strcmp (method, "GET") == 0)
    admin_inbox (self, msg);
  else if (n == 3 && strcmp (parts[0], "inbox") == 0 && strcmp (method, "POST") == 0
           && (strcmp (parts[2], "accept") == 0 || strcmp (parts[2], "refuse") == 0))
    {
      gboolean accept = strcmp (parts[2], "accept") == 0;
      V21Record *card = NULL;

      if (accept ? (card = v21_room_accept (self, parts[1], &error)) == NULL : !v21_room_refuse (self, parts[1], &error))
        respond_error (msg, SOUP_STATUS_CONFLICT, "not_waiting", error->message);
      else
        {
          json_object *answer = json_object_new_object ();
          json_object_object_add (answer, "card", card != NULL ? json_object_new_string (v21_record_get_id (card)) : NULL);
          respond_json (msg, SOUP_STATUS_OK, answer);
        }
    }
  else if (n == 1 && strcmp (parts[0], "rounds") == 0 && strcmp (method, "POST") == 0)
    admin_create_round (self, msg);
  else if (n == 3 && strcmp (parts[0], "rounds") == 0 && strcmp (parts[2], "reveal") == 0 && strcmp (method, "POST") == 0)
    {
      V21Record *round = v21_workshop_lookup (self->workshop, parts[1]);

      if (round == NULL || g_strcmp0 (v21_record_get_collection (round), "vote_rounds") != 0)
        respond_error (msg, SOUP_STATUS_NOT_FOUND, "no_round", "No such vote round");
      else if (!v21_vote_round_reveal (self->workshop, round, TRUE, &error))
        respond_error (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, "bad_round", error->message);
      else
        respond_json (msg, SOUP_STATUS_OK, json_object_new_object ());
    }
  else if (n == 1 && strcmp (parts[0], "rotate") == 0 && strcmp (method, "POST") == 0)
    {
      json_object *answer = json_object_new_object ();
      v21_room_rotate_code (self);
      json_object_object_add (answer, "code", json_object_new_string (self->code));
      respond_json (msg, SOUP_STATUS_OK, answer);
    }
  else if (n == 3 && strcmp (parts[0], "devices") == 0 && strcmp (parts[2], "block") == 0 && strcmp (method, "POST") == 0)
    {
      if (!v21_room_block_device (self, parts[1], &error))
        respond_error (msg, SOUP_STATUS_NOT_FOUND, "no_device", error->message);
      else
        respond_json (msg, SOUP_STATUS_OK, json_object_new_object ());
    }
  else
    respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "No such call");
}

/* --- Dispatch --------------------------------------------------------------- */

static void
handle_api (V21Room           *self,
            SoupServerMessage *msg,
            const char        *method,
            const char        *path)
{
  g_auto(GStrv) parts = g_strsplit (path + strlen ("/api/"), "/", 8);
  guint n = g_strv_length (parts);
  gboolean get = strcmp (method, "GET") == 0;
  gboolean post = strcmp (method, "POST") == 0;
  gboolean put = strcmp (method, "PUT") == 0;
  gboolean delete = strcmp (method, "DELETE") == 0;
  Device *device;

  if (n >= 2 && strcmp (parts[0], "admin") == 0)
    {
      handle_admin (self, msg, method, parts + 1, n - 1);
      return;
    }
  if (n == 1 && strcmp (parts[0], "tables") == 0)
    {
      if (post)
        join (self, msg, FALSE);
      else
        respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "bad_method", "Use POST");
      return;
    }
  if (n == 1 && strcmp (parts[0], "join") == 0)
    {
      if (post)
        join (self, msg, TRUE);
      else
        respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "bad_method", "Use POST");
      return;
    }
  if (!((n == 1 && (strcmp (parts[0], "state") == 0 || strcmp (parts[0], "cards") == 0
                    || strcmp (parts[0], "votes") == 0))
        || (n == 2 && strcmp (parts[0], "cards") == 0)))
    {
      respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "No such call");
      return;
    }
  if ((device = find_device (self, msg)) == NULL)
    return;
  if (n == 1 && strcmp (parts[0], "state") == 0 && get)
    respond_json (msg, SOUP_STATUS_OK, state_json (self, device));
  else if (n == 1 && strcmp (parts[0], "cards") == 0 && post)
    post_card (self, msg, device);
  else if (n == 2 && put)
    edit_card (self, msg, device, parts[1]);
  else if (n == 2 && delete)
    withdraw_card (self, msg, device, parts[1]);
  else if (n == 1 && strcmp (parts[0], "votes") == 0 && put)
    put_vote (self, msg, device);
  else
    respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "bad_method", "This call does not take this method");
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           data)
{
  V21Room *self = data;
  const char *method = soup_server_message_get_method (msg);

  if (g_str_has_prefix (path, "/api/"))
    {
      handle_api (self, msg, method, path);
      return;
    }
  if (strcmp (method, "GET") != 0 && strcmp (method, "HEAD") != 0)
    respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "bad_method", "Use GET");
  else if (strcmp (path, "/") == 0)
    respond_resource (msg, "index.html", "text/html; charset=utf-8");
  else if (strcmp (path, "/room.js") == 0)
    respond_resource (msg, "room.js", "text/javascript; charset=utf-8");
  else if (strcmp (path, "/room.css") == 0)
    respond_resource (msg, "room.css", "text/css; charset=utf-8");
  else
    respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "No such page");
}

/* --- Kept across a restart -------------------------------------------------
 * The code, the devices and their cards live in a file of their own (under the
 * user's state folder, 0700), written atomically at every change: a laptop that
 * restarts reopens the room with the same code, the phones keep their tokens, and
 * a card the room answered 201 for is on disk. A card marked accepted whose card
 * is not in the workshop (the laptop stopped before the workshop was saved) waits
 * in the inbox again. */

#define STATE_FORMAT "visions21-room"
#define STATE_MAX_BYTES (16 * 1024 * 1024)

static json_object *
state_to_json (V21Room *self)
{
  json_object *root = json_object_new_object ();
  json_object *devices = json_object_new_array ();
  json_object *posts = json_object_new_array ();
  GHashTableIter iter;
  gpointer value;

  json_object_object_add (root, "format", json_object_new_string (STATE_FORMAT));
  json_object_object_add (root, "version", json_object_new_int (1));
  json_object_object_add (root, "code", json_object_new_string (self->code));
  json_object_object_add (root, "n_devices", json_object_new_int64 (self->n_devices));
  json_object_object_add (root, "n_posts", json_object_new_int64 (self->n_posts));
  json_object_object_add (root, "round", self->round_id != NULL ? json_object_new_string (self->round_id) : NULL);
  g_hash_table_iter_init (&iter, self->devices);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Device *device = value;
      json_object *item = json_object_new_object ();

      json_object_object_add (item, "id", json_object_new_string (device->id));
      json_object_object_add (item, "token", json_object_new_string (device->token));
      json_object_object_add (item, "table", json_object_new_string (device->table_id));
      json_object_object_add (item, "blocked", json_object_new_boolean (device->blocked));
      json_object_array_add (devices, item);
    }
  for (guint i = 0; i < self->posts->len; i++)
    {
      Post *post = g_ptr_array_index (self->posts, i);
      json_object *item = post_json (post);
      g_autofree char *created = g_date_time_format_iso8601 (post->created);

      json_object_object_add (item, "sequence", post->sequence_id != NULL ? json_object_new_string (post->sequence_id) : NULL);
      json_object_object_add (item, "created", json_object_new_string (created));
      json_object_object_add (item, "card", post->card_id != NULL ? json_object_new_string (post->card_id) : NULL);
      json_object_array_add (posts, item);
    }
  json_object_object_add (root, "devices", devices);
  json_object_object_add (root, "posts", posts);
  return root;
}

static gboolean
save_state (V21Room  *self,
            GError  **error)
{
  g_autoptr(json_object) root = NULL;
  const char *text;

  if (self->state_path == NULL)
    return TRUE;
  root = state_to_json (self);
  text = json_object_to_json_string_ext (root, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
  return v21_file_write_atomic (self->state_path, text, strlen (text), FALSE, error);
}

static void
save_state_or_warn (V21Room *self)
{
  g_autoptr(GError) error = NULL;

  if (!save_state (self, &error))
    g_warning ("could not keep the room's state: %s", error->message);
}

/* A string of the state file: UTF-8, at most @max characters; NULL when absent. */
static const char *
state_string (json_object *object,
              const char  *key,
              gboolean     nullable,
              gsize        max,
              gboolean    *bad)
{
  json_object *value = NULL;
  const char *text;

  if (!json_object_object_get_ex (object, key, &value) || value == NULL)
    {
      if (!nullable)
        *bad = TRUE;
      return NULL;
    }
  if (!json_object_is_type (value, json_type_string))
    {
      *bad = TRUE;
      return NULL;
    }
  text = json_object_get_string (value);
  if ((gsize) json_object_get_string_len (value) != strlen (text)
      || !g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > (glong) max)
    {
      *bad = TRUE;
      return NULL;
    }
  return text;
}

static gboolean
load_state (V21Room     *self,
            const char  *path,
            GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(json_object) root = NULL;
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) device_free);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func ((GDestroyNotify) post_free);
  json_object *array = NULL;
  json_object *value = NULL;
  gsize length = 0;
  gboolean bad = FALSE;
  const char *format;
  const char *code;
  const char *round;
  gint64 n_devices = 0;
  gint64 n_posts = 0;

  if (!v21_file_read (path, STATE_MAX_BYTES, &data, &length, error))
    return FALSE;
  root = json_tokener_parse (data);
  format = root != NULL && json_object_is_type (root, json_type_object) ? state_string (root, "format", FALSE, 64, &bad) : NULL;
  code = format != NULL ? state_string (root, "code", FALSE, V21_ROOM_CODE_LENGTH, &bad) : NULL;
  round = format != NULL ? state_string (root, "round", TRUE, 200, &bad) : NULL;
  if (format == NULL || strcmp (format, STATE_FORMAT) != 0 || code == NULL
      || strlen (code) != V21_ROOM_CODE_LENGTH || strspn (code, CODE_ALPHABET) != V21_ROOM_CODE_LENGTH)
    bad = TRUE;
  if (!bad && json_object_object_get_ex (root, "n_devices", &value) && json_object_is_type (value, json_type_int))
    n_devices = json_object_get_int64 (value);
  if (!bad && json_object_object_get_ex (root, "n_posts", &value) && json_object_is_type (value, json_type_int))
    n_posts = json_object_get_int64 (value);
  if (n_devices < 0 || n_devices > G_MAXUINT || n_posts < 0 || n_posts > G_MAXUINT)
    bad = TRUE;
  if (!bad && (!json_object_object_get_ex (root, "devices", &array) || !json_object_is_type (array, json_type_array)))
    bad = TRUE;
  for (gsize i = 0; !bad && i < json_object_array_length (array); i++)
    {
      json_object *item = json_object_array_get_idx (array, i);
      const char *id = state_string (item, "id", FALSE, 32, &bad);
      const char *token = state_string (item, "token", FALSE, 64, &bad);
      const char *table = state_string (item, "table", FALSE, 200, &bad);
      Device *device;

      if (bad || strlen (token) < 32)
        {
          bad = TRUE;
          break;
        }
      device = g_new0 (Device, 1);
      device->id = g_strdup (id);
      device->token = g_strdup (token);
      device->table_id = g_strdup (table);
      device->blocked = json_object_object_get_ex (item, "blocked", &value) && json_object_get_boolean (value);
      device->allowance = V21_ROOM_BURST;
      device->checked = g_get_monotonic_time ();
      g_ptr_array_add (devices, device);
    }
  if (!bad && (!json_object_object_get_ex (root, "posts", &array) || !json_object_is_type (array, json_type_array)))
    bad = TRUE;
  for (gsize i = 0; !bad && i < json_object_array_length (array); i++)
    {
      json_object *item = json_object_array_get_idx (array, i);
      const char *id = state_string (item, "id", FALSE, 32, &bad);
      const char *device = state_string (item, "device", FALSE, 32, &bad);
      const char *kind = state_string (item, "kind", FALSE, 32, &bad);
      const char *text = state_string (item, "text", FALSE, V21_ROOM_TEXT_MAX_CHARS, &bad);
      const char *table = state_string (item, "table", FALSE, 200, &bad);
      const char *sequence = state_string (item, "sequence", TRUE, 200, &bad);
      const char *created = state_string (item, "created", FALSE, 64, &bad);
      const char *status = state_string (item, "status", FALSE, 16, &bad);
      const char *card = state_string (item, "card", TRUE, 200, &bad);
      Post *post;

      if (bad)
        break;
      post = g_new0 (Post, 1);
      post->id = g_strdup (id);
      post->device_id = g_strdup (device);
      post->kind = g_strdup (kind);
      post->text = g_strdup (text);
      post->table_id = g_strdup (table);
      post->sequence_id = g_strdup (sequence);
      post->created = g_date_time_new_from_iso8601 (created, NULL);
      post->card_id = g_strdup (card);
      g_ptr_array_add (posts, post);
      if (post->created == NULL)
        bad = TRUE;
      else if (strcmp (status, "pending") == 0)
        post->status = POST_PENDING;
      else if (strcmp (status, "accepted") == 0)
        /* Accepted, but the workshop was not saved since: it waits again. */
        post->status = card != NULL && v21_workshop_lookup (self->workshop, card) != NULL ? POST_ACCEPTED : POST_PENDING;
      else if (strcmp (status, "refused") == 0)
        post->status = POST_REFUSED;
      else if (strcmp (status, "withdrawn") == 0)
        post->status = POST_WITHDRAWN;
      else
        bad = TRUE;
    }
  if (bad)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_FORMAT,
                   _("“%s” is not the state of a room; remove it to open the room afresh"), name);
      return FALSE;
    }
  g_free (self->code);
  self->code = g_strdup (code);
  g_free (self->round_id);
  self->round_id = g_strdup (round);
  self->n_devices = (guint) n_devices;
  self->n_posts = (guint) n_posts;
  g_hash_table_remove_all (self->device_ids);
  g_hash_table_remove_all (self->devices);
  for (guint i = 0; i < devices->len; i++)
    {
      Device *device = g_ptr_array_index (devices, i);
      g_hash_table_insert (self->devices, device->token, device);
      g_hash_table_insert (self->device_ids, device->id, device);
    }
  g_ptr_array_set_free_func (devices, NULL);
  g_hash_table_remove_all (self->post_ids);
  g_ptr_array_set_size (self->posts, 0);
  for (guint i = 0; i < posts->len; i++)
    {
      Post *post = g_ptr_array_index (posts, i);
      g_ptr_array_add (self->posts, post);
      g_hash_table_insert (self->post_ids, post->id, post);
    }
  g_ptr_array_set_free_func (posts, NULL);
  return TRUE;
}

char *
v21_room_state_path (GFile *workshop_file)
{
  g_autofree char *path = g_file_get_path (workshop_file);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path != NULL ? path : "", -1);
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "visions21", "rooms", NULL);
  g_autofree char *base = g_strconcat (sum, ".json", NULL);

  return g_build_filename (dir, base, NULL);
}

gboolean
v21_room_keep_state (V21Room     *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_return_val_if_fail (V21_IS_ROOM (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (dir);
      g_set_error (error, V21_ERROR, V21_ERROR_IO, _("Could not create the folder “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !load_state (self, path, error))
    return FALSE;
  g_free (self->state_path);
  self->state_path = g_strdup (path);
  return save_state (self, error);
}


/* --- Public API ------------------------------------------------------------- */

static char *
uri_for (GInetAddress *address,
         guint         port)
{
  g_autofree char *text = g_inet_address_to_string (address);

  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("http://[%s]:%u/", text, port);
  return g_strdup_printf ("http://%s:%u/", text, port);
}

gboolean
v21_room_start (V21Room             *self,
                const char * const  *bind,
                guint                port,
                GError             **error)
{
  g_autoptr(GPtrArray) addresses = NULL;
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (V21_IS_ROOM (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);
  if (port > 65535)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_VALUE, _("The port %u is not between 1 and 65535"), port);
      return FALSE;
    }
  if (bind != NULL && bind[0] != NULL)
    {
      addresses = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; bind[i] != NULL; i++)
        {
          GInetAddress *address = g_inet_address_new_from_string (bind[i]);

          if (address == NULL)
            {
              g_set_error (error, V21_ERROR, V21_ERROR_VALUE, _("“%s” is not an IP address"), bind[i]);
              return FALSE;
            }
          g_ptr_array_add (addresses, address);
          if (!v21_room_address_is_local (address))
            {
              g_set_error (error, V21_ERROR, V21_ERROR_VALUE,
                           _("%s is not an address of the local network: the room opens on this computer (127.0.0.1) or on a private network (10.…, 172.16–31.…, 192.168.…) only"),
                           bind[i]);
              return FALSE;
            }
        }
    }
  else
    addresses = v21_room_local_addresses ();

  self->server = soup_server_new ("server-header", "Visions+21", NULL);
  soup_server_add_early_handler (self->server, "/", early_cb, self, NULL);
  soup_server_add_handler (self->server, "/", handler_cb, self, NULL);
  /* A handler of its own path runs only the early handler of that path. */
  soup_server_add_early_handler (self->server, "/api/live", early_cb, self, NULL);
  soup_server_add_websocket_handler (self->server, "/api/live", NULL, NULL, live_cb, self, NULL);
  for (guint i = 0; i < addresses->len; i++)
    {
      GInetAddress *address = g_ptr_array_index (addresses, i);
      g_autoptr(GSocketAddress) socket_address = g_inet_socket_address_new (address, port);
      g_autoptr(GError) local_error = NULL;

      if (!soup_server_listen (self->server, socket_address, 0, &local_error))
        {
          g_autofree char *text = g_inet_address_to_string (address);
          /* The addresses asked for must all work; among those found, the others do. */
          if (bind != NULL && bind[0] != NULL)
            {
              g_set_error (error, V21_ERROR, V21_ERROR_IO, _("Cannot open the room on %s: %s"), text, local_error->message);
              v21_room_stop (self);
              return FALSE;
            }
          g_warning ("cannot listen on %s: %s", text, local_error->message);
          continue;
        }
      if (port == 0)
        {
          GSList *listeners = soup_server_get_listeners (self->server);
          GSocket *socket = g_slist_last (listeners)->data;
          g_autoptr(GSocketAddress) local = g_socket_get_local_address (socket, NULL);

          g_slist_free (listeners);
          if (local != NULL)
            port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
        }
      g_ptr_array_add (uris, uri_for (address, port));
    }
  if (uris->len == 0)
    {
      g_set_error_literal (error, V21_ERROR, V21_ERROR_IO, _("Cannot open the room: no local address could be used"));
      v21_room_stop (self);
      return FALSE;
    }
  self->port = port;
  g_clear_pointer (&self->uris, g_ptr_array_unref);
  self->uris = g_steal_pointer (&uris);
  return TRUE;
}

void
v21_room_stop (V21Room *self)
{
  g_return_if_fail (V21_IS_ROOM (self));
  close_live (self);
  if (self->server == NULL)
    return;
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
}

guint
v21_room_get_port (V21Room *self)
{
  g_return_val_if_fail (V21_IS_ROOM (self), 0);
  return self->port;
}

GPtrArray *
v21_room_get_uris (V21Room *self)
{
  g_return_val_if_fail (V21_IS_ROOM (self), NULL);
  return self->uris;
}

const char *
v21_room_get_code (V21Room *self)
{
  g_return_val_if_fail (V21_IS_ROOM (self), NULL);
  return self->code;
}

const char *
v21_room_get_admin_key (V21Room *self)
{
  g_return_val_if_fail (V21_IS_ROOM (self), NULL);
  return self->admin_key;
}

void
v21_room_rotate_code (V21Room *self)
{
  g_return_if_fail (V21_IS_ROOM (self));
  g_free (self->code);
  self->code = random_text (CODE_ALPHABET, V21_ROOM_CODE_LENGTH);
  g_hash_table_remove_all (self->device_ids);
  g_hash_table_remove_all (self->devices);
  /* Wrong tries counted against the old code say nothing of the new one. */
  g_hash_table_remove_all (self->guards);
  close_live (self);
  save_state_or_warn (self);
}

void
v21_room_set_open (V21Room  *self,
                   gboolean  open)
{
  g_return_if_fail (V21_IS_ROOM (self));
  self->open = !!open;
}

gboolean
v21_room_get_open (V21Room *self)
{
  g_return_val_if_fail (V21_IS_ROOM (self), FALSE);
  return self->open;
}

void
v21_room_set_max_devices (V21Room *self,
                          guint    max_devices)
{
  g_return_if_fail (V21_IS_ROOM (self));
  self->max_devices = max_devices;
}

void
v21_room_set_timer (V21Room        *self,
                    const V21Timer *timer)
{
  g_return_if_fail (V21_IS_ROOM (self));
  self->has_timer = timer != NULL;
  if (timer != NULL)
    self->timer = *timer;
}

GPtrArray *
v21_room_list_pending (V21Room *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (V21_IS_ROOM (self), ids);
  for (guint i = 0; i < self->posts->len; i++)
    {
      Post *post = g_ptr_array_index (self->posts, i);
      if (post->status == POST_PENDING)
        g_ptr_array_add (ids, g_strdup (post->id));
    }
  return ids;
}

static Post *
lookup_post (V21Room     *self,
             const char  *post_id,
             GError     **error)
{
  Post *post = g_hash_table_lookup (self->post_ids, post_id);

  if (post == NULL || post->status != POST_PENDING)
    {
      g_set_error_literal (error, V21_ERROR, V21_ERROR_VALUE, _("This card from the room is no longer waiting"));
      return NULL;
    }
  return post;
}

V21Record *
v21_room_accept (V21Room     *self,
                 const char  *post_id,
                 GError     **error)
{
  Post *post;

  g_return_val_if_fail (V21_IS_ROOM (self), NULL);
  if ((post = lookup_post (self, post_id, error)) == NULL)
    return NULL;
  return accept_post (self, post, error);
}

gboolean
v21_room_refuse (V21Room     *self,
                 const char  *post_id,
                 GError     **error)
{
  Post *post;

  g_return_val_if_fail (V21_IS_ROOM (self), FALSE);
  if ((post = lookup_post (self, post_id, error)) == NULL)
    return FALSE;
  post->status = POST_REFUSED;
  save_state_or_warn (self);
  inbox_changed (self);
  return TRUE;
}

gboolean
v21_room_block_device (V21Room     *self,
                       const char  *device_id,
                       GError     **error)
{
  Device *device;

  g_return_val_if_fail (V21_IS_ROOM (self), FALSE);
  device = g_hash_table_lookup (self->device_ids, device_id);
  if (device == NULL)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_VALUE, _("No device “%s” in the room"), device_id);
      return FALSE;
    }
  device->blocked = TRUE;
  save_state_or_warn (self);
  return TRUE;
}
