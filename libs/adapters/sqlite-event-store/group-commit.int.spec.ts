import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { aClientId, anEvent, rejectionOf, someEvents } from '../../event-store/contract/index.js';
import {
  DuplicateEventIdError,
  EventStoreFailureError,
  IdempotencyKeyReusedError,
  StreamVersionConflictError,
  type AppendResult,
} from '../../event-store/index.js';
import { SqliteEventStore } from './index.js';
import { sleep } from '../../shared/index.js';

// Appends made without awaiting in between are queued together and share one transaction.
describe('SqliteEventStore group commit (concurrent appends on one file)', () => {
  let dir: string;
  let path: string;
  const open: SqliteEventStore[] = [];
  const openStore = (): SqliteEventStore => {
    const store = SqliteEventStore.open(path);
    open.push(store);
    return store;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-group-commit-'));
    path = join(dir, 'events.sqlite');
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits many concurrent appends to many streams durably, each stream in order', async () => {
    // 200 appends made in one tick, ten to each stream, each expecting the version the one before leaves
    const store = openStore();
    const other = openStore(); // a second connection: sees only what is committed
    const clients = Array.from({ length: 20 }, aClientId);
    const seenByOther: boolean[] = [];
    const appends = Array.from({ length: 10 }, (_, round) =>
      clients.map((client) =>
        store
          .appendToStream(client, someEvents(client, 2), { expectedVersion: BigInt(2 * round) })
          .then(async (result) => {
            const stored = await other.readStream(client); // read the moment the promise resolves
            seenByOther.push(stored.events.some((e) => e.eventId === result.eventIds[1]));
            return result;
          }),
      ),
    ).flat();
    const results = await Promise.all(appends);

    expect(seenByOther).toHaveLength(200);
    expect(seenByOther.every(Boolean)).toBe(true);
    // positions follow the order the appends were made in
    const positions = results.map((r) => r.lastGlobalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(positions).size).toBe(200);

    await store.close();
    const reopened = openStore();
    for (const client of clients) {
      const { currentVersion, events } = await reopened.readStream(client);
      expect(currentVersion).toBe(20n);
      expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 20 }, (_, i) => BigInt(i + 1)));
    }
    expect(await reopened.verifyAll()).toEqual({ intact: true, checked: 400 });
  });

  it('fails a conflicting or invalid append alone while the rest of its group commits', async () => {
    const store = openStore();
    const [a, b, c, d] = Array.from({ length: 4 }, aClientId);
    const reused = anEvent(a);
    const outcomes = await Promise.allSettled([
      store.appendToStream(a, [reused], { expectedVersion: 0n }),
      store.appendToStream(b, someEvents(b, 1), { expectedVersion: 5n }), // stale
      store.appendToStream(c, someEvents(c, 1), { expectedVersion: 0n }),
      store.appendToStream(d, [anEvent(d), anEvent(d, { eventId: reused.eventId })], { expectedVersion: 0n }), // 2nd id taken
      store.appendToStream(c, someEvents(c, 1), { expectedVersion: 1n }),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    const conflict = (outcomes[1] as PromiseRejectedResult).reason;
    expect(conflict).toBeInstanceOf(StreamVersionConflictError);
    expect(conflict).toMatchObject({ clientId: b, expected: 5n, actual: 0n });
    expect((outcomes[3] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    expect((await store.readStream(b)).events).toEqual([]);
    expect((await store.readStream(d)).events).toEqual([]);
    expect((await store.readStream(c)).currentVersion).toBe(2n);
    const all = await store.readAll({ after: 0n, limit: 10 });
    expect(all.map((e) => [e.clientId, e.globalPosition])).toEqual([
      [a, 1n],
      [c, 2n],
      [c, 3n],
    ]);
    expect(await store.verifyAll()).toEqual({ intact: true, checked: 3 });
  });

  it('treats two appends to one stream in a group exactly as if they were sequential', async () => {
    const store = openStore();
    const client = aClientId();
    const first = store.appendToStream(client, someEvents(client, 2), { expectedVersion: 0n });
    const next = store.appendToStream(client, someEvents(client, 1), { expectedVersion: 2n });
    const stale = store.appendToStream(client, someEvents(client, 1), { expectedVersion: 2n });
    const any = store.appendToStream(client, someEvents(client, 1), { expectedVersion: 'any' });

    expect(await first).toMatchObject({ nextExpectedVersion: 2n, replayed: false });
    expect(await next).toMatchObject({ nextExpectedVersion: 3n, replayed: false });
    const conflict = await rejectionOf(stale);
    expect(conflict).toBeInstanceOf(StreamVersionConflictError);
    expect(conflict).toMatchObject({ expected: 2n, actual: 3n });
    expect(await any).toMatchObject({ nextExpectedVersion: 4n });
    expect(await store.verifyStream(client)).toEqual({ intact: true, checked: 4 });
  });

  it('replays an idempotency key used twice in one group, and refuses it for another client', async () => {
    const store = openStore();
    const client = aClientId();
    const stranger = aClientId();
    const [first, retry, foreign] = await Promise.allSettled([
      store.appendToStream(client, someEvents(client, 2), { expectedVersion: 0n, idempotencyKey: 'k-1' }),
      store.appendToStream(client, someEvents(client, 2), { expectedVersion: 0n, idempotencyKey: 'k-1' }),
      store.appendToStream(stranger, someEvents(stranger, 1), { expectedVersion: 0n, idempotencyKey: 'k-1' }),
    ]);

    const written = (first as PromiseFulfilledResult<AppendResult>).value;
    expect(written.replayed).toBe(false);
    expect((retry as PromiseFulfilledResult<AppendResult>).value).toEqual({ ...written, replayed: true });
    expect((foreign as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyKeyReusedError);
    expect((await store.readStream(client)).currentVersion).toBe(2n);
    expect((await store.readStream(stranger)).events).toEqual([]);
  });

  it('rejects every append of a group whose transaction cannot commit, and stores none of them', async () => {
    const store = openStore();
    (store as unknown as { db: Database.Database }).db.pragma('busy_timeout = 50');
    const lock = new Database(path);
    lock.prepare('BEGIN IMMEDIATE').run(); // another writer holds the write lock
    const clients = Array.from({ length: 3 }, aClientId);
    const outcomes = await Promise.allSettled(
      clients.map((c) => store.appendToStream(c, someEvents(c, 1), { expectedVersion: 0n })),
    );
    lock.prepare('ROLLBACK').run();
    lock.close();

    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(EventStoreFailureError);
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ retryable: true });
    }
    expect(await store.headPosition()).toBe(0n);
    // and the store goes on working
    await store.appendToStream(clients[0], someEvents(clients[0], 1), { expectedVersion: 0n });
    expect(await store.headPosition()).toBe(1n);
  });

  it("waits for another process's write lock without blocking this thread, then commits", async () => {
    const store = openStore();
    const lock = new Database(path);
    lock.prepare('BEGIN IMMEDIATE').run(); // another writer holds the write lock
    const [a, b] = [aClientId(), aClientId()];
    let settled = false;
    const first = store.appendToStream(a, someEvents(a, 1), { expectedVersion: 0n }).finally(() => {
      settled = true;
    });
    // the event loop keeps running while the append waits: timers fire, reads are served,
    // and a later append joins the waiting one (SQLite's busy handler would sleep in place)
    await sleep(30);
    expect(settled).toBe(false);
    expect(await store.headPosition()).toBe(0n);
    const second = store.appendToStream(b, someEvents(b, 2), { expectedVersion: 0n });
    lock.prepare('COMMIT').run();
    lock.close();
    expect(await first).toMatchObject({ nextExpectedVersion: 1n, lastGlobalPosition: 1n });
    expect(await second).toMatchObject({ nextExpectedVersion: 2n, lastGlobalPosition: 3n });
    expect((store as unknown as { db: Database.Database }).db.pragma('busy_timeout', { simple: true })).toBe(5000n);
  });

  it('closing waits for appends that wait for the write lock', async () => {
    const store = openStore();
    const lock = new Database(path);
    lock.prepare('BEGIN IMMEDIATE').run();
    const client = aClientId();
    const pending = store.appendToStream(client, someEvents(client, 1), { expectedVersion: 0n });
    await sleep(10);
    const closed = store.close();
    lock.prepare('COMMIT').run();
    lock.close();
    await closed;
    expect(await pending).toMatchObject({ nextExpectedVersion: 1n });
    expect((await openStore().readStream(client)).currentVersion).toBe(1n);
  });

  it('writes appends still queued when the store is closed', async () => {
    const store = openStore();
    const client = aClientId();
    const pending = store.appendToStream(client, someEvents(client, 1), { expectedVersion: 0n });
    await store.close();
    expect(await pending).toMatchObject({ nextExpectedVersion: 1n });
    expect((await openStore().readStream(client)).currentVersion).toBe(1n);
  });
});
