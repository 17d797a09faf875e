/* ldn-user-store.h
 *
 * What the person records about themselves: the side-effect checklist,
 * safety answers, their questions, notes and teach-back answers. One
 * SQLite file in the user data directory; every change is its own
 * transaction, written through before the call returns. No GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LDN_USER_ERROR (ldn_user_error_quark ())

typedef enum {
  LDN_USER_ERROR_INVALID_TEXT,   /* not UTF-8, too long */
  LDN_USER_ERROR_INVALID_VALUE,  /* a date, severity or answer that is not allowed */
  LDN_USER_ERROR_NOT_FOUND,
  LDN_USER_ERROR_STORAGE,        /* SQLite said no: disk full, read-only, damaged */
  LDN_USER_ERROR_IMPORT,         /* an import file that breaks the format */
  LDN_USER_ERROR_BUSY,           /* another process kept the store locked past the busy timeout */
  LDN_USER_ERROR_READ_ONLY,      /* the file or its folder cannot be written */
  LDN_USER_ERROR_CHANGED,        /* changed outside since last read: refused, views reloaded */
} LdnUserError;

GQuark ldn_user_error_quark (void);

#define LDN_USER_TEXT_MAX_CHARS 10000
#define LDN_USER_MAX_QUESTIONS  200
#define LDN_USER_SCHEMA_VERSION 4
/* How long a change waits for another LDN Guide that is writing. */
#define LDN_USER_STORE_BUSY_TIMEOUT_MS 4000

typedef enum {
  LDN_SEVERITY_NONE,
  LDN_SEVERITY_MILD,
  LDN_SEVERITY_MODERATE,
  LDN_SEVERITY_SEVERE,
} LdnSeverity;

typedef enum {
  LDN_ANSWER_NONE,
  LDN_ANSWER_YES,
  LDN_ANSWER_NO,
  LDN_ANSWER_UNSURE,
} LdnSafetyAnswer;

typedef enum {
  LDN_USER_TEXT_OTHER_SIDE_EFFECTS,
  LDN_USER_TEXT_OTHER_MEDICINES,
  LDN_USER_TEXT_WHAT_MATTERS,
  LDN_USER_TEXT_NAME,
} LdnUserText;

typedef struct {
  char        *item_id;
  gboolean     noticed;
  LdnSeverity  severity;
  char        *since;     /* YYYY-MM-DD or NULL */
  char        *note;      /* never NULL */
} LdnChecklistEntry;

typedef struct {
  gint64  id;
  char   *text;
  char   *suggested_id; /* the content's suggested question, or NULL */
} LdnUserQuestion;

void ldn_checklist_entry_free (LdnChecklistEntry *entry);
void ldn_user_question_free   (LdnUserQuestion   *question);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnChecklistEntry, ldn_checklist_entry_free)

const char *ldn_severity_to_string    (LdnSeverity      severity);
gboolean    ldn_severity_from_string  (const char      *text,
                                       LdnSeverity     *severity);
const char *ldn_answer_to_string      (LdnSafetyAnswer  answer);
gboolean    ldn_answer_from_string    (const char      *text,
                                       LdnSafetyAnswer *answer);
/* Checks a user text: valid UTF-8 and at most LDN_USER_TEXT_MAX_CHARS. */
gboolean    ldn_user_text_check       (const char      *text,
                                       GError         **error);
gboolean    ldn_user_date_check       (const char      *date,
                                       GError         **error);

/* Signals: "changed" after this process committed a change; "reset"
 * when everything may have changed (an import, delete-all, or a change
 * made by another process): read the store again. */
#define LDN_TYPE_USER_STORE (ldn_user_store_get_type ())

G_DECLARE_FINAL_TYPE (LdnUserStore, ldn_user_store, LDN, USER_STORE, GObject)

/* $LDN_GUIDE_USER_DATA when set, else $XDG_DATA_HOME/ldn-guide/user.sqlite
 * (see ldn_xdg_dup_data_home: never relative); NULL when there is no
 * absolute place, which ldn_user_store_open(NULL) reports as its problem. */
char         *ldn_user_store_dup_default_path (void);

/* Never fails for a damaged file: that is moved aside (see
 * get_damaged_path) and a fresh store started. When nothing can be
 * written at all, the store keeps data in memory for this session and
 * get_problem says why. */
