/* v21-letters.c — the invitation letters, one A4 page per person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-letters"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "v21-letters.h"
#include "v21-invitations.h"
#include "v21-labels.h"
#include "v21-letter.h"
#include "v21-print-kit-private.h"
#include "v21-report-odt-private.h"
#include "v21-file-io.h"

gboolean
v21_letters_wanted (V21Record *person)
{
  V21Invitation state = v21_invitation_get (person);

  return state == V21_INVITATION_TO_INVITE || state == V21_INVITATION_INVITED
         || state == V21_INVITATION_NO_REPLY;
}

guint
v21_letters_count (V21Workshop *workshop)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  guint n = 0;

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    n += v21_letters_wanted (v21_collection_get (people, i));
  return n;
}

static const char *
sponsor_name (V21Workshop *workshop)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);

      if (g_strcmp0 (v21_record_get_string (person, "role"), "political_sponsor") == 0)
        return v21_record_get_string (person, "name");
    }
  return NULL;
}

/* The authority (its name and address lines) and the recipient; returns
 * where the letter goes on. */
static double
draw_heads (Kit                *kit,
            const V21Authority *authority,
            V21Record          *person)
{
  Font bold = { SANS, 11, PANGO_WEIGHT_BOLD, FALSE };
  Font body = { SANS, 10, PANGO_WEIGHT_NORMAL, FALSE };
  V21Record *root = v21_workshop_get_root (kit->workshop);
  json_object *territory = v21_record_get_value (root, "territory");
  json_object *kind = json_object_object_get (territory, "kind");
  double half = (PAGE_WIDTH - 2 * MARGIN) / 2;
  double y = MARGIN;
  double right = MARGIN;
  const char *organisation = v21_record_get_string (person, "organisation");

  y += _v21_kit_text (kit, bold, INK, MARGIN, y, half - 12, authority->name, TRUE);
  if (authority->address != NULL)
    y += _v21_kit_text (kit, body, INK, MARGIN, y, half - 12, authority->address, TRUE);
  else if (kind != NULL)
    y += _v21_kit_text (kit, body, GREY, MARGIN, y, half - 12,
                        v21_label ("territory_kind", json_object_get_string (kind)), TRUE);
  right += 64;
  right += _v21_kit_text (kit, bold, INK, MARGIN + half, right, half, v21_record_get_string (person, "name"), TRUE);
  if (organisation != NULL && organisation[0] != '\0')
    right += _v21_kit_text (kit, body, INK, MARGIN + half, right, half, organisation, TRUE);
  return MAX (y, right) + 40;
}

/* Who signs, as what: the authority's signatory, or the political sponsor. */
static void
draw_signature (Kit                *kit,
                const V21Authority *authority,
                double              y)
{
  Font body = { SERIF, 10.5, PANGO_WEIGHT_NORMAL, FALSE };
  double width = PAGE_WIDTH - 2 * MARGIN;
  double x = MARGIN + width / 2;
  const char *signatory = authority->signatory != NULL ? authority->signatory : sponsor_name (kit->workshop);
  g_autofree char *sign = authority->signatory_title != NULL ? g_strdup (authority->signatory_title)
                          : g_strdup_printf (_("For %s,"), authority->name);

  y += _v21_kit_text (kit, body, INK, x, y, width / 2, sign, TRUE) + 40;
  _v21_kit_rule (kit, x, y, width / 2, 0.5, RULE);
  if (signatory != NULL)
    _v21_kit_text (kit, body, INK, x, y + 6, width / 2, signatory, TRUE);
}

