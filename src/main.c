/* main.c — the visions21 program: the command line, then the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "visions21"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "v21-application.h"
#include "v21-cli.h"

/* Run from the build tree, the program reads the translations built there. */
static const char *
locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (exe && g_str_has_prefix (exe, BUILD_ROOT "/"))
    return BUILD_ROOT "/po";
  return LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(V21Application) app = NULL;
  int status = 0;

  /* Before anything else, or the .ui strings stay in English. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The headless subcommands (check, new, export…) never start GTK. */
  if (v21_cli_dispatch (argc, argv, &status))
    return status;

  g_set_application_name (_("Visions+21"));

  app = v21_application_new (APPLICATION_ID, G_APPLICATION_HANDLES_OPEN);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
