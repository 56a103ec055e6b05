/* v21-index.h — what a workshop keeps indexed so that edits stay fast on large
 * workshops: which records refer to an id (for the removal cascade), and the votes
 * by round and voter (for the budget). Internal to src/core.
 *
 * Each part is built from the collections the first time it is asked, then kept
 * right by the edit commands' hooks (v21-history.h): every record entering the
 * workshop is added, every record leaving it removed, and a field about to change
 * is forgotten, then added back once it has its new value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop-private.h"

G_BEGIN_DECLS

typedef struct _V21Index V21Index;

/* @collections: the workshop's lists (name -> V21Collection), borrowed. */
V21Index  *v21_index_new          (GHashTable  *collections);
void       v21_index_free         (V21Index    *self);

void       v21_index_add          (V21Index    *self,
                                   V21Record   *record);
void       v21_index_remove       (V21Index    *self,
                                   V21Record   *record);
void       v21_index_forget_field (V21Index    *self,
                                   V21Record   *record,
                                   const char  *field);
void       v21_index_add_field    (V21Index    *self,
                                   V21Record   *record,
                                   const char  *field);

/* The records whose reference fields hold @id, each once, in no order (a new
 * array that holds a reference to each). */
GPtrArray *v21_index_referrers    (V21Index    *self,
                                   const char  *id);
/* The counts of the votes of @voter (NULL: counted dots) in @round, in all. */
gint64     v21_index_vote_total   (V21Index    *self,
                                   const char  *round,
                                   const char  *voter);
/* The vote of @voter (NULL: counted dots) for @target in @round, or NULL. When
 * a file holds several, the first in the list. */
V21Record *v21_index_find_vote    (V21Index    *self,
                                   const char  *round,
                                   const char  *voter,
                                   const char  *target);

G_END_DECLS
