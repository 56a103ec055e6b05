/* v21-anonymize-summary.c — what an anonymisation replaced, for a person to review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-anonymize"

#include "config.h"

#include "v21-anonymize-summary.h"

static void
replaced_person_free (V21ReplacedPerson *person)
{
  g_free (person->name);
  g_free (person->label);
  g_free (person);
}

V21AnonymizeSummary *
v21_anonymize_summary_new (void)
{
  V21AnonymizeSummary *summary = g_new0 (V21AnonymizeSummary, 1);

  summary->people = g_ptr_array_new_with_free_func ((GDestroyNotify) replaced_person_free);
  return summary;
}

void
v21_anonymize_summary_free (V21AnonymizeSummary *summary)
{
  if (summary == NULL)
    return;
  g_ptr_array_unref (summary->people);
  g_free (summary);
}

void
v21_anonymize_summary_add_person (V21AnonymizeSummary *summary,
                                  const char          *name,
                                  const char          *label,
                                  guint                count)
{
  V21ReplacedPerson *person = g_new0 (V21ReplacedPerson, 1);

  g_return_if_fail (summary != NULL);
  person->name = g_strdup (name != NULL ? name : "");
  person->label = g_strdup (label != NULL ? label : "");
  person->count = count;
  g_ptr_array_add (summary->people, person);
}

guint
v21_anonymize_summary_total (V21AnonymizeSummary *summary)
{
  guint total = 0;

  g_return_val_if_fail (summary != NULL, 0);
  for (guint i = 0; i < summary->people->len; i++)
    total += ((V21ReplacedPerson *) g_ptr_array_index (summary->people, i))->count;
  return total;
}
