/* v21-letter.h — the invitation letter's template and the authority that signs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* The fields a template may hold, each written {name} in the text. */
extern const char * const v21_letter_fields[];

/* The template of @workshop ("invitation_letter.template"), or the default
 * one, translated, when it has none. */
char     *v21_letter_get_template  (V21Workshop *workshop);
/* "invitation_letter.reply_by" (YYYY-MM-DD), or NULL. */
const char *v21_letter_get_reply_by (V21Workshop *workshop);
/* Three weeks before the first day (YYYY-MM-DD); NULL without days. */
char     *v21_letter_default_reply_by (V21Workshop *workshop);
/* Sets the template (NULL: back to the default) and the reply-by date
 * (NULL: none) in one undoable step. */
gboolean  v21_letter_set           (V21Workshop  *workshop,
                                    const char   *template_text,
                                    const char   *reply_by,
                                    GError      **error);

/* @template_text with its fields filled for @person: {name}, {title} (the
 * workshop's), {organisation}, {dates}, {venue}, {horizon}, {political_goal},
 * {reply_by} (written out as a date). An unknown {field} stays as it is. */
char     *v21_letter_fill          (V21Workshop *workshop,
                                    V21Record   *person,
                                    const char  *template_text,
                                    const char  *reply_by);

/* How many people are still to reply (invited, or marked without reply) once
 * the reply-by date (the workshop's, or three weeks before the first day) is
 * before @today (YYYY-MM-DD); 0 before it or without a date. */
guint     v21_letter_count_late_replies (V21Workshop *workshop,
                                         const char  *today);

/* The paragraphs of a filled letter: split at blank lines, trimmed, the
 * empty ones left out (a template's {political_goal} alone in its paragraph,
 * with no goal written, leaves no gap). */
GStrv     v21_letter_paragraphs    (const char  *text);

/* The authority's block ("authority"): its name (the territory's when it has
 * none), its address lines, who signs and as what. Strings may be NULL. */
typedef struct
{
  const char *name;
  const char *address;
  const char *signatory;
  const char *signatory_title;
} V21Authority;

void      v21_authority_get        (V21Workshop  *workshop,
                                    V21Authority *authority);
gboolean  v21_authority_set        (V21Workshop        *workshop,
                                    const V21Authority *authority,
                                    GError            **error);

/* "Name <address>, …" of the people with an e-mail who get a letter
 * (v21_letters_wanted), for a mail client's BCC; *n_without, those without. */
char     *v21_letter_bcc           (V21Workshop *workshop,
                                    guint       *n_without);
/* "mailto:address?subject=…" for @person, or NULL without an e-mail. */
char     *v21_letter_mailto        (V21Workshop *workshop,
                                    V21Record   *person);

G_END_DECLS
