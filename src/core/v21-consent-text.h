/* v21-consent-text.h — a text as a screen the room sees may show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

typedef struct _V21ConsentText V21ConsentText;

/* The consent rule (v21_consent_may_name()) for texts drawn one by one, as
 * the projector draws them: the names of the people of @workshop who did not
 * consent become their labels (v21_consent_label()), in every form the name
 * matcher knows, and e-mails and phone numbers are removed, as in a report
 * that names people. When everyone consented, texts are left as they are. */
V21ConsentText *v21_consent_text_new   (V21Workshop    *workshop);
void            v21_consent_text_free  (V21ConsentText *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (V21ConsentText, v21_consent_text_free)

/* @text (may be NULL) with the names no one may read replaced. The lower-case
 * words of the texts given so far are common words (see
 * v21_name_matcher_learn()): "Vert" starting a sentence stays a word once a
 * text has written "vert". */
char           *v21_consent_text_apply (V21ConsentText *self,
                                        const char     *text);

G_END_DECLS
