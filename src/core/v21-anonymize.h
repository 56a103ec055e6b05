/* v21-anonymize.h — a copy of a workshop without personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-anonymize-summary.h"
#include "v21-workshop.h"

G_BEGIN_DECLS

/* A new workshop (no file, nothing to undo) where every person is a stable
 * label ("Participant·e 12 — élus", see v21_person_label()): names, e-mails
 * and organisations removed, consent withdrawn, an id made from a name
 * replaced. Names found in any text (cards, details, narratives, notes,
 * comments, labels, titles…) become the person's label:
 *   - a whole name, in either order, in any case and with or without accents;
 *   - a surname or a first name alone when it starts with a capital letter
 *     ("Fontanel", "FONTANEL", "Fontanél"), so that a surname that is also a
 *     common word ("Large", "Petit") is left alone in "une large majorité";
 * always on word boundaries; a first name or surname that two people share
 * becomes a label without number. E-mail addresses are replaced too. The
 * private notes of the run sheet and fields naming an author are removed.
 * The result is a valid workshop (it is validated again). */
V21Workshop *v21_anonymize      (V21Workshop *workshop,
                                 GError     **error);

/* The same for the people who did not consent to be named only: what a
 * report that names people goes through, so that a name typed in a card
 * does not give away someone who asked not to be named. Private notes and
 * everyone else stay as they are. */
V21Workshop *v21_anonymize_unconsented (V21Workshop *workshop,
                                        GError     **error);

/* What v21_anonymize() makes of @text: the names of @workshop's people
 * replaced by their labels. */
char        *v21_anonymize_text (V21Workshop *workshop,
                                 const char  *text);

/* v21_anonymize() with @all, else v21_anonymize_unconsented(), adding to
 * @summary (may be NULL) what it replaced: each person given a label with the
 * number of times the texts named them, the e-mails and phone numbers. */
V21Workshop *v21_anonymize_with_summary (V21Workshop         *workshop,
                                         gboolean             all,
                                         V21AnonymizeSummary *summary,
                                         GError             **error);

G_END_DECLS
