/* test-name-matcher — the names, e-mails and phone numbers found in a text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <locale.h>
#include <glib.h>

#include "v21-name-matcher.h"

/* The people of these tests, with short labels that read well in an assertion. */
static const struct { const char *name; const char *label; } people[] = {
  { "Jacques Marchais", "[JM]" },
  { "Jean-Pierre Le Goff", "[JPLG]" },
  { "Aminata N'Diaye", "[AN]" },
  { "Rui D’Almeida", "[RD]" },
  { "Jean de La Fontaine", "[JLF]" },
  { "Nicolas Dupont-Aignan", "[NDA]" },
  { "Seán O’Connor", "[SOC]" },
  { "Claire Fontanel", "[CF]" },
  { "Thi Lê", "[TL]" },
  { "Inès Petit", "[IP]" },
  { "Marc Blanc", "[MB]" },
  { "Anne-Sophie Vert", "[ASV]" },
  { "Élodie Marchand", "[EM]" },
  { "Paul Large", "[PL]" },
  { "BOUCHARD Hélène", "[HB]" },
  { "Œdipe Cœurdevey", "[OC]" },
  { "Ana Martins da Silva", "[AMS]" },
  { "Yann Ba", "[YB]" },
};

static V21NameMatcher *
matcher_of_people (void)
{
  V21NameMatcher *matcher = v21_name_matcher_new ();

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    g_assert_cmpuint (v21_name_matcher_add (matcher, people[i].name, people[i].label), ==, i);
  return matcher;
}

static void
assert_replaced (V21NameMatcher *matcher,
                 const char     *text,
                 const char     *expected)
{
  g_autofree char *result = v21_name_matcher_replace (matcher, text);

  if (g_strcmp0 (result, expected) != 0)
    g_error ("“%s” gave “%s”, expected “%s”", text, result, expected);
}

static void
test_forms (void)
{
  g_autoptr(V21NameMatcher) m = matcher_of_people ();

  /* Initials and titles. */
  assert_replaced (m, "Proposé par J. Marchais (élu).", "Proposé par [JM] (élu).");
  assert_replaced (m, "J.-P. Le Goff, JP Le Goff, J-P Le Goff", "[JPLG], [JPLG], [JPLG]");
  assert_replaced (m, "selon M. Goff et Mme NDIAYE", "selon [JPLG] et [AN]");
  assert_replaced (m, "M. Almeida, Me D'Almeida, Dr Lê, Pr. Blanc", "[RD], [RD], [TL], [MB]");
  assert_replaced (m, "Mme de La Fontaine et madame Fontaine", "[JLF] et [JLF]");
  assert_replaced (m, "Mlle Vert, Maître Petit, Monsieur Large", "[ASV], [IP], [PL]");
  assert_replaced (m, "A.-S. Vert et A.S. Vert", "[ASV] et [ASV]");
  /* Whole names, either order, any case, accents, apostrophes, ligatures. */
  assert_replaced (m, "Jean-Pierre Le Goff et LE GOFF Jean-Pierre", "[JPLG] et [JPLG]");
  assert_replaced (m, "jean-pierre le goff, jean pierre le goff", "[JPLG], [JPLG]");
  assert_replaced (m, "Aminata N’Diaye, Aminata NDiaye, aminata ndiaye", "[AN], [AN], [AN]");
  assert_replaced (m, "rui d'almeida, Rui Dalmeida, RUI D’ALMEIDA", "[RD], [RD], [RD]");
  assert_replaced (m, "Sean O'Connor, SEAN OCONNOR", "[SOC], [SOC]");
  assert_replaced (m, "CLAIRE FONTANEL, Claire Fontanél, Fontanel Claire", "[CF], [CF], [CF]");
  assert_replaced (m, "Hélène Bouchard, BOUCHARD Hélène", "[HB], [HB]");
  assert_replaced (m, "Oedipe Coeurdevey et Œdipe CŒURDEVEY", "[OC] et [OC]");
  assert_replaced (m, "Ana Martins da Silva, Ana Martins", "[AMS], [AMS]");
  /* Surnames alone, with some particles or none, glued, parts of a compound. */
  assert_replaced (m, "avec La Fontaine et de La Fontaine", "avec [JLF] et [JLF]");
  assert_replaced (m, "Le Goff l’a dit. Ensuite Goff, puis OConnor et Oconnor.", "[JPLG] l’a dit. Ensuite [JPLG], puis [SOC] et [SOC].");
  assert_replaced (m, "Dupont et Aignan, Dupont-Aignan", "[NDA] et [NDA], [NDA]");
  assert_replaced (m, "selon Ndiaye, NDIAYE et Diaye", "selon [AN], [AN] et [AN]");
  assert_replaced (m, "Fontanel a proposé, Marchais aussi", "[CF] a proposé, [JM] aussi");
  assert_replaced (m, "avec Silva et Da Silva", "avec [AMS] et [AMS]");
  /* A first name alone, written as a name. */
  assert_replaced (m, "participant-Claire, puis Aminata", "participant-[CF], puis [AN]");
  assert_replaced (m, "Anne-Sophie a noté", "[ASV] a noté");
  /* Short and common names, only where written as names. */
  assert_replaced (m, "l’avis de Petit, de Blanc, de Vert et de Lê", "l’avis de [IP], de [MB], de [ASV] et de [TL]");
  assert_replaced (m, "un vote pour Ba.", "un vote pour [YB].");
}

