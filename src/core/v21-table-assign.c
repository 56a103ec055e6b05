/* v21-table-assign.c — tables of balanced size, and what each holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-table-assign"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-labels.h"
#include "v21-invitations.h"
#include "v21-table-assign.h"

#define MAX_TABLES 200
/* What the assignment avoids: two people of one organisation at a table
 * weighs far more than an uneven spread of categories. */
#define ORGANISATION_COST 1000
#define CATEGORY_COST 10

gboolean
v21_table_is_seated (V21Record *person)
{
  const char *role = v21_record_get_string (person, "role");

  return role == NULL || role[0] == '\0'
         || strcmp (role, "participant") == 0
         || strcmp (role, "political_sponsor") == 0;
}

/* The GNOME palette's strong colours, distinct side by side. */
const char *
v21_table_default_color (guint index)
{
  static const char * const colors[] = {
    "#1c71d8", "#26a269", "#e5a50a", "#9141ac", "#c01c28", "#865e3c",
    "#e66100", "#2190a4", "#c061cb", "#5e5c64",
  };

  return colors[index % G_N_ELEMENTS (colors)];
}

static gboolean
table_name_taken (V21Collection *tables,
                  const char    *name)
{
  for (guint i = 0; i < v21_collection_get_n (tables); i++)
    if (g_strcmp0 (v21_record_get_string (v21_collection_get (tables, i), "name"), name) == 0)
      return TRUE;
  return FALSE;
}

V21Record *
v21_table_add (V21Workshop *workshop,
               const char  *name,
               GError     **error)
{
  V21Collection *tables;
  g_autofree char *numbered = NULL;
  json_object *fields;
  guint n;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), NULL);
  tables = v21_workshop_get_collection (workshop, "tables");
  n = v21_collection_get_n (tables);
  for (guint number = n + 1; name == NULL; number++)
    {
      g_free (numbered);
      numbered = g_strdup_printf (_("Table %u"), number);
      if (!table_name_taken (tables, numbered))
        name = numbered;
    }
  fields = json_object_new_object ();
  json_object_object_add (fields, "name", json_object_new_string (name));
  json_object_object_add (fields, "color", json_object_new_string (v21_table_default_color (n)));
  return v21_workshop_insert (workshop, "tables", -1, fields, error);
}

char *
v21_table_organisation_key (const char *organisation)
{
  static const char * const cuts[] = { " — ", " – ", " - ", ", ", "(", NULL };
  g_autofree char *head = g_strdup (organisation != NULL ? organisation : "");

  for (guint i = 0; cuts[i] != NULL; i++)
    {
      char *cut = strstr (head, cuts[i]);

      if (cut != NULL)
        *cut = '\0';
    }
  return v21_text_key (head);
}

GPtrArray *
v21_table_members (V21Workshop *workshop,
                   V21Record   *table)
{
  V21Collection *people;
  const char *id = table != NULL ? v21_record_get_id (table) : NULL;
  GPtrArray *members = g_ptr_array_new ();

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), members);
  people = v21_workshop_get_collection (workshop, "people");
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);

      if (g_strcmp0 (v21_record_get_string (person, "table"), id) == 0)
        g_ptr_array_add (members, person);
    }
  return members;
}

/* The assignment */

typedef struct
{
  V21Record *record;
  guint      index;         /* in the people list: the last tie-break */
  int        organisation;  /* index of its organisation key, -1 for none */
  int        category;      /* index of its category, -1 for none */
  int        table;         /* 0…n_tables-1 */
  gboolean   fixed;         /* locked at one of the tables */
} Seat;

typedef struct
{
  guint      n_tables;
  GArray    *seats;          /* Seat */
  guint      n_organisations;
  guint      n_categories;
  guint     *org_counts;     /* [table * n_organisations + organisation] */
  guint     *cat_counts;     /* [table * n_categories + category] */
  guint     *sizes;          /* people per table */
  guint     *capacity;       /* final size of each table */
  guint     *org_sizes;      /* people per organisation */
} Plan;

static int
intern (GHashTable *keys,
        const char *key)
{
  gpointer value;

  if (key == NULL || key[0] == '\0')
    return -1;
  if (g_hash_table_lookup_extended (keys, key, NULL, &value))
    return GPOINTER_TO_INT (value);
  value = GINT_TO_POINTER (g_hash_table_size (keys));
  g_hash_table_insert (keys, g_strdup (key), value);
  return GPOINTER_TO_INT (value);
}

static int
table_index (GPtrArray  *tables,
             const char *id)
{
  for (guint t = 0; id != NULL && t < tables->len; t++)
    if (strcmp (v21_record_get_id (g_ptr_array_index (tables, t)), id) == 0)
      return t;
  return -1;
}

