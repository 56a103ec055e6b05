/* test-report-pages.c — the report laid out on A4 pages
 *
 * Headings never end a page, chapters start one, the contents give the pages
 * headings are on, every page draws, and the PDF has as many pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "v21-report-export.h"
#include "v21-report-odt.h"

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
      if (block->kind != V21_BLOCK_HEADING)
        continue;
      /* A chapter opens a page; a heading is on the page of what follows it. */
      if (block->level == 1 && i > 0)
        g_assert_cmpint (page, >, v21_report_pages_find_block (pages, i - 1));
      if (i + 1 < report->blocks->len)
        g_assert_cmpint (v21_report_pages_find_block (pages, i + 1), ==, page);
    }
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
  g_test_add_func ("/render/report/hostile", test_hostile);
  g_test_add_func ("/render/report/sparse", test_sparse);
  g_test_add_func ("/render/report/pdf", test_pdf);
  g_test_add_func ("/render/report/odt-text", test_odt_text);

  return g_test_run ();
}
