/* v21-capitalise.h — the lessons of several workshops in one document
 *
 * The facilitating body runs the method in two or three territories, then
 * "capitalises" it: one document organised by the method (the territories
 * side by side, each exercise of the toolkit where it ran, what the method
 * produced, figures), built as a V21Report so the report's writers write it,
 * and its figures as CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-report.h"

G_BEGIN_DECLS

typedef struct _V21Capitalisation V21Capitalisation;

/* With @anonymize nobody is named; else only people who consented. */
V21Capitalisation *v21_capitalisation_new    (gboolean            anonymize);
void               v21_capitalisation_free   (V21Capitalisation  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (V21Capitalisation, v21_capitalisation_free)

/* Adds @workshop (a copy without the names it may not give is kept). FALSE
 * with V21_ERROR_DUPLICATE when a workshop of the same id is already in. */
gboolean           v21_capitalisation_add    (V21Capitalisation  *self,
                                              V21Workshop        *workshop,
                                              GError            **error);
guint              v21_capitalisation_get_n  (V21Capitalisation  *self);
/* The first workshop added (for the writers' figures), or NULL. */
V21Workshop       *v21_capitalisation_get_first (V21Capitalisation *self);

V21Report         *v21_capitalisation_report (V21Capitalisation  *self);
/* The figures, one per row: territory;exercise;measure;value, as French
 * Excel opens them (a byte order mark, ";", CRLF, decimal commas). */
char              *v21_capitalisation_csv    (V21Capitalisation  *self,
                                              gsize              *length);

G_END_DECLS
