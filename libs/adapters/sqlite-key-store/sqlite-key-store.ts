import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ClientKeyDestroyedError, type ClientKeyStore, type KeyDestruction } from '../../key-store/index.js';
import type { Durability } from '../sqlite-event-store/schema.js';
import { configure, migrate } from './schema.js';

interface KeyRow {
  key: Buffer | null;
  destroyed_at: string | null;
  destroy_reason: string | null;
}

const KEY_BYTES = 32; // AES-256

/**
 * ClientKeyStore on its own SQLite file (e.g. $DATA_DIR/keys.sqlite), apart from the events
 * so keys can be destroyed (and backed up, or not) independently of the immutable log.
 *
 * No cache on purpose: a lookup is one primary-key read, done once per client per
 * event-store call, and without a cache a key destroyed by another process (or instance) is
 * never served after its destroyKey returned.
 */
export class SqliteKeyStore implements ClientKeyStore {
  private readonly select: Database.Statement<[string], KeyRow>;
  private readonly insert: Database.Statement<[string, Buffer, string]>;
  private readonly tombstone: Database.Statement<[string, string, string, string]>;
  private readonly destroy: Database.Statement<[string, string, string]>;

  private constructor(private readonly db: Database.Database) {
    this.select = db.prepare('SELECT key, destroyed_at, destroy_reason FROM client_keys WHERE client_id = ?');
    this.insert = db.prepare(
      'INSERT INTO client_keys (client_id, key, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.tombstone = db.prepare(
      'INSERT INTO client_keys (client_id, key, created_at, destroyed_at, destroy_reason) VALUES (?, NULL, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.destroy = db.prepare(
      'UPDATE client_keys SET key = NULL, destroyed_at = ?, destroy_reason = ? WHERE client_id = ? AND destroyed_at IS NULL',
    );
  }

  /**
   * Opens (creating directories, file and table as needed) the key store at `path`;
   * `durability: 'bulk-load'` only for generating data.
   */
  static open(path: string, options: { durability?: Durability } = {}): SqliteKeyStore {
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    const db = new Database(path);
    try {
      configure(db, options.durability);
      migrate(db);
      return new SqliteKeyStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async getOrCreateKey(clientId: string): Promise<Buffer> {
    // Fast path without the write lock: appends for known clients only read.
    const found = this.select.get(clientId) ?? this.create(clientId);
    if (found.key) return found.key;
    throw new ClientKeyDestroyedError(clientId, found.destroyed_at ?? '');
  }

  async getKey(clientId: string): Promise<Buffer | null> {
    return this.select.get(clientId)?.key ?? null;
  }

  async isDestroyed(clientId: string): Promise<boolean> {
    return (await this.getDestruction(clientId)) !== null;
  }

  async getDestruction(clientId: string): Promise<KeyDestruction | null> {
    const row = this.select.get(clientId);
    return row?.destroyed_at ? { destroyedAt: row.destroyed_at, reason: row.destroy_reason ?? '' } : null;
  }

  async destroyKey(clientId: string, reason: string): Promise<void> {
    const now = new Date().toISOString();
    this.db
      .transaction(() => {
        this.tombstone.run(clientId, now, now, reason); // no-op when the client has a row
        this.destroy.run(now, reason, clientId); // no-op when already destroyed: first time/reason kept
      })
      .immediate();
    // The old page images (with the key) live on in the WAL and the main file until a
    // checkpoint rewrites them; TRUNCATE also empties the WAL. Best effort: a reader of
    // another connection can hold it back, and the next checkpoint then finishes the job.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /**
   * INSERT OR IGNORE then read back, in one write transaction: when two instances (or
   * processes) race, both get the winner's key, never two keys for one client.
   */
  private create(clientId: string): KeyRow {
    return this.db
      .transaction(() => {
        this.insert.run(clientId, randomBytes(KEY_BYTES), new Date().toISOString());
        return this.select.get(clientId) as KeyRow;
      })
      .immediate();
  }
}