/* What must come out as it went in. */
static const char * const ordinary[] = {
  "Le bocage reste vert.",
  "Petit à petit, le bourg se transforme.",
  "une large majorité",
  "Le Petit Prince et le Grand Large",
  "Blanc cassé pour les façades. Vert d’eau pour les volets.",
  "Large consensus : Le marché reste le samedi.",
  "La fontaine du bourg, la Fontaine Saint-Michel",
  "Claire et nette, la proposition passe. Pierre de taille.",
  "Martinique, Martinez, Goffin, Diayer, Dupontel, Marchaisière",
  "Sainte-Claire et Jean-Claire ; LE BOCAGE EN 2056",
  "Le Monde, Le Lê, le ba-ba",
  "Marchand de sable, Vert-le-Petit.",
  "Il me dit que m. et mme sont partis.",
  "En 2056, 38 personnes ; le 18/03/2027 à 9 h 30 ; 1 234 567 € ; 01.02.2027",
  "Réunion @ la salle des fêtes",
  "",
};

static void
test_ordinary (void)
{
  g_autoptr(V21NameMatcher) m = matcher_of_people ();

  for (guint i = 0; i < G_N_ELEMENTS (ordinary); i++)
    assert_replaced (m, ordinary[i], ordinary[i]);
}

static void
test_contacts (void)
{
  g_autoptr(V21NameMatcher) m = matcher_of_people ();

  assert_replaced (m, "écrire à camille.martin@example.org.", "écrire à [e-mail removed].");
  assert_replaced (m, "rui.dalmeida (at) coop.example ou m.blanc @ lycee.example",
                   "[e-mail removed] ou [e-mail removed]");
  assert_replaced (m, "x.y [at] mairie [dot] fr, jo arobase asso.example, a ( @ ) b . fr",
                   "[e-mail removed], [e-mail removed], [e-mail removed]");
  assert_replaced (m, "JEAN.DUPONT@MAIRIE.FR", "[e-mail removed]");
  assert_replaced (m, "06 12 34 56 78, 06.12.34.56.78, 06-12-34-56-78, 0612345678",
                   "[phone number removed], [phone number removed], [phone number removed], [phone number removed]");
  assert_replaced (m, "+33 (0)6 12 34 56 78, +33 6 12 34 56 78, 0033 6 12 34 56 78, +32 2 123 45 67",
                   "[phone number removed], [phone number removed], [phone number removed], [phone number removed]");
  assert_replaced (m, "tél. 05 49 12 34 56 (mairie)", "tél. [phone number removed] (mairie)");
  g_assert_cmpuint (v21_name_matcher_get_n_emails (m), ==, 7);
  g_assert_cmpuint (v21_name_matcher_get_n_phones (m), ==, 9);
}

static void
test_protected (void)
{
  g_autoptr(V21NameMatcher) m = v21_name_matcher_new ();

  v21_name_matcher_add (m, "Thi Lê", "[TL]");
  v21_name_matcher_add (m, "Jean-Pierre Le Goff", NULL);
  v21_name_matcher_add (m, "Pierre Martin", "[PM]");
  /* Who may be named keeps their name, and their words are not someone else's. */
  assert_replaced (m, "Jean-Pierre Le Goff a dit à Lê", "Jean-Pierre Le Goff a dit à [TL]");
  assert_replaced (m, "selon Le Goff et M. Le Goff", "selon Le Goff et M. Le Goff");
  assert_replaced (m, "Jean-Pierre, Pierre et Martin", "Jean-Pierre, [PM] et [PM]");
  g_assert_cmpuint (v21_name_matcher_get_count (m, 0), ==, 1);
  g_assert_cmpuint (v21_name_matcher_get_count (m, 1), ==, 0);
  g_assert_cmpuint (v21_name_matcher_get_count (m, 2), ==, 2);
}

