/* The workshop document: loading, validation, saving, round trips, edits. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "v21-error.h"
#include "v21-workshop.h"
#include "v21-workshop-private.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
demo_path (void)
{
  return g_build_filename (SOURCE_DATADIR, "examples", "demo.visions21", NULL);
}

static V21Workshop *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  V21Workshop *workshop = v21_workshop_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workshop);
  return workshop;
}

static void
test_round_trip (gconstpointer data)
{
  g_autofree char *path = data ? fixture (data) : demo_path ();
  V21Workshop *first = load_path (path);
  g_autofree char *once = v21_workshop_to_data (first, NULL);
  g_autoptr(GError) error = NULL;
  V21Workshop *second = v21_workshop_load_data (once, strlen (once), NULL, &error);
  g_autofree char *twice = NULL;

  g_assert_no_error (error);
  twice = v21_workshop_to_data (second, NULL);
  g_assert_cmpstr (once, ==, twice);
  g_assert_false (v21_workshop_get_modified (first));
  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
}

static void
test_demo_content (void)
{
  g_autofree char *path = demo_path ();
  g_autoptr(V21Workshop) workshop = load_path (path);

  g_assert_cmpuint (v21_collection_get_n (v21_workshop_get_collection (workshop, "people")), >=, 30);
  g_assert_cmpuint (v21_collection_get_n (v21_workshop_get_collection (workshop, "tables")), ==, 6);
  g_assert_cmpuint (v21_collection_get_n (v21_workshop_get_collection (workshop, "cards")), >=, 120);
  g_assert_cmpuint (v21_collection_get_n (v21_workshop_get_collection (workshop, "scenarios")), >=, 3);
  g_assert_cmpuint (v21_collection_get_n (v21_workshop_get_collection (workshop, "vote_rounds")), >=, 2);
  g_assert_cmpstr (v21_workshop_get_territory_name (workshop), !=, "");
}

static void
test_unknown_fields (void)
{
  g_autofree char *path = fixture ("good/unknown-fields.visions21");
  g_autoptr(V21Workshop) workshop = load_path (path);
  g_autofree char *data = v21_workshop_to_data (workshop, NULL);
  g_autofree char *original = NULL;
  g_autoptr(json_object) saved = json_tokener_parse (data);
  g_autoptr(json_object) before = NULL;

  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  before = json_tokener_parse (original);
  /* Whatever the key order, the saved tree holds everything the file had. */
  g_assert_true (json_object_equal (before, saved));
}

static void
test_migrate (void)
{
  g_autofree char *path = fixture ("good/old-0.9.visions21");
  g_autoptr(V21Workshop) workshop = load_path (path);
  V21Record *root = v21_workshop_get_root (workshop);

  g_assert_cmpstr (v21_record_get_string (root, "version"), ==, "1.0");
  g_assert_cmpint (v21_record_get_int (root, "horizon_year", 0), >, v21_record_get_int (root, "start_year", 0));
  g_assert_null (v21_record_get_value (root, "horizon"));
  g_assert_null (v21_record_get_value (root, "participants"));
  g_assert_cmpuint (v21_collection_get_n (v21_workshop_get_collection (workshop, "people")), >, 0);
}

/* Checks one line of bad/EXPECTED, FILENAME<TAB>PATH: the fixture fails with
 * that first path, and builds nothing. */
