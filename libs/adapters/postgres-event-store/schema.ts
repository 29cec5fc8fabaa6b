import type { Pool } from 'pg';
import { inTransaction } from '../postgres-common/index.js';
import { appendFunction, appendManyFunction } from './append-function.js';

/**
 * Bumped with every schema change; a newer schema is refused rather than misread.
 * 2: appends go through the `append_events` function and mark their positions in flight
 *    (see in-flight.ts) instead of taking the commit-order lock; the tables are unchanged.
 *    Opening a version-1 schema upgrades it in place; stop every process of the older code
 *    first (its appends do not mark positions, its readers expect commit-order positions).
 */
export const SCHEMA_VERSION = 2;

/**
 * streams: per-client head (version + last hash) so an append reads one row.
 * events: the immutable log. Positions come from the `event_positions` sequence (CACHE 1:
 *   in-flight.ts relies on its last_value); see in-flight.ts for why readers never skip.
 *   actor and data are TEXT holding the canonical JSON that was hashed: jsonb would
 *   re-order keys and re-format numbers, and verification re-hashes the stored text.
 * idempotency_keys: the first result of a keyed append; the position is joined from the
 *   last event.
 */
export const ddl = (s: string): string => `
CREATE TABLE IF NOT EXISTS ${s}.event_store_meta (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  schema_version integer NOT NULL
);
CREATE TABLE IF NOT EXISTS ${s}.streams (
  client_id text PRIMARY KEY,
  version bigint NOT NULL,
  last_hash text NOT NULL
);
CREATE SEQUENCE IF NOT EXISTS ${s}.event_positions AS bigint MINVALUE 1 NO CYCLE;
CREATE TABLE IF NOT EXISTS ${s}.events (
  global_position bigint PRIMARY KEY,
  event_id text NOT NULL CONSTRAINT events_event_id_unique UNIQUE,
  client_id text NOT NULL REFERENCES ${s}.streams (client_id),
  stream_version bigint NOT NULL,
  type text NOT NULL,
  schema_version integer NOT NULL,
  occurred_at text NOT NULL,
  recorded_at text NOT NULL,
  actor text NOT NULL,
  correlation_id text NOT NULL,
  causation_id text,
  data text NOT NULL,
  hash text NOT NULL,
  CONSTRAINT events_stream_version_unique UNIQUE (client_id, stream_version)
);
CREATE TABLE IF NOT EXISTS ${s}.idempotency_keys (
  key text PRIMARY KEY,
  client_id text NOT NULL REFERENCES ${s}.streams (client_id),
  next_version bigint NOT NULL,
  last_event_id text NOT NULL,
  event_ids text[] NOT NULL
);
-- The fingerprint of the request a key was used for (null for keys stored before it existed).
ALTER TABLE ${s}.idempotency_keys ADD COLUMN IF NOT EXISTS request_hash text;
`;

/**
 * Creates the schema, tables and the append functions when missing (replacing them every
 * time: older code never calls `append_events_many`, so it needs no new version), and
 * upgrades an older schema (1 → 2 adds the functions only). The DDL runs under a
 * transaction-scoped advisory lock, so an API and a projector starting together do not race
 * on CREATE.
 */
export async function migrate(pool: Pool, schema: string, quoted: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('polku.ddl:' || $1, 0))", [schema]);
    // Only when missing: CREATE SCHEMA checks the database privilege even with IF NOT EXISTS.
    const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (found.rowCount === 0) await client.query(`CREATE SCHEMA ${quoted}`);
    await client.query(ddl(quoted));
    const { rows } = await client.query<{ schema_version: number }>(
      `INSERT INTO ${quoted}.event_store_meta (schema_version) VALUES ($1)
       ON CONFLICT (id) DO UPDATE SET schema_version = ${quoted}.event_store_meta.schema_version
       RETURNING schema_version`,
      [SCHEMA_VERSION],
    );
    const version = rows[0].schema_version;
    if (version > SCHEMA_VERSION)
      throw new Error(`Event store schema ${version} is newer than this code (${SCHEMA_VERSION})`);
    await client.query(appendFunction(schema, quoted));
    await client.query(appendManyFunction(quoted));
    if (version < SCHEMA_VERSION) {
      await client.query(`UPDATE ${quoted}.event_store_meta SET schema_version = $1`, [SCHEMA_VERSION]);
    }
  });
}
