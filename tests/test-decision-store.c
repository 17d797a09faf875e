/* test-decision-store.c: the decision aid's answers are kept, exported as
 * version 2, checked on import (version 1 files still import), and
 * medicines are matched against the content's opioids.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "content/ldn-content-store.h"
#include "content/ldn-opioid-match.h"
#include "user/ldn-decision-store.h"
#include "user/ldn-user-data-json.h"
#include "user/ldn-user-store.h"
#include "ldn-test-store.h"
#include "ldn-test-tmp.h"

static const char *checklist_ids[] = { "vivid-dreams", NULL };
static const char *safety_ids[] = { "opioids", NULL };
static const char *condition_ids[] = { "fibromyalgia", "crohns", NULL };
static const char *value_ids[] = { "avoid-side-effects", "cost", NULL };
static const char *consent_ids[] = { "off-label", "opioids", NULL };
static const LdnUserDataIds ids = {
  .checklist_ids = checklist_ids, .safety_ids = safety_ids,
  .condition_ids = condition_ids, .value_ids = value_ids, .consent_ids = consent_ids,
};

typedef LdnTestStoreFixture Fixture;

static void
fill_decision (LdnUserStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ldn_decision_set_condition (store, "fibromyalgia", TRUE, &error));
  g_assert_cmpint (ldn_decision_add_own_condition (store, "  Long COVID fatigue ", &error), >, 0);
  g_assert_true (ldn_decision_set_about_text (store, LDN_ABOUT_TRIED, "Amitriptyline, pacing", &error));
  g_assert_true (ldn_decision_set_about_text (store, LDN_ABOUT_ALLERGIES, "Penicillin (rash)", &error));
  g_assert_true (ldn_decision_set_date_of_birth (store, "1968-04-09", &error));
  g_assert_cmpint (ldn_decision_add_medicine (store, "Co-codamol 30/500", "2 tablets", "four times a day", &error), >, 0);
  g_assert_cmpint (ldn_decision_add_medicine (store, "Sertraline", "50 mg", "once a day", &error), >, 0);
  g_assert_true (ldn_decision_set_importance (store, "avoid-side-effects", 4, &error));
  g_assert_cmpint (ldn_decision_add_own_value (store, "Being able to drive", 3, &error), >, 0);
  g_assert_cmpint (ldn_decision_add_own_value (store, "Not rated yet", -1, &error), >, 0);
  g_assert_true (ldn_decision_set_consent (store, "off-label", LDN_CONSENT_UNDERSTOOD, &error));
  g_assert_true (ldn_decision_set_consent (store, "opioids", LDN_CONSENT_EXPLAIN, &error));
  g_assert_true (ldn_decision_set_sure (store, LDN_SURE_BEFORE, 0, LDN_SURE_NO, &error));
  g_assert_true (ldn_decision_set_sure (store, LDN_SURE_BEFORE, 1, LDN_SURE_YES, &error));
  g_assert_true (ldn_decision_set_sure (store, LDN_SURE_BEFORE, 2, LDN_SURE_NO, &error));
  g_assert_true (ldn_decision_set_sure (store, LDN_SURE_BEFORE, 3, LDN_SURE_YES, &error));
  g_assert_true (ldn_decision_set_sure (store, LDN_SURE_AFTER, 0, LDN_SURE_YES, &error));
  g_assert_true (ldn_decision_set_stage (store, LDN_STAGE_CONSIDERING, &error));
  g_assert_true (ldn_decision_set_role (store, LDN_ROLE_TOGETHER, &error));
  g_assert_no_error (error);
}

static char *
export (LdnUserStore *store)
{
  return ldn_test_store_export (store, &ids);
}

static void
check_filled (LdnUserStore *store)
{
  g_autoptr(GPtrArray) conditions = ldn_decision_list_conditions (store, NULL);
  g_autoptr(GPtrArray) medicines = ldn_decision_list_medicines (store, NULL);
  g_autoptr(GPtrArray) own = ldn_decision_list_own_values (store, NULL);
  g_autofree char *birth = ldn_decision_dup_date_of_birth (store);
  g_autofree char *allergies = ldn_decision_dup_about_text (store, LDN_ABOUT_ALLERGIES);
  guint answered, unsure;

  g_assert_cmpuint (conditions->len, ==, 2);
  g_assert_cmpstr (((LdnAboutCondition *) conditions->pdata[0])->condition_id, ==, "fibromyalgia");
  g_assert_cmpstr (((LdnAboutCondition *) conditions->pdata[1])->text, ==, "Long COVID fatigue");
  g_assert_true (ldn_decision_has_condition (store, "fibromyalgia"));
  g_assert_false (ldn_decision_has_condition (store, "crohns"));
  g_assert_cmpstr (birth, ==, "1968-04-09");
  g_assert_cmpstr (allergies, ==, "Penicillin (rash)");
  g_assert_cmpuint (medicines->len, ==, 2);
  g_assert_cmpstr (((LdnMedicine *) medicines->pdata[0])->name, ==, "Co-codamol 30/500");
  g_assert_cmpstr (((LdnMedicine *) medicines->pdata[0])->how_often, ==, "four times a day");
  g_assert_cmpint (ldn_decision_get_importance (store, "avoid-side-effects"), ==, 4);
  g_assert_cmpint (ldn_decision_get_importance (store, "cost"), ==, -1);
  g_assert_cmpuint (own->len, ==, 2);
  g_assert_cmpint (((LdnOwnValue *) own->pdata[0])->importance, ==, 3);
  g_assert_cmpint (((LdnOwnValue *) own->pdata[1])->importance, ==, -1);
  g_assert_cmpint (ldn_decision_get_consent (store, "opioids"), ==, LDN_CONSENT_EXPLAIN);
  ldn_decision_count_sure (store, LDN_SURE_BEFORE, &answered, &unsure);
  g_assert_cmpuint (answered, ==, 4);
  g_assert_cmpuint (unsure, ==, 2);
  ldn_decision_count_sure (store, LDN_SURE_AFTER, &answered, &unsure);
  g_assert_cmpuint (answered, ==, 1);
  g_assert_cmpuint (unsure, ==, 0);
  g_assert_cmpint (ldn_decision_get_stage (store), ==, LDN_STAGE_CONSIDERING);
  g_assert_cmpint (ldn_decision_get_role (store), ==, LDN_ROLE_TOGETHER);
}

static void
test_survives_reopening (Fixture       *fixture,
                         gconstpointer  data)
{
  {
    g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
    g_assert_true (ldn_user_store_is_persistent (store));
    fill_decision (store);
  }
  {
    g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
    check_filled (store);
  }
}

static void
test_edits_and_refusals (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autoptr(GPtrArray) medicines = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *future = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autofree char *long_text = g_strnfill (LDN_USER_TEXT_MAX_CHARS + 1, 'x');
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = ldn_decision_add_medicine (store, "Tramadol", "50 mg", "twice a day", &error);
  g_assert_no_error (error);
  g_assert_true (ldn_decision_update_medicine (store, id, "Tramadol", "100 mg", "twice a day", &error));
  g_assert_no_error (error);

  g_assert_cmpint (ldn_decision_add_medicine (store, "   ", "", "", &error), ==, 0);
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_TEXT);
  g_clear_error (&error);
  g_assert_false (ldn_decision_update_medicine (store, id, "", "", "", &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_TEXT);
  g_clear_error (&error);
  g_assert_cmpint (ldn_decision_add_medicine (store, "x", long_text, "", &error), ==, 0);
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_TEXT);
  g_clear_error (&error);

  medicines = ldn_decision_list_medicines (store, NULL);
  g_assert_cmpuint (medicines->len, ==, 1);
  g_assert_cmpstr (((LdnMedicine *) medicines->pdata[0])->dose, ==, "100 mg");

  g_assert_false (ldn_decision_set_date_of_birth (store, future, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (ldn_decision_set_date_of_birth (store, "09/04/1968", &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (ldn_decision_set_importance (store, "cost", 5, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (ldn_decision_set_sure (store, LDN_SURE_AFTER, 4, LDN_SURE_YES, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_true (ldn_decision_remove_medicine (store, id, &error));
  medicines = (g_ptr_array_unref (medicines), ldn_decision_list_medicines (store, NULL));
  g_assert_cmpuint (medicines->len, ==, 0);

  /* Unchoosing a condition and clearing answers. */
  g_assert_true (ldn_decision_set_condition (store, "crohns", TRUE, &error));
  g_assert_true (ldn_decision_set_condition (store, "crohns", TRUE, &error));
  g_assert_true (ldn_decision_set_condition (store, "crohns", FALSE, &error));
  g_assert_false (ldn_decision_has_condition (store, "crohns"));
  g_assert_true (ldn_decision_set_stage (store, LDN_STAGE_DECIDED, &error));
  g_assert_true (ldn_decision_set_stage (store, LDN_STAGE_NONE, &error));
  g_assert_cmpint (ldn_decision_get_stage (store), ==, LDN_STAGE_NONE);
  g_assert_no_error (error);
}