static void
assert_bad_fixture (const char *line)
{
  g_auto(GStrv) parts = g_strsplit (line, "\t", -1);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  V21Workshop *workshop;
  V21Problem *first;

  if (g_strv_length (parts) != 2 || parts[1][0] != '$')
    g_error ("bad/EXPECTED: “%s” is not FILENAME<TAB>PATH", line);
  name = g_strconcat ("bad/", parts[0], NULL);
  path = fixture (name);
  file = g_file_new_for_path (path);
  workshop = v21_workshop_load_file (file, &problems, &error);
  if (workshop != NULL)
    g_error ("%s loaded, but should fail at %s", parts[0], parts[1]);
  g_assert_nonnull (error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_error ("bad/EXPECTED names %s, which is not in tests/data/bad", parts[0]);
  g_assert_nonnull (problems);
  first = g_ptr_array_index (problems, 0);
  if (g_strcmp0 (first->path, parts[1]) != 0)
    g_error ("%s: first problem at %s (%s), expected %s", parts[0], first->path, first->message, parts[1]);
  g_assert_true (g_str_has_prefix (error->message, parts[1]));
}

/* Every fixture of tests/data/bad has its line in EXPECTED, and every line is checked. */
static void
test_bad_fixtures (void)
{
  g_autofree char *expected_path = fixture ("bad/EXPECTED");
  g_autofree char *dir_path = fixture ("bad");
  g_autofree char *expected = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_auto(GStrv) lines = NULL;
  const char *entry;
  guint n_files = 0;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  lines = g_strsplit (expected, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (lines[i][0] == '\0' && lines[i + 1] == NULL)
        break;
      assert_bad_fixture (lines[i]);
      *strchr (lines[i], '\t') = '\0';
      if (!g_hash_table_add (listed, g_strdup (lines[i])))
        g_error ("bad/EXPECTED lists %s twice", lines[i]);
    }
  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_equal (entry, "EXPECTED") || g_str_equal (entry, "README.md"))
        continue;
      if (!g_hash_table_contains (listed, entry))
        g_error ("tests/data/bad/%s has no line in bad/EXPECTED", entry);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, g_hash_table_size (listed));
  g_assert_cmpuint (n_files, >=, 84);
}

static void
test_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("v21-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.visions21", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FILE *out = fopen (path, "w");

  /* A sparse file: the size alone is refused, before anything is read. */
  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, V21_FILE_MAX_BYTES + 1, SEEK_SET), ==, 0);
  fputc ('}', out);
  fclose (out);
  g_assert_null (v21_workshop_load_file (file, NULL, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_TOO_LARGE);
  g_unlink (path);
  g_rmdir (dir);
}

/* What json-c would change on the way in is refused with where it is. */
static void
test_strict_json (void)
{
  static const struct { const char *file; const char *message; } cases[] = {
    { "duplicate-key", "$.people[0]: the key “email” is given twice in one object; the first value would be lost, at byte 1127" },
    { "nan", "$.x_ratio: NaN and Infinity are not numbers JSON allows, at byte 513" },
    { "infinity", "$.points[1].x_weight: NaN and Infinity are not numbers JSON allows, at byte 7455" },
    { "lone-surrogate", "$.cards[0].text: a lone UTF-16 surrogate (\\uD800) that is no character, at byte 3996" },
    { "nul-in-key", "$: a key holds a NUL character (\\u0000), which would cut it short, at byte 502" },
    { "integer-beyond-64-bits", "$.x_counter: the integer 123456789012345678901234567890 is beyond 64 bits and could not be kept exactly, at byte 515" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad/%s.visions21", cases[i].file);
      g_autofree char *path = fixture (name);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_null (v21_workshop_load_file (file, NULL, &error));
      g_assert_error (error, V21_ERROR, V21_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* What json-c keeps exactly is kept: the 64-bit edges, escaped keys, surrogate
 * pairs, numbers written in their own way. */
static void
test_strict_json_kept (void)
{
  static const char *const kept[] = {
    "\"x_max\": 18446744073709551615",
    "\"x_min\": -9223372036854775808",
    "\"x_float\": 1.10",
    "\"x_big\": 1e400",
    "\"x_pair\": \"\\ud83d\\ude00\"",
    "\"x_keys\": { \"a\": 1, \"b\": 2, \"\\u0061b\": 3 }",
  };
  g_autofree char *path = fixture ("good/minimal.visions21");
  g_autofree char *minimal = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) workshop = NULL;
  g_autofree char *saved = NULL;

  g_assert_true (g_file_get_contents (path, &minimal, NULL, NULL));
  text = g_string_new (minimal);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *field = g_strdup_printf ("\n  %s,", kept[i]);
      g_string_insert (text, 1, field);
    }
  workshop = v21_workshop_load_data (text->str, text->len, NULL, &error);
  g_assert_no_error (error);
  saved = v21_workshop_to_data (workshop, NULL);
  g_assert_nonnull (strstr (saved, "\"x_max\": 18446744073709551615"));
  g_assert_nonnull (strstr (saved, "\"x_min\": -9223372036854775808"));
  g_assert_nonnull (strstr (saved, "\"x_float\": 1.10"));
  g_assert_nonnull (strstr (saved, "\"x_big\": 1e400"));
  g_assert_nonnull (strstr (saved, "\"x_pair\": \"😀\""));
  g_assert_nonnull (strstr (saved, "\"ab\": 3"));
}

static void
test_new_from_toolkit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) workshop = v21_workshop_new_from_toolkit ("Atelier", "Val d’Orge", 2027, 0, &error);
  V21Record *root;
  V21Collection *sequences;
  V21Record *first;

  g_assert_no_error (error);
  root = v21_workshop_get_root (workshop);
  g_assert_cmpstr (v21_workshop_get_title (workshop), ==, "Atelier");
  g_assert_cmpstr (v21_workshop_get_territory_name (workshop), ==, "Val d’Orge");
  g_assert_cmpint (v21_record_get_int (root, "horizon_year", 0), ==, 2057);
  g_assert_cmpuint (v21_collection_get_n (v21_workshop_get_collection (workshop, "exercises")), ==, 6);
  g_assert_cmpuint (v21_collection_get_n (v21_workshop_get_collection (workshop, "days")), ==, 2);
  sequences = v21_workshop_get_collection (workshop, "sequences");
  g_assert_cmpuint (v21_collection_get_n (sequences), >=, 10);
  first = v21_collection_get (sequences, 0);
  g_assert_cmpstr (v21_record_get_string (first, "start"), ==, "09:00");
  g_assert_false (v21_workshop_can_undo (workshop));
  g_assert_false (v21_workshop_get_modified (workshop));
}

