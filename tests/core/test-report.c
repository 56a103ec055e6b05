/* The written report without a screen: French typography, escaping for
 * Markdown, HTML and CSV, file names, and what the report of the demo says
 * (and does not say) about people. */

#include "config.h"

#include <string.h>

#include "v21-csv.h"
#include "v21-report.h"
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
  /* A figure per scenario and all of them compared; two vote charts; the heat map. */
  g_assert_cmpuint (trajectories, ==, 4);
  g_assert_cmpuint (figures, ==, 7);
  g_assert_cmpuint (chapters, ==, 7);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/typography/french", test_typography_french);
  g_test_add_func ("/core/report/markdown-escape", test_markdown_escape);
  g_test_add_func ("/core/csv/cell", test_csv_cell);
  g_test_add_func ("/core/csv/files", test_csv_files);
  g_test_add_func ("/core/report/file-name", test_file_name);
  g_test_add_func ("/core/report/demo", test_report_demo);
  g_test_add_func ("/core/report/hostile", test_report_hostile);

  return g_test_run ();
}
