/* kill-save — saves a large workshop again and again while it is killed with
 * SIGKILL at random moments; after each kill the file must be a complete old or
 * new version, and the backup ("FILE~") a complete earlier version.
 *
 *   kill-save [--rounds N] [--seed S] WORKSHOP
 *
 * Each round starts a saver process that loads the workshop, then saves it with
 * titles "Round R version 1", "… 2"…; once it has loaded, the parent kills it after
 * a random delay of up to three save times. Versions differ only by their title,
 * so a version on disk is checked byte for byte against what the application
 * writes for that title; the backup must be the exact version before the file's
 * (or the file's own, when a save was killed after making its backup). Every
 * tenth round the file is also loaded with the real loader. Killed saves may
 * leave their temporary files, but never more than one of each kind.
 *
 * The phase each kill hit is read from what it left on disk (see kill_phase)
 * and counted; the run fails unless kills landed before the backup, during the
 * write of the temporary file, after it was written (its fsync or the rename),
 * and after a completed save, and unless some rounds kept the old version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "v21-workshop.h"

#define PLACEHOLDER "@@TITLE@@"

typedef struct
{
  char  *prefix;   /* the saved bytes before the title */
  gsize  prefix_len;
  char  *suffix;   /* and after it */
  gsize  suffix_len;
} Template;

static void
set_title (V21Workshop *workshop,
           const char  *title)
{
  g_autoptr(GError) error = NULL;

  if (!v21_workshop_set (workshop, v21_workshop_get_root (workshop), "title",
                         json_object_new_string (title), &error))
    g_error ("%s", error->message);
}

static void
make_template (V21Workshop *workshop,
               Template    *template)
{
  g_autofree char *data = NULL;
  const char *at;

  set_title (workshop, PLACEHOLDER);
  data = v21_workshop_to_data (workshop, NULL);
  at = strstr (data, PLACEHOLDER);
  g_assert_nonnull (at);
  template->prefix_len = at - data;
  template->prefix = g_strndup (data, template->prefix_len);
  template->suffix = g_strdup (at + strlen (PLACEHOLDER));
  template->suffix_len = strlen (template->suffix);
}

/* The title of a complete version (NULL when the bytes are not exactly one). */
static char *
version_title (const Template *template,
               const char     *data,
               gsize           length)
{
  if (length < template->prefix_len + template->suffix_len
      || memcmp (data, template->prefix, template->prefix_len) != 0
      || memcmp (data + length - template->suffix_len, template->suffix, template->suffix_len) != 0)
    return NULL;
  return g_strndup (data + template->prefix_len, length - template->prefix_len - template->suffix_len);
}

/* "Round R version K" as (R, K); the original file is (0, 0). */
static gboolean
parse_title (const char *title,
             guint      *round,
             guint      *version)
{
  if (g_str_has_prefix (title, "Original"))
    {
      *round = *version = 0;
      return TRUE;
    }
  return sscanf (title, "Round %u version %u", round, version) == 2;
}

static guint64
rank (guint round,
      guint version)
{
  return ((guint64) round << 32) | version;
}

static char *
check_version (const Template *template,
               const char     *path,
               guint64        *ranked)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  char *title;
  gsize length = 0;
  guint round, version;

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  title = version_title (template, data, length);
  if (title == NULL || !parse_title (title, &round, &version))
    g_error ("%s is not a complete version of the workshop (%lu bytes)", path, (unsigned long) length);
  *ranked = rank (round, version);
  return title;
}

static void
check_loads (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) workshop = v21_workshop_load_file (file, NULL, &error);

  if (workshop == NULL)
    g_error ("%s does not load: %s", path, error->message);
}

static guint
count_leftovers (const char *dir,
                 const char *name)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *backup = g_strconcat (name, "~", NULL);
  const char *entry;
  guint n = 0;

  while (listing && (entry = g_dir_read_name (listing)) != NULL)
    if (strcmp (entry, name) != 0 && strcmp (entry, backup) != 0)
      n++;
  return n;
}

