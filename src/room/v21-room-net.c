/* v21-room-net.c — which addresses the room may listen on and answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-room"

#include "config.h"

#include <string.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include "v21-room.h"

gboolean
v21_room_address_is_local (GInetAddress *address)
{
  const guint8 *b;

  g_return_val_if_fail (G_IS_INET_ADDRESS (address), FALSE);
  b = g_inet_address_to_bytes (address);
  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV4)
    return b[0] == 127                                   /* loopback */
           || b[0] == 10                                 /* 10/8 */
           || (b[0] == 172 && (b[1] & 0xf0) == 16)       /* 172.16/12 */
           || (b[0] == 192 && b[1] == 168)               /* 192.168/16 */
           || (b[0] == 169 && b[1] == 254);              /* link-local */
  if (g_inet_address_get_is_loopback (address))          /* ::1 */
    return TRUE;
  if ((b[0] & 0xfe) == 0xfc)                             /* unique local fc00::/7 */
    return TRUE;
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)             /* link-local fe80::/10 */
    return TRUE;
  /* An IPv4 address written as IPv6 (::ffff:a.b.c.d) is judged as IPv4. */
  if (memcmp (b, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) == 0)
    {
      g_autoptr(GInetAddress) v4 = g_inet_address_new_from_bytes (b + 12, G_SOCKET_FAMILY_IPV4);
      return v21_room_address_is_local (v4);
    }
  return FALSE;
}

GPtrArray *
v21_room_local_addresses (void)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *loopback = g_ptr_array_new_with_free_func (g_object_unref);
  struct ifaddrs *list = NULL;

  if (getifaddrs (&list) == 0)
    {
      for (struct ifaddrs *ifa = list; ifa != NULL; ifa = ifa->ifa_next)
        {
          GInetAddress *address = NULL;

          if (ifa->ifa_addr == NULL || !(ifa->ifa_flags & IFF_UP))
            continue;
          if (ifa->ifa_addr->sa_family == AF_INET)
            address = g_inet_address_new_from_bytes ((const guint8 *) &((struct sockaddr_in *) ifa->ifa_addr)->sin_addr,
                                                     G_SOCKET_FAMILY_IPV4);
          else if (ifa->ifa_addr->sa_family == AF_INET6)
            address = g_inet_address_new_from_bytes ((const guint8 *) &((struct sockaddr_in6 *) ifa->ifa_addr)->sin6_addr,
                                                     G_SOCKET_FAMILY_IPV6);
          if (address == NULL)
            continue;
          if (!v21_room_address_is_local (address)
              || (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6
                  && g_inet_address_get_is_link_local (address)))
            g_object_unref (address);
          else if (g_inet_address_get_is_loopback (address))
            g_ptr_array_add (loopback, address);
          else
            g_ptr_array_add (found, address);
        }
      freeifaddrs (list);
    }
  if (loopback->len == 0)
    g_ptr_array_add (loopback, g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4));
  g_ptr_array_extend_and_steal (found, loopback);
  return found;
}
