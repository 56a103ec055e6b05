/* v21-merge.h — bringing the tables' files into the master workshop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

typedef struct
{
  char *collection;   /* "cards" */
  char *id;           /* the master's record */
  char *copy_id;      /* the incoming version, kept as a copy; NULL when it could not be */
  char *label;        /* what the record says (text, title, name) */
  char *detail;       /* translated: what was kept */
} V21MergeConflict;

typedef struct
{
  GHashTable *added;       /* collection name → count (GUINT_TO_POINTER) */
  guint       unchanged;   /* records already in the master, as they are */
  GPtrArray  *conflicts;   /* V21MergeConflict */
  GPtrArray  *refused;     /* char *: records that could not come in, and why */
  guint       files;
  guint       updated;     /* records (and the workshop itself) that took a table's changes */
} V21MergeSummary;

/* The master as a table's copy was made from it (v21_workshop_copy_for_table),
 * recorded in the copy: the common ancestor of a three-way merge. */
#define V21_MERGE_BASE "merge_base"
/* In the master: the table's values of fields that both sides changed. */
#define V21_MERGE_CONFLICTS "merge_conflicts"

V21MergeSummary *v21_merge_summary_new    (void);
void             v21_merge_summary_free   (V21MergeSummary *summary);
guint            v21_merge_summary_get_added (V21MergeSummary *summary,
                                              const char      *collection);
guint            v21_merge_summary_total_added (V21MergeSummary *summary);
/* What came in, the conflicts and what was refused, in a few translated lines. */
char            *v21_merge_summary_format (V21MergeSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (V21MergeSummary, v21_merge_summary_free)

/**
 * Brings what @incoming (a copy of @master edited on a table's laptop) has
 * into @master, matched by id, in one undo step; nothing of @master is
 * deleted. A record of @incoming that the master lacks comes in as it is. A
 * record that differs: for the run sheet, people and other preparation, the
 * master's version stays (a conflict); for what the seminar produced (cards,
 * clusters, links, scenarios, trajectories, points, notes) both versions
 * stay, the incoming one as a copy with a new id made from its content, so
 * that merging the same file again changes nothing; a vote keeps the
 * master's count (two counts cannot both hold); a robustness score keeps
 * the master's score and adds the other version to its comment; a vote
 * round gains the other's targets. A file of another workshop (another root
 * id) is refused with @error and nothing changes.
 */
gboolean         v21_workshop_merge       (V21Workshop     *master,
                                           V21Workshop     *incoming,
                                           V21MergeSummary *summary,
                                           GError         **error);
/* A copy of @master for a table's laptop, recording @master as it is now
 * ("merge_base"), so that merging it back takes every change made on one side
 * only and keeps both versions of what both sides changed. */
V21Workshop     *v21_workshop_copy_for_table (V21Workshop  *master,
                                              GError      **error);
/* Loads @file and merges it; errors name the file. */
gboolean         v21_workshop_merge_file  (V21Workshop     *master,
                                           GFile           *file,
                                           V21MergeSummary *summary,
                                           GError         **error);

G_END_DECLS
