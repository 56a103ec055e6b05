/* v21-robustness-page.c — the robustness grid: challenges × current answers
 *
 * A small grid (a few challenges × a few dozen answers): one button per cell,
 * coloured by score, every cell reached with the arrows. The rules are in
 * v21-robustness.h; the heat map for the report comes from the render layer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-robustness-page"

#include "config.h"

#include <glib/gi18n.h>

#include "v21-cards.h"
#include "v21-pages.h"
#include "v21-robustness.h"
#include "v21-robustness-page.h"
#include "v21-widgets.h"

struct _V21RobustnessPage
{
  AdwBin       parent_instance;

  V21Workshop *workshop;
  GPtrArray   *challenges;   /* rows, at most MAX_SHOWN */
  GPtrArray   *answers;      /* columns, at most MAX_SHOWN */
  guint        n_challenges; /* all of them, shown or not */
  guint        n_answers;
  GPtrArray   *cells;        /* GtkButton, row by row */
  gboolean     dirty;        /* changed while not shown */
  int          row;          /* the current cell, -1 when none */
  int          column;
  guint        refresh_id;

  /* Template widgets */
  GtkGrid     *grid;
  GtkLabel    *cell_label;
  GtkEntry    *comment_entry;
};

G_DEFINE_FINAL_TYPE (V21RobustnessPage, v21_robustness_page, ADW_TYPE_BIN)

/* A workshop scores a few challenges against a few dozen answers; a grid of
 * thousands of buttons would take seconds to build and could not be read. */
#define MAX_SHOWN 60

static V21Record *
challenge_at (V21RobustnessPage *self,
              int                row)
{
  return self->challenges && row >= 0 && (guint) row < self->challenges->len
         ? g_ptr_array_index (self->challenges, row) : NULL;
}

static V21Record *
answer_at (V21RobustnessPage *self,
           int                column)
{
  return self->answers && column >= 0 && (guint) column < self->answers->len
         ? g_ptr_array_index (self->answers, column) : NULL;
}

static GtkWidget *
cell_at (V21RobustnessPage *self,
         int                row,
         int                column)
{
  if (challenge_at (self, row) == NULL || answer_at (self, column) == NULL)
    return NULL;
  return g_ptr_array_index (self->cells, row * self->answers->len + column);
}

/* A cell shows its score and its colour, and says both to screen readers. */
static void
update_cell (V21RobustnessPage *self,
             int                row,
             int                column)
{
  GtkWidget *cell = cell_at (self, row, column);
  V21Record *challenge = challenge_at (self, row);
  V21Record *answer = answer_at (self, column);
  V21Record *score = v21_robustness_find (self->workshop, challenge, answer);
  gint64 value = score ? v21_record_get_int (score, "score", -1) : -1;
  g_autofree char *text = value >= 0 ? g_strdup_printf ("%ld", (long) value) : g_strdup ("·");
  g_autofree char *css = value >= 0 ? g_strdup_printf ("v21-score-%ld", (long) value) : g_strdup ("v21-score-none");
  g_autofree char *name = NULL;

  if (cell == NULL)
    return;
  gtk_button_set_label (GTK_BUTTON (cell), text);
  gtk_widget_set_css_classes (cell, (const char *[]) { "v21-score", css, NULL });
  name = value >= 0
         /* Translators: "Sécheresses × Réseau de haies: 2 out of 3" */
         ? g_strdup_printf (_("%s × %s: %ld out of 3"), v21_text (challenge, "text"), v21_text (answer, "text"), (long) value)
         : g_strdup_printf (_("%s × %s: not scored"), v21_text (challenge, "text"), v21_text (answer, "text"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (cell, score && *v21_text (score, "comment") ? v21_text (score, "comment") : name);
}

static void
show_current (V21RobustnessPage *self)
{
  V21Record *challenge = challenge_at (self, self->row);
  V21Record *answer = answer_at (self, self->column);
  V21Record *score = challenge && answer ? v21_robustness_find (self->workshop, challenge, answer) : NULL;
  g_autofree char *text = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "robustness.threat", challenge && answer);
  gtk_widget_set_sensitive (GTK_WIDGET (self->comment_entry), challenge && answer);
  if (challenge == NULL || answer == NULL)
    {
      gtk_label_set_text (self->cell_label, "");
      return;
    }
  text = g_strdup_printf ("%s × %s", v21_text (challenge, "text"), v21_text (answer, "text"));
  gtk_label_set_text (self->cell_label, text);
  if (!v21_has_focus_within (GTK_WIDGET (self->comment_entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), score ? v21_text (score, "comment") : "");
}

static void
report (V21RobustnessPage *self,
        gboolean           ok,
        GError            *error)
{
  if (!ok)
    v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
}

static gboolean
on_cell_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             V21RobustnessPage     *self)
{
  V21Record *challenge = challenge_at (self, self->row);
  V21Record *answer = answer_at (self, self->column);
  g_autoptr(GError) error = NULL;
  int digit = -1;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0 || challenge == NULL || answer == NULL)
    return FALSE;
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_3)
    digit = (int) (keyval - GDK_KEY_0);
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_3)
    digit = (int) (keyval - GDK_KEY_KP_0);
  if (digit >= 0)
    report (self, v21_robustness_set (self->workshop, challenge, answer, digit, NULL, &error), error);
  else if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_BackSpace)
    report (self, v21_robustness_clear (self->workshop, challenge, answer, &error), error);
  else if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    gtk_widget_grab_focus (GTK_WIDGET (self->comment_entry));
  else
    return FALSE;
  return TRUE;
}

