/* v21-capitalise.c — the lessons of several workshops in one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-core"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-anonymize.h"
#include "v21-capitalise.h"
#include "v21-capture.h"
#include "v21-consent.h"
#include "v21-csv.h"
#include "v21-error.h"
#include "v21-labels.h"
#include "v21-report-private.h"
#include "v21-run-sheet.h"
#include "v21-votes.h"

struct _V21Capitalisation
{
  gboolean   anonymize;
  GPtrArray *workshops;   /* V21Workshop, the copies without what may not be named */
  GPtrArray *codes;       /* char *: the exercises' codes, in order of appearance */
};

/* What one exercise was in one workshop, from its run sheet. */
typedef struct
{
  V21Record *exercise;    /* NULL: not in that workshop */
  gboolean   ran;         /* a sequence of it actually started */
  gint64     planned;     /* minutes, every sequence of it */
  gint64     held;        /* minutes recorded */
  gint64     drift;       /* held - planned, over the sequences with a record */
  guint      cards;
  guint      rounds;
  GString   *kinds;       /* "Plenary, In tables" */
  GString   *by_kind;     /* "12 issues, 3 ideas" */
} ExerciseFigures;

V21Capitalisation *
v21_capitalisation_new (gboolean anonymize)
{
  V21Capitalisation *self = g_new0 (V21Capitalisation, 1);

  self->anonymize = anonymize;
  self->workshops = g_ptr_array_new_with_free_func (g_object_unref);
  self->codes = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
v21_capitalisation_free (V21Capitalisation *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->workshops);
  g_ptr_array_unref (self->codes);
  g_free (self);
}

static const char *
workshop_id (V21Workshop *workshop)
{
  return _v21_text (v21_workshop_get_root (workshop), "id");
}

static gboolean
has_code (V21Capitalisation *self,
          const char        *code)
{
  for (guint i = 0; i < self->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->codes, i), code) == 0)
      return TRUE;
  return FALSE;
}

gboolean
v21_capitalisation_add (V21Capitalisation  *self,
                        V21Workshop        *workshop,
                        GError            **error)
{
  V21Workshop *copy;
  V21Collection *exercises;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);

  for (guint i = 0; i < self->workshops->len; i++)
    if (workshop_id (workshop)[0] != '\0'
        && strcmp (workshop_id (g_ptr_array_index (self->workshops, i)), workshop_id (workshop)) == 0)
      {
        g_set_error (error, V21_ERROR, V21_ERROR_VALUE,
                     /* Translators: %s is a workshop's title. */
                     _("“%s” is already in the document (same workshop); it is taken once"),
                     v21_workshop_get_title (workshop));
        return FALSE;
      }
  copy = self->anonymize ? v21_anonymize (workshop, error) : v21_anonymize_unconsented (workshop, error);
  if (copy == NULL)
    return FALSE;
  g_ptr_array_add (self->workshops, copy);
  exercises = v21_workshop_get_collection (copy, "exercises");
  for (guint i = 0; i < v21_collection_get_n (exercises); i++)
    {
      const char *code = _v21_text (v21_collection_get (exercises, i), "code");

      if (code[0] != '\0' && !has_code (self, code))
        g_ptr_array_add (self->codes, g_strdup (code));
    }
  return TRUE;
}

guint
v21_capitalisation_get_n (V21Capitalisation *self)
{
  return self->workshops->len;
}

V21Workshop *
v21_capitalisation_get_first (V21Capitalisation *self)
{
  return self->workshops->len > 0 ? g_ptr_array_index (self->workshops, 0) : NULL;
}

/* Figures */

static V21Record *
find_exercise (V21Workshop *workshop,
               const char  *code)
{
  V21Collection *exercises = v21_workshop_get_collection (workshop, "exercises");

  for (guint i = 0; i < v21_collection_get_n (exercises); i++)
    if (g_strcmp0 (_v21_text (v21_collection_get (exercises, i), "code"), code) == 0)
      return v21_collection_get (exercises, i);
  return NULL;
}

/* Whether @record's "sequence" is one of @exercise's. */
static gboolean
in_exercise (V21Workshop *workshop,
             V21Record   *record,
             V21Record   *exercise)
{
  V21Record *sequence = v21_workshop_lookup (workshop, _v21_text (record, "sequence"));

  return sequence != NULL && g_strcmp0 (_v21_text (sequence, "exercise"), v21_record_get_id (exercise)) == 0;
}

static void
append_once (GString    *list,
             const char *text)
{
  if (strstr (list->str, text) != NULL)
    return;
  g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "", text);
}

