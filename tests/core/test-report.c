/* The written report without a screen: French typography, escaping for
 * Markdown, HTML and CSV, file names, and what the report of the demo says
 * (and does not say) about people. */

#include "config.h"

#include <string.h>

#include "v21-csv.h"
#include "v21-invitations.h"
#include "v21-report.h"
#include "v21-run-sheet.h"
#include "v21-typography.h"

static V21Workshop *
load (const char *first,
      ...)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  V21Workshop *workshop;

  if (g_strcmp0 (first, "demo") == 0)
    path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "demo.visions21", NULL);
  else
    path = g_test_build_filename (G_TEST_DIST, "data", "good", first, NULL);
  file = g_file_new_for_path (path);
  workshop = v21_workshop_load_file (file, NULL, &error);
  g_assert_no_error (error);
  return workshop;
}

/* Typography */

static void
assert_french (const char *text,
               const char *expected)
{
  g_autofree char *result = v21_typography_french (text);

  g_assert_cmpstr (result, ==, expected);
}

static void
test_typography_french (void)
{
  /* No-break space before ":", narrow one before ";", "!", "?". */
  assert_french ("Eau: partager", "Eau" V21_NBSP ": partager");
  assert_french ("Eau : partager", "Eau" V21_NBSP ": partager");
  assert_french ("Pourquoi?", "Pourquoi" V21_NNBSP "?");
  assert_french ("Et si ! Vraiment ; oui", "Et si" V21_NNBSP "! Vraiment" V21_NNBSP "; oui");
  /* Inside guillemets, whether the space was typed or not. */
  assert_french ("« l'eau »", "«" V21_NBSP "l’eau" V21_NBSP "»");
  assert_french ("«oui»", "«" V21_NBSP "oui" V21_NBSP "»");
  /* Times, web addresses, repeated marks and line starts stay as they are. */
  assert_french ("à 10:30", "à 10:30");
  assert_french ("https://example.org", "https://example.org");
  assert_french ("voir https://example.org/page?x=1;y=2!", "voir https://example.org/page?x=1;y=2!");
  assert_french ("www.example.org/?q=a ou a@b.fr?", "www.example.org/?q=a ou a@b.fr?");
  assert_french ("Vraiment? Oui!", "Vraiment" V21_NNBSP "? Oui" V21_NNBSP "!");
  assert_french ("Quoi ?!", "Quoi" V21_NNBSP "?!");
  assert_french (": début", ": début");
  assert_french ("ligne\n: suite", "ligne\n: suite");
  /* Already right: unchanged. */
  assert_french ("Eau" V21_NBSP ": oui", "Eau" V21_NBSP ": oui");
  assert_french (NULL, "");
  /* The typographic apostrophe, only between letters. */
  assert_french ("l'eau d'abord 'cité'", "l’eau d’abord 'cité'");
}

/* Escaping */

static void
test_markdown_escape (void)
{
  g_autofree char *a = v21_markdown_escape ("<script>alert(1)</script> & *gras* _x_ [lien](u) | # `c` \\");
  g_autofree char *b = v21_markdown_escape ("- pas une liste\n1. pas un numéro");
  g_autofree char *c = v21_markdown_escape ("Eau : partager 2040");

  g_assert_cmpstr (a, ==, "\\<script\\>alert(1)\\</script\\> \\& \\*gras\\* \\_x\\_ \\[lien\\](u) \\| \\# \\`c\\` \\\\");
  g_assert_cmpstr (b, ==, "\\- pas une liste 1. pas un numéro");
  g_assert_cmpstr (c, ==, "Eau : partager 2040");
}

