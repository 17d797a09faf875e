/* ldn-compat.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ldn-compat.h"
#include "ldn-reading-stop.h"

static const char *developers[] = {
  "The LDN Guide developers",
  NULL
};

static const char *
about_comments (void)
{
  return _("LDN Guide explains low-dose naltrexone in plain words and helps you "
           "prepare questions for your doctor.\n\n"
           "This app is not medical advice. It never tells you to start, stop or "
           "change a medicine. Talk with your doctor or pharmacist before any change.\n\n"
           "Everything you enter stays on this computer. The app never uses the network.");
}

#if ADW_CHECK_VERSION (1, 5, 0)
/* Built against a newer libadwaita than we pin: AdwAboutWindow is
 * deprecated there, so use its replacement on purpose. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
void
ldn_compat_show_about (GtkWindow *parent)
{
  AdwDialog *dialog = adw_about_dialog_new ();
  AdwAboutDialog *about = ADW_ABOUT_DIALOG (dialog);

  adw_about_dialog_set_application_name (about, _("LDN Guide"));
  adw_about_dialog_set_application_icon (about, APP_ID);
  adw_about_dialog_set_version (about, PACKAGE_VERSION);
  adw_about_dialog_set_developer_name (about, developers[0]);
  adw_about_dialog_set_developers (about, developers);
  adw_about_dialog_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_dialog_set_website (about, "https://github.com/ldnguide/LdnGuide");
  adw_about_dialog_set_issue_url (about, "https://github.com/ldnguide/LdnGuide/issues");
  adw_about_dialog_set_comments (about, about_comments ());
  /* Translators: put your names here, one per line. */
  adw_about_dialog_set_translator_credits (about, _("translator-credits"));

  adw_dialog_present (dialog, parent ? GTK_WIDGET (parent) : NULL);
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
void
ldn_compat_show_about (GtkWindow *parent)
{
  GtkWidget *window = adw_about_window_new ();
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (window);

  adw_about_window_set_application_name (about, _("LDN Guide"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, developers[0]);
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, "https://github.com/ldnguide/LdnGuide");
  adw_about_window_set_issue_url (about, "https://github.com/ldnguide/LdnGuide/issues");
  adw_about_window_set_comments (about, about_comments ());
  /* Translators: put your names here, one per line. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_modal (GTK_WINDOW (window), TRUE);
    }

  gtk_window_present (GTK_WINDOW (window));
}
#endif

char *
ldn_compat_help_uri (const char *page)
{
  if (page == NULL || *page == '\0')
    return g_strdup ("help:" PACKAGE_NAME);

  return g_strconcat ("help:" PACKAGE_NAME "/", page, NULL);
}

/* A missing help viewer is not worth a dialog; the log says what failed. */
static void
report_help_failure (const char   *uri,
                     const GError *error)
{
  g_message ("Could not open help %s: %s", uri, error->message);
}

#if GTK_CHECK_VERSION (4, 10, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
help_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autofree char *uri = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error))
    report_help_failure (uri, error);
}

void
ldn_compat_show_help (GtkWindow  *parent,
                      const char *page)
{
  g_autofree char *uri = ldn_compat_help_uri (page);
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

  gtk_uri_launcher_launch (launcher, parent, NULL, help_launched_cb, g_strdup (uri));
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
help_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autofree char *uri = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    report_help_failure (uri, error);
}

void
ldn_compat_show_help (GtkWindow  *parent,
                      const char *page)
{
  g_autofree char *uri = ldn_compat_help_uri (page);

  /* The callback owns a copy: passing `uri` and g_steal_pointer (&uri)
   * in one call left the first NULL (arguments are evaluated in any order). */
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL,
                     help_launched_cb, g_strdup (uri));
}
#endif

#if GTK_CHECK_VERSION (4, 10, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
void
ldn_compat_widget_color (GtkWidget *widget,
                         GdkRGBA   *color)
{
  gtk_widget_get_color (widget, color);
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
void
ldn_compat_widget_color (GtkWidget *widget,
                         GdkRGBA   *color)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
}
#endif