static void
test_shared (void)
{
  g_autoptr(V21NameMatcher) m = v21_name_matcher_new ();

  v21_name_matcher_add (m, "Marie Durand", "[MD]");
  v21_name_matcher_add (m, "Paul Durand", "[PD]");
  v21_name_matcher_set_shared_label (m, "[?]");
  assert_replaced (m, "M. Durand et Marie Durand", "[?] et [MD]");
  g_assert_cmpuint (v21_name_matcher_get_n_shared (m), ==, 1);
}

static void
test_learn (void)
{
  g_autoptr(V21NameMatcher) m = v21_name_matcher_new ();

  v21_name_matcher_add (m, "Lucie Bocage", "[LB]");
  /* Distinctive unless the texts write it as a word. */
  assert_replaced (m, "Bocage a proposé.", "[LB] a proposé.");
  v21_name_matcher_learn (m, "Le bocage reste vert, mais lucie bocage n’est pas un mot.");
  assert_replaced (m, "Bocage et haies. Voir Bocage.", "Bocage et haies. Voir [LB].");
}

/* Each case a corpus of hard names (tests/data/privacy) found wrong once. */
static void
test_fixed (void)
{
  g_autoptr(V21NameMatcher) m = v21_name_matcher_new ();
  g_autoptr(V21NameMatcher) contacts = v21_name_matcher_new ();

  v21_name_matcher_add (m, "Louise d'Estienne d'Orves", "[LEO]");
  v21_name_matcher_add (m, "Ana Martins da Silva", "[AMS]");
  v21_name_matcher_add (m, "Seán O’Connor", "[SOC]");
  v21_name_matcher_add (m, "Aminata N'Diaye", "[AN]");
  v21_name_matcher_add (m, "Pierre-Yves Guillou", "[PYG]");
  v21_name_matcher_add (m, "Maëlle Goff", "[MG]");
  v21_name_matcher_add (m, "Jean-Pierre Le Goff", NULL);
  /* Particles glued by an apostrophe are the surname's, not a first name. */
  assert_replaced (m, "D'ESTIENNE D'ORVES Louise, Mme d’Estienne d’Orves, Estienne d’Orves et d'Orves.",
                   "[LEO], [LEO], [LEO] et [LEO].");
  /* The word before a particle may be the surname's too. */
  assert_replaced (m, "A. Martins Da Silva, Mme Martins da Silva; Martins a corrigé.",
                   "[AMS], [AMS]; [AMS] a corrigé.");
  /* An elided "d’" or "l’" before a name is not a compound. */
  assert_replaced (m, "Ligne de car d’OConnor, l’avis d'Aminata", "Ligne de car d’[SOC], l’avis d'[AN]");
  /* An initial then a surname that starts with a capital letter alone. */
  assert_replaced (m, "A. N'Diaye, A. N’Diaye et A.-S. N’Diaye", "[AN], [AN] et A.-S. [AN]");
  /* A hyphenated compound at a sentence's start is a name, not an ordinary word. */
  v21_name_matcher_add (m, "Mathieu Dupont-Aignan", "[MDA]");
  assert_replaced (m, "Dupont-Aignan a présenté le plan. Dupont aussi.", "[MDA] a présenté le plan. [MDA] aussi.");
  /* The consented name keeps its words; the other Goff does not. */
  assert_replaced (m, "Jean-Pierre Le Goff et Maëlle Goff. M. Le Goff et Mme Goff.",
                   "Jean-Pierre Le Goff et [MG]. M. Le Goff et [MG].");
  /* An e-mail written in lower case does not make its words ordinary ones. */
  v21_name_matcher_learn (m, "Écrire à py.guillou@cc.example ou x.guillou [at] cc [dot] example.");
  assert_replaced (m, "Le compte rendu est fait. GUILLOU a envoyé le fichier.",
                   "Le compte rendu est fait. [PYG] a envoyé le fichier.");
  /* Organisations: a place's name is not a person's. */
  v21_name_matcher_add (m, "Anne-Sophie Vert", "[ASV]");
  g_assert_false (v21_name_matcher_mentions (m, "Mairie de Vert-le-Petit"));
  g_assert_true (v21_name_matcher_mentions (m, "Ferme Vert"));
  g_assert_true (v21_name_matcher_mentions (m, "GAEC Guillou-Vert"));

  /* Never inside another name: after someone else's particles, or
   * hyphenated to more of a compound. */
  v21_name_matcher_add (m, "Pieter van der Berg", "[PVB]");
  v21_name_matcher_add (m, "Thi Lê", "[TL]");
  v21_name_matcher_add (m, "Hélène de La Fontaine", "[HLF]");
  assert_replaced (m, "La ferme Van den Berg, M. de Berg, selon Berg et M. Van der Berg.",
                   "La ferme Van den Berg, M. de [PVB], selon [PVB] et [PVB].");
  assert_replaced (m, "Mme Lê-Nguyen et Mme Lê. Le Parc de la Fontaine, l’avis de La Fontaine.",
                   "Mme Lê-Nguyen et [TL]. Le Parc de la Fontaine, l’avis [HLF].");

  /* A capitalised particle before a word makes another surname of it. */
  v21_name_matcher_add (m, "Marc Blanc", "[MB]");
  assert_replaced (m, "Le Blanc a dit. Les Blanc aussi, M. Blanc et Marc Blanc.",
                   "Le Blanc a dit. Les [MB] aussi, [MB] et [MB].");
  /* A compound ending with a particle begins the surname: "Dubois-Le Gall". */
  v21_name_matcher_add (m, "Anne Dubois-Le Gall", "[ADG]");
  assert_replaced (m, "Mme Le Gall, Le Gall et Dubois", "[ADG], [ADG] et [ADG]");

  /* An ordinary word capitalised after particles at a sentence's start is a name. */
  assert_replaced (m, "La Fontaine a dit. La fontaine coule. La Fontaine Saint-Michel.",
                   "[HLF] a dit. La fontaine coule. La Fontaine Saint-Michel.");

  /* A name cut at its spaces, not inside "à" (whose UTF-8 ends with the
   * no-break space's second byte; the fuzzer found it). */
  v21_name_matcher_add (m, "Joan Pujolà", "[JP]");
  assert_replaced (m, "Joan Pujolà et M. Pujolà", "[JP] et [JP]");

  /* An e-mail ends where its sentence does: the next one is left alone. */
  assert_replaced (contacts, "Écrire à rui.dalmeida (at) coop.example. Le bocage reste vert.",
                   "Écrire à [e-mail removed]. Le bocage reste vert.");
  assert_replaced (contacts, "Adresse : a . ndiaye @ bocage-vivant . example. Une large majorité.",
                   "Adresse : [e-mail removed]. Une large majorité.");
  assert_replaced (contacts, "Adresse : e . marchand @ ferme . example, merci.", "Adresse : [e-mail removed], merci.");
  assert_replaced (contacts, "Tél. 06 12 34 56 78. Le Petit Prince est lu.", "Tél. [phone number removed]. Le Petit Prince est lu.");
}

