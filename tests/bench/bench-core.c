/* bench-core — load and save times of a workshop file, against json-c's own floor.
 *
 *   bench-core [--runs N] [--cold] FILE   medians of N runs (default 11), in milliseconds
 *   bench-core --memory FILE        resident memory after loading FILE once
 *
 * load       v21_workshop_load_data: UTF-8 check, parse, migrate, validate, build the model
 * raw-parse  json-c's plain parse of the same bytes, as json_tokener_parse() does it
 *            (depth 32, no flags): the floor
 * serialise  v21_workshop_to_data
 * raw-serialise  json_object_to_json_string_length of the raw tree, same flags (the floor)
 * write      g_file_set_contents_full (CONSISTENT | DURABLE) of the saved bytes (the floor)
 * save       v21_workshop_save_file: serialise, backup, durable atomic write
 *
 * Prints one "NAME<TAB>MEDIAN<TAB>MIN" line per measurement, then the ratios.
 * Each run is in a fresh process whose heap is pre-faulted (what the code costs, the
 * same heap for every measure); with --cold the heap is not pre-faulted (what a first
 * open costs, page faults included: on a virtual machine they dominate).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "bench-common.h"
#include "v21-file-io.h"
#include "v21-schema.h"
#include "v21-workshop.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static json_object *
raw_parse (const char *data,
           gsize       length)
{
  json_tokener *tok = json_tokener_new_ex (V21_DEPTH_MAX);
  json_object *root;

  root = json_tokener_parse_ex (tok, data, length);
  json_tokener_free (tok);
  if (root == NULL)
    {
      fprintf (stderr, "bench-core: json-c cannot parse the file\n");
      exit (1);
    }
  return root;
}

static V21Workshop *
load (const char *data,
      gsize       length)
{
  g_autoptr(GError) error = NULL;
  V21Workshop *workshop = v21_workshop_load_data (data, length, NULL, &error);

  if (workshop == NULL)
    {
      fprintf (stderr, "bench-core: %s\n", error->message);
      exit (1);
    }
  return workshop;
}

static int
memory (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  long before = bench_status_kib ("VmRSS:");
  g_autoptr(V21Workshop) workshop = v21_workshop_load_file (file, NULL, &error);

  if (workshop == NULL)
    {
      fprintf (stderr, "bench-core: %s\n", error->message);
      return 1;
    }
  printf ("rss-before-mib\t%.1f\n", before / 1024.0);
  printf ("rss-after-load-mib\t%.1f\n", bench_status_kib ("VmRSS:") / 1024.0);
  printf ("peak-rss-mib\t%.1f\n", bench_status_kib ("VmHWM:") / 1024.0);
  return 0;
}

typedef enum
{
  RAW_PARSE,
  LOAD,
  RAW_SERIALISE,
  SERIALISE,
  WRITE,
  SAVE,
  N_MEASURES
} Measure;

static const char *measure_names[N_MEASURES] = {
  "raw-parse", "load", "raw-serialise", "serialise", "write", "save",
};

typedef struct
{
  const char *path;
  char       *data;     /* read by each child, as the application reads a file */
  gsize       length;
  const char *save_path;
  const char *write_path;
} Bench;