static void
count_sequences (V21Workshop     *workshop,
                 ExerciseFigures *figures)
{
  V21Collection *sequences = v21_workshop_get_collection (workshop, "sequences");

  for (guint i = 0; i < v21_collection_get_n (sequences); i++)
    {
      V21Record *sequence = v21_collection_get (sequences, i);
      gint64 minutes = v21_record_get_int (sequence, "minutes", 0);

      if (g_strcmp0 (_v21_text (sequence, "exercise"), v21_record_get_id (figures->exercise)) != 0)
        continue;
      figures->planned += minutes;
      append_once (figures->kinds, v21_label ("sequence_kind", _v21_text (sequence, "kind")));
      if (_v21_text (sequence, "actual_start")[0] != '\0')
        figures->ran = TRUE;
      if (!v21_record_is_null (sequence, "actual_minutes") && v21_record_get_value (sequence, "actual_minutes") != NULL)
        {
          gint64 held = v21_record_get_int (sequence, "actual_minutes", 0);

          figures->held += held;
          figures->drift += held - minutes;
        }
    }
}

static void
count_cards (V21Workshop     *workshop,
             ExerciseFigures *figures)
{
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    {
      V21Record *card = v21_collection_get (cards, i);
      const char *kind = _v21_text (card, "kind");

      if (!in_exercise (workshop, card, figures->exercise))
        continue;
      figures->cards++;
      if (!g_hash_table_contains (kinds, kind))
        g_ptr_array_add (order, (gpointer) kind);
      g_hash_table_insert (kinds, (gpointer) kind,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (kinds, kind)) + 1));
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *kind = g_ptr_array_index (order, i);

      g_string_append_printf (figures->by_kind, "%s%s %u", figures->by_kind->len > 0 ? ", " : "",
                              v21_card_kind_label (kind), GPOINTER_TO_UINT (g_hash_table_lookup (kinds, kind)));
    }
}

static void
figures_init (V21Workshop     *workshop,
              const char      *code,
              ExerciseFigures *figures)
{
  V21Collection *rounds = v21_workshop_get_collection (workshop, "vote_rounds");

  memset (figures, 0, sizeof *figures);
  figures->kinds = g_string_new (NULL);
  figures->by_kind = g_string_new (NULL);
  figures->exercise = find_exercise (workshop, code);
  if (figures->exercise == NULL)
    return;
  count_sequences (workshop, figures);
  count_cards (workshop, figures);
  for (guint i = 0; i < v21_collection_get_n (rounds); i++)
    if (in_exercise (workshop, v21_collection_get (rounds, i), figures->exercise))
      figures->rounds++;
}

static void
figures_clear (ExerciseFigures *figures)
{
  g_string_free (figures->kinds, TRUE);
  g_string_free (figures->by_kind, TRUE);
}

static guint
participants (V21Workshop *workshop)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  guint n = 0;

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    if (g_strcmp0 (_v21_text (v21_collection_get (people, i), "role"), "participant") == 0)
      n++;
  return n;
}

/* Twice the median drift of @code where it ran (twice: a half stays exact);
 * FALSE where it ran nowhere. */
static gboolean
median_drift_x2 (V21Capitalisation *self,
                 const char        *code,
                 gint64            *median_x2)
{
  g_autoptr(GArray) drifts = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->workshops->len; i++)
    {
      ExerciseFigures figures;

      figures_init (g_ptr_array_index (self->workshops, i), code, &figures);
      if (figures.ran)
        g_array_append_val (drifts, figures.drift);
      figures_clear (&figures);
    }
  if (drifts->len == 0)
    return FALSE;
  for (guint i = 1; i < drifts->len; i++)   /* a handful: insertion sort */
    for (guint k = i; k > 0 && g_array_index (drifts, gint64, k - 1) > g_array_index (drifts, gint64, k); k--)
      {
        gint64 swap = g_array_index (drifts, gint64, k);

        g_array_index (drifts, gint64, k) = g_array_index (drifts, gint64, k - 1);
        g_array_index (drifts, gint64, k - 1) = swap;
      }
  *median_x2 = drifts->len % 2 == 1 ? 2 * g_array_index (drifts, gint64, drifts->len / 2)
               : g_array_index (drifts, gint64, drifts->len / 2 - 1) + g_array_index (drifts, gint64, drifts->len / 2);
  return TRUE;
}

