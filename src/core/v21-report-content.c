/* v21-report-content.c — the chapters of the written report
 *
 * In order: in short; context and framing; who took part; the run sheet as
 * held; what each exercise produced (cards by cluster, votes, the robustness
 * test, scenarios and trajectories); lessons on the method (exercise notes);
 * an appendix of every card. Private notes of the run sheet never appear, and
 * people are named only when they consented.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-report"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-report-private.h"
#include "v21-invitations.h"
#include "v21-typography.h"
#include "v21-consent.h"
#include "v21-capture.h"
#include "v21-robustness.h"
#include "v21-run-sheet.h"
#include "v21-votes.h"

#define CONTENT_WIDTH 483.0   /* points: A4 less the margins; figures' aspect */

/* Helpers */

static V21Record *
lookup_in (V21Workshop *workshop,
           const char  *id,
           const char  *collection)
{
  V21Record *record = id != NULL ? v21_workshop_lookup (workshop, id) : NULL;

  if (record == NULL || g_strcmp0 (v21_record_get_collection (record), collection) != 0)
    return NULL;
  return record;
}

static const char *
table_name (V21Workshop *workshop,
            const char  *table_id)
{
  V21Record *table = lookup_in (workshop, table_id, "tables");

  return table != NULL ? _v21_text (table, "name") : NULL;
}

static const char *
exercise_of_sequence (V21Workshop *workshop,
                      const char  *sequence_id)
{
  V21Record *sequence = lookup_in (workshop, sequence_id, "sequences");

  if (sequence == NULL || v21_record_is_null (sequence, "exercise"))
    return NULL;
  return _v21_text (sequence, "exercise");
}

static gboolean
has_output (V21Record  *exercise,
            const char *kind)
{
  json_object *outputs = v21_record_get_value (exercise, "outputs");

  for (gsize i = 0; outputs != NULL && json_object_is_type (outputs, json_type_array)
                    && i < json_object_array_length (outputs); i++)
    if (g_strcmp0 (json_object_get_string (json_object_array_get_idx (outputs, i)), kind) == 0)
      return TRUE;
  return FALSE;
}

static const char *
plural_kind_label (const char *kind)
{
  static const struct { const char *kind; const char *label; } labels[] = {
    { "issue", N_("Issues") },
    { "threat", N_("Threats") },
    { "resource", N_("Resources") },
    { "challenge", N_("Challenges") },
    { "trend", N_("Trends") },
    { "weak_signal", N_("Weak signals") },
    { "vision", N_("Visions") },
    { "idea", N_("Ideas") },
    { "action", N_("Action ideas") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].kind, kind) == 0)
      return _(labels[i].label);
  return kind;
}

/* Card kinds in the order a report tells them. */
static const char * const report_kinds[] = {
  "issue", "threat", "resource", "challenge", "trend", "weak_signal", "vision", "idea", "action", NULL
};

static const char *
label_of (const char * const *ids,
          const char * const *labels,
          const char         *id)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return _(labels[i]);
  return id != NULL ? id : "";
}

static const char *
scenario_kind_label (const char *kind)
{
  static const char * const ids[] = { "baseline", "desired", "disruption", "exploratory", NULL };
  static const char * const labels[] = {
    N_("Baseline scenario"), N_("Desired scenario"), N_("Disruption scenario"), N_("Exploratory scenario")
  };

  return label_of (ids, labels, kind);
}

static const char *
point_kind_label (const char *kind)
{
  static const char * const ids[] = {
    "milestone", "bifurcation", "vision", "threat", "resource", "weak_signal", "action", NULL
  };
  static const char * const labels[] = {
    N_("Milestone"), N_("Bifurcation"), N_("Vision"), N_("Threat"), N_("Resource"), N_("Weak signal"),
    N_("Action")
  };

  return label_of (ids, labels, kind);
}

static char *
capitalize (const char *text)
{
  g_autofree char *first = NULL;
  const char *rest;

  if (text == NULL || text[0] == '\0')
    return g_strdup ("");
  rest = g_utf8_next_char (text);
  first = g_utf8_strup (text, rest - text);
  return g_strconcat (first, rest, NULL);
}

/* An organisation without what follows " — " (a job title, a department). */
static char *
organisation_short (const char *organisation)
{
  const char *dash = organisation != NULL ? strstr (organisation, " — ") : NULL;

  if (organisation == NULL)
    return g_strdup ("");
  return dash != NULL ? g_strndup (organisation, dash - organisation) : g_strdup (organisation);
}

/* What belongs to each exercise */

typedef struct
{
  V21Record *exercise;     /* NULL: what belongs to none */
  GPtrArray *sequences;
  GPtrArray *cards;
  GPtrArray *rounds;
  gboolean   robustness;
  gboolean   scenarios;
} Part;

static void
part_free (Part *part)
{
  g_ptr_array_unref (part->sequences);
  g_ptr_array_unref (part->cards);
  g_ptr_array_unref (part->rounds);
  g_free (part);
}

typedef struct
{
  GPtrArray  *parts;     /* Part, in run sheet order; the last one is for no exercise */
  GHashTable *by_id;     /* exercise id → Part */
  Part       *other;
} Parts;

static Part *
part_for (Parts      *parts,
          V21Workshop *workshop,
          const char *exercise_id)
{
  Part *part = exercise_id != NULL ? g_hash_table_lookup (parts->by_id, exercise_id) : NULL;
  V21Record *exercise;

  if (part != NULL)
    return part;
  exercise = lookup_in (workshop, exercise_id, "exercises");
  if (exercise == NULL)
    return parts->other;
  part = g_new0 (Part, 1);
  part->exercise = exercise;
  part->sequences = g_ptr_array_new ();
  part->cards = g_ptr_array_new ();
  part->rounds = g_ptr_array_new ();
  g_ptr_array_add (parts->parts, part);
  g_hash_table_insert (parts->by_id, (gpointer) v21_record_get_id (exercise), part);
  return part;
}

static void
parts_collect (Parts       *parts,
               V21Workshop *workshop)
{
  V21Collection *sequences = v21_workshop_get_collection (workshop, "sequences");
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  V21Collection *rounds = v21_workshop_get_collection (workshop, "vote_rounds");
  V21Collection *exercises = v21_workshop_get_collection (workshop, "exercises");
  GPtrArray *challenges = v21_robustness_challenges (workshop);
  Part *scenarios_part = NULL;

  parts->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  parts->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  parts->other = g_new0 (Part, 1);
  parts->other->sequences = g_ptr_array_new ();
  parts->other->cards = g_ptr_array_new ();
  parts->other->rounds = g_ptr_array_new ();

  for (guint i = 0; i < v21_collection_get_n (sequences); i++)
    {
      V21Record *sequence = v21_collection_get (sequences, i);

      if (!v21_record_is_null (sequence, "exercise"))
        g_ptr_array_add (part_for (parts, workshop, _v21_text (sequence, "exercise"))->sequences,
                         sequence);
    }
  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    {
      V21Record *card = v21_collection_get (cards, i);

      g_ptr_array_add (part_for (parts, workshop,
                                 exercise_of_sequence (workshop, _v21_text (card, "sequence")))->cards,
                       card);
    }
  for (guint i = 0; i < v21_collection_get_n (rounds); i++)
    {
      V21Record *round = v21_collection_get (rounds, i);

      g_ptr_array_add (part_for (parts, workshop,
                                 exercise_of_sequence (workshop, _v21_text (round, "sequence")))->rounds,
                       round);
    }
  /* The robustness test belongs where its challenges were written, else to
   * the exercise whose outputs are challenges. */
  if (v21_collection_get_n (v21_workshop_get_collection (workshop, "robustness")) > 0)
    {
      Part *part = NULL;

      if (challenges->len > 0)
        part = part_for (parts, workshop,
                         exercise_of_sequence (workshop, _v21_text (g_ptr_array_index (challenges, 0),
                                                                                "sequence")));
      for (guint i = 0; (part == NULL || part == parts->other) && i < v21_collection_get_n (exercises); i++)
        if (has_output (v21_collection_get (exercises, i), "challenge"))
          part = part_for (parts, workshop, v21_record_get_id (v21_collection_get (exercises, i)));
      part->robustness = TRUE;
    }
  /* Scenarios and trajectories: with the exercise that writes the vision. */
  if (v21_collection_get_n (v21_workshop_get_collection (workshop, "scenarios")) > 0)
    {
      for (guint i = 0; i < parts->parts->len && scenarios_part == NULL; i++)
        {
          Part *part = g_ptr_array_index (parts->parts, i);

          if (has_output (part->exercise, "vision"))
            scenarios_part = part;
        }
      for (guint i = 0; scenarios_part == NULL && i < v21_collection_get_n (exercises); i++)
        if (has_output (v21_collection_get (exercises, i), "vision"))
          scenarios_part = part_for (parts, workshop, v21_record_get_id (v21_collection_get (exercises, i)));
      (scenarios_part != NULL ? scenarios_part : parts->other)->scenarios = TRUE;
    }
  g_ptr_array_unref (challenges);
}

static void
parts_clear (Parts *parts)
{
  g_ptr_array_unref (parts->parts);
  g_hash_table_unref (parts->by_id);
  part_free (parts->other);
}

/* Votes */

