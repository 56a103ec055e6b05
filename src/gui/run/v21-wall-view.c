/* v21-wall-view.c — the board's wall: cluster columns of card tiles
 *
 * The wall (src/render/v21-wall.c) is laid out again after an edit, once per
 * main loop turn and only while shown; a frame draws the visible tiles only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-wall-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "v21-capture.h"
#include "v21-cards.h"
#include "v21-pages.h"
#include "v21-render-text.h"
#include "v21-wall.h"
#include "v21-wall-view.h"

struct _V21WallView
{
  GtkWidget       parent_instance;

  V21Workshop    *workshop;
  GListModel     *cards;
  V21Wall        *wall;
  PangoContext   *pango;
  V21RenderStyle  style;
  GHashTable     *selected;     /* V21Record, referenced */
  GHashTable     *heights;      /* of the tiles, by card (v21_wall_new()) */
  V21Record      *focus;        /* referenced */
  gboolean        picked;
  guint           target;
  guint           relayout_id;

  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment;
  guint           hscroll_policy : 1;
  guint           vscroll_policy : 1;
  GtkDropTarget  *drop;
};

enum
{
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum { SELECTION_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];
static guint n_layouts;

G_DEFINE_FINAL_TYPE_WITH_CODE (V21WallView, v21_wall_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Layout */

static void update_adjustments (V21WallView *self);
static void update_description (V21WallView *self);
static void drop_missing (V21WallView *self);

static V21Wall *
get_wall (V21WallView *self)
{
  if (self->wall == NULL)
    {
      gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

      v21_render_style_init (&self->style, V21_RENDER_SCREEN, dark);
      self->wall = v21_wall_new (self->workshop, self->cards, self->pango, &self->style, self->heights);
      n_layouts++;
      drop_missing (self);
      self->target = MIN (self->target, v21_wall_get_n_columns (self->wall) - 1);
    }
  return self->wall;
}

/* Forgets cards that went (deleted, or filtered out). */
static void
drop_missing (V21WallView *self)
{
  GHashTableIter iter;
  gpointer card;
  guint column, index;
  gboolean changed = FALSE;

  g_hash_table_iter_init (&iter, self->selected);
  while (g_hash_table_iter_next (&iter, &card, NULL))
    if (!v21_wall_find (self->wall, card, &column, &index))
      {
        g_hash_table_iter_remove (&iter);
        changed = TRUE;
      }
  if (self->focus != NULL && !v21_wall_find (self->wall, self->focus, &column, &index))
    g_clear_object (&self->focus);
  if (changed)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static gboolean
relayout (gpointer data)
{
  V21WallView *self = data;

  self->relayout_id = 0;
  g_clear_pointer (&self->wall, v21_wall_free);
  /* Hidden, it is laid out again when shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;
  update_adjustments (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
queue_relayout (V21WallView *self)
{
  if (self->relayout_id == 0)
    self->relayout_id = g_idle_add (relayout, self);
}

/* A card's text changed, or it went (an undo may bring back another
 * record at its address): its tile is measured again. */
static void
on_card_changed (V21WallView *self,
                 V21Record   *card,
                 const char  *field)
{
  if (field == NULL || strcmp (field, "text") == 0)
    g_hash_table_remove (self->heights, card);
  queue_relayout (self);
}

static void
on_cards_changed (V21WallView *self,
                  guint        position,
                  guint        removed,
                  guint        added)
{
  if (removed > 0)
    g_hash_table_remove_all (self->heights);
  queue_relayout (self);
}

/* Scrolling */

static void
on_adjustment_changed (V21WallView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (V21WallView    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_changed, self);
  g_clear_object (slot);
  *slot = adjustment != NULL ? g_object_ref_sink (adjustment) : g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  g_signal_connect_swapped (*slot, "value-changed", G_CALLBACK (on_adjustment_changed), self);
  update_adjustments (self);
}

static void
update_adjustments (V21WallView *self)
{
  double width = 0, height = 0;
  int w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hadjustment == NULL || self->vadjustment == NULL || self->workshop == NULL)
    return;
  v21_wall_get_size (get_wall (self), &width, &height);
  gtk_adjustment_configure (self->hadjustment, MIN (gtk_adjustment_get_value (self->hadjustment), MAX (0, width - w)),
                            0, MAX (width, w), 24, w * 0.9, w);
  gtk_adjustment_configure (self->vadjustment, MIN (gtk_adjustment_get_value (self->vadjustment), MAX (0, height - h)),
                            0, MAX (height, h), 24, h * 0.9, h);
}

/* Keeps @rect (wall units) in view. */
static void
scroll_to (V21WallView             *self,
           const cairo_rectangle_t *rect)
{
  struct { GtkAdjustment *adjustment; double start, size; } axes[] = {
    { self->hadjustment, rect->x - 12, rect->width + 24 },
    { self->vadjustment, rect->y - 12, rect->height + 24 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (axes); i++)
    {
      double value = gtk_adjustment_get_value (axes[i].adjustment);
      double page = gtk_adjustment_get_page_size (axes[i].adjustment);

      if (axes[i].start < value)
        gtk_adjustment_set_value (axes[i].adjustment, axes[i].start);
      else if (axes[i].start + axes[i].size > value + page)
        gtk_adjustment_set_value (axes[i].adjustment, axes[i].start + axes[i].size - page);
    }
}

/* Drawing */

static void
v21_wall_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  V21WallView *self = V21_WALL_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double x = gtk_adjustment_get_value (self->hadjustment), y = gtk_adjustment_get_value (self->vadjustment);
  V21WallState state = { self->selected, self->focus, self->picked, self->target, gtk_widget_has_focus (widget) };
  cairo_rectangle_t visible = { x, y, width, height };
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->workshop == NULL)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, -x, -y);
  v21_wall_draw (get_wall (self), cr, &visible, &state);
  cairo_destroy (cr);
}

static void
v21_wall_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  update_adjustments (V21_WALL_VIEW (widget));
}