/* The people to seat: locked ones at one of the tables stay fixed; unlocked
 * seated people are free, but for who declined. Everyone else is left alone. */
static void
collect_seats (Plan        *plan,
               V21Workshop *workshop,
               GPtrArray   *tables)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  g_autoptr(GHashTable) orgs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) cats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);
      g_autofree char *org = v21_table_organisation_key (v21_record_get_string (person, "organisation"));
      int table = table_index (tables, v21_record_get_string (person, "table"));
      gboolean locked = v21_record_get_bool (person, "locked");
      Seat seat = { person, i, intern (orgs, org), intern (cats, v21_record_get_string (person, "category")),
                    table, locked };

      /* Who declined does not come: no seat is kept for them. */
      if (!v21_table_is_seated (person) || (locked && table < 0)
          || v21_invitation_get (person) == V21_INVITATION_DECLINED)
        continue;
      g_array_append_val (plan->seats, seat);
    }
  plan->n_organisations = g_hash_table_size (orgs);
  plan->n_categories = g_hash_table_size (cats);
}

static void
count_seat (Plan *plan,
            Seat *seat,
            int   delta)
{
  plan->sizes[seat->table] += delta;
  if (seat->organisation >= 0)
    plan->org_counts[seat->table * plan->n_organisations + seat->organisation] += delta;
  if (seat->category >= 0)
    plan->cat_counts[seat->table * plan->n_categories + seat->category] += delta;
}

/* Water filling: each free person raises the smallest table, so sizes end up
 * within one of each other above what the locked people impose. */
static void
plan_capacity (Plan *plan)
{
  for (guint i = 0; i < plan->seats->len; i++)
    {
      Seat *seat = &g_array_index (plan->seats, Seat, i);
      guint smallest = 0;

      if (seat->fixed)
        {
          plan->capacity[seat->table]++;
          continue;
        }
      for (guint t = 1; t < plan->n_tables; t++)
        if (plan->capacity[t] < plan->capacity[smallest])
          smallest = t;
      plan->capacity[smallest]++;
    }
}

