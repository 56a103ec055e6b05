/* test-anonymize-summary — what an anonymisation says it replaced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <glib.h>

#include "v21-anonymize.h"
#include "v21-consent-text.h"

/* The minimal workshop (Camille Martin consented, Louis Bernard did not),
 * with Louis Bernard named twice, an e-mail and a phone number in its cards. */
static V21Workshop *
load_workshop (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "minimal.visions21", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  V21Workshop *workshop = v21_workshop_load_file (file, NULL, &error);
  static const struct { const char *id, *field, *text; } texts[] = {
    { "c1", "text", "Louis Bernard propose un marché" },
    { "c2", "details", "Rappeler L. Bernard au 06 12 34 56 78 ou louis.b (at) example.org" },
    { "c3", "text", "Idée de Camille Martin" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      v21_workshop_set (workshop, v21_workshop_lookup (workshop, texts[i].id), texts[i].field,
                        json_object_new_string (texts[i].text), &error);
      g_assert_no_error (error);
    }
  return workshop;
}

static void
assert_person (V21AnonymizeSummary *summary,
               guint                index,
               const char          *name,
               const char          *label,
               guint                count)
{
  V21ReplacedPerson *person;

  g_assert_cmpuint (index, <, summary->people->len);
  person = g_ptr_array_index (summary->people, index);
  g_assert_cmpstr (person->name, ==, name);
  g_assert_cmpstr (person->label, ==, label);
  g_assert_cmpuint (person->count, ==, count);
}

/* A report that names people: only the one who did not consent is replaced. */
static void
test_unconsented (void)
{
  g_autoptr(V21Workshop) workshop = load_workshop ();
  g_autoptr(V21AnonymizeSummary) summary = v21_anonymize_summary_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) copy = v21_anonymize_with_summary (workshop, FALSE, summary, &error);

  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpuint (summary->people->len, ==, 1);
  assert_person (summary, 0, "Louis Bernard", "Participant 2", 2);
  /* The one in a card; not Camille Martin's own address. */
  g_assert_cmpuint (summary->n_emails, ==, 1);
  g_assert_cmpuint (summary->n_phones, ==, 1);
  g_assert_cmpuint (summary->n_shared, ==, 0);
  g_assert_cmpuint (v21_anonymize_summary_total (summary), ==, 2);
}

/* The anonymised workshop: everyone. */
static void
test_everyone (void)
{
  g_autoptr(V21Workshop) workshop = load_workshop ();
  g_autoptr(V21AnonymizeSummary) summary = v21_anonymize_summary_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) copy = v21_anonymize_with_summary (workshop, TRUE, summary, &error);

  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpuint (summary->people->len, ==, 4);
  assert_person (summary, 0, "Camille Martin", "Participant 1", 1);
  assert_person (summary, 1, "Louis Bernard", "Participant 2", 2);
  assert_person (summary, 2, "Inès Petit", "Participant 3", 0);
  assert_person (summary, 3, "Marc Durand", "Participant 4", 0);
  g_assert_cmpuint (summary->n_emails, ==, 1);
  g_assert_cmpuint (summary->n_phones, ==, 1);
  g_assert_cmpuint (v21_anonymize_summary_total (summary), ==, 3);
}

/* Everyone consented: nothing to replace, nothing listed. */
static void
test_all_consented (void)
{
  g_autoptr(V21Workshop) workshop = load_workshop ();
  g_autoptr(V21AnonymizeSummary) summary = v21_anonymize_summary_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) copy = NULL;

  v21_workshop_set (workshop, v21_workshop_lookup (workshop, "p2"), "consent", json_object_new_boolean (TRUE), &error);
  g_assert_no_error (error);
  copy = v21_anonymize_with_summary (workshop, FALSE, summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->people->len, ==, 0);
  g_assert_cmpuint (summary->n_emails, ==, 0);
  g_assert_cmpuint (summary->n_phones, ==, 0);
}

/* What the projector draws of a text: the name nobody may read, never. */
static void
test_consent_text (void)
{
  g_autoptr(V21Workshop) workshop = load_workshop ();
  g_autoptr(V21ConsentText) consent = v21_consent_text_new (workshop);
  static const struct { const char *text, *shown; } cases[] = {
    { "Louis Bernard propose un marché", "Participant 2 propose un marché" },
    { "Avec M. BERNARD et Camille Martin", "Avec Participant 2 et Camille Martin" },
    { "Le bocage reste vert.", "Le bocage reste vert." },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = v21_consent_text_apply (consent, cases[i].text);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/anonymize-summary/unconsented", test_unconsented);
  g_test_add_func ("/core/anonymize-summary/everyone", test_everyone);
  g_test_add_func ("/core/anonymize-summary/all-consented", test_all_consented);
  g_test_add_func ("/core/consent-text/apply", test_consent_text);
  return g_test_run ();
}
