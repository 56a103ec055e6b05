/* Running the seminar live, without a screen: the timer and the drift against
 * the run sheet, the capture line's prefixes, merging and clustering cards,
 * votes (budget, hidden results, ranking) and the robustness grid. */

#include "config.h"

#include <string.h>

#include "v21-capture.h"
#include "v21-cards.h"
#include "v21-robustness.h"
#include "v21-timer.h"
#include "v21-votes.h"
#include "test-util.h"

#define SEC ((gint64) G_USEC_PER_SEC)
#define MINUTE (60 * SEC)

static V21Record *
get (V21Workshop *workshop,
     const char  *id)
{
  V21Record *record = v21_workshop_lookup (workshop, id);

  g_assert_nonnull (record);
  return record;
}

static void
assert_timer (const V21Timer *timer,
              gint64          now,
              const char     *expected,
              V21TimerPhase   phase)
{
  g_autofree char *text = v21_timer_format (timer, now);

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpint (v21_timer_phase (timer, now), ==, phase);
}

/* The timer */

static void
test_timer_countdown (void)
{
  V21Timer timer;
  gint64 t0 = 5000 * SEC;   /* any monotonic origin */

  v21_timer_init (&timer, 10);
  g_assert_false (v21_timer_is_started (&timer));
  assert_timer (&timer, t0, "10:00", V21_TIMER_NORMAL);
  v21_timer_start (&timer, t0);
  assert_timer (&timer, t0 + 61 * SEC, "8:59", V21_TIMER_NORMAL);
  assert_timer (&timer, t0 + 7 * MINUTE + 59 * SEC, "2:01", V21_TIMER_NORMAL);
  /* 20 % of ten minutes left: the warning. */
  assert_timer (&timer, t0 + 8 * MINUTE, "2:00", V21_TIMER_WARNING);
  assert_timer (&timer, t0 + 10 * MINUTE - SEC / 2, "0:01", V21_TIMER_WARNING);
  assert_timer (&timer, t0 + 10 * MINUTE, "0:00", V21_TIMER_WARNING);
  /* One second past the end is already an overrun. */
  assert_timer (&timer, t0 + 10 * MINUTE + SEC, "+0:01", V21_TIMER_OVERRUN);
  assert_timer (&timer, t0 + 13 * MINUTE + 12 * SEC, "+3:12", V21_TIMER_OVERRUN);
  g_assert_cmpint (v21_timer_remaining (&timer, t0 + 13 * MINUTE + 12 * SEC), ==, -(3 * MINUTE + 12 * SEC));
}

static void
test_timer_pause (void)
{
  V21Timer timer;

  v21_timer_init (&timer, 30);
  v21_timer_toggle (&timer, 0);
  v21_timer_toggle (&timer, 10 * MINUTE);          /* pause after ten minutes */
  g_assert_true (v21_timer_is_started (&timer));
  g_assert_false (timer.running);
  assert_timer (&timer, 50 * MINUTE, "20:00", V21_TIMER_NORMAL);
  v21_timer_start (&timer, 50 * MINUTE);
  v21_timer_start (&timer, 55 * MINUTE);           /* a second start changes nothing */
  assert_timer (&timer, 60 * MINUTE, "10:00", V21_TIMER_NORMAL);
  v21_timer_pause (&timer, 60 * MINUTE);
  v21_timer_pause (&timer, 70 * MINUTE);
  g_assert_cmpint (v21_timer_elapsed (&timer, 90 * MINUTE), ==, 20 * MINUTE);
}

static void
test_timer_extra_time (void)
{
  V21Timer timer;

  v21_timer_init (&timer, 10);
  v21_timer_start (&timer, 0);
  assert_timer (&timer, 9 * MINUTE, "1:00", V21_TIMER_WARNING);
  v21_timer_add (&timer, V21_TIMER_EXTRA_MINUTES);
  assert_timer (&timer, 9 * MINUTE, "6:00", V21_TIMER_NORMAL);
  assert_timer (&timer, 16 * MINUTE, "+1:00", V21_TIMER_OVERRUN);
  v21_timer_add (&timer, V21_TIMER_EXTRA_MINUTES);
  assert_timer (&timer, 16 * MINUTE, "4:00", V21_TIMER_WARNING);   /* 20 % of 20 min */
  /* Reset: the full time again, stopped, the extra time kept. */
  v21_timer_reset (&timer);
  g_assert_false (v21_timer_is_started (&timer));
  assert_timer (&timer, 30 * MINUTE, "20:00", V21_TIMER_NORMAL);
}

static void
test_timer_across_days (void)
{
  V21Timer timer;
  gint64 evening = 86400LL * 3 * SEC + 17 * 3600LL * SEC;   /* day 3, 17:00 */
  gint64 morning = evening + 16 * 3600LL * SEC;              /* day 4, 09:00 */

  /* A long sequence paused at the end of day one goes on next morning. */
  v21_timer_init (&timer, 150);
  v21_timer_start (&timer, evening);
  v21_timer_pause (&timer, evening + 45 * MINUTE);
  assert_timer (&timer, morning, "1:45:00", V21_TIMER_NORMAL);
  v21_timer_start (&timer, morning);
  assert_timer (&timer, morning + 62 * MINUTE + 3 * SEC, "42:57", V21_TIMER_NORMAL);
  assert_timer (&timer, morning + 3 * 3600LL * SEC, "+1:15:00", V21_TIMER_OVERRUN);
}

/* The drift against the run sheet */

