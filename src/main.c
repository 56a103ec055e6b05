/* main.c — the visions21 program: the command line, then the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "visions21"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* A workshop in memory is hundreds of thousands of small json-c objects; page
 * faults are most of the time it takes to open a large one. glibc backs its heap
 * with transparent huge pages (2 MiB, not 4 KiB, per fault) only when asked at
 * start-up, through GLIBC_TUNABLES: so the program starts itself again once with
 * glibc.malloc.hugetlb=1 (tests/bench/run.sh measures the difference). Set
 * V21_NO_HUGE_PAGES=1 to skip it (e.g. under a debugger or valgrind). */
static void
restart_with_huge_pages (char **argv)
{
#ifdef __GLIBC__
  const char *tunables = getenv ("GLIBC_TUNABLES");
  char *wanted;

  if (getenv ("V21_NO_HUGE_PAGES") != NULL || (tunables && strstr (tunables, "glibc.malloc.hugetlb")))
    return;
  wanted = g_strconcat (tunables && *tunables ? tunables : "", tunables && *tunables ? ":" : "",
                        "glibc.malloc.hugetlb=1", NULL);
  setenv ("GLIBC_TUNABLES", wanted, TRUE);
  g_free (wanted);
  execv ("/proc/self/exe", argv);
  /* Not possible here: go on as we are. */
  if (tunables)
    setenv ("GLIBC_TUNABLES", tunables, TRUE);
  else
    unsetenv ("GLIBC_TUNABLES");
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(V21Application) app = NULL;
  int status = 0;

  restart_with_huge_pages (argv);

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
