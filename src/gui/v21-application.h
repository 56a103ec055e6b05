/* v21-application.h — the Visions+21 application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The GSettings schema id, the same in every build profile. */
#define V21_SETTINGS_SCHEMA "io.github.visions21.Atelier"

/* How many files the recent-files key keeps. */
#define V21_RECENT_FILES_MAX 10

#define V21_TYPE_APPLICATION (v21_application_get_type ())
G_DECLARE_FINAL_TYPE (V21Application, v21_application, V21, APPLICATION, AdwApplication)

V21Application *v21_application_new               (const char        *application_id,
                                                   GApplicationFlags  flags);
GSettings      *v21_application_get_settings      (V21Application    *self);
GFile          *v21_application_dup_demo_file     (V21Application    *self);
GPtrArray      *v21_application_list_recent_files (V21Application    *self);
void            v21_application_add_recent_file   (V21Application    *self,
                                                   GFile             *file);
guint           v21_application_get_autosave_interval (V21Application *self);
void            v21_application_show_about        (V21Application    *self,
                                                   GtkWindow         *parent);
/* Writes every open workshop's recovery file now (the program is about to stop). */
void            v21_application_flush_autosaves   (V21Application    *self);

G_END_DECLS
