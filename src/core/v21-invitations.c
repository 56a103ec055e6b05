/* v21-invitations.c — who is invited, who replied, who came
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-invitations"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-invitations.h"

static const char * const state_names[] = {
  "to_invite", "invited", "confirmed", "declined", "no_reply",
};
G_STATIC_ASSERT (G_N_ELEMENTS (state_names) == V21_INVITATION_N_STATES);

const char *
v21_invitation_name (V21Invitation state)
{
  g_return_val_if_fail (state < V21_INVITATION_N_STATES, "to_invite");
  return state_names[state];
}

gboolean
v21_invitation_from_name (const char    *name,
                          V21Invitation *state)
{
  for (guint i = 0; i < V21_INVITATION_N_STATES; i++)
    if (g_strcmp0 (name, state_names[i]) == 0)
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

V21Invitation
v21_invitation_get (V21Record *person)
{
  V21Invitation state = V21_INVITATION_TO_INVITE;

  v21_invitation_from_name (v21_record_get_string (person, "invitation"), &state);
  return state;
}

void
v21_invitation_count (V21Workshop         *workshop,
                      V21InvitationCounts *counts)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");

  memset (counts, 0, sizeof *counts);
  counts->people = v21_collection_get_n (people);
  for (guint i = 0; i < counts->people; i++)
    counts->by_state[v21_invitation_get (v21_collection_get (people, i))]++;
}

char *
v21_invitation_summary (const V21InvitationCounts *counts)
{
  guint confirmed = counts->by_state[V21_INVITATION_CONFIRMED];

  return g_strdup_printf (ngettext ("%u confirmed of %u", "%u confirmed of %u", confirmed),
                          confirmed, counts->people);
}

gboolean
v21_invitation_set (V21Workshop   *workshop,
                    V21Record     *person,
                    V21Invitation  state,
                    const char    *date,
                    GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (state < V21_INVITATION_N_STATES, FALSE);
  v21_workshop_begin_group (workshop, _("Change invitation"));
  ok = v21_workshop_set (workshop, person, "invitation",
                         json_object_new_string (state_names[state]), error);
  if (ok && state == V21_INVITATION_INVITED && date != NULL)
    ok = v21_workshop_set (workshop, person, "invited_on", json_object_new_string (date), error);
  if (!ok)
    {
      v21_workshop_cancel_group (workshop);
      return FALSE;
    }
  v21_workshop_end_group (workshop);
  return TRUE;
}

static json_object *
attended_list (V21Record *person)
{
  json_object *list = v21_record_get_value (person, "attended");

  return json_object_is_type (list, json_type_array) ? list : NULL;
}

gboolean
v21_attendance_get (V21Record *person,
                    V21Record *day)
{
  json_object *list = attended_list (person);
  const char *id = v21_record_get_id (day);

  for (gsize i = 0; list != NULL && i < json_object_array_length (list); i++)
    if (g_strcmp0 (json_object_get_string (json_object_array_get_idx (list, i)), id) == 0)
      return TRUE;
  return FALSE;
}

gboolean
v21_attendance_set (V21Workshop *workshop,
                    V21Record   *person,
                    V21Record   *day,
                    gboolean     came,
                    GError     **error)
{
  json_object *list = attended_list (person);
  json_object *days = json_object_new_array ();
  const char *id = v21_record_get_id (day);

  if (v21_attendance_get (person, day) == !!came)
    {
      json_object_put (days);
      return TRUE;
    }
  for (gsize i = 0; list != NULL && i < json_object_array_length (list); i++)
    {
      json_object *item = json_object_array_get_idx (list, i);

      if (g_strcmp0 (json_object_get_string (item), id) != 0)
        json_object_array_add (days, json_object_get (item));
    }
  if (came)
    json_object_array_add (days, json_object_new_string (id));
  return v21_workshop_set (workshop, person, "attended", days, error);
}

gboolean
v21_attendance_recorded (V21Workshop *workshop)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      json_object *list = attended_list (v21_collection_get (people, i));

      if (list != NULL && json_object_array_length (list) > 0)
        return TRUE;
    }
  return FALSE;
}

guint
v21_attendance_count (V21Workshop *workshop,
                      V21Record   *day)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  guint n = 0;

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    n += v21_attendance_get (v21_collection_get (people, i), day);
  return n;
}

gboolean
v21_person_took_part (V21Record *person,
                      gboolean   recorded)
{
  json_object *list = attended_list (person);

  if (recorded)
    return list != NULL && json_object_array_length (list) > 0;
  return v21_invitation_get (person) != V21_INVITATION_DECLINED;
}
