/* fuzz-common.h — what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "v21-workshop.h"

int  LLVMFuzzerInitialize   (int *argc, char ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* GLib warnings and criticals become fatal, and every fatal message (g_error
 * included) ends in abort(), which libFuzzer catches and saves the input of
 * (a GLib breakpoint trap it would not). */
void fuzz_init_logging      (void);

/* A workshop saves to bytes that load again and save the same (what the
 * application writes, it can read); else g_error(). */
void fuzz_check_round_trip  (V21Workshop *workshop);
