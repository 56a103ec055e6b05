/* v21-pages.h — the pages of the sidebar, by section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

/* Builds a page showing @workshop. The page keeps a reference to the workshop
 * and follows its changes; the window drops the page with the workshop. */
typedef GtkWidget *(*V21PageCreate) (V21Workshop *workshop);

typedef struct
{
  const char    *name;      /* stack child name, e.g. "territory" */
  const char    *section;   /* N_(): the sidebar heading, e.g. N_("Prepare") */
  const char    *title;     /* N_(): the row and the page title */
  const char    *icon;      /* symbolic icon name */
  V21PageCreate  create;
} V21PageInfo;

/* The pages, in sidebar order, ending with a NULL name. A page is listed only
 * once it has real content. */
const V21PageInfo *v21_pages (void);

/* Shows a toast on the window of @widget; with @action (a detailed action
 * name such as "win.undo"), the toast has a button labelled @button. */
void v21_show_toast (GtkWidget  *widget,
                     const char *text,
                     const char *button,
                     const char *action);

/* The digit of a key press (0–9), or -1: the digit row, the keypad, and on a
 * French (AZERTY) keyboard the shifted level of the key, so that Ctrl+& is
 * Ctrl+1. */
int  v21_key_digit  (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode);

/* Shows how far ahead the horizon is in @row's subtitle, and in @warning
 * (hidden otherwise) why an unusual horizon deserves a thought. */
void v21_show_horizon (GtkWidget *row,
                       GtkWidget *warning,
                       int        start_year,
                       int        horizon_year);

G_END_DECLS