/* "+5 min", "−2 min", "+2.5 min" */
static char *
drift_text (gint64 drift_x2)
{
  if (drift_x2 % 2 == 0)
    /* Translators: a drift against the plan, in minutes: "+5 min". */
    return g_strdup_printf (_("%+d min"), (int) (drift_x2 / 2));
  /* Translators: a drift of a half minute: "+2.5 min" (French: "+2,5 min"). */
  return g_strdup_printf (_("%+.1f min"), (double) drift_x2 / 2.0);
}


/* The territories side by side */

static char *
territory_field (V21Workshop *workshop,
                 const char  *field)
{
  json_object *territory = v21_record_get_value (v21_workshop_get_root (workshop), "territory");
  json_object *value = NULL;

  if (territory == NULL || !json_object_object_get_ex (territory, field, &value) || value == NULL)
    return g_strdup ("");
  return g_strdup (json_object_get_string (value));
}

/* The first paragraph of the territory's context. */
static char *
context_text (V21Workshop *workshop)
{
  g_autofree char *context = territory_field (workshop, "context");
  char *end = strstr (context, "\n\n");

  if (end != NULL)
    *end = '\0';
  return g_strdup (context);
}

/* "Elected officials 8, Residents 6" for @field ("category", "role"). */
static char *
people_by (V21Workshop *workshop,
           const char  *field)
{
  const char * const *values = v21_label_values (field);
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  GString *text = g_string_new (NULL);

  for (guint k = 0; values != NULL && values[k] != NULL; k++)
    {
      guint n = 0;

      for (guint i = 0; i < v21_collection_get_n (people); i++)
        if (g_strcmp0 (_v21_text (v21_collection_get (people, i), field), values[k]) == 0)
          n++;
      if (n > 0)
        g_string_append_printf (text, "%s%s %u", text->len > 0 ? ", " : "", v21_label (field, values[k]), n);
    }
  return g_string_free (text, FALSE);
}

static char *
horizon_text (V21Workshop *workshop)
{
  V21Record *root = v21_workshop_get_root (workshop);

  return g_strdup_printf ("%ld–%ld", (long) v21_record_get_int (root, "start_year", 0),
                          (long) v21_record_get_int (root, "horizon_year", 0));
}

static char *
tables_text (V21Workshop *workshop)
{
  return g_strdup_printf ("%u", v21_collection_get_n (v21_workshop_get_collection (workshop, "tables")));
}

static char *
facilitators_text (V21Workshop *workshop)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);
      g_autofree char *name = NULL;

      if (g_strcmp0 (_v21_text (person, "role"), "facilitator") != 0)
        continue;
      name = v21_consent_name (workshop, person);
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", name);
    }
  return g_string_free (text, FALSE);
}

typedef char *(*FieldFunc) (V21Workshop *workshop);

static char *kind_text (V21Workshop *workshop)
{
  g_autofree char *kind = territory_field (workshop, "kind");

  return g_strdup (v21_label ("territory_kind", kind));
}

static char *goal_text (V21Workshop *workshop)
{
  return g_strdup (_v21_text (v21_workshop_get_root (workshop), "political_goal"));
}

static char *participants_text (V21Workshop *workshop)
{
  return g_strdup_printf ("%u", participants (workshop));
}

static char *categories_text (V21Workshop *workshop) { return people_by (workshop, "category"); }
static char *roles_text (V21Workshop *workshop) { return people_by (workshop, "role"); }

static void
chapter_territories (V21ReportBuilder  *builder,
                     V21Capitalisation *self)
{
  static const struct { const char *label; FieldFunc field; } rows[] = {
    { N_("Kind"), kind_text }, { N_("Context"), context_text },
    { N_("Political goal"), goal_text }, { N_("Horizon"), horizon_text },
    { N_("Dates"), v21_run_sheet_format_dates }, { N_("Participants"), participants_text },
    { N_("By college"), categories_text }, { N_("By role"), roles_text },
    { N_("Tables"), tables_text }, { N_("Facilitated by"), facilitators_text },
  };
  guint n = self->workshops->len;
  g_autofree const char **headers = g_new0 (const char *, n + 1);
  g_autofree double *widths = g_new0 (double, n + 1);
  V21ReportBlock *table;

  _v21_report_heading (builder, 1, TRUE, _("The territories side by side"));
  headers[0] = "";
  widths[0] = 1.0;
  for (guint i = 0; i < n; i++)
    {
      headers[i + 1] = v21_workshop_get_territory_name (g_ptr_array_index (self->workshops, i));
      widths[i + 1] = 2.0;
    }
  table = _v21_report_table (builder, n + 1, headers, widths, 0);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      GPtrArray *row = _v21_report_row (table);

      _v21_report_cell (row, _(rows[r].label), NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *text = rows[r].field (g_ptr_array_index (self->workshops, i));

          _v21_report_cell (row, text, NULL);
        }
    }
}

