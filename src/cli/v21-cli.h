#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs the headless part of the command line before GTK starts: --version,
 * --help and the subcommands (check, new…). Returns TRUE when it handled the
 * command line, with the exit status in @status; FALSE when the GUI should start
 * (no arguments, or only files and GApplication options). An unknown subcommand
 * prints the usage on stderr and exits with 2. */
gboolean v21_cli_dispatch (int    argc,
                           char **argv,
                           int   *status);

G_END_DECLS
