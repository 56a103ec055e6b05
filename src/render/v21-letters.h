/* v21-letters.h — the invitation letters, one A4 page per person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* Who gets a letter: people to invite, invited (a reminder) or without
 * reply; not who confirmed or declined. */
gboolean  v21_letters_wanted (V21Record    *person);
guint     v21_letters_count  (V21Workshop  *workshop);
/* One page per person wanted, in list order: the authority's block, the
 * person's name and organisation, the dates and times, the venue, the horizon,
 * the political goal, "reply by @reply_by" (YYYY-MM-DD) and a signature line.
 * Written atomically; refuses a target that is not a regular file. */
gboolean  v21_letters_write  (V21Workshop  *workshop,
                              const char   *reply_by,
                              const char   *path,
                              GError      **error);

/* The same letters as an OpenDocument text, one page per letter, to edit or
 * sign in a word processor: paragraph styles "Authority", "Recipient",
 * "Subject", "Body" and "Signature". */
gboolean  v21_letters_write_odt (V21Workshop  *workshop,
                                 const char   *reply_by,
                                 const char   *path,
                                 GError      **error);

G_END_DECLS