/* The exercises of the toolkit */

static char *
minutes_text (gint64 minutes)
{
  /* Translators: a number of minutes in a table: "150 min". */
  return g_strdup_printf (_("%ld min"), (long) minutes);
}

static void
exercise_row (V21ReportBlock  *table,
              const char      *territory,
              ExerciseFigures *figures)
{
  GPtrArray *row = _v21_report_row (table);
  g_autofree char *planned = minutes_text (figures->planned);
  g_autofree char *held = minutes_text (figures->held);
  g_autofree char *drift = drift_text (2 * figures->drift);
  g_autofree char *cards = g_strdup_printf ("%u", figures->cards);
  g_autofree char *rounds = g_strdup_printf ("%u", figures->rounds);

  _v21_report_cell (row, territory, NULL);
  _v21_report_cell (row, planned, NULL);
  _v21_report_cell (row, held, NULL);
  _v21_report_cell (row, drift, NULL);
  _v21_report_cell (row, figures->kinds->str, NULL);
  _v21_report_cell (row, cards, figures->by_kind->len > 0 ? figures->by_kind->str : NULL);
  _v21_report_cell (row, rounds, NULL);
}

static void
exercise_notes (V21ReportBuilder  *builder,
                V21Capitalisation *self,
                const char        *code)
{
  const char *headers[] = { _("Territory"), _("Conditions of application:"), _("Terms of use:"), _("Points to watch:") };
  const double widths[] = { 1.0, 2.0, 2.0, 2.0 };
  V21ReportBlock *table = NULL;

  for (guint i = 0; i < self->workshops->len; i++)
    {
      V21Workshop *workshop = g_ptr_array_index (self->workshops, i);
      V21Record *exercise = find_exercise (workshop, code);
      V21Collection *notes = v21_workshop_get_collection (workshop, "exercise_notes");

      for (guint k = 0; exercise != NULL && k < v21_collection_get_n (notes); k++)
        {
          V21Record *note = v21_collection_get (notes, k);
          GPtrArray *row;

          if (g_strcmp0 (_v21_text (note, "exercise"), v21_record_get_id (exercise)) != 0)
            continue;
          if (table == NULL)
            {
              _v21_report_heading (builder, 3, FALSE, _("What the facilitators learnt"));
              table = _v21_report_table (builder, 4, headers, widths, 0);
            }
          row = _v21_report_row (table);
          _v21_report_cell (row, v21_workshop_get_territory_name (workshop), NULL);
          _v21_report_cell (row, _v21_text (note, "conditions"), NULL);
          _v21_report_cell (row, _v21_text (note, "usage"), NULL);
          _v21_report_cell (row, _v21_text (note, "vigilance"), NULL);
        }
    }
}

static void
section_exercise (V21ReportBuilder  *builder,
                  V21Capitalisation *self,
                  const char        *code)
{
  const char *headers[] = { _("Territory"), _("Planned"), _("Held"), _("Drift"), _("Format"), _("Contributions"), _("Vote rounds") };
  const double widths[] = { 2.0, 1.0, 1.0, 1.0, 1.5, 2.0, 0.8 };
  g_autofree char *heading = NULL;
  GString *not_run = g_string_new (NULL);
  V21ReportBlock *table = NULL;
  const char *title = "";

  for (guint i = 0; i < self->workshops->len && title[0] == '\0'; i++)
    title = _v21_text (find_exercise (g_ptr_array_index (self->workshops, i), code), "title");
  heading = g_strdup_printf ("%s — %s", code, title);
  _v21_report_heading (builder, 2, TRUE, heading);
  for (guint i = 0; i < self->workshops->len; i++)
    {
      V21Workshop *workshop = g_ptr_array_index (self->workshops, i);
      ExerciseFigures figures;

      figures_init (workshop, code, &figures);
      if (figures.ran && table == NULL)
        table = _v21_report_table (builder, 7, headers, widths, 0x4e);
      if (figures.ran)
        exercise_row (table, v21_workshop_get_territory_name (workshop), &figures);
      else
        append_once (not_run, v21_workshop_get_territory_name (workshop));
      figures_clear (&figures);
    }
  if (not_run->len > 0)
    _v21_report_paragraph (builder, V21_TEXT_NOTE, _("Not run in:"), not_run->str);
  g_string_free (not_run, TRUE);
  exercise_notes (builder, self, code);
}

