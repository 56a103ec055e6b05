/* v21-report.c — the written report as a document model: blocks and labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-report"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-report.h"
#include "v21-invitations.h"
#include "v21-consent.h"
#include "v21-run-sheet.h"
#include "v21-report-private.h"
#include "v21-typography.h"

void
_v21_report_item_free (V21ReportItem *item)
{
  if (item == NULL)
    return;
  g_free (item->lead);
  g_free (item->text);
  g_free (item->note);
  g_free (item);
}

static void
block_free (V21ReportBlock *block)
{
  g_free (block->number);
  g_free (block->anchor);
  g_free (block->lead);
  g_free (block->text);
  g_clear_pointer (&block->items, g_ptr_array_unref);
  g_clear_pointer (&block->header, g_ptr_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block->widths);
  g_free (block->target);
  g_free (block);
}

void
v21_report_free (V21Report *report)
{
  if (report == NULL)
    return;
  g_free (report->title);
  g_free (report->kind_line);
  g_free (report->territory);
  g_free (report->dates);
  g_free (report->horizon);
  g_free (report->venue);
  g_free (report->credits);
  g_free (report->running_title);
  g_ptr_array_unref (report->blocks);
  g_free (report);
}

/* Every text of the report: typeset, and isolated when it could change the
 * direction of what follows (v21_bidi_isolate()). */
static char *
report_text (const char *text)
{
  g_autofree char *typeset = v21_typography_apply (text);

  return v21_bidi_isolate (typeset);
}

static char *
nonempty_or_null (const char *text)
{
  return text != NULL && text[0] != '\0' ? report_text (text) : NULL;
}

V21Report *
_v21_report_alloc (const char *title,
                   const char *kind_line)
{
  V21Report *report = g_new0 (V21Report, 1);

  report->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  report->title = report_text (title);
  report->kind_line = report_text (kind_line);
  report->running_title = report_text (title);
  return report;
}

static V21ReportBlock *
block_add (V21ReportBuilder *builder,
           V21BlockKind      kind)
{
  V21ReportBlock *block = g_new0 (V21ReportBlock, 1);

  block->kind = kind;
  g_ptr_array_add (builder->report->blocks, block);
  return block;
}

void
_v21_report_heading (V21ReportBuilder *builder,
                     guint             level,
                     gboolean          numbered,
                     const char       *text)
{
  V21ReportBlock *block = block_add (builder, V21_BLOCK_HEADING);

  block->level = CLAMP (level, 1, 3);
  block->text = report_text (text);
  block->anchor = g_strdup_printf ("s%u", ++builder->anchors);
  if (level == 1)
    {
      builder->section = 0;
      if (numbered)
        block->number = g_strdup_printf ("%u", ++builder->chapter);
    }
  else if (level == 2 && numbered)
    block->number = g_strdup_printf ("%u.%u", builder->chapter, ++builder->section);
}

void
_v21_report_paragraph (V21ReportBuilder *builder,
                       V21TextStyle      style,
                       const char       *lead,
                       const char       *text)
{
  V21ReportBlock *block;

  if ((text == NULL || text[0] == '\0') && (lead == NULL || lead[0] == '\0'))
    return;
  block = block_add (builder, V21_BLOCK_PARAGRAPH);
  block->style = style;
  block->lead = nonempty_or_null (lead);
  block->text = report_text (text);
}

void
_v21_report_paragraphs (V21ReportBuilder *builder,
                        V21TextStyle      style,
                        const char       *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        _v21_report_paragraph (builder, style, NULL, lines[i]);
    }
}

V21ReportBlock *
_v21_report_list (V21ReportBuilder *builder)
{
  V21ReportBlock *block = block_add (builder, V21_BLOCK_LIST);

  block->items = g_ptr_array_new_with_free_func ((GDestroyNotify) _v21_report_item_free);
  return block;
}

static V21ReportItem *
item_new (const char *lead,
          const char *text,
          const char *note)
{
  V21ReportItem *item = g_new0 (V21ReportItem, 1);

  item->lead = nonempty_or_null (lead);
  item->text = report_text (text);
  item->note = nonempty_or_null (note);
  return item;
}

