/* v21-kit-export.h — saving the printable kit from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

/* Asks where to save the printable kit of @workshop (a PDF), writes it, and
 * says how it went in a toast on @widget's window. */
void v21_kit_export (GtkWidget   *widget,
                     V21Workshop *workshop);

G_END_DECLS