static void
chapter_exercises (V21ReportBuilder  *builder,
                   V21Capitalisation *self)
{
  _v21_report_heading (builder, 1, TRUE, _("The toolkit’s exercises"));
  _v21_report_paragraph (builder, V21_TEXT_INTRO, NULL,
                         _("For each exercise, where it ran, its planned and held durations from the run sheets, "
                           "what it produced and what the facilitators of each territory noted."));
  for (guint i = 0; i < self->codes->len; i++)
    section_exercise (builder, self, g_ptr_array_index (self->codes, i));
}

/* What the method produced */

/* The first five of the first round on @kind that has votes, ranked. */
static void
ranked_list (V21ReportBuilder *builder,
             V21Workshop      *workshop,
             const char       *kind,
             const char       *title)
{
  g_autoptr(V21VoteResults) results = _v21_report_first_results (workshop, kind);
  V21ReportBlock *list;

  if (results == NULL)
    return;
  _v21_report_paragraph (builder, V21_TEXT_BODY, title, NULL);
  list = _v21_report_list (builder);
  for (guint i = 0; i < results->n_tallies && i < 5 && results->tallies[i].total > 0; i++)
    {
      g_autofree char *rank = g_strdup_printf ("%u.", results->tallies[i].rank);
      g_autofree char *votes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld vote", "%ld votes", results->tallies[i].total),
                                                (long) results->tallies[i].total);

      _v21_report_list_add (list, rank, results->tallies[i].label, votes);
    }
}

static void
visions_list (V21ReportBuilder *builder,
              V21Workshop      *workshop)
{
  V21Collection *scenarios = v21_workshop_get_collection (workshop, "scenarios");
  V21ReportBlock *list = NULL;

  for (guint i = 0; i < v21_collection_get_n (scenarios); i++)
    {
      V21Record *scenario = v21_collection_get (scenarios, i);

      if (g_strcmp0 (_v21_text (scenario, "kind"), "desired") != 0)
        continue;
      if (list == NULL)
        {
          _v21_report_paragraph (builder, V21_TEXT_BODY, _("Shared vision:"), NULL);
          list = _v21_report_list (builder);
        }
      _v21_report_list_add (list, NULL, _v21_text (scenario, "title"), NULL);
    }
}

/* The comparative timeline: the labelled milestones and the vision of each
 * territory's desired trajectories (the path to its shared vision). */

static gboolean
is_desired_trajectory (V21Workshop *workshop,
                       const char  *id)
{
  V21Record *trajectory = v21_workshop_lookup (workshop, id);

  return trajectory != NULL && g_strcmp0 (_v21_text (trajectory, "style"), "desired") == 0;
}

static gint
compare_points (gconstpointer a,
                gconstpointer b)
{
  V21Record *p = *(V21Record * const *) a;
  V21Record *q = *(V21Record * const *) b;
  gint64 x = v21_record_get_int (p, "year", 0), y = v21_record_get_int (q, "year", 0);

  return x < y ? -1 : x > y;
}

/* The main milestones of @workshop, by year (borrowed records). */
static GPtrArray *
main_milestones (V21Workshop *workshop)
{
  V21Collection *points = v21_workshop_get_collection (workshop, "points");
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < v21_collection_get_n (points); i++)
    {
      V21Record *point = v21_collection_get (points, i);
      const char *kind = _v21_text (point, "kind");

      if (_v21_text (point, "label")[0] == '\0'
          || (g_strcmp0 (kind, "milestone") != 0 && g_strcmp0 (kind, "vision") != 0)
          || !is_desired_trajectory (workshop, _v21_text (point, "trajectory")))
        continue;
      g_ptr_array_add (out, point);
    }
  g_ptr_array_sort (out, compare_points);
  return out;
}

static void
timeline_row (V21ReportBlock *table,
              const char     *territory,
              V21Record      *point,
              gboolean        with_note)
{
  GPtrArray *row = _v21_report_row (table);
  g_autofree char *year = g_strdup_printf ("%ld", (long) v21_record_get_int (point, "year", 0));

  _v21_report_cell (row, territory, NULL);
  _v21_report_cell (row, year, with_note ? year : NULL);
  _v21_report_cell (row, _v21_text (point, "label"), with_note && g_strcmp0 (_v21_text (point, "kind"), "vision") == 0
                                                     ? "vision" : NULL);
}

