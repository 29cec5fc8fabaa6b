import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../libs/adapters/sqlite-event-store/index.js';
import { SqliteKeyStore } from '../../libs/adapters/sqlite-key-store/index.js';
import { ProtectedEventStore } from '../../libs/event-store/protection/index.js';

/** The first `limit` client ids of a generated data set (or a copy of its stores), in id order. */
export function clientIdsOf(dir: string, limit: number): string[] {
  const db = new Database(join(dir, 'events.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT client_id FROM streams ORDER BY client_id LIMIT ?').pluck().all(limit) as string[];
  } finally {
    db.close();
  }
}

/** The data set's event store behind protection with its key store, as the API and projector open them. */
export function openProtectedStore(dir: string): { store: ProtectedEventStore; keys: SqliteKeyStore } {
  const keys = SqliteKeyStore.open(join(dir, 'keys.sqlite'));
  return { store: new ProtectedEventStore(SqliteEventStore.open(join(dir, 'events.sqlite')), keys), keys };
}