static void
test_delete_all_clears (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autofree char *empty = export (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  fill_decision (store);
  g_assert_true (ldn_user_store_delete_all (store, &error));
  g_assert_no_error (error);
  after = export (store);
  g_assert_cmpstr (after, ==, empty);
}

/* A file from before the decision aid (schema version 2) gains its
 * tables and keeps what it had. */
static void
test_migrates_version_2 (Fixture       *fixture,
                         gconstpointer  data)
{
  {
    g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
    g_assert_true (ldn_user_store_set_text (store, LDN_USER_TEXT_NAME, "Ana", NULL));
  }
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db,
                                   "DROP TABLE about_me; DROP TABLE about_conditions; DROP TABLE medicines;"
                                   "DROP TABLE value_ratings; DROP TABLE own_values; DROP TABLE consent_answers;"
                                   "DROP TABLE sure_answers; PRAGMA user_version = 2;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  {
    g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
    g_autofree char *name = ldn_user_store_dup_text (store, LDN_USER_TEXT_NAME);

    g_assert_null (ldn_user_store_get_damaged_path (store));
    g_assert_cmpstr (name, ==, "Ana");
    fill_decision (store);
    check_filled (store);
  }
}

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autofree char *json = NULL;

  fill_decision (store);
  json = export (store);
  g_assert_nonnull (strstr (json, "\"version\" : 3"));
  g_assert_nonnull (strstr (json, "\"date_of_birth\" : \"1968-04-09\""));
  g_assert_nonnull (strstr (json, "\"how_often\" : \"four times a day\""));
  g_assert_nonnull (strstr (json, "\"cost\" : null"));
  g_assert_nonnull (strstr (json, "\"stage\" : \"considering\""));

  ldn_test_store_assert_round_trip (json, fixture->dir, &ids, check_filled);
}