static void
timeline_figure (V21ReportBuilder  *builder,
                 V21Capitalisation *self)
{
  const char *headers[] = { _("Territory"), _("Year"), _("Milestone") };
  const double widths[] = { 2.0, 0.6, 4.0 };
  V21ReportBlock *figure, *data;
  guint n = 0;

  for (guint i = 0; i < self->workshops->len; i++)
    {
      g_autoptr(GPtrArray) milestones = main_milestones (g_ptr_array_index (self->workshops, i));

      n += milestones->len;
    }
  if (n == 0)
    return;
  _v21_report_heading (builder, 2, TRUE, _("The trajectories compared"));
  /* Ending with a colon, it stays on the page of the figure it introduces. */
  _v21_report_paragraph (builder, V21_TEXT_BODY, NULL,
                         _("The main milestones of the path each territory chose towards its shared vision, "
                           "on one timeline, one row per territory:"));
  /* 0.17 of the width per territory, and room for the axis. */
  _v21_report_figure (builder, V21_FIGURE_TIMELINE, NULL, _("The milestones of the territories’ desired paths"),
                      0.06 + 0.17 * self->workshops->len);
  figure = g_ptr_array_index (builder->report->blocks, builder->report->blocks->len - 1);
  figure->n_columns = 3;
  figure->header = g_ptr_array_new_with_free_func (g_free);
  figure->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (figure->header, g_strdup (headers[i]));
  data = _v21_report_figure_data (builder, 3, headers, widths, 0x2);
  for (guint i = 0; i < self->workshops->len; i++)
    {
      V21Workshop *workshop = g_ptr_array_index (self->workshops, i);
      g_autoptr(GPtrArray) milestones = main_milestones (workshop);

      for (guint k = 0; k < milestones->len; k++)
        {
          timeline_row (figure, v21_workshop_get_territory_name (workshop), g_ptr_array_index (milestones, k), TRUE);
          timeline_row (data, v21_workshop_get_territory_name (workshop), g_ptr_array_index (milestones, k), FALSE);
        }
    }
}

static void
chapter_results (V21ReportBuilder  *builder,
                 V21Capitalisation *self)
{
  _v21_report_heading (builder, 1, TRUE, _("What the method produced"));
  for (guint i = 0; i < self->workshops->len; i++)
    {
      V21Workshop *workshop = g_ptr_array_index (self->workshops, i);

      _v21_report_heading (builder, 2, TRUE, v21_workshop_get_territory_name (workshop));
      visions_list (builder, workshop);
      ranked_list (builder, workshop, "issue", _("Priority issues:"));
      ranked_list (builder, workshop, "action", _("Priority actions:"));
    }
  timeline_figure (builder, self);
}

/* Figures */

typedef struct
{
  guint  participants;
  guint  cards;
  gint64 held;                  /* minutes of the exercises, as held */
  gint64 participant_minutes;   /* participants × held, summed over territories */
} TerritoryFigures;

static void
territory_figures (V21Capitalisation *self,
                   V21Workshop       *workshop,
                   TerritoryFigures  *out)
{
  out->participants = participants (workshop);
  out->cards = v21_collection_get_n (v21_workshop_get_collection (workshop, "cards"));
  out->held = 0;
  for (guint i = 0; i < self->codes->len; i++)
    {
      ExerciseFigures figures;

      figures_init (workshop, g_ptr_array_index (self->codes, i), &figures);
      out->held += figures.held;
      figures_clear (&figures);
    }
  out->participant_minutes = out->participants * out->held;
}

/* Contributions per participant per hour. */
static double
rate_of (const TerritoryFigures *figures)
{
  return figures->participant_minutes > 0 ? figures->cards / (figures->participant_minutes / 60.0) : 0.0;
}

/* To two decimals, the language's way. */
static char *
rate_text (const TerritoryFigures *figures)
{
  return g_strdup_printf ("%.2f", rate_of (figures));
}

static void
figures_row (V21ReportBlock         *table,
             const char             *label,
             const TerritoryFigures *figures)
{
  GPtrArray *row = _v21_report_row (table);
  g_autofree char *people = g_strdup_printf ("%u", figures->participants);
  g_autofree char *cards = g_strdup_printf ("%u", figures->cards);
  g_autofree char *held = _v21_report_duration (figures->held);
  g_autofree char *rate = rate_text (figures);

  _v21_report_cell (row, label, NULL);
  _v21_report_cell (row, people, NULL);
  _v21_report_cell (row, cards, NULL);
  _v21_report_cell (row, held, NULL);
  _v21_report_cell (row, rate, NULL);
}

static void drift_figure (V21ReportBuilder *builder, V21Capitalisation *self);

