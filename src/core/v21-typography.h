/* v21-typography.h — French typography for the texts of reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define V21_NBSP "\xc2\xa0"          /* U+00A0 NO-BREAK SPACE */
#define V21_NNBSP "\xe2\x80\xaf"     /* U+202F NARROW NO-BREAK SPACE */
#define V21_SOFT_HYPHEN "\xc2\xad"   /* U+00AD SOFT HYPHEN */

/* @text with French spacing: a no-break space before ":" and inside « »,
 * a narrow no-break space before ";", "!" and "?" (an ordinary space there
 * becomes the no-break one). Times (10:30), web addresses (https://) and
 * repeated marks ("?!") are left as they are. An apostrophe between two
 * letters becomes the typographic one (l’eau). */
char     *v21_typography_french     (const char *text);

/* Whether the report's language (the translation in use) wants French typography. */
gboolean  v21_typography_is_french  (void);

/* @text with a soft hyphen wherever French syllables let a word of six
 * letters or more break ("plu·ri·pro·fes·sion·nelle"): two letters at least
 * before a break, three after, words in capitals whole. */
char     *v21_typography_hyphenate_french (const char *text);

/* v21_typography_french() when the language is French, else a copy. */
char     *v21_typography_apply      (const char *text);

G_END_DECLS
