/* v21-widgets.h — small helpers the pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

/* For a drop-down of a GtkStringList: gives its button the drop-down's tooltip as
 * accessible name, and ellipsizes long names in the button. */
void           v21_name_dropdown (GtkDropDown *dropdown);
/* @first, then @field of every record of @collection. */
GtkStringList *v21_names_of      (V21Workshop *workshop,
                                  const char  *collection,
                                  const char  *field,
                                  const char  *first);
/* Replaces the model of @dropdown, keeping the selected position. Takes @names. */
void           v21_set_names     (GtkDropDown   *dropdown,
                                  GtkStringList *names);

/* Whether the keyboard focus is on @widget or inside it (an entry's text). */
gboolean       v21_has_focus_within (GtkWidget *widget);

/* Makes @list (a GtkListBox, GtkListView or GtkColumnView) one Tab stop: Tab
 * and Shift+Tab leave it for the next or previous control instead of going
 * row by row (GTK 4.8 lists have no tab-behavior); the arrows move inside. */
void           v21_list_tab_leaves  (GtkWidget *list);

G_END_DECLS
