/* v21-table-assign.h — tables of balanced size, and what each holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* Whether @person sits at a table during the workshop: participants and the
 * political sponsor do; the facilitator, the technical lead and observers
 * move around the room. */
gboolean    v21_table_is_seated        (V21Record   *person);

/* The colour the @index-th table gets by default ("#rrggbb"). */
const char *v21_table_default_color    (guint        index);

/* Adds a table named @name, or "Table N" (the next free number) when @name is
 * NULL, with the next default colour. One undoable step. */
V21Record  *v21_table_add              (V21Workshop *workshop,
                                        const char  *name,
                                        GError     **error);

/* Seats the seated people who are not locked at the first @n_tables tables,
 * adding tables when there are fewer. Sizes differ by at most one (unless
 * locked people make that impossible); the categories are spread evenly;
 * people of the same organisation sit apart whenever possible. Locked people
 * stay where they are; who declined (not locked) leaves their table. The
 * result depends only on the workshop (the same
 * workshop always gets the same tables). One undoable step. */
gboolean    v21_table_assign           (V21Workshop *workshop,
                                        guint        n_tables,
                                        GError     **error);

/* How many people who declined (and are not locked) still have a seat: the
 * assignment, run again, frees them and balances the tables. */
guint       v21_table_count_declined_seated (V21Workshop *workshop);

/* The organisation as the assignment compares it: case, accents and what
 * follows a dash ("Mairie de Vernay — urbanisme" is "mairie de vernay") do
 * not count. Empty for no organisation. */
char       *v21_table_organisation_key (const char  *organisation);

/* The people at @table (NULL: the people at no table), in list order. */
GPtrArray  *v21_table_members          (V21Workshop *workshop,
                                        V21Record   *table);

G_END_DECLS
