/* v21-print-kit-private.h — what the kit's pages share: the page, fonts and text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

/* A4 in points */
#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.89
#define MARGIN 48.0
#define FOOTER_HEIGHT 28.0

#define SANS "Cantarell, DejaVu Sans, sans-serif"
#define SERIF "DejaVu Serif, serif"

typedef struct
{
  double r, g, b;
} Rgb;

#define INK ((Rgb) { 0.14, 0.14, 0.16 })
#define GREY ((Rgb) { 0.40, 0.40, 0.43 })
#define RULE ((Rgb) { 0.75, 0.75, 0.78 })
#define RED ((Rgb) { 0.75, 0.11, 0.16 })
#define GREEN ((Rgb) { 0.15, 0.64, 0.41 })
#define CHALLENGE ((Rgb) { 0.78, 0.27, 0.0 })
#define TREND ((Rgb) { 0.10, 0.37, 0.71 })

typedef struct
{
  const char  *family;
  double       size;
  PangoWeight  weight;
  gboolean     italic;
} Font;

typedef struct
{
  V21Workshop     *workshop;
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  double           width;
  double           height;
  guint            page;
  guint            n_pages;
} Kit;

/* The drawing context of @kit->surface (unhinted, in points), and its end. */
void          _v21_kit_open          (Kit         *kit);
void          _v21_kit_close         (Kit         *kit);
/* An A4 PDF drawn into @bytes, then finished and written atomically to @path
 * (@failure, translated, says what could not be drawn: "…: %s"). */
cairo_surface_t *_v21_kit_pdf_surface (GByteArray *bytes,
                                       const char *title);
gboolean      _v21_kit_save_pdf      (cairo_surface_t  *surface,
                                      GByteArray       *bytes,
                                      const char       *path,
                                      const char       *failure,
                                      GError          **error);

void          _v21_kit_color         (Kit         *kit,
                                      Rgb          color);
/* A layout of @text (through the report's typography), wrapped at @width
 * when it is positive, aligned left. */
PangoLayout  *_v21_kit_layout        (Kit         *kit,
                                      Font         font,
                                      double       width,
                                      const char  *text);
double        _v21_kit_layout_height (PangoLayout *layout);
double        _v21_kit_layout_width  (PangoLayout *layout);
/* Draws @string at (@x, @y) when @draw, and returns its height either way. */
double        _v21_kit_text          (Kit         *kit,
                                      Font         font,
                                      Rgb          color,
                                      double       x,
                                      double       y,
                                      double       width,
                                      const char  *string,
                                      gboolean     draw);
void          _v21_kit_rule          (Kit         *kit,
                                      double       x,
                                      double       y,
                                      double       width,
                                      double       thickness,
                                      Rgb          color);
void          _v21_kit_parse_color   (const char  *hex,
                                      Rgb         *color);
void          _v21_kit_begin_page    (Kit         *kit,
                                      double       width,
                                      double       height);
void          _v21_kit_end_page      (Kit         *kit);
void          _v21_kit_footer        (Kit         *kit,
                                      const char  *part);
/* A small grey line above a large title; returns where the content starts. */
double        _v21_kit_heading       (Kit         *kit,
                                      const char  *kicker,
                                      const char  *title,
                                      double       y);
void          _v21_kit_cut_frame     (Kit         *kit,
                                      double       x,
                                      double       y,
                                      double       width,
                                      double       height);
void          _v21_kit_cut_marks     (Kit         *kit);

/* What the sheets are drawn from (v21-print-kit-sheets.c) */
GPtrArray    *_v21_kit_materials     (V21Workshop *workshop,
                                      const char  *kind);
V21Record    *_v21_kit_exercise      (V21Workshop *workshop,
                                      const char  *code);
/* How many copies of a table's sheet: one per table, one blank without tables. */
guint         _v21_kit_per_table     (V21Workshop *workshop);
guint         _v21_kit_sign_in_pages (V21Workshop *workshop);
guint         _v21_kit_what_if_count (V21Workshop *workshop);

/* Draws a page for each table's @members, then for the people at no table
 * (@table NULL, @name the @nowhere_name) when there are any. */
typedef void (*V21GroupFunc) (Kit        *kit,
                              V21Record  *table,
                              const char *name,
                              GPtrArray  *members);
void          _v21_kit_each_group    (Kit          *kit,
                                      V21GroupFunc  draw,
                                      const char   *nowhere_name);

/* The sheets, each part's pages in turn */
void          _v21_kit_draw_sign_in    (Kit *kit);
void          _v21_kit_draw_portraits  (Kit *kit);
void          _v21_kit_draw_grids      (Kit *kit);
void          _v21_kit_draw_writing    (Kit *kit);
void          _v21_kit_draw_what_if    (Kit *kit);
void          _v21_kit_draw_timelines  (Kit *kit);
void          _v21_kit_draw_actions    (Kit *kit);
void          _v21_kit_draw_votes      (Kit *kit);
void          _v21_kit_draw_processes  (Kit *kit);
void          _v21_kit_draw_conditions (Kit *kit);

G_END_DECLS
