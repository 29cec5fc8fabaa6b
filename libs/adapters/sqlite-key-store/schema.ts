import type { Database } from 'better-sqlite3';
import type { Durability } from '../sqlite-event-store/schema.js';

/** Bumped with every schema change; a newer file is refused rather than misread. */
export const SCHEMA_VERSION = 1;

/**
 * One row per client, kept after destruction as the tombstone that records when and why the
 * key went, and that stops it from ever being created again. The CHECKs make "no key" and
 * "destroyed" the same fact, so a half-destroyed row cannot exist.
 */
export const DDL = `
CREATE TABLE IF NOT EXISTS client_keys (
  client_id TEXT PRIMARY KEY,
  key BLOB,
  created_at TEXT NOT NULL,
  destroyed_at TEXT,
  destroy_reason TEXT,
  CHECK ((key IS NULL) = (destroyed_at IS NOT NULL)),
  CHECK ((destroyed_at IS NULL) = (destroy_reason IS NULL)),
  CHECK (key IS NULL OR length(key) = 32)
) STRICT, WITHOUT ROWID;
`;

/**
 * WAL + FULL (`bulk-load`, for the data generator only: OFF): a key is durable before any event encrypted with it is appended (losing it
 * would erase data nobody meant to erase). secure_delete overwrites freed bytes with zeros,
 * so a destroyed key does not linger in free space of the file.
 */
export function configure(db: Database, durability: Durability = 'full'): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'OFF'}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON');
}

/** Idempotent; IMMEDIATE so two processes opening a new file do not race on the DDL. */
export function migrate(db: Database): void {
  db.transaction(() => {
    const found = Number(db.pragma('user_version', { simple: true }));
    if (found > SCHEMA_VERSION) {
      throw new Error(`Key store schema ${found} is newer than this code (${SCHEMA_VERSION})`);
    }
    db.exec(DDL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
