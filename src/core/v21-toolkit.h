#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* The toolkit's exercises, default run sheet and preparation checklist live in
 * data/toolkit.json (editable data, not code). Texts come as {"en": …, "fr": …}
 * and are read in the user's language. */

/* The toolkit file: $V21_TOOLKIT when set, else the installed one, else the
 * source tree's (running from the build directory). */
char     *v21_toolkit_path  (void);
gboolean  v21_toolkit_apply (V21Workshop  *workshop,
                             const char   *path,
                             GError      **error);

G_END_DECLS
