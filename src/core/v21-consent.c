/* v21-consent.c — who an output may name: the one rule of every output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-consent"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "v21-consent.h"
#include "v21-report.h"

gboolean
v21_consent_may_name (V21Record *person)
{
  g_return_val_if_fail (person != NULL, FALSE);
  return v21_record_get_bool (person, "consent");
}

/* How many people have @person's category and table. */
static guint
group_size (V21Collection *people,
            V21Record     *person)
{
  const char *category = v21_record_get_string (person, "category");
  const char *table = v21_record_get_string (person, "table");
  guint n = 0;

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *other = v21_collection_get (people, i);
      n += g_strcmp0 (v21_record_get_string (other, "category"), category) == 0
           && g_strcmp0 (v21_record_get_string (other, "table"), table) == 0;
    }
  return n;
}

char *
v21_consent_label (V21Workshop *workshop,
                   V21Record   *person)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  const char *category = v21_category_label (v21_record_get_string (person, "category"));
  guint position = 0;

  v21_collection_find (people, person, &position);
  if (category == NULL || category[0] == '\0' || group_size (people, person) < 3)
    /* Translators: a participant named by number only, in anonymised exports. */
    return g_strdup_printf (_("Participant %u"), position + 1);
  /* Translators: a participant named by number and category in anonymised
   * exports: "Participant·e 12 — élus". */
  return g_strdup_printf (_("Participant %u — %s"), position + 1, category);
}

char *
v21_consent_name (V21Workshop *workshop,
                  V21Record   *person)
{
  if (v21_consent_may_name (person))
    return g_strdup (v21_record_get_string (person, "name"));
  return v21_consent_label (workshop, person);
}
