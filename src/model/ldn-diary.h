/* ldn-diary.h: the person's diary as plain data (no store, no GTK)
 *
 * This is the contract between the diary's store and JSON (src/user/ldn-diary-store.c,
 * ldn-diary-json.c), its pure logic (src/model/ldn-diary-summary.c: baseline, descriptive
 * summaries, occupancy for the person's plan) and its drawing (src/chart/ldn-trend-draw.c),
 * used by the diary page, the sheet's "Before and after" section and the CSV export.
 *
 * Dates are GDate values in the person's calendar (no time zone); times of day are minutes
 * after midnight. Nothing here judges whether a medicine works.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LDN_DIARY_MAX_ITEMS     3
#define LDN_DIARY_SCALE_MAX     10
#define LDN_DIARY_RATING_NONE   (-1)   /* not recorded for this item on this entry */

typedef enum {
  LDN_DIARY_EVERY_DAY,
  LDN_DIARY_EVERY_WEEK,
} LdnDiaryEvery;

typedef enum {
  LDN_DIARY_DOSE_UNKNOWN,   /* JSON null: not recorded */
  LDN_DIARY_DOSE_TAKEN,
  LDN_DIARY_DOSE_MISSED,
} LdnDiaryDoseTaken;

/* One thing the person follows, on a 0-10 scale in their own words. */
typedef struct {
  char          *id;      /* stable within the diary, [a-z0-9-]{1,40} */
  char          *label;   /* "Pain" */
  char          *low;     /* what 0 means, may be "" */
  char          *high;    /* what 10 means, may be "" */
  LdnDiaryEvery  every;
} LdnDiaryItem;

/* From this date on, the plan as prescribed (typed by the person). */
typedef struct {
  GDate   from;
  double  dose_mg;        /* > 0 */
  int     minutes;        /* time of day taken, 0..1439 */
} LdnDiaryPlanStep;

/* A side effect noticed on an entry's date: a content side-effect id and a severity
 * with the numeric values of LdnSeverity (1 mild, 2 moderate, 3 severe). */
typedef struct {
  char *id;
  int   severity;
} LdnDiarySideEffect;

typedef struct {
  GDate              date;
  int                ratings[LDN_DIARY_MAX_ITEMS]; /* by item index; LDN_DIARY_RATING_NONE if absent */
  char              *note;                         /* never NULL, may be "" */
  GPtrArray         *side_effects;                 /* of LdnDiarySideEffect, owned */
  LdnDiaryDoseTaken  dose_taken;
} LdnDiaryEntry;

typedef struct {
  GPtrArray *items;       /* of LdnDiaryItem, owned, at most LDN_DIARY_MAX_ITEMS */
  gboolean   has_start;
  GDate      start;       /* valid only if has_start */
  GPtrArray *plan;        /* of LdnDiaryPlanStep, owned, sorted by date */
  GPtrArray *entries;     /* of LdnDiaryEntry, owned, sorted by date, one per date */
} LdnDiary;

LdnDiary          *ldn_diary_new                (void);
void               ldn_diary_free               (LdnDiary *diary);
LdnDiaryItem      *ldn_diary_item_new           (const char    *id,
                                                 const char    *label,
                                                 const char    *low,
                                                 const char    *high,
                                                 LdnDiaryEvery  every);
void               ldn_diary_item_free          (LdnDiaryItem *item);
LdnDiaryPlanStep  *ldn_diary_plan_step_new      (const GDate *from,
                                                 double       dose_mg,
                                                 int          minutes);
LdnDiaryEntry     *ldn_diary_entry_new          (const GDate *date);
void               ldn_diary_entry_free         (LdnDiaryEntry *entry);
void               ldn_diary_entry_add_side_effect (LdnDiaryEntry *entry,
                                                    const char    *id,
                                                    int            severity);
/* Index of the item with this id, or -1. */
int                ldn_diary_find_item          (const LdnDiary *diary,
                                                 const char     *id);
/* Sorts plan and entries by date (stable). */
void               ldn_diary_sort               (LdnDiary *diary);

const char        *ldn_diary_every_to_string    (LdnDiaryEvery every);   /* "day" | "week" */
gboolean           ldn_diary_every_from_string  (const char    *text,
                                                 LdnDiaryEvery *every);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnDiary, ldn_diary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnDiaryEntry, ldn_diary_entry_free)

G_END_DECLS
