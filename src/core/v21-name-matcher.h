/* v21-name-matcher.h — where people's names, e-mails and phone numbers are in a text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  V21_SPAN_NAME,
  V21_SPAN_EMAIL,
  V21_SPAN_PHONE,
} V21SpanKind;

/* A piece of a text to replace: bytes [start, end) of the text as given. */
typedef struct
{
  gsize       start;
  gsize       end;
  V21SpanKind kind;
  int         person;   /* the index from v21_name_matcher_add(); -1 for an
                         * e-mail, a phone number or a name two people share */
} V21NameSpan;

typedef struct _V21NameMatcher V21NameMatcher;

/* A matcher knows people and finds where a text names them, in the forms
 * French names take (see docs/privacy.md for every form, with examples):
 *   - the whole name in either order, in any case, with or without accents,
 *     ligatures, apostrophes (' or ’), hyphens or spaces: "Jean-Pierre Le
 *     Goff", "LE GOFF Jean-Pierre", "jean-pierre le goff";
 *   - initials or a title before a surname: "J.-P. Le Goff", "JP Le Goff",
 *     "M. Goff", "Mme NDIAYE", "Me D’Almeida", "Dr Lê";
 *   - a surname with its particles, some of them or none ("de La Fontaine",
 *     "La Fontaine", "Fontaine"), glued ("OConnor", "Dalmeida"), a part of a
 *     compound ("Dupont", "Aignan" for Dupont-Aignan), a first name alone:
 *     these single words only when written as a name — a capital letter,
 *     not next to another capitalised word ("le Petit Prince"), not glued by
 *     a hyphen or an apostrophe to one ("Sainte-Marie"), not after another
 *     name's particles ("Van den Berg"), and at the start of
 *     a sentence only when the word is not short (4 letters or more), not a
 *     common word (a built-in list and every word the texts given to
 *     v21_name_matcher_learn() write in lower case);
 *   - e-mail addresses, disguised too ("m.blanc @ lycee.example",
 *     "rui.dalmeida (at) coop.example", "[at]", "arobase", "[dot]"), and
 *     phone numbers ("06 12 34 56 78", "06.12.34.56.78", "+33 (0)6 12 34 56
 *     78", "0033 6…", "+32 2 123 45 67").
 * Always on whole words: "Martinique" never holds "Martin". */
V21NameMatcher *v21_name_matcher_new    (void);
void            v21_name_matcher_free   (V21NameMatcher *matcher);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (V21NameMatcher, v21_name_matcher_free)

/* Adds a person named @name ("Jean-Pierre Le Goff", "DUPONT Marie") to be
 * replaced by @label, or, with @label NULL, a person who may be named: the
 * names of such a person (their multi-word forms) are left as they are and
 * protect their words from the others ("Le" of "Le Goff" from "Thi Lê").
 * Returns: the person's index, for V21NameSpan.person and the counts. */
guint           v21_name_matcher_add    (V21NameMatcher *matcher,
                                         const char     *name,
                                         const char     *label);
/* The label of a name two people share (default "a participant"). */
void            v21_name_matcher_set_shared_label (V21NameMatcher *matcher,
                                                   const char     *label);

/* Every word @text writes in lower case becomes a common word: a name that
 * is one is not taken at the start of a sentence. */
void            v21_name_matcher_learn  (V21NameMatcher *matcher,
                                         const char     *text);

/* The spans of @text (valid UTF-8) to replace, in order, never overlapping.
 * Returns: (transfer full): an array of V21NameSpan. */
GArray         *v21_name_matcher_find   (V21NameMatcher *matcher,
                                         const char     *text);

/* @text with every span replaced: a name by its person's label, an e-mail by
 * "[e-mail removed]", a phone number by "[phone number removed]". Counts
 * what it replaced. */
char           *v21_name_matcher_replace (V21NameMatcher *matcher,
                                          const char     *text);

/* Whether any word or words of @text are a name form of a person who has a
 * label, whatever the case and the place: "GAEC Dupont", "Ferme Le Goff",
 * "p-claire-fontanel". For organisations and ids, where a name is never an
 * ordinary word; a single word hyphenated to a particle is a place's name
 * ("Mairie de Vert-le-Petit"), not a mention. */
gboolean        v21_name_matcher_mentions (V21NameMatcher *matcher,
                                           const char     *text);

/* How many times v21_name_matcher_replace() replaced a name of @person. */
guint           v21_name_matcher_get_count   (V21NameMatcher *matcher,
                                              guint           person);
/* How many e-mails, phone numbers, shared names it replaced. */
guint           v21_name_matcher_get_n_emails (V21NameMatcher *matcher);
guint           v21_name_matcher_get_n_phones (V21NameMatcher *matcher);
guint           v21_name_matcher_get_n_shared (V21NameMatcher *matcher);

G_END_DECLS
