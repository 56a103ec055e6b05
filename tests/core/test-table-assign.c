/* Automatic table assignment: balanced sizes, categories spread, people of one
 * organisation apart when possible, locked people in place, the same result
 * every time, and one undo step. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "v21-invitations.h"
#include "v21-table-assign.h"
#include "v21-workshop.h"
#include "test-util.h"

static guint
n_of (V21Workshop *workshop,
      const char  *collection)
{
  return v21_collection_get_n (v21_workshop_get_collection (workshop, collection));
}

static V21Record *
table_at (V21Workshop *workshop,
          guint        i)
{
  return v21_collection_get (v21_workshop_get_collection (workshop, "tables"), i);
}

/* Sizes of the first @n tables differ by at most one. */
static void
assert_balanced (V21Workshop *workshop,
                 guint        n)
{
  guint smallest = G_MAXUINT;
  guint largest = 0;

  for (guint t = 0; t < n; t++)
    {
      g_autoptr(GPtrArray) members = v21_table_members (workshop, table_at (workshop, t));

      smallest = MIN (smallest, members->len);
      largest = MAX (largest, members->len);
    }
  g_assert_cmpuint (largest - smallest, <=, 1);
}

/* How many people of @table have @field equal to @value (by organisation key
 * for "organisation"). */
static guint
count_at (V21Workshop *workshop,
          V21Record   *table,
          const char  *field,
          const char  *value)
{
  g_autoptr(GPtrArray) members = v21_table_members (workshop, table);
  guint count = 0;

  for (guint i = 0; i < members->len; i++)
    {
      const char *have = v21_record_get_string (g_ptr_array_index (members, i), field);

      if (strcmp (field, "organisation") == 0)
        {
          g_autofree char *key = v21_table_organisation_key (have);
          count += strcmp (key, value) == 0;
        }
      else
        {
          count += g_strcmp0 (have, value) == 0;
        }
    }
  return count;
}

/* Each value of @field is spread evenly: every table has ⌊c/n⌋ or ⌈c/n⌉ of
 * the c seated people who have it. */
static void
assert_spread (V21Workshop *workshop,
               guint        n,
               const char  *field,
               const char  *value)
{
  guint total = 0;

  for (guint t = 0; t < n; t++)
    total += count_at (workshop, table_at (workshop, t), field, value);
  for (guint t = 0; t < n; t++)
    {
      guint here = count_at (workshop, table_at (workshop, t), field, value);

      if (here < total / n || here > (total + n - 1) / n)
        g_error ("%s %s: %u at table %u, %u in all over %u tables", field, value, here, t, total, n);
    }
}