V21VoteResults *
_v21_report_first_results (V21Workshop *workshop,
                           const char  *kind)
{
  V21Collection *rounds = v21_workshop_get_collection (workshop, "vote_rounds");

  for (guint i = 0; i < v21_collection_get_n (rounds); i++)
    {
      V21Record *round = v21_collection_get (rounds, i);
      V21VoteResults *results;

      if (g_strcmp0 (_v21_text (round, "card_kind"), kind) != 0)
        continue;
      results = v21_vote_results_new (workshop, round);
      if (results->total > 0)
        return results;
      v21_vote_results_free (results);
    }
  return NULL;
}

static char *
votes_text (gint64 count,
            gboolean points)
{
  g_autofree char *number = _v21_report_number (count);

  if (points)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s point", "%s points", count), number);
  /* Translators: what a dot vote counts: the dots ("gommettes") placed. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s dot", "%s dots", count), number);
}

static gboolean
is_points (V21Record *round)
{
  return g_strcmp0 (_v21_text (round, "method"), "points") == 0;
}

static char *
rank_text (V21VoteResults *results,
           guint           index)
{
  guint rank = results->tallies[index].rank;
  gboolean tied = (index > 0 && results->tallies[index - 1].rank == rank)
                  || (index + 1 < results->n_tallies && results->tallies[index + 1].rank == rank);

  return g_strdup_printf (tied ? "=%u" : "%u", rank);
}

/* How many of the first tallies a summary keeps: @max, and every one tied
 * with the last of them; never a proposal without a vote. */
static guint
ranked_count (V21VoteResults *results,
              guint           max)
{
  guint n = MIN (max, results->n_tallies);

  while (n > 0 && n < results->n_tallies && results->tallies[n].rank == results->tallies[n - 1].rank)
    n++;
  while (n > 0 && results->tallies[n - 1].total == 0)
    n--;
  return n;
}

/* "6 tables voted, 30 dots" */
static char *
turnout_text (V21VoteResults *results)
{
  gboolean by_tables = g_strcmp0 (_v21_text (results->round, "voters"), "tables") == 0;
  g_autofree char *total = votes_text (results->total, is_points (results->round));
  g_autofree char *voters = g_strdup_printf (by_tables ? g_dngettext (GETTEXT_PACKAGE, "%u table voted", "%u tables voted", results->n_voters)
                                                       : g_dngettext (GETTEXT_PACKAGE, "%u person voted", "%u people voted", results->n_voters),
                                             results->n_voters);

  return g_strdup_printf ("%s, %s", voters, total);
}

static void
ranking_list (V21ReportBuilder *builder,
              V21VoteResults   *results,
              guint             max)
{
  V21ReportBlock *list = _v21_report_list (builder);
  gboolean points = is_points (results->round);

  for (guint i = 0; i < ranked_count (results, max); i++)
    {
      g_autofree char *rank = rank_text (results, i);
      g_autofree char *votes = votes_text (results->tallies[i].total, points);

      _v21_report_list_add (list, rank, results->tallies[i].label, votes);
    }
}

static void
not_revealed_note (V21ReportBuilder *builder,
                   V21Record        *round)
{
  if (!v21_record_get_bool (round, "revealed"))
    _v21_report_paragraph (builder, V21_TEXT_NOTE, NULL,
                           _("These results were not shown to the room during the seminar."));
}

static void
vote_section (V21ReportBuilder *builder,
              V21Record        *round)
{
  g_autoptr(V21VoteResults) results = v21_vote_results_new (builder->workshop, round);
  gboolean points = is_points (round);
  gboolean by_tables = g_strcmp0 (_v21_text (round, "voters"), "tables") == 0;
  gint64 budget = v21_record_get_int (round, "budget", 0);
  g_autofree char *turnout = turnout_text (results);
  g_autofree char *method = NULL;
  g_autofree char *summary = NULL;
  const char *headers[] = { _("Rank"), _("Proposal"), points ? _("Points") : _("Dots") };
  const double widths[] = { 0.1, 0.72, 0.18 };
  V21ReportBlock *table;
  g_autofree char *caption = NULL;

  _v21_report_heading (builder, 3, FALSE, _v21_text (round, "title"));
  if (points)
    method = g_strdup_printf (by_tables ? g_dngettext (GETTEXT_PACKAGE, "Points: %ld per table", "Points: %ld per table", budget)
                                        : g_dngettext (GETTEXT_PACKAGE, "Points: %ld per person", "Points: %ld per person", budget),
                              (long) budget);
  else
    method = g_strdup_printf (by_tables ? g_dngettext (GETTEXT_PACKAGE, "Dot voting: %ld dot per table", "Dot voting: %ld dots per table", budget)
                                        : g_dngettext (GETTEXT_PACKAGE, "Dot voting: %ld dot per person", "Dot voting: %ld dots per person", budget),
                              (long) budget);
  /* Translators: "Vote à gommettes : 5 gommettes par table ; 6 tables ont voté, 30 gommettes." */
  summary = g_strdup_printf (_("%s; %s."), method, turnout);
  _v21_report_paragraph (builder, V21_TEXT_NOTE, NULL, summary);
  not_revealed_note (builder, round);
  if (results->n_tallies == 0)
    return;
  if (results->total > 0)
    {
      /* Translators: a figure's caption; %s is the title of a vote. */
      caption = g_strdup_printf (_("Results: %s"), _v21_text (round, "title"));
      _v21_report_figure (builder, V21_FIGURE_VOTES, v21_record_get_id (round), caption,
                          (70.0 + 22.0 * results->n_tallies) / CONTENT_WIDTH);
      /* The chart gives the ranks and numbers; the table only where it cannot be drawn. */
      table = _v21_report_figure_data (builder, 3, headers, widths, 1 << 2);
    }
  else
    table = _v21_report_table (builder, 3, headers, widths, 1 << 2);
  for (guint i = 0; i < results->n_tallies; i++)
    {
      GPtrArray *row = _v21_report_row (table);
      g_autofree char *rank = rank_text (results, i);
      g_autofree char *count = _v21_report_number (results->tallies[i].total);

      _v21_report_cell (row, rank, NULL);
      _v21_report_cell (row, results->tallies[i].label, NULL);
      _v21_report_cell (row, count, NULL);
    }
}

/* People: who took part, who led */

/* Facilitation, technical lead, observers: named as such, not counted among
 * the participants. */
static gboolean
is_team (V21Record *person)
{
  static const char * const roles[] = { "facilitator", "technical_lead", "observer", NULL };

  return g_strv_contains (roles, _v21_text (person, "role"));
}

/* A participant who took part: with attendance recorded, who came on a day;
 * else everyone on the list but who declined. */
static gboolean
is_participant (V21ReportBuilder *builder,
                V21Record        *person)
{
  return !is_team (person) && v21_person_took_part (person, builder->attendance);
}

static guint
count_participants (V21ReportBuilder *builder,
                    guint            *at_tables)
{
  V21Workshop *workshop = builder->workshop;
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  guint n = 0;

  *at_tables = 0;
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);

      if (!is_participant (builder, person))
        continue;
      n++;
      if (lookup_in (workshop, _v21_text (person, "table"), "tables") != NULL)
        (*at_tables)++;
    }
  return n;
}

/* Chapter 1: in short */

static guint
count_of (V21Workshop *workshop,
          const char  *collection)
{
  return v21_collection_get_n (v21_workshop_get_collection (workshop, collection));
}

static V21Record *
desired_scenario (V21Workshop *workshop)
{
  V21Collection *scenarios = v21_workshop_get_collection (workshop, "scenarios");

  for (guint i = 0; i < v21_collection_get_n (scenarios); i++)
    if (g_strcmp0 (_v21_text (v21_collection_get (scenarios, i), "kind"), "desired") == 0)
      return v21_collection_get (scenarios, i);
  return NULL;
}

static guint
weak_cells (V21Workshop *workshop,
            const char  *challenge_id)
{
  V21Collection *scores = v21_workshop_get_collection (workshop, "robustness");
  guint n = 0;

  for (guint i = 0; i < v21_collection_get_n (scores); i++)
    {
      V21Record *score = v21_collection_get (scores, i);

      if (v21_record_get_int (score, "score", 0) <= V21_ROBUSTNESS_WEAK
          && (challenge_id == NULL || g_strcmp0 (_v21_text (score, "challenge"), challenge_id) == 0))
        n++;
    }
  return n;
}

static guint
scored_cells (V21Workshop *workshop,
              const char  *challenge_id)
{
  V21Collection *scores = v21_workshop_get_collection (workshop, "robustness");
  guint n = 0;

  for (guint i = 0; i < v21_collection_get_n (scores); i++)
    n += g_strcmp0 (_v21_text (v21_collection_get (scores, i), "challenge"), challenge_id) == 0;
  return n;
}

/* Who and when, read from an action's text: "… en mai 2027 (B. Chaigneau)".
 * The toolkit asks for an owner and a deadline with each action; tables
 * write them in the card, the owner in brackets at the end. */
static gboolean
is_year_at (const char *p)
{
  return (p[0] == '1' || p[0] == '2') && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
         && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]);
}

static char *
deadline_in (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!is_year_at (p) || (p > text && g_ascii_isdigit (p[-1])))
        continue;
      /* A month just before the year belongs to the deadline. */
      for (int m = 1; m <= 12; m++)
        {
          g_autofree char *month = g_utf8_strdown (v21_month_name (m), -1);
          gsize length = strlen (month);

          if ((gsize) (p - text) > length && strncmp (p - length - 1, month, length) == 0 && p[-1] == ' ')
            return g_strndup (p - length - 1, length + 5);
        }
      return g_strndup (p, 4);
    }
  return NULL;
}

typedef struct
{
  char *what;
  char *who;
  char *when;
} Action;