/* The temporaries of saves of "workshop.visions21" in @dir: ".NAME.XXXXXX.saving"
 * (v21-file-io.c gives each save a new, exclusively created one). */
static GHashTable *
temporaries_in (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *entry;

  while (listing && (entry = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (entry, ".workshop.visions21.") && g_str_has_suffix (entry, ".saving"))
      g_hash_table_add (names, g_strdup (entry));
  return names;
}

/* The temporary the killed save made: one that was not there before it, or a
 * path that does not exist. */
static char *
new_temporary (const char *dir,
               GHashTable *before)
{
  g_autoptr(GHashTable) after = temporaries_in (dir);
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!g_hash_table_contains (before, name))
      return g_build_filename (dir, name, NULL);
  return g_build_filename (dir, ".workshop.visions21.none.saving", NULL);
}

/* What a save leaves on disk at each moment, from a saver's first save
 * (v21_file_write_atomic: backup by a hard link "FILE~.tmp" renamed to
 * "FILE~", then ".FILE.saving" written, synced and renamed to FILE). */
enum
{
  PHASE_BEFORE_BACKUP,    /* loaded, serialising: nothing touched yet */
  PHASE_BACKUP,           /* between the link and the rename of the backup */
  PHASE_AFTER_BACKUP,     /* backup made, temporary not yet written */
  PHASE_WRITE,            /* the temporary partly written */
  PHASE_WRITTEN,          /* the temporary complete: its fsync, or the rename */
  PHASE_AFTER_SAVE,       /* at least one save completed (renamed) */
  N_PHASES
};

static const char *phase_names[N_PHASES] = {
  "before the backup", "during the backup", "after the backup", "during the write",
  "after the write (fsync, rename)", "after a completed save",
};

typedef struct
{
  gboolean exists;
  gint64   size;
  gint64   changed;   /* st_ctim in ns: any write, link or rename changes it */
  guint64  inode;
} Stamp;

static Stamp
stamp_of (const char *path)
{
  struct stat st;
  Stamp stamp = { 0 };

  if (stat (path, &st) != 0)
    return stamp;
  stamp.exists = TRUE;
  stamp.size = st.st_size;
  stamp.inode = st.st_ino;
  stamp.changed = (gint64) st.st_ctim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_ctim.tv_nsec;
  return stamp;
}

/* Whether @path was created or changed since @before. */
static gboolean
touched (const char  *path,
         const Stamp *before)
{
  Stamp now = stamp_of (path);

  return now.exists && (!before->exists || now.size != before->size || now.changed != before->changed);
}

typedef struct
{
  char  *temporary;   /* ".FILE.saving" */
  char  *backup_link; /* "FILE~.tmp" */
  char  *backup;      /* "FILE~" */
  Stamp  temporary_before;
  Stamp  backup_link_before;
  Stamp  backup_before;
} Leftovers;

static void
leftovers_stamp (Leftovers *leftovers)
{
  leftovers->temporary_before = stamp_of (leftovers->temporary);
  leftovers->backup_link_before = stamp_of (leftovers->backup_link);
  leftovers->backup_before = stamp_of (leftovers->backup);
}

/* The window between the backup's link and its rename is two system calls
 * wide, and the one after it as short: kills there are counted, not required. */
static gboolean
phase_required (int phase)
{
  return phase != PHASE_BACKUP && phase != PHASE_AFTER_BACKUP;
}

static gboolean
phases_covered (const guint *phases)
{
  for (int i = 0; i < N_PHASES; i++)
    if (phases[i] == 0 && phase_required (i))
      return FALSE;
  return TRUE;
}

/* The phase a kill hit, for a round whose file kept its old version;
 * @first_length is the size of the round's first version. */