LdnUserStore *ldn_user_store_open             (const char       *path);   /* nullable */
const char   *ldn_user_store_get_path         (LdnUserStore     *self);
const char   *ldn_user_store_get_damaged_path (LdnUserStore     *self);
const char   *ldn_user_store_get_problem      (LdnUserStore     *self);
gboolean      ldn_user_store_is_persistent    (LdnUserStore     *self);
/* The file exists but cannot be written: it was opened read-only
 * (immutable, so no -shm or -wal is left behind), get_problem says so,
 * and every change fails with LDN_USER_ERROR_READ_ONLY. */
gboolean      ldn_user_store_is_read_only     (LdnUserStore     *self);
/* For tests: how long a change waits for another writer. */
void          ldn_user_store_set_busy_timeout (LdnUserStore     *self,
                                               int               milliseconds);
/* Someone else (another LDN Guide, `ldn-guide --import-data`) may have
 * changed the file. If they did, emits "reset" and returns TRUE. Every
 * change checks this first too, and refuses with LDN_USER_ERROR_CHANGED
 * rather than overwrite what it has not seen. Cheap: call it on focus. */
gboolean      ldn_user_store_check_for_changes (LdnUserStore    *self);

LdnChecklistEntry *ldn_user_store_get_checklist_entry (LdnUserStore *self,
                                                       const char   *item_id,
                                                       GError      **error);
GPtrArray    *ldn_user_store_list_checklist   (LdnUserStore     *self,
                                               GError          **error);
gboolean      ldn_user_store_set_noticed      (LdnUserStore     *self,
                                               const char       *item_id,
                                               gboolean          noticed,
                                               GError          **error);
gboolean      ldn_user_store_set_severity     (LdnUserStore     *self,
                                               const char       *item_id,
                                               LdnSeverity       severity,
                                               GError          **error);
gboolean      ldn_user_store_set_since        (LdnUserStore     *self,
                                               const char       *item_id,
                                               const char       *date,
                                               GError          **error);
gboolean      ldn_user_store_set_note         (LdnUserStore     *self,
                                               const char       *item_id,
                                               const char       *note,
                                               GError          **error);

char         *ldn_user_store_dup_text         (LdnUserStore     *self,
                                               LdnUserText       which);
gboolean      ldn_user_store_set_text         (LdnUserStore     *self,
                                               LdnUserText       which,
                                               const char       *text,
                                               GError          **error);

LdnSafetyAnswer ldn_user_store_get_answer     (LdnUserStore     *self,
                                               const char       *question_id);
gboolean      ldn_user_store_set_answer       (LdnUserStore     *self,
                                               const char       *question_id,
                                               LdnSafetyAnswer   answer,
                                               GError          **error);

GPtrArray    *ldn_user_store_list_questions   (LdnUserStore     *self,
                                               GError          **error);
gint64        ldn_user_store_add_question     (LdnUserStore     *self,
                                               const char       *text,
                                               const char       *suggested_id,
                                               GError          **error);
gboolean      ldn_user_store_remove_question  (LdnUserStore     *self,
                                               gint64            id,
                                               GError          **error);
gboolean      ldn_user_store_move_question    (LdnUserStore     *self,
                                               gint64            id,
                                               int               offset,
                                               GError          **error);

/* Teach-back answers: question id -> choice id, in a hash table. */
GHashTable   *ldn_user_store_dup_teach_back   (LdnUserStore     *self);

gboolean      ldn_user_store_delete_all       (LdnUserStore     *self,
                                               GError          **error);
/* Deletes every row; call it inside ldn_user_store_run_transaction(). */
gboolean      ldn_user_store_clear            (LdnUserStore     *self,
                                               GError          **error);

/* For import: runs FUNC inside one transaction; if it fails, nothing
 * it did is kept. */
typedef gboolean (*LdnUserStoreTransaction) (LdnUserStore *self,
                                             gpointer      data,
                                             GError      **error);
gboolean      ldn_user_store_run_transaction  (LdnUserStore            *self,
                                               LdnUserStoreTransaction  func,
                                               gpointer                 data,
                                               GError                 **error);

G_END_DECLS
