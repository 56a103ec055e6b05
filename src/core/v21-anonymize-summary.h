/* v21-anonymize-summary.h — what an anonymisation replaced, for a person to review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One person who became a label: their name, the label, and how many times a
 * text of the workshop named them (their own record aside). */
typedef struct
{
  char  *name;
  char  *label;
  guint  count;
} V21ReplacedPerson;

typedef struct
{
  GPtrArray *people;    /* V21ReplacedPerson, in the order of the list */
  guint      n_emails;  /* e-mail addresses found in the texts (not the
                         * people's own, in the list of people) */
  guint      n_phones;  /* phone numbers found in the texts */
  guint      n_shared;  /* names two people share, replaced without a number */
} V21AnonymizeSummary;

V21AnonymizeSummary *v21_anonymize_summary_new        (void);
void                 v21_anonymize_summary_free       (V21AnonymizeSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (V21AnonymizeSummary, v21_anonymize_summary_free)

void                 v21_anonymize_summary_add_person (V21AnonymizeSummary *summary,
                                                       const char          *name,
                                                       const char          *label,
                                                       guint                count);
/* Every mention of a name replaced, all people together. */
guint                v21_anonymize_summary_total      (V21AnonymizeSummary *summary);

G_END_DECLS