/* The loader's fast UTF-8 check gives GLib's verdict, at the same byte, on text
 * made of ASCII, NUL bytes, good and bad multi-byte sequences. */
static void
test_utf8_check (void)
{
  static const char *pieces[] = {
    "a", "{\"id\": ", "0123456789abcdef", "\0", "é", "’", "·", "😀", "\xC3", "\xA9",
    "\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x80", "\xFF",
  };
  static const gsize sizes[] = { 1, 7, 16, 1, 2, 3, 2, 4, 1, 1, 2, 3, 4, 2, 1 };

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_test_rand_int_range (0, 12);
      const char *bad_glib = NULL;
      const char *bad_fast = NULL;
      gboolean ok_glib;
      gboolean ok_fast;

      for (guint i = 0; i < n; i++)
        {
          /* Mostly valid text, now and then a bad piece. */
          guint k = g_test_rand_int_range (0, g_test_rand_int_range (0, 4) ? 8 : G_N_ELEMENTS (pieces));
          g_string_append_len (text, pieces[k], sizes[k]);
        }
      ok_glib = g_utf8_validate_len (text->str, text->len, &bad_glib);
      ok_fast = _v21_utf8_validate (text->str, text->len, &bad_fast);
      g_assert_cmpint (ok_fast, ==, ok_glib);
      if (!ok_glib)
        g_assert_cmpint (bad_fast - text->str, ==, bad_glib - text->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/core/workshop/round-trip/demo", NULL, test_round_trip);
  g_test_add_data_func ("/core/workshop/round-trip/minimal", "good/minimal.visions21", test_round_trip);
  g_test_add_func ("/core/workshop/demo", test_demo_content);
  g_test_add_func ("/core/workshop/unknown-fields", test_unknown_fields);
  g_test_add_func ("/core/workshop/migrate", test_migrate);
  g_test_add_func ("/core/workshop/load/bad-fixtures", test_bad_fixtures);
  g_test_add_func ("/core/workshop/load/too-large", test_too_large);
  g_test_add_func ("/core/workshop/load/strict-json", test_strict_json);
  g_test_add_func ("/core/workshop/load/strict-json-kept", test_strict_json_kept);
  g_test_add_func ("/core/workshop/load/utf8-check", test_utf8_check);
  g_test_add_func ("/core/workshop/new-from-toolkit", test_new_from_toolkit);
  return g_test_run ();
}
