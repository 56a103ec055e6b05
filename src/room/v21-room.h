/* v21-room.h — the room: phones and laptops of the hall post cards and vote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"
#include "v21-timer.h"

G_BEGIN_DECLS

#define V21_TYPE_ROOM (v21_room_get_type ())
G_DECLARE_FINAL_TYPE (V21Room, v21_room, V21, ROOM, GObject)

/* The limits the room enforces, whatever the page does. */
#define V21_ROOM_TEXT_MAX_CHARS 500      /* a card, as Klaxoon */
#define V21_ROOM_BODY_MAX_BYTES 4096     /* a request's body */
#define V21_ROOM_DEVICES_MAX 200         /* devices joined at once (default) */
#define V21_ROOM_POSTS_PER_DEVICE 50     /* cards waiting in the inbox, per device */
#define V21_ROOM_BURST 10                /* writes a device may make at once… */
#define V21_ROOM_REFILL_SECONDS 3        /* …then one more every 3 s (20 a minute) */
#define V21_ROOM_JOIN_FAILURES 10        /* wrong codes from one address before a pause */
#define V21_ROOM_CODE_LENGTH 6

/* The room serves the participants' page and its HTTP API (docs/participation.md)
 * for @workshop, on the loopback and the local network's private addresses only
 * (RFC 1918, link-local, unique local IPv6): never a public address. Cards posted
 * from the room wait in the inbox until the facilitator accepts them, unless
 * the room is "open"; accepted cards are ordinary cards, added through
 * v21_capture_add_card() as the scribe's are: undoable, saved.
 * Signal "inbox-changed" (no arguments): a card came, changed or went. */
V21Room    *v21_room_new             (V21Workshop  *workshop);

/* Listens on @bind (a NULL-terminated list of addresses; NULL: every loopback and
 * private address of this machine) at @port (0: chosen by the system). An address
 * that is not loopback or private is refused with an error, nothing opened. */
gboolean    v21_room_start           (V21Room      *self,
                                      const char * const *bind,
                                      guint         port,
                                      GError      **error);
void        v21_room_stop            (V21Room      *self);
guint       v21_room_get_port        (V21Room      *self);
/* The join addresses ("http://192.168.1.12:8021/"), loopback last. */
GPtrArray  *v21_room_get_uris        (V21Room      *self);
const char *v21_room_get_code        (V21Room      *self);
/* The facilitator's key for the /api/admin/ calls (accepted from loopback only). */
const char *v21_room_get_admin_key   (V21Room      *self);
/* A new join code; every device must join again, and the wrong codes tried
 * so far no longer count. */
void        v21_room_rotate_code     (V21Room      *self);

void        v21_room_set_open        (V21Room      *self,
                                      gboolean      open);
gboolean    v21_room_get_open        (V21Room      *self);
void        v21_room_set_max_devices (V21Room      *self,
                                      guint         max_devices);
/* The timer the page shows (NULL: none; the sequence's planned minutes only). */
void        v21_room_set_timer       (V21Room      *self,
                                      const V21Timer *timer);

/* The inbox: the ids of the cards waiting ("p1", "p2"…), in the order they came. */
GPtrArray  *v21_room_list_pending    (V21Room      *self);
/* Makes the waiting card @post_id an ordinary card of the workshop (one undo step)
 * and returns it; refuses one that is no longer waiting. */
V21Record  *v21_room_accept          (V21Room      *self,
                                      const char   *post_id,
                                      GError      **error);
gboolean    v21_room_refuse          (V21Room      *self,
                                      const char   *post_id,
                                      GError      **error);
/* Blocks the device @device_id ("d3"): its token no longer works. */
gboolean    v21_room_block_device    (V21Room      *self,
                                      const char   *device_id,
                                      GError      **error);

/* Keeps the room's state (the code, the devices and their cards) in @path,
 * written atomically at every change, so that a restart reopens the room as it
 * was; reads @path first when it exists. A file that is not a room's state is
 * refused with an error, nothing changed. v21_room_state_path() is where the
 * room of @workshop_file keeps it: under the user's state folder (0700). */
gboolean    v21_room_keep_state      (V21Room      *self,
                                      const char   *path,
                                      GError      **error);
char       *v21_room_state_path      (GFile        *workshop_file);

/* Whether @address may serve the room or be served: loopback, RFC 1918,
 * 169.254/16, fe80::/10, fc00::/7. */
gboolean    v21_room_address_is_local (GInetAddress *address);
/* This machine's loopback and private addresses (GInetAddress), loopback last;
 * IPv6 link-local ones left out (a browser cannot be given their zone). */
GPtrArray  *v21_room_local_addresses (void);

G_END_DECLS
