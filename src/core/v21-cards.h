/* v21-cards.h — what the facilitator does with cards: merge, cluster, link
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* Merges @other into @kept, one undo step: @kept's text gets @other's after
 * " / " (or its details when the text would be too long), the details are joined,
 * and every vote, vote round target, link, robustness score and trajectory point
 * that named @other names @kept; two votes of one voter on the pair become one,
 * two scores for one cell keep @kept's (with both comments). Then @other goes. */
gboolean   v21_cards_merge          (V21Workshop *workshop,
                                     V21Record   *kept,
                                     V21Record   *other,
                                     GError     **error);

/* Puts @card in @cluster (NULL: out of any cluster). */
gboolean   v21_cards_move_to_cluster (V21Workshop *workshop,
                                      V21Record   *card,
                                      V21Record   *cluster,
                                      GError     **error);

/* A new cluster named @name for cards of @kind (may be NULL) in @sequence (may be
 * NULL); with @cards (an array of V21Record, may be NULL) moved into it, one step. */
V21Record *v21_cluster_create       (V21Workshop *workshop,
                                     const char  *name,
                                     const char  *kind,
                                     V21Record   *sequence,
                                     GPtrArray   *cards,
                                     GError     **error);
gboolean   v21_cluster_rename       (V21Workshop *workshop,
                                     V21Record   *cluster,
                                     const char  *name,
                                     GError     **error);

/* The link kind that fits a link from a card of @from_kind to one of @to_kind:
 * a threat threatens, a resource mobilises, an action or idea answers… */
const char *v21_link_kind_for       (const char  *from_kind,
                                     const char  *to_kind);
/* Links @from to @to with @kind (NULL: v21_link_kind_for()). Refuses a card
 * linked to itself and a link that already exists. */
V21Record *v21_cards_link           (V21Workshop *workshop,
                                     V21Record   *from,
                                     V21Record   *to,
                                     const char  *kind,
                                     GError     **error);

/* Small helpers shared by the live operations. */
json_object *v21_ref_or_null        (V21Record   *record);
gboolean     v21_set_string         (V21Workshop *workshop,
                                     V21Record   *record,
                                     const char  *field,
                                     const char  *value,
                                     GError     **error);

G_END_DECLS