static void
chapter_figures (V21ReportBuilder  *builder,
                 V21Capitalisation *self)
{
  const char *headers[] = { _("Territory"), _("Participants"), _("Contributions"), _("Exercises held"), _("Per participant per hour") };
  const double widths[] = { 3.0, 1.0, 1.0, 1.0, 1.0 };
  const char *drift_headers[] = { _("Exercise"), _("Median drift") };
  const double drift_widths[] = { 3.0, 1.0 };
  TerritoryFigures total = { 0 };
  V21ReportBlock *table;

  _v21_report_heading (builder, 1, TRUE, _("The figures"));
  table = _v21_report_table (builder, 5, headers, widths, 0x1e);
  for (guint i = 0; i < self->workshops->len; i++)
    {
      V21Workshop *workshop = g_ptr_array_index (self->workshops, i);
      TerritoryFigures figures;

      territory_figures (self, workshop, &figures);
      figures_row (table, v21_workshop_get_territory_name (workshop), &figures);
      total.participants += figures.participants;
      total.cards += figures.cards;
      total.held += figures.held;
      total.participant_minutes += figures.participant_minutes;
    }
  figures_row (table, _("All territories"), &total);
  table->total_row = TRUE;
  _v21_report_paragraph (builder, V21_TEXT_NOTE, NULL,
                         _("Drift against the plan: the minutes held minus the minutes planned, over the sequences whose "
                           "duration was recorded; the median of the territories where the exercise ran."));
  table = _v21_report_table (builder, 2, drift_headers, drift_widths, 0x2);
  for (guint i = 0; i < self->codes->len; i++)
    {
      const char *code = g_ptr_array_index (self->codes, i);
      gint64 median_x2;
      g_autofree char *drift = NULL;
      GPtrArray *row;

      if (!median_drift_x2 (self, code, &median_x2))
        continue;
      drift = drift_text (median_x2);
      row = _v21_report_row (table);
      _v21_report_cell (row, code, NULL);
      _v21_report_cell (row, drift, NULL);
    }
  drift_figure (builder, self);
}

/* The drift chart: each exercise's median drift, and each territory's. */
static void
drift_figure (V21ReportBuilder  *builder,
              V21Capitalisation *self)
{
  guint n = self->workshops->len;
  g_autofree const char **headers = g_new0 (const char *, n + 2);
  g_autofree double *widths = g_new0 (double, n + 2);
  V21ReportBlock *figure, *data;
  guint n_rows = 0;

  for (guint i = 0; i < self->codes->len; i++)
    {
      gint64 median_x2;

      if (median_drift_x2 (self, g_ptr_array_index (self->codes, i), &median_x2))
        n_rows++;
    }
  if (n_rows == 0)
    return;
  headers[0] = _("Exercise");
  widths[0] = 3.0;
  for (guint i = 0; i < n; i++)
    {
      headers[i + 1] = v21_workshop_get_territory_name (g_ptr_array_index (self->workshops, i));
      widths[i + 1] = 1.5;
    }
  headers[n + 1] = _("Median drift");
  widths[n + 1] = 1.0;
  _v21_report_figure (builder, V21_FIGURE_DRIFT, NULL, _("Drift against the plan per exercise, in minutes"),
                      MIN (1.2, 0.12 + 0.075 * n_rows));
  figure = g_ptr_array_index (builder->report->blocks, builder->report->blocks->len - 1);
  figure->n_columns = n + 2;
  figure->header = g_ptr_array_new_with_free_func (g_free);
  figure->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n + 2; i++)
    g_ptr_array_add (figure->header, g_strdup (headers[i]));
  data = _v21_report_figure_data (builder, n + 2, headers, widths, ((1u << (n + 2)) - 1) & ~1u);
  for (guint i = 0; i < self->codes->len; i++)
    {
      const char *code = g_ptr_array_index (self->codes, i);
      g_autofree char *median = NULL, *median_note = NULL, *name = NULL;
      const char *title = "";
      GPtrArray *row, *data_row;
      gint64 median_x2;

      if (!median_drift_x2 (self, code, &median_x2))
        continue;
      for (guint k = 0; k < n && title[0] == '\0'; k++)
        title = _v21_text (find_exercise (g_ptr_array_index (self->workshops, k), code), "title");
      name = g_strdup_printf ("%s — %s", code, title);
      row = _v21_report_row (figure);
      data_row = _v21_report_row (data);
      _v21_report_cell (row, code, NULL);
      _v21_report_cell (data_row, name, NULL);
      for (guint k = 0; k < n; k++)
        {
          ExerciseFigures figures;

          figures_init (g_ptr_array_index (self->workshops, k), code, &figures);
          if (figures.ran)
            {
              g_autofree char *text = drift_text (2 * figures.drift);
              g_autofree char *note = g_strdup_printf ("%ld", (long) (2 * figures.drift));

              _v21_report_cell (row, text, note);
              _v21_report_cell (data_row, text, NULL);
            }
          else
            {
              /* Translators: in the drift chart's table, an exercise that did not run in a territory. */
              _v21_report_cell (row, _("not run"), NULL);
              _v21_report_cell (data_row, _("not run"), NULL);
            }
          figures_clear (&figures);
        }
      median = drift_text (median_x2);
      median_note = g_strdup_printf ("%ld", (long) median_x2);
      _v21_report_cell (row, median, median_note);
      _v21_report_cell (data_row, median, NULL);
    }
}