/* Deprecated in GTK 4.10 without a replacement for named colours. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
gboolean
ldn_compat_lookup_color (GtkWidget  *widget,
                         const char *name,
                         GdkRGBA    *color)
{
  return gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color);
}
G_GNUC_END_IGNORE_DEPRECATIONS

typedef struct {
  LdnCompatFileCallback callback;
  gpointer              user_data;
} SaveRequest;

#if GTK_CHECK_VERSION (4, 10, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
save_dialog_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autofree SaveRequest *request = data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  request->callback (file, request->user_data);
}

void
ldn_compat_save_file (GtkWindow             *parent,
                      const char            *title,
                      const char            *suggested_name,
                      LdnCompatFileCallback  callback,
                      gpointer               user_data)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->callback = callback;
  request->user_data = user_data;
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_initial_name (dialog, suggested_name);
  gtk_file_dialog_save (dialog, parent, NULL, save_dialog_done_cb, request);
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
save_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          gpointer         data)
{
  g_autofree SaveRequest *request = data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  request->callback (file, request->user_data);
  g_object_unref (chooser);
}

void
ldn_compat_save_file (GtkWindow             *parent,
                      const char            *title,
                      const char            *suggested_name,
                      LdnCompatFileCallback  callback,
                      gpointer               user_data)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Save"), _("_Cancel"));
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->callback = callback;
  request->user_data = user_data;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
#endif

#if GTK_CHECK_VERSION (4, 10, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
open_dialog_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autofree SaveRequest *request = data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  request->callback (file, request->user_data);
}

void
ldn_compat_open_file (GtkWindow             *parent,
                      const char            *title,
                      GtkFileFilter         *filter,
                      LdnCompatFileCallback  callback,
                      gpointer               user_data)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->callback = callback;
  request->user_data = user_data;
  gtk_file_dialog_set_title (dialog, title);
  if (filter != NULL)
    {
      g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
      g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();

      gtk_file_filter_set_name (everything, _("All files"));
      gtk_file_filter_add_pattern (everything, "*");
      g_list_store_append (filters, filter);
      g_list_store_append (filters, everything);
      gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
      gtk_file_dialog_set_default_filter (dialog, filter);
    }
  gtk_file_dialog_open (dialog, parent, NULL, open_dialog_done_cb, request);
}

static void
file_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error))
    g_warning ("Could not open the saved file: %s", error->message);
}

void
ldn_compat_launch_file (GtkWindow *parent,
                        GFile     *file)
{
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_launch (launcher, parent, NULL, file_launched_cb, NULL);
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
void
ldn_compat_open_file (GtkWindow             *parent,
                      const char            *title,
                      GtkFileFilter         *filter,
                      LdnCompatFileCallback  callback,
                      gpointer               user_data)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Open"), _("_Cancel"));
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->callback = callback;
  request->user_data = user_data;
  if (filter != NULL)
    {
      g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();

      gtk_file_filter_set_name (everything, _("All files"));
      gtk_file_filter_add_pattern (everything, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), everything);
      gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
ldn_compat_launch_file (GtkWindow *parent,
                        GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}
#endif

typedef struct {
  LdnCompatConfirmCallback callback;
  gpointer                 user_data;
} ConfirmRequest;

void
ldn_compat_confirm (GtkWindow                *parent,
                    const char               *heading,
                    const char               *body,
                    const char               *confirm_label,
                    LdnCompatConfirmCallback  callback,
                    gpointer                  user_data)
{
  ldn_compat_confirm_full (parent, heading, body, _("_Cancel"), confirm_label, callback, user_data);
}

#if ADW_CHECK_VERSION (1, 5, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
confirm_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     gpointer        data)
{
  g_autofree ConfirmRequest *request = data;

  request->callback (g_str_equal (response, "confirm"), request->user_data);
}

GtkWidget *
ldn_compat_confirm_full (GtkWindow                *parent,
                         const char               *heading,
                         const char               *body,
                         const char               *cancel_label,
                         const char               *confirm_label,
                         LdnCompatConfirmCallback  callback,
                         gpointer                  user_data)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);
  ConfirmRequest *request = g_new0 (ConfirmRequest, 1);

  request->callback = callback;
  request->user_data = user_data;
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", cancel_label, "confirm", confirm_label, NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "confirm", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), request);
  adw_dialog_present (dialog, parent ? GTK_WIDGET (parent) : NULL);
  return GTK_WIDGET (dialog);
}

const char *
ldn_compat_confirm_get_body (GtkWidget *dialog)
{
  return adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog));
}

void
ldn_compat_confirm_respond (GtkWidget  *dialog,
                            const char *response)
{
  /* Closing emits the close response once, as a click would emit its own. */
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), response);
  adw_dialog_force_close (ADW_DIALOG (dialog));
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          data)
{
  g_autofree ConfirmRequest *request = data;

  request->callback (g_str_equal (response, "confirm"), request->user_data);
}