/* Without the content's ids (an export when the guide's content cannot
 * be read), every saved answer is still in the file. */
static void
test_export_without_content_keeps_everything (Fixture       *fixture,
                                              gconstpointer  data)
{
  static const LdnUserDataIds no_ids = { NULL };
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  fill_decision (store);
  json = ldn_user_data_to_json (store, &no_ids, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"avoid-side-effects\" : 4"));
  g_assert_nonnull (strstr (json, "\"opioids\" : \"explain\""));
  g_assert_nonnull (strstr (json, "\"off-label\" : \"understood\""));
  g_assert_nonnull (strstr (json, "\"fibromyalgia\""));
}

/* A file written before the decision aid imports, and leaves the
 * decision aid empty (an import replaces everything). */
static void
test_version_1_imports (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char v1[] =
    "{\"format\" : \"ldn-guide-data\", \"version\" : 1, \"checklist\" : [], \"other_side_effects\" : \"\","
    " \"safety\" : {\"opioids\" : \"yes\", \"other_medicines\" : \"Tramadol\"}, \"questions\" : [\"Why?\"],"
    " \"what_matters\" : \"Sleep\", \"teach_back\" : {}}";
  static const char v1_with_v2_member[] =
    "{\"format\" : \"ldn-guide-data\", \"version\" : 1, \"checklist\" : [], \"other_side_effects\" : \"\","
    " \"safety\" : {\"other_medicines\" : \"\"}, \"questions\" : [], \"what_matters\" : \"\", \"teach_back\" : {},"
    " \"medicines\" : []}";
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autoptr(GPtrArray) medicines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other = NULL;

  fill_decision (store);
  g_assert_true (ldn_user_data_from_json (store, &ids, v1, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ldn_user_store_get_answer (store, "opioids"), ==, LDN_ANSWER_YES);
  other = ldn_user_store_dup_text (store, LDN_USER_TEXT_OTHER_MEDICINES);
  g_assert_cmpstr (other, ==, "Tramadol");
  medicines = ldn_decision_list_medicines (store, NULL);
  g_assert_cmpuint (medicines->len, ==, 0);
  g_assert_cmpint (ldn_decision_get_stage (store), ==, LDN_STAGE_NONE);

  g_assert_false (ldn_user_data_from_json (store, &ids, v1_with_v2_member, -1, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_IMPORT);
  g_assert_nonnull (strstr (error->message, "medicines"));
}

static void
test_bad_imports_name_the_field (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const LdnTestBadEdit cases[] = {
    { "\"fibromyalgia\"", "\"hiccups\"", "about_me.conditions[0]" },
    { "\"fibromyalgia\"", "42", "about_me.conditions[0]" },
    { "{\n        \"text\" : \"Long COVID fatigue\"", "{\n        \"text\" : \"  \"", "about_me.conditions[1].text" },
    { "\"text\" : \"Long COVID fatigue\"", "\"txt\" : \"Long COVID fatigue\"", "about_me.conditions[1].txt" },
    { "\"1968-04-09\"", "\"1968-02-30\"", "about_me.date_of_birth" },
    { "\"1968-04-09\"", "\"2999-01-01\"", "about_me.date_of_birth" },
    { "\"allergies\" : \"Penicillin (rash)\"", "\"allergies\" : null", "about_me.allergies" },
    { "\"name\" : \"Sertraline\"", "\"name\" : \"\"", "medicines[1].name" },
    { "\"dose\" : \"50 mg\"", "\"dose\" : 50", "medicines[1].dose" },
    { "\"how_often\" : \"once a day\"", "\"how_often\" : \"once a day\", \"colour\" : \"blue\"", "medicines[1].colour" },
    { "\"avoid-side-effects\" : 4", "\"avoid-side-effects\" : 5", "values.avoid-side-effects" },
    { "\"avoid-side-effects\" : 4", "\"avoid-side-effects\" : 2.5", "values.avoid-side-effects" },
    { "\"avoid-side-effects\" : 4", "\"sleep-well\" : 4", "values.sleep-well" },
    { "\"importance\" : 3", "\"importance\" : -1", "values.own[0].importance" },
    { "\"off-label\" : \"understood\"", "\"off-label\" : \"yes\"", "consent.off-label" },
    { "\"off-label\" : \"understood\"", "\"compounding\" : \"understood\"", "consent.compounding" },
    { "\"before\" : [\n      false,", "\"before\" : [\n      \"no\",", "sure.before[0]" },
    { "\"after\" : [\n      true,", "\"after\" : [\n", "sure.after" },
    { "\"stage\" : \"considering\"", "\"stage\" : \"maybe\"", "decision.stage" },
    { "\"role\" : \"together\"", "\"role\" : \"nurse\"", "decision.role" },
    { "\"decision\" : {", "\"decisions\" : {", "decisions" },
  };
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autofree char *good = NULL;

  fill_decision (store);
  good = export (store);

  ldn_test_store_assert_refused (store, &ids, good, cases, G_N_ELEMENTS (cases));

  /* Version 2 without a decision-aid member. */
  {
    g_autoptr(GString) bad = g_string_new (good);
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (g_string_replace (bad, "\"consent\" :", "\"what_matters_too\" :", 1), ==, 1);
    g_assert_false (ldn_user_data_from_json (store, &ids, bad->str, -1, &error));
    g_assert_nonnull (strstr (error->message, "what_matters_too"));
  }
}

static LdnOpioid *
opioid_new (const char *id,
            const char *first,
            ...)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  LdnOpioid *opioid = g_new0 (LdnOpioid, 1);
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    g_strv_builder_add (names, name);
  va_end (args);

  opioid->id = g_strdup (id);
  opioid->name = g_strdup (id);
  opioid->contains = g_strdup ("");
  opioid->names = g_strv_builder_end (names);
  return opioid;
}

static void
test_opioid_match (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "Co-codamol 30/500", "co-codamol" },
    { "CO CODAMOL", "co-codamol" },
    { "cocodamol 8/500mg", "co-codamol" },
    { "paracetamol and codeine", "co-codamol" },
    { "Codeine phosphate 30 mg", "codeine" },
    { "tramadol50mg", "tramadol" },
    { "Zydol SR", "tramadol" },
    { "Tramadol (Ultram)", "tramadol" },
    { "Pethidine", "pethidine" },
    { "PÉTHIDINE", "pethidine" },
    { "Imodium", "loperamide" },
    { "MS Contin", "morphine" },
    { "morphinewater", NULL },
    { "Paracetamol", NULL },
    { "Sertraline 50 mg", NULL },
    { "codeinefree", NULL },
    { "", NULL },
    { "   ", NULL },
  };
  g_autoptr(GPtrArray) opioids = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_opioid_free);

  g_ptr_array_add (opioids, opioid_new ("codeine", "codeine", "codeine phosphate", NULL));
  g_ptr_array_add (opioids, opioid_new ("co-codamol", "co-codamol", "cocodamol", "paracetamol and codeine", NULL));
  g_ptr_array_add (opioids, opioid_new ("tramadol", "tramadol", "Zydol", "Ultram", NULL));
  g_ptr_array_add (opioids, opioid_new ("pethidine", "pethidine", NULL));
  g_ptr_array_add (opioids, opioid_new ("loperamide", "loperamide", "Imodium", NULL));
  g_ptr_array_add (opioids, opioid_new ("morphine", "morphine", "MS Contin", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const LdnOpioid *match = ldn_opioid_match (opioids, cases[i].text);

      if (g_strcmp0 (match ? match->id : NULL, cases[i].expected) != 0)
        g_error ("“%s” matched %s, expected %s", cases[i].text, match ? match->id : "nothing",
                 cases[i].expected ? cases[i].expected : "nothing");
    }

  g_assert_null (ldn_opioid_match (opioids, "\xff\xfe tramadol"));
}

