/* v21-application.c — the Visions+21 application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "v21-application.h"
#include "v21-pages.h"
#include "v21-gui-config.h"
#include "v21-window.h"
#include "visions21-resources.h"

/* The resources (templates, shortcuts window, style sheet) live under the base
 * id in every build profile; the .Devel application id would otherwise look
 * for them under /io/github/visions21/Atelier/Devel. */
#define V21_RESOURCE_BASE_PATH "/io/github/visions21/Atelier"

struct _V21Application
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        recovery_offered;
  guint           signal_ids[3];   /* SIGTERM, SIGINT, SIGHUP */
};

G_DEFINE_FINAL_TYPE (V21Application, v21_application, ADW_TYPE_APPLICATION)

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, V21_SETTINGS_SCHEMA, TRUE);

  /* Run from the build tree, before installation: the schema is compiled there. */
  if (schema == NULL)
    {
      g_autoptr(GSettingsSchemaSource) build_source = NULL;

      build_source = g_settings_schema_source_new_from_directory (V21_BUILD_DATADIR,
                                                                  source, FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, V21_SETTINGS_SCHEMA, FALSE);
    }

  if (schema == NULL)
    {
      g_warning ("The GSettings schema %s is not installed: the window size, the "
                 "recent files and the autosave interval will not be kept",
                 V21_SETTINGS_SCHEMA);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
offer_recovery_once (V21Application *self,
                     GtkWindow      *window)
{
  if (self->recovery_offered || !V21_IS_WINDOW (window))
    return;

  self->recovery_offered = TRUE;
  v21_window_offer_recovery (V21_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  V21Application *self = user_data;

  v21_application_show_about (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  V21Application *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Each window asks about its own unsaved changes; the application ends
   * when the last one has closed. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

/**
 * v21_application_flush_autosaves:
 * @self: a #V21Application
 *
 * Writes the recovery file of every window's unsaved changes now: the program
 * is about to stop (a signal, the end of the session).
 */
void
v21_application_flush_autosaves (V21Application *self)
{
  g_return_if_fail (V21_IS_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      g_autoptr(GError) error = NULL;

      if (V21_IS_WINDOW (l->data) && !v21_window_flush_autosave (l->data, &error))
        g_warning ("%s", error->message);
    }
}

/* Killed (SIGTERM), interrupted (Ctrl+C) or hung up: the unsaved changes go to
 * the recovery files, which stay for the next run to offer, then the windows
 * close without asking (their locks are released). */
static gboolean
on_quit_signal (gpointer data)
{
  V21Application *self = data;
  GList *windows;

  v21_application_flush_autosaves (self);
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_CONTINUE;
}

static void
watch_quit_signals (V21Application *self)
{
  static const int quit_signals[] = { SIGTERM, SIGINT, SIGHUP };

  for (guint i = 0; i < G_N_ELEMENTS (quit_signals); i++)
    self->signal_ids[i] = g_unix_signal_add (quit_signals[i], on_quit_signal, self);
}

static void
v21_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.project", { "F5", NULL } },
    { "win.black", { "<Control>b", NULL } },
    { "win.freeze", { "<Control><Shift>f", NULL } },
    { "win.next-sequence", { "<Control>Page_Down", NULL } },
    { "win.previous-sequence", { "<Control>Page_Up", NULL } },
    { "win.reveal-votes", { "<Control>r", NULL } },
    { "win.toggle-timer", { "<Control><Shift>t", NULL } },
    /* Scenes on Ctrl+F1…F7 and board pages on Alt+Page Up/Down: never the
     * capture line's Ctrl+1…9 and Alt+1…9, on any keyboard layout. */
    { "win.scene::title", { "<Control>F1", NULL } },
    { "win.scene::sequence", { "<Control>F2", NULL } },
    { "win.scene::board", { "<Control>F3", NULL } },
    { "win.scene::votes", { "<Control>F4", NULL } },
    { "win.scene::diagram", { "<Control>F5", NULL } },
    { "win.scene::heat-map", { "<Control>F6", NULL } },
    { "win.scene::black", { "<Control>F7", NULL } },
    { "win.board-page-previous", { "<Alt>Page_Up", NULL } },
    { "win.board-page-next", { "<Alt>Page_Down", NULL } },
    { "win.focus-capture", { "<Control>l", NULL } },
    /* win.show-help-overlay gets <Control>question from GtkApplication. */
  };
  /* The pages, in sidebar order: Ctrl+Alt and a key of the top row (never
   * the capture line's Ctrl+digit and Alt+digit). */
  static const char *page_keys[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "minus", "equal" };
  V21Application *self = V21_APPLICATION (application);
  GtkIconTheme *icon_theme;
  guint n_page = 0;

  G_APPLICATION_CLASS (v21_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
  for (const V21PageInfo *info = v21_pages (); info->name != NULL && n_page < G_N_ELEMENTS (page_keys); info++)
    {
      g_autofree char *action = g_strdup_printf ("win.show-page::%s", info->name);
      g_autofree char *accel = g_strdup_printf ("<Control><Alt>%s", page_keys[n_page++]);

      gtk_application_set_accels_for_action (GTK_APPLICATION (self), action,
                                             (const char *[]) { accel, NULL });
    }

  /* Run from the build tree, the application icon is only in the sources. */
  icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  if (!gtk_icon_theme_has_icon (icon_theme, APPLICATION_ID) &&
      g_file_test (SOURCE_DATADIR "/icons", G_FILE_TEST_IS_DIR))
    gtk_icon_theme_add_search_path (icon_theme, SOURCE_DATADIR "/icons");
  gtk_window_set_default_icon_name (APPLICATION_ID);

  self->settings = create_settings ();
  watch_quit_signals (self);
  /* The session manager may end the session: the changes are kept first. */
  g_signal_connect (self, "query-end", G_CALLBACK (v21_application_flush_autosaves), NULL);
}

static void
v21_application_activate (GApplication *application)
{
  V21Application *self = V21_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (v21_window_new (self));

  gtk_window_present (window);
  offer_recovery_once (self, window);
}

static V21Window *
find_window_for_file (V21Application *self,
                      GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (V21_IS_WINDOW (l->data) && v21_window_has_file (l->data, file))
        return l->data;
    }

  return NULL;
}

static V21Window *
find_empty_window (V21Application *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (V21_IS_WINDOW (l->data) && v21_window_get_workshop (l->data) == NULL)
        return l->data;
    }

  return NULL;
}

static void
v21_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  V21Application *self = V21_APPLICATION (application);
  V21Window *first = NULL;

  for (int i = 0; i < n_files; i++)
    {
      V21Window *window;

      /* Already open here: show it rather than open it twice. */
      window = find_window_for_file (self, files[i]);
      if (window != NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
        }
      else
        {
          window = find_empty_window (self);
          if (window == NULL)
            window = v21_window_new (self);
          gtk_window_present (GTK_WINDOW (window));
          v21_window_open_file (window, files[i]);
        }

      if (first == NULL)
        first = window;
    }

  if (first != NULL)
    offer_recovery_once (self, GTK_WINDOW (first));
}

