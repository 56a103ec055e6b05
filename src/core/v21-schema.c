#define G_LOG_DOMAIN "v21-schema"

#include "config.h"

#include <string.h>

#include "v21-schema.h"

#define END { NULL, 0, 0, 0, 0, NULL, NULL, NULL }
#define ID { "id", V21_FIELD_ID, V21_REQUIRED, 0, 0, NULL, NULL, NULL }
#define SHORT(n, f) { n, V21_FIELD_SHORT, f, 0, 0, NULL, NULL, NULL }
#define LONG(n) { n, V21_FIELD_LONG, 0, 0, 0, NULL, NULL, NULL }
#define INT(n, f, lo, hi) { n, V21_FIELD_INT, f, lo, hi, NULL, NULL, NULL }
#define NUMBER(n, f, lo, hi) { n, V21_FIELD_NUMBER, f, lo, hi, NULL, NULL, NULL }
#define BOOL(n) { n, V21_FIELD_BOOL, 0, 0, 0, NULL, NULL, NULL }
#define ENUM(n, f, v) { n, V21_FIELD_ENUM, f, 0, 0, v, NULL, NULL }
#define REF(n, f, t) { n, V21_FIELD_REF, f, 0, 0, NULL, t, NULL }
#define TYPED(n, type, f) { n, type, f, 0, 0, NULL, NULL, NULL }

static const char * const card_kinds[] = {
  "issue", "threat", "resource", "trend", "weak_signal", "challenge", "idea",
  "action", "vision", NULL
};
static const char * const territory_kinds[] = {
  "commune", "epci", "departement", "region", "pnr", "pays", "other", NULL
};
static const char * const frameworks[] = {
  "projet_territoire", "agenda21", "plan_climat", "scot", "other", NULL
};
static const char * const categories[] = {
  "elus", "services", "partenaires", "associations", "entreprises", "habitants",
  "experts", NULL
};
static const char * const roles[] = {
  "participant", "facilitator", "technical_lead", "political_sponsor", "observer", NULL
};
static const char * const invitation_states[] = {
  "to_invite", "invited", "confirmed", "declined", "no_reply", NULL
};
static const char * const sequence_kinds[] = {
  "plenary", "tables", "break", "vote", "report_back", NULL
};
static const char * const statuses[] = { "planned", "running", "done", "skipped", NULL };
static const char * const material_kinds[] = {
  "article", "challenge", "trend", "portrait", NULL
};
static const char * const link_kinds[] = {
  "threatens", "mobilises", "answers", "leads_to", "contradicts", "reinforces", NULL
};
static const char * const vote_targets[] = { "cards", "clusters", NULL };
static const char * const vote_methods[] = { "dots", "points", NULL };
static const char * const voter_kinds[] = { "people", "tables", NULL };
static const char * const scenario_kinds[] = {
  "baseline", "desired", "disruption", "exploratory", NULL
};
static const char * const trajectory_styles[] = {
  "past", "baseline", "desired", "disruption", "exploratory", NULL
};
static const char * const point_kinds[] = {
  "milestone", "bifurcation", "vision", "threat", "resource", "weak_signal", "action", NULL
};

static const V21Field territory_fields[] = {
  SHORT ("name", V21_REQUIRED),
  ENUM ("kind", 0, territory_kinds),
  INT ("population", V21_NULLABLE, 0, 100000000),
  LONG ("context"),
  END
};
static const V21Kind territory_kind = { NULL, territory_fields };

/* What the written report holds (see v21_report_get_sections()). */
static const V21Field report_fields[] = {
  BOOL ("context"),
  BOOL ("people"),
  BOOL ("participant_list"),
  BOOL ("run_sheet"),
  BOOL ("results"),
  BOOL ("method_notes"),
  BOOL ("appendix"),
  END
};
static const V21Kind report_kind = { NULL, report_fields };

/* Who invites: the letters' heading and signature. */
static const V21Field authority_fields[] = {
  SHORT ("name", 0),
  LONG ("address"),
  SHORT ("signatory", 0),
  SHORT ("signatory_title", 0),
  END
};
static const V21Kind authority_kind = { NULL, authority_fields };

static const V21Field invitation_letter_fields[] = {
  LONG ("template"),
  TYPED ("reply_by", V21_FIELD_DATE, V21_NULLABLE),
  END
};
static const V21Kind invitation_letter_kind = { NULL, invitation_letter_fields };