static void
action_clear (Action *action)
{
  g_free (action->what);
  g_free (action->who);
  g_free (action->when);
}

static void
action_read (const char *text,
             Action     *action)
{
  const char *open = strrchr (text, '(');
  gsize length = strlen (text);

  action->what = g_strdup (text);
  action->who = NULL;
  action->when = deadline_in (text);
  if (open == NULL || open == text || length < 2 || text[length - 1] != ')' || strchr (open, ')') != text + length - 1)
    return;
  {
    g_autofree char *inside = g_strndup (open + 1, text + length - 1 - (open + 1));
    g_autofree char *when = deadline_in (inside);
    gboolean digits = FALSE;

    for (const char *p = inside; *p != '\0'; p++)
      digits |= g_ascii_isdigit (*p);
    if (!digits)
      action->who = g_strdup (inside);
    else if (when == NULL || strlen (when) + 2 < strlen (inside))
      return;   /* a remark such as "(12 km par an)": part of the action */
    g_free (action->what);
    action->what = g_strchomp (g_strndup (text, open - text));
  }
}

static void
roadmap_table (V21ReportBuilder *builder,
               V21VoteResults   *results,
               guint             max)
{
  const char *headers[] = { _("Rank"), _("What"), _("Who"), _("When"), is_points (results->round) ? _("Points") : _("Dots") };
  const double widths[] = { 0.08, 0.54, 0.16, 0.11, 0.11 };
  V21ReportBlock *table = _v21_report_table (builder, 5, headers, widths, 1 << 4);

  for (guint i = 0; i < ranked_count (results, max); i++)
    {
      GPtrArray *row = _v21_report_row (table);
      V21Record *card = results->tallies[i].target;
      g_autofree char *rank = rank_text (results, i);
      g_autofree char *count = _v21_report_number (results->tallies[i].total);
      Action action;

      action_read (results->tallies[i].label, &action);
      _v21_report_cell (row, rank, NULL);
      _v21_report_cell (row, action.what, table_name (builder->workshop, _v21_text (card, "table")));
      /* Translators: in the roadmap, an action whose owner was not written down. */
      _v21_report_cell (row, action.who != NULL ? action.who : _("to be named"), NULL);
      _v21_report_cell (row, action.when != NULL ? action.when : "—", NULL);
      _v21_report_cell (row, count, NULL);
      action_clear (&action);
    }
}

static GHashTable *
voted_or_scored_cards (V21Workshop *workshop)
{
  GHashTable *used = g_hash_table_new (g_str_hash, g_str_equal);
  V21Collection *rounds = v21_workshop_get_collection (workshop, "vote_rounds");
  V21Collection *scores = v21_workshop_get_collection (workshop, "robustness");

  for (guint i = 0; i < v21_collection_get_n (rounds); i++)
    {
      json_object *targets = v21_record_get_value (v21_collection_get (rounds, i), "targets");

      for (gsize k = 0; targets != NULL && json_object_is_type (targets, json_type_array)
                        && k < json_object_array_length (targets); k++)
        g_hash_table_add (used, (gpointer) json_object_get_string (json_object_array_get_idx (targets, k)));
    }
  for (guint i = 0; i < v21_collection_get_n (scores); i++)
    g_hash_table_add (used, (gpointer) _v21_text (v21_collection_get (scores, i), "answer"));
  return used;
}

/* The next steps: the actions of the last exercise that wrote some without
 * putting them to a vote (nor testing them as current answers) — in the
 * toolkit, T6's "who does what, by when". */
static Part *
next_steps_part (Parts       *parts,
                 V21Workshop *workshop)
{
  g_autoptr(GHashTable) used = voted_or_scored_cards (workshop);

  for (guint i = parts->parts->len; i > 0; i--)
    {
      Part *part = g_ptr_array_index (parts->parts, i - 1);
      guint actions = 0, free_actions = 0;

      for (guint k = 0; k < part->cards->len; k++)
        {
          V21Record *card = g_ptr_array_index (part->cards, k);

          if (g_strcmp0 (_v21_text (card, "kind"), "action") != 0)
            continue;
          actions++;
          free_actions += !g_hash_table_contains (used, v21_record_get_id (card));
        }
      if (actions > 0)
        return actions == free_actions && part->rounds->len == 0 ? part : NULL;
    }
  return NULL;
}

static void
cards_list (V21ReportBuilder *builder,
            Part             *part,
            const char       *kind,
            gboolean          read_action)
{
  V21ReportBlock *list = NULL;

  for (guint k = 0; k < part->cards->len; k++)
    {
      V21Record *card = g_ptr_array_index (part->cards, k);
      Action action = { 0 };

      if (g_strcmp0 (_v21_text (card, "kind"), kind) != 0)
        continue;
      if (list == NULL)
        list = _v21_report_list (builder);
      if (!read_action)
        {
          _v21_report_list_add (list, NULL, _v21_text (card, "text"), NULL);
          continue;
        }
      action_read (_v21_text (card, "text"), &action);
      _v21_report_list_add (list, action.when, action.what, action.who);
      action_clear (&action);
    }
}

static void
summary_next_steps (V21ReportBuilder *builder)
{
  Parts parts;
  Part *part;

  parts_collect (&parts, builder->workshop);
  part = next_steps_part (&parts, builder->workshop);
  if (part != NULL)
    {
      _v21_report_heading (builder, 3, FALSE, _("Next steps"));
      cards_list (builder, part, "action", TRUE);
      for (guint k = 0; k < part->cards->len; k++)
        if (g_strcmp0 (_v21_text (g_ptr_array_index (part->cards, k), "kind"), "idea") == 0)
          {
            _v21_report_heading (builder, 3, FALSE, _("Strategic directions"));
            cards_list (builder, part, "idea", FALSE);
            break;
          }
    }
  parts_clear (&parts);
}

static void
summary_threats (V21ReportBuilder *builder)
{
  V21Workshop *workshop = builder->workshop;
  g_autoptr(GPtrArray) challenges = v21_robustness_challenges (workshop);
  V21Collection *clusters = v21_workshop_get_collection (workshop, "clusters");
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  guint weak = weak_cells (workshop, NULL);
  V21ReportBlock *list = NULL;
  g_autofree char *text = NULL;

  if (weak == 0)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The robustness test found %u current answer that would not hold against a challenge: a threat to anticipate.",
                                       "The robustness test found %u places where current answers would not hold against a challenge: threats to anticipate.",
                                       weak), weak);
  _v21_report_heading (builder, 3, FALSE, _("Threats to anticipate"));
  _v21_report_paragraph (builder, V21_TEXT_BODY, NULL, text);
  list = _v21_report_list (builder);
  for (guint i = 0; i < challenges->len; i++)
    {
      V21Record *challenge = g_ptr_array_index (challenges, i);
      guint n = weak_cells (workshop, v21_record_get_id (challenge));
      guint of = scored_cells (workshop, v21_record_get_id (challenge));
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u current answers would not hold",
                                                             "%u of %u current answers would not hold", n), n, of);

      if (n > 0)
        _v21_report_list_add (list, NULL, _v21_text (challenge, "text"), count);
    }
  list = NULL;
  /* The threats the tables named, by cluster. */
  for (guint c = 0; c < v21_collection_get_n (clusters); c++)
    {
      V21Record *cluster = v21_collection_get (clusters, c);
      guint n = 0;

      for (guint i = 0; i < v21_collection_get_n (cards); i++)
        {
          V21Record *card = v21_collection_get (cards, i);

          n += g_strcmp0 (_v21_text (card, "kind"), "threat") == 0
               && g_strcmp0 (_v21_text (card, "cluster"), v21_record_get_id (cluster)) == 0;
        }
      if (n == 0)
        continue;
      if (list == NULL)
        {
          _v21_report_paragraph (builder, V21_TEXT_BODY, NULL, _("The threats the tables named, by cluster:"));
          list = _v21_report_list (builder);
        }
      {
        g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u threat", "%u threats", n), n);

        _v21_report_list_add (list, NULL, _v21_text (cluster, "name"), note);
      }
    }
}

static void
summary_figures (V21ReportBuilder *builder)
{
  V21Workshop *workshop = builder->workshop;
  V21Collection *rounds = v21_workshop_get_collection (workshop, "vote_rounds");
  V21ReportBlock *list = _v21_report_list (builder);
  guint cards = count_of (workshop, "cards"), clusters = count_of (workshop, "clusters");
  guint scenarios = count_of (workshop, "scenarios");
  g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contribution written down", "%u contributions written down", cards), cards);
  g_autofree char *b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cluster of contributions", "%u clusters of contributions", clusters), clusters);
  g_autofree char *d = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u scenario with its trajectory", "%u scenarios with their trajectories", scenarios), scenarios);

  _v21_report_list_add (list, NULL, a, NULL);
  _v21_report_list_add (list, NULL, b, NULL);
  /* Each vote: who voted and what they gave, never a count of records. */
  for (guint i = 0; i < v21_collection_get_n (rounds); i++)
    {
      g_autoptr(V21VoteResults) results = v21_vote_results_new (workshop, v21_collection_get (rounds, i));
      g_autofree char *turnout = NULL;

      if (results->total == 0)
        continue;
      turnout = turnout_text (results);
      /* Translators: "Vote : Enjeux prioritaires — 6 tables ont voté, 30 gommettes". */
      {
        g_autofree char *title = v21_bidi_isolate (_v21_text (results->round, "title"));
        g_autofree char *line = g_strdup_printf (_("Vote “%s”: %s"), title, turnout);

        _v21_report_list_add (list, NULL, line, NULL);
      }
    }
  if (scenarios > 0)
    _v21_report_list_add (list, NULL, d, NULL);
}

