import type { Pool } from 'pg';
import { inTransaction } from '../postgres-common/index.js';
import { PostgresReadStoreSchemaMismatchError } from './errors.js';
import { READ_MODEL_TABLES } from '../../read-store/index.js';

/**
 * The SQLite read store's tables in PostgreSQL types. The read store is disposable (rebuilt
 * from the event store), so a schema change bumps the version and asks for a rebuild.
 * Text that is sorted or compared uses COLLATE "C", the byte order SQLite uses, so every
 * adapter returns rows in the same order whatever the database locale. `ord` is a row's
 * index in its model's list: it keeps a client's rows in the order the projection wrote them.
 * Client search and the organisation directory: as in the SQLite read store (its schema.ts
 * says why each table and index).
 */
export const READ_STORE_SCHEMA_VERSION = 3; // 3: organisation directory; 2: client search tables, caseload lead, compensation component and payers

/** The single checkpoint row this read store keeps (one projector per read store). */
export const CHECKPOINT_NAME = 'client-read-model';

export const DATA_TABLES = READ_MODEL_TABLES;

const C = 'text COLLATE "C" NOT NULL';
const N = 'text COLLATE "C"'; // nullable

export const ddl = (s: string): string => `
CREATE TABLE IF NOT EXISTS ${s}.read_store_meta (
  id boolean PRIMARY KEY DEFAULT true CHECK (id), schema_version integer NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.client_models (
  client_id ${C} PRIMARY KEY, last_position bigint NOT NULL, path jsonb NOT NULL, state jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.caseload (
  client_id ${C}, ord integer NOT NULL, person_id ${C}, person_name ${C}, organisation_id ${C}, role ${C}, since ${C},
  lead boolean NOT NULL);
CREATE INDEX IF NOT EXISTS caseload_person ON ${s}.caseload (person_id);
CREATE INDEX IF NOT EXISTS caseload_client ON ${s}.caseload (client_id);
CREATE TABLE IF NOT EXISTS ${s}.deadlines (
  client_id ${C}, ord integer NOT NULL, organisation_id ${C}, kind ${C}, due_date ${C}, ref_id ${C}, description ${C});
CREATE INDEX IF NOT EXISTS deadlines_worklist ON ${s}.deadlines (organisation_id, due_date, client_id, kind, ref_id);
CREATE INDEX IF NOT EXISTS deadlines_client ON ${s}.deadlines (client_id);
CREATE TABLE IF NOT EXISTS ${s}.outcomes (
  client_id ${C}, ord integer NOT NULL, period_id ${C}, service_type ${C}, provider_id ${C}, organisation_id ${C},
  start_date ${C}, end_date ${C}, end_reason ${C}, continuation ${C});
CREATE INDEX IF NOT EXISTS outcomes_end_date ON ${s}.outcomes (end_date);
CREATE INDEX IF NOT EXISTS outcomes_client ON ${s}.outcomes (client_id);
CREATE TABLE IF NOT EXISTS ${s}.compensation (
  client_id ${C}, ord integer NOT NULL, period_id ${C}, month ${C},
  payer ${C} CHECK (payer IN ('kela', 'unemployment_fund', 'wellbeing_county', 'municipality')), component ${C},
  attended_days integer NOT NULL, cents bigint NOT NULL);
CREATE INDEX IF NOT EXISTS compensation_month ON ${s}.compensation (month, payer);
CREATE INDEX IF NOT EXISTS compensation_client ON ${s}.compensation (client_id);
CREATE TABLE IF NOT EXISTS ${s}.client_search (
  client_id ${C} PRIMARY KEY, identity_code ${N}, full_name ${N}, birth_date ${N}, municipality ${N},
  name_words jsonb NOT NULL, sort_name ${C});
CREATE INDEX IF NOT EXISTS client_search_identity_code ON ${s}.client_search (identity_code) WHERE identity_code IS NOT NULL;
CREATE TABLE IF NOT EXISTS ${s}.client_search_words (client_id ${C}, word ${C}, PRIMARY KEY (client_id, word));
CREATE INDEX IF NOT EXISTS client_search_words_word ON ${s}.client_search_words (word, client_id);
CREATE TABLE IF NOT EXISTS ${s}.client_search_holder_words (holder ${C}, word ${C}, client_id ${C}, PRIMARY KEY (holder, word, client_id));
CREATE INDEX IF NOT EXISTS client_search_holder_words_client ON ${s}.client_search_holder_words (client_id);
CREATE TABLE IF NOT EXISTS ${s}.client_holders (client_id ${C}, ord integer NOT NULL, organisation_id ${N}, person_id ${N});
CREATE INDEX IF NOT EXISTS client_holders_client ON ${s}.client_holders (client_id);
CREATE TABLE IF NOT EXISTS ${s}.client_identity_viewers (client_id ${C}, ord integer NOT NULL, organisation_id ${C}, until ${C});
CREATE INDEX IF NOT EXISTS client_identity_viewers_client ON ${s}.client_identity_viewers (client_id, organisation_id);
CREATE TABLE IF NOT EXISTS ${s}.organisation_directory (
  organisation_id ${C} PRIMARY KEY, organisation_type ${C}, type_position bigint NOT NULL, name ${N},
  name_position bigint NOT NULL, sort_name ${C}, search_text ${C});
CREATE INDEX IF NOT EXISTS organisation_directory_order ON ${s}.organisation_directory (sort_name, organisation_id);
CREATE TABLE IF NOT EXISTS ${s}.checkpoints (name ${C} PRIMARY KEY, position bigint NOT NULL);
`;

/** Creates missing tables (under a DDL lock, so concurrent openers do not race); refuses another version. */
export async function migrate(pool: Pool, schema: string, quoted: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('polku.ddl:' || $1, 0))", [schema]);
    // Only when missing: CREATE SCHEMA checks the database privilege even with IF NOT EXISTS.
    const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (found.rowCount === 0) await client.query(`CREATE SCHEMA ${quoted}`);
    const {
      rows: [table],
    } = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
      `${quoted}.read_store_meta`,
    ]);
    const meta = table.exists
      ? await client.query<{ schema_version: number }>(`SELECT schema_version FROM ${quoted}.read_store_meta`)
      : { rows: [] };
    const version = meta.rows[0]?.schema_version;
    if (version !== undefined && version !== READ_STORE_SCHEMA_VERSION) {
      throw new PostgresReadStoreSchemaMismatchError(schema, version, READ_STORE_SCHEMA_VERSION);
    }
    await client.query(ddl(quoted));
    await client.query(
      `INSERT INTO ${quoted}.read_store_meta (schema_version) VALUES ($1) ON CONFLICT (id) DO NOTHING`,
      [READ_STORE_SCHEMA_VERSION],
    );
  });
}
