/* v21-labels.h — what the user reads for the values of the file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The translated label of an enumerated value of the file format, e.g.
 * v21_label ("category", "elus") is "Elected officials" ("Élus" in French).
 * Domains: "category", "role", "sequence_kind", "material_kind", "framework",
 * "territory_kind". An unknown value gives itself back; NULL gives "". */
const char          *v21_label        (const char *domain,
                                       const char *value);

/* The values of a domain, in the order of the file format, NULL-terminated. */
const char * const  *v21_label_values (const char *domain);

/* @text reduced for comparing what people type: lower case, no accents,
 * letters and digits only ("Prénom (*)" gives "prenom"). */
char                *v21_text_key     (const char *text);

/* The method looks 10 to 50 years ahead (30 by default): outside that, why
 * the horizon is unusual (translated); NULL when it is not. */
char                *v21_horizon_warning (int start_year,
                                          int horizon_year);

G_END_DECLS
