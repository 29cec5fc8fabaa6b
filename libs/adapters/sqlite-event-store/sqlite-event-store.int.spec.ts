import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eventStoreContract, aClientId, anEvent, aRichEvent, someEvents } from '../../event-store/contract/index.js';
import { StreamVersionConflictError } from '../../event-store/index.js';
import { SqliteEventStore } from './index.js';

let dirs: string[] = [];
const aDbFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'polku-sqlite-es-'));
  dirs.push(dir);
  return join(dir, 'nested', 'events.sqlite'); // a missing directory: open() must create it
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

eventStoreContract(
  'SqliteEventStore',
  async () => {
    const store = SqliteEventStore.open(aDbFile());
    return { store, cleanup: () => store.close() };
  },
  { waitForEvents: true },
);

describe('SqliteEventStore on a file', () => {
  const open: SqliteEventStore[] = [];
  const openStore = (path: string, options?: Parameters<typeof SqliteEventStore.open>[1]): SqliteEventStore => {
    const store = SqliteEventStore.open(path, options);
    open.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });

  it('uses WAL, FULL sync, a busy timeout and foreign keys', async () => {
    const path = aDbFile();
    openStore(path);
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal'); // persistent in the file
    } finally {
      raw.close();
    }
    const store = openStore(path) as unknown as { db: Database.Database };
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2n); // FULL
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000n);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1n);
  });

  it('skips the fsync only when opened for a bulk load (the data generator)', async () => {
    const path = aDbFile();
    const bulk = openStore(path, { durability: 'bulk-load' }) as unknown as { db: Database.Database };
    expect(bulk.db.pragma('synchronous', { simple: true })).toBe(0n); // OFF
    expect(bulk.db.pragma('journal_mode', { simple: true })).toBe('wal');
    const served = openStore(path) as unknown as { db: Database.Database };
    expect(served.db.pragma('synchronous', { simple: true })).toBe(2n); // FULL again: per connection
  });

  it('keeps events, versions and the chain across close and reopen', async () => {
    const path = aDbFile();
    const client = aClientId();
    const first = openStore(path);
    await first.appendToStream(client, [aRichEvent(client), anEvent(client)], {
      expectedVersion: 0n,
      idempotencyKey: 'once',
    });
    const before = await first.readStream(client);
    await first.close();

    const reopened = openStore(path);
    expect(await reopened.readStream(client)).toEqual(before);
    const retry = await reopened.appendToStream(client, someEvents(client, 1), {
      expectedVersion: 0n,
      idempotencyKey: 'once',
    });
    expect(retry).toMatchObject({ nextExpectedVersion: 2n, replayed: true });
    await reopened.appendToStream(client, someEvents(client, 1), { expectedVersion: 2n });
    expect(await reopened.verifyAll()).toEqual({ intact: true, checked: 3 });
  });

  it('lets two store instances on one file see each other (API and projector)', async () => {
    const path = aDbFile();
    const api = openStore(path);
    const projector = openStore(path);
    const client = aClientId();
    await api.appendToStream(client, someEvents(client, 2), { expectedVersion: 0n });
    expect((await projector.readStream(client)).currentVersion).toBe(2n);
    expect(await projector.readAll({ after: 0n, limit: 10 })).toHaveLength(2);
    expect(await projector.headPosition()).toBe(await api.headPosition());

    await projector.appendToStream(client, someEvents(client, 1), { expectedVersion: 2n });
    const stale = api.appendToStream(client, someEvents(client, 1), { expectedVersion: 2n });
    await expect(stale).rejects.toBeInstanceOf(StreamVersionConflictError);
    expect(await api.verifyStream(client)).toEqual({ intact: true, checked: 3 });
  });

  it('gives every read event its own actor: a reader mutating one changes no other read', async () => {
    const store = openStore(aDbFile());
    const client = aClientId();
    await store.appendToStream(client, someEvents(client, 2), { expectedVersion: 0n }); // same actor twice
    const [first, second] = (await store.readStream(client)).events;
    expect(second.actor).toEqual(first.actor);
    expect(second.actor).not.toBe(first.actor);
    first.actor.displayName = 'changed by a reader';
    const [again] = (await store.readStream(client)).events;
    expect(again.actor.displayName).toBe(second.actor.displayName);
    expect((await store.readAll({ after: 0n, limit: 1 }))[0].actor).toEqual(second.actor);
  });
});