static void
chapter_summary (V21ReportBuilder *builder)
{
  V21Workshop *workshop = builder->workshop;
  V21Record *root = v21_workshop_get_root (workshop);
  guint at_tables = 0;
  guint n_people = count_participants (builder, &at_tables);
  guint n_tables = count_of (workshop, "tables");
  long horizon = (long) v21_record_get_int (root, "horizon_year", 0);
  g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", n_people), n_people);
  g_autofree char *tables = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u table", "%u tables", n_tables), n_tables);
  g_autofree char *intro = NULL;
  g_autoptr(V21VoteResults) issues = _v21_report_first_results (workshop, "issue");
  g_autoptr(V21VoteResults) actions = _v21_report_first_results (workshop, "action");
  V21Record *desired = desired_scenario (workshop);

  _v21_report_heading (builder, 1, TRUE, _("In short"));
  /* Translators: the report's opening: "Les 18 et 19 mars 2027, 34 participants
   * réunis en 6 tables ont construit une vision partagée de … à l'horizon 2056." */
  intro = g_strdup_printf (_("On %s, %s working in %s built a shared vision of their territory, %s, for %ld: the issues "
                             "at stake, the threats to anticipate, the resources to mobilise and the paths from today to the horizon."),
                           builder->report->dates != NULL ? builder->report->dates : "—", people, tables,
                           v21_workshop_get_territory_name (workshop), horizon);
  _v21_report_paragraph (builder, V21_TEXT_INTRO, NULL, intro);
  summary_figures (builder);
  if (issues != NULL)
    {
      _v21_report_heading (builder, 3, FALSE, _("The priority issues"));
      not_revealed_note (builder, issues->round);
      ranking_list (builder, issues, 3);
    }
  if (desired != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (_v21_text (desired, "narrative"), "\n", 2);

      _v21_report_heading (builder, 3, FALSE, _("The shared vision"));
      _v21_report_paragraph (builder, V21_TEXT_BODY, _v21_text (desired, "title"), NULL);
      if (lines[0] != NULL)
        _v21_report_paragraph (builder, V21_TEXT_QUOTE, NULL, lines[0]);
    }
  summary_threats (builder);
  if (actions != NULL)
    {
      _v21_report_heading (builder, 3, FALSE, _("The priority action ideas"));
      _v21_report_paragraph (builder, V21_TEXT_NOTE, NULL,
                             _("A first roadmap: what, who, when, as the tables wrote it; an owner not yet named is to be found."));
      not_revealed_note (builder, actions->round);
      roadmap_table (builder, actions, 5);
    }
  summary_next_steps (builder);
}

/* Chapter 2: context and framing */

static void
chapter_context (V21ReportBuilder *builder)
{
  V21Workshop *workshop = builder->workshop;
  V21Record *root = v21_workshop_get_root (workshop);
  json_object *territory = v21_record_get_value (root, "territory");
  json_object *value = NULL;
  const char *kind = NULL;
  const char *context = NULL;
  gint64 population = -1;
  static const char * const kinds[] = { "commune", "epci", "departement", "region", "pnr", "pays", "other", NULL };
  static const char * const kind_labels[] = {
    N_("Municipality"), N_("Intermunicipal authority (EPCI)"), N_("Département"), N_("Region"),
    N_("Regional nature park"), N_("Pays"), N_("Territory")
  };
  static const char * const frameworks[] = { "projet_territoire", "agenda21", "plan_climat", "scot", "other", NULL };
  static const char * const framework_labels[] = {
    N_("Territorial project"), N_("Agenda 21"), N_("Climate plan"), N_("SCoT (territorial coherence scheme)"),
    N_("Other process")
  };
  V21ReportBlock *facts;
  V21Collection *exercises = v21_workshop_get_collection (workshop, "exercises");
  long start = (long) v21_record_get_int (root, "start_year", 0);
  long horizon = (long) v21_record_get_int (root, "horizon_year", 0);

  if (territory != NULL && json_object_object_get_ex (territory, "kind", &value) && json_object_is_type (value, json_type_string))
    kind = json_object_get_string (value);
  if (territory != NULL && json_object_object_get_ex (territory, "context", &value) && json_object_is_type (value, json_type_string))
    context = json_object_get_string (value);
  if (territory != NULL && json_object_object_get_ex (territory, "population", &value) && json_object_is_type (value, json_type_int))
    population = json_object_get_int64 (value);

  _v21_report_heading (builder, 1, TRUE, _("Context and framing"));
  facts = _v21_report_list (builder);
  {
    g_autofree char *territory_text = kind != NULL
      ? g_strdup_printf ("%s — %s", v21_workshop_get_territory_name (workshop), label_of (kinds, kind_labels, kind))
      : g_strdup (v21_workshop_get_territory_name (workshop));
    g_autofree char *horizon_text = g_strdup_printf (_("%ld, thirty years or so after %ld"), horizon, start);

    if (horizon - start != 30)
      {
        g_free (horizon_text);
        horizon_text = g_strdup_printf (_("%ld (from %ld)"), horizon, start);
      }
    _v21_report_list_add (facts, _("Territory:"), territory_text, NULL);
    if (population >= 0)
      {
        g_autofree char *number = _v21_report_number (population);
        g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s inhabitant", "%s inhabitants", population), number);

        _v21_report_list_add (facts, _("Population:"), text, NULL);
      }
    if (_v21_text (root, "framework")[0] != '\0')
      _v21_report_list_add (facts, _("Process:"), label_of (frameworks, framework_labels, _v21_text (root, "framework")), NULL);
    _v21_report_list_add (facts, _("Horizon:"), horizon_text, NULL);
    if (builder->report->dates != NULL)
      _v21_report_list_add (facts, _("Dates:"), builder->report->dates, NULL);
    if (builder->report->venue != NULL)
      _v21_report_list_add (facts, _("Venue:"), builder->report->venue, NULL);
  }
  if (context != NULL && context[0] != '\0')
    {
      _v21_report_heading (builder, 2, TRUE, _("The territory"));
      _v21_report_paragraphs (builder, V21_TEXT_BODY, context);
    }
  if (_v21_text (root, "political_goal")[0] != '\0')
    {
      _v21_report_heading (builder, 2, TRUE, _("What the elected officials expect"));
      _v21_report_paragraphs (builder, V21_TEXT_BODY, _v21_text (root, "political_goal"));
    }
  _v21_report_heading (builder, 2, TRUE, _("The method"));
  _v21_report_paragraph (builder, V21_TEXT_BODY, NULL,
                         _("The seminar followed “Visions +21”, a participatory foresight toolkit for territories made by the "
                           "French ministry of ecology (CGDD) with Strategic Design Scenarios. It moves from a static list of "
                           "actions to a dynamic view: a shared vision of the territory thirty years ahead, the issues at stake, "
                           "the threats to anticipate, the resources to mobilise, and a trajectory that puts today’s action on a path."));
  if (v21_collection_get_n (exercises) > 0)
    {
      V21ReportBlock *list;

      _v21_report_paragraph (builder, V21_TEXT_BODY, NULL, _("The exercises of the toolkit used here:"));
      list = _v21_report_list (builder);
      for (guint i = 0; i < v21_collection_get_n (exercises); i++)
        {
          V21Record *exercise = v21_collection_get (exercises, i);

          _v21_report_list_add (list, _v21_text (exercise, "code"),
                                _v21_text (exercise, "title"), NULL);
        }
    }
}

/* Chapter 3: who took part */

typedef struct
{
  char  *name;
  guint  count;
} Count;

static void
count_free (Count *count)
{
  g_free (count->name);
  g_free (count);
}

