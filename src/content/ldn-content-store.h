/* ldn-content-store.h
 *
 * The app's only door to content.sqlite: guided pages, their blocks and
 * sources, search, and the lists the other sections show. Opened read
 * only; no GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ldn-content-error.h"
#include "ldn-content-types.h"
#include "model/ldn-occupancy-model.h"

G_BEGIN_DECLS

#define LDN_TYPE_CONTENT_STORE (ldn_content_store_get_type ())

G_DECLARE_FINAL_TYPE (LdnContentStore, ldn_content_store, LDN, CONTENT_STORE, GObject)

/* $LDN_GUIDE_CONTENT when set (uninstalled runs, tests), else the
 * installed copy. */
char            *ldn_content_store_dup_default_path      (void);

/* LOCALE NULL picks the first of the user's languages the content has. */
LdnContentStore *ldn_content_store_new                   (const char       *path,
                                                          const char       *locale,
                                                          GError          **error);
const char      *ldn_content_store_get_content_version   (LdnContentStore  *self);
const char      *ldn_content_store_get_locale            (LdnContentStore  *self);

/* Each list is a GPtrArray that frees its elements. */
GPtrArray       *ldn_content_store_list_pages            (LdnContentStore  *self,
                                                          GError          **error);
GPtrArray       *ldn_content_store_get_blocks            (LdnContentStore  *self,
                                                          const char       *page_id,
                                                          GError          **error);
LdnSource       *ldn_content_store_get_source            (LdnContentStore  *self,
                                                          const char       *source_id,
                                                          GError          **error);
GPtrArray       *ldn_content_store_list_sources          (LdnContentStore  *self,
                                                          GError          **error);
GPtrArray       *ldn_content_store_search                (LdnContentStore  *self,
                                                          const char       *text,
                                                          GError          **error);
GPtrArray       *ldn_content_store_list_conditions       (LdnContentStore  *self,
                                                          GError          **error);
GPtrArray       *ldn_content_store_list_side_effects     (LdnContentStore  *self,
                                                          GError          **error);
GPtrArray       *ldn_content_store_list_warning_signs    (LdnContentStore  *self,
                                                          GError          **error);
GPtrArray       *ldn_content_store_list_safety_topics    (LdnContentStore  *self,
                                                          GError          **error);
GPtrArray       *ldn_content_store_list_suggested_questions (LdnContentStore *self,
                                                             GError         **error);

/* The decision aid's items of one KIND ("consent", "value", "sure"), of
 * LdnDecisionItem, in order. */
GPtrArray       *ldn_content_store_list_decision_items   (LdnContentStore  *self,
                                                          const char       *kind,
                                                          GError          **error);
/* Of LdnOpioid, with the names each is matched by. */
GPtrArray       *ldn_content_store_list_opioids          (LdnContentStore  *self,
                                                          GError          **error);

typedef enum {
  LDN_CONTENT_IDS_SIDE_EFFECTS,
  LDN_CONTENT_IDS_SAFETY_TOPICS,
  LDN_CONTENT_IDS_TEACH_BACK,
  LDN_CONTENT_IDS_CONDITIONS,
  LDN_CONTENT_IDS_VALUES,       /* decision items of kind "value" */
  LDN_CONTENT_IDS_CONSENT,      /* decision items of kind "consent" */
} LdnContentIds;

/* The ids of one kind of item, in content order, e.g. to check an import. */
GStrv            ldn_content_store_dup_ids               (LdnContentStore  *self,
                                                          LdnContentIds     kind,
                                                          GError          **error);

/* The timeline's explanations, of LdnCaption. */
GPtrArray       *ldn_content_store_list_captions         (LdnContentStore  *self,
                                                          GError          **error);
/* The occupancy model with the parameters the content cites. */
LdnOccupancyModel *ldn_content_store_load_occupancy_model (LdnContentStore *self,
                                                           GError         **error);
/* A medical sentence shown outside the guided pages (sheet, timeline),
 * by its id in the content's "texts". */
LdnContentText  *ldn_content_store_get_text              (LdnContentStore  *self,
                                                          const char       *text_id,
                                                          GError          **error);
/* The published PET measurements, as an array of LdnPetPoint. */
GArray          *ldn_content_store_list_pet_points       (LdnContentStore  *self,
                                                          GError          **error);

G_END_DECLS
