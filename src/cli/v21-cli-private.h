/* v21-cli-private.h — what the subcommands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

/* Loads the workshop file @arg (a path or URI from the command line); on
 * failure prints every problem as "FILE: PATH: message" on stderr and returns
 * NULL. */
V21Workshop *v21_cli_load_workshop (const char *arg);

/* Whether @output may be written: it does not exist, or @force. Else says so on
 * stderr for @command ("new", "table-copy") and returns FALSE. */
gboolean     v21_cli_may_write     (const char *command,
                                    const char *output,
                                    gboolean    force);

/* The subcommands in their own files. Each takes the arguments after
 * "visions21" (argv[0] is the command's name) and returns the exit status:
 * 0 done, 1 failure (said on stderr), 2 usage. */
int          v21_cli_diagram       (int    argc,
                                    char **argv);
int          v21_cli_print_kit     (int    argc,
                                    char **argv);
int          v21_cli_export        (int    argc,
                                    char **argv);
int          v21_cli_anonymize     (int    argc,
                                    char **argv);
int          v21_cli_merge         (int    argc,
                                    char **argv);
int          v21_cli_table_copy    (int    argc,
                                    char **argv);
int          v21_cli_capitalise    (int    argc,
                                    char **argv);
int          v21_cli_invitations   (int    argc,
                                    char **argv);
int          v21_cli_room          (int    argc,
                                    char **argv);

G_END_DECLS