/* The real content's list names the medicines the issue lists. */
static void
test_content_opioids (void)
{
  static const char *must_match[] = {
    "co-codamol", "tramadol", "codeine", "loperamide", "dihydrocodeine", "morphine", "oxycodone", "hydrocodone",
    "fentanyl", "buprenorphine", "methadone", "tapentadol", "pethidine", "Tylenol with Codeine", "co-dydramol",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ldn_content_store_dup_default_path ();
  g_autoptr(LdnContentStore) content = ldn_content_store_new (path, "en", &error);
  g_autoptr(GPtrArray) opioids = NULL;
  g_autoptr(GPtrArray) consent = NULL;
  g_autoptr(GPtrArray) sure = NULL;

  g_assert_no_error (error);
  opioids = ldn_content_store_list_opioids (content, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (must_match); i++)
    if (ldn_opioid_match (opioids, must_match[i]) == NULL)
      g_error ("the content's opioid list does not know “%s”", must_match[i]);
  g_assert_cmpstr (ldn_opioid_match (opioids, "Tylenol with Codeine #3")->id, ==, "co-codamol");
  g_assert_null (ldn_opioid_match (opioids, "Naproxen 500 mg"));
  for (guint i = 0; i < opioids->len; i++)
    g_assert_nonnull (((LdnOpioid *) opioids->pdata[i])->sources[0]);

  consent = ldn_content_store_list_decision_items (content, "consent", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (consent->len, >=, 8);
  sure = ldn_content_store_list_decision_items (content, "sure", &error);
  g_assert_cmpuint (sure->len, ==, 4);
  g_assert_cmpstr (((LdnDecisionItem *) sure->pdata[0])->text, ==, "Do you feel SURE about the best choice for you?");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/decision-store/" name, Fixture, NULL, ldn_test_store_fixture_setup, func, \
                                        ldn_test_store_fixture_teardown)
  ADD ("survives-reopening", test_survives_reopening);
  ADD ("edits-and-refusals", test_edits_and_refusals);
  ADD ("delete-all-clears", test_delete_all_clears);
  ADD ("migrates-version-2", test_migrates_version_2);
  ADD ("json-round-trip", test_json_round_trip);
  ADD ("version-1-imports", test_version_1_imports);
  ADD ("export-without-content-keeps-everything", test_export_without_content_keeps_everything);
  ADD ("bad-imports-name-the-field", test_bad_imports_name_the_field);
#undef ADD
  g_test_add_func ("/decision-store/opioid-match", test_opioid_match);
  g_test_add_func ("/decision-store/content-opioids", test_content_opioids);

  return g_test_run ();
}