/* Selection and focus */

static void
set_focus (V21WallView *self,
           V21Record   *card)
{
  guint column, index;
  cairo_rectangle_t rect;

  g_set_object (&self->focus, card);
  if (card != NULL && v21_wall_find (get_wall (self), card, &column, &index))
    {
      v21_wall_get_tile (self->wall, column, index, &rect);
      scroll_to (self, &rect);
    }
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
toggle_selected (V21WallView *self,
                 V21Record   *card)
{
  if (!g_hash_table_remove (self->selected, card))
    g_hash_table_add (self->selected, g_object_ref (card));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
v21_wall_view_unselect_all (V21WallView *self)
{
  g_return_if_fail (V21_IS_WALL_VIEW (self));
  if (g_hash_table_size (self->selected) == 0)
    return;
  g_hash_table_remove_all (self->selected);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GPtrArray *
v21_wall_view_get_selected (V21WallView *self)
{
  V21Wall *wall = get_wall (self);
  GPtrArray *cards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint c = 0; c < v21_wall_get_n_columns (wall); c++)
    for (guint i = 0; i < v21_wall_column_n_cards (wall, c); i++)
      if (g_hash_table_contains (self->selected, v21_wall_get_card (wall, c, i)))
        g_ptr_array_add (cards, g_object_ref (v21_wall_get_card (wall, c, i)));
  return cards;
}

/* What a pick-up or a drag carries: the selection when it holds @card (or
 * when @card is NULL), else @card alone. */
static GPtrArray *
carried (V21WallView *self,
         V21Record   *card)
{
  GPtrArray *cards;

  if (card == NULL || g_hash_table_contains (self->selected, card))
    return v21_wall_view_get_selected (self);
  cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (cards, g_object_ref (card));
  return cards;
}

static void
update_description (V21WallView *self)
{
  g_autofree char *text = NULL;
  guint column, index;
  V21Wall *wall = self->wall;

  if (wall == NULL)
    return;
  if (self->picked)
    /* Translators: the wall of cards, for screen readers, while cards are carried. */
    text = g_strdup_printf (_("Cards picked up; Enter drops them in “%s”, Escape puts them back"),
                            v21_wall_column_name (wall, self->target));
  else if (self->focus != NULL && v21_wall_find (wall, self->focus, &column, &index))
    /* Translators: the tile the keyboard is on: cluster, position, kind, text. */
    text = g_strdup_printf (_("%s, card %u of %u: %s — %s"), v21_wall_column_name (wall, column), index + 1,
                            v21_wall_column_n_cards (wall, column),
                            v21_card_kind_label (v21_text (self->focus, "kind")), v21_text (self->focus, "text"));
  else
    text = g_strdup (_("Arrows choose a card, Space picks it up"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* Moving */

/* Puts @cards in @column's cluster (a new one for the last column); one undo step. */
static gboolean
move_to_column (V21WallView *self,
                GPtrArray   *cards,
                guint        column)
{
  V21Wall *wall = get_wall (self);
  V21Record *cluster = v21_wall_column_cluster (wall, column);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok = TRUE;

  if (cards->len == 0)
    return FALSE;
  if (v21_wall_column_is_new (wall, column))
    {
      cluster = v21_cluster_create (self->workshop, _("New cluster"), NULL, NULL, cards, &error);
      ok = cluster != NULL;
    }
  else
    {
      v21_workshop_begin_group (self->workshop, _("Move cards"));
      for (guint i = 0; i < cards->len && ok; i++)
        ok = v21_cards_move_to_cluster (self->workshop, g_ptr_array_index (cards, i), cluster, &error);
      if (ok)
        v21_workshop_end_group (self->workshop);
      else
        v21_workshop_cancel_group (self->workshop);
    }
  if (!ok)
    {
      v21_show_toast (GTK_WIDGET (self), error->message, NULL, NULL);
      return FALSE;
    }
  if (cluster != NULL)
    text = g_strdup_printf (ngettext ("%u card moved to “%s”", "%u cards moved to “%s”", cards->len),
                            cards->len, v21_text (cluster, "name"));
  else
    text = g_strdup_printf (ngettext ("%u card taken out of its cluster", "%u cards taken out of their clusters",
                                     cards->len), cards->len);
  v21_show_toast (GTK_WIDGET (self), text, _("_Undo"), "win.undo");
  return TRUE;
}

static void
pick_up (V21WallView *self)
{
  guint column = 0, index;

  if (self->focus == NULL && g_hash_table_size (self->selected) == 0)
    return;
  if (self->focus != NULL && !g_hash_table_contains (self->selected, self->focus))
    {
      g_hash_table_remove_all (self->selected);
      g_hash_table_add (self->selected, g_object_ref (self->focus));
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
  if (self->focus != NULL)
    v21_wall_find (get_wall (self), self->focus, &column, &index);
  self->picked = TRUE;
  self->target = column;
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
put_down (V21WallView *self,
          gboolean     drop)
{
  g_autoptr(GPtrArray) cards = v21_wall_view_get_selected (self);
  self->picked = FALSE;
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  if (drop)
    move_to_column (self, cards, self->target);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
choose_target (V21WallView *self,
               int          step)
{
  V21Wall *wall = get_wall (self);
  int target = CLAMP ((int) self->target + step, 0, (int) v21_wall_get_n_columns (wall) - 1);
  cairo_rectangle_t rect;

  self->target = (guint) target;
  v21_wall_get_tile (wall, self->target, 0, &rect);
  rect.y = 0;
  rect.height = 60;
  scroll_to (self, &rect);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The arrows: up and down in a column, left and right to the nearest tile of
 * the next column that has cards. */
static void
move_focus (V21WallView *self,
            int          dx,
            int          dy)
{
  V21Wall *wall = get_wall (self);
  guint n = v21_wall_get_n_columns (wall), column = 0, index = 0;
  cairo_rectangle_t rect;
  int c;

  if (self->focus == NULL || !v21_wall_find (wall, self->focus, &column, &index))
    {
      for (guint i = 0; i < n; i++)
        if (v21_wall_column_n_cards (wall, i) > 0)
          {
            set_focus (self, v21_wall_get_card (wall, i, 0));
            return;
          }
      return;
    }
  if (dy != 0)
    {
      int next = CLAMP ((int) index + dy, 0, (int) v21_wall_column_n_cards (wall, column) - 1);

      set_focus (self, v21_wall_get_card (wall, column, (guint) next));
      return;
    }
  v21_wall_get_tile (wall, column, index, &rect);
  for (c = (int) column + dx; c >= 0 && c < (int) n; c += dx)
    if (v21_wall_column_n_cards (wall, (guint) c) > 0)
      {
        cairo_rectangle_t tile;

        v21_wall_get_tile (wall, (guint) c, 0, &tile);
        V21Record *beside = v21_wall_card_at (wall, tile.x + 1, rect.y);
        guint last = v21_wall_column_n_cards (wall, (guint) c) - 1;

        set_focus (self, beside != NULL ? beside : v21_wall_get_card (wall, (guint) c, MIN (index, last)));
        return;
      }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                V21WallView           *self)
{
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;

  if (state & GDK_ALT_MASK)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      if (self->picked)
        choose_target (self, keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1);
      else
        move_focus (self, keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1, 0);
      return TRUE;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      if (!self->picked)
        move_focus (self, 0, keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1);
      return TRUE;
    case GDK_KEY_space: case GDK_KEY_KP_Space:
      if (ctrl && !self->picked && self->focus != NULL)
        toggle_selected (self, self->focus);
      else if (ctrl)
        return TRUE;
      else if (self->picked)
        put_down (self, TRUE);
      else
        pick_up (self);
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
      if (!self->picked || ctrl)
        return FALSE;
      put_down (self, TRUE);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->picked)
        put_down (self, FALSE);
      else if (g_hash_table_size (self->selected) > 0)
        v21_wall_view_unselect_all (self);
      else
        return FALSE;
      return TRUE;
    default:
      return FALSE;
    }
}

/* Pointer */

static void
on_click (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          V21WallView     *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  V21Record *card = v21_wall_card_at (get_wall (self), x + gtk_adjustment_get_value (self->hadjustment),
                                      y + gtk_adjustment_get_value (self->vadjustment));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->picked)
    put_down (self, FALSE);
  if (card == NULL)
    return;
  if (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK))
    toggle_selected (self, card);
  else
    {
      g_hash_table_remove_all (self->selected);
      g_hash_table_add (self->selected, g_object_ref (card));
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
  set_focus (self, card);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 V21WallView   *self)
{
  V21Record *card = v21_wall_card_at (get_wall (self), x + gtk_adjustment_get_value (self->hadjustment),
                                      y + gtk_adjustment_get_value (self->vadjustment));
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);

  if (card == NULL)
    return NULL;
  cards = carried (self, card);
  for (guint i = 0; i < cards->len; i++)
    g_string_append_printf (ids, "%s%s", i ? "\n" : "", v21_record_get_id (g_ptr_array_index (cards, i)));
  return gdk_content_provider_new_typed (G_TYPE_STRING, ids->str);
}

/* The board's cards as text ("id\nid…", as the table's drags carry them too). */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         V21WallView   *self)
{
  g_auto(GStrv) ids = g_strsplit (g_value_get_string (value), "\n", -1);
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      V21Record *card = v21_workshop_lookup (self->workshop, ids[i]);

      if (card != NULL && g_strcmp0 (v21_record_get_collection (card), "cards") == 0)
        g_ptr_array_add (cards, g_object_ref (card));
    }
  return move_to_column (self, cards,
                         v21_wall_column_at (get_wall (self), x + gtk_adjustment_get_value (self->hadjustment)));
}

static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                V21WallView   *self)
{
  self->picked = TRUE;
  self->target = v21_wall_column_at (get_wall (self), x + gtk_adjustment_get_value (self->hadjustment));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget *target,
               V21WallView   *self)
{
  self->picked = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Life cycle */

static void
v21_wall_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  V21WallView *self = V21_WALL_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT: g_value_set_object (value, self->hadjustment); break;
    case PROP_VADJUSTMENT: g_value_set_object (value, self->vadjustment); break;
    case PROP_HSCROLL_POLICY: g_value_set_enum (value, self->hscroll_policy); break;
    case PROP_VSCROLL_POLICY: g_value_set_enum (value, self->vscroll_policy); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
v21_wall_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  V21WallView *self = V21_WALL_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT: set_adjustment (self, &self->hadjustment, g_value_get_object (value)); break;
    case PROP_VADJUSTMENT: set_adjustment (self, &self->vadjustment, g_value_get_object (value)); break;
    case PROP_HSCROLL_POLICY: self->hscroll_policy = g_value_get_enum (value); break;
    case PROP_VSCROLL_POLICY: self->vscroll_policy = g_value_get_enum (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
v21_wall_view_dispose (GObject *object)
{
  V21WallView *self = V21_WALL_VIEW (object);

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_clear_pointer (&self->wall, v21_wall_free);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->focus);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->heights, g_hash_table_unref);
  g_clear_object (&self->cards);
  g_clear_object (&self->workshop);
  g_clear_object (&self->pango);
  G_OBJECT_CLASS (v21_wall_view_parent_class)->dispose (object);
}

static void
v21_wall_view_class_init (V21WallViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = v21_wall_view_get_property;
  object_class->set_property = v21_wall_view_set_property;
  object_class->dispose = v21_wall_view_dispose;
  widget_class->snapshot = v21_wall_view_snapshot;
  widget_class->size_allocate = v21_wall_view_size_allocate;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * V21WallView::selection-changed:
   *
   * The selected cards changed (a click, Ctrl+Space), or they were picked
   * up or put down.
   */
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (widget_class, "wallview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
v21_wall_view_init (V21WallView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDragSource *source = gtk_drag_source_new ();

  self->selected = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->heights = v21_wall_heights_new ();
  self->pango = v21_render_text_context ();
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
  self->drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect (self->drop, "drop", G_CALLBACK (on_drop), self);
  g_signal_connect (self->drop, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (self->drop, "leave", G_CALLBACK (on_drop_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (queue_relayout), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self, "notify::has-focus", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Wall of cards, a column per cluster"), -1);
}

GtkWidget *
v21_wall_view_new (V21Workshop *workshop,
                   GListModel  *cards)
{
  V21WallView *self;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (cards), NULL);

  self = g_object_new (V21_TYPE_WALL_VIEW, NULL);
  self->workshop = g_object_ref (workshop);
  self->cards = g_object_ref (cards);
  /* What a tile shows, or where it stands, changed. */
  g_signal_connect_object (cards, "items-changed", G_CALLBACK (queue_relayout), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (v21_workshop_get_collection (workshop, "cards"), "items-changed",
                           G_CALLBACK (on_cards_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workshop, "record-changed::cards", G_CALLBACK (on_card_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workshop, "record-changed::clusters", G_CALLBACK (queue_relayout), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (v21_workshop_get_collection (workshop, "clusters"), "items-changed",
                           G_CALLBACK (queue_relayout), self, G_CONNECT_SWAPPED);
  update_adjustments (self);
  return GTK_WIDGET (self);
}

gboolean
v21_wall_view_get_picked (V21WallView *self)
{
  g_return_val_if_fail (V21_IS_WALL_VIEW (self), FALSE);
  return self->picked;
}

GtkDropTarget *
_v21_wall_view_get_drop_target (V21WallView *self)
{
  return self->drop;
}

V21Record *
_v21_wall_view_get_focus (V21WallView *self)
{
  return self->focus;
}

double
_v21_wall_view_column_x (V21WallView *self,
                         const char  *cluster_id)
{
  V21Wall *wall = get_wall (self);
  cairo_rectangle_t rect;

  for (guint c = 0; c < v21_wall_get_n_columns (wall); c++)
    {
      V21Record *cluster = v21_wall_column_cluster (wall, c);

      if ((cluster_id == NULL && v21_wall_column_is_new (wall, c))
          || (cluster != NULL && g_strcmp0 (v21_record_get_id (cluster), cluster_id) == 0))
        {
          v21_wall_get_tile (wall, c, 0, &rect);
          return rect.x + rect.width / 2 - gtk_adjustment_get_value (self->hadjustment);
        }
    }
  return -1;
}

guint
_v21_wall_view_get_n_layouts (void)
{
  return n_layouts;
}