GtkWidget *
ldn_compat_confirm_full (GtkWindow                *parent,
                         const char               *heading,
                         const char               *body,
                         const char               *cancel_label,
                         const char               *confirm_label,
                         LdnCompatConfirmCallback  callback,
                         gpointer                  user_data)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);
  ConfirmRequest *request = g_new0 (ConfirmRequest, 1);

  request->callback = callback;
  request->user_data = user_data;
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", cancel_label, "confirm", confirm_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

const char *
ldn_compat_confirm_get_body (GtkWidget *dialog)
{
  return adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
}

void
ldn_compat_confirm_respond (GtkWidget  *dialog,
                            const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
}
#endif

/* GTK 4.18 and later point a labelled button's "labelled by" relation at
 * its own child label whenever the label is set, and a screen reader says
 * what that relation names rather than the accessible label. Dropping the
 * relation leaves the accessible label, on every version; GTK 4.8 sets no
 * such relation, so there it changes nothing. */
static void
drop_labelled_by (GtkWidget *button)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
button_label_changed_cb (GtkWidget  *button,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  drop_labelled_by (button);
}

void
ldn_compat_button_keep_accessible_label (GtkWidget *button)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  drop_labelled_by (button);
  if (g_object_get_data (G_OBJECT (button), "ldn-keeps-accessible-label") == NULL)
    {
      g_object_set_data (G_OBJECT (button), "ldn-keeps-accessible-label", GINT_TO_POINTER (TRUE));
      /* After GTK's own handler, which sets the relation again. */
      g_signal_connect_after (button, "notify::label", G_CALLBACK (button_label_changed_cb), NULL);
      g_signal_connect_after (button, "notify::child", G_CALLBACK (button_label_changed_cb), NULL);
    }
}

void
ldn_compat_button_set_accessible_label (GtkWidget  *button,
                                        const char *label)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  ldn_compat_button_keep_accessible_label (button);
}

static GtkWidget *
first_list_box (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_BOX (child))
        return child;
      if ((found = first_list_box (child)) != NULL)
        return found;
    }
  return NULL;
}

void
ldn_compat_preferences_group_set_accessible_label (GtkWidget  *group,
                                                   const char *label)
{
  GtkWidget *list;

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  list = first_list_box (group);
  g_return_if_fail (list != NULL);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
ldn_compat_keep_accessible_labels (GtkWidget          *root,
                                   const char * const *ids)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (child));

      if (GTK_IS_BUTTON (child) && id != NULL && g_strv_contains (ids, id))
        ldn_compat_button_keep_accessible_label (child);
      ldn_compat_keep_accessible_labels (child, ids);
    }
}

void
ldn_compat_label_quiet_menu (GtkWidget *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, FALSE, -1);
#endif
}

void
ldn_compat_attach_table_row_head (GtkGrid    *grid,
                                  GtkWidget  *label,
                                  int         row,
                                  const char *text)
{
  g_return_if_fail (GTK_IS_GRID (grid));
  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (text != NULL);

  gtk_grid_attach (grid, label, 0, row, 1, 1);
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    GtkWidget *stop = ldn_reading_stop_new (GTK_ACCESSIBLE_ROLE_CELL, text);

    gtk_widget_add_css_class (stop, "ldn-readable");
    /* Clicks go through to the label. */
    gtk_widget_set_can_target (stop, FALSE);
    gtk_grid_attach (grid, stop, 0, row, 1, 1);
  }