V21Report *
v21_capitalisation_report (V21Capitalisation *self)
{
  V21ReportBuilder builder = { 0 };
  V21Report *report;

  g_return_val_if_fail (self != NULL && self->workshops->len > 0, NULL);

  report = _v21_report_alloc (_("What the method taught"), _("Capitalisation of the experiment"));
  report->anonymized = self->anonymize;
  builder.workshop = g_ptr_array_index (self->workshops, 0);
  builder.report = report;
  chapter_territories (&builder, self);
  chapter_exercises (&builder, self);
  chapter_results (&builder, self);
  chapter_figures (&builder, self);
  return report;
}

/* CSV */

/* @value is a number (written as it is: a minus sign is no formula) or text. */
static void
csv_line (GString    *out,
          const char *territory,
          const char *code,
          const char *measure,
          const char *value,
          gboolean    number)
{
  g_autofree char *a = v21_csv_cell (territory);
  g_autofree char *b = v21_csv_cell (code);
  g_autofree char *c = v21_csv_cell (measure);
  g_autofree char *d = number ? g_strdup (value) : v21_csv_cell (value);

  g_string_append_printf (out, "%s;%s;%s;%s\r\n", a, b, c, d);
}

static void
csv_number (GString    *out,
            const char *territory,
            const char *code,
            const char *measure,
            gint64      value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%ld", (long) value);
  csv_line (out, territory, code, measure, text, TRUE);
}

static void
csv_territory (V21Capitalisation *self,
               V21Workshop       *workshop,
               GString           *out)
{
  const char *territory = v21_workshop_get_territory_name (workshop);
  TerritoryFigures totals;
  char rate[32];

  territory_figures (self, workshop, &totals);
  csv_number (out, territory, "", "participants", totals.participants);
  csv_number (out, territory, "", "contributions", totals.cards);
  csv_number (out, territory, "", "held_minutes", totals.held);
  g_ascii_formatd (rate, sizeof rate, "%.2f", rate_of (&totals));
  g_strdelimit (rate, ".", ',');
  csv_line (out, territory, "", "contributions_per_participant_hour", rate, TRUE);
  for (guint i = 0; i < self->codes->len; i++)
    {
      const char *code = g_ptr_array_index (self->codes, i);
      ExerciseFigures figures;

      figures_init (workshop, code, &figures);
      if (figures.ran)
        {
          csv_number (out, territory, code, "planned_minutes", figures.planned);
          csv_number (out, territory, code, "held_minutes", figures.held);
          csv_number (out, territory, code, "drift_minutes", figures.drift);
          csv_number (out, territory, code, "contributions", figures.cards);
          csv_number (out, territory, code, "vote_rounds", figures.rounds);
        }
      figures_clear (&figures);
    }
}

char *
v21_capitalisation_csv (V21Capitalisation *self,
                        gsize             *length)
{
  /* As v21-csv.h writes for French Excel: a byte order mark, ";", CRLF, and
   * decimals with a comma. */
  GString *out = g_string_new ("\xef\xbb\xbfterritory;exercise;measure;value\r\n");

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->workshops->len; i++)
    csv_territory (self, g_ptr_array_index (self->workshops, i), out);
  for (guint i = 0; i < self->codes->len; i++)
    {
      const char *code = g_ptr_array_index (self->codes, i);
      gint64 median_x2;
      char text[32];

      if (!median_drift_x2 (self, code, &median_x2))
        continue;
      g_ascii_formatd (text, sizeof text, "%.1f", median_x2 / 2.0);
      g_strdelimit (text, ".", ',');
      csv_line (out, "", code, "median_drift_minutes", text, TRUE);
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
