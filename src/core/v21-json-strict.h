/* v21-json-strict.h — refusing JSON that json-c would change on the way in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @data is JSON that json-c parsed (and valid UTF-8). FALSE, with a problem
 * (JSON path, byte offset) in @problems, when it holds a key twice in one
 * object, NaN or Infinity, a lone UTF-16 surrogate, a NUL in a key, or an
 * integer beyond 64 bits: what json-c would drop, replace or rewrite. */
gboolean _v21_json_check_strict (const char *data,
                                 gsize       length,
                                 GPtrArray  *problems);

G_END_DECLS
