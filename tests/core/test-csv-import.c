/* Importing participants from what spreadsheets really export: encodings,
 * separators, quoting, header names, and rows that cannot be imported, each
 * listed with its line and reason. Fixtures: tests/data/csv/README.md. */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "v21-csv-import.h"
#include "v21-workshop.h"
#include "test-util.h"

static V21CsvImport *
open_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  V21CsvImport *import = v21_csv_import_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static V21CsvRow *
row_at (V21CsvImport *import,
        guint         i)
{
  GPtrArray *rows = v21_csv_import_get_rows (import);

  g_assert_cmpuint (i, <, rows->len);
  return g_ptr_array_index (rows, i);
}

static const char *
field (V21CsvRow  *row,
       const char *name)
{
  json_object *value = json_object_object_get (row->fields, name);

  return value != NULL ? json_object_get_string (value) : NULL;
}

static void
assert_row (V21CsvImport *import,
            guint         i,
            guint         line,
            const char   *name,
            const char   *organisation,
            const char   *category,
            const char   *role,
            const char   *table,
            const char   *email,
            gboolean      consent)
{
  V21CsvRow *row = row_at (import, i);

  g_assert_cmpuint (row->line, ==, line);
  g_assert_cmpstr (field (row, "name"), ==, name);
  g_assert_cmpstr (field (row, "organisation"), ==, organisation);
  g_assert_cmpstr (field (row, "category"), ==, category);
  g_assert_cmpstr (field (row, "role"), ==, role);
  g_assert_cmpstr (row->table, ==, table);
  g_assert_cmpstr (field (row, "email"), ==, email);
  g_assert_cmpint (json_object_get_boolean (json_object_object_get (row->fields, "consent")), ==, consent);
}

static void
test_french_excel (void)
{
  g_autoptr(V21CsvImport) import = open_fixture ("fr-excel-cp1252.csv");
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  GPtrArray *new_tables;

  g_assert_cmpint (v21_csv_import_get_encoding (import), ==, V21_CSV_WINDOWS_1252);
  g_assert_cmpuint (v21_csv_import_get_separator (import), ==, ';');
  g_assert_true (v21_csv_import_get_has_header (import));
  g_assert_cmpuint (v21_csv_import_get_n_columns (import), ==, 8);
  g_assert_cmpstr (v21_csv_import_get_header (import, 1), ==, "Prénom");
  g_assert_cmpint (v21_csv_import_get_mapping (import, 0), ==, V21_CSV_NAME);
  g_assert_cmpint (v21_csv_import_get_mapping (import, 1), ==, V21_CSV_FIRST_NAME);
  g_assert_cmpint (v21_csv_import_get_mapping (import, 2), ==, V21_CSV_ORGANISATION);
  g_assert_cmpint (v21_csv_import_get_mapping (import, 3), ==, V21_CSV_CATEGORY);
  g_assert_cmpint (v21_csv_import_get_mapping (import, 4), ==, V21_CSV_ROLE);
  g_assert_cmpint (v21_csv_import_get_mapping (import, 5), ==, V21_CSV_TABLE);
  g_assert_cmpint (v21_csv_import_get_mapping (import, 6), ==, V21_CSV_EMAIL);
  g_assert_cmpint (v21_csv_import_get_mapping (import, 7), ==, V21_CSV_CONSENT);
  g_assert_cmpstr (v21_csv_import_get_sample (import, 3), ==, "Élus");

  v21_csv_import_preview (import, workshop);
  g_assert_cmpuint (v21_csv_import_get_skipped (import)->len, ==, 0);
  g_assert_cmpuint (v21_csv_import_get_rows (import)->len, ==, 4);
  assert_row (import, 0, 2, "Hélène Fontaine", "Mairie de Vernay", "elus", "participant",
              "Table A", "helene.fontaine@vernay.example", TRUE);
  /* "2" is "Table 2", which the workshop does not have yet. */
  assert_row (import, 1, 3, "Joël Lefèvre", "Chambre d'agriculture", "partenaires", "participant",
              "Table 2", "joel.lefevre@agri.example", FALSE);
  assert_row (import, 2, 4, "Zoé Œillet", "Café associatif « Le Bocal »", "associations", "participant",
              "Table B", "", TRUE);
  assert_row (import, 3, 5, "Françoise Muller", "", "habitants", "observer", NULL,
              "f.muller@example.org", FALSE);
  g_assert_false (row_at (import, 0)->new_table);
  g_assert_true (row_at (import, 1)->new_table);
  new_tables = v21_csv_import_get_new_tables (import);
  g_assert_cmpuint (new_tables->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (new_tables, 0), ==, "Table 2");
}