static void
count_add (GPtrArray  *counts,
           const char *name)
{
  Count *count;

  for (guint i = 0; i < counts->len; i++)
    {
      count = g_ptr_array_index (counts, i);
      if (g_strcmp0 (count->name, name) == 0)
        {
          count->count++;
          return;
        }
    }
  count = g_new0 (Count, 1);
  count->name = g_strdup (name);
  count->count = 1;
  g_ptr_array_add (counts, count);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const Count *x = *(const Count * const *) a, *y = *(const Count * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

static void
count_row (V21ReportBlock *table,
           const char     *label,
           guint           count)
{
  GPtrArray *row = _v21_report_row (table);
  g_autofree char *number = g_strdup_printf ("%u", count);

  _v21_report_cell (row, label, NULL);
  _v21_report_cell (row, number, NULL);
}

static void
counts_table (V21ReportBuilder *builder,
              GPtrArray        *counts,
              const char       *what,
              const char       *other,
              guint             n_other)
{
  const char *headers[] = { what, _("People") };
  const double widths[] = { 0.8, 0.2 };
  V21ReportBlock *table = _v21_report_table (builder, 2, headers, widths, 1 << 1);
  guint total = n_other;

  for (guint i = 0; i < counts->len; i++)
    {
      Count *count = g_ptr_array_index (counts, i);

      count_row (table, count->name, count->count);
      total += count->count;
    }
  if (n_other > 0)
    count_row (table, other, n_other);
  count_row (table, _("Total"), total);
  table->total_row = TRUE;
}

static void
tables_composition (V21ReportBuilder *builder)
{
  V21Workshop *workshop = builder->workshop;
  V21Collection *tables = v21_workshop_get_collection (workshop, "tables");
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  const char *headers[] = { _("Table"), _("People"), _("Categories") };
  const double widths[] = { 0.25, 0.12, 0.63 };
  V21ReportBlock *table;

  if (v21_collection_get_n (tables) == 0)
    return;
  _v21_report_heading (builder, 2, TRUE, _("The tables"));
  table = _v21_report_table (builder, 3, headers, widths, 1 << 1);
  for (guint t = 0; t < v21_collection_get_n (tables); t++)
    {
      V21Record *record = v21_collection_get (tables, t);
      g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
      g_autoptr(GString) mix = g_string_new (NULL);
      GPtrArray *row = _v21_report_row (table);
      guint n = 0;
      g_autofree char *number = NULL;

      for (guint i = 0; i < v21_collection_get_n (people); i++)
        {
          V21Record *person = v21_collection_get (people, i);

          if (g_strcmp0 (_v21_text (person, "table"), v21_record_get_id (record)) != 0
              || (!is_team (person) && !v21_person_took_part (person, builder->attendance)))
            continue;
          n++;
          count_add (counts, v21_category_label (_v21_text (person, "category")));
        }
      for (guint i = 0; i < counts->len; i++)
        {
          Count *count = g_ptr_array_index (counts, i);

          g_string_append_printf (mix, "%s%s %u", mix->len > 0 ? ", " : "",
                                  count->name[0] != '\0' ? count->name : "—", count->count);
        }
      number = g_strdup_printf ("%u", n);
      _v21_report_cell (row, _v21_text (record, "name"), NULL);
      _v21_report_cell (row, number, NULL);
      _v21_report_cell (row, mix->str, NULL);
    }
}

/* What a person did besides taking part, or NULL. */
static const char *
role_label (const char *role)
{
  static const char * const ids[] = { "facilitator", "technical_lead", "political_sponsor", "observer", NULL };
  static const char * const labels[] = { N_("Facilitation"), N_("Technical lead"), N_("Political sponsor"), N_("Observer") };

  if (!g_strv_contains (ids, role))
    return NULL;
  return label_of (ids, labels, role);
}

static void
facilitation_team (V21ReportBuilder *builder)
{
  V21Workshop *workshop = builder->workshop;
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  V21ReportBlock *list = NULL;

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);
      g_autofree char *name = NULL;
      g_autofree char *organisation = NULL;

      if (!is_team (person) || v21_invitation_get (person) == V21_INVITATION_DECLINED)
        continue;
      if (list == NULL)
        {
          _v21_report_heading (builder, 2, TRUE, _("The facilitation team"));
          _v21_report_paragraph (builder, V21_TEXT_BODY, NULL,
                                 _("They led or followed the seminar and are not counted among the participants."));
          list = _v21_report_list (builder);
        }
      name = v21_report_person_name (workshop, person);
      organisation = v21_record_get_bool (person, "consent")
                     ? organisation_short (_v21_text (person, "organisation")) : NULL;
      _v21_report_list_add (list, role_label (_v21_text (person, "role")), name,
                            organisation != NULL && organisation[0] != '\0' ? organisation : NULL);
    }
}

static void
named_people (V21ReportBuilder *builder)
{
  V21Workshop *workshop = builder->workshop;
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  const char *headers[] = { _("Name"), _("Organisation"), _("Category"), _("Table") };
  const double widths[] = { 0.24, 0.46, 0.14, 0.16 };
  V21ReportBlock *table = NULL;
  guint unnamed = 0;

  _v21_report_heading (builder, 2, TRUE, _("Participants"));
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);
      GPtrArray *row;
      g_autofree char *category = NULL;

      if (!is_participant (builder, person))
        continue;
      if (!v21_consent_may_name (person))
        {
          unnamed++;
          continue;
        }
      if (table == NULL)
        table = _v21_report_table (builder, 4, headers, widths, 0);
      row = _v21_report_row (table);
      category = capitalize (v21_category_label (_v21_text (person, "category")));
      _v21_report_cell (row, _v21_text (person, "name"), role_label (_v21_text (person, "role")));
      _v21_report_cell (row, _v21_text (person, "organisation"), NULL);
      _v21_report_cell (row, category, NULL);
      _v21_report_cell (row, table_name (workshop, _v21_text (person, "table")), NULL);
    }
  if (builder->report->anonymized)
    _v21_report_paragraph (builder, V21_TEXT_NOTE, NULL,
                           _("This is the anonymised version of the report: nobody is named in it."));
  else if (unnamed > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u person did not wish to be named in this report.",
                                                            "%u people did not wish to be named in this report.",
                                                            unnamed), unnamed);

      _v21_report_paragraph (builder, V21_TEXT_NOTE, NULL, text);
    }
}

/* Organisations */

/* An organisation that is a person's title or situation ("Maire de …",
 * "Habitante de …") rather than a body. */
static gboolean
starts_with_word (const char *folded,
                  const char *words)
{
  g_auto(GStrv) list = g_strsplit (words, "|", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *word = g_utf8_casefold (list[i], -1);
      gsize length = strlen (word);

      if (length > 0 && strncmp (folded, word, length) == 0
          && (folded[length] == '\0' || folded[length] == ' ' || folded[length] == ','))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_title (const char *organisation)
{
  g_autofree char *folded = g_utf8_casefold (organisation, -1);

  /* Translators: the first words of a title or a situation written where an
   * organisation is expected, separated by "|": not counted as organisations. */
  return starts_with_word (folded, _("Mayor|Deputy mayor|Councillor|Vice-president|President|Resident|Student|Retired"))
         /* The workshop's people are written in French whatever the interface's
          * language: their French titles are titles too. */
         || starts_with_word (folded, "Maire|Adjoint|Adjointe|Conseiller|Conseillère|Vice-président|Vice-présidente"
                                      "|Président|Présidente|Habitant|Habitante|Étudiant|Étudiante|Retraité|Retraitée");
}

/* "Communauté de communes" and "Communauté de communes Val de Sèvre et Bocage"
 * are one body: a name that begins another (or the territory's) takes the
 * longer one. */
static void
merge_short_names (GPtrArray  *counts,
                   const char *territory)
{
  for (guint i = 0; i < counts->len; i++)
    {
      Count *count = g_ptr_array_index (counts, i);
      g_autofree char *folded = g_utf8_casefold (count->name, -1);
      g_autofree char *prefix = g_strconcat (folded, " ", NULL);
      g_autofree char *folded_territory = g_utf8_casefold (territory != NULL ? territory : "", -1);

      if (g_str_has_prefix (folded_territory, prefix))
        {
          g_free (count->name);
          count->name = g_strdup (territory);
        }
      for (guint k = 0; k < counts->len; k++)
        {
          Count *other = g_ptr_array_index (counts, k);
          g_autofree char *other_folded = g_utf8_casefold (other->name, -1);

          if (k == i || !g_str_has_prefix (other_folded, prefix))
            continue;
          g_free (count->name);
          count->name = g_strdup (other->name);
          break;
        }
    }
  /* Then the same names are added up. */
  for (guint i = 0; i < counts->len; i++)
    for (guint k = counts->len; k > i + 1; k--)
      {
        Count *a = g_ptr_array_index (counts, i), *b = g_ptr_array_index (counts, k - 1);

        if (g_utf8_collate (a->name, b->name) != 0)
          continue;
        a->count += b->count;
        g_ptr_array_remove_index (counts, k - 1);
      }
}

#define ORGANISATION_THRESHOLD 2

static void
organisations_table (V21ReportBuilder *builder,
                     GPtrArray        *organisations,
                     guint             personal,
                     guint             not_given)
{
  const char *headers[] = { _("Organisation"), _("People") };
  const double widths[] = { 0.8, 0.2 };
  V21ReportBlock *table = _v21_report_table (builder, 2, headers, widths, 1 << 1);
  g_autoptr(GString) others = g_string_new (NULL);
  guint n_others = 0, people_others = 0, total = personal + not_given;

  for (guint i = 0; i < organisations->len; i++)
    {
      Count *count = g_ptr_array_index (organisations, i);

      total += count->count;
      if (count->count < ORGANISATION_THRESHOLD)
        {
          g_string_append_printf (others, "%s%s", others->len > 0 ? ", " : "", count->name);
          n_others++;
          people_others += count->count;
          continue;
        }
      count_row (table, count->name, count->count);
    }
  {
    const char *rows[3];
    guint numbers[3] = { people_others, personal, not_given };
    g_autofree char *other_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Other organisations (%u)", "Other organisations (%u)", n_others), n_others);

    rows[0] = other_label;
    rows[1] = _("Elected mandate or personal capacity");
    rows[2] = _("Organisation not given");
    for (guint r = 0; r < 3; r++)
      if (numbers[r] > 0)
        count_row (table, rows[r], numbers[r]);
  }
  count_row (table, _("Total"), total);
  table->total_row = TRUE;
  if (n_others > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Other organisations: %s."), others->str);

      _v21_report_paragraph (builder, V21_TEXT_NOTE, NULL, text);
    }
}

/* "Counted from the sign-in sheets: day 1, 31 present; day 2, 28 present." */
static void
attendance_note (V21ReportBuilder *builder)
{
  V21Collection *days = v21_workshop_get_collection (builder->workshop, "days");
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint d = 0; d < v21_collection_get_n (days); d++)
    {
      guint n = v21_attendance_count (builder->workshop, v21_collection_get (days, d));

      if (list->len > 0)
        g_string_append (list, "; ");
      /* Translators: one day of the sign-in sheets: "jour 1, 31 présents". */
      g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "day %u, %u present", "day %u, %u present", n),
                              d + 1, n);
    }
  /* Translators: the list is "day 1, 31 present; day 2, 28 present". */
  text = g_strdup_printf (_("Counted from the sign-in sheets: %s. The counts below are of who came."), list->str);
  _v21_report_paragraph (builder, V21_TEXT_NOTE, NULL, text);
}

