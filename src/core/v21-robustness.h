/* v21-robustness.h — the robustness test (T2): challenges × current answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_ROBUSTNESS_MAX 3
/* A cell scored at most this is weak: a threat to anticipate. */
#define V21_ROBUSTNESS_WEAK 1

/* The score record of a cell, or NULL when it has none. */
V21Record *v21_robustness_find     (V21Workshop *workshop,
                                    V21Record   *challenge,
                                    V21Record   *answer);
/* Scores a cell (0–3) with a comment (NULL: keep the one it has). */
gboolean   v21_robustness_set      (V21Workshop *workshop,
                                    V21Record   *challenge,
                                    V21Record   *answer,
                                    int          score,
                                    const char  *comment,
                                    GError     **error);
gboolean   v21_robustness_clear    (V21Workshop *workshop,
                                    V21Record   *challenge,
                                    V21Record   *answer,
                                    GError     **error);
/* Rows and columns of the grid, in card order: challenge cards; resource and action cards. */
GPtrArray *v21_robustness_challenges (V21Workshop *workshop);
GPtrArray *v21_robustness_answers    (V21Workshop *workshop);

/* A threat card from a weak cell, in one undo step: its text says which answer
 * does not hold against which challenge, it belongs to @sequence (NULL: the
 * challenge's), and it is linked (threatens) to the answer. */
V21Record *v21_robustness_to_threat (V21Workshop *workshop,
                                     V21Record   *challenge,
                                     V21Record   *answer,
                                     V21Record   *sequence,
                                     GError     **error);

G_END_DECLS
