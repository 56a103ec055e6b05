/* v21-consent.h — who an output may name: the one rule of every output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* Whether an output (report, CSV, print kit, projector, a workshop copy that
 * names people) may give @person's name: only when they consented. */
gboolean  v21_consent_may_name (V21Record   *person);

/* The stable label of @person: "Participant·e 12 — élus", their place in
 * the list and their category; the category only when at least 3 people
 * share it with the same table (with fewer, category and table together
 * would say who it is), else "Participant·e 12". */
char     *v21_consent_label    (V21Workshop *workshop,
                                V21Record   *person);

/* What an output calls @person: their name when they may be named, else
 * their label. */
char     *v21_consent_name     (V21Workshop *workshop,
                                V21Record   *person);

G_END_DECLS