static void
test_bom_comma (void)
{
  g_autoptr(V21CsvImport) import = open_fixture ("utf8-bom-comma.csv");
  g_autoptr(V21Workshop) workshop = test_load_minimal ();

  g_assert_cmpint (v21_csv_import_get_encoding (import), ==, V21_CSV_UTF8_BOM);
  g_assert_cmpuint (v21_csv_import_get_separator (import), ==, ',');
  /* The byte order mark is not part of the first header. */
  g_assert_cmpstr (v21_csv_import_get_header (import, 0), ==, "Name");
  g_assert_cmpint (v21_csv_import_get_mapping (import, 0), ==, V21_CSV_NAME);
  g_assert_cmpint (v21_csv_import_get_mapping (import, 5), ==, V21_CSV_EMAIL);

  v21_csv_import_preview (import, workshop);
  g_assert_cmpuint (v21_csv_import_get_skipped (import)->len, ==, 0);
  g_assert_cmpuint (v21_csv_import_get_rows (import)->len, ==, 3);
  assert_row (import, 0, 2, "Ana Lima", "Water board, south office", "partenaires", "participant",
              "Table B", "ana.lima@water.example", TRUE);
  assert_row (import, 1, 3, "Tom Baker", "Baker & Sons", "entreprises", "participant", NULL,
              "tom@baker.example", FALSE);
  assert_row (import, 2, 4, "Li, Wei", "University", "experts", "facilitator", NULL,
              "wei.li@uni.example", TRUE);
}

static void
test_tab (void)
{
  g_autoptr(V21CsvImport) import = open_fixture ("utf8-tab.tsv");
  g_autoptr(V21Workshop) workshop = test_load_minimal ();

  g_assert_cmpint (v21_csv_import_get_encoding (import), ==, V21_CSV_UTF8);
  g_assert_cmpuint (v21_csv_import_get_separator (import), ==, '\t');
  v21_csv_import_preview (import, workshop);
  g_assert_cmpuint (v21_csv_import_get_rows (import)->len, ==, 2);
  assert_row (import, 0, 2, "Léa Rousseau", "Bureau d'études Écotone", "experts", "participant", NULL,
              "lea@ecotone.example", FALSE);
  assert_row (import, 1, 3, "Marc Petit", "Services techniques", "services", "participant", NULL, "", FALSE);
}

static void
test_utf16 (void)
{
  g_autoptr(V21CsvImport) import = open_fixture ("utf16-tab.txt");
  g_autoptr(V21Workshop) workshop = test_load_minimal ();

  g_assert_cmpint (v21_csv_import_get_encoding (import), ==, V21_CSV_UTF16);
  g_assert_cmpuint (v21_csv_import_get_separator (import), ==, '\t');
  v21_csv_import_preview (import, workshop);
  g_assert_cmpuint (v21_csv_import_get_rows (import)->len, ==, 1);
  g_assert_cmpstr (field (row_at (import, 0), "name"), ==, "Éloïse Ng");
  g_assert_cmpstr (field (row_at (import, 0), "organisation"), ==, "CIAS");
}

