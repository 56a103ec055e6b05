#define G_LOG_DOMAIN "v21-collection"

#include "config.h"

#include "v21-workshop-private.h"

struct _V21Collection
{
  GObject     parent_instance;
  const char *name;
  GPtrArray  *records;
};

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (V21Collection, v21_collection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_init))

static GType
get_item_type (GListModel *model)
{
  return V21_TYPE_RECORD;
}

static guint
get_n_items (GListModel *model)
{
  return V21_COLLECTION (model)->records->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  V21Collection *self = V21_COLLECTION (model);

  if (position >= self->records->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->records, position));
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
v21_collection_finalize (GObject *object)
{
  V21Collection *self = V21_COLLECTION (object);

  g_clear_pointer (&self->records, g_ptr_array_unref);
  G_OBJECT_CLASS (v21_collection_parent_class)->finalize (object);
}

static void
v21_collection_class_init (V21CollectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = v21_collection_finalize;
}

static void
v21_collection_init (V21Collection *self)
{
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
}

V21Collection *
_v21_collection_new (const char *name)
{
  V21Collection *self = g_object_new (V21_TYPE_COLLECTION, NULL);

  self->name = name;
  return self;
}

void
_v21_collection_insert (V21Collection *self,
                        guint          position,
                        V21Record     *record)
{
  position = MIN (position, self->records->len);
  g_ptr_array_insert (self->records, position, g_object_ref (record));
  _v21_record_set_position_hint (record, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
_v21_collection_remove (V21Collection *self,
                        guint          position)
{
  g_return_if_fail (position < self->records->len);
  g_ptr_array_remove_index (self->records, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/* Used while building a workshop from a file: appends @records (stolen). */
void
_v21_collection_take_all (V21Collection *self,
                          GPtrArray     *records)
{
  guint before = self->records->len;

  g_ptr_array_extend_and_steal (self->records, records);
  for (guint i = before; i < self->records->len; i++)
    _v21_record_set_position_hint (g_ptr_array_index (self->records, i), i);
  if (self->records->len > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, self->records->len - before);
}

const char *
v21_collection_get_name (V21Collection *self)
{
  g_return_val_if_fail (V21_IS_COLLECTION (self), NULL);
  return self->name;
}

guint
v21_collection_get_n (V21Collection *self)
{
  g_return_val_if_fail (V21_IS_COLLECTION (self), 0);
  return self->records->len;
}

/**
 * v21_collection_get:
 *
 * Returns: (transfer none): the record at @position
 */
V21Record *
v21_collection_get (V21Collection *self,
                    guint          position)
{
  g_return_val_if_fail (V21_IS_COLLECTION (self), NULL);
  g_return_val_if_fail (position < self->records->len, NULL);
  return g_ptr_array_index (self->records, position);
}

/* Looks outward from where @record was last seen: it has moved only by as many
 * records as came or went before it since, so the removals of a large cascade
 * each find their record near its old place rather than scanning from the start.
 * A record that is not there costs a search of the whole list, as before. */
gboolean
v21_collection_find (V21Collection *self,
                     V21Record     *record,
                     guint         *position)
{
  gpointer *records;
  guint n;
  guint hint;

  g_return_val_if_fail (V21_IS_COLLECTION (self), FALSE);
  n = self->records->len;
  if (n == 0 || !V21_IS_RECORD (record))
    return FALSE;
  records = self->records->pdata;
  hint = MIN (_v21_record_get_position_hint (record), n - 1);
  for (guint d = 0; d <= hint || hint + d < n; d++)
    {
      guint at = hint - d;

      if (d > hint || records[at] != record)
        at = hint + d;
      if (at < n && records[at] == record)
        {
          _v21_record_set_position_hint (record, at);
          if (position)
            *position = at;
          return TRUE;
        }
    }
  return FALSE;
}
