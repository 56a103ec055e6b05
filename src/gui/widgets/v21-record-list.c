/* v21-record-list.c — a collection as a list model that also tells of edited records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "v21-record-list.h"

struct _V21RecordList
{
  GObject        parent_instance;

  V21Collection *collection;
};

static GType
get_item_type (GListModel *model)
{
  return V21_TYPE_RECORD;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (V21_RECORD_LIST (model)->collection));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (V21_RECORD_LIST (model)->collection), position);
}

static void
v21_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (V21RecordList, v21_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, v21_record_list_model_init))

static void
v21_record_list_dispose (GObject *object)
{
  V21RecordList *self = V21_RECORD_LIST (object);

  if (self->collection != NULL)
    g_signal_handlers_disconnect_by_data (self->collection, self);
  g_clear_object (&self->collection);
  G_OBJECT_CLASS (v21_record_list_parent_class)->dispose (object);
}

static void
v21_record_list_class_init (V21RecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = v21_record_list_dispose;
}

static void
v21_record_list_init (V21RecordList *self)
{
}

static void
on_items_changed (V21RecordList *self,
                  guint          position,
                  guint          removed,
                  guint          added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

V21RecordList *
v21_record_list_new (V21Collection *collection)
{
  V21RecordList *self = g_object_new (V21_TYPE_RECORD_LIST, NULL);

  self->collection = g_object_ref (collection);
  g_signal_connect_swapped (collection, "items-changed", G_CALLBACK (on_items_changed), self);
  return self;
}

void
v21_record_list_item_changed (V21RecordList *self,
                              V21Record     *record)
{
  guint position;

  g_return_if_fail (V21_IS_RECORD_LIST (self));
  if (v21_collection_find (self->collection, record, &position))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}