void
_v21_report_list_add (V21ReportBlock *list,
                      const char     *lead,
                      const char     *text,
                      const char     *note)
{
  g_ptr_array_add (list->items, item_new (lead, text, note));
}

V21ReportBlock *
_v21_report_table (V21ReportBuilder *builder,
                   guint             n_columns,
                   const char      **headers,
                   const double     *widths,
                   guint             numeric)
{
  V21ReportBlock *block = block_add (builder, V21_BLOCK_TABLE);

  block->n_columns = n_columns;
  block->header = g_ptr_array_new_with_free_func (g_free);
  block->widths = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      g_ptr_array_add (block->header, report_text (headers[i]));
      block->widths[i] = widths[i];
    }
  block->numeric = numeric;
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return block;
}

V21ReportBlock *
_v21_report_figure_data (V21ReportBuilder *builder,
                         guint             n_columns,
                         const char      **headers,
                         const double     *widths,
                         guint             numeric)
{
  V21ReportBlock *block = _v21_report_table (builder, n_columns, headers, widths, numeric);

  block->kind = V21_BLOCK_FIGURE_DATA;
  return block;
}

GPtrArray *
_v21_report_row (V21ReportBlock *table)
{
  GPtrArray *row = g_ptr_array_new_full (table->n_columns, (GDestroyNotify) _v21_report_item_free);

  g_ptr_array_add (table->rows, row);
  return row;
}

void
_v21_report_cell (GPtrArray  *row,
                  const char *text,
                  const char *note)
{
  g_ptr_array_add (row, item_new (NULL, text, note));
}

void
_v21_report_figure (V21ReportBuilder *builder,
                    V21FigureKind     kind,
                    const char       *target,
                    const char       *caption,
                    double            aspect)
{
  V21ReportBlock *block = block_add (builder, V21_BLOCK_FIGURE);
  /* Translators: a figure's caption, e.g. "Figure 2 — The trajectories compared". */
  g_autofree char *text = g_strdup_printf (_("Figure %u — %s"), ++builder->figures, caption);

  block->figure = kind;
  block->target = g_strdup (target);
  block->text = report_text (text);
  block->aspect = aspect;
}

/* Formatting */

char *
_v21_report_time (int hour,
                  int minute)
{
  /* Translators: a time of day, hours and minutes; French: "%d h %02d". */
  return g_strdup_printf (_("%d:%02d"), hour, minute);
}

char *
_v21_report_duration (gint64 minutes)
{
  if (minutes < 60)
    /* Translators: a duration under an hour. */
    return g_strdup_printf (_("%d min"), (int) minutes);
  /* Translators: a duration, hours and minutes: "1 h 30". */
  return g_strdup_printf (_("%d h %02d"), (int) (minutes / 60), (int) (minutes % 60));
}

static GDateTime *
parse_date (const char *date)
{
  int year, month, day;

  if (date == NULL || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;
  return g_date_time_new_utc (year, month, day, 12, 0, 0);
}

char *
_v21_report_day (const char *date)
{
  g_autoptr(GDateTime) time = parse_date (date);

  if (time == NULL)
    return g_strdup (date != NULL ? date : "");
  /* Translators: a day in a report, as in g_date_time_format(): "jeudi 18 mars 2027". */
  return v21_date_format (time, _("%A %-d %B %Y"));
}

char *
_v21_report_number (gint64 value)
{
  char buffer[64];
  GString *grouped;
  guint digits;

  if (!v21_typography_is_french ())
    {
      /* The ' flag groups thousands the locale's way. */
      snprintf (buffer, sizeof buffer, "%'ld", (long) value);
      return g_strdup (buffer);
    }
  /* French text groups thousands with a narrow no-break space, whatever the
   * locale: numbers follow the language of the report, as its dates do. */
  snprintf (buffer, sizeof buffer, "%ld", (long) ABS (value));
  grouped = g_string_new (value < 0 ? "−" : "");
  digits = strlen (buffer);
  for (guint i = 0; i < digits; i++)
    {
      if (i > 0 && (digits - i) % 3 == 0 && digits > 4)
        g_string_append (grouped, V21_NNBSP);
      g_string_append_c (grouped, buffer[i]);
    }
  return g_string_free (grouped, FALSE);
}

/* People */

const char *
v21_category_label (const char *category)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "elus", N_("elected officials") },
    { "services", N_("staff") },
    { "partenaires", N_("partners") },
    { "associations", N_("associations") },
    { "entreprises", N_("businesses") },
    { "habitants", N_("residents") },
    { "experts", N_("experts") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].id, category) == 0)
      return _(labels[i].label);
  return "";
}

