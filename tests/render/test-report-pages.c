/* test-report-pages.c — the report laid out on A4 pages
 *
 * Headings never end a page, chapters start one unless the page before is
 * less than a third full, the contents give the pages
 * headings are on, every page draws, and the PDF has as many pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "v21-anonymize.h"
#include "v21-report-export.h"
#include "v21-report-odt.h"
#include "v21-report-private.h"

static V21Workshop *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  V21Workshop *workshop = v21_workshop_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return workshop;
}

/* The pixels of @surface that are neither transparent nor white: ink. */
static guint
ink_of (cairo_surface_t *surface)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint ink = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);

        if ((pixel >> 24) != 0 && (pixel & 0xffffff) != 0xffffff)
          ink++;
      }
  return ink;
}

/* Every page draws, at a quarter of A4: some ink on each, and no page the same
 * as the one before (a page drawn twice, or the wrong one, shows). */
static void
check_pages_draw (V21ReportPages *pages,
                  guint           n)
{
  g_autoptr(GBytes) previous = NULL;

  for (guint p = 0; p < n; p++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 149, 211);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GBytes) pixels = NULL;
      guint ink;

      cairo_scale (cr, 0.25, 0.25);
      v21_report_pages_draw (pages, p, cr);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      ink = ink_of (surface);
      if (ink < 100)
        g_error ("page %u of %u is blank (%u pixels of ink)", p + 1, n, ink);
      pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                            cairo_image_surface_get_stride (surface) * 211);
      if (previous != NULL && g_bytes_equal (previous, pixels))
        g_error ("page %u of %u is drawn like the page before", p + 1, n);
      g_clear_pointer (&previous, g_bytes_unref);
      previous = g_steal_pointer (&pixels);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
check_layout (V21Workshop *workshop,
              guint        min_pages,
              guint        max_pages)
{
  V21ReportPages *pages = v21_report_pages_new (v21_report_new (workshop, V21_REPORT_DEFAULT), workshop);
  V21Report *report = v21_report_pages_get_report (pages);
  guint n = v21_report_pages_get_n_pages (pages);
  int previous = 0;
  guint n_announcing = 0;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 149, 211);
  cairo_t *cr = cairo_create (surface);

  g_assert_cmpuint (n, >=, min_pages);
  g_assert_cmpuint (n, <=, max_pages);
  for (guint i = 0; i < report->blocks->len; i++)
    {
      V21ReportBlock *block = g_ptr_array_index (report->blocks, i);
      int page = v21_report_pages_find_block (pages, i);

      /* Every block is placed, in order, after the cover and the contents. */
      g_assert_cmpint (page, >=, 2);
      g_assert_cmpint (page, >=, previous);
      previous = page;
      /* A line that announces what follows ("…against a challenge:") is on
       * the page where that begins. */
      if (block->kind == V21_BLOCK_PARAGRAPH && block->text != NULL && strlen (block->text) < 80
          && g_str_has_suffix (block->text, ":") && i + 1 < report->blocks->len)
        {
          g_assert_cmpint (v21_report_pages_find_block (pages, i + 1), ==, page);
          n_announcing++;
        }
      if (block->kind != V21_BLOCK_HEADING)
        continue;
      /* A heading is on the page of what follows it (a chapter's page: see
       * test_chapter_pages). */
      if (i + 1 < report->blocks->len)
        g_assert_cmpint (v21_report_pages_find_block (pages, i + 1), ==, page);
    }
  g_test_message ("%u lines announce what follows", n_announcing);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  check_pages_draw (pages, n);
  v21_report_pages_free (pages);
}

static void
test_demo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "examples", "demo.visions21", NULL);
  g_autoptr(V21Workshop) workshop = load (path);

  check_layout (workshop, 20, 50);
}

/* A chapter opens a page, but for the tail of a chapter that would stand
 * alone on a page less than a third full: the next chapter follows there. */
static void
check_chapter_pages (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "examples", "demo.visions21", NULL);
  g_autoptr(V21Workshop) demo = load (path);
  /* What the export lays out: the people who did not consent as labels. */
  g_autoptr(V21Workshop) workshop = v21_anonymize_unconsented (demo, NULL);
  V21ReportPages *pages = v21_report_pages_new (v21_report_new (workshop, V21_REPORT_DEFAULT), workshop);
  V21Report *report = v21_report_pages_get_report (pages);
  guint n_chapters = 0, n_following = 0;

  for (guint i = 1; i < report->blocks->len; i++)
    {
      V21ReportBlock *block = g_ptr_array_index (report->blocks, i);
      int page = v21_report_pages_find_block (pages, i);
      int before = v21_report_pages_find_block (pages, i - 1);

      if (block->kind != V21_BLOCK_HEADING || block->level != 1)
        continue;
      n_chapters++;
      if (page == before)
        n_following++;
      else
        g_assert_cmpfloat (v21_report_pages_get_fill (pages, before), >=, 1.0 / 3);
    }
  /* The demo's five chapters, four after the first; the participant list's
   * last rows take the run sheet after them. */
  g_assert_cmpuint (n_chapters, ==, 4);
  g_assert_cmpuint (n_following, >=, 1);
  g_assert_cmpuint (n_following, <, n_chapters);
  /* No page but the last is left less than a third full (a figure a little
   * too tall for the rest of a page is drawn a little lower there). */
  for (guint p = 1; p + 1 < v21_report_pages_get_n_pages (pages); p++)
    g_assert_cmpfloat (v21_report_pages_get_fill (pages, p), >=, 1.0 / 3);
  v21_report_pages_free (pages);
}

