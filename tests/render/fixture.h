/* fixture.h — workshops with many trajectories, built in memory for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

/* A workshop (today 2026, horizon 2056) with @n_trajectories trajectories of
 * @n_points points each, spread over @span years from @first_year; every
 * @label_every-th point has a label (0: none). Kinds and styles vary. */
V21Workshop *fixture_trajectories (guint n_trajectories,
                                   guint n_points,
                                   int   first_year,
                                   int   span,
                                   guint label_every);

/* A workshop (today 2026, horizon 2026 + @horizon_years) with @n_trajectories
 * trajectories of @n_points points one year apart from 2026, every point
 * labelled with @label_chars characters of words. */
V21Workshop *fixture_stress       (guint n_trajectories,
                                   guint n_points,
                                   int   horizon_years,
                                   guint label_chars);

/* The standard output of @command_line; fails the test when it fails. */
char        *fixture_run          (const char *command_line);
/* @text normalised (NFKC) without any white space, to find wrapped text. */
char        *fixture_squeeze      (const char *text);
/* The demo workshop of the source tree (the test fails if it does not load). */
V21Workshop *fixture_load_demo    (void);
/* A robustness test: @n_challenges × @n_answers scores, the answers' texts
 * taken in turn from @answers (NULL-terminated), every third score
 * commented. */
V21Workshop *fixture_robustness   (guint               n_challenges,
                                   guint               n_answers,
                                   const char * const *answers);