static void
chapter_people (V21ReportBuilder *builder)
{
  V21Workshop *workshop = builder->workshop;
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  g_autoptr(GPtrArray) organisations = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  guint no_category = 0, unnamed_organisations = 0, personal = 0, at_tables = 0;
  guint n = count_participants (builder, &at_tables);
  guint n_tables = count_of (workshop, "tables");
  g_autofree char *people_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", n), n);
  g_autofree char *tables_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u table", "%u tables", n_tables), n_tables);
  g_autofree char *intro = NULL;

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);
      const char *category = v21_category_label (_v21_text (person, "category"));
      g_autofree char *organisation = organisation_short (_v21_text (person, "organisation"));

      if (!is_participant (builder, person))
        continue;
      if (category[0] == '\0')
        no_category++;
      else
        {
          g_autofree char *label = capitalize (category);
          count_add (categories, label);
        }
      /* Organisations are public bodies: counted for everyone (an organisation
       * that names a person was removed from the copy, see v21_anonymize()); a
       * title or situation, "Habitante de Vernay", is never named). */
      if (organisation[0] == '\0')
        unnamed_organisations++;
      else if (is_title (organisation))
        personal++;
      else
        count_add (organisations, organisation);
    }
  merge_short_names (organisations, v21_workshop_get_territory_name (workshop));
  g_ptr_array_sort (categories, compare_counts);
  g_ptr_array_sort (organisations, compare_counts);

  _v21_report_heading (builder, 1, TRUE, _("Who took part"));
  /* Translators: "34 participants ont pris part au séminaire, réparties en 6 tables." */
  intro = g_strdup_printf (_("%s took part in the seminar, in %s."), people_text, tables_text);
  _v21_report_paragraph (builder, V21_TEXT_INTRO, NULL, intro);
  if (builder->attendance)
    attendance_note (builder);
  if (at_tables < n)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant sat at no table.",
                                                            "%u participants sat at no table.", n - at_tables), n - at_tables);

      _v21_report_paragraph (builder, V21_TEXT_NOTE, NULL, text);
    }
  facilitation_team (builder);
  if (n == 0)
    return;
  _v21_report_heading (builder, 2, TRUE, _("By category"));
  counts_table (builder, categories, _("Category"), _("No category given"), no_category);
  _v21_report_heading (builder, 2, TRUE, _("By organisation"));
  organisations_table (builder, organisations, personal, unnamed_organisations);
  tables_composition (builder);
  if (builder->sections & V21_REPORT_PARTICIPANT_LIST)
    named_people (builder);
}

/* Chapter 4: the run sheet as held */

static gboolean
parse_time (const char *text,
            int        *minutes)
{
  int h, m;

  if (text == NULL || sscanf (text, "%d:%d", &h, &m) != 2)
    return FALSE;
  *minutes = h * 60 + m;
  return TRUE;
}

static char *
span_text (int start,
           int length)
{
  g_autofree char *from = _v21_report_time (start / 60 % 24, start % 60);
  g_autofree char *to = _v21_report_time ((start + length) / 60 % 24, (start + length) % 60);

  return g_strdup_printf ("%s – %s", from, to);
}

/* The minute of the day @sequence actually started, from its instant, or -1. */
static int
actual_start (V21Record *sequence)
{
  g_autoptr(GDateTime) time = NULL;

  if (v21_record_is_null (sequence, "actual_start") || _v21_text (sequence, "actual_start")[0] == '\0')
    return -1;
  time = g_date_time_new_from_iso8601 (_v21_text (sequence, "actual_start"), NULL);
  if (time == NULL)
    return -1;
  return g_date_time_get_hour (time) * 60 + g_date_time_get_minute (time);
}

static char *
drift_text (int minutes)
{
  if (minutes == 0)
    return g_strdup (_("on time"));
  /* Translators: a sequence ended later (+) or earlier (−) than planned. */
  return g_strdup_printf (minutes > 0 ? _("+%d min") : _("−%d min"), ABS (minutes));
}

static const char *
sequence_kind_label (const char *kind)
{
  static const char * const ids[] = { "plenary", "tables", "break", "vote", "report_back", NULL };
  static const char * const labels[] = { N_("Plenary"), N_("In tables"), N_("Break"), N_("Vote"), N_("Report-back") };

  return label_of (ids, labels, kind);
}

/* Every day says how it ended: as recorded, as estimated from a session
 * block never ended in the file, or as planned when nothing was recorded. */
static void
day_end_note (V21ReportBuilder *builder,
              int               held_end,
              int               planned_end,
              gboolean          estimated)
{
  g_autofree char *held = held_end >= 0 ? _v21_report_time (held_end / 60 % 24, held_end % 60) : NULL;
  g_autofree char *planned = planned_end >= 0 ? _v21_report_time (planned_end / 60 % 24, planned_end % 60) : NULL;
  g_autofree char *text = NULL;

  if (planned == NULL)
    return;
  if (held == NULL)
    /* Translators: under a day of the run sheet whose times were not recorded. */
    text = g_strdup_printf (_("The day was planned to end at %s; its times were not recorded."), planned);
  else if (estimated)
    /* Translators: under a day of the run sheet whose last session block has no recorded end. */
    text = g_strdup_printf (_("The day ended around %s (planned: %s); the end of its last session block was not recorded, "
                              "its planned length is shown."), held, planned);
  else
    /* Translators: under a day of the run sheet: "La journée s'est achevée à 17 h 08 (prévu : 17 h 00)." */
    text = g_strdup_printf (_("The day ended at %s (planned: %s)."), held, planned);
  _v21_report_paragraph (builder, V21_TEXT_NOTE, NULL, text);
}

static void
day_section (V21ReportBuilder *builder,
             V21Record        *day,
             guint             number)
{
  V21Workshop *workshop = builder->workshop;
  V21Collection *sequences = v21_workshop_get_collection (workshop, "sequences");
  const char *headers[] = { _("Planned"), _("Held"), _("Session block"), _("Gap at the end") };
  const double widths[] = { 0.18, 0.18, 0.48, 0.16 };
  g_autofree char *date = _v21_report_day (_v21_text (day, "date"));
  /* Translators: "Jour 1 — jeudi 18 mars 2027". */
  g_autofree char *title = g_strdup_printf (_("Day %u — %s"), number, date);
  V21ReportBlock *table;
  int planned_end = -1, held_end = -1, day_end = -1;
  gboolean estimated = FALSE;

  _v21_report_heading (builder, 2, TRUE, title);
  table = _v21_report_table (builder, 4, headers, widths, 1 << 3);
  parse_time (_v21_text (day, "end"), &day_end);
  for (guint i = 0; i < v21_collection_get_n (sequences); i++)
    {
      V21Record *sequence = v21_collection_get (sequences, i);
      V21Record *exercise = lookup_in (workshop, _v21_text (sequence, "exercise"), "exercises");
      gint64 minutes = v21_record_get_int (sequence, "minutes", 0);
      gint64 actual_minutes = v21_record_is_null (sequence, "actual_minutes") ? -1
                              : v21_record_get_int (sequence, "actual_minutes", -1);
      int start = -1, held = actual_start (sequence);
      g_autofree char *planned = NULL;
      g_autofree char *held_text = NULL;
      g_autofree char *drift = NULL;
      g_autofree char *note = NULL;
      GPtrArray *row;

      if (g_strcmp0 (_v21_text (sequence, "day"), v21_record_get_id (day)) != 0)
        continue;
      row = _v21_report_row (table);
      if (parse_time (_v21_text (sequence, "start"), &start))
        {
          planned = span_text (start, (int) minutes);
          planned_end = start + (int) minutes;
        }
      else
        planned = _v21_report_duration (minutes);
      if (g_strcmp0 (_v21_text (sequence, "status"), "skipped") == 0)
        held_text = g_strdup (_("not held"));
      else if (held >= 0 && actual_minutes >= 0)
        {
          held_text = span_text (held, (int) actual_minutes);
          held_end = held + (int) actual_minutes;
          estimated = FALSE;
          if (start >= 0)
            drift = drift_text (held_end - (start + (int) minutes));
        }
      else if (held >= 0)
        {
          /* Started, never ended in the file: reported with its planned
           * length, and marked. */
          held_text = span_text (held, (int) minutes);
          held_end = held + (int) minutes;
          estimated = TRUE;
          drift = g_strdup (_("end not recorded"));
        }
      else
        {
          held_text = g_strdup ("—");
          held_end = -1;
        }
      if (exercise != NULL)
        note = g_strdup_printf ("%s · %s", _v21_text (exercise, "code"),
                                sequence_kind_label (_v21_text (sequence, "kind")));
      else if (g_strcmp0 (_v21_text (sequence, "kind"), "break") != 0)
        note = g_strdup (sequence_kind_label (_v21_text (sequence, "kind")));
      _v21_report_cell (row, planned, NULL);
      _v21_report_cell (row, held_text, NULL);
      _v21_report_cell (row, _v21_text (sequence, "title"), note);
      _v21_report_cell (row, drift != NULL ? drift : "", NULL);
    }
  day_end_note (builder, held_end, planned_end >= 0 ? planned_end : day_end, estimated);
}