static void
on_cell_focus (GtkEventControllerFocus *controller,
               V21RobustnessPage       *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  gtk_grid_query_child (self->grid, cell, &self->column, &self->row, NULL, NULL);
  self->column--;
  self->row--;
  show_current (self);
}

static void
on_cell_clicked (GtkButton         *cell,
                 V21RobustnessPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (cell));
}

static GtkWidget *
header (const char *text,
        gboolean    column)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (label), column ? 4 : 3);
  gtk_label_set_max_width_chars (GTK_LABEL (label), column ? 12 : 30);
  gtk_label_set_width_chars (GTK_LABEL (label), column ? 12 : 20);
  gtk_label_set_xalign (GTK_LABEL (label), column ? 0.5 : 0);
  gtk_widget_set_valign (label, column ? GTK_ALIGN_END : GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (label, text);
  gtk_widget_add_css_class (label, column ? "v21-grid-column" : "v21-grid-row");
  return label;
}

static GtkWidget *
new_cell (V21RobustnessPage *self)
{
  GtkWidget *cell = gtk_button_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_cell_key), self);
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus), self);
  g_signal_connect (cell, "clicked", G_CALLBACK (on_cell_clicked), self);
  gtk_widget_add_controller (cell, keys);
  gtk_widget_add_controller (cell, focus);
  return cell;
}

static void
rebuild (V21RobustnessPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->cells, 0);
  if (self->challenges->len == 0 || self->answers->len == 0)
    {
      gtk_grid_attach (self->grid, header (_("The grid needs challenge cards and resource or action cards: "
                                             "capture them first."), FALSE), 0, 0, 1, 1);
      return;
    }
  for (guint c = 0; c < self->answers->len; c++)
    gtk_grid_attach (self->grid, header (v21_text (g_ptr_array_index (self->answers, c), "text"), TRUE), c + 1, 0, 1, 1);
  for (guint r = 0; r < self->challenges->len; r++)
    {
      gtk_grid_attach (self->grid, header (v21_text (g_ptr_array_index (self->challenges, r), "text"), FALSE), 0, r + 1, 1, 1);
      for (guint c = 0; c < self->answers->len; c++)
        {
          GtkWidget *cell = new_cell (self);

          g_ptr_array_add (self->cells, cell);
          gtk_grid_attach (self->grid, cell, c + 1, r + 1, 1, 1);
        }
    }
  if (self->n_challenges > self->challenges->len || self->n_answers > self->answers->len)
    {
      g_autofree char *text = g_strdup_printf (_("Only the first %u challenges and %u answers are shown "
                                                 "(of %u and %u)."),
                                               self->challenges->len, self->answers->len,
                                               self->n_challenges, self->n_answers);

      gtk_grid_attach (self->grid, header (text, FALSE), 0, self->challenges->len + 1, self->answers->len + 1, 1);
    }
}