static void
test_spans (void)
{
  g_autoptr(V21NameMatcher) m = matcher_of_people ();
  const char *text = "Dr Lê : 06 12 34 56 78";
  g_autoptr(GArray) spans = v21_name_matcher_find (m, text);

  g_assert_cmpuint (spans->len, ==, 2);
  g_assert_cmpuint (g_array_index (spans, V21NameSpan, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (spans, V21NameSpan, 0).end, ==, strlen ("Dr Lê"));
  g_assert_cmpint (g_array_index (spans, V21NameSpan, 0).person, ==, 8);
  g_assert_cmpint (g_array_index (spans, V21NameSpan, 1).kind, ==, V21_SPAN_PHONE);
  g_assert_cmpuint (g_array_index (spans, V21NameSpan, 1).end, ==, strlen (text));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/name-matcher/forms", test_forms);
  g_test_add_func ("/core/name-matcher/ordinary", test_ordinary);
  g_test_add_func ("/core/name-matcher/contacts", test_contacts);
  g_test_add_func ("/core/name-matcher/protected", test_protected);
  g_test_add_func ("/core/name-matcher/shared", test_shared);
  g_test_add_func ("/core/name-matcher/learn", test_learn);
  g_test_add_func ("/core/name-matcher/spans", test_spans);
  g_test_add_func ("/core/name-matcher/fixed", test_fixed);
  return g_test_run ();
}