static void
draw_letter (Kit                *kit,
             const V21Authority *authority,
             const char         *template_text,
             V21Record          *person,
             const char         *reply_by)
{
  Font title = { SANS, 13, PANGO_WEIGHT_BOLD, FALSE };
  Font body = { SERIF, 10.5, PANGO_WEIGHT_NORMAL, FALSE };
  double width = PAGE_WIDTH - 2 * MARGIN;
  g_autofree char *subject = g_strdup_printf (_("Invitation: %s"), v21_workshop_get_title (kit->workshop));
  g_autofree char *text = v21_letter_fill (kit->workshop, person, template_text, reply_by);
  g_auto(GStrv) paragraphs = v21_letter_paragraphs (text);
  double y;

  _v21_kit_begin_page (kit, PAGE_WIDTH, PAGE_HEIGHT);
  y = draw_heads (kit, authority, person);
  y += _v21_kit_text (kit, title, INK, MARGIN, y, width, subject, TRUE) + 14;
  for (guint i = 0; paragraphs[i] != NULL; i++)
    y += _v21_kit_text (kit, body, INK, MARGIN, y, width, paragraphs[i], TRUE) + 8;
  draw_signature (kit, authority, y + 22);
  _v21_kit_end_page (kit);
}

static void
draw_letters (Kit        *kit,
              const char *reply_by)
{
  V21Collection *people = v21_workshop_get_collection (kit->workshop, "people");
  g_autofree char *template_text = v21_letter_get_template (kit->workshop);
  V21Authority authority;

  v21_authority_get (kit->workshop, &authority);
  _v21_kit_open (kit);
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    if (v21_letters_wanted (v21_collection_get (people, i)))
      draw_letter (kit, &authority, template_text, v21_collection_get (people, i), reply_by);
  _v21_kit_close (kit);
}

gboolean
v21_letters_write (V21Workshop  *workshop,
                   const char   *reply_by,
                   const char   *path,
                   GError      **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  Kit kit = { workshop, NULL };

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  if (v21_letters_count (workshop) == 0)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_VALUE,
                   _("Nobody is to invite, invited or without reply: there is no letter to write"));
      return FALSE;
    }
  /* Translators: the title of the letters' PDF document. */
  title = g_strdup_printf (_("%s — invitations"), v21_workshop_get_title (workshop));
  kit.surface = _v21_kit_pdf_surface (bytes, title);
  kit.n_pages = v21_letters_count (workshop);
  draw_letters (&kit, reply_by);
  return _v21_kit_save_pdf (kit.surface, bytes, path, _("Could not draw the letters: %s"), error);
}

/* The letters as OpenDocument text */

static const char odt_styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<office:document-styles" V21_ODT_NAMESPACES " office:version=\"1.3\">\n"
  "<office:styles>\n"
  " <style:default-style style:family=\"paragraph\">"
  "<style:paragraph-properties fo:margin-bottom=\"0.2cm\"/>"
  "<style:text-properties style:font-name=\"Liberation Serif\" fo:font-family=\"'Liberation Serif'\" fo:font-size=\"11pt\"/>"
  "</style:default-style>\n"
  " <style:style style:name=\"Body\" style:display-name=\"Body\" style:family=\"paragraph\">"
  "<style:paragraph-properties fo:margin-bottom=\"0.3cm\"/></style:style>\n"
  " <style:style style:name=\"Authority\" style:display-name=\"Authority\" style:family=\"paragraph\">"
  "<style:paragraph-properties fo:margin-right=\"9cm\"/>"
  "<style:text-properties fo:font-family=\"'Liberation Sans'\" fo:font-size=\"10pt\"/></style:style>\n"
  " <style:style style:name=\"Recipient\" style:display-name=\"Recipient\" style:family=\"paragraph\">"
  "<style:paragraph-properties fo:margin-left=\"9cm\" fo:margin-top=\"1cm\" fo:margin-bottom=\"1.5cm\"/>"
  "<style:text-properties fo:font-family=\"'Liberation Sans'\" fo:font-size=\"10pt\"/></style:style>\n"
  " <style:style style:name=\"Subject\" style:display-name=\"Subject\" style:family=\"paragraph\">"
  "<style:paragraph-properties fo:margin-bottom=\"0.5cm\"/>"
  "<style:text-properties fo:font-family=\"'Liberation Sans'\" fo:font-size=\"13pt\" fo:font-weight=\"bold\"/>"
  "</style:style>\n"
  " <style:style style:name=\"Signature\" style:display-name=\"Signature\" style:family=\"paragraph\">"
  "<style:paragraph-properties fo:margin-left=\"8.5cm\" fo:margin-top=\"0.8cm\"/></style:style>\n"
  " <style:style style:name=\"Strong\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/></style:style>\n"
  "</office:styles>\n"
  "<office:automatic-styles>\n"
  " <style:page-layout style:name=\"A4\"><style:page-layout-properties fo:page-width=\"21cm\""
  " fo:page-height=\"29.7cm\" fo:margin-top=\"1.7cm\" fo:margin-bottom=\"1.7cm\" fo:margin-left=\"1.7cm\""
  " fo:margin-right=\"1.7cm\"/></style:page-layout>\n"
  "</office:automatic-styles>\n"
  "<office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\"/></office:master-styles>\n"
  "</office:document-styles>\n";