static void
test_chapter_pages (void)
{
  check_chapter_pages ();
}

/* The same in French, whose longer text falls otherwise on the pages. */
static void
test_chapter_pages_fr (void)
{
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "fr", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_ROOT "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  check_chapter_pages ();
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_hostile (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "good", "hostile.visions21", NULL);
  g_autoptr(V21Workshop) workshop = load (path);

  check_layout (workshop, 5, 20);
}

static void
test_sparse (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "good", "sparse.visions21", NULL);
  g_autoptr(V21Workshop) workshop = load (path);

  check_layout (workshop, 3, 20);
}

static void
test_pdf (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "examples", "demo.visions21", NULL);
  g_autoptr(V21Workshop) workshop = load (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("v21-pages-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(V21ReportPages) pages = v21_report_pages_new (v21_report_new (workshop, V21_REPORT_DEFAULT), workshop);
  g_autofree char *count = g_strdup_printf ("/Count %u", v21_report_pages_get_n_pages (pages));
  gsize length;

  g_assert_true (v21_report_pages_write_pdf (pages, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* The page tree says how many pages; the chapters are bookmarks. */
  g_assert_nonnull (memmem (contents, length, count, strlen (count)));
  g_assert_nonnull (memmem (contents, length, "/Outlines", 9));
  g_unlink (pdf);
  g_rmdir (dir);
}

/* A chapter of @n_lines one-line paragraphs, then a list of 6 items, a table
 * of 20 rows and a short one of 12 taller rows (more than a third of a
 * page): each falls at another place of the page. */
static V21ReportPages *
breaking_pages (V21Workshop *workshop,
                guint        n_lines,
                guint       *list,
                guint       *long_table,
                guint       *short_table)
{
  V21Report *report = v21_report_new (workshop, V21_REPORT_DEFAULT);
  V21ReportBuilder builder = { workshop, report, 1, 0, 1000, 0 };
  static const char *headers[] = { "Rang", "Proposition" };
  static const double widths[] = { 1, 5 };
  V21ReportBlock *block;

  g_ptr_array_set_size (report->blocks, 1);   /* the first chapter's heading */
  for (guint i = 0; i < n_lines; i++)
    _v21_report_paragraph (&builder, V21_TEXT_BODY, NULL, "Une ligne.");
  *list = report->blocks->len;
  block = _v21_report_list (&builder);
  for (guint i = 0; i < 6; i++)
    _v21_report_list_add (block, NULL, "Un point de la liste", NULL);
  for (guint t = 0; t < 2; t++)
    {
      *(t == 0 ? long_table : short_table) = report->blocks->len;
      block = _v21_report_table (&builder, 2, headers, widths, 1);
      for (guint r = 0; r < (t == 0 ? 20 : 12); r++)
        {
          GPtrArray *row = _v21_report_row (block);

          _v21_report_cell (row, "1", NULL);
          _v21_report_cell (row, t == 0 ? "Une proposition" : "Une proposition\nsur deux lignes", NULL);
        }
    }
  for (guint i = 0; i < 80; i++)
    _v21_report_paragraph (&builder, V21_TEXT_BODY, NULL, "La suite du chapitre.");
  return v21_report_pages_new (report, workshop);
}

/* A chapter of @n_lines one-line paragraphs, then the heat map (nothing
 * after it); *@figure is its block. */
static V21ReportPages *
figure_pages (V21Workshop *workshop,
              guint        n_lines,
              guint       *figure)
{
  V21Report *report = v21_report_new (workshop, V21_REPORT_DEFAULT);
  V21ReportBuilder builder = { workshop, report, 1, 0, 1000, 0 };

  g_ptr_array_set_size (report->blocks, 1);   /* the first chapter's heading */
  for (guint i = 0; i < n_lines; i++)
    _v21_report_paragraph (&builder, V21_TEXT_BODY, NULL, "Une ligne.");
  *figure = report->blocks->len;
  _v21_report_figure (&builder, V21_FIGURE_ROBUSTNESS, NULL, "La robustesse", 0.75);
  return v21_report_pages_new (report, workshop);
}

/* A figure a little taller than the rest of a page (by less than a fifth)
 * is drawn a little lower there; taller, it goes to the next page. */
static void
test_figure_fits (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "examples", "demo.visions21", NULL);
  g_autoptr(V21Workshop) workshop = load (path);
  guint figure;
  g_autoptr(V21ReportPages) alone = figure_pages (workshop, 0, &figure);
  /* Its full height, from the page it has to itself. */
  double height = v21_report_pages_get_fill (alone, v21_report_pages_find_block (alone, figure));
  guint n_moved = 0, n_kept = 0;

  for (guint n = 1; n < 70; n++)
    {
      g_autoptr(V21ReportPages) pages = figure_pages (workshop, n, &figure);
      int page = v21_report_pages_find_block (pages, figure);
      int before = v21_report_pages_find_block (pages, figure - 1);

      if (page == before)
        {
          n_kept++;
          g_assert_cmpfloat (v21_report_pages_get_fill (pages, page), <=, 1.0);
          continue;
        }
      n_moved++;
      /* The room left above was less than four fifths of the figure. */
      g_assert_cmpfloat (1.0 - v21_report_pages_get_fill (pages, before), <, 0.8 * height + 0.01);
    }
  g_assert_cmpuint (n_moved, >, 0);
  g_assert_cmpuint (n_kept, >, 0);
}

/* Where a list or a table breaks across pages, the first two and the last
 * two items or rows stay together: no bullet alone at the head or the foot
 * of a page, no row alone under its header. */
static void
check_breaks (V21ReportPages *pages,
              guint           block,
              guint           n_parts)
{
  for (guint part = 0; part + 1 < n_parts; part++)
    {
      int here = v21_report_pages_find_part (pages, block, part);
      int next = v21_report_pages_find_part (pages, block, part + 1);

      g_assert_cmpint (here, >, 0);
      if (next != here)
        {
          g_assert_cmpuint (part, >=, 1);
          g_assert_cmpuint (part + 2, <, n_parts);
        }
    }
}

static void
test_breaks (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "examples", "demo.visions21", NULL);
  g_autoptr(V21Workshop) workshop = load (path);
  guint list_breaks = 0, short_splits = 0;

  for (guint n = 0; n < 90; n++)
    {
      guint list, long_table, short_table;
      g_autoptr(V21ReportPages) pages = breaking_pages (workshop, n, &list, &long_table, &short_table);

      check_breaks (pages, list, 6);
      check_breaks (pages, long_table, 20);
      check_breaks (pages, short_table, 12);
      list_breaks += v21_report_pages_find_part (pages, list, 0) != v21_report_pages_find_part (pages, list, 5);
      short_splits += v21_report_pages_find_part (pages, short_table, 0) != v21_report_pages_find_part (pages, short_table, 11);
    }
  /* The cases were there: lists broke, and a short table broke rather than
   * leave a third of a page empty. */
  g_assert_cmpuint (list_breaks, >, 0);
  g_assert_cmpuint (short_splits, >, 0);
}

/* What a user typed, as the text of an ODF paragraph. */
static void
test_odt_text (void)
{
  static const struct { const char *text; const char *xml; } cases[] = {
    { "l’eau & <b>\"tout\"</b>", "l’eau &amp; &lt;b&gt;&quot;tout&quot;&lt;/b&gt;" },
    /* ODF collapses spaces: the second of two, and a leading one, are elements. */
    { " a  b   c", "<text:s/>a <text:s/>b <text:s/><text:s/>c" },
    { "ligne 1\nligne 2\tfin", "ligne 1<text:line-break/>ligne 2<text:tab/>fin" },
    /* Control characters and what XML 1.0 refuses are left out. */
    { "a\x01" "b\x1b[31mc\x7f\xc2\x85" "d\xef\xbf\xbe" "e\rf", "ab[31mcdef" },
    /* Bytes that are not UTF-8 become the replacement character. */
    { "caf\xe9 !", "caf\xef\xbf\xbd !" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      v21_odt_append_text (out, cases[i].text);
      g_assert_cmpstr (out->str, ==, cases[i].xml);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/report/demo", test_demo);
  g_test_add_func ("/render/report/chapter-pages", test_chapter_pages);
  g_test_add_func ("/render/report/chapter-pages-fr", test_chapter_pages_fr);
  g_test_add_func ("/render/report/figure-fits", test_figure_fits);
  g_test_add_func ("/render/report/hostile", test_hostile);
  g_test_add_func ("/render/report/sparse", test_sparse);
  g_test_add_func ("/render/report/pdf", test_pdf);
  g_test_add_func ("/render/report/odt-text", test_odt_text);
  g_test_add_func ("/render/report/breaks", test_breaks);

  return g_test_run ();
}