static int
kill_phase (const Leftovers *leftovers,
            gint64           first_length)
{
  if (touched (leftovers->temporary, &leftovers->temporary_before))
    return stamp_of (leftovers->temporary).size == first_length ? PHASE_WRITTEN : PHASE_WRITE;
  /* A link to the backup itself is what rename() leaves when the backup was
   * already this version: not a kill between the link and the rename. */
  if (touched (leftovers->backup_link, &leftovers->backup_link_before)
      && stamp_of (leftovers->backup_link).inode != stamp_of (leftovers->backup).inode)
    return PHASE_BACKUP;
  return touched (leftovers->backup, &leftovers->backup_before) ? PHASE_AFTER_BACKUP : PHASE_BEFORE_BACKUP;
}

/* The saver: a fresh process (so that no copy-on-write of a large parent slows
 * it), that loads the workshop, says so on stdout, then saves it as FILE again
 * and again with the titles of its round, until it is killed. */
static int
saver (const char *source_path,
       const char *target_path,
       int         round)
{
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autoptr(GFile) target = g_file_new_for_path (target_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) workshop = v21_workshop_load_file (source, NULL, &error);

  if (workshop == NULL)
    g_error ("%s", error->message);
  if (write (STDOUT_FILENO, "r", 1) != 1)
    return 3;
  for (guint k = 1;; k++)
    {
      g_autofree char *title = g_strdup_printf ("Round %d version %u", round, k);

      set_title (workshop, title);
      if (!v21_workshop_save_file (workshop, target, &error))
        g_error ("%s", error->message);
    }
}

static pid_t
start_saver (const char *self,
             const char *source_path,
             const char *target_path,
             int         round)
{
  g_autofree char *round_text = g_strdup_printf ("%d", round);
  const char *argv[] = { self, "--saver", round_text, source_path, target_path, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out;
  char ready;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, &out, NULL, &error))
    g_error ("%s", error->message);
  if (read (out, &ready, 1) != 1)
    g_error ("the saver did not start");
  close (out);
  return pid;
}

