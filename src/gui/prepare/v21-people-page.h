/* v21-people-page.h — participants and tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_PEOPLE_PAGE (v21_people_page_get_type ())
G_DECLARE_FINAL_TYPE (V21PeoplePage, v21_people_page, V21, PEOPLE_PAGE, AdwBin)

/* The participants in a searchable, sortable list beside the tables (their
 * colour, members and mix). Actions ("people." prefix): add, edit, remove,
 * import (CSV), assign (tables of balanced size), add-table,
 * move-to-table (s: a table id, "" for none), move-to-index (i: the n-th
 * table, -1 for none; Alt+1…9, Alt+0), search (Ctrl+F). */
GtkWidget *v21_people_page_new           (V21Workshop   *workshop);

/* The person selected in the list, or NULL; selecting one scrolls to it. */
V21Record *v21_people_page_get_selected  (V21PeoplePage *self);
void       v21_people_page_select        (V21PeoplePage *self,
                                          V21Record     *person);

/* For tests: how many cells were filled, by all pages. */
guint      _v21_people_page_get_n_fills  (void);

G_END_DECLS
