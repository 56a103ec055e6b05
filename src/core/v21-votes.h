/* v21-votes.h — vote rounds: entering votes, revealing, results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* A new round on every card of @card_kind (target "cards"), or every cluster
 * (target "clusters"; only those of @card_kind when not NULL), limited to
 * @sequence's cards or clusters when @sequence is not NULL. @method is "dots" or
 * "points", @voters "people" or "tables", @budget 1–100. Starts hidden. */
V21Record *v21_vote_round_create  (V21Workshop *workshop,
                                   const char  *title,
                                   const char  *target,
                                   const char  *card_kind,
                                   V21Record   *sequence,
                                   const char  *method,
                                   int          budget,
                                   const char  *voters,
                                   GError     **error);
/* A new round on exactly @cards (V21Record, in this order): a cluster's
 * cards, the cards of a sequence, a hand-picked list. Its card_kind is the
 * kind they all share, else null. Starts hidden. */
V21Record *v21_vote_round_create_on (V21Workshop *workshop,
                                     const char  *title,
                                     GPtrArray   *cards,
                                     V21Record   *sequence,
                                     const char  *method,
                                     int          budget,
                                     const char  *voters,
                                     GError     **error);
/* Whether @person votes: the facilitator and observers run or watch the
 * seminar, they do not vote. */
gboolean   v21_person_votes       (V21Record   *person);
/* Who votes in @round: every table, or the people who vote, in the
 * workshop's order (borrowed records; free the array). */
GPtrArray *v21_vote_round_voters  (V21Workshop *workshop,
                                   V21Record   *round);
gboolean   v21_vote_round_reveal  (V21Workshop *workshop,
                                   V21Record   *round,
                                   gboolean     revealed,
                                   GError     **error);

/* The vote of @voter (an id; NULL: counted dots) for @target in @round, or NULL. */
V21Record *v21_votes_find         (V21Workshop *workshop,
                                   const char  *round,
                                   const char  *voter,
                                   const char  *target);
/* The votes of @voter (NULL: physical dots counted on the target) for @target. */
gint64     v21_votes_get_count    (V21Workshop *workshop,
                                   V21Record   *round,
                                   V21Record   *voter,
                                   V21Record   *target);
/* Sets that count: 0 removes the vote. A voter's counts over the round's budget
 * are refused with a message that says what is left. One undo step. */
gboolean   v21_votes_set_count    (V21Workshop *workshop,
                                   V21Record   *round,
                                   V21Record   *voter,
                                   V21Record   *target,
                                   gint64       count,
                                   GError     **error);
/* What @voter has given in @round, in all. */
gint64     v21_votes_used         (V21Workshop *workshop,
                                   V21Record   *round,
                                   V21Record   *voter);

/* The results of a round, for a list or a chart: plain data, no GObject. */
typedef struct
{
  V21Record *target;      /* the card or cluster (borrowed from the workshop) */
  const char *label;      /* its text or name (borrowed; valid while it is unchanged) */
  gint64     total;       /* every vote it got */
  guint      rank;        /* 1 = most votes; equal totals share a rank: 1, 2, 2, 4 */
  gint64    *per_table;   /* n_tables entries, in the order of `tables` */
  gint64     no_table;    /* counted dots, and votes of people without a table */
} V21VoteTally;

typedef struct
{
  V21Record    *round;
  gboolean      revealed;   /* FALSE: show no number to the room */
  guint         n_tables;
  V21Record   **tables;     /* the workshop's tables, in order (borrowed) */
  guint         n_tallies;
  V21VoteTally *tallies;    /* by rank, then in the round's target order */
  gint64        total;      /* all votes of the round */
  gint64        max_total;  /* the largest tally: the length of the longest bar */
  guint         n_voters;   /* distinct voters who gave at least one vote */
} V21VoteResults;

V21VoteResults *v21_vote_results_new  (V21Workshop    *workshop,
                                       V21Record      *round);
void            v21_vote_results_free (V21VoteResults *results);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (V21VoteResults, v21_vote_results_free)

G_END_DECLS
