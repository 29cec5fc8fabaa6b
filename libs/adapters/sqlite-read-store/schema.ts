import type { Database } from 'better-sqlite3';
import { ReadStoreSchemaMismatchError } from './errors.js';
import { READ_MODEL_TABLES } from '../../read-store/index.js';

/**
 * Read-store schema. The read store is disposable (rebuilt from the event store), so a
 * schema change bumps READ_STORE_SCHEMA_VERSION and an older file is emptied and recreated
 * (checkpoint 0: the projector rebuilds it) instead of migrated. Money is stored in integer
 * cents so ledger sums are exact. The JSON documents carry no json_valid CHECK: only the
 * projector writes them, from JSON.stringify, and the check re-parsed every document on
 * every write (v1 had it).
 */
export const READ_STORE_SCHEMA_VERSION = 5; // 5: client_models' state before its path; 4: organisation directory; 3: client search tables, caseload lead, compensation component and payers

/** The single checkpoint row this read store keeps (one projector per read store). */
export const CHECKPOINT_NAME = 'client-read-model';

/**
 * A worklist page is read from this index alone (every column it returns is in it, in the
 * page order): no table lookup per row, about twice as fast.
 */
const WORKLIST_INDEX = `CREATE INDEX IF NOT EXISTS deadlines_worklist
  ON deadlines (organisation_id, due_date, client_id, kind, ref_id, description);`;

/**
 * Client search (libs/read-store/client-search.ts). One row per client with the fields shown
 * and matched (name_words as JSON so the row reads back as written); the distinct name words
 * indexed by word (an auditor's prefix range) and by client (each further word checked on a
 * candidate), and once more under each holder key (everyone else's prefix range, within what
 * admits them); who holds a relationship and who may see the identity.
 */
const CLIENT_SEARCH_SQL = `
CREATE TABLE IF NOT EXISTS client_search (
  client_id     TEXT PRIMARY KEY,
  identity_code TEXT,
  full_name     TEXT,
  birth_date    TEXT,
  municipality  TEXT,
  name_words    TEXT NOT NULL,
  sort_name     TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS client_search_identity_code ON client_search (identity_code) WHERE identity_code IS NOT NULL;

CREATE TABLE IF NOT EXISTS client_search_words (
  client_id TEXT NOT NULL,
  word      TEXT NOT NULL,
  PRIMARY KEY (client_id, word)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS client_search_words_word ON client_search_words (word, client_id);

-- each name word once per holder key (searchHolderKey): a viewer's prefix range is read within their own keys
CREATE TABLE IF NOT EXISTS client_search_holder_words (
  holder    TEXT NOT NULL,
  word      TEXT NOT NULL,
  client_id TEXT NOT NULL,
  PRIMARY KEY (holder, word, client_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS client_search_holder_words_client ON client_search_holder_words (client_id);

CREATE TABLE IF NOT EXISTS client_holders (
  client_id       TEXT NOT NULL,
  organisation_id TEXT,
  person_id       TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS client_holders_client ON client_holders (client_id);

CREATE TABLE IF NOT EXISTS client_identity_viewers (
  client_id       TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  until           TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS client_identity_viewers_client ON client_identity_viewers (client_id, organisation_id);
`;

/**
 * The organisation directory (libs/read-store/organisation-directory.ts): one row per
 * organisation, the type of its latest sighting and its latest name, each with the position
 * that gave it so an upsert from any client keeps the later one. Listed in sort_name order;
 * a fragment is looked for in search_text (a few thousand rows: a scan is cheap).
 */
const ORGANISATION_DIRECTORY_SQL = `
CREATE TABLE IF NOT EXISTS organisation_directory (
  organisation_id   TEXT PRIMARY KEY,
  organisation_type TEXT NOT NULL,
  type_position     INTEGER NOT NULL,
  name              TEXT,
  name_position     INTEGER NOT NULL,
  sort_name         TEXT NOT NULL,
  search_text       TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS organisation_directory_order ON organisation_directory (sort_name, organisation_id);
`;

export const SCHEMA_SQL = `
-- state before path: a row is read in column order through its overflow pages, so the
-- carried state (~8 KB, a command's decision-state snapshot) is read without the path's ~30 KB.
CREATE TABLE IF NOT EXISTS client_models (
  client_id     TEXT PRIMARY KEY,
  last_position INTEGER NOT NULL,
  state         TEXT NOT NULL,
  path          TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS caseload (
  client_id       TEXT NOT NULL,
  person_id       TEXT NOT NULL,
  person_name     TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  role            TEXT NOT NULL,
  since           TEXT NOT NULL,
  lead            INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS caseload_person ON caseload (person_id);
CREATE INDEX IF NOT EXISTS caseload_client ON caseload (client_id);

CREATE TABLE IF NOT EXISTS deadlines (
  client_id       TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  kind            TEXT NOT NULL,
  due_date        TEXT NOT NULL,
  ref_id          TEXT NOT NULL,
  description     TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS deadlines_client ON deadlines (client_id);
${WORKLIST_INDEX}

CREATE TABLE IF NOT EXISTS outcomes (
  client_id       TEXT NOT NULL,
  period_id       TEXT NOT NULL,
  service_type    TEXT NOT NULL,
  provider_id     TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  start_date      TEXT NOT NULL,
  end_date        TEXT NOT NULL,
  end_reason      TEXT NOT NULL,
  continuation    TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS outcomes_end_date ON outcomes (end_date);
CREATE INDEX IF NOT EXISTS outcomes_client ON outcomes (client_id);

CREATE TABLE IF NOT EXISTS compensation (
  client_id     TEXT NOT NULL,
  period_id     TEXT NOT NULL,
  month         TEXT NOT NULL,
  payer         TEXT NOT NULL CHECK (payer IN ('kela', 'unemployment_fund', 'wellbeing_county', 'municipality')),
  component     TEXT NOT NULL,
  attended_days INTEGER NOT NULL,
  cents         INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS compensation_month ON compensation (month, payer);
CREATE INDEX IF NOT EXISTS compensation_client ON compensation (client_id);

${CLIENT_SEARCH_SQL}
${ORGANISATION_DIRECTORY_SQL}
CREATE TABLE IF NOT EXISTS checkpoints (
  name     TEXT PRIMARY KEY,
  position INTEGER NOT NULL
) STRICT;
`;

/** Tables emptied by reset(), in no particular order (there are no foreign keys). */
export const DATA_TABLES = READ_MODEL_TABLES;

/**
 * Creates a new file's tables, or empties and recreates an older version's (every version so
 * far used these table names); refuses a file of a newer version, which newer code owns.
 * IMMEDIATE, re-reading the version inside: two processes opening one file never both do it.
 */
export function migrate(db: Database): void {
  if (db.pragma('user_version', { simple: true }) === READ_STORE_SCHEMA_VERSION) return;
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === READ_STORE_SCHEMA_VERSION) return;
    if (version > READ_STORE_SCHEMA_VERSION) throw new ReadStoreSchemaMismatchError(version, READ_STORE_SCHEMA_VERSION);
    for (const table of DATA_TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
    db.exec(SCHEMA_SQL);
    db.pragma(`user_version = ${READ_STORE_SCHEMA_VERSION}`);
  }).immediate();
}