static void
test_demo_six (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  static const char * const categories[] = {
    "elus", "services", "partenaires", "associations", "entreprises", "habitants", "experts", NULL
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (v21_table_assign (workshop, 6, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_of (workshop, "tables"), ==, 6);
  assert_balanced (workshop, 6);
  for (guint i = 0; categories[i] != NULL; i++)
    assert_spread (workshop, 6, "category", categories[i]);
  /* Five people of the communauté de communes' services: one per table at most. */
  assert_spread (workshop, 6, "organisation", "communautedecommunes");

  /* Locked people stay; the facilitator and observers keep no table. */
  g_assert_cmpstr (v21_record_get_string (v21_workshop_lookup (workshop, "p05"), "table"), ==, "t1");
  g_assert_cmpstr (v21_record_get_string (v21_workshop_lookup (workshop, "p16"), "table"), ==, "t2");
  g_assert_null (v21_record_get_string (v21_workshop_lookup (workshop, "p01"), "table"));
  g_assert_null (v21_record_get_string (v21_workshop_lookup (workshop, "p03"), "table"));
  {
    g_autoptr(GPtrArray) nowhere = v21_table_members (workshop, NULL);
    g_assert_cmpuint (nowhere->len, ==, 4);
  }
}

/* Four people of the first table decline: they are counted as still seated;
 * the assignment run again frees their seats and balances the tables, locked
 * people staying where they are. */
static void
test_declined (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  V21Record *t1 = v21_workshop_lookup (workshop, "t1");
  g_autoptr(GPtrArray) first = NULL;
  V21Record *declined[4];
  guint n = 0;

  g_assert_true (v21_table_assign (workshop, 6, NULL));
  g_assert_cmpuint (v21_table_count_declined_seated (workshop), ==, 0);
  first = v21_table_members (workshop, t1);
  for (guint i = 0; i < first->len && n < 4; i++)
    {
      V21Record *person = g_ptr_array_index (first, i);

      if (!v21_record_get_bool (person, "locked"))
        {
          declined[n++] = person;
          g_assert_true (v21_invitation_set (workshop, person, V21_INVITATION_DECLINED, NULL, NULL));
        }
    }
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (v21_table_count_declined_seated (workshop), ==, 4);

  g_assert_true (v21_table_assign (workshop, 6, NULL));
  g_assert_cmpuint (v21_table_count_declined_seated (workshop), ==, 0);
  for (guint i = 0; i < 4; i++)
    g_assert_true (v21_record_is_null (declined[i], "table"));
  /* 34 seated, less 4 who declined: 30 over 6 tables, 5 each. */
  for (guint t = 0; t < 6; t++)
    {
      g_autoptr(GPtrArray) members = v21_table_members (workshop,
                                                        v21_collection_get (v21_workshop_get_collection (workshop, "tables"), t));

      g_assert_cmpuint (members->len, ==, 5);
    }
  g_assert_cmpstr (v21_record_get_string (v21_workshop_lookup (workshop, "p05"), "table"), ==, "t1");
}

static void
test_more_tables (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  g_autoptr(GError) error = NULL;

  g_assert_true (v21_table_assign (workshop, 8, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_of (workshop, "tables"), ==, 8);
  g_assert_cmpstr (v21_record_get_string (table_at (workshop, 6), "name"), ==, "Table 7");
  g_assert_cmpstr (v21_record_get_string (table_at (workshop, 7), "name"), ==, "Table 8");
  g_assert_cmpstr (v21_record_get_string (table_at (workshop, 7), "color"), ==, "#2190a4");
  assert_balanced (workshop, 8);
  assert_spread (workshop, 8, "category", "elus");
}

static void
test_fewer_tables (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  g_autoptr(GError) error = NULL;

  /* Four tables: the last two are left empty, not deleted. */
  g_assert_true (v21_table_assign (workshop, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_of (workshop, "tables"), ==, 6);
  assert_balanced (workshop, 4);
  for (guint t = 4; t < 6; t++)
    {
      g_autoptr(GPtrArray) members = v21_table_members (workshop, table_at (workshop, t));
      g_assert_cmpuint (members->len, ==, 0);
    }
}

static V21Record *
add_person (V21Workshop *workshop,
            const char  *name,
            const char  *organisation,
            const char  *category,
            V21Record   *table,
            gboolean     locked)
{
  json_object *fields = json_object_new_object ();
  g_autoptr(GError) error = NULL;
  V21Record *person;

  json_object_object_add (fields, "name", json_object_new_string (name));
  json_object_object_add (fields, "organisation", json_object_new_string (organisation));
  json_object_object_add (fields, "category", json_object_new_string (category));
  json_object_object_add (fields, "role", json_object_new_string ("participant"));
  json_object_object_add (fields, "table", table ? json_object_new_string (v21_record_get_id (table)) : NULL);
  json_object_object_add (fields, "locked", json_object_new_boolean (locked));
  person = v21_workshop_insert (workshop, "people", -1, fields, &error);
  g_assert_no_error (error);
  return person;
}

static void
test_organisations (void)
{
  g_autoptr(V21Workshop) workshop = v21_workshop_new ();
  static const char * const names[] = { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L" };
  g_autoptr(GError) error = NULL;

  /* Three of the town hall, three of one association (written differently),
   * all of them in the same category: organisations come first. */
  for (guint i = 0; i < 12; i++)
    {
      const char *organisation = i < 3 ? "Mairie de Vernay" : i < 5 ? "Asso Bocage — bénévole" : i == 5 ? "ASSO BOCAGE" : names[i];

      add_person (workshop, names[i], organisation, i < 6 ? "elus" : "habitants", NULL, FALSE);
    }
  g_assert_true (v21_table_assign (workshop, 3, &error));
  g_assert_no_error (error);
  for (guint t = 0; t < 3; t++)
    {
      g_assert_cmpuint (count_at (workshop, table_at (workshop, t), "organisation", "mairiedevernay"), ==, 1);
      g_assert_cmpuint (count_at (workshop, table_at (workshop, t), "organisation", "assobocage"), ==, 1);
      g_assert_cmpuint (count_at (workshop, table_at (workshop, t), "category", "elus"), ==, 2);
    }
  assert_balanced (workshop, 3);
}

static void
test_unavoidable (void)
{
  g_autoptr(V21Workshop) workshop = v21_workshop_new ();
  g_autoptr(GError) error = NULL;

  /* Five of one organisation at two tables: three and two, no worse. */
  for (guint i = 0; i < 5; i++)
    add_person (workshop, "Agent", "Services techniques", "services", NULL, FALSE);
  add_person (workshop, "Élue", "Conseil", "elus", NULL, FALSE);
  g_assert_true (v21_table_assign (workshop, 2, &error));
  g_assert_no_error (error);
  assert_spread (workshop, 2, "organisation", "servicestechniques");
  assert_balanced (workshop, 2);
}

static void
test_locked (void)
{
  g_autoptr(V21Workshop) workshop = v21_workshop_new ();
  g_autoptr(GError) error = NULL;
  V21Record *first = v21_table_add (workshop, NULL, &error);
  V21Record *locked[3];
  g_autoptr(GPtrArray) at_first = NULL;

  g_assert_cmpstr (v21_record_get_string (first, "name"), ==, "Table 1");
  for (guint i = 0; i < 3; i++)
    locked[i] = add_person (workshop, "Locked", "Mairie", "elus", first, TRUE);
  for (guint i = 0; i < 3; i++)
    add_person (workshop, "Free", "Mairie", "elus", first, FALSE);

  /* Three locked at the first table: the free ones all go to the second. */
  g_assert_true (v21_table_assign (workshop, 2, &error));
  at_first = v21_table_members (workshop, first);
  g_assert_cmpuint (at_first->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (g_ptr_array_index (at_first, i) == locked[i]);
  assert_balanced (workshop, 2);
}

static void
test_deterministic_and_undo (void)
{
  g_autoptr(V21Workshop) one = test_load_demo ();
  g_autoptr(V21Workshop) two = test_load_demo ();
  g_autofree char *before = v21_workshop_to_data (one, NULL);
  g_autofree char *data_one = NULL;
  g_autofree char *data_two = NULL;
  g_autofree char *undone = NULL;

  g_assert_true (v21_table_assign (one, 6, NULL));
  g_assert_true (v21_table_assign (two, 6, NULL));
  data_one = v21_workshop_to_data (one, NULL);
  data_two = v21_workshop_to_data (two, NULL);
  g_assert_cmpstr (data_one, ==, data_two);
  g_assert_cmpstr (data_one, !=, before);

  /* Assigning again keeps the tables as they are. */
  g_assert_true (v21_table_assign (two, 6, NULL));
  g_free (data_two);
  data_two = v21_workshop_to_data (two, NULL);
  g_assert_cmpstr (data_one, ==, data_two);

  g_assert_cmpstr (v21_workshop_get_undo_label (one), ==, "Assign tables");
  g_assert_true (v21_workshop_undo (one));
  undone = v21_workshop_to_data (one, NULL);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_refused (void)
{
  g_autoptr(V21Workshop) workshop = test_load_demo ();
  g_autofree char *before = v21_workshop_to_data (workshop, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (v21_table_assign (workshop, 0, &error));
  g_assert_error (error, V21_ERROR, V21_ERROR_VALUE);
  test_assert_unchanged (workshop, before);
}

static void
test_organisation_key (void)
{
  static const struct { const char *in, *key; } cases[] = {
    { "Mairie de Vernay — service urbanisme", "mairiedevernay" },
    { "MAIRIE DE VERNAY", "mairiedevernay" },
    { "Épicerie solidaire La Passerelle", "epiceriesolidairelapasserelle" },
    { "Habitant de Vernay, retraité", "habitantdevernay" },
    { "CAUE (architecte)", "caue" },
    { "", "" },
    { NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = v21_table_organisation_key (cases[i].in);
      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/tables/demo-six", test_demo_six);
  g_test_add_func ("/core/tables/more-tables", test_more_tables);
  g_test_add_func ("/core/tables/declined", test_declined);
  g_test_add_func ("/core/tables/fewer-tables", test_fewer_tables);
  g_test_add_func ("/core/tables/organisations", test_organisations);
  g_test_add_func ("/core/tables/unavoidable", test_unavoidable);
  g_test_add_func ("/core/tables/locked", test_locked);
  g_test_add_func ("/core/tables/deterministic-and-undo", test_deterministic_and_undo);
  g_test_add_func ("/core/tables/refused", test_refused);
  g_test_add_func ("/core/tables/organisation-key", test_organisation_key);

  return g_test_run ();
}