static void
test_csv_cell (void)
{
  static const struct { const char *value; const char *cell; } cases[] = {
    { "plain", "\"plain\"" },
    { "with \"quotes\"; and semicolons", "\"with \"\"quotes\"\"; and semicolons\"" },
    { "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"" },
    { "+33 6", "\"'+33 6\"" },
    { "-2+3", "\"'-2+3\"" },
    { "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "\tTab", "\"'\tTab\"" },
    { "\rCR", "\"'\rCR\"" },
    { "a = b", "\"a = b\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "", "\"\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = v21_csv_cell (cases[i].value);

      g_assert_cmpstr (cell, ==, cases[i].cell);
    }
}

static void
test_csv_files (void)
{
  g_autoptr(V21Workshop) workshop = load ("hostile.visions21", NULL);
  gsize length;
  g_autofree char *cards = v21_csv_cards (workshop, &length);
  g_autofree char *votes = v21_csv_votes (workshop, NULL);

  /* A BOM, ";" between cells, CRLF between rows. */
  g_assert_true (g_str_has_prefix (cards, "\xef\xbb\xbf\"Id\";\"Kind\";\"Text\""));
  g_assert_cmpuint (length, ==, strlen (cards));
  g_assert_true (g_str_has_suffix (cards, "\"\r\n"));
  g_assert_nonnull (strstr (cards, "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"clic\"\")\""));
  g_assert_true (g_str_has_prefix (votes, "\xef\xbb\xbf\"Vote\";"));
  /* A voter who did not consent is not named, nor labelled: their votes are
   * in the totals. */
  g_assert_null (strstr (votes, "Louis Bernard"));
  g_assert_null (strstr (votes, "Participant 2"));
  g_assert_nonnull (strstr (votes, "\"Counted together (no voter named)\";\"\";"));
  g_assert_nonnull (strstr (votes, "Camille Martin"));
}

static void
test_file_name (void)
{
  static const struct { const char *title; const char *name; } cases[] = {
    { "Visions +21 — Val de Sèvre", "Visions +21 — Val de Sèvre.pdf" },
    { "../../etc/passwd", "etc passwd.pdf" },
    { "a/b\\c:d*e?f\"g<h>i|j", "a b c d e f g h i j.pdf" },
    { ".hidden", "hidden.pdf" },
    { "-rf", "rf.pdf" },
    { "tab\there\nnew line", "tab here new line.pdf" },
    { "trailing dots...", "trailing dots.pdf" },
    { "", "report.pdf" },
    { NULL, "report.pdf" },
    { "///", "report.pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = v21_report_file_name (cases[i].title, NULL, "pdf");

      g_assert_cmpstr (name, ==, cases[i].name);
    }
  {
    g_autofree char *long_title = g_strnfill (300, 'x');
    g_autofree char *name = v21_report_file_name (long_title, "-votes", "csv");

    g_assert_cmpuint (strlen (name), <=, 100 + strlen ("-votes.csv") + 4);
    g_assert_true (g_str_has_suffix (name, "x-votes.csv"));
  }
}

/* The report of the demo */

static GString *
report_text (V21Report *report)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < report->blocks->len; i++)
    {
      V21ReportBlock *block = g_ptr_array_index (report->blocks, i);

      g_string_append_printf (text, "%s %s\n", block->lead ? block->lead : "", block->text ? block->text : "");
      for (guint k = 0; block->items != NULL && k < block->items->len; k++)
        {
          V21ReportItem *item = g_ptr_array_index (block->items, k);

          g_string_append_printf (text, "%s %s %s\n", item->lead ? item->lead : "", item->text, item->note ? item->note : "");
        }
      for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
        {
          GPtrArray *row = g_ptr_array_index (block->rows, r);

          for (guint c = 0; c < row->len; c++)
            {
              V21ReportItem *cell = g_ptr_array_index (row, c);

              g_string_append_printf (text, "%s %s | ", cell->text, cell->note ? cell->note : "");
            }
          g_string_append_c (text, '\n');
        }
    }
  return text;
}

static void
assert_has (const char *text,
            const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("the report does not have “%s”", needle);
}

static void
test_report_demo (void)
{
  g_autoptr(V21Workshop) workshop = load ("demo");
  g_autoptr(V21Report) report = v21_report_new (workshop, V21_REPORT_DEFAULT);
  g_autoptr(GString) text = report_text (report);
  V21Collection *clusters = v21_workshop_get_collection (workshop, "clusters");
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  guint figures = 0, trajectories = 0, chapters = 0;

  g_assert_cmpstr (report->territory, ==, "Communauté de communes Val de Sèvre et Bocage");
  g_assert_cmpstr (report->horizon, ==, "Horizon 2056");
  g_assert_nonnull (report->dates);
  for (guint i = 0; i < v21_collection_get_n (clusters); i++)
    assert_has (text->str, v21_record_get_string (v21_collection_get (clusters, i), "name"));
  assert_has (text->str, "Le bocage en partage — vision 2056");
  /* People who consented are named; the others are not. */
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);
      const char *name = v21_record_get_string (person, "name");

      if (v21_record_get_bool (person, "consent"))
        assert_has (text->str, name);
      else
        g_assert_null (strstr (text->str, name));
    }
  /* Private notes of the run sheet stay out. */
  g_assert_null (strstr (text->str, "Croissants offerts"));
  for (guint i = 0; i < report->blocks->len; i++)
    {
      V21ReportBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind == V21_BLOCK_FIGURE)
        {
          figures++;
          trajectories += block->figure == V21_FIGURE_TRAJECTORIES;
          g_assert_true (g_str_has_prefix (block->text, "Figure "));
        }
      if (block->kind == V21_BLOCK_HEADING && block->level == 1)
        chapters++;
      if (block->kind == V21_BLOCK_TABLE)
        for (guint r = 0; r < block->rows->len; r++)
          g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (block->rows, r))->len, ==, block->n_columns);
    }
  /* A figure per scenario and all of them compared; two vote charts; the heat map.
   * By default: no lessons on the method, no appendix. */
  g_assert_cmpuint (trajectories, ==, 4);
  g_assert_cmpuint (figures, ==, 7);
  g_assert_cmpuint (chapters, ==, 5);
}