static void
test_quoting (void)
{
  g_autoptr(V21CsvImport) import = open_fixture ("quoting.csv");
  g_autoptr(V21Workshop) workshop = test_load_minimal ();

  v21_csv_import_preview (import, workshop);
  g_assert_cmpuint (v21_csv_import_get_skipped (import)->len, ==, 0);
  g_assert_cmpuint (v21_csv_import_get_rows (import)->len, ==, 4);
  /* Doubled quotes, a line break inside quotes (the next record starts two
   * lines later), a separator inside quotes, a blank line inside quotes, and
   * a last line without a line break. */
  assert_row (import, 0, 2, "Claire \"Clo\" Dubois", "Mairie de Vernay, Service urbanisme", NULL,
              "participant", NULL, "claire@vernay.example", FALSE);
  assert_row (import, 1, 4, "Paul Henri", "Association; « Vivre ensemble »", NULL, "participant", NULL,
              "paul@vivre.example", FALSE);
  assert_row (import, 2, 5, "Sophie Martin", "Syndicat mixte, Pays Sèvre", NULL, "participant", NULL, "", FALSE);
  assert_row (import, 3, 8, "Jules Renard", "Lycée agricole", NULL, "participant", NULL,
              "jules@lycee.example", FALSE);
}

static void
assert_skip (GPtrArray  *skipped,
             guint       i,
             guint       line,
             const char *reason_start)
{
  V21CsvSkip *skip;

  g_assert_cmpuint (i, <, skipped->len);
  skip = g_ptr_array_index (skipped, i);
  g_assert_cmpuint (skip->line, ==, line);
  if (!g_str_has_prefix (skip->reason, reason_start))
    g_error ("line %u: reason “%s”, expected “%s…”", line, skip->reason, reason_start);
}

static void
test_bad_rows (void)
{
  g_autoptr(V21CsvImport) import = open_fixture ("bad-rows.csv");
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  GPtrArray *skipped;

  v21_csv_import_preview (import, workshop);
  g_assert_cmpuint (v21_csv_import_get_rows (import)->len, ==, 2);
  g_assert_cmpstr (field (row_at (import, 0), "name"), ==, "Irène Vidal");
  g_assert_cmpuint (row_at (import, 1)->line, ==, 12);
  g_assert_cmpstr (field (row_at (import, 1), "name"), ==, "Anne Gris");

  /* Every other row is listed, blank lines excepted. */
  skipped = v21_csv_import_get_skipped (import);
  g_assert_cmpuint (skipped->len, ==, 8);
  assert_skip (skipped, 0, 3, "No name");
  assert_skip (skipped, 1, 4, "Unknown category “Martiens” (expected: Elected officials, Staff,");
  assert_skip (skipped, 2, 5, "“jean.dupont(at)example” is not an e-mail address");
  assert_skip (skipped, 3, 6, "This row has 6 fields where the header has 5");
  assert_skip (skipped, 4, 7, "Consent “peut-être” is neither yes nor no");
  assert_skip (skipped, 5, 8, "The same person as on line 2");
  assert_skip (skipped, 6, 11, "Already in the workshop");
  assert_skip (skipped, 7, 13, "A quoted field is never closed");
}