/* One timed operation, after its untimed setup. */
static double
run_one (Bench   *bench,
         Measure  what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(json_object) tree = NULL;
  g_autoptr(V21Workshop) workshop = NULL;
  g_autofree char *bytes = NULL;
  const int flags = JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE;
  gsize n = 0;
  double start;

  if (!g_file_get_contents (bench->path, &bench->data, &bench->length, &error))
    g_error ("%s", error->message);
  if (what == RAW_SERIALISE)
    tree = raw_parse (bench->data, bench->length);
  else if (what == SERIALISE || what == WRITE || what == SAVE)
    workshop = load (bench->data, bench->length);
  if (what == WRITE)
    bytes = v21_workshop_to_data (workshop, &n);

  start = now_ms ();
  switch (what)
    {
    case RAW_PARSE:
      tree = raw_parse (bench->data, bench->length);
      break;
    case LOAD:
      workshop = load (bench->data, bench->length);
      break;
    case RAW_SERIALISE:
      json_object_to_json_string_length (tree, flags, &n);
      break;
    case SERIALISE:
      bytes = v21_workshop_to_data (workshop, &n);
      break;
    case WRITE:
      if (!g_file_set_contents_full (bench->write_path, bytes, n,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0644, &error))
        g_error ("%s", error->message);
      break;
    case SAVE:
      {
        g_autoptr(GFile) file = g_file_new_for_path (bench->save_path);
        if (!v21_workshop_save_file (workshop, file, &error))
          g_error ("%s", error->message);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  return now_ms () - start;
}

/* Gives the heap @bytes of memory already touched, that malloc keeps: what runs
 * next pays for its own work, not for the kernel's page faults. */
static void
prefault_heap (gsize bytes)
{
  const gsize chunk = 1 << 20;
  GPtrArray *chunks = g_ptr_array_new ();

  mallopt (M_MMAP_THRESHOLD, 32 << 20);
  mallopt (M_TRIM_THRESHOLD, G_MAXINT);
  mallopt (M_TOP_PAD, 16 << 20);
  for (gsize done = 0; done < bytes; done += chunk)
    g_ptr_array_add (chunks, memset (g_malloc (chunk), 1, chunk));
  g_ptr_array_set_free_func (chunks, g_free);
  g_ptr_array_unref (chunks);
}

/* Each run in a fresh child process, so no run inherits the heap another left.
 * Unless @cold, the child's heap is pre-faulted first. */
static double
run_in_child (Bench    *bench,
              Measure   what,
              gboolean  cold)
{
  int fds[2];
  double ms = -1;
  int status = 0;
  pid_t pid;

  if (pipe (fds) != 0 || (pid = fork ()) < 0)
    g_error ("bench-core: cannot fork");
  if (pid == 0)
    {
      close (fds[0]);
      if (!cold)
        prefault_heap (bench->length * 16 + (8 << 20));
      ms = run_one (bench, what);
      _exit (write (fds[1], &ms, sizeof ms) == sizeof ms ? 0 : 1);
    }
  close (fds[1]);
  if (read (fds[0], &ms, sizeof ms) != sizeof ms)
    ms = -1;
  close (fds[0]);
  waitpid (pid, &status, 0);
  if (ms < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      fprintf (stderr, "bench-core: %s failed\n", measure_names[what]);
      exit (1);
    }
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 11;
  gboolean mem = FALSE;
  gboolean cold = FALSE;
  gboolean verbose = FALSE;
  g_autofree char *only = NULL;
  const GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print every run", NULL },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Run only this measure (to profile it)", "NAME" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Repetitions (default 11)", "N" },
    { "cold", 0, 0, G_OPTION_ARG_NONE, &cold, "Count the page faults of a fresh heap", NULL },
    { "memory", 0, 0, G_OPTION_ARG_NONE, &mem, "Report the memory used after loading", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE — load and save benchmarks");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *save_path = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *write_path = NULL;
  gsize length = 0;
  GArray *series[N_MEASURES];
  double m[N_MEASURES];
  Bench bench;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-core [--runs N] [--memory] FILE\n");
      return 2;
    }
  if (mem)
    return memory (argv[1]);
  if (!g_file_get_contents (argv[1], &data, &length, &error))
    {
      fprintf (stderr, "bench-core: %s\n", error->message);
      return 1;
    }
  dir = g_dir_make_tmp ("v21-bench-XXXXXX", &error);
  g_assert_no_error (error);
  save_path = g_build_filename (dir, "saved.visions21", NULL);
  backup_path = g_strconcat (save_path, "~", NULL);
  write_path = g_build_filename (dir, "written.visions21", NULL);
  /* A save replaces an existing file and keeps it as the backup. */
  if (!g_file_set_contents (save_path, data, length, &error))
    g_error ("%s", error->message);
  bench = (Bench) { argv[1], NULL, length, save_path, write_path };

  for (int k = 0; k < N_MEASURES; k++)
    series[k] = g_array_new (FALSE, FALSE, sizeof (double));
  for (int i = 0; i < runs; i++)
    for (int k = 0; k < N_MEASURES; k++)
      {
        if (only && strcmp (only, measure_names[k]) != 0)
          {
            double none = 0;
            g_array_append_val (series[k], none);
            continue;
          }
        double ms = run_in_child (&bench, k, cold);
        g_array_append_val (series[k], ms);
        if (verbose)
          fprintf (stderr, "%s\t%.2f\n", measure_names[k], ms);
      }

  printf ("file\t%s\t%.1f MiB\truns %d\t%s\n", argv[1], length / 1048576.0, runs,
          cold ? "cold (fresh process, page faults included)" : "fresh process, heap pre-faulted");
  printf ("measure\tmedian-ms\tmin-ms\n");
  for (int k = 0; k < N_MEASURES; k++)
    {
      m[k] = bench_median (series[k]);
      printf ("%s\t%.2f\t%.2f\n", measure_names[k], m[k], g_array_index (series[k], double, 0));
      g_array_unref (series[k]);
    }
  printf ("ratio load/raw-parse\t%.2f\t(target ≤ 1.5)\n", m[LOAD] / m[RAW_PARSE]);
  printf ("ratio save/(raw-serialise+write)\t%.2f\t(target ≤ 2)\n", m[SAVE] / (m[RAW_SERIALISE] + m[WRITE]));
  printf ("ratio save/(serialise+write)\t%.2f\n", m[SAVE] / (m[SERIALISE] + m[WRITE]));

  g_unlink (save_path);
  g_unlink (backup_path);
  g_unlink (write_path);
  g_rmdir (dir);
  return 0;
}