static gboolean
same_records (GPtrArray *a,
              GPtrArray *b)
{
  if (a == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;
  return TRUE;
}

static gboolean
refresh (gpointer data)
{
  V21RobustnessPage *self = data;
  g_autoptr(GPtrArray) challenges = v21_robustness_challenges (self->workshop);
  g_autoptr(GPtrArray) answers = v21_robustness_answers (self->workshop);

  self->refresh_id = 0;
  self->n_challenges = challenges->len;
  self->n_answers = answers->len;
  g_ptr_array_set_size (challenges, MIN (challenges->len, MAX_SHOWN));
  g_ptr_array_set_size (answers, MIN (answers->len, MAX_SHOWN));
  if (!same_records (self->challenges, challenges) || !same_records (self->answers, answers))
    {
      g_clear_pointer (&self->challenges, g_ptr_array_unref);
      g_clear_pointer (&self->answers, g_ptr_array_unref);
      self->challenges = g_steal_pointer (&challenges);
      self->answers = g_steal_pointer (&answers);
      rebuild (self);
      self->row = self->column = -1;
    }
  for (guint r = 0; r < self->challenges->len; r++)
    for (guint c = 0; c < self->answers->len; c++)
      update_cell (self, r, c);
  show_current (self);
  return G_SOURCE_REMOVE;
}

/* Built when shown, not with the window. */
static void
queue_refresh (V21RobustnessPage *self)
{
  self->dirty = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->refresh_id == 0 && !self->dirty)
    self->refresh_id = g_idle_add (refresh, self);
}

/* Shown: built at once, before it is drawn. */
static void
on_map (V21RobustnessPage *self)
{
  if (!self->dirty)
    return;
  self->dirty = FALSE;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
}

static void
on_comment_activate (V21RobustnessPage *self)
{
  V21Record *challenge = challenge_at (self, self->row);
  V21Record *answer = answer_at (self, self->column);
  V21Record *score = challenge && answer ? v21_robustness_find (self->workshop, challenge, answer) : NULL;
  g_autoptr(GError) error = NULL;

  if (challenge == NULL || answer == NULL)
    return;
  if (score == NULL)
    {
      v21_show_toast (GTK_WIDGET (self), _("Score the cell first (0 to 3)"), NULL, NULL);
      return;
    }
  report (self, v21_robustness_set (self->workshop, challenge, answer, (int) v21_record_get_int (score, "score", 0),
                                    gtk_editable_get_text (GTK_EDITABLE (self->comment_entry)), &error), error);
  gtk_widget_grab_focus (cell_at (self, self->row, self->column));
}

static void
threat_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  V21RobustnessPage *self = V21_ROBUSTNESS_PAGE (widget);
  V21Record *challenge = challenge_at (self, self->row);
  V21Record *answer = answer_at (self, self->column);
  g_autoptr(GError) error = NULL;

  if (challenge == NULL || answer == NULL)
    return;
  if (v21_robustness_to_threat (self->workshop, challenge, answer, NULL, &error) == NULL)
    v21_show_toast (widget, error->message, NULL, NULL);
  else
    v21_show_toast (widget, _("Threat card added to the board"), _("_Undo"), "win.undo");
}

static void
v21_robustness_page_dispose (GObject *object)
{
  V21RobustnessPage *self = V21_ROBUSTNESS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), V21_TYPE_ROBUSTNESS_PAGE);
  g_clear_pointer (&self->challenges, g_ptr_array_unref);
  g_clear_pointer (&self->answers, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_object (&self->workshop);
  G_OBJECT_CLASS (v21_robustness_page_parent_class)->dispose (object);
}

static void
v21_robustness_page_class_init (V21RobustnessPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = v21_robustness_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/visions21/Atelier/v21-robustness-page.ui");
  gtk_widget_class_bind_template_child (widget_class, V21RobustnessPage, grid);
  gtk_widget_class_bind_template_child (widget_class, V21RobustnessPage, cell_label);
  gtk_widget_class_bind_template_child (widget_class, V21RobustnessPage, comment_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_comment_activate);
  gtk_widget_class_install_action (widget_class, "robustness.threat", NULL, threat_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "robustness.threat", NULL);
}

static void
v21_robustness_page_init (V21RobustnessPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->row = self->column = -1;
  self->cells = g_ptr_array_new ();
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

GtkWidget *
v21_robustness_page_new (V21Workshop *workshop)
{
  V21RobustnessPage *self = g_object_new (V21_TYPE_ROBUSTNESS_PAGE, NULL);

  self->workshop = g_object_ref (workshop);
  g_signal_connect_object (workshop, "changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  queue_refresh (self);
  return GTK_WIDGET (self);
}