char *
v21_person_label (V21Workshop *workshop,
                  V21Record   *person)
{
  return v21_consent_label (workshop, person);
}

char *
v21_report_person_name (V21Workshop *workshop,
                        V21Record   *person)
{
  return v21_consent_name (workshop, person);
}

/* File names */

char *
v21_report_file_name (const char *title,
                      const char *suffix,
                      const char *extension)
{
  GString *name = g_string_new (NULL);
  const char *p;

  for (p = title != NULL ? title : ""; *p != '\0' && name->len < 100; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || strchr ("/\\:*?\"<>|", (int) c) != NULL
          || g_unichar_isspace (c))
        c = ' ';
      if (c == ' ' && (name->len == 0 || name->str[name->len - 1] == ' '))
        continue;
      g_string_append_unichar (name, c);
    }
  /* No hidden file, no option-like name, no trailing dot or space (Windows). */
  while (name->len > 0 && (name->str[0] == '.' || name->str[0] == '-' || name->str[0] == ' '))
    g_string_erase (name, 0, 1);
  while (name->len > 0 && (name->str[name->len - 1] == '.' || name->str[name->len - 1] == ' '))
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    /* Translators: the file name of a report when the workshop has no usable title. */
    g_string_append (name, _("report"));
  if (suffix != NULL)
    g_string_append (name, suffix);
  g_string_append_printf (name, ".%s", extension);
  return g_string_free (name, FALSE);
}

/* The report */

static char *
credits_text (V21Workshop *workshop)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  GString *credits = g_string_new (NULL);
  static const struct { const char *role; const char *label; } roles[] = {
    /* Translators: on the cover of the report, before the facilitators' names. */
    { "facilitator", N_("Facilitation") },
    /* Translators: on the cover of the report, before the technical lead's name. */
    { "technical_lead", N_("Technical lead") },
    /* Translators: on the cover of the report, before the political sponsor's name. */
    { "political_sponsor", N_("Political sponsor") },
  };

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < v21_collection_get_n (people); i++)
        {
          V21Record *person = v21_collection_get (people, i);

          if (g_strcmp0 (_v21_text (person, "role"), roles[r].role) != 0
              || !v21_consent_may_name (person))
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, _v21_text (person, "name"));
        }
      if (names->len == 0)
        continue;
      if (credits->len > 0)
        g_string_append_c (credits, '\n');
      /* Translators: "Animation : Claire Fontanel". */
      g_string_append_printf (credits, _("%s: %s"), _(roles[r].label), names->str);
    }
  return g_string_free (credits, credits->len == 0);
}

/* Sections */

static const struct
{
  const char        *key;
  V21ReportSections  section;
  const char        *label;
} section_keys[] = {
  { "context", V21_REPORT_CONTEXT, N_("Context and framing") },
  { "people", V21_REPORT_PEOPLE, N_("Who took part") },
  { "participant_list", V21_REPORT_PARTICIPANT_LIST, N_("List of participants") },
  { "run_sheet", V21_REPORT_RUN_SHEET, N_("The run sheet as held") },
  { "results", V21_REPORT_RESULTS, N_("What the seminar produced") },
  { "method_notes", V21_REPORT_METHOD_NOTES, N_("Lessons on the method") },
  { "appendix", V21_REPORT_APPENDIX, N_("Appendix: every contribution") },
};

const char *
v21_report_section_key (guint              index,
                        V21ReportSections *section)
{
  if (index >= G_N_ELEMENTS (section_keys))
    return NULL;
  if (section != NULL)
    *section = section_keys[index].section;
  return section_keys[index].key;
}