static GDateTime *
at (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

static void
assert_drift (V21Workshop *workshop,
              const char  *sequence,
              const char  *now,
              gint64       remaining,
              gint64       seconds,
              const char  *text)
{
  g_autoptr(GDateTime) time = at (now);
  gint64 drift = v21_sequence_drift (workshop, get (workshop, sequence), time, remaining);
  g_autofree char *label = v21_drift_format (drift);

  g_assert_cmpint (drift, ==, seconds);
  g_assert_cmpstr (label, ==, text);
}

static void
test_drift (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();

  /* s1: day 1 (2027-03-18) at 09:30 for 90 minutes. */
  assert_drift (workshop, "s1", "2027-03-18T09:42:00+01:00", 90 * 60, 12 * 60, "12 min late");
  assert_drift (workshop, "s1", "2027-03-18T09:25:00+01:00", 90 * 60, -5 * 60, "5 min ahead");
  assert_drift (workshop, "s1", "2027-03-18T10:30:00+01:00", 30 * 60, 0, "On time");
  /* Overrun: the expected end is now. */
  assert_drift (workshop, "s1", "2027-03-18T11:10:00+01:00", -10 * 60, 10 * 60, "10 min late");
  /* s3 is on day 2, 10:00, 30 minutes: the day's date counts. */
  assert_drift (workshop, "s3", "2027-03-19T10:12:00+01:00", 30 * 60, 12 * 60, "12 min late");
  assert_drift (workshop, "s3", "2027-03-19T10:12:20+01:00", 30 * 60, 12 * 60 + 20, "12 min late");
}

static void
test_sequence_end (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GDateTime) started = at ("2027-03-18T11:04:00+01:00");
  g_autoptr(GError) error = NULL;
  V21Record *pause = get (workshop, "s2");

  g_assert_true (v21_sequence_end (workshop, pause, started, 17 * MINUTE + 40 * SEC, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (v21_record_get_string (pause, "actual_start"), ==, "2027-03-18T11:04:00+01:00");
  g_assert_cmpint (v21_record_get_int (pause, "actual_minutes", -1), ==, 18);
  g_assert_cmpstr (v21_record_get_string (pause, "status"), ==, "done");
  /* One step undoes it all. */
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_false (v21_workshop_can_undo (workshop));
  g_assert_true (v21_record_is_null (pause, "actual_start"));
  g_assert_true (v21_record_is_null (pause, "actual_minutes"));
  g_assert_cmpstr (v21_record_get_string (pause, "status"), ==, "planned");
}

static void
test_sequence_navigation (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();

  g_assert_true (v21_sequence_current (workshop) == get (workshop, "s2"));
  g_assert_true (v21_sequence_next (workshop, get (workshop, "s1")) == get (workshop, "s2"));
  g_assert_true (v21_sequence_next (workshop, get (workshop, "s2")) == get (workshop, "s3"));
  g_assert_null (v21_sequence_next (workshop, get (workshop, "s3")));
  g_assert_true (v21_sequence_previous (workshop, get (workshop, "s2")) == get (workshop, "s1"));
  g_assert_null (v21_sequence_previous (workshop, get (workshop, "s1")));
}

/* The capture line */

static void
test_capture_prefixes (void)
{
  static const struct { const char *line; const char *kind; int table; const char *text; } cases[] = {
    { "Vieillissement", NULL, 0, "Vieillissement" },
    { "e: L'eau l'été", "issue", 0, "L'eau l'été" },
    { "Enjeu : L'eau", "issue", 0, "L'eau" },
    { "m: Sécheresse", "threat", 0, "Sécheresse" },
    { "MENACE: crue", "threat", 0, "crue" },
    { "r: haies", "resource", 0, "haies" },
    { "Ressource: haies", "resource", 0, "haies" },
    { "t: vieillissement", "trend", 0, "vieillissement" },
    { "s: tiers-lieux", "weak_signal", 0, "tiers-lieux" },
    { "signal faible: tiers-lieux", "weak_signal", 0, "tiers-lieux" },
    { "d: l'eau en 2040", "challenge", 0, "l'eau en 2040" },
    { "Défi: l'eau", "challenge", 0, "l'eau" },
    { "defi: l'eau", "challenge", 0, "l'eau" },
    { "i: une idée", "idea", 0, "une idée" },
    { "Idée: une idée", "idea", 0, "une idée" },
    { "a: covoiturage", "action", 0, "covoiturage" },
    { "v: sobre", "vision", 0, "sobre" },
    { "threat: drought", "threat", 0, "drought" },
    { "Weak signal: remote work", "weak_signal", 0, "remote work" },
    { "idea: x", "idea", 0, "x" },
    { "#3 texte", NULL, 3, "texte" },
    { "#12: texte", NULL, 12, "texte" },
    { "t3: texte", NULL, 3, "texte" },
    { "Table 2: texte", NULL, 2, "texte" },
    { "t3: m: crue", "threat", 3, "crue" },
    { "m: #4 crue", "threat", 4, "crue" },
    { "#2 e: eau", "issue", 2, "eau" },
    /* Not prefixes: the words stay in the text. */
    { "Eau : partager", NULL, 0, "Eau : partager" },
    { "#3texte", NULL, 0, "#3texte" },
    { "#0 texte", NULL, 0, "#0 texte" },
    { "t0: texte", NULL, 0, "t0: texte" },
    { "  m:   ", "threat", 0, "" },
    { "", NULL, 0, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      V21Capture capture;

      v21_capture_parse (cases[i].line, &capture);
      g_test_message ("%s", cases[i].line);
      g_assert_cmpstr (capture.kind, ==, cases[i].kind);
      g_assert_cmpint (capture.table, ==, cases[i].table);
      g_assert_cmpstr (capture.text, ==, cases[i].text);
      v21_capture_clear (&capture);
    }
  g_assert_cmpstr (v21_capture_kind_for_key (1), ==, "issue");
  g_assert_cmpstr (v21_capture_kind_for_key (2), ==, "threat");
  g_assert_cmpstr (v21_capture_kind_for_key (5), ==, "weak_signal");
  g_assert_cmpstr (v21_capture_kind_for_key (9), ==, "vision");
  g_assert_null (v21_capture_kind_for_key (0));
  g_assert_null (v21_capture_kind_for_key (10));
}

static void
test_capture_add (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GError) error = NULL;
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  guint n = v21_collection_get_n (cards);
  V21Record *card;

  g_assert_true (v21_capture_table (workshop, 2) == get (workshop, "t2"));
  g_assert_null (v21_capture_table (workshop, 3));
  card = v21_capture_add_card (workshop, "threat", "Crues", get (workshop, "t2"), get (workshop, "s2"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, n + 1);
  g_assert_true (v21_collection_get (cards, n) == card);
  g_assert_cmpstr (v21_record_get_string (card, "kind"), ==, "threat");
  g_assert_cmpstr (v21_record_get_string (card, "table"), ==, "t2");
  g_assert_cmpstr (v21_record_get_string (card, "sequence"), ==, "s2");
  g_assert_cmpstr (v21_record_get_string (card, "created"), !=, "");
  g_assert_null (v21_capture_add_card (workshop, NULL, "x", NULL, NULL, NULL, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_null (v21_capture_add_card (workshop, "idea", "", NULL, NULL, NULL, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_cmpuint (v21_collection_get_n (cards), ==, n);
}

/* Cards */

static gint64
round_total (V21Workshop *workshop,
             const char  *round,
             const char  *voter)
{
  V21Collection *votes = v21_workshop_get_collection (workshop, "votes");
  gint64 total = 0;

  for (guint i = 0; i < v21_collection_get_n (votes); i++)
    {
      V21Record *vote = v21_collection_get (votes, i);

      if (g_strcmp0 (v21_record_get_string (vote, "round"), round) == 0
          && (voter == NULL || g_strcmp0 (v21_record_get_string (vote, "voter"), voter) == 0))
        total += v21_record_get_int (vote, "count", 0);
    }
  return total;
}

static void
test_merge_keeps_votes (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  V21Record *kept = get (workshop, "c5");
  V21Record *round = get (workshop, "vr1");
  V21Record *p2 = get (workshop, "p2");
  gint64 total;

  /* p2 votes for both cards: after the merge, one vote of 2 on the kept card. */
  g_assert_true (v21_votes_set_count (workshop, round, p2, kept, 1, &error));
  g_assert_no_error (error);
  g_assert_nonnull (v21_cards_link (workshop, get (workshop, "c3"), get (workshop, "c6"), NULL, &error));
  total = round_total (workshop, "vr1", NULL);
  before = v21_workshop_to_data (workshop, NULL);

  g_assert_true (v21_cards_merge (workshop, kept, get (workshop, "c6"), &error));
  g_assert_no_error (error);
  g_assert_null (v21_workshop_lookup (workshop, "c6"));
  g_assert_cmpstr (v21_record_get_string (kept, "text"), ==,
                   "Récupérer l'eau de pluie des bâtiments publics / Un territoire sobre et solidaire");
  /* Every vote is still there, on the kept card. */
  g_assert_cmpint (round_total (workshop, "vr1", NULL), ==, total);
  g_assert_cmpint (round_total (workshop, "vr1", "p1"), ==, 3);
  g_assert_cmpint (v21_votes_get_count (workshop, round, p2, kept), ==, 2);
  g_assert_cmpint (json_object_array_length (v21_record_get_value (round, "targets")), ==, 2);
  /* The trajectory point and the link follow the kept card. */
  g_assert_cmpstr (v21_record_get_string (get (workshop, "pt5"), "card"), ==, "c5");
  {
    V21Collection *links = v21_workshop_get_collection (workshop, "links");
    gboolean found = FALSE;

    for (guint i = 0; i < v21_collection_get_n (links); i++)
      found |= g_strcmp0 (v21_record_get_string (v21_collection_get (links, i), "from"), "c3") == 0
               && g_strcmp0 (v21_record_get_string (v21_collection_get (links, i), "to"), "c5") == 0;
    g_assert_true (found);
  }
  /* Both scored the same challenge: the kept card's score stays, one per cell. */
  g_assert_null (v21_workshop_lookup (workshop, "r2"));
  g_assert_cmpint (v21_record_get_int (get (workshop, "r1"), "score", -1), ==, 2);

  /* One undo step gives everything back. */
  g_assert_cmpstr (v21_workshop_get_undo_label (workshop), ==, "Merge cards");
  g_assert_true (v21_workshop_undo (workshop));
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (before, ==, after);

  g_assert_false (v21_cards_merge (workshop, kept, kept, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
}

static void
test_clusters_keep_votes (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  V21Record *cluster;
  gint64 total = round_total (workshop, "vr1", NULL);

  g_ptr_array_add (cards, get (workshop, "c4"));
  g_ptr_array_add (cards, get (workshop, "c5"));
  cluster = v21_cluster_create (workshop, "  Eau  ", "action", NULL, cards, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (v21_record_get_string (cluster, "name"), ==, "Eau");
  g_assert_cmpstr (v21_record_get_string (get (workshop, "c4"), "cluster"), ==, v21_record_get_id (cluster));
  g_assert_cmpstr (v21_workshop_get_undo_label (workshop), ==, "New cluster");

  g_assert_true (v21_cards_move_to_cluster (workshop, get (workshop, "c5"), get (workshop, "cl2"), &error));
  g_assert_cmpstr (v21_record_get_string (get (workshop, "c5"), "cluster"), ==, "cl2");
  g_assert_true (v21_cards_move_to_cluster (workshop, get (workshop, "c4"), NULL, &error));
  g_assert_true (v21_record_is_null (get (workshop, "c4"), "cluster"));
  g_assert_cmpint (round_total (workshop, "vr1", NULL), ==, total);

  g_assert_true (v21_cluster_rename (workshop, cluster, "Eau et sols", &error));
  g_assert_cmpstr (v21_record_get_string (cluster, "name"), ==, "Eau et sols");
  g_assert_false (v21_cluster_rename (workshop, cluster, "   ", &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_clear_error (&error);

  g_assert_true (v21_workshop_undo (workshop));   /* rename */
  g_assert_true (v21_workshop_undo (workshop));   /* c4 out */
  g_assert_true (v21_workshop_undo (workshop));   /* c5 to cl2 */
  g_assert_true (v21_workshop_undo (workshop));   /* the new cluster */
  g_assert_null (v21_workshop_lookup (workshop, v21_record_get_id (cluster)));
  g_assert_true (v21_record_is_null (get (workshop, "c4"), "cluster"));
}

static void
test_link (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GError) error = NULL;
  V21Record *link;

  g_assert_cmpstr (v21_link_kind_for ("threat", "issue"), ==, "threatens");
  g_assert_cmpstr (v21_link_kind_for ("resource", "issue"), ==, "mobilises");
  g_assert_cmpstr (v21_link_kind_for ("action", "challenge"), ==, "answers");
  link = v21_cards_link (workshop, get (workshop, "c2"), get (workshop, "c1"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (v21_record_get_string (link, "kind"), ==, "threatens");
  g_assert_null (v21_cards_link (workshop, get (workshop, "c2"), get (workshop, "c1"), NULL, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_null (v21_cards_link (workshop, get (workshop, "c2"), get (workshop, "c2"), NULL, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
}

/* Votes */

static void
test_votes_budget (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autofree char *after = NULL;
  V21Record *round = get (workshop, "vr1");
  V21Record *p1 = get (workshop, "p1");

  /* p1 gave 2 + 1 of a budget of 3. */
  g_assert_cmpint (v21_votes_used (workshop, round, p1), ==, 3);
  g_assert_false (v21_votes_set_count (workshop, round, p1, get (workshop, "c6"), 1, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "Camille Martin has 3 votes in this round and already gave 3 elsewhere: at most 0 here");
  g_clear_error (&error);
  g_assert_false (v21_votes_set_count (workshop, round, p1, get (workshop, "c5"), 2, &error));
  g_assert_true (strstr (error->message, "at most 1 here") != NULL);
  g_clear_error (&error);
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (v21_workshop_can_undo (workshop));

  /* Moving a vote: lower one count, then raise another. */
  g_assert_true (v21_votes_set_count (workshop, round, p1, get (workshop, "c4"), 0, &error));
  g_assert_true (v21_votes_set_count (workshop, round, p1, get (workshop, "c5"), 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v21_votes_get_count (workshop, round, p1, get (workshop, "c4")), ==, 0);
  g_assert_cmpint (v21_votes_get_count (workshop, round, p1, get (workshop, "c5")), ==, 3);

  /* Counted dots (no voter) have no budget. */
  g_assert_true (v21_votes_set_count (workshop, round, NULL, get (workshop, "c6"), 40, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v21_votes_get_count (workshop, round, NULL, get (workshop, "c6")), ==, 40);
  g_assert_false (v21_votes_set_count (workshop, round, NULL, get (workshop, "c6"), -1, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
}

static void
test_votes_hidden (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GError) error = NULL;
  V21Record *round = get (workshop, "vr1");
  V21VoteResults *results;

  results = v21_vote_results_new (workshop, round);
  g_assert_false (results->revealed);
  v21_vote_results_free (results);
  g_assert_true (v21_vote_round_reveal (workshop, round, TRUE, &error));
  results = v21_vote_results_new (workshop, round);
  g_assert_true (results->revealed);
  v21_vote_results_free (results);
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_false (v21_record_get_bool (round, "revealed"));
}

static void
test_votes_ranking (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GError) error = NULL;
  g_autoptr(V21VoteResults) results = NULL;
  V21Record *round;
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  static const char *texts[] = { "A", "B", "C", "D" };
  V21Record *card[4];

  for (guint i = 0; i < 4; i++)
    card[i] = v21_capture_add_card (workshop, "idea", texts[i], NULL, get (workshop, "s3"), NULL, &error);
  round = v21_vote_round_create (workshop, "Idées", "cards", "idea", get (workshop, "s3"),
                                 "dots", 5, "tables", &error);
  g_assert_no_error (error);
  g_assert_false (v21_record_get_bool (round, "revealed"));
  g_assert_cmpint (json_object_array_length (v21_record_get_value (round, "targets")), ==, 4);
  g_assert_cmpuint (v21_collection_get_n (cards), ==, 10);

  /* A: 3 (t1) + 1 (t2); B: 4 (t2); C: 2 counted dots; D: nothing. */
  g_assert_true (v21_votes_set_count (workshop, round, get (workshop, "t1"), card[0], 3, &error));
  g_assert_true (v21_votes_set_count (workshop, round, get (workshop, "t2"), card[0], 1, &error));
  g_assert_true (v21_votes_set_count (workshop, round, get (workshop, "t2"), card[1], 4, &error));
  g_assert_true (v21_votes_set_count (workshop, round, NULL, card[2], 2, &error));
  g_assert_no_error (error);

  results = v21_vote_results_new (workshop, round);
  g_assert_cmpuint (results->n_tallies, ==, 4);
  g_assert_cmpuint (results->n_tables, ==, 2);
  g_assert_cmpint (results->total, ==, 10);
  g_assert_cmpint (results->max_total, ==, 4);
  g_assert_cmpuint (results->n_voters, ==, 2);
  /* Ties share a rank and keep the round's order. */
  g_assert_true (results->tallies[0].target == card[0]);
  g_assert_true (results->tallies[1].target == card[1]);
  g_assert_cmpuint (results->tallies[0].rank, ==, 1);
  g_assert_cmpuint (results->tallies[1].rank, ==, 1);
  g_assert_true (results->tallies[2].target == card[2]);
  g_assert_cmpuint (results->tallies[2].rank, ==, 3);
  g_assert_cmpuint (results->tallies[3].rank, ==, 4);
  g_assert_cmpstr (results->tallies[3].label, ==, "D");
  /* Per table. */
  g_assert_cmpint (results->tallies[0].per_table[0], ==, 3);
  g_assert_cmpint (results->tallies[0].per_table[1], ==, 1);
  g_assert_cmpint (results->tallies[1].per_table[1], ==, 4);
  g_assert_cmpint (results->tallies[2].no_table, ==, 2);
}

static void
test_votes_people_tables (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(V21VoteResults) results = v21_vote_results_new (workshop, get (workshop, "vr1"));

  /* vr1: p1 (table A) 2 on c4 and 1 on c5; p2 (table B) 1 on c6. */
  g_assert_cmpuint (results->n_tallies, ==, 3);
  g_assert_true (results->tallies[0].target == get (workshop, "c4"));
  g_assert_cmpint (results->tallies[0].per_table[0], ==, 2);
  g_assert_cmpuint (results->tallies[1].rank, ==, 2);
  g_assert_cmpuint (results->tallies[2].rank, ==, 2);
  g_assert_cmpint (results->tallies[2].per_table[1], ==, 1);
}

/* What the Votes page reads (a voter's total, one vote) against the list of
 * votes itself, for every round and every possible voter. */
static void
assert_votes_agree (V21Workshop *workshop)
{
  V21Collection *votes = v21_workshop_get_collection (workshop, "votes");
  V21Collection *rounds = v21_workshop_get_collection (workshop, "vote_rounds");
  V21Collection *voters[] = { v21_workshop_get_collection (workshop, "people"),
                              v21_workshop_get_collection (workshop, "tables") };

  for (guint r = 0; r < v21_collection_get_n (rounds); r++)
    {
      V21Record *round = v21_collection_get (rounds, r);

      for (guint l = 0; l < G_N_ELEMENTS (voters); l++)
        for (guint p = 0; p <= v21_collection_get_n (voters[l]); p++)
          {
            V21Record *voter = p < v21_collection_get_n (voters[l]) ? v21_collection_get (voters[l], p) : NULL;
            gint64 total = 0;

            for (guint i = 0; i < v21_collection_get_n (votes); i++)
              {
                V21Record *vote = v21_collection_get (votes, i);

                if (g_strcmp0 (v21_record_get_string (vote, "round"), v21_record_get_id (round)) == 0
                    && g_strcmp0 (v21_record_get_string (vote, "voter"), voter ? v21_record_get_id (voter) : NULL) == 0)
                  total += v21_record_get_int (vote, "count", 0);
              }
            g_assert_cmpint (v21_votes_used (workshop, round, voter), ==, total);
          }
    }
  for (guint i = 0; i < v21_collection_get_n (votes); i++)
    {
      V21Record *vote = v21_collection_get (votes, i);
      const char *round = v21_record_get_string (vote, "round");
      const char *voter = v21_record_get_string (vote, "voter");
      const char *target = v21_record_get_string (vote, "target");
      V21Record *first = NULL;

      for (guint j = 0; j <= i && first == NULL; j++)
        {
          V21Record *other = v21_collection_get (votes, j);

          if (g_strcmp0 (v21_record_get_string (other, "round"), round) == 0
              && g_strcmp0 (v21_record_get_string (other, "voter"), voter) == 0
              && g_strcmp0 (v21_record_get_string (other, "target"), target) == 0)
            first = other;
        }
      g_assert_true (v21_votes_find (workshop, round, voter, target) == first);
    }
}

static void
on_votes_changed (V21Workshop *workshop)
{
  assert_votes_agree (workshop);
}

static void
watch_votes (V21Workshop *workshop)
{
  V21Collection *votes = v21_workshop_get_collection (workshop, "votes");

  /* Whoever hears of a change (a list, a record) reads totals already right. */
  g_signal_connect_swapped (votes, "items-changed", G_CALLBACK (on_votes_changed), workshop);
  for (guint i = 0; i < v21_collection_get_n (votes); i++)
    g_signal_connect_swapped (v21_collection_get (votes, i), "changed", G_CALLBACK (on_votes_changed), workshop);
}

static void
assert_budget_refused (V21Workshop *workshop,
                       V21Record   *round,
                       V21Record   *voter,
                       V21Record   *target,
                       gint64       count,
                       const char  *message)
{
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (v21_votes_set_count (workshop, round, voter, target, count, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, message);
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (before, ==, after);
}

/* The budget and each voter's total follow every edit, undo and redo. */
static void
test_votes_follow_edits (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GError) error = NULL;
  g_autofree char *original = v21_workshop_to_data (workshop, NULL);
  g_autofree char *now = NULL;
  V21Record *round = get (workshop, "vr1");
  V21Record *p1 = get (workshop, "p1");
  V21Record *p2 = get (workshop, "p2");
  V21Record *p3 = get (workshop, "p3");
  V21Record *c4 = get (workshop, "c4");
  V21Record *c5 = get (workshop, "c5");
  V21Record *c6 = get (workshop, "c6");
  const char *p1_full = "Camille Martin has 3 votes in this round and already gave 3 elsewhere: at most 0 here";

  watch_votes (workshop);
  assert_votes_agree (workshop);
  /* A vote, then its count changed, undone and redone. */
  g_assert_true (v21_votes_set_count (workshop, round, p2, c4, 1, &error));
  g_assert_true (v21_votes_set_count (workshop, round, p2, c4, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v21_votes_used (workshop, round, p2), ==, 3);
  assert_budget_refused (workshop, round, p2, c5, 1,
                         "Louis Bernard has 3 votes in this round and already gave 3 elsewhere: at most 0 here");
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_cmpint (v21_votes_used (workshop, round, p2), ==, 2);
  g_assert_cmpint (v21_votes_get_count (workshop, round, p2, c4), ==, 1);
  g_assert_true (v21_votes_set_count (workshop, round, p2, c5, 1, &error));
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_true (v21_workshop_redo (workshop));
  g_assert_cmpint (v21_votes_used (workshop, round, p2), ==, 3);
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_cmpint (v21_votes_used (workshop, round, p2), ==, 1);
  g_assert_null (v21_votes_find (workshop, "vr1", "p2", "c4"));
  assert_votes_agree (workshop);

  /* A vote given to someone else, or moved to another card, by a plain edit. */
  g_assert_true (v21_workshop_set (workshop, get (workshop, "v3"), "voter", json_object_new_string ("p3"), &error));
  g_assert_no_error (error);
  g_assert_cmpint (v21_votes_used (workshop, round, p2), ==, 0);
  g_assert_cmpint (v21_votes_used (workshop, round, p3), ==, 1);
  g_assert_false (v21_workshop_set (workshop, get (workshop, "v3"), "voter", json_object_new_string ("p1"), &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_true (v21_workshop_set (workshop, get (workshop, "v1"), "target", json_object_new_string ("c6"), &error));
  g_assert_true (v21_votes_find (workshop, "vr1", "p1", "c6") == get (workshop, "v1"));
  g_assert_null (v21_votes_find (workshop, "vr1", "p1", "c4"));
  assert_budget_refused (workshop, round, p1, c4, 1, p1_full);
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_cmpint (v21_votes_used (workshop, round, p2), ==, 1);
  g_assert_cmpint (v21_votes_used (workshop, round, p3), ==, 0);
  g_assert_true (v21_votes_find (workshop, "vr1", "p1", "c4") == get (workshop, "v1"));

  /* The voter removed: their votes go, and come back with them. */
  g_object_ref (p1);
  g_assert_true (v21_workshop_remove (workshop, p1, &error));
  g_assert_cmpint (v21_votes_used (workshop, round, p1), ==, 0);
  g_assert_null (v21_votes_find (workshop, "vr1", "p1", "c4"));
  assert_votes_agree (workshop);
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_cmpint (v21_votes_used (workshop, round, p1), ==, 3);
  assert_budget_refused (workshop, round, p1, c6, 1, p1_full);
  g_assert_true (v21_workshop_redo (workshop));
  g_assert_cmpint (v21_votes_used (workshop, round, p1), ==, 0);
  g_assert_true (v21_workshop_undo (workshop));
  g_object_unref (p1);

  /* A card or the round removed: their votes go. */
  g_assert_true (v21_workshop_remove (workshop, c5, &error));
  g_assert_cmpint (v21_votes_used (workshop, round, p1), ==, 2);
  g_assert_true (v21_votes_set_count (workshop, round, p1, c6, 1, &error));
  g_assert_no_error (error);
  assert_budget_refused (workshop, round, p1, c4, 3,
                         "Camille Martin has 3 votes in this round and already gave 1 elsewhere: at most 2 here");
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_true (v21_workshop_undo (workshop));
  g_object_ref (round);
  g_assert_true (v21_workshop_remove (workshop, round, &error));
  g_assert_cmpint (v21_votes_used (workshop, round, p1), ==, 0);
  g_assert_true (v21_workshop_undo (workshop));
  g_object_unref (round);
  assert_budget_refused (workshop, round, p1, c6, 1, p1_full);

  /* Edits taken back by a cancelled group. */
  v21_workshop_begin_group (workshop, "Votes");
  g_assert_true (v21_votes_set_count (workshop, round, p1, c4, 0, &error));
  g_assert_true (v21_votes_set_count (workshop, round, p3, c6, 3, &error));
  g_assert_cmpint (v21_votes_used (workshop, round, p1), ==, 1);
  v21_workshop_cancel_group (workshop);
  g_assert_cmpint (v21_votes_used (workshop, round, p1), ==, 3);
  g_assert_cmpint (v21_votes_used (workshop, round, p3), ==, 0);
  assert_votes_agree (workshop);
  now = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (now, ==, original);
}

static V21Record *
add_vote (V21Workshop *workshop,
          const char  *id,
          const char  *voter,
          const char  *target,
          gint64       count)
{
  json_object *fields = json_object_new_object ();
  g_autoptr(GError) error = NULL;
  V21Record *vote;

  json_object_object_add (fields, "id", json_object_new_string (id));
  json_object_object_add (fields, "round", json_object_new_string ("vr1"));
  json_object_object_add (fields, "voter", voter ? json_object_new_string (voter) : NULL);
  json_object_object_add (fields, "target", json_object_new_string (target));
  json_object_object_add (fields, "count", json_object_new_int64 (count));
  vote = v21_workshop_insert (workshop, "votes", -1, fields, &error);
  g_assert_no_error (error);
  return vote;
}

/* A file can hold two votes of one voter for one card: the first counts as
 * "the" vote, both count in the total, before and after a reload. */
static void
test_votes_twice (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(V21Workshop) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  V21Record *round = get (workshop, "vr1");
  V21Record *first;
  V21Record *second;

  first = add_vote (workshop, "twice1", "p3", "c4", 1);
  second = add_vote (workshop, "twice2", "p3", "c4", 1);
  add_vote (workshop, "twice3", NULL, "c5", 4);
  add_vote (workshop, "twice4", NULL, "c5", 5);
  g_assert_cmpint (v21_votes_used (workshop, round, get (workshop, "p3")), ==, 2);
  g_assert_cmpint (v21_votes_used (workshop, round, NULL), ==, 9);
  g_assert_true (v21_votes_find (workshop, "vr1", "p3", "c4") == first);
  g_assert_cmpint (v21_votes_get_count (workshop, round, NULL, get (workshop, "c5")), ==, 4);
  assert_votes_agree (workshop);
  g_assert_true (v21_votes_set_count (workshop, round, get (workshop, "p3"), get (workshop, "c4"), 2, &error));
  g_assert_cmpint (v21_record_get_int (first, "count", 0), ==, 2);
  g_assert_cmpint (v21_record_get_int (second, "count", 0), ==, 1);
  assert_budget_refused (workshop, round, get (workshop, "p3"), get (workshop, "c4"), 3,
                         "Inès Petit has 3 votes in this round and already gave 1 elsewhere: at most 2 here");
  g_assert_true (v21_workshop_remove (workshop, first, &error));
  g_assert_true (v21_votes_find (workshop, "vr1", "p3", "c4") == second);
  assert_votes_agree (workshop);
  g_assert_true (v21_workshop_remove (workshop, second, &error));
  g_assert_null (v21_votes_find (workshop, "vr1", "p3", "c4"));
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_true (v21_votes_find (workshop, "vr1", "p3", "c4") == first);
  assert_votes_agree (workshop);
  /* The second moved before the first: it is the vote now. */
  g_assert_true (v21_workshop_move (workshop, second, 0, &error));
  g_assert_true (v21_votes_find (workshop, "vr1", "p3", "c4") == second);
  assert_votes_agree (workshop);

  data = v21_workshop_to_data (workshop, NULL);
  reloaded = v21_workshop_load_data (data, strlen (data), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (v21_votes_find (reloaded, "vr1", "p3", "c4") == get (reloaded, "twice2"));
  assert_votes_agree (reloaded);
}

/* Random vote edits, removals, undos and redos: the totals always agree with
 * the list, and undoing everything gives the file back. */
static void
test_votes_random_edits (void)
{
  for (guint32 seed = 1; seed <= 10; seed++)
    {
      g_autoptr(V21Workshop) workshop = test_load_minimal ();
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autofree char *original = v21_workshop_to_data (workshop, NULL);
      g_autofree char *undone = NULL;
      V21Collection *votes = v21_workshop_get_collection (workshop, "votes");
      V21Record *round = get (workshop, "vr1");
      static const char *voters[] = { "p1", "p2", "p3", "p4", NULL };
      static const char *targets[] = { "c4", "c5", "c6" };

      for (guint i = 0; i < 80; i++)
        {
          const char *voter = voters[g_rand_int_range (rand, 0, G_N_ELEMENTS (voters))];
          V21Record *target = v21_workshop_lookup (workshop, targets[g_rand_int_range (rand, 0, G_N_ELEMENTS (targets))]);
          guint n = v21_collection_get_n (votes);
          V21Record *vote = n ? v21_collection_get (votes, g_rand_int_range (rand, 0, n)) : NULL;

          switch (g_rand_int_range (rand, 0, 8))
            {
            case 0:
            case 1:
              if (target && v21_workshop_lookup (workshop, "vr1") && (!voter || v21_workshop_lookup (workshop, voter)))
                v21_votes_set_count (workshop, round, voter ? get (workshop, voter) : NULL, target,
                                     g_rand_int_range (rand, 0, 4), NULL);
              break;
            case 2:
              if (vote)
                v21_workshop_set (workshop, vote, g_rand_boolean (rand) ? "target" : "voter",
                                  json_object_new_string (g_rand_boolean (rand) ? targets[g_rand_int_range (rand, 0, 3)]
                                                                                : voters[g_rand_int_range (rand, 0, 4)]),
                                  NULL);
              break;
            case 3:
              if (vote && g_rand_boolean (rand))
                v21_workshop_set (workshop, vote, "count", json_object_new_int (g_rand_int_range (rand, 1, 4)), NULL);
              else if (vote)
                v21_workshop_move (workshop, vote, g_rand_int_range (rand, 0, n), NULL);
              break;
            case 4:
              if (voter && v21_workshop_lookup (workshop, voter) && g_rand_int_range (rand, 0, 3) == 0)
                v21_workshop_remove (workshop, get (workshop, voter), NULL);
              else if (target && g_rand_int_range (rand, 0, 3) == 0)
                v21_workshop_remove (workshop, target, NULL);
              break;
            case 5:
            case 6:
              v21_workshop_undo (workshop);
              break;
            default:
              v21_workshop_redo (workshop);
              break;
            }
          assert_votes_agree (workshop);
        }
      while (v21_workshop_undo (workshop))
        ;
      undone = v21_workshop_to_data (workshop, NULL);
      g_assert_cmpstr (undone, ==, original);
      assert_votes_agree (workshop);
    }
}

/* Robustness */

static void
test_robustness (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = v21_robustness_challenges (workshop);
  g_autoptr(GPtrArray) columns = v21_robustness_answers (workshop);
  V21Record *challenge = get (workshop, "c4");
  V21Record *resource = get (workshop, "c3");
  V21Record *score;

  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (columns->len, ==, 2);   /* c3 resource, c5 action */
  g_assert_null (v21_robustness_find (workshop, challenge, resource));
  g_assert_true (v21_robustness_set (workshop, challenge, resource, 1, "Fragile", &error));
  g_assert_no_error (error);
  score = v21_robustness_find (workshop, challenge, resource);
  g_assert_cmpint (v21_record_get_int (score, "score", -1), ==, 1);
  g_assert_true (v21_robustness_set (workshop, challenge, resource, 0, NULL, &error));
  g_assert_cmpint (v21_record_get_int (score, "score", -1), ==, 0);
  g_assert_cmpstr (v21_record_get_string (score, "comment"), ==, "Fragile");
  g_assert_false (v21_robustness_set (workshop, challenge, resource, 4, NULL, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_true (v21_robustness_clear (workshop, challenge, resource, &error));
  g_assert_null (v21_robustness_find (workshop, challenge, resource));
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_nonnull (v21_robustness_find (workshop, challenge, resource));
}

static void
test_robustness_threat (void)
{
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(GError) error = NULL;
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  V21Collection *links = v21_workshop_get_collection (workshop, "links");
  guint n_cards = v21_collection_get_n (cards);
  guint n_links = v21_collection_get_n (links);
  V21Record *threat;

  threat = v21_robustness_to_threat (workshop, get (workshop, "c4"), get (workshop, "c5"),
                                     get (workshop, "s1"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (v21_record_get_string (threat, "kind"), ==, "threat");
  g_assert_cmpstr (v21_record_get_string (threat, "sequence"), ==, "s1");
  g_assert_cmpstr (v21_record_get_string (threat, "text"), ==,
                   "Garder l'eau sur le territoire: “Récupérer l'eau de pluie des bâtiments publics” does not hold");
  g_assert_cmpuint (v21_collection_get_n (links), ==, n_links + 1);
  g_assert_cmpstr (v21_workshop_get_undo_label (workshop), ==, "Turn into a threat");
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_cmpuint (v21_collection_get_n (cards), ==, n_cards);
  g_assert_cmpuint (v21_collection_get_n (links), ==, n_links);
}

/* Who votes, and a round on chosen cards. */
static void
test_votes_voters_and_chosen_cards (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  g_autoptr(GPtrArray) voters = NULL;
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  V21Record *round;
  json_object *targets;

  /* vr2 is per person: 38 people, less the facilitator (p01) and two observers. */
  voters = v21_vote_round_voters (workshop, get (workshop, "vr2"));
  g_assert_cmpuint (voters->len, ==, 35);
  for (guint i = 0; i < voters->len; i++)
    {
      g_assert_cmpstr (v21_record_get_id (g_ptr_array_index (voters, i)), !=, "p01");
      g_assert_cmpstr (v21_record_get_id (g_ptr_array_index (voters, i)), !=, "p03");
    }
  g_assert_cmpstr (v21_record_get_id (g_ptr_array_index (voters, 0)), ==, "p02");
  g_clear_pointer (&voters, g_ptr_array_unref);
  /* vr1 is per table: every table votes. */
  voters = v21_vote_round_voters (workshop, get (workshop, "vr1"));
  g_assert_cmpuint (voters->len, ==, v21_collection_get_n (v21_workshop_get_collection (workshop, "tables")));

  /* The cards of cluster cl01, all issues: the round is on those four, of kind issue. */
  for (const char * const *id = (const char *[]) { "c001", "c009", "c010", "c045", NULL }; *id; id++)
    g_ptr_array_add (cards, get (workshop, *id));
  round = v21_vote_round_create_on (workshop, "Eau", cards, NULL, "points", 10, "people", &error);
  g_assert_no_error (error);
  targets = v21_record_get_value (round, "targets");
  g_assert_cmpuint (json_object_array_length (targets), ==, 4);
  g_assert_cmpstr (json_object_get_string (json_object_array_get_idx (targets, 3)), ==, "c045");
  g_assert_cmpstr (v21_record_get_string (round, "target"), ==, "cards");
  g_assert_cmpstr (v21_record_get_string (round, "card_kind"), ==, "issue");
  g_assert_cmpstr (v21_record_get_string (round, "method"), ==, "points");
  g_assert_false (v21_record_get_bool (round, "revealed"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/timer/countdown", test_timer_countdown);
  g_test_add_func ("/core/timer/pause", test_timer_pause);
  g_test_add_func ("/core/timer/extra-time", test_timer_extra_time);
  g_test_add_func ("/core/timer/across-days", test_timer_across_days);
  g_test_add_func ("/core/timer/drift", test_drift);
  g_test_add_func ("/core/votes/voters-and-chosen-cards", test_votes_voters_and_chosen_cards);
  g_test_add_func ("/core/timer/end-sequence", test_sequence_end);
  g_test_add_func ("/core/timer/navigation", test_sequence_navigation);
  g_test_add_func ("/core/capture/prefixes", test_capture_prefixes);
  g_test_add_func ("/core/capture/add", test_capture_add);
  g_test_add_func ("/core/cards/merge-keeps-votes", test_merge_keeps_votes);
  g_test_add_func ("/core/cards/clusters-keep-votes", test_clusters_keep_votes);
  g_test_add_func ("/core/cards/link", test_link);
  g_test_add_func ("/core/votes/budget", test_votes_budget);
  g_test_add_func ("/core/votes/hidden", test_votes_hidden);
  g_test_add_func ("/core/votes/ranking-ties", test_votes_ranking);
  g_test_add_func ("/core/votes/people-tables", test_votes_people_tables);
  g_test_add_func ("/core/votes/follow-edits", test_votes_follow_edits);
  g_test_add_func ("/core/votes/twice-for-one-card", test_votes_twice);
  g_test_add_func ("/core/votes/random-edits", test_votes_random_edits);
  g_test_add_func ("/core/robustness/scores", test_robustness);
  g_test_add_func ("/core/robustness/to-threat", test_robustness_threat);

  return g_test_run ();
}
