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

struct _LdnMemoryTeachBack
{
  GObject     parent_instance;

  GHashTable *answers;
};

static void ldn_memory_teach_back_recorder_init (LdnTeachBackRecorderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LdnMemoryTeachBack, ldn_memory_teach_back, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LDN_TYPE_TEACH_BACK_RECORDER,
                                                      ldn_memory_teach_back_recorder_init))

static char *
ldn_memory_teach_back_dup_answer (LdnTeachBackRecorder *recorder,
                                  const char           *question_id)
{
  LdnMemoryTeachBack *self = LDN_MEMORY_TEACH_BACK (recorder);

  return g_strdup (g_hash_table_lookup (self->answers, question_id));
}

static gboolean
ldn_memory_teach_back_record_answer (LdnTeachBackRecorder *recorder,
                                     const char           *question_id,
                                     const char           *choice_id,
                                     GError              **error)
{
  LdnMemoryTeachBack *self = LDN_MEMORY_TEACH_BACK (recorder);

  g_hash_table_insert (self->answers, g_strdup (question_id), g_strdup (choice_id));
  return TRUE;
}

static void
ldn_memory_teach_back_recorder_init (LdnTeachBackRecorderInterface *iface)
{
  iface->dup_answer = ldn_memory_teach_back_dup_answer;
  iface->record_answer = ldn_memory_teach_back_record_answer;
}

static void
ldn_memory_teach_back_finalize (GObject *object)
{
  LdnMemoryTeachBack *self = LDN_MEMORY_TEACH_BACK (object);

  g_hash_table_unref (self->answers);

  G_OBJECT_CLASS (ldn_memory_teach_back_parent_class)->finalize (object);
}

static void
ldn_memory_teach_back_class_init (LdnMemoryTeachBackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ldn_memory_teach_back_finalize;
}

static void
ldn_memory_teach_back_init (LdnMemoryTeachBack *self)
{
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

LdnMemoryTeachBack *
ldn_memory_teach_back_new (void)
{
  return g_object_new (LDN_TYPE_MEMORY_TEACH_BACK, NULL);
}