/* The report as blocks, found by their text */

static guint
find_block (V21Report   *report,
            guint        from,
            V21BlockKind kind,
            const char  *text)
{
  for (guint i = from; i < report->blocks->len; i++)
    {
      V21ReportBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind == kind && (text == NULL || g_strcmp0 (block->text, text) == 0))
        return i;
    }
  g_error ("no block “%s” after %u", text != NULL ? text : "(any)", from);
  return 0;
}

static V21ReportBlock *
block_at (V21Report *report,
          guint      index)
{
  return g_ptr_array_index (report->blocks, index);
}

static V21ReportItem *
item_at (V21ReportBlock *list,
         guint           index)
{
  g_assert_cmpuint (index, <, list->items->len);
  return g_ptr_array_index (list->items, index);
}

static V21ReportItem *
cell_at (V21ReportBlock *table,
         guint           row,
         guint           column)
{
  g_assert_cmpuint (row, <, table->rows->len);
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (table->rows, row), column);
}

static guint
occurrences (const char *text,
             const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_report_summary (void)
{
  g_autoptr(V21Workshop) workshop = load ("demo");
  g_autoptr(V21Report) report = v21_report_new (workshop, V21_REPORT_DEFAULT);
  g_autoptr(GString) text = report_text (report);
  guint i = find_block (report, 0, V21_BLOCK_HEADING, "In short");
  V21ReportBlock *list;

  /* Participants, not the facilitation team; votes as voters and what they gave. */
  g_assert_true (g_str_has_prefix (block_at (report, i + 1)->text,
                                   "On 18 and 19 March 2027, 34 participants working in 6 tables built"));
  list = block_at (report, i + 2);
  g_assert_cmpstr (item_at (list, 2)->text, ==, "Vote “Enjeux prioritaires — vote à gommettes par table”: 6 tables voted, 30 dots");
  g_assert_cmpstr (item_at (list, 3)->text, ==, "Vote “Priorisation des pistes d'action — 10 points par personne”: 34 people voted, 335 points");
  g_assert_null (strstr (text->str, "126"));

  /* Both proposals tied third are there. */
  i = find_block (report, i, V21_BLOCK_HEADING, "The priority issues");
  list = block_at (report, i + 1);
  g_assert_cmpuint (list->items->len, ==, 4);
  g_assert_cmpstr (item_at (list, 2)->lead, ==, "=3");
  g_assert_cmpstr (item_at (list, 2)->text, ==, "Se déplacer sans dépendre de la voiture individuelle");
  g_assert_cmpstr (item_at (list, 3)->lead, ==, "=3");
  g_assert_cmpstr (item_at (list, 3)->text, ==, "Énergie : sobriété, rénovation et production locale");
  g_assert_cmpstr (item_at (list, 3)->note, ==, "4 dots");

  /* The threats named, challenge by challenge. */
  i = find_block (report, i, V21_BLOCK_HEADING, "Threats to anticipate");
  list = block_at (report, i + 2);
  g_assert_cmpuint (list->items->len, ==, 4);
  g_assert_cmpstr (item_at (list, 0)->text, ==, "Défi 1 — L'eau rare : six mois de restrictions par an");
  g_assert_cmpstr (item_at (list, 0)->note, ==, "4 of 5 current answers would not hold");
  list = block_at (report, i + 4);
  g_assert_cmpstr (item_at (list, 1)->text, ==, "Menaces sur les liens et les services");
  g_assert_cmpstr (item_at (list, 1)->note, ==, "10 threats");

  /* The priority actions come from a round never shown to the room, and say
   * so; what, who, when. */
  i = find_block (report, i, V21_BLOCK_HEADING, "The priority action ideas");
  g_assert_cmpstr (block_at (report, i + 2)->text, ==, "These results were not shown to the room during the seminar.");
  list = block_at (report, i + 3);
  g_assert_cmpuint (list->kind, ==, V21_BLOCK_TABLE);
  g_assert_cmpstr (g_ptr_array_index (list->header, 1), ==, "What");
  g_assert_cmpstr (g_ptr_array_index (list->header, 2), ==, "Who");
  g_assert_cmpstr (g_ptr_array_index (list->header, 3), ==, "When");
  g_assert_cmpuint (list->rows->len, ==, 5);
  g_assert_cmpstr (cell_at (list, 0, 1)->text, ==, "Créer une commission locale de l'eau associant habitants, agriculteurs et communes");
  g_assert_cmpstr (cell_at (list, 0, 1)->note, ==, "Table Sèvre");
  g_assert_cmpstr (cell_at (list, 0, 2)->text, ==, "to be named");
  g_assert_cmpstr (cell_at (list, 0, 3)->text, ==, "2027");
  g_assert_cmpstr (cell_at (list, 0, 4)->text, ==, "65");
  g_assert_cmpstr (cell_at (list, 2, 3)->text, ==, "—");

  /* The next steps, up front, with their owner. */
  i = find_block (report, i, V21_BLOCK_HEADING, "Next steps");
  list = block_at (report, i + 1);
  g_assert_cmpuint (list->items->len, ==, 3);
  g_assert_cmpstr (item_at (list, 1)->text, ==, "Présenter la vision en conférence des maires en mai 2027");
  g_assert_cmpstr (item_at (list, 1)->note, ==, "B. Chaigneau");
  g_assert_cmpstr (item_at (list, 0)->note, ==, "J. Marchais");
  g_assert_null (item_at (list, 0)->lead);
  i = find_block (report, i, V21_BLOCK_HEADING, "Strategic directions");
  g_assert_cmpuint (block_at (report, i + 1)->items->len, ==, 4);
  g_assert_cmpuint (find_block (report, i, V21_BLOCK_HEADING, "Context and framing"), ==, i + 2);
}

static void
test_report_people (void)
{
  g_autoptr(V21Workshop) workshop = load ("demo");
  g_autoptr(V21Report) report = v21_report_new (workshop, V21_REPORT_DEFAULT);
  guint i = find_block (report, 0, V21_BLOCK_HEADING, "Who took part");
  V21ReportBlock *block;

  g_assert_cmpstr (block_at (report, i + 1)->text, ==, "34 participants took part in the seminar, in 6 tables.");
  /* The team, named by role, apart. */
  i = find_block (report, i, V21_BLOCK_HEADING, "The facilitation team");
  block = block_at (report, i + 2);
  g_assert_cmpuint (block->items->len, ==, 4);
  g_assert_cmpstr (item_at (block, 0)->lead, ==, "Facilitation");
  g_assert_cmpstr (item_at (block, 0)->text, ==, "Claire Fontanel");
  g_assert_cmpstr (item_at (block, 1)->lead, ==, "Technical lead");
  g_assert_cmpstr (item_at (block, 2)->lead, ==, "Observer");
  /* By category: 34, and the facilitator is no "expert" participant. */
  i = find_block (report, i, V21_BLOCK_HEADING, "By category");
  block = block_at (report, i + 1);
  g_assert_cmpstr (cell_at (block, block->rows->len - 1, 1)->text, ==, "34");
  for (guint r = 0; r < block->rows->len; r++)
    if (g_strcmp0 (cell_at (block, r, 0)->text, "Experts") == 0)
      g_assert_cmpstr (cell_at (block, r, 1)->text, ==, "3");
  /* By organisation: one body once, a threshold, the total. */
  i = find_block (report, i, V21_BLOCK_HEADING, "By organisation");
  block = block_at (report, i + 1);
  g_assert_cmpstr (cell_at (block, 0, 0)->text, ==, "Communauté de communes Val de Sèvre et Bocage");
  g_assert_cmpstr (cell_at (block, 0, 1)->text, ==, "5");
  for (guint r = 0; r < block->rows->len; r++)
    g_assert_cmpstr (cell_at (block, r, 0)->text, !=, "Communauté de communes");
  g_assert_cmpstr (cell_at (block, 1, 0)->text, ==, "Other organisations (18)");
  g_assert_cmpstr (cell_at (block, 2, 0)->text, ==, "Elected mandate or personal capacity");
  g_assert_cmpstr (cell_at (block, 2, 1)->text, ==, "11");
  g_assert_cmpstr (cell_at (block, block->rows->len - 1, 1)->text, ==, "34");
  g_assert_cmpuint (block->rows->len, ==, 4);
  /* The participants' list leaves the team out. */
  i = find_block (report, i, V21_BLOCK_HEADING, "Participants");
  block = block_at (report, i + 1);
  g_assert_cmpuint (block->rows->len, ==, 29);
  g_assert_cmpstr (cell_at (block, 0, 0)->text, ==, "Bernard Chaigneau");
  g_assert_cmpstr (cell_at (block, 0, 0)->note, ==, "Political sponsor");
}

static V21Record *
person (V21Workshop *workshop,
        const char  *id)
{
  V21Record *record = v21_workshop_lookup (workshop, id);

  g_assert_nonnull (record);
  return record;
}

static const char *
category_count (V21ReportBlock *block,
                const char     *category)
{
  for (guint r = 0; r < block->rows->len; r++)
    if (g_strcmp0 (cell_at (block, r, 0)->text, category) == 0)
      return cell_at (block, r, 1)->text;
  return NULL;
}

/* Without a sign-in, the list counts, but who declined is not listed. */
static void
test_report_declined (void)
{
  g_autoptr(V21Workshop) workshop = load ("demo");
  g_autoptr(V21Report) report = NULL;
  g_autoptr(GString) text = NULL;
  guint i;

  g_assert_true (v21_invitation_set (workshop, person (workshop, "p06"), V21_INVITATION_DECLINED, NULL, NULL));
  report = v21_report_new (workshop, V21_REPORT_DEFAULT);
  i = find_block (report, 0, V21_BLOCK_HEADING, "Who took part");
  g_assert_cmpstr (block_at (report, i + 1)->text, ==, "33 participants took part in the seminar, in 6 tables.");
  i = find_block (report, i, V21_BLOCK_HEADING, "Participants");
  g_assert_cmpuint (block_at (report, i + 1)->rows->len, ==, 28);
  text = report_text (report);
  g_assert_null (strstr (text->str, "Sophie Texier"));
  g_assert_null (strstr (text->str, "sign-in"));
}

/* With a sign-in, who took part is who came, by day. */
static void
test_report_attendance (void)
{
  g_autoptr(V21Workshop) workshop = load ("demo");
  g_autoptr(V21Report) report = NULL;
  V21Record *d1 = v21_workshop_lookup (workshop, "d1");
  V21Record *d2 = v21_workshop_lookup (workshop, "d2");
  V21ReportBlock *block;
  guint i;

  v21_attendance_set (workshop, person (workshop, "p05"), d1, TRUE, NULL);
  v21_attendance_set (workshop, person (workshop, "p05"), d2, TRUE, NULL);
  v21_attendance_set (workshop, person (workshop, "p06"), d1, TRUE, NULL);
  v21_attendance_set (workshop, person (workshop, "p07"), d2, TRUE, NULL);
  v21_attendance_set (workshop, person (workshop, "p09"), d1, TRUE, NULL);
  v21_invitation_set (workshop, person (workshop, "p08"), V21_INVITATION_DECLINED, NULL, NULL);
  report = v21_report_new (workshop, V21_REPORT_DEFAULT);
  i = find_block (report, 0, V21_BLOCK_HEADING, "In short");
  assert_has (block_at (report, i + 1)->text, "4 participants working in 6 tables");
  i = find_block (report, i, V21_BLOCK_HEADING, "Who took part");
  g_assert_cmpstr (block_at (report, i + 1)->text, ==, "4 participants took part in the seminar, in 6 tables.");
  g_assert_cmpstr (block_at (report, i + 2)->text, ==,
                   "Counted from the sign-in sheets: day 1, 3 present; day 2, 2 present. The counts below are of who came.");
  i = find_block (report, i, V21_BLOCK_HEADING, "By category");
  block = block_at (report, i + 1);
  g_assert_cmpstr (cell_at (block, block->rows->len - 1, 1)->text, ==, "4");
  g_assert_cmpstr (category_count (block, "Elected officials"), ==, "1");
  g_assert_cmpstr (category_count (block, "Staff"), ==, "1");
  g_assert_cmpstr (category_count (block, "Businesses"), ==, "1");
  g_assert_cmpstr (category_count (block, "Residents"), ==, "1");
  g_assert_null (category_count (block, "Associations"));
  /* Named: who came and consented (p09 did not). */
  i = find_block (report, i, V21_BLOCK_HEADING, "Participants");
  block = block_at (report, i + 1);
  g_assert_cmpuint (block->rows->len, ==, 3);
  g_assert_cmpstr (cell_at (block, 0, 0)->text, ==, "Bernard Chaigneau");
  g_assert_cmpstr (cell_at (block, 1, 0)->text, ==, "Sophie Texier");
  g_assert_cmpstr (cell_at (block, 2, 0)->text, ==, "Mathieu Brossard");
  g_assert_cmpstr (block_at (report, i + 2)->text, ==, "1 person did not wish to be named in this report.");
}

static void
test_report_run_sheet (void)
{
  g_autoptr(V21Workshop) workshop = load ("demo");
  g_autoptr(V21Report) report = v21_report_new (workshop, V21_REPORT_DEFAULT);
  g_autoptr(GString) text = report_text (report);
  guint i = find_block (report, 0, V21_BLOCK_HEADING, "Day 1 — Thursday 18 March 2027");
  V21ReportBlock *table = block_at (report, i + 1);

  /* A break reads once. */
  g_assert_cmpstr (cell_at (table, 3, 2)->text, ==, "Pause");
  g_assert_null (cell_at (table, 3, 2)->note);
  g_assert_cmpstr (block_at (report, i + 2)->text, ==, "The day ended at 17:30 (planned: 17:30).");
  /* The last block of day 2 was never ended in the file: what was held,
   * with its planned length, marked; and the day's end all the same. */
  i = find_block (report, i, V21_BLOCK_HEADING, "Day 2 — Friday 19 March 2027");
  table = block_at (report, i + 1);
  g_assert_cmpstr (cell_at (table, 8, 1)->text, ==, "16:53 – 17:08");
  g_assert_cmpstr (cell_at (table, 8, 3)->text, ==, "end not recorded");
  g_assert_cmpstr (block_at (report, i + 2)->text, ==,
                   "The day ended around 17:08 (planned: 17:00); the end of its last session block was not recorded, "
                   "its planned length is shown.");
  g_assert_null (strstr (text->str, "from 16:53"));
}

static void
test_report_once (void)
{
  g_autoptr(V21Workshop) workshop = load ("demo");
  g_autoptr(V21Report) report = v21_report_new (workshop, V21_REPORT_DEFAULT);
  g_autoptr(GString) text = report_text (report);
  V21Collection *exercises = v21_workshop_get_collection (workshop, "exercises");
  guint data = 0;

  /* No toolkit summary of an exercise. */
  for (guint e = 0; e < v21_collection_get_n (exercises); e++)
    g_assert_null (strstr (text->str, v21_record_get_string (v21_collection_get (exercises, e), "summary")));
  /* A challenge: once in short, once over its fragile answers (the heat map
   * draws it); no challenge title on every row. */
  g_assert_cmpuint (occurrences (text->str, "Défi 1 — L'eau rare"), ==, 2);
  /* The current answers are in the heat map, not listed again as actions,
   * nor the challenges as cards. */
  for (guint i = find_block (report, 0, V21_BLOCK_HEADING, "T2 — Test de robustesse des territoires en transition") + 1;
       block_at (report, i)->kind != V21_BLOCK_HEADING || block_at (report, i)->level > 2; i++)
    if (block_at (report, i)->kind == V21_BLOCK_HEADING)
      {
        g_assert_false (g_str_has_prefix (block_at (report, i)->text, "Action ideas"));
        g_assert_false (g_str_has_prefix (block_at (report, i)->text, "Challenges"));
      }
  /* A vote's numbers: the chart; the table only for Markdown. */
  for (guint i = 0; i < report->blocks->len; i++)
    {
      V21ReportBlock *block = block_at (report, i);

      if (block->kind == V21_BLOCK_FIGURE_DATA)
        {
          data++;
          g_assert_cmpuint (block_at (report, i - 1)->kind, ==, V21_BLOCK_FIGURE);
          g_assert_cmpuint (block_at (report, i - 1)->figure, ==, V21_FIGURE_VOTES);
        }
      if (block->kind == V21_BLOCK_TABLE)
        g_assert_cmpstr (g_ptr_array_index (block->header, 1), !=, "Proposal");
    }
  g_assert_cmpuint (data, ==, 2);
  {
    g_autofree char *markdown = v21_report_to_markdown (report);
    g_autofree char *html = v21_report_to_html (report, NULL, NULL);

    g_assert_nonnull (strstr (markdown, "| Rank | Proposal | Dots |"));
    g_assert_nonnull (strstr (html, "<th>Proposal</th>"));
  }
}

static guint
count_chapters (V21Report *report)
{
  guint n = 0;

  for (guint i = 0; i < report->blocks->len; i++)
    n += block_at (report, i)->kind == V21_BLOCK_HEADING && block_at (report, i)->level == 1;
  return n;
}

static void
test_report_sections (void)
{
  g_autoptr(V21Workshop) workshop = load ("demo");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  g_assert_cmpuint (v21_report_get_sections (workshop), ==, V21_REPORT_DEFAULT_SECTIONS);
  {
    g_autoptr(V21Report) all = v21_report_new_with_sections (workshop, V21_REPORT_DEFAULT, V21_REPORT_ALL_SECTIONS);
    g_autoptr(GString) text = report_text (all);

    g_assert_cmpuint (count_chapters (all), ==, 7);
    assert_has (text->str, "Le mot « menace » inquiète certains élus");
  }
  {
    g_autoptr(V21Report) none = v21_report_new_with_sections (workshop, V21_REPORT_DEFAULT, 0);

    g_assert_cmpuint (count_chapters (none), ==, 1);
  }
  /* The choice is saved in the workshop, one undoable edit. */
  g_assert_true (v21_report_set_sections (workshop, V21_REPORT_RESULTS | V21_REPORT_PEOPLE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(V21Report) report = v21_report_new (workshop, V21_REPORT_DEFAULT);
    g_autoptr(GString) text = report_text (report);

    g_assert_cmpuint (count_chapters (report), ==, 3);
    g_assert_null (strstr (text->str, "Sophie Texier"));
    g_assert_null (strstr (text->str, "Context and framing"));
    assert_has (text->str, "By organisation");
  }
  data = v21_workshop_to_data (workshop, NULL);
  assert_has (data, "\"report\": {\n    \"context\": false,\n    \"people\": true,\n    \"participant_list\": false,");
  /* A second choice, over the one saved. */
  g_assert_true (v21_report_set_sections (workshop, V21_REPORT_RESULTS, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (v21_report_get_sections (workshop), ==, V21_REPORT_RESULTS);
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_true (v21_workshop_undo (workshop));
  g_assert_cmpuint (v21_report_get_sections (workshop), ==, V21_REPORT_DEFAULT_SECTIONS);
}

static void
test_date_format (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2027, 3, 18, 12, 0, 0);
  g_autofree char *a = v21_date_format (date, "%A %-d %B %Y");
  g_autofree char *b = v21_date_format (date, "%d/%m, %%, %B");

  g_assert_cmpstr (a, ==, "Thursday 18 March 2027");
  g_assert_cmpstr (b, ==, "18/03, %, March");
}

static void
test_report_hostile (void)
{
  g_autoptr(V21Workshop) workshop = load ("hostile.visions21");
  g_autoptr(V21Report) report = v21_report_new (workshop, V21_REPORT_DEFAULT);
  g_autofree char *html = v21_report_to_html (report, NULL, NULL);
  g_autofree char *markdown = v21_report_to_markdown (report);
  g_autofree char *lower = g_ascii_strdown (html, -1);

  /* Every user text is shown as text, never as markup. */
  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<img"));
  g_assert_null (strstr (lower, "<svg"));
  g_assert_null (strstr (lower, "<h1>injection"));
  g_assert_null (strstr (lower, "<b>test"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
  /* In Markdown, every "<" of a user's text is escaped. */
  for (const char *p = strchr (markdown, '<'); p != NULL; p = strchr (p + 1, '<'))
    g_assert_cmpint (p[-1], ==, '\\');
  g_assert_nonnull (strstr (markdown, "\\<script\\>"));
}

static void
assert_hyphenated (const char *text,
                   const char *expected)
{
  g_autofree char *result = v21_typography_hyphenate_french (text);
  g_auto(GStrv) parts = g_strsplit (result, V21_SOFT_HYPHEN, -1);
  g_autofree char *shown = g_strjoinv ("-", parts);

  g_assert_cmpstr (shown, ==, expected);
}

/* Breaks between syllables only, never "pluriprofessionn-elle", never one
 * letter alone, nor two at a word's end; short words and capitals whole. */
static void
test_hyphenation (void)
{
  assert_hyphenated ("pluriprofessionnelle", "plu-ri-pro-fes-sion-nelle");
  assert_hyphenated ("Maison de santé pluriprofessionnelle de Marcillé",
                     "Mai-son de santé plu-ri-pro-fes-sion-nelle de Mar-cillé");
  assert_hyphenated ("l’alimentation", "l’ali-men-ta-tion");
  assert_hyphenated ("intercommunal", "in-ter-com-mu-nal");
  assert_hyphenated ("énergétique", "éner-gé-tique");
  assert_hyphenated ("Plateforme de rénovation « Rénov’Bocage »", "Pla-te-forme de ré-no-va-tion « Rénov’Bo-cage »");
  assert_hyphenated ("SCIC ÉNERGIES 12 km", "SCIC ÉNERGIES 12 km");
  assert_hyphenated ("", "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/typography/french", test_typography_french);
  g_test_add_func ("/core/typography/hyphenation", test_hyphenation);
  g_test_add_func ("/core/report/markdown-escape", test_markdown_escape);
  g_test_add_func ("/core/csv/cell", test_csv_cell);
  g_test_add_func ("/core/csv/files", test_csv_files);
  g_test_add_func ("/core/report/file-name", test_file_name);
  g_test_add_func ("/core/report/demo", test_report_demo);
  g_test_add_func ("/core/report/hostile", test_report_hostile);
  g_test_add_func ("/core/report/summary", test_report_summary);
  g_test_add_func ("/core/report/people", test_report_people);
  g_test_add_func ("/core/report/run-sheet", test_report_run_sheet);
  g_test_add_func ("/core/report/declined", test_report_declined);
  g_test_add_func ("/core/report/attendance", test_report_attendance);
  g_test_add_func ("/core/report/once", test_report_once);
  g_test_add_func ("/core/report/sections", test_report_sections);
  g_test_add_func ("/core/report/date-format", test_date_format);

  return g_test_run ();
}