static void
test_no_header (void)
{
  g_autoptr(V21CsvImport) import = open_fixture ("no-header.csv");
  g_autoptr(V21Workshop) workshop = test_load_minimal ();

  g_assert_false (v21_csv_import_get_has_header (import));
  g_assert_cmpuint (v21_csv_import_get_n_columns (import), ==, 2);
  g_assert_cmpstr (v21_csv_import_get_header (import, 1), ==, "Column 2");
  g_assert_cmpint (v21_csv_import_get_mapping (import, 0), ==, V21_CSV_NAME);
  g_assert_cmpint (v21_csv_import_get_mapping (import, 1), ==, V21_CSV_IGNORE);

  /* The user says what the second column is. */
  v21_csv_import_set_mapping (import, 1, V21_CSV_ORGANISATION);
  v21_csv_import_preview (import, workshop);
  g_assert_cmpuint (v21_csv_import_get_rows (import)->len, ==, 2);
  assert_row (import, 0, 1, "Jeanne Martin", "Mairie de Vernay", NULL, "participant", NULL, "", FALSE);
  assert_row (import, 1, 2, "Ali Ben", "Repair café", NULL, "participant", NULL, "", FALSE);

  /* Calling the first row a header makes it one. */
  v21_csv_import_set_has_header (import, TRUE);
  g_assert_cmpstr (v21_csv_import_get_header (import, 0), ==, "Jeanne Martin");
  v21_csv_import_set_mapping (import, 0, V21_CSV_NAME);
  v21_csv_import_preview (import, workshop);
  g_assert_cmpuint (v21_csv_import_get_rows (import)->len, ==, 1);
}

static void
test_mapping (void)
{
  g_autoptr(V21CsvImport) import = open_fixture ("fr-excel-cp1252.csv");
  g_autoptr(V21Workshop) workshop = test_load_minimal ();

  /* A field comes from one column: mapping another column to it frees the first. */
  v21_csv_import_set_mapping (import, 2, V21_CSV_NAME);
  g_assert_cmpint (v21_csv_import_get_mapping (import, 0), ==, V21_CSV_IGNORE);
  v21_csv_import_set_mapping (import, 1, V21_CSV_IGNORE);
  v21_csv_import_preview (import, workshop);
  g_assert_cmpstr (field (row_at (import, 0), "name"), ==, "Mairie de Vernay");
  g_assert_cmpstr (field (row_at (import, 0), "organisation"), ==, "");

  /* With no name column at all, every row says so. */
  v21_csv_import_set_mapping (import, 2, V21_CSV_IGNORE);
  v21_csv_import_preview (import, workshop);
  g_assert_cmpuint (v21_csv_import_get_rows (import)->len, ==, 0);
  g_assert_cmpuint (v21_csv_import_get_skipped (import)->len, ==, 4);
}

static void
test_sep_line (void)
{
  g_autoptr(V21CsvImport) import = open_fixture ("excel-sep-line.csv");
  g_autoptr(V21Workshop) workshop = test_load_minimal ();

  g_assert_cmpuint (v21_csv_import_get_separator (import), ==, ',');
  v21_csv_import_preview (import, workshop);
  assert_row (import, 0, 3, "Yves Ménard;fils", "", NULL, "participant", "Table 3", "", FALSE);
}

static void
test_refused_files (void)
{
  static const char * const names[] = { "empty.csv", "binary.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(V21CsvImport) import = v21_csv_import_new_from_file (file, &error);

      g_assert_null (import);
      g_assert_error (error, V21_ERROR, V21_ERROR_PARSE);
      /* The message names the file. */
      g_assert_nonnull (strstr (error->message, names[i]));
    }
}

