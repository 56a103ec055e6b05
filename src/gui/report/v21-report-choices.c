/* v21-report-choices.c — what the report holds, and what leaves the team
 *
 * Two groups beside the preview: a switch per section of the report (the
 * workshop's saved "report" object, through v21_report_set_sections(), so a
 * change is one undoable edit), and, for the technical lead to review before
 * sending, what the anonymisation of the export replaces: each person with
 * the label they become and how often the texts name them, the e-mails and
 * phone numbers. Names are shown: this list stays on this computer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-report-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "v21-report-choices.h"
#include "v21-pages.h"

struct _V21ReportChoices
{
  GtkWidget     parent_instance;

  V21Workshop  *workshop;
  GtkWidget    *sections_group;
  GtkWidget    *replaced_group;
  GPtrArray    *switches;        /* GtkSwitch, one per section, in order */
  GPtrArray    *replaced_rows;   /* AdwActionRow of replaced_group */
  gboolean      syncing;
};

enum { PROP_0, PROP_WORKSHOP, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (V21ReportChoices, v21_report_choices, GTK_TYPE_WIDGET)

/* What a section's row says under its title, when there is more to say. */
static const char *
section_note (V21ReportSections section)
{
  switch (section)
    {
    case V21_REPORT_PARTICIPANT_LIST:
      return _("Names only the people who agreed to be named");
    case V21_REPORT_METHOD_NOTES:
      return _("Written for facilitators, not for elected officials");
    case V21_REPORT_APPENDIX:
      return _("Every card, grouped by exercise: many pages");
    default:
      return NULL;
    }
}

/* Sections */

static GtkSwitch *
switch_of (V21ReportChoices  *self,
           V21ReportSections  section)
{
  V21ReportSections each;

  for (guint i = 0; v21_report_section_key (i, &each) != NULL; i++)
    if (each == section)
      return g_ptr_array_index (self->switches, i);
  return NULL;
}

/* The switches say what the workshop saved (after an undo too). */
static void
sync_switches (V21ReportChoices *self)
{
  V21ReportSections sections = v21_report_get_sections (self->workshop);
  V21ReportSections section;
  GtkWidget *list_row;

  self->syncing = TRUE;
  /* Only those that differ: setting a switch ends the slide of one the user
   * just clicked. */
  for (guint i = 0; v21_report_section_key (i, &section) != NULL; i++)
    {
      GtkSwitch *toggle = g_ptr_array_index (self->switches, i);

      if (gtk_switch_get_active (toggle) != ((sections & section) != 0))
        gtk_switch_set_active (toggle, (sections & section) != 0);
    }
  self->syncing = FALSE;
  /* The list of participants is a part of "Who took part". */
  list_row = gtk_widget_get_ancestor (GTK_WIDGET (switch_of (self, V21_REPORT_PARTICIPANT_LIST)), ADW_TYPE_ACTION_ROW);
  gtk_widget_set_sensitive (list_row, (sections & V21_REPORT_PEOPLE) != 0);
}

static void
on_section_toggled (GtkSwitch        *toggle,
                    GParamSpec       *pspec,
                    V21ReportChoices *self)
{
  V21ReportSections section = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "v21-section"));
  V21ReportSections sections = v21_report_get_sections (self->workshop);
  g_autoptr(GError) error = NULL;

  if (self->syncing)
    return;
  sections = gtk_switch_get_active (toggle) ? sections | section : sections & ~section;
  if (!v21_report_set_sections (self->workshop, sections, &error))
    {
      v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
      sync_switches (self);
    }
}

static void
add_section_row (V21ReportChoices  *self,
                 V21ReportSections  section)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  const char *title = v21_report_section_label (section);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (section_note (section) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), section_note (section));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (toggle), "v21-section", GUINT_TO_POINTER (section));
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_section_toggled), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->sections_group), row);
  g_ptr_array_add (self->switches, toggle);
}

/* What is replaced */

static void
add_replaced_row (V21ReportChoices *self,
                  const char       *title,
                  const char       *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *spoken = g_strdup_printf ("%s, %s", title, subtitle);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->replaced_group), row);
  g_ptr_array_add (self->replaced_rows, row);
}

/* @none when @n is 0, else @counted (a translation of n) with @n in it. */
static char *
count_text (guint       n,
            const char *none,
            const char *counted)
{
  return n == 0 ? g_strdup (none) : g_strdup_printf (counted, n);
}

static void
add_person_row (V21ReportChoices  *self,
                V21ReplacedPerson *person)
{
  /* Translators: in the list of what anonymisation replaces, a name and the
   * label it becomes: "Gérard Pouvreau → Participant·e 9". */
  g_autofree char *title = g_strdup_printf (_("%s → %s"), person->name, person->label);
  g_autofree char *subtitle = count_text (person->count, _("Not named in the texts: only in the list of people"),
                                          g_dngettext (GETTEXT_PACKAGE, "Named %u time in the texts, replaced there",
                                                       "Named %u times in the texts, replaced there", person->count));

  add_replaced_row (self, title, subtitle);
}

