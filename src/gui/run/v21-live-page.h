/* v21-live-page.h — running a sequence: timer, drift, capture line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_LIVE_PAGE (v21_live_page_get_type ())
G_DECLARE_FINAL_TYPE (V21LivePage, v21_live_page, V21, LIVE_PAGE, AdwBin)

GtkWidget *v21_live_page_new          (V21Workshop *workshop);
V21Record *v21_live_page_get_sequence (V21LivePage *self);
void       v21_live_page_set_sequence (V21LivePage *self,
                                       V21Record   *sequence);
/* The kind and table the next captured card gets when the line has no prefix. */
const char *v21_live_page_get_kind    (V21LivePage *self);
V21Record  *v21_live_page_get_table   (V21LivePage *self);

G_END_DECLS