static void
v21_application_dispose (GObject *object)
{
  V21Application *self = V21_APPLICATION (object);

  g_clear_object (&self->settings);
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_ids); i++)
    g_clear_handle_id (&self->signal_ids[i], g_source_remove);

  G_OBJECT_CLASS (v21_application_parent_class)->dispose (object);
}

static void
v21_application_class_init (V21ApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = v21_application_dispose;

  /* Before any template, the shortcuts window or the style sheet is looked up. */
  v21_register_resource ();

  app_class->startup = v21_application_startup;
  app_class->activate = v21_application_activate;
  app_class->open = v21_application_open;
}

static void
v21_application_init (V21Application *self)
{
  /* So that "query-end" is emitted before the session ends. */
  g_object_set (self, "register-session", TRUE, NULL);
}

/**
 * v21_application_new:
 * @application_id: the application id
 * @flags: the application flags, usually %G_APPLICATION_HANDLES_OPEN
 *
 * Returns: (transfer full): a new application
 */
V21Application *
v21_application_new (const char        *application_id,
                     GApplicationFlags  flags)
{
  return g_object_new (V21_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", V21_RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * v21_application_get_settings:
 * @self: a #V21Application
 *
 * Returns: (transfer none) (nullable): the application settings, %NULL before
 *   startup or when the schema is not installed
 */
GSettings *
v21_application_get_settings (V21Application *self)
{
  g_return_val_if_fail (V21_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * v21_application_dup_demo_file:
 * @self: a #V21Application
 *
 * The demo workshop, installed under PKGDATADIR, or in the source tree when the
 * application runs from its build directory.
 *
 * Returns: (transfer full) (nullable): the demo workshop file, %NULL if missing
 */
GFile *
v21_application_dup_demo_file (V21Application *self)
{
  const char *dirs[] = { PKGDATADIR, SOURCE_DATADIR };

  g_return_val_if_fail (V21_IS_APPLICATION (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "examples", "demo.visions21", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_file_new_for_path (path);
    }

  return NULL;
}

/**
 * v21_application_list_recent_files:
 * @self: a #V21Application
 *
 * The recently opened workshops that still exist, most recent first.
 *
 * Returns: (transfer container) (element-type GFile): the files
 */
GPtrArray *
v21_application_list_recent_files (V21Application *self)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) paths = NULL;

  g_return_val_if_fail (V21_IS_APPLICATION (self), files);

  if (self->settings == NULL)
    return files;

  paths = g_settings_get_strv (self->settings, "recent-files");
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = NULL;

      if (paths[i][0] == '\0')
        continue;

      file = g_file_new_for_commandline_arg (paths[i]);
      if (g_file_query_exists (file, NULL))
        g_ptr_array_add (files, g_steal_pointer (&file));
    }

  return files;
}

/**
 * v21_application_add_recent_file:
 * @self: a #V21Application
 * @file: a workshop file that was just opened or saved
 *
 * Puts @file first in the recent files, keeping at most
 * %V21_RECENT_FILES_MAX of them.
 */
void
v21_application_add_recent_file (V21Application *self,
                                 GFile          *file)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) old = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *entry = NULL;
  guint n = 1;

  g_return_if_fail (V21_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->settings == NULL)
    return;

  /* The key holds paths; a file without one (a remote location) keeps its URI. */
  entry = g_file_get_path (file);
  if (entry == NULL)
    entry = g_file_get_uri (file);

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, entry);

  old = g_settings_get_strv (self->settings, "recent-files");
  for (guint i = 0; old[i] != NULL && n < V21_RECENT_FILES_MAX; i++)
    {
      if (old[i][0] == '\0' || g_strcmp0 (old[i], entry) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
}

/**
 * v21_application_get_autosave_interval:
 * @self: a #V21Application
 *
 * Returns: the number of seconds between two autosaves
 */
guint
v21_application_get_autosave_interval (V21Application *self)
{
  g_return_val_if_fail (V21_IS_APPLICATION (self), 30);

  if (self->settings == NULL)
    return 30;

  return g_settings_get_uint (self->settings, "autosave-interval");
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* libadwaita 1.2's about window leaves some controls without an accessible
 * name: the back buttons of its subpages (an icon only), the version button
 * (a label child, not a label) and the text views of its subpages. Name them
 * from what they show. */
static void
name_unnamed_controls (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL)
        {
          GtkWidget *content = gtk_button_get_child (GTK_BUTTON (child));
          const char *name = NULL;

          if (GTK_IS_IMAGE (content) &&
              g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (content)), "go-previous-symbolic") == 0)
            name = _("Back");
          else if (GTK_IS_LABEL (content))
            name = gtk_label_get_text (GTK_LABEL (content));

          if (name != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                            -1);
        }
      else if (GTK_IS_TEXT_VIEW (child))
        {
          GtkWidget *page = child;
          GtkWidget *title = NULL;

          /* The subpage's header bar shows its title. */
          for (int up = 0; up < 4 && title == NULL && page != NULL; up++)
            {
              page = gtk_widget_get_parent (page);
              if (page != NULL)
                title = find_descendant (page, ADW_TYPE_WINDOW_TITLE);
            }

          if (title != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            adw_window_title_get_title (ADW_WINDOW_TITLE (title)),
                                            -1);
        }

      name_unnamed_controls (child);
    }
}