void
v21_report_choices_show_summary (V21ReportChoices    *self,
                                 V21AnonymizeSummary *summary)
{
  g_autofree char *emails = NULL;
  g_autofree char *phones = NULL;

  g_return_if_fail (V21_IS_REPORT_CHOICES (self));
  g_return_if_fail (summary != NULL);

  for (guint i = 0; i < self->replaced_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->replaced_group), g_ptr_array_index (self->replaced_rows, i));
  g_ptr_array_set_size (self->replaced_rows, 0);
  if (summary->people->len == 0)
    add_replaced_row (self, _("Nobody to replace"), _("Everyone in the list agreed to be named"));
  for (guint i = 0; i < summary->people->len; i++)
    add_person_row (self, g_ptr_array_index (summary->people, i));
  emails = count_text (summary->n_emails, _("No address in the texts"),
                       g_dngettext (GETTEXT_PACKAGE, "%u address in the texts, removed",
                                    "%u addresses in the texts, removed", summary->n_emails));
  add_replaced_row (self, _("E-mail addresses"), emails);
  phones = count_text (summary->n_phones, _("No number in the texts"),
                       g_dngettext (GETTEXT_PACKAGE, "%u number in the texts, removed",
                                    "%u numbers in the texts, removed", summary->n_phones));
  add_replaced_row (self, _("Phone numbers"), phones);
  if (summary->n_shared > 0)
    {
      g_autofree char *shared = count_text (summary->n_shared, "",
                                            g_dngettext (GETTEXT_PACKAGE, "%u time, replaced without a number",
                                                         "%u times, replaced without a number", summary->n_shared));

      add_replaced_row (self, _("Names two people share"), shared);
    }
}

/* For the tests */

GtkSwitch *
v21_report_choices_get_switch (V21ReportChoices  *self,
                               V21ReportSections  section)
{
  g_return_val_if_fail (V21_IS_REPORT_CHOICES (self), NULL);
  return switch_of (self, section);
}

GStrv
v21_report_choices_get_lines (V21ReportChoices *self)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  g_return_val_if_fail (V21_IS_REPORT_CHOICES (self), NULL);
  for (guint i = 0; i < self->replaced_rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->replaced_rows, i);
      g_autofree char *line = g_strdup_printf ("%s — %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                               adw_action_row_get_subtitle (row));

      g_strv_builder_add (lines, line);
    }
  return g_strv_builder_end (lines);
}

/* The type */

static void
v21_report_choices_constructed (GObject *object)
{
  V21ReportChoices *self = V21_REPORT_CHOICES (object);
  V21ReportSections section;

  G_OBJECT_CLASS (v21_report_choices_parent_class)->constructed (object);
  g_return_if_fail (V21_IS_WORKSHOP (self->workshop));
  for (guint i = 0; v21_report_section_key (i, &section) != NULL; i++)
    add_section_row (self, section);
  sync_switches (self);
  g_signal_connect_object (self->workshop, "changed", G_CALLBACK (sync_switches), self, G_CONNECT_SWAPPED);
}

static void
v21_report_choices_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  V21ReportChoices *self = V21_REPORT_CHOICES (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      self->workshop = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
v21_report_choices_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  V21ReportChoices *self = V21_REPORT_CHOICES (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
v21_report_choices_dispose (GObject *object)
{
  V21ReportChoices *self = V21_REPORT_CHOICES (object);

  g_clear_pointer (&self->sections_group, gtk_widget_unparent);
  g_clear_pointer (&self->replaced_group, gtk_widget_unparent);
  g_ptr_array_set_size (self->switches, 0);
  g_ptr_array_set_size (self->replaced_rows, 0);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_report_choices_parent_class)->dispose (object);
}

static void
v21_report_choices_finalize (GObject *object)
{
  V21ReportChoices *self = V21_REPORT_CHOICES (object);

  g_ptr_array_unref (self->switches);
  g_ptr_array_unref (self->replaced_rows);
  G_OBJECT_CLASS (v21_report_choices_parent_class)->finalize (object);
}

static void
v21_report_choices_class_init (V21ReportChoicesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = v21_report_choices_constructed;
  object_class->set_property = v21_report_choices_set_property;
  object_class->get_property = v21_report_choices_get_property;
  object_class->dispose = v21_report_choices_dispose;
  object_class->finalize = v21_report_choices_finalize;

  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, V21_TYPE_WORKSHOP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
v21_report_choices_init (V21ReportChoices *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 18);
  self->switches = g_ptr_array_new ();
  self->replaced_rows = g_ptr_array_new ();
  self->sections_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->sections_group), _("Report Contents"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->sections_group),
                                         _("Saved in the workshop: the preview and every export follow it."));
  gtk_widget_set_parent (self->sections_group, GTK_WIDGET (self));
  self->replaced_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->replaced_group), _("Replaced Before Sending"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->replaced_group),
                                         _("What this export replaces, to check before it leaves the team. "
                                           "The names are shown on this computer only."));
  gtk_widget_set_parent (self->replaced_group, GTK_WIDGET (self));
}

GtkWidget *
v21_report_choices_new (V21Workshop *workshop)
{
  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  return g_object_new (V21_TYPE_REPORT_CHOICES, "workshop", workshop, NULL);
}