static const V21Field root_fields[] = {
  ID,
  SHORT ("title", V21_REQUIRED | V21_NONEMPTY),
  { "territory", V21_FIELD_OBJECT, V21_REQUIRED, 0, 0, NULL, NULL, &territory_kind },
  ENUM ("framework", 0, frameworks),
  LONG ("political_goal"),
  INT ("start_year", V21_REQUIRED, 1900, 2200),
  INT ("horizon_year", V21_REQUIRED, 1901, 2400),
  SHORT ("venue", 0),
  { "report", V21_FIELD_OBJECT, 0, 0, 0, NULL, NULL, &report_kind },
  { "authority", V21_FIELD_OBJECT, 0, 0, 0, NULL, NULL, &authority_kind },
  { "invitation_letter", V21_FIELD_OBJECT, 0, 0, 0, NULL, NULL, &invitation_letter_kind },
  END
};

static const V21Field day_fields[] = {
  ID,
  TYPED ("date", V21_FIELD_DATE, V21_REQUIRED),
  TYPED ("start", V21_FIELD_TIME, V21_REQUIRED),
  TYPED ("end", V21_FIELD_TIME, V21_REQUIRED),
  END
};
static const V21Field table_fields[] = {
  ID,
  SHORT ("name", V21_REQUIRED | V21_NONEMPTY),
  TYPED ("color", V21_FIELD_COLOR, 0),
  END
};
static const V21Field person_fields[] = {
  ID,
  SHORT ("name", V21_REQUIRED | V21_NONEMPTY),
  SHORT ("organisation", 0),
  ENUM ("category", 0, categories),
  ENUM ("role", 0, roles),
  REF ("table", V21_NULLABLE, "tables"),
  SHORT ("email", 0),
  BOOL ("consent"),
  BOOL ("locked"),
  ENUM ("invitation", 0, invitation_states),
  TYPED ("invited_on", V21_FIELD_DATE, V21_NULLABLE),
  { "attended", V21_FIELD_REF_LIST, 0, 0, 0, NULL, "days", NULL },
  END
};
static const V21Field exercise_fields[] = {
  ID,
  SHORT ("code", 0),
  SHORT ("title", V21_REQUIRED | V21_NONEMPTY),
  LONG ("summary"),
  INT ("minutes", 0, 1, 1440),
  ENUM ("kind", 0, sequence_kinds),
  LONG ("instructions"),
  { "outputs", V21_FIELD_ENUM_LIST, 0, 0, 0, card_kinds, NULL, NULL },
  END
};
static const V21Field sequence_fields[] = {
  ID,
  REF ("day", V21_REQUIRED | V21_CASCADE, "days"),
  TYPED ("start", V21_FIELD_TIME, 0),
  INT ("minutes", V21_REQUIRED, 1, 1440),
  SHORT ("title", V21_REQUIRED | V21_NONEMPTY),
  REF ("exercise", V21_NULLABLE, "exercises"),
  ENUM ("kind", V21_REQUIRED, sequence_kinds),
  LONG ("instructions"),
  LONG ("notes"),
  ENUM ("status", 0, statuses),
  TYPED ("actual_start", V21_FIELD_INSTANT, V21_NULLABLE),
  INT ("actual_minutes", V21_NULLABLE, 0, 1440),
  END
};
static const V21Field material_fields[] = {
  ID,
  ENUM ("kind", V21_REQUIRED, material_kinds),
  SHORT ("title", V21_REQUIRED | V21_NONEMPTY),
  INT ("year", V21_NULLABLE, 1900, 2300),
  LONG ("body"),
  SHORT ("source", 0),
  REF ("exercise", V21_NULLABLE, "exercises"),
  END
};
static const V21Field cluster_fields[] = {
  ID,
  SHORT ("name", V21_REQUIRED | V21_NONEMPTY),
  ENUM ("kind", V21_NULLABLE, card_kinds),
  REF ("sequence", V21_NULLABLE, "sequences"),
  END
};
static const V21Field card_fields[] = {
  ID,
  ENUM ("kind", V21_REQUIRED, card_kinds),
  SHORT ("text", V21_REQUIRED | V21_NONEMPTY),
  LONG ("details"),
  REF ("table", V21_NULLABLE, "tables"),
  REF ("sequence", V21_NULLABLE, "sequences"),
  REF ("cluster", V21_NULLABLE, "clusters"),
  TYPED ("created", V21_FIELD_INSTANT, 0),
  END
};
static const V21Field link_fields[] = {
  ID,
  REF ("from", V21_REQUIRED | V21_CASCADE, "cards"),
  REF ("to", V21_REQUIRED | V21_CASCADE, "cards"),
  ENUM ("kind", V21_REQUIRED, link_kinds),
  END
};
static const V21Field vote_round_fields[] = {
  ID,
  SHORT ("title", V21_REQUIRED | V21_NONEMPTY),
  REF ("sequence", V21_NULLABLE, "sequences"),
  ENUM ("target", V21_REQUIRED, vote_targets),
  ENUM ("card_kind", V21_NULLABLE, card_kinds),
  { "targets", V21_FIELD_REF_LIST, 0, 0, 0, NULL, NULL, NULL },
  ENUM ("method", V21_REQUIRED, vote_methods),
  INT ("budget", V21_REQUIRED, 1, 100),
  ENUM ("voters", V21_REQUIRED, voter_kinds),
  BOOL ("revealed"),
  END
};
static const V21Field vote_fields[] = {
  ID,
  REF ("round", V21_REQUIRED | V21_CASCADE, "vote_rounds"),
  REF ("voter", V21_NULLABLE | V21_CASCADE, NULL),
  REF ("target", V21_REQUIRED | V21_CASCADE, NULL),
  INT ("count", V21_REQUIRED, 1, 10000),
  END
};
static const V21Field score_fields[] = {
  ID,
  REF ("challenge", V21_REQUIRED | V21_CASCADE, "cards"),
  REF ("answer", V21_REQUIRED | V21_CASCADE, "cards"),
  INT ("score", V21_REQUIRED, 0, 3),
  LONG ("comment"),
  END
};
static const V21Field scenario_fields[] = {
  ID,
  ENUM ("kind", V21_REQUIRED, scenario_kinds),
  SHORT ("title", V21_REQUIRED | V21_NONEMPTY),
  LONG ("narrative"),
  REF ("table", V21_NULLABLE, "tables"),
  END
};
static const V21Field trajectory_fields[] = {
  ID,
  REF ("scenario", V21_REQUIRED | V21_CASCADE, "scenarios"),
  ENUM ("style", V21_REQUIRED, trajectory_styles),
  SHORT ("indicator", 0),
  SHORT ("unit", 0),
  END
};
static const V21Field point_fields[] = {
  ID,
  REF ("trajectory", V21_REQUIRED | V21_CASCADE, "trajectories"),
  INT ("year", V21_REQUIRED, 1800, 2300),
  NUMBER ("level", V21_REQUIRED, 0, 1),
  SHORT ("label", 0),
  ENUM ("kind", V21_REQUIRED, point_kinds),
  REF ("card", V21_NULLABLE, "cards"),
  BOOL ("highlight"),
  END
};
static const V21Field exercise_note_fields[] = {
  ID,
  REF ("exercise", V21_REQUIRED | V21_CASCADE, "exercises"),
  LONG ("conditions"),
  LONG ("usage"),
  LONG ("vigilance"),
  END
};
static const V21Field checklist_fields[] = {
  ID,
  SHORT ("label", V21_REQUIRED | V21_NONEMPTY),
  BOOL ("done"),
  END
};

