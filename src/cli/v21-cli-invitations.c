/* v21-cli-invitations.c — visions21 invitations FILE -o LETTERS.pdf [--odt LETTERS.odt] [--ics DAYS.ics]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "v21-cli-private.h"
#include "v21-calendar.h"
#include "v21-letter.h"
#include "v21-letters.h"

static gboolean
is_date (const char *text)
{
  int y, m, d;
  char end;
  g_autoptr(GDateTime) date = NULL;

  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
    return FALSE;
  date = g_date_time_new_utc (y, m, d, 12, 0, 0);
  return date != NULL;
}

int
v21_cli_invitations (int    argc,
                     char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *odt = NULL;
  g_autofree char *reply_by = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the letters to FILE (PDF)"), N_("FILE") },
    { "odt", 0, 0, G_OPTION_ARG_FILENAME, &odt, N_("Write the letters to FILE too, as a document to edit (ODT)"),
      N_("FILE") },
    { "ics", 0, 0, G_OPTION_ARG_FILENAME, &ics, N_("Write the days as a calendar FILE (.ics)"), N_("FILE") },
    { "reply-by", 0, 0, G_OPTION_ARG_STRING, &reply_by,
      N_("The date to reply by, YYYY-MM-DD (the workshop's, or three weeks before the first day otherwise)"),
      N_("DATE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — write the invitation letters of a workshop"));
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) workshop = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "visions21 invitations: %s\n", error->message);
      return 2;
    }
  if (output == NULL || argc != 2)
    {
      fprintf (stderr, "%s\n", _("visions21 invitations: give one workshop file and the output with -o LETTERS.pdf"));
      return 2;
    }
  if (reply_by != NULL && !is_date (reply_by))
    {
      fprintf (stderr, _("visions21 invitations: “%s” is not a date like 2027-02-25"), reply_by);
      fputc ('\n', stderr);
      return 2;
    }
  workshop = v21_cli_load_workshop (argv[1]);
  if (workshop == NULL)
    return 1;
  if (reply_by == NULL)
    reply_by = g_strdup (v21_letter_get_reply_by (workshop));
  if (reply_by == NULL)
    reply_by = v21_letter_default_reply_by (workshop);
  if (!v21_letters_write (workshop, reply_by, output, &error)
      || (odt != NULL && !v21_letters_write_odt (workshop, reply_by, odt, &error))
      || (ics != NULL && !v21_calendar_write (workshop, ics, &error)))
    {
      fprintf (stderr, "visions21 invitations: %s\n", error->message);
      return 1;
    }
  return 0;
}