static void
chapter_run_sheet (V21ReportBuilder *builder)
{
  V21Collection *days = v21_workshop_get_collection (builder->workshop, "days");

  if (v21_collection_get_n (days) == 0)
    return;
  _v21_report_heading (builder, 1, TRUE, _("The run sheet as held"));
  _v21_report_paragraph (builder, V21_TEXT_INTRO, NULL,
                         _("The two days as planned, and as they actually went, from the times recorded during the seminar."));
  for (guint i = 0; i < v21_collection_get_n (days); i++)
    day_section (builder, v21_collection_get (days, i), i + 1);
}

/* Chapter 5: what each exercise produced */

static void
cards_of_kind (V21ReportBuilder *builder,
               GPtrArray        *cards,
               const char       *kind,
               GHashTable       *skip)
{
  V21Workshop *workshop = builder->workshop;
  V21Collection *clusters = v21_workshop_get_collection (workshop, "clusters");
  g_autoptr(GPtrArray) of_kind = g_ptr_array_new ();
  g_autofree char *title = NULL;
  guint clustered = 0;

  for (guint i = 0; i < cards->len; i++)
    {
      V21Record *card = g_ptr_array_index (cards, i);

      if (g_strcmp0 (_v21_text (card, "kind"), kind) != 0
          || (skip != NULL && g_hash_table_contains (skip, v21_record_get_id (card))))
        continue;
      g_ptr_array_add (of_kind, card);
      if (lookup_in (workshop, _v21_text (card, "cluster"), "clusters") != NULL)
        clustered++;
    }
  if (of_kind->len == 0)
    return;
  title = g_strdup_printf ("%s (%u)", plural_kind_label (kind), of_kind->len);
  _v21_report_heading (builder, 3, FALSE, title);
  for (guint c = 0; c <= v21_collection_get_n (clusters); c++)
    {
      V21Record *cluster = c < v21_collection_get_n (clusters) ? v21_collection_get (clusters, c) : NULL;
      const char *cluster_id = cluster != NULL ? v21_record_get_id (cluster) : NULL;
      V21ReportBlock *list = NULL;

      for (guint i = 0; i < of_kind->len; i++)
        {
          V21Record *card = g_ptr_array_index (of_kind, i);
          const char *in = v21_record_is_null (card, "cluster") ? NULL : _v21_text (card, "cluster");

          if (cluster != NULL ? g_strcmp0 (in, cluster_id) != 0 : lookup_in (workshop, in, "clusters") != NULL)
            continue;
          if (list == NULL)
            {
              if (cluster != NULL)
                _v21_report_paragraph (builder, V21_TEXT_BODY, _v21_text (cluster, "name"), NULL);
              else if (clustered > 0)
                _v21_report_paragraph (builder, V21_TEXT_BODY, _("Not in a cluster"), NULL);
              list = _v21_report_list (builder);
            }
          _v21_report_list_add (list, NULL, _v21_text (card, "text"),
                                table_name (workshop, _v21_text (card, "table")));
        }
    }
}

static void
materials_of (V21ReportBuilder *builder,
              V21Record        *exercise,
              gboolean          robustness)
{
  V21Collection *materials = v21_workshop_get_collection (builder->workshop, "materials");
  V21ReportBlock *list = NULL;

  for (guint i = 0; i < v21_collection_get_n (materials); i++)
    {
      V21Record *material = v21_collection_get (materials, i);
      g_autofree char *note = NULL;

      /* The challenges are the rows of the robustness test, below. */
      if (g_strcmp0 (_v21_text (material, "exercise"), v21_record_get_id (exercise)) != 0
          || (robustness && g_strcmp0 (_v21_text (material, "kind"), "challenge") == 0))
        continue;
      if (list == NULL)
        {
          _v21_report_paragraph (builder, V21_TEXT_NOTE, _("Prepared material:"), NULL);
          list = _v21_report_list (builder);
        }
      if (!v21_record_is_null (material, "year") && v21_record_get_int (material, "year", 0) > 0)
        note = g_strdup_printf ("%ld", (long) v21_record_get_int (material, "year", 0));
      _v21_report_list_add (list, NULL, _v21_text (material, "title"), note);
    }
}

/* Where a current answer was judged fragile, challenge by challenge: each
 * challenge named once, its fragile answers under it. */
static void
threats_by_challenge (V21ReportBuilder *builder)
{
  V21Workshop *workshop = builder->workshop;
  V21Collection *scores = v21_workshop_get_collection (workshop, "robustness");
  g_autoptr(GPtrArray) challenges = v21_robustness_challenges (workshop);
  gboolean started = FALSE;

  for (guint c = 0; c < challenges->len; c++)
    {
      V21Record *challenge = g_ptr_array_index (challenges, c);
      V21ReportBlock *list = NULL;

      for (guint i = 0; i < v21_collection_get_n (scores); i++)
        {
          V21Record *score = v21_collection_get (scores, i);
          V21Record *answer = lookup_in (workshop, _v21_text (score, "answer"), "cards");
          gint64 value = v21_record_get_int (score, "score", 0);
          g_autofree char *note = NULL;
          g_autofree char *text = NULL;

          if (value > V21_ROBUSTNESS_WEAK || answer == NULL
              || g_strcmp0 (_v21_text (score, "challenge"), v21_record_get_id (challenge)) != 0)
            continue;
          if (!started)
            {
              _v21_report_heading (builder, 3, FALSE, _("Threats to anticipate"));
              _v21_report_paragraph (builder, V21_TEXT_BODY, NULL,
                                     _("Where a current answer was judged fragile (0 or 1) against a challenge:"));
              started = TRUE;
            }
          if (list == NULL)
            {
              _v21_report_paragraph (builder, V21_TEXT_BODY, _v21_text (challenge, "text"), NULL);
              list = _v21_report_list (builder);
            }
          /* Translators: a robustness score in the report: "note 0 sur 3". */
          note = g_strdup_printf (_("score %ld of 3"), (long) value);
          text = v21_bidi_isolate (_v21_text (answer, "text"));
          if (_v21_text (score, "comment")[0] != '\0')
            {
              g_autofree char *answer_text = g_steal_pointer (&text);

              text = g_strdup_printf ("%s — %s", answer_text, _v21_text (score, "comment"));
            }
          _v21_report_list_add (list, NULL, text, note);
        }
    }
}

static void
robustness_section (V21ReportBuilder *builder)
{
  V21Workshop *workshop = builder->workshop;
  V21Collection *scores = v21_workshop_get_collection (workshop, "robustness");
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) columns = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *summary = NULL;

  for (guint i = 0; i < v21_collection_get_n (scores); i++)
    {
      V21Record *score = v21_collection_get (scores, i);

      g_hash_table_add (rows, (gpointer) _v21_text (score, "challenge"));
      g_hash_table_add (columns, (gpointer) _v21_text (score, "answer"));
    }
  _v21_report_heading (builder, 3, FALSE, _("Robustness test"));
  summary = g_strdup_printf (_("%u challenges were confronted with %u current answers (resources and actions); "
                               "%u pairs were scored from 0 (does not hold) to 3 (robust)."),
                             g_hash_table_size (rows), g_hash_table_size (columns), v21_collection_get_n (scores));
  _v21_report_paragraph (builder, V21_TEXT_BODY, NULL, summary);
  _v21_report_figure (builder, V21_FIGURE_ROBUSTNESS, NULL, _("The robustness of current answers"),
                      (120.0 + 30.0 * g_hash_table_size (rows)) / CONTENT_WIDTH);

  threats_by_challenge (builder);
}

static gboolean
has_trajectory (V21Workshop *workshop,
                const char  *scenario_id)
{
  V21Collection *trajectories = v21_workshop_get_collection (workshop, "trajectories");

  for (guint i = 0; i < v21_collection_get_n (trajectories); i++)
    if (g_strcmp0 (_v21_text (v21_collection_get (trajectories, i), "scenario"), scenario_id) == 0)
      return TRUE;
  return FALSE;
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  V21Record *x = *(V21Record * const *) a, *y = *(V21Record * const *) b;
  gint64 year_x = v21_record_get_int (x, "year", 0), year_y = v21_record_get_int (y, "year", 0);

  return year_x < year_y ? -1 : year_x > year_y;
}

static void
milestones_table (V21ReportBuilder *builder,
                  V21Record        *scenario)
{
  V21Workshop *workshop = builder->workshop;
  V21Collection *points = v21_workshop_get_collection (workshop, "points");
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  const char *headers[] = { _("Year"), _("Milestone"), _("Kind") };
  const double widths[] = { 0.12, 0.66, 0.22 };
  V21ReportBlock *table;

  for (guint i = 0; i < v21_collection_get_n (points); i++)
    {
      V21Record *point = v21_collection_get (points, i);
      V21Record *trajectory = lookup_in (workshop, _v21_text (point, "trajectory"), "trajectories");

      if (trajectory == NULL || _v21_text (point, "label")[0] == '\0'
          || g_strcmp0 (_v21_text (trajectory, "style"), "past") == 0
          || g_strcmp0 (_v21_text (trajectory, "scenario"), v21_record_get_id (scenario)) != 0)
        continue;
      g_ptr_array_add (found, point);
    }
  if (found->len == 0)
    return;
  g_ptr_array_sort (found, compare_points);
  table = _v21_report_table (builder, 3, headers, widths, 0);
  for (guint i = 0; i < found->len; i++)
    {
      V21Record *point = g_ptr_array_index (found, i);
      GPtrArray *row = _v21_report_row (table);
      g_autofree char *year = g_strdup_printf ("%ld", (long) v21_record_get_int (point, "year", 0));

      _v21_report_cell (row, year, NULL);
      _v21_report_cell (row, _v21_text (point, "label"), NULL);
      _v21_report_cell (row, point_kind_label (_v21_text (point, "kind")), NULL);
    }
}

