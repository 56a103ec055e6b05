/* test-letter.c — the invitation letter's template, the authority, the
 * addresses for BCC and the mailto: links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <glib.h>

#include "test-util.h"
#include "v21-invitations.h"
#include "v21-letter.h"

static V21Workshop *
load_letter (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "letter.visions21", NULL);

  return test_load_file (path);
}

/* Every field filled for the person; an unknown one left as typed. */
static void
test_fill (void)
{
  g_autoptr(V21Workshop) w = test_load_minimal ();
  g_autofree char *text = v21_letter_fill (w, test_get (w, "p3"),
                                           "{name} ({organisation}) — {title}, {dates}, {venue}, {horizon}; "
                                           "{reply_by}; {colour}",
                                           "2027-02-25");

  g_assert_cmpstr (text, ==, "Inès Petit (Bureau d'études) — Atelier prospectif minimal, 18 and 19 March 2027, "
                             "Salle des fêtes, 2056; Thursday 25 February 2027; {colour}");
}

/* The default letter has the dates and times of each day and the reply-by
 * date; with no political goal, no empty paragraph. */
static void
test_default_template (void)
{
  g_autoptr(V21Workshop) w = test_load_minimal ();
  g_autofree char *template_text = v21_letter_get_template (w);
  g_autofree char *text = NULL;
  g_auto(GStrv) paragraphs = NULL;

  g_assert_true (v21_workshop_set (w, v21_workshop_get_root (w), "political_goal", json_object_new_string (""), NULL));
  text = v21_letter_fill (w, test_get (w, "p2"), template_text, "2027-02-25");
  g_assert_nonnull (strstr (text, "Thursday 18 March 2027, from 09:00 to 17:30\nFriday 19 March 2027, from 09:00 to 16:00"));
  g_assert_nonnull (strstr (text, "Please reply by Thursday 25 February 2027."));
  paragraphs = v21_letter_paragraphs (text);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    g_assert_cmpstr (paragraphs[i], !=, "");
  g_assert_cmpstr (paragraphs[0], ==, "Dear Madam or Sir,");
}

/* The template, the date and the authority read back from the file, are set
 * in one step each and come back with undo; unknown keys stay. */
static void
test_stored (void)
{
  g_autoptr(V21Workshop) w = load_letter ();
  g_autofree char *before = v21_workshop_to_data (w, NULL);
  g_autofree char *template_text = v21_letter_get_template (w);
  g_autofree char *saved = NULL;
  V21Authority authority;
  V21Authority edited = { "Mairie de Val-Test", "2 rue Haute", "Paul Roy", "Le Maire" };
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (template_text, ==, "Madame, Monsieur {name},\n\nVenez le {dates} à {venue}.\n\n"
                                      "Réponse avant le {reply_by}.");
  g_assert_cmpstr (v21_letter_get_reply_by (w), ==, "2027-02-25");
  v21_authority_get (w, &authority);
  g_assert_cmpstr (authority.name, ==, "Communauté de communes du Val Test");
  g_assert_cmpstr (authority.address, ==, "1 place de la Mairie\n79000 Val-Test");
  g_assert_cmpstr (authority.signatory, ==, "Jeanne Martin");
  g_assert_cmpstr (authority.signatory_title, ==, "La Présidente");

  g_assert_true (v21_letter_set (w, "Bonjour {name}", "2027-03-01", &error));
  g_assert_no_error (error);
  g_assert_true (v21_authority_set (w, &edited, &error));
  g_assert_no_error (error);
  saved = v21_workshop_to_data (w, NULL);
  g_assert_nonnull (strstr (saved, "\"seal\": \"kept\""));
  g_clear_pointer (&template_text, g_free);
  template_text = v21_letter_get_template (w);
  g_assert_cmpstr (template_text, ==, "Bonjour {name}");
  v21_authority_get (w, &authority);
  g_assert_cmpstr (authority.signatory_title, ==, "Le Maire");
  /* A date that does not exist is refused and changes nothing. */
  g_assert_false (v21_letter_set (w, "Bonjour", "2027-02-30", &error));
  g_assert_nonnull (error);
  g_assert_true (v21_workshop_undo (w));
  g_assert_true (v21_workshop_undo (w));
  test_assert_unchanged (w, before);
}

/* Without an authority block, the territory invites. */
static void
test_authority_default (void)
{
  g_autoptr(V21Workshop) w = test_load_minimal ();
  V21Authority authority;

  v21_authority_get (w, &authority);
  g_assert_cmpstr (authority.name, ==, "Communauté de communes du Val Test");
  g_assert_null (authority.address);
  g_assert_null (authority.signatory);
}

/* Who gets a letter and has an e-mail, for BCC; who has none is counted. */
static void
test_bcc_and_mailto (void)
{
  g_autoptr(V21Workshop) w = test_load_minimal ();
  g_autofree char *bcc = NULL;
  g_autofree char *mailto = NULL;
  guint without = 0;

  g_assert_true (v21_workshop_set (w, test_get (w, "p2"), "email", json_object_new_string ("louis@example.org"), NULL));
  g_assert_true (v21_workshop_set (w, test_get (w, "p2"), "name", json_object_new_string ("Bernard, \"Louis\""), NULL));
  g_assert_true (v21_workshop_set (w, test_get (w, "p4"), "email", json_object_new_string ("marc@example.org"), NULL));
  g_assert_true (v21_invitation_set (w, test_get (w, "p4"), V21_INVITATION_DECLINED, NULL, NULL));
  bcc = v21_letter_bcc (w, &without);
  g_assert_cmpstr (bcc, ==, "\"Camille Martin\" <camille@example.org>, \"Bernard,  Louis \" <louis@example.org>");
  g_assert_cmpuint (without, ==, 1);

  mailto = v21_letter_mailto (w, test_get (w, "p1"));
  g_assert_cmpstr (mailto, ==, "mailto:camille@example.org?subject=Invitation%3A%20Atelier%20prospectif%20minimal");
  g_assert_null (v21_letter_mailto (w, test_get (w, "p3")));
}

/* Past the reply-by date, who was invited or did not reply is counted. */
static void
test_late_replies (void)
{
  g_autoptr(V21Workshop) w = test_load_minimal ();

  g_assert_true (v21_invitation_set (w, test_get (w, "p1"), V21_INVITATION_INVITED, "2027-02-01", NULL));
  g_assert_true (v21_invitation_set (w, test_get (w, "p2"), V21_INVITATION_NO_REPLY, NULL, NULL));
  g_assert_true (v21_invitation_set (w, test_get (w, "p3"), V21_INVITATION_CONFIRMED, NULL, NULL));
  /* Three weeks before 18 March 2027, by default. */
  g_assert_cmpuint (v21_letter_count_late_replies (w, "2027-02-25"), ==, 0);
  g_assert_cmpuint (v21_letter_count_late_replies (w, "2027-02-26"), ==, 2);
  g_assert_true (v21_letter_set (w, NULL, "2027-03-05", NULL));
  g_assert_cmpuint (v21_letter_count_late_replies (w, "2027-02-26"), ==, 0);
  g_assert_cmpuint (v21_letter_count_late_replies (w, "2027-03-06"), ==, 2);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/letter/fill", test_fill);
  g_test_add_func ("/letter/default-template", test_default_template);
  g_test_add_func ("/letter/stored", test_stored);
  g_test_add_func ("/letter/authority-default", test_authority_default);
  g_test_add_func ("/letter/bcc-and-mailto", test_bcc_and_mailto);
  g_test_add_func ("/letter/late-replies", test_late_replies);
  return g_test_run ();
}
