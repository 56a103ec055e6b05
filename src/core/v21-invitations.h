/* v21-invitations.h — who is invited, who replied, who came
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* A person's "invitation" field; a person without one is still to invite. */
typedef enum
{
  V21_INVITATION_TO_INVITE,
  V21_INVITATION_INVITED,
  V21_INVITATION_CONFIRMED,
  V21_INVITATION_DECLINED,
  V21_INVITATION_NO_REPLY,
  V21_INVITATION_N_STATES
} V21Invitation;

typedef struct
{
  guint people;
  guint by_state[V21_INVITATION_N_STATES];
} V21InvitationCounts;

V21Invitation  v21_invitation_get        (V21Record     *person);
const char    *v21_invitation_name       (V21Invitation  state);
/* Reads a file value ("no_reply"); FALSE when it is not one. */
gboolean       v21_invitation_from_name  (const char     *name,
                                          V21Invitation  *state);
void           v21_invitation_count      (V21Workshop         *workshop,
                                          V21InvitationCounts *counts);
/* "27 confirmed of 38", translated. */
char          *v21_invitation_summary    (const V21InvitationCounts *counts);

/* One undoable step. Inviting with @date (YYYY-MM-DD, or NULL to keep the
 * one recorded) records when the invitation went out. */
gboolean       v21_invitation_set        (V21Workshop   *workshop,
                                          V21Record     *person,
                                          V21Invitation  state,
                                          const char    *date,
                                          GError       **error);

/* Attendance: the days a person signed in ("attended"). */
gboolean       v21_attendance_get        (V21Record   *person,
                                          V21Record   *day);
gboolean       v21_attendance_set        (V21Workshop *workshop,
                                          V21Record   *person,
                                          V21Record   *day,
                                          gboolean     came,
                                          GError     **error);
/* Whether any person of @workshop signed in on any day. */
gboolean       v21_attendance_recorded   (V21Workshop *workshop);
/* How many signed in on @day. */
guint          v21_attendance_count      (V21Workshop *workshop,
                                          V21Record   *day);
/* Whether @person took part: with attendance recorded, came on a day; else
 * anyone but who declined. */
gboolean       v21_person_took_part      (V21Record   *person,
                                          gboolean     recorded);

G_END_DECLS
