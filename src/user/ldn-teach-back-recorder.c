/* ldn-teach-back-recorder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "ldn-teach-back-recorder.h"

G_DEFINE_INTERFACE (LdnTeachBackRecorder, ldn_teach_back_recorder, G_TYPE_OBJECT)

static void
ldn_teach_back_recorder_default_init (LdnTeachBackRecorderInterface *iface)
{
}

char *
ldn_teach_back_recorder_dup_answer (LdnTeachBackRecorder *self,
                                    const char           *question_id)
{
  g_return_val_if_fail (LDN_IS_TEACH_BACK_RECORDER (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  return LDN_TEACH_BACK_RECORDER_GET_IFACE (self)->dup_answer (self, question_id);
}

gboolean
ldn_teach_back_recorder_record_answer (LdnTeachBackRecorder *self,
                                       const char           *question_id,
                                       const char           *choice_id,
                                       GError              **error)
{
  g_return_val_if_fail (LDN_IS_TEACH_BACK_RECORDER (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);
  g_return_val_if_fail (choice_id != NULL, FALSE);

  return LDN_TEACH_BACK_RECORDER_GET_IFACE (self)->record_answer (self, question_id, choice_id, error);
}
