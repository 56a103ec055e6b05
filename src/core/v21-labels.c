/* v21-labels.c — what the user reads for the values of the file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-labels"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-labels.h"
#include "v21-schema.h"

typedef struct
{
  const char *domain;
  const char *value;
  const char *label;
} Label;

/* French terms from the glossary of the method. */
static const Label labels[] = {
  { "category", "elus", N_("Elected officials") },
  { "category", "services", N_("Staff") },
  { "category", "partenaires", N_("Partners") },
  { "category", "associations", N_("Associations") },
  { "category", "entreprises", N_("Businesses") },
  { "category", "habitants", N_("Residents") },
  { "category", "experts", N_("Experts") },
  { "role", "participant", N_("Participant") },
  { "role", "facilitator", N_("Facilitator") },
  { "role", "technical_lead", N_("Technical lead") },
  { "role", "political_sponsor", N_("Political sponsor") },
  { "role", "observer", N_("Observer") },
  { "invitation", "to_invite", N_("To invite") },
  { "invitation", "invited", N_("Invited") },
  { "invitation", "confirmed", N_("Confirmed") },
  { "invitation", "declined", N_("Declined") },
  { "invitation", "no_reply", N_("No reply") },
  { "sequence_kind", "plenary", N_("Plenary") },
  { "sequence_kind", "tables", N_("In tables") },
  { "sequence_kind", "break", N_("Break") },
  { "sequence_kind", "vote", N_("Vote") },
  { "sequence_kind", "report_back", N_("Report-back") },
  { "material_kind", "article", N_("Future news article") },
  { "material_kind", "challenge", N_("Challenge sheet") },
  { "material_kind", "trend", N_("Trend card") },
  { "material_kind", "portrait", N_("Portrait of the territory") },
  { "framework", "projet_territoire", N_("Territorial project") },
  { "framework", "agenda21", N_("Agenda 21") },
  { "framework", "plan_climat", N_("Climate plan") },
  { "framework", "scot", N_("SCoT (land-use plan)") },
  { "framework", "other", N_("Other") },
  { "territory_kind", "commune", N_("Municipality") },
  { "territory_kind", "epci", N_("Inter-municipality (EPCI)") },
  { "territory_kind", "departement", N_("Département") },
  { "territory_kind", "region", N_("Region") },
  { "territory_kind", "pnr", N_("Regional natural park") },
  { "territory_kind", "pays", N_("Pays") },
  { "territory_kind", "other", N_("Other") },
};

const char *
v21_label (const char *domain,
           const char *value)
{
  if (value == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (labels[i].domain, domain) == 0 && strcmp (labels[i].value, value) == 0)
      return _(labels[i].label);
  return value;
}

/* The enumerations live in the schema: read them there, so the two never differ. */
const char * const *
v21_label_values (const char *domain)
{
  static const struct { const char *domain, *collection, *field; } sources[] = {
    { "category", "people", "category" },
    { "role", "people", "role" },
    { "invitation", "people", "invitation" },
    { "sequence_kind", "sequences", "kind" },
    { "material_kind", "materials", "kind" },
  };
  const V21Kind *root = v21_schema_root ();

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (strcmp (sources[i].domain, domain) == 0)
      return v21_kind_field (v21_schema_lookup (sources[i].collection), sources[i].field)->values;
  if (strcmp (domain, "framework") == 0)
    return v21_kind_field (root, "framework")->values;
  if (strcmp (domain, "territory_kind") == 0)
    return v21_kind_field (v21_kind_field (root, "territory")->sub, "kind")->values;
  g_return_val_if_reached (NULL);
}

char *
v21_text_key (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFD);
  GString *key = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (!g_unichar_ismark (c) && g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

#define HORIZON_SHORTEST 10
#define HORIZON_LONGEST 50

char *
v21_horizon_warning (int start_year,
                     int horizon_year)
{
  int years = horizon_year - start_year;

  if (years < HORIZON_SHORTEST)
    return g_strdup_printf (_("A horizon %d years ahead is short for foresight: the method works best "
                              "between %d and %d years ahead."), years, HORIZON_SHORTEST, HORIZON_LONGEST);
  if (years > HORIZON_LONGEST)
    return g_strdup_printf (_("A horizon %d years ahead is hard to imagine together: the method works best "
                              "between %d and %d years ahead."), years, HORIZON_SHORTEST, HORIZON_LONGEST);
  return NULL;
}