/* @text in a paragraph of @style, its line breaks kept. */
static void
odt_paragraph (GString    *out,
               const char *style,
               const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  g_string_append_printf (out, "<text:p text:style-name=\"%s\">", style);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

      if (i > 0)
        g_string_append (out, "<text:line-break/>");
      g_string_append (out, escaped);
    }
  g_string_append (out, "</text:p>\n");
}

static void
odt_letter (GString            *out,
            V21Workshop        *workshop,
            const V21Authority *authority,
            const char         *template_text,
            V21Record          *person,
            const char         *reply_by,
            gboolean            first)
{
  const char *organisation = v21_record_get_string (person, "organisation");
  const char *signatory = authority->signatory != NULL ? authority->signatory : sponsor_name (workshop);
  g_autofree char *subject = g_strdup_printf (_("Invitation: %s"), v21_workshop_get_title (workshop));
  g_autofree char *text = v21_letter_fill (workshop, person, template_text, reply_by);
  g_auto(GStrv) paragraphs = v21_letter_paragraphs (text);
  g_autofree char *recipient = g_strjoin ("\n", v21_record_get_string (person, "name"),
                                          organisation != NULL && organisation[0] ? organisation : NULL, NULL);
  g_autofree char *heading = g_strjoin ("\n", authority->name, authority->address, NULL);
  g_autofree char *sign = authority->signatory_title != NULL ? g_strdup (authority->signatory_title)
                          : g_strdup_printf (_("For %s,"), authority->name);
  g_autofree char *signature = g_strjoin ("\n\n\n", sign, signatory, NULL);

  /* Each letter starts a page. */
  odt_paragraph (out, first ? "Authority" : "AuthorityNewPage", heading);
  odt_paragraph (out, "Recipient", recipient);
  odt_paragraph (out, "Subject", subject);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    odt_paragraph (out, "Body", paragraphs[i]);
  odt_paragraph (out, "Signature", signature);
}

static char *
odt_content (V21Workshop *workshop,
             const char  *reply_by)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  g_autofree char *template_text = v21_letter_get_template (workshop);
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<office:document-content" V21_ODT_NAMESPACES " office:version=\"1.3\">\n"
                               "<office:automatic-styles>"
                               "<style:style style:name=\"AuthorityNewPage\" style:family=\"paragraph\""
                               " style:parent-style-name=\"Authority\">"
                               "<style:paragraph-properties fo:break-before=\"page\"/></style:style>"
                               "</office:automatic-styles>\n"
                               "<office:body><office:text>\n");
  V21Authority authority;
  gboolean first = TRUE;

  v21_authority_get (workshop, &authority);
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    if (v21_letters_wanted (v21_collection_get (people, i)))
      {
        odt_letter (out, workshop, &authority, template_text, v21_collection_get (people, i), reply_by, first);
        first = FALSE;
      }
  g_string_append (out, "</office:text></office:body>\n</office:document-content>\n");
  return g_string_free (out, FALSE);
}

gboolean
v21_letters_write_odt (V21Workshop  *workshop,
                       const char   *reply_by,
                       const char   *path,
                       GError      **error)
{
  g_autofree char *content = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  if (v21_letters_count (workshop) == 0)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_VALUE,
                   _("Nobody is to invite, invited or without reply: there is no letter to write"));
      return FALSE;
    }
  content = odt_content (workshop, reply_by);
  bytes = _v21_odt_package (content, odt_styles, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return v21_file_write_atomic (path, data, length, FALSE, error);
}
