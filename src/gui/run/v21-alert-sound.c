/* v21-alert-sound.c — the sound at the end of a sequence's time
 *
 * GSound (libcanberra) plays an event of the freedesktop sound theme. It is
 * optional at build time (HAVE_GSOUND) and at run time (the timer-sound
 * setting); a machine without a sound server, as in the tests, plays nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-alert-sound"

#include "config.h"

#include <glib/gi18n.h>
#if HAVE_GSOUND
#include <gsound.h>
#endif

#include "v21-alert-sound.h"
#include "v21-application.h"

static gboolean
sound_wanted (void)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = V21_IS_APPLICATION (app) ? v21_application_get_settings (V21_APPLICATION (app)) : NULL;

  return settings != NULL && g_settings_get_boolean (settings, "timer-sound");
}

void
v21_alert_sound_play (void)
{
#if HAVE_GSOUND
  static GSoundContext *context;
  static gboolean failed;
  g_autoptr(GError) error = NULL;

  if (failed || !sound_wanted ())
    return;
  if (context == NULL)
    context = gsound_context_new (NULL, &error);
  if (context == NULL)
    {
      g_debug ("No sound: %s", error->message);
      failed = TRUE;
      return;
    }
  if (!gsound_context_play_simple (context, NULL, &error,
                                   GSOUND_ATTR_EVENT_ID, "alarm-clock-elapsed",
                                   GSOUND_ATTR_EVENT_DESCRIPTION, _("The sequence's time is up"),
                                   NULL))
    g_debug ("No sound: %s", error->message);
#else
  (void) sound_wanted;
#endif
}
