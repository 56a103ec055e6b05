/* bench-common.h — what the benchmark programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* The median of @values (double), which it sorts. */
double bench_median     (GArray     *values);

/* A "Vm…:" figure of /proc/self/status, in KiB (-1 when unknown). */
long   bench_status_kib (const char *key);