int
main (int   argc,
      char *argv[])
{
  int rounds = 300;
  int seed = 21;
  int saver_round = 0;
  const GOptionEntry entries[] = {
    { "saver", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &saver_round, NULL, NULL },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Kills (default 300)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed of the delays (default 21)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("WORKSHOP — kill saves of a large workshop");
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) workshop = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *source_path = NULL;
  g_autoptr(GRand) rand = NULL;
  Template template = { 0 };
  guint64 on_disk = 0;
  guint64 save_us;
  guint mid_save = 0;
  guint leftovers = 0;
  guint phases[N_PHASES] = { 0 };
  guint total = 0;
  guint64 backup_on_disk = 0;
  Leftovers temporaries = { 0 };
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || rounds < 1)
    {
      if (saver_round > 0 && argc == 3)
        return saver (argv[1], argv[2], saver_round);
      fprintf (stderr, "usage: kill-save [--rounds N] [--seed S] WORKSHOP\n");
      return 2;
    }
  rand = g_rand_new_with_seed (seed);
  source = g_file_new_for_commandline_arg (argv[1]);
  source_path = g_file_get_path (source);
  workshop = v21_workshop_load_file (source, NULL, &error);
  if (workshop == NULL)
    g_error ("%s", error->message);
  make_template (workshop, &template);

  dir = g_dir_make_tmp ("v21-kill-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "workshop.visions21", NULL);
  backup = g_strconcat (path, "~", NULL);
  file = g_file_new_for_path (path);
  set_title (workshop, "Original");
  start = g_get_monotonic_time ();
  if (!v21_workshop_save_file (workshop, file, &error))
    g_error ("%s", error->message);
  save_us = g_get_monotonic_time () - start;
  /* Again, so that the backup exists from the start: the original too. */
  if (!v21_workshop_save_file (workshop, file, &error))
    g_error ("%s", error->message);

  temporaries.temporary = g_build_filename (dir, ".workshop.visions21.saving", NULL);
  temporaries.backup_link = g_strconcat (path, "~.tmp", NULL);
  temporaries.backup = g_strdup (backup);
  for (int round = 1; round <= rounds || (round <= 3 * rounds && !phases_covered (phases)); round++)
    {
      guint64 delay = g_rand_int_range (rand, 0, (gint32) MIN (save_us * 3, G_MAXINT32));
      guint64 now, kept;
      g_autofree char *title = NULL;
      g_autofree char *kept_title = NULL;
      g_autofree char *first_title = g_strdup_printf ("Round %d version 1", round);
      pid_t pid;
      int status = 0;
      int phase;

      g_autoptr(GHashTable) temporaries_before = temporaries_in (dir);

      leftovers_stamp (&temporaries);
      pid = start_saver (argv[0], source_path, path, round);
      g_usleep (delay);
      kill (pid, SIGKILL);
      if (waitpid (pid, &status, 0) != pid || !WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
        g_error ("round %d: the saver stopped by itself (status %d), not killed", round, status);

      /* The file: the version on disk before, or a newer one of this round. */
      title = check_version (&template, path, &now);
      if (now < on_disk || (now != on_disk && now >> 32 != (guint64) round))
        g_error ("round %d: the file went from an older version to “%s”", round, title);
      if (now == on_disk)
        {
          mid_save++;
          g_free (temporaries.temporary);
          temporaries.temporary = new_temporary (dir, temporaries_before);
          temporaries.temporary_before = (Stamp) { 0 };
          phase = kill_phase (&temporaries, template.prefix_len + template.suffix_len + strlen (first_title));
        }
      else
        phase = PHASE_AFTER_SAVE;
      phases[phase]++;
      total++;
      /* The backup: the file's own version (killed after making it) or exactly
       * the version before: the previous save of this round, or the file as it
       * was before the round. */
      if (!g_file_test (backup, G_FILE_TEST_EXISTS))
        g_error ("round %d: no backup", round);
      kept_title = check_version (&template, backup, &kept);
      if (kept != now
          && !(now == on_disk && kept == backup_on_disk)
          && !(now != on_disk && (now & 0xffffffff) > 1 && kept == now - 1)
          && !(now != on_disk && (now & 0xffffffff) == 1 && kept == on_disk))
        g_error ("round %d: the backup “%s” is not the version before the file “%s”", round, kept_title, title);
      on_disk = now;
      backup_on_disk = kept;
      if (round % 10 == 0)
        {
          check_loads (path);
          check_loads (backup);
        }
    }
  leftovers = count_leftovers (dir, "workshop.visions21");
  /* At most the two temporaries of fixed names (of the write and of the backup),
   * never one more per killed save. */
  if (leftovers > 2)
    g_error ("%u files left beside the workshop by killed saves", leftovers);
  printf ("%u kills of saves of %s (a save takes %.0f ms): the file was always a complete "
          "version and its backup the exact version before; %u kills left the previous version; "
          "%u temporary files left behind\nkills by phase:",
          total, argv[1], save_us / 1000.0, mid_save, leftovers);
  for (int i = 0; i < N_PHASES; i++)
    printf ("%s %s %u", i ? "," : "", phase_names[i], phases[i]);
  printf ("\n");
  /* Both outcomes, and every phase the random delays can reach (the rounds go
   * on, up to three times as many, until they have). */
  if (mid_save == 0 || mid_save == total)
    g_error ("every kill left %s version: the delays no longer cover a save",
             mid_save ? "the old" : "a new");
  for (int i = 0; i < N_PHASES; i++)
    if (phases[i] == 0 && phase_required (i))
      g_error ("no kill landed %s in %d rounds", phase_names[i], total);
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (command) != 0)
      fprintf (stderr, "could not remove %s\n", dir);
  }
  g_free (template.prefix);
  g_free (template.suffix);
  g_free (temporaries.temporary);
  g_free (temporaries.backup_link);
  g_free (temporaries.backup);
  return 0;
}
