import pg from 'pg';
import { eventStoreContract, aClientId, anEvent, aRichEvent, someEvents } from '../../event-store/contract/index.js';
import { DuplicateEventIdError, EventStoreFailureError, StreamVersionConflictError } from '../../event-store/index.js';
import { SchemaJanitor } from '../postgres-common/index.js';
import { PostgresEventStore } from './index.js';
import { writersAndReader } from './concurrent-writers.fixture.js';
import { testEnvironment } from '../../config/index.js';
import { sleep } from '../../shared/index.js';

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
  const open = async (schema: string, poolSize?: number): Promise<PostgresEventStore> => {
    const store = await PostgresEventStore.open(url!, { schema, poolSize });
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

  it('never lets a reader skip an event: 20 concurrent writers x 50 appends while a reader pages', async () => {
    const schema = janitor.name('order');
    const writers = await Promise.all(Array.from({ length: 20 }, () => open(schema, 1)));
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
      // pg_stat_activity is read once per transaction: the blocker (inside one) clears it each time
      const waiting = async () =>
        (
          (await blocker.query(`SELECT pg_stat_clear_snapshot();
        SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%${schema}".append_events%'`)) as unknown as pg.QueryResult[]
        )[1].rowCount;
      while (!(await waiting())) await sleep(10);
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

  async function rawQuery(text: string, values: unknown[] = []): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(text, values);
    } finally {
      await client.end();
    }
  }
});