static void
test_apply_and_undo (void)
{
  g_autoptr(V21CsvImport) import = open_fixture ("fr-excel-cp1252.csv");
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  V21Collection *tables = v21_workshop_get_collection (workshop, "tables");
  V21Record *joel;
  V21Record *table;
  guint n = 0;

  /* A preview changes nothing. */
  v21_csv_import_preview (import, workshop);
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (v21_workshop_can_undo (workshop));

  g_assert_true (v21_csv_import_apply (import, workshop, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (v21_collection_get_n (people), ==, 4 + 4);
  g_assert_cmpuint (v21_collection_get_n (tables), ==, 3);
  joel = v21_collection_get (people, 5);
  table = v21_workshop_lookup (workshop, v21_record_get_string (joel, "table"));
  g_assert_cmpstr (v21_record_get_string (table, "name"), ==, "Table 2");
  g_assert_false (v21_record_get_bool (joel, "consent"));
  g_assert_cmpstr (v21_workshop_get_undo_label (workshop), ==, "Import participants");

  /* Importing again finds everyone already there. */
  g_assert_true (v21_csv_import_apply (import, workshop, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (v21_csv_import_get_skipped (import)->len, ==, 4);

  /* One undo step takes it all back. */
  g_assert_true (v21_workshop_undo (workshop));
  g_free (after);
  after = v21_workshop_to_data (workshop, NULL);
  g_assert_cmpstr (before, ==, after);
}

static void
test_french_reasons (void)
{
  g_autoptr(V21CsvImport) import = open_fixture ("bad-rows.csv");
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  V21CsvSkip *skip;

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "fr", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_ROOT "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  v21_csv_import_preview (import, workshop);
  skip = g_ptr_array_index (v21_csv_import_get_skipped (import), 0);
  g_assert_cmpstr (skip->reason, ==, "Sans nom");
  skip = g_ptr_array_index (v21_csv_import_get_skipped (import), 1);
  g_assert_true (g_str_has_prefix (skip->reason, "Collège « Martiens » inconnu (attendu : Élus, Services,"));

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
}

static GError *
refusal_of (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GError *error = NULL;
  g_autoptr(V21CsvImport) import = v21_csv_import_new_from_file (file, &error);

  g_assert_null (import);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, name));
  return error;
}

/* Random bytes without a NUL are not a list of people. */
static void
test_noise_refused (void)
{
  g_autoptr(GError) error = refusal_of ("noise.bin");

  g_assert_error (error, V21_ERROR, V21_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "not a text file"));
}

/* A UTF-16 mark before UTF-8 bytes: refused, not one person with a CJK name. */
static void
test_utf16_mark_on_utf8 (void)
{
  g_autoptr(GError) error = refusal_of ("utf16-bom-utf8.csv");

  g_assert_error (error, V21_ERROR, V21_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
}

/* Lines pasted from two spreadsheets: each line is read in its own encoding. */
static void
test_mixed_encodings (void)
{
  g_autoptr(V21CsvImport) import = open_fixture ("mixed-utf8-cp1252.csv");
  g_autoptr(V21Workshop) workshop = test_load_minimal ();

  g_assert_cmpint (v21_csv_import_get_encoding (import), ==, V21_CSV_MIXED);
  g_assert_cmpstr (v21_csv_import_get_header (import, 1), ==, "Prénom");
  g_assert_cmpint (v21_csv_import_get_mapping (import, 1), ==, V21_CSV_FIRST_NAME);
  v21_csv_import_preview (import, workshop);
  g_assert_cmpuint (v21_csv_import_get_rows (import)->len, ==, 2);
  g_assert_cmpstr (field (row_at (import, 0), "name"), ==, "Joël Lefèvre");
  g_assert_cmpstr (field (row_at (import, 0), "organisation"), ==, "Chambre d'agriculture");
  g_assert_cmpstr (field (row_at (import, 1), "name"), ==, "Hélène Fontaine");
}

/* A stray control character is a space in a name, never part of it. */
static void
test_control_characters (void)
{
  static const char data[] = "Nom;Organisme\nJean\x01\x1b" "Dupont;Mai\x7frie\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(V21CsvImport) import = v21_csv_import_new_from_data (data, strlen (data), &error);
  g_autoptr(V21Workshop) workshop = test_load_minimal ();

  g_assert_no_error (error);
  v21_csv_import_preview (import, workshop);
  g_assert_cmpuint (v21_csv_import_get_rows (import)->len, ==, 1);
  g_assert_cmpstr (field (row_at (import, 0), "name"), ==, "Jean Dupont");
  g_assert_cmpstr (field (row_at (import, 0), "organisation"), ==, "Mai rie");
}

/* A state column under its French or English names, with the values people type. */
static void
test_invitation_column (void)
{
  static const char french[] =
    "Nom;Statut\nAnne Roy;Confirmé\nBruno Lac;invitée\nCécile Mas;Excusé\nDidier Vial;Décliné\n"
    "Emma Noé;Sans réponse\nFabien Gué;à inviter\nGaëlle Sol;\nHugo Pin;peut-être\n";
  static const char english[] =
    "Name,Invitation\nIan Lee,Declined\nJo Kerr,No reply\nKim Day,Not invited\nLea Fox,Invited\n";
  static const char * const headers[] = { "Invitation", "Statut", "État", "Status" };
  g_autoptr(V21Workshop) workshop = test_load_minimal ();
  g_autoptr(V21CsvImport) fr = v21_csv_import_new_from_data (french, strlen (french), NULL);
  g_autoptr(V21CsvImport) en = v21_csv_import_new_from_data (english, strlen (english), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autofree char *data = g_strdup_printf ("Nom;%s\nAnne Roy;Confirmé\n", headers[i]);
      g_autoptr(V21CsvImport) import = v21_csv_import_new_from_data (data, strlen (data), NULL);

      g_assert_cmpint (v21_csv_import_get_mapping (import, 1), ==, V21_CSV_INVITATION);
    }
  v21_csv_import_preview (fr, workshop);
  g_assert_cmpuint (v21_csv_import_get_rows (fr)->len, ==, 7);
  g_assert_cmpstr (field (row_at (fr, 0), "invitation"), ==, "confirmed");
  g_assert_cmpstr (field (row_at (fr, 1), "invitation"), ==, "invited");
  g_assert_cmpstr (field (row_at (fr, 2), "invitation"), ==, "declined");
  g_assert_cmpstr (field (row_at (fr, 3), "invitation"), ==, "declined");
  g_assert_cmpstr (field (row_at (fr, 4), "invitation"), ==, "no_reply");
  g_assert_cmpstr (field (row_at (fr, 5), "invitation"), ==, "to_invite");
  /* An empty cell says nothing: the person is to invite, as in an old file. */
  g_assert_null (field (row_at (fr, 6), "invitation"));
  assert_skip (v21_csv_import_get_skipped (fr), 0, 9,
               "Unknown invitation state “peut-être” (expected: To invite, Invited, Confirmed, Declined, No reply)");
  v21_csv_import_preview (en, workshop);
  g_assert_cmpuint (v21_csv_import_get_rows (en)->len, ==, 4);
  g_assert_cmpstr (field (row_at (en, 0), "invitation"), ==, "declined");
  g_assert_cmpstr (field (row_at (en, 1), "invitation"), ==, "no_reply");
  g_assert_cmpstr (field (row_at (en, 2), "invitation"), ==, "to_invite");
  g_assert_cmpstr (field (row_at (en, 3), "invitation"), ==, "invited");
  /* Applied, the states are in the workshop. */
  g_assert_true (v21_csv_import_apply (fr, workshop, NULL, NULL));
  g_assert_cmpstr (v21_record_get_string (v21_collection_get (v21_workshop_get_collection (workshop, "people"), 4),
                                          "invitation"), ==, "confirmed");
}

#define BLANK_BYTES (20 * 1024 * 1024)

/* 20 MB of blank lines: refused as empty, with memory a small multiple of
 * the file (it took 2.8 GB); a row after them keeps its line number. */
static void
test_blank_lines (void)
{
  if (g_test_subprocess ())
    {
      static const char tail[] = "Nom\nJean Dupont\n";
      char *data = g_malloc (BLANK_BYTES + sizeof tail);
      g_autoptr(GError) error = NULL;
      struct rusage usage;
      long before;
      V21CsvImport *import;

      memset (data, '\n', BLANK_BYTES);
      for (gsize i = 0; i < BLANK_BYTES; i += 64)
        data[i] = ';';
      getrusage (RUSAGE_SELF, &usage);
      before = usage.ru_maxrss;
      import = v21_csv_import_new_from_data (data, BLANK_BYTES, &error);
      g_assert_null (import);
      g_assert_error (error, V21_ERROR, V21_ERROR_PARSE);
      g_clear_error (&error);
      getrusage (RUSAGE_SELF, &usage);
      /* ru_maxrss is in KiB: at most four times the file on top of it. */
      g_test_message ("peak grew by %ld KiB", usage.ru_maxrss - before);
      g_assert_cmpint (usage.ru_maxrss - before, <, 4 * BLANK_BYTES / 1024);

      memcpy (data + BLANK_BYTES, tail, sizeof tail);
      import = v21_csv_import_new_from_data (data, BLANK_BYTES + sizeof tail - 1, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (v21_csv_import_get_header (import, 0), ==, "Nom");
      g_assert_cmpuint (v21_csv_import_get_n_columns (import), ==, 1);
      g_object_unref (import);
      g_free (data);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

/* The GUI reads in a worker thread: the same import, and a progress from 0 to 1. */
static void
test_read_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", "fr-excel-cp1252.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(V21CsvImport) import = NULL;
  GAsyncResult *running = v21_csv_import_new_from_file_async (file, NULL, on_read, &result);
  double progress = v21_csv_import_get_progress (running);

  g_assert_cmpfloat (progress, >=, 0);
  g_assert_cmpfloat (progress, <=, 1);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  import = v21_csv_import_new_from_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (v21_csv_import_get_n_columns (import), ==, 8);
  g_assert_cmpstr (v21_csv_import_get_header (import, 1), ==, "Prénom");
}

/* A list beyond the size limit: the limit in MiB, and no word of a workshop. */
static void
test_too_large (void)
{
  g_autofree char *folder = g_dir_make_tmp ("v21-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "huge.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(V21CsvImport) import = NULL;
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  g_assert_cmpint (ftruncate (fileno (out), 65 * 1024 * 1024), ==, 0);
  fclose (out);
  import = v21_csv_import_new_from_file (file, &error);
  g_assert_null (import);
  g_assert_nonnull (strstr (error->message, "huge.csv” is too large (65 MiB): Visions+21 opens files of at most 64 MiB. "
                                            "Check that it is the right file."));
  g_assert_null (strstr (error->message, "workshop"));
  g_unlink (path);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv/french-excel", test_french_excel);
  g_test_add_func ("/core/csv/bom-comma", test_bom_comma);
  g_test_add_func ("/core/csv/tab", test_tab);
  g_test_add_func ("/core/csv/utf16", test_utf16);
  g_test_add_func ("/core/csv/quoting", test_quoting);
  g_test_add_func ("/core/csv/bad-rows", test_bad_rows);
  g_test_add_func ("/core/csv/no-header", test_no_header);
  g_test_add_func ("/core/csv/mapping", test_mapping);
  g_test_add_func ("/core/csv/sep-line", test_sep_line);
  g_test_add_func ("/core/csv/refused-files", test_refused_files);
  g_test_add_func ("/core/csv/apply-and-undo", test_apply_and_undo);
  g_test_add_func ("/core/csv/french-reasons", test_french_reasons);
  g_test_add_func ("/core/csv/noise-refused", test_noise_refused);
  g_test_add_func ("/core/csv/utf16-mark-on-utf8", test_utf16_mark_on_utf8);
  g_test_add_func ("/core/csv/mixed-encodings", test_mixed_encodings);
  g_test_add_func ("/core/csv/control-characters", test_control_characters);
  g_test_add_func ("/core/csv/blank-lines", test_blank_lines);
  g_test_add_func ("/core/csv/read-async", test_read_async);
  g_test_add_func ("/core/csv/too-large", test_too_large);
  g_test_add_func ("/core/csv/invitation-column", test_invitation_column);

  return g_test_run ();
}
