/* ldn-learn-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ldn-learn-page.h"

struct _LdnLearnPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (LdnLearnPage, ldn_learn_page, ADW_TYPE_BIN)

static void
ldn_learn_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LDN_TYPE_LEARN_PAGE);

  G_OBJECT_CLASS (ldn_learn_page_parent_class)->dispose (object);
}

static void
ldn_learn_page_class_init (LdnLearnPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ldn_learn_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ldn-learn-page.ui");
}

static void
ldn_learn_page_init (LdnLearnPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