#else
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
#endif
}

void
ldn_compat_drop_down_set_accessible_label (GtkWidget  *drop_down,
                                           GtkWidget  *button,
                                           const char *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
#if GTK_CHECK_VERSION (4, 10, 0)
  /* Only one in a row (a drop-down elsewhere keeps the name it was given). */
  if (gtk_widget_get_ancestor (drop_down, ADW_TYPE_ACTION_ROW) != NULL)
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
#endif
}

#if !GTK_CHECK_VERSION (4, 10, 0)
static void
name_stack_page (GtkStackPage *page,
                 const char   *untitled)
{
  const char *title = gtk_stack_page_get_title (page);

  if (title != NULL && *title != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    untitled != NULL ? untitled : "", -1);
}

static void
stack_pages_changed_cb (GListModel *pages,
                        guint       position,
                        guint       removed,
                        guint       added,
                        const char *untitled)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (pages, i);

      name_stack_page (GTK_STACK_PAGE (page), untitled);
    }
}
#endif

void
ldn_compat_name_stack_pages (GtkStack   *stack,
                             const char *untitled)
{
  g_return_if_fail (GTK_IS_STACK (stack));

#if !GTK_CHECK_VERSION (4, 10, 0)
  {
    GListModel *pages = G_LIST_MODEL (gtk_stack_get_pages (stack));
    char *context = g_strdup (untitled);

    stack_pages_changed_cb (pages, 0, 0, g_list_model_get_n_items (pages), context);
    /* The stack keeps only a weak reference to its list of pages: the
     * stack holds it (and the name) for as long as it lives. */
    g_signal_connect (pages, "items-changed", G_CALLBACK (stack_pages_changed_cb), context);
    g_object_set_data_full (G_OBJECT (stack), "ldn-untitled-page-name", context, g_free);
    g_object_set_data_full (G_OBJECT (stack), "ldn-stack-pages", pages, g_object_unref);
  }
#else
  (void) untitled;
#endif
}

#if GTK_CHECK_VERSION (4, 14, 0)
/* Newer than the pinned 4.8 API: allowed here, behind the version check. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
void
ldn_compat_announce (GtkWidget  *widget,
                     const char *message)
{
  g_autoptr(GtkATContext) context = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  /* GTK's test AT context (GTK_A11Y=test, used by the accessibility
   * tests) has no announce method: calling it crashed the tests on GTK
   * 4.18 and 4.24. There is no screen reader to tell there anyway. */
  context = gtk_accessible_get_at_context (GTK_ACCESSIBLE (widget));
  if (context == NULL || g_str_equal (G_OBJECT_TYPE_NAME (context), "GtkTestATContext"))
    return;

  gtk_accessible_announce (GTK_ACCESSIBLE (widget), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
/* When focus leaves the widget, its description is what it was (GTK
 * describes a widget by its tooltip) so the message is not spoken again. */
static void
restore_description_cb (GtkWidget  *focus,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  const char *tooltip;

  if (gtk_widget_has_focus (focus))
    return;

  tooltip = gtk_widget_get_tooltip_text (focus);
  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_signal_handlers_disconnect_by_func (focus, restore_description_cb, NULL);
}

void
ldn_compat_announce (GtkWidget  *widget,
                     const char *message)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  root = gtk_widget_get_root (widget);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL)
    return;
  /* In an entry the focus is on its inner GtkText, which is not what a
   * screen reader sees: the entry is. */
  if (GTK_IS_TEXT (focus) && gtk_widget_get_parent (focus) != NULL &&
      GTK_IS_EDITABLE (gtk_widget_get_parent (focus)))
    focus = gtk_widget_get_parent (focus);

  gtk_accessible_update_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  if (g_signal_handler_find (focus, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, restore_description_cb, NULL) == 0)
    g_signal_connect (focus, "notify::has-focus", G_CALLBACK (restore_description_cb), NULL);
}
#endif