/**
 * v21_application_show_about:
 * @self: a #V21Application
 * @parent: (nullable): the window the about window belongs to
 *
 * Shows the about window. It is built with adw_about_window_new() rather than
 * adw_show_about_window() because the toolkit's credit and licence need
 * sections of their own.
 */
void
v21_application_show_about (V21Application *self,
                            GtkWindow      *parent)
{
  const char *developers[] = { _("The Visions+21 contributors"), NULL };
  const char *toolkit_authors[] = {
    /* Translators: the French ministry department that published the toolkit. */
    _("CGDD — Commissariat général au développement durable"),
    "Strategic Design Scenarios",
    NULL
  };
  GtkWidget *about;

  g_return_if_fail (V21_IS_APPLICATION (self));

  about = adw_about_window_new ();
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Visions+21"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APPLICATION_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _("The Visions+21 contributors"));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("Prepare, lead and report a two-day participatory "
                                   "foresight seminar for a territory, following the "
                                   "Visions +21 toolkit: from the issues of today to a "
                                   "shared vision thirty years ahead, its trajectories "
                                   "and a written report."));
  adw_about_window_set_copyright (ADW_ABOUT_WINDOW (about), _("© The Visions+21 contributors"));
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  /* Translators: put your names here, one per line. */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));

  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("The Visions +21 Toolkit"),
                                                toolkit_authors);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("The Visions +21 Toolkit"),
                                      _("© CGDD and Strategic Design Scenarios"),
                                      GTK_LICENSE_CUSTOM,
                                      _("The method, exercises and texts of the Visions +21 "
                                        "toolkit are used under the "
                                        "<a href=\"https://creativecommons.org/licenses/by-sa/4.0/\">"
                                        "Creative Commons Attribution-ShareAlike 4.0 "
                                        "International</a> licence (CC BY-SA 4.0)."));

  name_unnamed_controls (about);

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}