static const V21Kind root_kind = { NULL, root_fields };
static const V21Kind kinds[] = {
  { "days", day_fields },
  { "tables", table_fields },
  { "people", person_fields },
  { "exercises", exercise_fields },
  { "sequences", sequence_fields },
  { "materials", material_fields },
  { "clusters", cluster_fields },
  { "cards", card_fields },
  { "links", link_fields },
  { "vote_rounds", vote_round_fields },
  { "votes", vote_fields },
  { "robustness", score_fields },
  { "scenarios", scenario_fields },
  { "trajectories", trajectory_fields },
  { "points", point_fields },
  { "exercise_notes", exercise_note_fields },
  { "checklist", checklist_fields },
};

const V21Kind *
v21_schema_root (void)
{
  return &root_kind;
}

const V21Kind **
v21_schema_collections (void)
{
  static const V21Kind *list[G_N_ELEMENTS (kinds) + 1];

  if (list[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      list[i] = &kinds[i];
  return list;
}

const V21Kind *
v21_schema_lookup (const char *collection)
{
  /* Records name their list with the schema's own string: found without a
   * comparison of text, as the edits and the index ask for every record. */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].collection == collection)
      return &kinds[i];
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].collection, collection) == 0)
      return &kinds[i];
  return NULL;
}

const V21Field *
v21_kind_field (const V21Kind *kind,
                const char    *name)
{
  for (const V21Field *f = kind->fields; f->name; f++)
    if (strcmp (f->name, name) == 0)
      return f;
  return NULL;
}

const char * const *
v21_card_kinds (void)
{
  return card_kinds;
}
