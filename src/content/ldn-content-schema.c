/* ldn-content-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "ldn-content-schema.h"

/* Every text lives in a *_text table keyed by locale, so a translation
 * can be added later without touching the structure; readers fall back
 * to LDN_CONTENT_FALLBACK_LOCALE. */
const char ldn_content_schema_sql[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"

  "CREATE TABLE sources (\n"
  "  id TEXT PRIMARY KEY,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('trial', 'pre-post', 'observational', 'case-report',\n"
  "                                     'laboratory', 'review', 'label', 'guideline', 'opinion',\n"
  "                                     'registration')),\n"
  /* AUTHORS is NULL when the source read did not show them; a source
   * whose title we could not read has a DESCRIPTION instead (never a
   * made-up title); ACCESSED ("November 2026") dates a page with no year. */
  "  authors TEXT, title TEXT, description TEXT, journal TEXT, year INTEGER, accessed TEXT,\n"
  "  details TEXT, pmid TEXT, doi TEXT, url TEXT, note TEXT,\n"
  "  CHECK (title IS NOT NULL OR description IS NOT NULL),\n"
  "  CHECK (year IS NOT NULL OR accessed IS NOT NULL),\n"
  "  CHECK (doi IS NOT NULL OR pmid IS NOT NULL OR url IS NOT NULL\n"
  "         OR (journal IS NOT NULL AND details IS NOT NULL)));\n"

  /* Our own words about a source, per locale; the SOURCES row holds the
   * English ones too. */
  "CREATE TABLE source_text (source_id TEXT NOT NULL REFERENCES sources (id), locale TEXT NOT NULL,\n"
  "                          description TEXT, note TEXT, accessed TEXT,\n"
  "                          PRIMARY KEY (source_id, locale));\n"

  "CREATE TABLE pages (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE,\n"
  "                    last_reviewed TEXT NOT NULL);\n"
  "CREATE TABLE page_text (page_id TEXT NOT NULL REFERENCES pages (id), locale TEXT NOT NULL,\n"
  "                        title TEXT NOT NULL, summary TEXT NOT NULL,\n"
  "                        PRIMARY KEY (page_id, locale));\n"

  "CREATE TABLE blocks (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  page_id TEXT NOT NULL REFERENCES pages (id),\n"
  "  position INTEGER NOT NULL,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('paragraph', 'key-point', 'table', 'unknown', 'list',\n"
  "                                     'teach-back', 'conditions', 'side-effects', 'frequency')),\n"
  /* An editorial block is the guide's authors speaking (about the guide,
   * or what the reader can do), so it cites no study. */
  "  editorial INTEGER NOT NULL DEFAULT 0 CHECK (editorial IN (0, 1)),\n"
  "  UNIQUE (page_id, position));\n"
  "CREATE TABLE block_text (block_id INTEGER NOT NULL REFERENCES blocks (id), locale TEXT NOT NULL,\n"
  "                         title TEXT, body TEXT, PRIMARY KEY (block_id, locale));\n"
  /* Table cells (row 0 is the header) and list items (column 0). */
  "CREATE TABLE block_cells (block_id INTEGER NOT NULL REFERENCES blocks (id), locale TEXT NOT NULL,\n"
  "                          row INTEGER NOT NULL, col INTEGER NOT NULL, text TEXT NOT NULL,\n"
  "                          PRIMARY KEY (block_id, locale, row, col));\n"
  /* A frequency block: how many of PER people had OUTCOME on LDN and on
   * the comparison, over PERIOD, in one study; its sentence is the block text. */
  "CREATE TABLE block_frequency (block_id INTEGER PRIMARY KEY REFERENCES blocks (id),\n"
  "                              per INTEGER NOT NULL CHECK (per = 100),\n"
  "                              ldn INTEGER NOT NULL CHECK (ldn BETWEEN 0 AND per),\n"
  "                              comparison INTEGER NOT NULL CHECK (comparison BETWEEN 0 AND per));\n"
  "CREATE TABLE block_frequency_text (block_id INTEGER NOT NULL REFERENCES block_frequency (block_id),\n"
  "                                   locale TEXT NOT NULL, comparator TEXT NOT NULL,\n"
  "                                   period TEXT NOT NULL, outcome TEXT NOT NULL, study TEXT NOT NULL,\n"
  "                                   PRIMARY KEY (block_id, locale));\n"
  "CREATE TABLE block_sources (block_id INTEGER NOT NULL REFERENCES blocks (id),\n"
  "                            source_id TEXT NOT NULL REFERENCES sources (id),\n"
  "                            position INTEGER NOT NULL, PRIMARY KEY (block_id, source_id));\n"

  /* A teach-back block keeps its question in block_text.title and the
   * explanation of the right answer in block_text.body. */
  "CREATE TABLE teach_back (id TEXT PRIMARY KEY, block_id INTEGER NOT NULL UNIQUE REFERENCES blocks (id));\n"
  "CREATE TABLE teach_back_choices (question_id TEXT NOT NULL REFERENCES teach_back (id),\n"
  "                                 id TEXT NOT NULL, position INTEGER NOT NULL,\n"
  "                                 correct INTEGER NOT NULL CHECK (correct IN (0, 1)),\n"
  "                                 PRIMARY KEY (question_id, id));\n"
  "CREATE TABLE teach_back_choice_text (question_id TEXT NOT NULL, choice_id TEXT NOT NULL,\n"
  "                                     locale TEXT NOT NULL, text TEXT NOT NULL,\n"
  "                                     PRIMARY KEY (question_id, choice_id, locale),\n"
  "                                     FOREIGN KEY (question_id, choice_id)\n"
  "                                       REFERENCES teach_back_choices (question_id, id));\n"

  "CREATE TABLE conditions (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE,\n"
  "                         strength TEXT NOT NULL CHECK (strength IN ('none', 'very-weak', 'weak',\n"
  "                                                                   'moderate', 'strong')));\n"
  "CREATE TABLE condition_text (condition_id TEXT NOT NULL REFERENCES conditions (id),\n"
  "                             locale TEXT NOT NULL, name TEXT NOT NULL, strength_words TEXT NOT NULL,\n"
  "                             summary TEXT NOT NULL, PRIMARY KEY (condition_id, locale));\n"
  "CREATE TABLE condition_sources (condition_id TEXT NOT NULL REFERENCES conditions (id),\n"
  "                                source_id TEXT NOT NULL REFERENCES sources (id),\n"
  "                                position INTEGER NOT NULL, PRIMARY KEY (condition_id, source_id));\n"

  "CREATE TABLE side_effects (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE,\n"
  "                           transient INTEGER CHECK (transient IN (0, 1)));\n"
  "CREATE TABLE side_effect_text (side_effect_id TEXT NOT NULL REFERENCES side_effects (id),\n"
  "                               locale TEXT NOT NULL, name TEXT NOT NULL, frequency TEXT NOT NULL,\n"
  "                               note TEXT NOT NULL, PRIMARY KEY (side_effect_id, locale));\n"
  "CREATE TABLE side_effect_sources (side_effect_id TEXT NOT NULL REFERENCES side_effects (id),\n"
  "                                  source_id TEXT NOT NULL REFERENCES sources (id),\n"
  "                                  position INTEGER NOT NULL, PRIMARY KEY (side_effect_id, source_id));\n"

  "CREATE TABLE warning_signs (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE);\n"
  "CREATE TABLE warning_sign_text (warning_sign_id TEXT NOT NULL REFERENCES warning_signs (id),\n"
  "                                locale TEXT NOT NULL, sign TEXT NOT NULL, action TEXT NOT NULL,\n"
  "                                PRIMARY KEY (warning_sign_id, locale));\n"
  "CREATE TABLE warning_sign_sources (warning_sign_id TEXT NOT NULL REFERENCES warning_signs (id),\n"
  "                                   source_id TEXT NOT NULL REFERENCES sources (id),\n"
  "                                   position INTEGER NOT NULL, PRIMARY KEY (warning_sign_id, source_id));\n"

  "CREATE TABLE safety_topics (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE,\n"
  "                            prominence TEXT NOT NULL CHECK (prominence IN ('high', 'normal')));\n"
  "CREATE TABLE safety_topic_text (safety_topic_id TEXT NOT NULL REFERENCES safety_topics (id),\n"
  "                                locale TEXT NOT NULL, question TEXT NOT NULL, examples TEXT NOT NULL,\n"
  "                                why TEXT NOT NULL, PRIMARY KEY (safety_topic_id, locale));\n"
  "CREATE TABLE safety_topic_sources (safety_topic_id TEXT NOT NULL REFERENCES safety_topics (id),\n"
  "                                   source_id TEXT NOT NULL REFERENCES sources (id),\n"
  "                                   position INTEGER NOT NULL, PRIMARY KEY (safety_topic_id, source_id));\n"

  "CREATE TABLE glossary (id TEXT PRIMARY KEY);\n"
  "CREATE TABLE glossary_text (glossary_id TEXT NOT NULL REFERENCES glossary (id), locale TEXT NOT NULL,\n"
  "                            term TEXT NOT NULL, definition TEXT NOT NULL,\n"
  "                            PRIMARY KEY (glossary_id, locale));\n"
  "CREATE TABLE glossary_sources (glossary_id TEXT NOT NULL REFERENCES glossary (id),\n"
  "                               source_id TEXT NOT NULL REFERENCES sources (id),\n"
  "                               position INTEGER NOT NULL, PRIMARY KEY (glossary_id, source_id));\n"

  "CREATE TABLE suggested_questions (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE,\n"
  "                                  ask3 INTEGER NOT NULL CHECK (ask3 IN (0, 1)));\n"
  "CREATE TABLE suggested_question_text (suggested_question_id TEXT NOT NULL\n"
  "                                        REFERENCES suggested_questions (id),\n"
  "                                      locale TEXT NOT NULL, text TEXT NOT NULL,\n"
  "                                      PRIMARY KEY (suggested_question_id, locale));\n"
  "CREATE TABLE suggested_question_sources (suggested_question_id TEXT NOT NULL\n"
  "                                           REFERENCES suggested_questions (id),\n"
  "                                         source_id TEXT NOT NULL REFERENCES sources (id),\n"
  "                                         position INTEGER NOT NULL,\n"
  "                                         PRIMARY KEY (suggested_question_id, source_id));\n"

  /* The decision aid: consent items, values to weigh and the SURE test's
   * four questions, one table told apart by kind. */
  "CREATE TABLE decision_items (id TEXT PRIMARY KEY,\n"
  "                             kind TEXT NOT NULL CHECK (kind IN ('consent', 'value', 'sure')),\n"
  "                             position INTEGER NOT NULL, UNIQUE (kind, position));\n"
  "CREATE TABLE decision_item_text (item_id TEXT NOT NULL REFERENCES decision_items (id),\n"
  "                                 locale TEXT NOT NULL, short TEXT NOT NULL, text TEXT NOT NULL,\n"
  "                                 detail TEXT NOT NULL,\n"
  "                                 PRIMARY KEY (item_id, locale));\n"
  "CREATE TABLE decision_item_sources (item_id TEXT NOT NULL REFERENCES decision_items (id),\n"
  "                                    source_id TEXT NOT NULL REFERENCES sources (id),\n"
  "                                    position INTEGER NOT NULL, PRIMARY KEY (item_id, source_id));\n"

  /* Opioid medicines a person's medicine list is matched against: the
   * names to match (generic and brand, not translated) and what to show. */
  "CREATE TABLE opioids (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE);\n"
  "CREATE TABLE opioid_text (opioid_id TEXT NOT NULL REFERENCES opioids (id), locale TEXT NOT NULL,\n"
  "                          name TEXT NOT NULL, contains TEXT NOT NULL,\n"
  "                          PRIMARY KEY (opioid_id, locale));\n"
  "CREATE TABLE opioid_names (opioid_id TEXT NOT NULL REFERENCES opioids (id), name TEXT NOT NULL,\n"
  "                           PRIMARY KEY (opioid_id, name));\n"
  "CREATE TABLE opioid_sources (opioid_id TEXT NOT NULL REFERENCES opioids (id),\n"
  "                             source_id TEXT NOT NULL REFERENCES sources (id),\n"
  "                             position INTEGER NOT NULL, PRIMARY KEY (opioid_id, source_id));\n"

  "CREATE TABLE captions (id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE);\n"
  "CREATE TABLE caption_text (caption_id TEXT NOT NULL REFERENCES captions (id), locale TEXT NOT NULL,\n"
  "                           title TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (caption_id, locale));\n"
  "CREATE TABLE caption_sources (caption_id TEXT NOT NULL REFERENCES captions (id),\n"
  "                              source_id TEXT NOT NULL REFERENCES sources (id),\n"
  "                              position INTEGER NOT NULL, PRIMARY KEY (caption_id, source_id));\n"

  "CREATE TABLE model_constants (key TEXT PRIMARY KEY, value REAL NOT NULL);\n"
  "CREATE TABLE model_constant_sources (source_id TEXT PRIMARY KEY REFERENCES sources (id),\n"
  "                                     position INTEGER NOT NULL);\n"
  "CREATE TABLE model_parameter_sets (\n"
  "  id TEXT PRIMARY KEY,\n"
  "  hypothesis TEXT NOT NULL CHECK (hypothesis IN ('sustained', 'transient')),\n"
  "  central INTEGER NOT NULL CHECK (central IN (0, 1)),\n"
  "  scan_time_h REAL, anchor_48h REAL,\n"
  "  ec50_ng_ml REAL NOT NULL CHECK (ec50_ng_ml > 0),\n"
  "  ke0_per_h REAL NOT NULL CHECK (ke0_per_h > 0));\n"
  "CREATE TABLE model_parameter_set_sources (parameter_set_id TEXT NOT NULL\n"
  "                                            REFERENCES model_parameter_sets (id),\n"
  "                                          source_id TEXT NOT NULL REFERENCES sources (id),\n"
  "                                          position INTEGER NOT NULL,\n"
  "                                          PRIMARY KEY (parameter_set_id, source_id));\n"
  /* A scan's time is a window (the source says only "< 8 h"), not a point. */
  "CREATE TABLE pet_points (id INTEGER PRIMARY KEY, dose_mg REAL NOT NULL,\n"
  "                         hours_min REAL NOT NULL CHECK (hours_min >= 0),\n"
  "                         hours_max REAL NOT NULL CHECK (hours_max >= hours_min),\n"
  "                         occupancy REAL NOT NULL CHECK (occupancy BETWEEN 0 AND 100));\n"
  "CREATE TABLE pet_point_sources (pet_point_id INTEGER NOT NULL REFERENCES pet_points (id),\n"
  "                                source_id TEXT NOT NULL REFERENCES sources (id),\n"
  "                                position INTEGER NOT NULL, PRIMARY KEY (pet_point_id, source_id));\n"

  /* Medical sentences the app shows outside the guided pages (the sheet,
   * the timeline), with sources and a review date like any statement. */
  "CREATE TABLE texts (id TEXT PRIMARY KEY, last_reviewed TEXT NOT NULL);\n"
  "CREATE TABLE text_text (text_id TEXT NOT NULL REFERENCES texts (id), locale TEXT NOT NULL,\n"
  "                        text TEXT NOT NULL, PRIMARY KEY (text_id, locale));\n"
  "CREATE TABLE text_sources (text_id TEXT NOT NULL REFERENCES texts (id),\n"
  "                           source_id TEXT NOT NULL REFERENCES sources (id),\n"
  "                           position INTEGER NOT NULL, PRIMARY KEY (text_id, source_id));\n"

  "CREATE VIRTUAL TABLE search_index USING fts5 (\n"
  "  title, body, page_id UNINDEXED, block_position UNINDEXED, locale UNINDEXED,\n"
  "  tokenize = 'porter unicode61 remove_diacritics 2');\n";
