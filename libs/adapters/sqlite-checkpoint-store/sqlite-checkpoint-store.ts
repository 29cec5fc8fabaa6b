import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { CheckpointStore } from '../../bus/index.js';

/**
 * Checkpoints of event-store followers (the Kafka publication) in their own small SQLite
 * file, one row per follower; positions as decimal text (64-bit safe). WAL with
 * synchronous=NORMAL: a process crash loses nothing, a power cut may lose the last few
 * saves. That only moves the follower back (it republishes: at-least-once), never ahead,
 * so the per-batch fsync that would slow the event store's own writes is not needed.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly select: Database.Statement<[string], { position: string }>;
  private readonly upsert: Database.Statement<[string, string, string]>;

  private constructor(private readonly db: Database.Database) {
    this.select = db.prepare('SELECT position FROM checkpoints WHERE name = ?');
    this.upsert = db.prepare(`INSERT INTO checkpoints (name, position, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`);
  }

  static open(path: string): SqliteCheckpointStore {
    if (path === ':memory:')
      throw new Error('SqliteCheckpointStore needs a file: a checkpoint in memory would republish everything');
    mkdirSync(dirname(resolve(path)), { recursive: true });
    const db = new Database(path);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      db.exec(`CREATE TABLE IF NOT EXISTS checkpoints (
        name TEXT PRIMARY KEY,
        position TEXT NOT NULL CHECK (position GLOB '[0-9]*'),
        updated_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID`);
      return new SqliteCheckpointStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async load(name: string): Promise<bigint> {
    const row = this.select.get(name);
    return row ? BigInt(row.position) : 0n;
  }

  async save(name: string, position: bigint): Promise<void> {
    if (position < 0n) throw new RangeError(`checkpoint must not be negative, got ${position}`);
    this.upsert.run(name, position.toString(), new Date().toISOString());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
