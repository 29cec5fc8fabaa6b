import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { aClientId, aRichEvent, anEvent, someEvents } from '../../event-store/contract/index.js';
import { SqliteEventStore } from './index.js';
import { WAL_AUTOCHECKPOINT_PAGES } from './schema.js';

/** Storage details behind the port: exact positions past 2^53, fresh events, a bounded WAL. */
describe('SqliteEventStore storage', () => {
  let dir: string;
  let store: SqliteEventStore | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-sqlite-storage-'));
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads positions beyond 2^53 exactly', async () => {
    const path = join(dir, 'events.sqlite');
    const client = aClientId();
    store = SqliteEventStore.open(path);
    await store.appendToStream(client, [anEvent(client)], { expectedVersion: 0n });
    await store.close();
    const raw = new Database(path);
    raw.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'").run(2n ** 53n + 5n);
    raw.close();

    store = SqliteEventStore.open(path);
    const appended = await store.appendToStream(client, someEvents(client, 2), { expectedVersion: 1n });
    const { events, currentVersion } = await store.readStream(client);
    expect(appended.lastGlobalPosition).toBe(2n ** 53n + 7n);
    expect(events.map((e) => e.globalPosition)).toEqual([1n, 2n ** 53n + 6n, 2n ** 53n + 7n]);
    expect(events.map((e) => e.streamVersion)).toEqual([1n, 2n, 3n]);
    expect(currentVersion).toBe(3n);
    const [stream] = await store.readStreams({ afterClientId: null, limit: 10, upToPosition: 2n ** 53n + 6n });
    expect(stream.clientId).toBe(client);
    expect(stream.events.map((e) => e.globalPosition)).toEqual([1n, 2n ** 53n + 6n]);
    expect(stream.events).toEqual(events.slice(0, 2));
  });

  it('returns new event objects on every read', async () => {
    const client = aClientId();
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    await store.appendToStream(client, [aRichEvent(client), aRichEvent(client)], { expectedVersion: 0n });
    const first = await store.readStream(client);
    const expected = structuredClone(first.events);
    Object.assign(first.events[0].actor, { displayName: 'changed by a reader' });
    Object.assign(first.events[0].data as object, { extra: 'changed by a reader' });
    const second = await store.readStream(client);
    expect(second.events).toEqual(expected);
    expect(second.events[1].actor).not.toBe(second.events[0].actor);
  });

  it('keeps the WAL within the autocheckpoint limit and starts it over while appends go on', async () => {
    const path = join(dir, 'events.sqlite');
    store = SqliteEventStore.open(path);
    const clients = Array.from({ length: 50 }, aClientId);
    const versions = new Map(clients.map((c) => [c, 0n]));
    const frame = 4096 + 24;
    // SQLite changes the WAL header's salt each time it writes the WAL from its beginning again
    const saltOf = (): string => {
      const fd = openSync(`${path}-wal`, 'r');
      try {
        const b = Buffer.alloc(8);
        readSync(fd, b, 0, 8, 16);
        return b.toString('hex');
      } finally {
        closeSync(fd);
      }
    };
    let largestWal = 0;
    let restarts = 0;
    let salt = '';
    for (let appends = 0; restarts < 2 && appends < 5000; appends++) {
      const client = clients[appends % clients.length];
      // 20 events an append: a few dozen pages per commit, so the test needs few fsyncs
      const result = await store.appendToStream(client, someEvents(client, 20), {
        expectedVersion: versions.get(client)!,
      });
      versions.set(client, result.nextExpectedVersion);
      largestWal = Math.max(largestWal, statSync(`${path}-wal`).size);
      const now = saltOf();
      if (salt !== '' && now !== salt) restarts += 1;
      salt = now;
    }
    expect(restarts).toBe(2);
    // the limit plus what the one commit that crossed it added
    expect(largestWal).toBeGreaterThan(WAL_AUTOCHECKPOINT_PAGES * frame);
    expect(largestWal).toBeLessThan((WAL_AUTOCHECKPOINT_PAGES + 200) * frame);
    expect((await store.verifyAll()).intact).toBe(true);
  });
});
