/* v21-alert-sound.h — the sound at the end of a sequence's time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Plays the freedesktop theme's "time is up" sound, unless the setting
 * timer-sound is off or the build has no GSound. Nothing fails: without a
 * sound server the alert is only seen. */
void v21_alert_sound_play (void);

G_END_DECLS
