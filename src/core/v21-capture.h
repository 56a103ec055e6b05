/* v21-capture.h — the scribe's capture line: prefixes, and adding the card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* What a typed line says. Prefixes, in any order, each ending with ":" —
 *   kind:  "e:" / "enjeu:" issue, "m:" / "menace:" threat, "r:" / "ressource:"
 *          resource, "t:" / "tendance:" trend, "s:" / "signal:" weak signal,
 *          "d:" / "défi:" challenge, "i:" / "idée:" idea, "a:" / "action:" action,
 *          "v:" / "vision:" vision, and the English words ("issue:", "threat:"…);
 *   table: "t3:" or "table 3:", or "#3" followed by a space.
 * Case and accents do not matter. */
typedef struct
{
  const char *kind;    /* a card kind (static string), or NULL when not typed */
  int         table;   /* the table's number, from 1, or 0 when not typed */
  char       *text;    /* the rest, trimmed */
} V21Capture;

void        v21_capture_parse   (const char *line,
                                 V21Capture *capture);
void        v21_capture_clear   (V21Capture *capture);

/* The kind that Ctrl+@n (1–9) chooses, in v21_card_kinds() order; NULL outside. */
const char *v21_capture_kind_for_key (int n);
/* The translated name of a card kind, e.g. "Issue" ("Enjeu"). */
const char *v21_card_kind_label      (const char *kind);
/* The @n-th table (from 1) of the workshop, or NULL. */
V21Record  *v21_capture_table        (V21Workshop *workshop,
                                      int          n);

/* Adds a card of @kind with @text to the end of the cards, tagged with @table and
 * @sequence (both may be NULL) and the time @created (NULL: now). */
V21Record  *v21_capture_add_card     (V21Workshop *workshop,
                                      const char  *kind,
                                      const char  *text,
                                      V21Record   *table,
                                      V21Record   *sequence,
                                      GDateTime   *created,
                                      GError     **error);

G_END_DECLS
