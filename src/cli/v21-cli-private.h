/* v21-cli-private.h — the subcommands, one file each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each takes the arguments after "visions21" (argv[0] is the command's name)
 * and returns the exit status: 0 done, 1 failure (said on stderr), 2 usage. */
int v21_cli_diagram   (int    argc,
                       char **argv);
int v21_cli_export    (int    argc,
                       char **argv);
int v21_cli_anonymize (int    argc,
                       char **argv);
int v21_cli_merge     (int    argc,
                       char **argv);

G_END_DECLS
