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

/* @text inside FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE when it holds
 * right-to-left letters or directional controls (an unterminated override
 * included), so that nothing in it changes the layout of what follows; else
 * a copy. Rendered with pango, written in Markdown or ODT as is; HTML turns
 * the outer pair into <bdi>. */
char     *v21_bidi_isolate          (const char *text);

/* Whether @text is one v21_bidi_isolate() wrapped; @inner and @length give
 * what is inside. */
gboolean  v21_bidi_is_isolated      (const char  *text,
                                     const char **inner,
                                     gsize       *length);

#define V21_FSI "\xE2\x81\xA8"  /* U+2068 */
#define V21_PDI "\xE2\x81\xA9"  /* U+2069 */

G_END_DECLS