static void
scenarios_section (V21ReportBuilder *builder)
{
  V21Workshop *workshop = builder->workshop;
  V21Collection *scenarios = v21_workshop_get_collection (workshop, "scenarios");

  for (guint i = 0; i < v21_collection_get_n (scenarios); i++)
    {
      V21Record *scenario = v21_collection_get (scenarios, i);
      const char *table = table_name (workshop, _v21_text (scenario, "table"));
      g_autofree char *meta = NULL;
      g_autofree char *caption = NULL;

      _v21_report_heading (builder, 3, FALSE, _v21_text (scenario, "title"));
      if (table != NULL)
        /* Translators: "Scénario de rupture, écrit par la table Bocage". */
        meta = g_strdup_printf (_("%s, written by %s"), scenario_kind_label (_v21_text (scenario, "kind")), table);
      else
        meta = g_strdup (scenario_kind_label (_v21_text (scenario, "kind")));
      _v21_report_paragraph (builder, V21_TEXT_NOTE, NULL, meta);
      _v21_report_paragraphs (builder, V21_TEXT_QUOTE, _v21_text (scenario, "narrative"));
      if (!has_trajectory (workshop, v21_record_get_id (scenario)))
        continue;
      /* Translators: a figure's caption; %s is a scenario's title. */
      caption = g_strdup_printf (_("Trajectory: %s"), _v21_text (scenario, "title"));
      _v21_report_figure (builder, V21_FIGURE_TRAJECTORIES, v21_record_get_id (scenario), caption, 0.6);
      milestones_table (builder, scenario);
    }
  if (count_of (workshop, "scenarios") > 1 && count_of (workshop, "trajectories") > 0)
    {
      _v21_report_heading (builder, 3, FALSE, _("The trajectories compared"));
      _v21_report_figure (builder, V21_FIGURE_TRAJECTORIES, NULL, _("The trajectories compared"), 0.62);
    }
}

static void
part_section (V21ReportBuilder *builder,
              Part             *part)
{
  gboolean empty = part->cards->len == 0 && part->rounds->len == 0 && !part->robustness && !part->scenarios;
  g_autoptr(GHashTable) answers = NULL;

  if (part->exercise != NULL)
    {
      g_autofree char *title = g_strdup_printf ("%s — %s", _v21_text (part->exercise, "code"),
                                                _v21_text (part->exercise, "title"));

      _v21_report_heading (builder, 2, TRUE, _v21_text (part->exercise, "code")[0] != '\0'
                                            ? title : _v21_text (part->exercise, "title"));
      /* The toolkit's summary of the exercise is the same in every report:
       * "The method" names the exercises; here, only what this seminar did. */
      materials_of (builder, part->exercise, part->robustness);
    }
  else if (empty)
    return;
  else
    _v21_report_heading (builder, 2, TRUE, _("Other contributions"));
  if (empty)
    {
      _v21_report_paragraph (builder, V21_TEXT_BODY, NULL, _("Nothing was recorded for this exercise."));
      return;
    }
  /* The robustness test shows its challenges and current answers itself. */
  if (part->robustness)
    answers = voted_or_scored_cards (builder->workshop);
  for (guint k = 0; report_kinds[k] != NULL; k++)
    if (!part->robustness || g_strcmp0 (report_kinds[k], "challenge") != 0)
      cards_of_kind (builder, part->cards, report_kinds[k], answers);
  for (guint i = 0; i < part->rounds->len; i++)
    vote_section (builder, g_ptr_array_index (part->rounds, i));
  if (part->robustness)
    robustness_section (builder);
  if (part->scenarios)
    scenarios_section (builder);
}

static void
chapter_results (V21ReportBuilder *builder)
{
  Parts parts;

  parts_collect (&parts, builder->workshop);
  _v21_report_heading (builder, 1, TRUE, _("What the seminar produced"));
  _v21_report_paragraph (builder, V21_TEXT_INTRO, NULL,
                         _("Exercise by exercise, what the tables wrote down, how it was clustered, and what the votes put first."));
  for (guint i = 0; i < parts.parts->len; i++)
    part_section (builder, g_ptr_array_index (parts.parts, i));
  part_section (builder, parts.other);
  parts_clear (&parts);
}

/* Chapter 6: lessons on the method */

static void
chapter_notes (V21ReportBuilder *builder)
{
  V21Workshop *workshop = builder->workshop;
  V21Collection *notes = v21_workshop_get_collection (workshop, "exercise_notes");

  if (v21_collection_get_n (notes) == 0)
    return;
  _v21_report_heading (builder, 1, TRUE, _("Lessons on the method"));
  _v21_report_paragraph (builder, V21_TEXT_INTRO, NULL,
                         _("For each exercise, when and how to use it, and what to watch for: the “conditions of application "
                           "and terms of use” sheets filled in at the end of the seminar."));
  for (guint i = 0; i < v21_collection_get_n (notes); i++)
    {
      V21Record *note = v21_collection_get (notes, i);
      V21Record *exercise = lookup_in (workshop, _v21_text (note, "exercise"), "exercises");
      g_autofree char *title = NULL;

      if (exercise == NULL)
        continue;
      title = g_strdup_printf ("%s — %s", _v21_text (exercise, "code"), _v21_text (exercise, "title"));
      _v21_report_heading (builder, 2, TRUE, title);
      _v21_report_paragraph (builder, V21_TEXT_BODY, _("Conditions of application:"), _v21_text (note, "conditions"));
      _v21_report_paragraph (builder, V21_TEXT_BODY, _("Terms of use:"), _v21_text (note, "usage"));
      _v21_report_paragraph (builder, V21_TEXT_BODY, _("Points to watch:"), _v21_text (note, "vigilance"));
    }
}

/* Appendix: every card */

static void
appendix_group (V21ReportBuilder *builder,
                V21Record        *sequence,
                GPtrArray        *cards)
{
  V21Workshop *workshop = builder->workshop;
  const char *headers[] = { _("No."), _("Kind"), _("Contribution"), _("Table") };
  const double widths[] = { 0.07, 0.15, 0.6, 0.18 };
  V21ReportBlock *table;

  if (cards->len == 0)
    return;
  _v21_report_heading (builder, 2, FALSE, sequence != NULL ? _v21_text (sequence, "title")
                                                           : _("Without a session block"));
  table = _v21_report_table (builder, 4, headers, widths, 0);
  for (guint i = 0; i < cards->len; i++)
    {
      V21Record *card = g_ptr_array_index (cards, i);
      V21Record *cluster = lookup_in (workshop, _v21_text (card, "cluster"), "clusters");
      GPtrArray *row = _v21_report_row (table);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *note = NULL;
      const char *details = _v21_text (card, "details");

      if (cluster != NULL)
        note = g_strdup_printf (details[0] != '\0' ? "%s\n%s%s" : "%.0s%s%s", details,
                                /* Translators: in the appendix, under a card: "Regroupement : …". */
                                _("Cluster: "), _v21_text (cluster, "name"));
      else
        note = g_strdup (details);
      _v21_report_cell (row, number, NULL);
      _v21_report_cell (row, v21_card_kind_label (_v21_text (card, "kind")), NULL);
      _v21_report_cell (row, _v21_text (card, "text"), note);
      _v21_report_cell (row, table_name (workshop, _v21_text (card, "table")), NULL);
    }
}

static void
appendix_cards (V21ReportBuilder *builder)
{
  V21Workshop *workshop = builder->workshop;
  V21Collection *sequences = v21_workshop_get_collection (workshop, "sequences");
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) loose = g_ptr_array_new ();

  if (v21_collection_get_n (cards) == 0)
    return;
  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    {
      V21Record *card = v21_collection_get (cards, i);
      V21Record *sequence = lookup_in (workshop, _v21_text (card, "sequence"), "sequences");
      GPtrArray *group;

      if (sequence == NULL)
        {
          g_ptr_array_add (loose, card);
          continue;
        }
      group = g_hash_table_lookup (groups, v21_record_get_id (sequence));
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, (gpointer) v21_record_get_id (sequence), group);
        }
      g_ptr_array_add (group, card);
    }
  _v21_report_heading (builder, 1, FALSE, _("Appendix: every contribution"));
  _v21_report_paragraph (builder, V21_TEXT_INTRO, NULL,
                         _("Every card written down during the seminar, by session block, with its table, as captured."));
  for (guint i = 0; i < v21_collection_get_n (sequences); i++)
    {
      V21Record *sequence = v21_collection_get (sequences, i);
      GPtrArray *group = g_hash_table_lookup (groups, v21_record_get_id (sequence));

      if (group != NULL)
        appendix_group (builder, sequence, group);
    }
  appendix_group (builder, NULL, loose);
}

void
_v21_report_build (V21ReportBuilder *builder)
{
  V21ReportSections sections = builder->sections;

  chapter_summary (builder);
  if (sections & V21_REPORT_CONTEXT)
    chapter_context (builder);
  if (sections & V21_REPORT_PEOPLE)
    chapter_people (builder);
  if (sections & V21_REPORT_RUN_SHEET)
    chapter_run_sheet (builder);
  if (sections & V21_REPORT_RESULTS)
    chapter_results (builder);
  if (sections & V21_REPORT_METHOD_NOTES)
    chapter_notes (builder);
  if (sections & V21_REPORT_APPENDIX)
    appendix_cards (builder);
}
