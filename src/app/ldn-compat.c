/* ldn-compat.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ldn-compat.h"

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

  gtk_uri_launcher_launch (launcher, parent, NULL, help_launched_cb, g_steal_pointer (&uri));
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

  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL,
                     help_launched_cb, g_steal_pointer (&uri));
}
#endif
