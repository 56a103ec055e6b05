/* test-util.h — what several core tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* The workshops the tests start from, loaded (the test fails if they do not load). */
V21Workshop *test_load_demo    (void);
V21Workshop *test_load_minimal (void);
V21Workshop *test_load_file    (const char  *path);

/* The record @id of @workshop (the test fails if there is none). */
V21Record   *test_get          (V21Workshop *workshop,
                                const char  *id);

/* One undo step gives back @before (v21_workshop_to_data() of the workshop). */
void         test_assert_undo_restores (V21Workshop *workshop,
                                        const char  *before);

/* Nothing changed: @workshop still gives @before and has nothing to undo. */
void         test_assert_unchanged (V21Workshop *workshop,
                                    const char  *before);

G_END_DECLS
