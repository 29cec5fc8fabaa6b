import pg from 'pg';
import { eventStoreContract, aClientId, anEvent, aRichEvent, someEvents } from '../../event-store/contract/index.js';
import { DuplicateEventIdError, EventStoreFailureError, StreamVersionConflictError } from '../../event-store/index.js';
import { SchemaJanitor } from '../postgres-common/index.js';
import { PostgresEventStore } from './index.js';
import { writersAndReader } from './concurrent-writers.fixture.js';
import { testEnvironment } from '../../config/index.js';
import { sleep } from '../../shared/index.js';
import { startTcpProxy } from '../../shared/testing/index.js';

const url = testEnvironment().databaseUrl;
if (!url && testEnvironment().ci) throw new Error('DATABASE_URL is required in CI');
if (!url)
  process.stderr.write(
    'PostgresEventStore: skipped, DATABASE_URL is not set (eval "$(bash scripts/ci/postgres.sh)" starts a local PostgreSQL)\n',
  );
const suite = url ? describe : describe.skip;
const title = url
  ? 'PostgresEventStore'
  : 'PostgresEventStore (skipped: DATABASE_URL is not set; eval "$(bash scripts/ci/postgres.sh)")';

suite(title, () => {
  let janitor: SchemaJanitor;
  const opened: PostgresEventStore[] = [];
  const open = async (schema: string, poolSize?: number, appendCallsInFlight?: number): Promise<PostgresEventStore> => {
    const store = await PostgresEventStore.open(url!, { schema, poolSize, appendCallsInFlight });
    opened.push(store);
    return store;
  };
  beforeAll(() => {
    janitor = new SchemaJanitor(url!);
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });
  afterAll(async () => {
    await janitor.dropAll();
  });

  // Every test gets a fresh schema (an empty store), dropped afterwards.
  eventStoreContract(
    'PostgresEventStore',
    async () => {
      const schema = janitor.name('es');
      const store = await PostgresEventStore.open(url!, { schema });
      return {
        store,
        cleanup: async () => {
          await store.close();
          await janitor.drop(schema);
        },
      };
    },
    { waitForEvents: true },
  );

  it('wakes a waiter in one process when another process appends, and not for another schema', async () => {
    const [schema, other] = [janitor.name('wake'), janitor.name('quiet')];
    const [follower, writer, elsewhere] = [await open(schema, 1), await open(schema, 1), await open(other, 1)];
    const client = aClientId();
    let woken = false;
    const wait = follower.waitForEvents(0n, new AbortController().signal).then(() => {
      woken = true;
    });
    await elsewhere.appendToStream(client, someEvents(client, 1), { expectedVersion: 0n });
    await sleep(200); // a notification, if wrongly sent, has arrived
    expect(woken).toBe(false);
    await writer.appendToStream(client, someEvents(client, 1), { expectedVersion: 0n });
    await wait;
    expect(woken).toBe(true);
  });

  it('rejects waits when the store is closed, so followers fall back to polling', async () => {
    const store = await PostgresEventStore.open(url!, { schema: janitor.name('closing') });
    const wait = store.waitForEvents(0n, new AbortController().signal);
    const rejected = expect(wait).rejects.toThrow(/closed/);
    await sleep(100);
    await store.close();
    await rejected;
  });

  // Separate stores, like separate processes, each send their appends one by one; one store
  // with a single call in flight sends what its 20 callers queue as groups (append-groups.ts).
  it.each([
    ['20 stores, each appending alone', async (schema: string) => Array.from({ length: 20 }, () => open(schema, 1))],
    [
      'one store of 20 callers, appending in groups',
      async (schema: string) => Array(20).fill(await open(schema, 4, 1)) as PostgresEventStore[],
    ],
  ])('never lets a reader skip an event: %s, 50 appends each, while a reader pages', async (_, writersOn) => {
    const schema = janitor.name('order');
    const writers = await Promise.all(await writersOn(schema));
    const reader = await open(schema, 1);
    const { written, seen, pagesDuringWrites } = await writersAndReader(writers, reader, 50);

    const ids = seen.map((e) => e.eventId);
    const all = [...written.values()].flat();
    expect(new Set(ids).size).toBe(ids.length); // exactly once
    expect(new Set(ids)).toEqual(new Set(all)); // every event
    expect(ids).toHaveLength(all.length);
    for (let i = 1; i < seen.length; i += 1) expect(seen[i].globalPosition).toBeGreaterThan(seen[i - 1].globalPosition);
    for (const [client, eventIds] of written) {
      expect(seen.filter((e) => e.clientId === client).map((e) => e.eventId)).toEqual(eventIds);
    }
    expect(pagesDuringWrites).toBeGreaterThan(0); // the reader really read while writers wrote
    expect(await reader.verifyAll()).toEqual({ intact: true, checked: all.length });
  });

  it('holds readers before an append still in flight, and passes a rolled-back one', async () => {
    const schema = janitor.name('inflight');
    const store = await open(schema);
    const [early, late] = [aClientId(), aClientId()];
    const [held] = someEvents(early, 1);
    // Another transaction holds an uncommitted row with the held event's id, so the append
    // waits on the unique index after it has taken its position: in flight, not committed.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`INSERT INTO "${schema}".streams VALUES ('blocker', 1, 'x')`);
      await blocker.query(
        `INSERT INTO "${schema}".events VALUES (0, $1, 'blocker', 1, 't', 1, '', '', '{}', '', NULL, '{}', 'x')`,
        [held.eventId],
      );
      const inFlight = store.appendToStream(early, [held], { expectedVersion: 0n });
      await untilWaitingOnLock(blocker, `${schema}".append_events`);
      const after = await store.appendToStream(late, someEvents(late, 1), { expectedVersion: 0n });

      expect(await store.readAll({ after: 0n, limit: 10 })).toEqual([]); // not [late]: that would skip early
      expect(await store.headPosition()).toBe(0n);
      await blocker.query('ROLLBACK');
      const committed = await inFlight;
      expect(committed.lastGlobalPosition).toBeLessThan(after.lastGlobalPosition);
      expect((await store.readAll({ after: 0n, limit: 10 })).map((e) => e.clientId)).toEqual([early, late]);
    } finally {
      await blocker.end();
    }

    // a rolled-back append leaves a gap nobody fills: readers pass it
    const again = someEvents(early, 1);
    await expect(
      store.appendToStream(late, [{ ...someEvents(late, 1)[0], eventId: held.eventId }], { expectedVersion: 1n }),
    ).rejects.toBeInstanceOf(DuplicateEventIdError);
    await store.appendToStream(early, again, { expectedVersion: 1n });
    expect((await store.readAll({ after: 0n, limit: 10 })).map((e) => e.eventId)).toHaveLength(3);
    expect(await store.headPosition()).toBe((await store.readStream(early)).events[1].globalPosition);
    expect(await store.verifyAll()).toEqual({ intact: true, checked: 3 });
  });

  it('lets two store instances on one schema see each other (API and projector), and reopens', async () => {
    const schema = janitor.name('two');
    const [api, projector] = await Promise.all([open(schema), open(schema)]); // concurrent DDL is fine
    const client = aClientId();
    await api.appendToStream(client, [aRichEvent(client), anEvent(client)], {
      expectedVersion: 0n,
      idempotencyKey: 'once',
    });
    expect((await projector.readStream(client)).currentVersion).toBe(2n);
    await projector.appendToStream(client, someEvents(client, 1), { expectedVersion: 2n });
    await expect(api.appendToStream(client, someEvents(client, 1), { expectedVersion: 2n })).rejects.toBeInstanceOf(
      StreamVersionConflictError,
    );

    const reopened = await open(schema);
    expect(await reopened.readStream(client)).toEqual(await api.readStream(client));
    expect(
      await reopened.appendToStream(client, someEvents(client, 1), { expectedVersion: 0n, idempotencyKey: 'once' }),
    ).toMatchObject({ nextExpectedVersion: 2n, replayed: true });
    expect(await reopened.verifyAll()).toEqual({ intact: true, checked: 3 });
  });

  it('upgrades a schema of version 1 (commit-order lock, no append function) in place, data kept', async () => {
    const schema = janitor.name('upgrade');
    const client = aClientId();
    await (await open(schema)).appendToStream(client, someEvents(client, 2), { expectedVersion: 0n });
    await rawQuery(
      `DROP FUNCTION "${schema}".append_events; UPDATE "${schema}".event_store_meta SET schema_version = 1`,
    );
    const upgraded = await open(schema);
    await upgraded.appendToStream(client, someEvents(client, 1), { expectedVersion: 2n });
    expect(await upgraded.verifyAll()).toEqual({ intact: true, checked: 3 });
    await rawQuery(`UPDATE "${schema}".event_store_meta SET schema_version = 3`);
    await expect(PostgresEventStore.open(url!, { schema })).rejects.toThrow(/newer than this code/);
  });

  it('keeps positions above 2^53 exact', async () => {
    const schema = janitor.name('big');
    const store = await open(schema);
    const big = 2n ** 53n + 1n;
    await rawQuery(`ALTER SEQUENCE "${schema}".event_positions RESTART WITH ${big}`);
    const client = aClientId();
    const result = await store.appendToStream(client, someEvents(client, 2), { expectedVersion: 0n });
    expect(result.lastGlobalPosition).toBe(big + 1n);
    expect(await store.headPosition()).toBe(big + 1n);
    expect((await store.readAll({ after: big, limit: 10 })).map((e) => e.globalPosition)).toEqual([big + 1n]);
  });

  it('reports an edited event at exactly that event', async () => {
    const schema = janitor.name('tamper');
    const store = await open(schema);
    const client = aClientId();
    await store.appendToStream(client, someEvents(client, 3), { expectedVersion: 0n });
    const target = (await store.readStream(client)).events[1];
    await rawQuery(`UPDATE "${schema}".events SET data = replace(data, 'Jatketaan', 'Muutettu') WHERE event_id = $1`, [
      target.eventId,
    ]);
    const expected = {
      intact: false,
      clientId: client,
      streamVersion: 2n,
      globalPosition: target.globalPosition,
      eventId: target.eventId,
    };
    expect(await store.verifyStream(client)).toMatchObject(expected);
    expect(await store.verifyAll()).toMatchObject(expected);
  });

  it('fails with port errors: a closed store, an unreachable server, a bad schema name', async () => {
    const store = await PostgresEventStore.open(url!, { schema: janitor.name('closed') });
    await store.close();
    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreFailureError);
    const unreachable = PostgresEventStore.open('postgres://nobody@127.0.0.1:1/none');
    await expect(unreachable).rejects.toMatchObject({ code: 'event_store_failure', retryable: true });
    await expect(PostgresEventStore.open(url!, { schema: 'Robert"); DROP' })).rejects.toBeInstanceOf(RangeError);
  });

  // With one call in flight, the first of appends started together goes alone and the rest
  // wait for it, then go as one group: one transaction (its rows share an xmin).
  describe('appends in groups', () => {
    const grouping = (schema: string) => open(schema, 4, 1);

    it('commits appends that wait together in one transaction, each with its own result', async () => {
      const schema = janitor.name('group');
      const store = await grouping(schema);
      const clients = Array.from({ length: 12 }, aClientId);
      const batches = clients.map((client) => someEvents(client, 2));

      const results = await Promise.all(
        clients.map((client, i) => store.appendToStream(client, batches[i], { expectedVersion: 0n })),
      );

      expect(await transactionsOf(schema)).toBe(2); // the first alone, the other eleven together
      results.forEach((result, i) => {
        expect(result).toMatchObject({
          nextExpectedVersion: 2n,
          replayed: false,
          eventIds: batches[i].map((e) => e.eventId),
        });
      });
      expect(new Set(results.map((r) => r.lastGlobalPosition)).size).toBe(12);
      for (const [i, client] of clients.entries()) {
        const { events } = await store.readStream(client);
        expect(events.map((e) => e.eventId)).toEqual(batches[i].map((e) => e.eventId));
        expect(events.at(-1)!.globalPosition).toBe(results[i].lastGlobalPosition);
      }
      expect(await store.verifyAll()).toEqual({ intact: true, checked: 24 });
    });

    it('gives a conflict and a replay in a group to their own callers and appends the rest', async () => {
      const schema = janitor.name('outcomes');
      const store = await grouping(schema);
      const [conflicting, keyed, plain, first] = [aClientId(), aClientId(), aClientId(), aClientId()];
      await store.appendToStream(conflicting, someEvents(conflicting, 1), { expectedVersion: 0n });
      const stored = await store.appendToStream(keyed, someEvents(keyed, 1), {
        expectedVersion: 0n,
        idempotencyKey: 'org:k1',
      });

      const [, conflict, replay, appended] = await Promise.allSettled([
        store.appendToStream(first, someEvents(first, 1), { expectedVersion: 0n }),
        store.appendToStream(conflicting, someEvents(conflicting, 1), { expectedVersion: 0n }),
        store.appendToStream(keyed, someEvents(keyed, 1), { expectedVersion: 'any', idempotencyKey: 'org:k1' }),
        store.appendToStream(plain, someEvents(plain, 1), { expectedVersion: 0n }),
      ]);

      expect(conflict).toMatchObject({ status: 'rejected', reason: expect.any(StreamVersionConflictError) });
      expect(replay).toEqual({ status: 'fulfilled', value: { ...stored, replayed: true } });
      expect(appended).toMatchObject({ status: 'fulfilled', value: { nextExpectedVersion: 1n, replayed: false } });
      expect((await store.readStream(conflicting)).currentVersion).toBe(1n);
      expect((await store.readStream(keyed)).currentVersion).toBe(1n);
      expect(await transactionsOf(schema)).toBe(4); // two before, then one alone and one group
    });

    it('fails only the append whose event id is taken: the rest of its group is appended', async () => {
      const schema = janitor.name('duplicate');
      const store = await grouping(schema);
      const [owner, thief, first] = [aClientId(), aClientId(), aClientId()];
      const [taken] = someEvents(owner, 1);
      await store.appendToStream(owner, [taken], { expectedVersion: 0n });
      const others = Array.from({ length: 5 }, aClientId);

      const [, stolen, ...rest] = await Promise.allSettled([
        store.appendToStream(first, someEvents(first, 1), { expectedVersion: 0n }),
        store.appendToStream(thief, [anEvent(thief, { eventId: taken.eventId })], { expectedVersion: 0n }),
        ...others.map((client) => store.appendToStream(client, someEvents(client, 1), { expectedVersion: 0n })),
      ]);

      expect(stolen).toMatchObject({ status: 'rejected', reason: expect.any(DuplicateEventIdError) });
      for (const result of rest) expect(result).toMatchObject({ status: 'fulfilled', value: { replayed: false } });
      expect((await store.readStream(thief)).events).toEqual([]);
      for (const client of others) expect((await store.readStream(client)).currentVersion).toBe(1n);
      expect(await store.verifyAll()).toEqual({ intact: true, checked: 7 });
    });

    it('fails every append of a group whose connection is lost, and never sends them again: their keys tell', async () => {
      const schema = janitor.name('cut');
      const proxy = await startTcpProxy(Number(new URL(url!).port || 5432));
      const viaProxy = new URL(url!);
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(proxy.port);
      const store = await PostgresEventStore.open(viaProxy.toString(), { schema, poolSize: 4, appendCallsInFlight: 1 });
      const direct = await open(schema);
      const [first, held, other] = ['client-a', 'client-b', 'client-c'];
      const batches = { [held]: someEvents(held, 1), [other]: someEvents(other, 1) };
      // Another session holds the held stream's lock: the group of held and other waits in PostgreSQL.
      const blocker = new pg.Client({ connectionString: url });
      await blocker.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query(`SELECT pg_advisory_xact_lock(hashtext('polku.stream:' || $1), hashtext($2))`, [
          schema,
          held,
        ]);
        const appends = [first, held, other].map((client) =>
          store.appendToStream(client, batches[client] ?? someEvents(client, 1), {
            expectedVersion: 0n,
            idempotencyKey: `org:${client}`,
          }),
        );
        await untilWaitingOnLock(blocker, `${schema}".append_events_many`);
        proxy.cutAll();
        const [alone, ...grouped] = await Promise.allSettled(appends);

        expect(alone).toMatchObject({ status: 'fulfilled', value: { replayed: false } });
        for (const result of grouped)
          expect(result).toMatchObject({
            status: 'rejected',
            reason: expect.objectContaining({ name: 'EventStoreFailureError', retryable: true }),
          });
      } finally {
        await blocker.query('COMMIT'); // the cut group may now commit on the server
        await blocker.end();
        await store.close();
        await proxy.close();
      }
      // The callers retry with their keys: each append is stored once, whichever way the group went.
      for (const client of [held, other]) {
        await direct.appendToStream(client, batches[client], { expectedVersion: 0n, idempotencyKey: `org:${client}` });
        expect((await direct.readStream(client)).events.map((e) => e.eventId)).toEqual(
          batches[client].map((e) => e.eventId),
        );
      }
      expect(await direct.verifyAll()).toEqual({ intact: true, checked: 3 });
    });

    it('never puts two appends to one stream in one group: each is appended once, whole', async () => {
      const store = await grouping(janitor.name('same'));
      const client = aClientId();
      const batches = [someEvents(client, 1), someEvents(client, 2), someEvents(client, 1)];
      const results = await Promise.all(
        batches.map((batch) => store.appendToStream(client, batch, { expectedVersion: 'any' })),
      );
      const { events } = await store.readStream(client);
      expect(events).toHaveLength(4);
      batches.forEach((batch, i) => {
        const last = events.findIndex((e) => e.eventId === batch.at(-1)!.eventId);
        expect(events.slice(last + 1 - batch.length, last + 1).map((e) => e.eventId)).toEqual(
          batch.map((e) => e.eventId),
        );
        expect(results[i].nextExpectedVersion).toBe(events[last].streamVersion);
      });
    });

    it('refuses a number of calls in flight below one', async () => {
      await expect(
        PostgresEventStore.open(url!, { schema: janitor.name('zero'), appendCallsInFlight: 0 }),
      ).rejects.toThrow(/appendCallsInFlight must be a positive integer, got 0/);
    });

    /** How many transactions wrote the schema's events (rows of one transaction share xmin). */
    async function transactionsOf(schema: string): Promise<number> {
      const rows = await rawQuery<{ n: string }>(`SELECT count(DISTINCT xmin::text) AS n FROM "${schema}".events`);
      return Number(rows[0].n);
    }
  });

  /** Until a statement containing `fragment` waits for a lock (seen from `client`'s session). */
  async function untilWaitingOnLock(client: pg.Client, fragment: string): Promise<void> {
    // pg_stat_activity is read once per transaction: a client inside one clears it each time
    const waiting = async () =>
      (
        (await client.query(`SELECT pg_stat_clear_snapshot();
        SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%${fragment}%'`)) as unknown as pg.QueryResult[]
      )[1].rowCount;
    while (!(await waiting())) await sleep(10);
  }

  async function rawQuery<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  }
});
