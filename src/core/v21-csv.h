/* v21-csv.h — the cards and the votes as CSV for a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* The files are what French Excel opens as they are: UTF-8 with a byte order
 * mark, ";" between cells, CRLF between rows, every cell quoted. A cell that
 * a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe. */

/* @value as a CSV cell: neutralised, quoted, inner quotes doubled. */
char *v21_csv_cell  (const char  *value);
/* Whether a spreadsheet would read @value as a formula. */
gboolean v21_csv_is_formula (const char *value);

/* One row per card: id, kind, text, details, table, session block, cluster, created. */
char *v21_csv_cards (V21Workshop *workshop,
                     gsize       *length);
/* One row per vote: round, what was voted on, voter, the voter's table,
 * count; the votes of people who did not consent to be named, and counted
 * dots, only as one total per proposal ("Counted together"). */
char *v21_csv_votes (V21Workshop *workshop,
                     gsize       *length);

G_END_DECLS