/* Hard cases first: people of large organisations, then of large categories. */
static int
compare_seats (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const Seat *x = a;
  const Seat *y = b;
  Plan *plan = data;
  guint x_org = x->organisation >= 0 ? plan->org_sizes[x->organisation] : 0;
  guint y_org = y->organisation >= 0 ? plan->org_sizes[y->organisation] : 0;

  if (x->fixed != y->fixed)
    return x->fixed ? -1 : 1;
  if (x_org != y_org)
    return x_org > y_org ? -1 : 1;
  if (x->organisation != y->organisation)
    return x->organisation < y->organisation ? -1 : 1;
  if (x->category != y->category)
    return x->category < y->category ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static guint
seat_cost (Plan *plan,
           Seat *seat,
           guint table)
{
  guint cost = 0;

  if (seat->organisation >= 0)
    cost += ORGANISATION_COST * plan->org_counts[table * plan->n_organisations + seat->organisation];
  if (seat->category >= 0)
    cost += CATEGORY_COST * plan->cat_counts[table * plan->n_categories + seat->category];
  return cost;
}

/* Each free person goes to the cheapest table with room left; among equals,
 * the one with the most room, then the first. */
static void
place_greedily (Plan *plan)
{
  for (guint i = 0; i < plan->seats->len; i++)
    {
      Seat *seat = &g_array_index (plan->seats, Seat, i);
      int best = -1;

      if (seat->fixed)
        {
          count_seat (plan, seat, +1);
          continue;
        }
      for (guint t = 0; t < plan->n_tables; t++)
        {
          if (plan->sizes[t] >= plan->capacity[t])
            continue;
          if (best < 0 || seat_cost (plan, seat, t) < seat_cost (plan, seat, best)
              || (seat_cost (plan, seat, t) == seat_cost (plan, seat, best)
                  && plan->capacity[t] - plan->sizes[t] > plan->capacity[best] - plan->sizes[best]))
            best = t;
        }
      seat->table = best;
      count_seat (plan, seat, +1);
    }
}

/* What moving @seat from its table to @table would save (negative: cost). */
static int
move_gain (Plan *plan,
           Seat *seat,
           guint table)
{
  int gain;

  count_seat (plan, seat, -1);
  gain = (int) seat_cost (plan, seat, seat->table) - (int) seat_cost (plan, seat, table);
  count_seat (plan, seat, +1);
  return gain;
}

static gboolean
try_swap (Plan *plan,
          Seat *a,
          Seat *b)
{
  int from = a->table;
  int to = b->table;
  int gain;

  if (a->fixed || b->fixed || from == to)
    return FALSE;
  gain = move_gain (plan, a, to);
  count_seat (plan, a, -1);
  a->table = to;
  count_seat (plan, a, +1);
  gain += move_gain (plan, b, from);
  if (gain > 0)
    {
      count_seat (plan, b, -1);
      b->table = from;
      count_seat (plan, b, +1);
      return TRUE;
    }
  count_seat (plan, a, -1);
  a->table = from;
  count_seat (plan, a, +1);
  return FALSE;
}

/* Swaps of two people between tables, while one improves the spread. */
static void
improve (Plan *plan)
{
  gboolean better = TRUE;

  for (guint pass = 0; better && pass < 100; pass++)
    {
      better = FALSE;
      for (guint i = 0; i < plan->seats->len; i++)
        for (guint j = i + 1; j < plan->seats->len; j++)
          better |= try_swap (plan, &g_array_index (plan->seats, Seat, i),
                              &g_array_index (plan->seats, Seat, j));
    }
}

static void
plan_free (Plan *plan)
{
  g_array_unref (plan->seats);
  g_free (plan->org_counts);
  g_free (plan->cat_counts);
  g_free (plan->sizes);
  g_free (plan->capacity);
  g_free (plan->org_sizes);
}

static void
make_plan (Plan        *plan,
           V21Workshop *workshop,
           GPtrArray   *tables)
{
  plan->seats = g_array_new (FALSE, TRUE, sizeof (Seat));
  collect_seats (plan, workshop, tables);
  plan->org_counts = g_new0 (guint, plan->n_tables * MAX (plan->n_organisations, 1));
  plan->cat_counts = g_new0 (guint, plan->n_tables * MAX (plan->n_categories, 1));
  plan->sizes = g_new0 (guint, plan->n_tables);
  plan->capacity = g_new0 (guint, plan->n_tables);
  plan->org_sizes = g_new0 (guint, MAX (plan->n_organisations, 1));
  for (guint i = 0; i < plan->seats->len; i++)
    {
      Seat *seat = &g_array_index (plan->seats, Seat, i);

      seat->fixed = seat->fixed && seat->table >= 0;
      if (seat->organisation >= 0)
        plan->org_sizes[seat->organisation]++;
    }
  plan_capacity (plan);
  g_array_sort_with_data (plan->seats, compare_seats, plan);
  place_greedily (plan);
  improve (plan);
}

static GPtrArray *
first_tables (V21Workshop *workshop,
              guint        n_tables,
              GError     **error)
{
  V21Collection *tables = v21_workshop_get_collection (workshop, "tables");
  g_autoptr(GPtrArray) first = g_ptr_array_new ();

  while (v21_collection_get_n (tables) < n_tables)
    if (v21_table_add (workshop, NULL, error) == NULL)
      return NULL;
  for (guint t = 0; t < n_tables; t++)
    g_ptr_array_add (first, v21_collection_get (tables, t));
  return g_steal_pointer (&first);
}

/* Who declined, not locked, leaves their table. */
static gboolean
unseat_declined (V21Workshop *workshop,
                 GError     **error)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);

      if (v21_invitation_get (person) == V21_INVITATION_DECLINED && !v21_record_get_bool (person, "locked")
          && !v21_record_is_null (person, "table")
          && !v21_workshop_set (workshop, person, "table", NULL, error))
        return FALSE;
    }
  return TRUE;
}

guint
v21_table_count_declined_seated (V21Workshop *workshop)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  guint n = 0;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), 0);
  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);

      n += v21_invitation_get (person) == V21_INVITATION_DECLINED && !v21_record_get_bool (person, "locked")
           && v21_workshop_lookup (workshop, v21_record_get_string (person, "table")) != NULL;
    }
  return n;
}

static gboolean
apply_plan (V21Workshop *workshop,
            Plan        *plan,
            GPtrArray   *tables,
            GError     **error)
{
  for (guint i = 0; i < plan->seats->len; i++)
    {
      Seat *seat = &g_array_index (plan->seats, Seat, i);
      const char *id = v21_record_get_id (g_ptr_array_index (tables, seat->table));

      if (!seat->fixed && !v21_workshop_set (workshop, seat->record, "table", json_object_new_string (id), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
v21_table_assign (V21Workshop *workshop,
                  guint        n_tables,
                  GError     **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  Plan plan = { n_tables };
  gboolean ok;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  if (n_tables < 1 || n_tables > MAX_TABLES)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_VALUE,
                   _("The number of tables must be between 1 and %d"), MAX_TABLES);
      return FALSE;
    }

  v21_workshop_begin_group (workshop, _("Assign tables"));
  tables = first_tables (workshop, n_tables, error);
  ok = tables != NULL;
  if (ok)
    {
      make_plan (&plan, workshop, tables);
      ok = apply_plan (workshop, &plan, tables, error) && unseat_declined (workshop, error);
      plan_free (&plan);
    }
  v21_workshop_end_group (workshop);
  return ok;
}
