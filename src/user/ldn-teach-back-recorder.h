/* ldn-teach-back-recorder.h
 *
 * Where the guide keeps the person's teach-back answers. The Learn page
 * only talks to this interface; the user store implements it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LDN_TYPE_TEACH_BACK_RECORDER (ldn_teach_back_recorder_get_type ())

G_DECLARE_INTERFACE (LdnTeachBackRecorder, ldn_teach_back_recorder, LDN, TEACH_BACK_RECORDER, GObject)

struct _LdnTeachBackRecorderInterface
{
  GTypeInterface parent_iface;

  char     *(*dup_answer)    (LdnTeachBackRecorder *self,
                              const char           *question_id);
  gboolean  (*record_answer) (LdnTeachBackRecorder *self,
                              const char           *question_id,
                              const char           *choice_id,
                              GError              **error);
};

/* The choice id last picked for QUESTION_ID, or NULL. */
char     *ldn_teach_back_recorder_dup_answer    (LdnTeachBackRecorder *self,
                                                 const char           *question_id);
gboolean  ldn_teach_back_recorder_record_answer (LdnTeachBackRecorder *self,
                                                 const char           *question_id,
                                                 const char           *choice_id,
                                                 GError              **error);

G_END_DECLS