const char *
v21_report_section_label (V21ReportSections section)
{
  for (guint i = 0; i < G_N_ELEMENTS (section_keys); i++)
    if (section_keys[i].section == section)
      return _(section_keys[i].label);
  return "";
}

V21ReportSections
v21_report_get_sections (V21Workshop *workshop)
{
  json_object *saved = v21_record_get_value (v21_workshop_get_root (workshop), "report");
  V21ReportSections sections = V21_REPORT_DEFAULT_SECTIONS;

  if (saved == NULL || !json_object_is_type (saved, json_type_object))
    return sections;
  for (guint i = 0; i < G_N_ELEMENTS (section_keys); i++)
    {
      json_object *value = NULL;

      if (!json_object_object_get_ex (saved, section_keys[i].key, &value)
          || !json_object_is_type (value, json_type_boolean))
        continue;
      if (json_object_get_boolean (value))
        sections |= section_keys[i].section;
      else
        sections &= ~section_keys[i].section;
    }
  return sections;
}

gboolean
v21_report_set_sections (V21Workshop       *workshop,
                         V21ReportSections  sections,
                         GError           **error)
{
  json_object *saved = v21_record_get_value (v21_workshop_get_root (workshop), "report");
  json_object *value = NULL;   /* json_object_deep_copy() copies only into NULL */

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  if (v21_report_get_sections (workshop) == sections && saved != NULL)
    return TRUE;
  /* Keys this version does not know are kept. */
  if (saved != NULL && json_object_is_type (saved, json_type_object))
    json_object_deep_copy (saved, &value, NULL);
  else
    value = json_object_new_object ();
  for (guint i = 0; i < G_N_ELEMENTS (section_keys); i++)
    json_object_object_add (value, section_keys[i].key,
                            json_object_new_boolean ((sections & section_keys[i].section) != 0));
  return v21_workshop_set (workshop, v21_workshop_get_root (workshop), "report", value, error);
}

/**
 * v21_report_new:
 * @workshop: the workshop
 * @flags: %V21_REPORT_ANONYMIZED for a workshop that went through v21_anonymize()
 *
 * Returns: (transfer full): the report of @workshop
 */
V21Report *
v21_report_new (V21Workshop    *workshop,
                V21ReportFlags  flags)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);

  return v21_report_new_with_sections (workshop, flags, v21_report_get_sections (workshop));
}

/**
 * v21_report_new_with_sections:
 * @workshop: the workshop
 * @flags: as for v21_report_new()
 * @sections: what goes in, whatever the workshop saved
 *
 * Returns: (transfer full): the report of @workshop
 */
V21Report *
v21_report_new_with_sections (V21Workshop       *workshop,
                              V21ReportFlags     flags,
                              V21ReportSections  sections)
{
  V21Record *root;
  V21ReportBuilder builder = { 0 };
  V21Report *report;
  g_autofree char *dates = NULL;
  g_autofree char *credits = NULL;
  g_autofree char *horizon = NULL;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);

  root = v21_workshop_get_root (workshop);
  report = g_new0 (V21Report, 1);
  report->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  report->anonymized = (flags & V21_REPORT_ANONYMIZED) != 0;
  report->title = report_text (v21_workshop_get_title (workshop));
  report->territory = report_text (v21_workshop_get_territory_name (workshop));
  report->kind_line = report_text (_("Written report of the foresight seminar"));
  dates = v21_run_sheet_format_dates (workshop);
  report->dates = nonempty_or_null (dates);
  /* Translators: on the cover of the report: "Horizon 2056". */
  horizon = g_strdup_printf (_("Horizon %ld"), (long) v21_record_get_int (root, "horizon_year", 0));
  report->horizon = report_text (horizon);
  report->venue = nonempty_or_null (_v21_text (root, "venue"));
  credits = credits_text (workshop);
  report->credits = nonempty_or_null (credits);
  report->running_title = report_text (v21_workshop_get_title (workshop));

  builder.workshop = workshop;
  builder.report = report;
  builder.sections = sections;
  builder.attendance = v21_attendance_recorded (workshop);
  _v21_report_build (&builder);
  return report;
}
