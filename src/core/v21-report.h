/* v21-report.h — the written report (restitution écrite) as a document model
 *
 * The content of the report, built from a workshop: headings, paragraphs,
 * lists, tables and figures, in the language of the user interface with its
 * typography. The PDF pages (src/render), the HTML, Markdown writers read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

typedef enum
{
  V21_BLOCK_HEADING,
  V21_BLOCK_PARAGRAPH,
  V21_BLOCK_LIST,
  V21_BLOCK_TABLE,
  V21_BLOCK_FIGURE,
  /* A table giving the numbers of the figure just before it: written where
   * figures cannot be drawn (Markdown), left out where the figure is. */
  V21_BLOCK_FIGURE_DATA,
} V21BlockKind;

typedef enum
{
  V21_TEXT_BODY,
  V21_TEXT_INTRO,     /* a chapter's opening, a little larger */
  V21_TEXT_NOTE,      /* smaller and muted: sources, counts, remarks */
  V21_TEXT_QUOTE,     /* what participants wrote: a scenario's narrative */
} V21TextStyle;

typedef enum
{
  V21_FIGURE_TRAJECTORIES,   /* target: a scenario id, or NULL for all */
  V21_FIGURE_VOTES,          /* target: a vote round id */
  V21_FIGURE_ROBUSTNESS,     /* the heat map of the robustness test */
  /* Figures of several workshops (the capitalisation), their numbers in the
   * figure block's own rows (each cell's note: the raw number drawn). */
  V21_FIGURE_TIMELINE,       /* rows: territory, year (note: the year), milestone */
  V21_FIGURE_DRIFT,          /* header: "", median, territories; rows: exercise,
                              * median, each territory's drift (notes: half
                              * minutes, NULL where it did not run) */
} V21FigureKind;

/* A list item or a table cell: an optional bold lead, the text, and an
 * optional muted note after it. */
typedef struct
{
  char *lead;
  char *text;
  char *note;
} V21ReportItem;

typedef struct
{
  V21BlockKind   kind;
  V21TextStyle   style;      /* paragraphs */
  guint          level;      /* headings: 1 (chapter, new page) to 3 */
  char          *number;     /* headings: "2.1", or NULL */
  char          *anchor;     /* headings: a unique id, e.g. "s2-1" */
  char          *lead;       /* paragraphs: bold words first, or NULL */
  char          *text;       /* headings, paragraphs; figures: the caption */
  GPtrArray     *items;      /* lists: V21ReportItem */
  /* Tables: a header and rows of cells (GPtrArray of V21ReportItem). */
  guint          n_columns;
  GPtrArray     *header;     /* char *, n_columns */
  GPtrArray     *rows;
  double        *widths;     /* relative widths of the columns */
  guint          numeric;    /* bit i: column i holds numbers (right-aligned) */
  gboolean       total_row;  /* the last row sums up the others */
  /* Figures. */
  V21FigureKind  figure;
  char          *target;
  double         aspect;     /* height / width */
} V21ReportBlock;

typedef struct
{
  char      *title;          /* the workshop's title */
  char      *kind_line;      /* "Restitution écrite du séminaire de prospective" */
  char      *territory;
  char      *dates;          /* "18 et 19 mars 2027" */
  char      *horizon;        /* "Horizon 2056" */
  char      *venue;
  char      *credits;        /* who led it (only names that may be given) */
  char      *running_title;  /* at the top of every page */
  gboolean   anonymized;
  GPtrArray *blocks;         /* V21ReportBlock */
} V21Report;

typedef enum
{
  V21_REPORT_DEFAULT    = 0,
  /* Say on the cover that personal data was removed. */
  V21_REPORT_ANONYMIZED = 1 << 0,
} V21ReportFlags;

/* What goes out: the chapters and parts the user chose. "In short" always does. */
typedef enum
{
  V21_REPORT_CONTEXT          = 1 << 0,
  V21_REPORT_PEOPLE           = 1 << 1,
  V21_REPORT_PARTICIPANT_LIST = 1 << 2,   /* the named list, inside "Who took part" */
  V21_REPORT_RUN_SHEET        = 1 << 3,
  V21_REPORT_RESULTS          = 1 << 4,
  V21_REPORT_METHOD_NOTES     = 1 << 5,   /* the facilitators' lessons on the method */
  V21_REPORT_APPENDIX         = 1 << 6,   /* every card */
  V21_REPORT_ALL_SECTIONS     = (1 << 7) - 1,
} V21ReportSections;

/* Without a choice saved in the workshop: all but the lessons on the method
 * (written for facilitators, not élus) and the appendix. */
#define V21_REPORT_DEFAULT_SECTIONS \
  (V21_REPORT_CONTEXT | V21_REPORT_PEOPLE | V21_REPORT_PARTICIPANT_LIST | V21_REPORT_RUN_SHEET \
   | V21_REPORT_RESULTS)

/* With the sections saved in @workshop. */
V21Report *v21_report_new   (V21Workshop    *workshop,
                             V21ReportFlags  flags);
V21Report *v21_report_new_with_sections (V21Workshop       *workshop,
                                         V21ReportFlags     flags,
                                         V21ReportSections  sections);

/* The sections saved in the workshop's "report" object, or the default ones. */
V21ReportSections v21_report_get_sections  (V21Workshop       *workshop);
/* Saves @sections in @workshop, one undoable edit. */
gboolean          v21_report_set_sections  (V21Workshop       *workshop,
                                            V21ReportSections  sections,
                                            GError           **error);
/* The key of one section in the file and on the command line ("method_notes"),
 * its label for people; NULL past the last. */
const char       *v21_report_section_key   (guint              index,
                                            V21ReportSections *section);
const char       *v21_report_section_label (V21ReportSections  section);
void       v21_report_free  (V21Report      *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (V21Report, v21_report_free)

/* A person's name as the report may give it: the name when they consented to
 * be named, else a stable label such as "Participant·e 12 — élus". */
char      *v21_report_person_name  (V21Workshop *workshop,
                                    V21Record   *person);
/* The stable label of a person: their place in the list and their category. */
char      *v21_person_label        (V21Workshop *workshop,
                                    V21Record   *person);
/* "Elected officials" ("élus") and so on; "" for none. */
const char *v21_category_label     (const char  *category);

/* A file name made from @title (may be NULL or anything a user typed):
 * no directory separators, no characters Windows refuses, no control
 * characters, no leading dot, at most 100 bytes, then @suffix (may be NULL)
 * and ".@extension". */
char      *v21_report_file_name    (const char  *title,
                                    const char  *suffix,
                                    const char  *extension);

/* Writers of the plain-text formats (v21-report-text.c). */
typedef char *(*V21ReportFigureFunc) (const V21ReportBlock *figure,
                                      gpointer              user_data);

char      *v21_markdown_escape     (const char  *text);
/* A self-contained HTML document; each figure comes from @figure_func as
 * SVG markup (NULL: the caption only). */
char      *v21_report_to_html      (V21Report           *report,
                                    V21ReportFigureFunc  figure_func,
                                    gpointer             user_data);
char      *v21_report_to_markdown  (V21Report           *report);

G_END_DECLS
