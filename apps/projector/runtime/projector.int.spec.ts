import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../../libs/adapters/sqlite-event-store/index.js';
import { SqliteReadStore } from '../../../libs/adapters/sqlite-read-store/index.js';
import { replayPath, type TimelineEntry } from '../../../libs/projections/client-path/index.js';
import {
  demoClients,
  dumpReadStore,
  expectBusinessOrder,
  expectSameEvents,
  readStreams,
  seedDemoInterleaved,
} from '../test/demo.fixture.js';
import { clientIdOf, seed } from '../test/events.fixture.js';
import { applyTimeline, type StreamTimelineEntry } from '../test/timeline.projection.js';
import {
  CheckpointAheadOfHeadError,
  Projector,
  type ApplyEvent,
  type BatchCommitted,
  type ProjectorOptions,
} from './projector.js';

const CLIENTS = 5;
const ids = Array.from({ length: CLIENTS }, (_, i) => clientIdOf(i));

/**
 * The runtime's mechanics (batches, checkpoints, idempotency, retries) run the test timeline
 * projection over simple fixture events, so that "every event exactly once, in order" reads
 * straight off the timeline. The last describe runs the real client-path projection.
 */
describe('Projector (real SQLite stores)', () => {
  let dir: string;
  let events: SqliteEventStore;
  const reads: SqliteReadStore[] = [];
  const openRead = (name = 'read.sqlite') => {
    const store = SqliteReadStore.open(join(dir, name));
    reads.push(store);
    return store;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'polku-projector-'));
    events = SqliteEventStore.open(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    for (const store of reads.splice(0)) await store.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The runtime under test, with the test projection unless `apply` is given. Global order
   * from position 0 too (streamsPerPage 0): these tests are about batches and checkpoints;
   * stream-by-stream projection has its own spec (projector-by-stream.int.spec.ts).
   */
  const projectorOn = (options: ProjectorOptions) =>
    new Projector({ apply: applyTimeline, streamsPerPage: 0, ...options });

  it('yields to the event loop between batches: a stop (SIGTERM) or a health probe is served mid catch-up', async () => {
    await seed(events, CLIENTS, 13); // 65 events: 13 batches of 5
    const read = openRead();
    const controller = new AbortController();
    const seen: bigint[] = [];
    // what a signal handler or an HTTP request is: a callback of the next event-loop turn
    setImmediate(() => {
      Promise.resolve()
        .then(() => read.checkpoint())
        .then(
          (c) => seen.push(c),
          () => undefined,
        );
      controller.abort();
    });
    const result = await projectorOn({ eventStore: events, readStore: read, batchSize: 5 }).catchUp(controller.signal);
    // stopped after the batch in flight, committed; before, the whole backlog ran first
    expect(result).toEqual({ from: 0n, to: 5n, events: 5 });
    expect(await read.checkpoint()).toBe(5n);
    expect(seen).toEqual([5n]);
  });

  /** Every client's timeline must be exactly its stream, in order: nothing skipped or doubled. */
  async function expectExactlyOnce(read: SqliteReadStore): Promise<void> {
    const models = await read.getClients(ids);
    for (const id of ids) {
      const stream = await events.readStream(id);
      const model = models.get(id)!;
      const timeline = model.path.timeline as StreamTimelineEntry[];
      expect(timeline.map((e) => e.eventId)).toEqual(stream.events.map((e) => e.eventId));
      expect(timeline.map((e) => e.position)).toEqual(stream.events.map((e) => e.globalPosition.toString()));
      expect(model.lastPosition).toBe(stream.events.at(-1)!.globalPosition);
    }
  }

  it('applies every event exactly once across batch boundaries', async () => {
    await seed(events, CLIENTS, 13); // 65 events, interleaved
    const read = openRead();
    const batches: BatchCommitted[] = [];
    const projector = projectorOn({
      eventStore: events,
      readStore: read,
      batchSize: 7,
      onBatch: (b) => batches.push(b),
    });

    const result = await projector.catchUp();

    const head = await events.headPosition();
    expect(result).toEqual({ from: 0n, to: head, events: 65 });
    expect(batches.map((b) => b.events)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 7, 2]);
    expect(batches.map((b) => b.checkpoint)).toEqual(
      [...batches.map((b) => b.checkpoint)].sort((a, b) => (a < b ? -1 : 1)),
    );
    expect(await read.checkpoint()).toBe(head);
    await expectExactlyOnce(read);
  });

  it('is idempotent: a re-run applies nothing, later events are applied once', async () => {
    await seed(events, CLIENTS, 4);
    const read = openRead();
    const calls: string[] = [];
    const counting: ApplyEvent = (m, e) => {
      calls.push(e.eventId);
      return applyTimeline(m, e);
    };
    const projector = projectorOn({ eventStore: events, readStore: read, batchSize: 3, apply: counting });
    await projector.catchUp();
    const before = await read.getClients(ids);

    const again = await projector.catchUp();
    expect(again).toEqual({ from: await events.headPosition(), to: await events.headPosition(), events: 0 });
    expect(await read.getClients(ids)).toEqual(before);

    await seed(events, CLIENTS, 2, { startAt: 5 });
    expect((await projector.catchUp()).events).toBe(10);
    expect(calls).toHaveLength(30);
    expect(new Set(calls).size).toBe(30);
    await expectExactlyOnce(read);
  });

  it('rebuild gives the same models as incremental catch-up', async () => {
    const incremental = openRead('incremental.sqlite');
    const inc = projectorOn({ eventStore: events, readStore: incremental, batchSize: 4 });
    for (let round = 0; round < 4; round += 1) {
      await seed(events, CLIENTS, 3, { startAt: round * 3 + 1 });
      await inc.catchUp();
    }
    const rebuilt = openRead('rebuilt.sqlite');
    await rebuilt.commitBatch([], 7n); // stale content a rebuild must discard
    const result = await projectorOn({ eventStore: events, readStore: rebuilt, batchSize: 1000 }).rebuild();

    expect(result).toEqual({ from: 0n, to: await events.headPosition(), events: 60 });
    expect(await rebuilt.checkpoint()).toBe(await incremental.checkpoint());
    expect(await rebuilt.getClients(ids)).toEqual(await incremental.getClients(ids));
    // and rebuilding in place changes nothing
    const before = await incremental.getClients(ids);
    await inc.rebuild();
    expect(await incremental.getClients(ids)).toEqual(before);
  });

  it('skips events a client model already contains (overlapping runs)', async () => {
    await seed(events, CLIENTS, 3);
    const ahead = openRead('ahead.sqlite');
    await projectorOn({ eventStore: events, readStore: ahead }).catchUp();
    const models = [...(await ahead.getClients(ids)).values()];

    // models already at the head, but the checkpoint still at 0
    const behind = openRead('behind.sqlite');
    await behind.commitBatch(models, 0n);
    const calls: string[] = [];
    const counting: ApplyEvent = (m, e) => {
      calls.push(e.eventId);
      return applyTimeline(m, e);
    };
    await projectorOn({ eventStore: events, readStore: behind, batchSize: 4, apply: counting }).catchUp();

    expect(calls).toEqual([]);
    expect(await behind.checkpoint()).toBe(await events.headPosition());
    expect(await behind.getClients(ids)).toEqual(await ahead.getClients(ids));
  });

  it('reports status and lag', async () => {
    await seed(events, CLIENTS, 2);
    const projector = projectorOn({ eventStore: events, readStore: openRead(), batchSize: 4 });
    const head = await events.headPosition();
    expect(await projector.status()).toEqual({ checkpoint: 0n, head, lag: head });
    await projector.catchUp();
    expect(await projector.status()).toEqual({ checkpoint: head, head, lag: 0n });
  });

  it('stops between batches when the signal aborts', async () => {
    await seed(events, CLIENTS, 4);
    const controller = new AbortController();
    const read = openRead();
    const projector = projectorOn({
      eventStore: events,
      readStore: read,
      batchSize: 6,
      onBatch: () => controller.abort(),
    });
    const result = await projector.catchUp(controller.signal);
    expect(result.events).toBe(6);
    expect(await read.checkpoint()).toBe(result.to);
    expect((await projector.catchUp()).events).toBe(14);
    await expectExactlyOnce(read);
  });

  describe('coalesced commits (commitEveryBatches > 1)', () => {
    it('rebuild commits every N batches, checkpoint with the models, same result as per-batch', async () => {
      await seed(events, CLIENTS, 13); // 65 events
      const perBatch = openRead('per-batch.sqlite');
      await projectorOn({ eventStore: events, readStore: perBatch, batchSize: 4 }).catchUp();
      const coalesced = openRead('coalesced.sqlite');
      await coalesced.commitBatch([], 7n); // stale content a rebuild must discard
      const batches: BatchCommitted[] = [];
      const calls: string[] = [];
      const counting: ApplyEvent = (m, e) => {
        calls.push(e.eventId);
        return applyTimeline(m, e);
      };
      const result = await projectorOn({
        eventStore: events,
        readStore: coalesced,
        batchSize: 4,
        commitEveryBatches: 5,
        apply: counting,
        onBatch: (b) => batches.push(b),
      }).rebuild();

      const head = await events.headPosition();
      expect(result).toEqual({ from: 0n, to: head, events: 65 });
      expect(batches.map((b) => b.events)).toEqual([20, 20, 20, 5]); // 17 batches of 4 (last 1)
      expect(batches.at(-1)!.checkpoint).toBe(head);
      expect(new Set(calls).size).toBe(65);
      expect(calls).toHaveLength(65);
      expect(await coalesced.checkpoint()).toBe(head);
      expect(await coalesced.getClients(ids)).toEqual(await perBatch.getClients(ids));
      await expectExactlyOnce(coalesced);
    });

    it('catch-up coalesces only from largeLagEvents on', async () => {
      await seed(events, CLIENTS, 4); // 20 events
      const small = openRead('small.sqlite');
      const smallBatches: BatchCommitted[] = [];
      await projectorOn({
        eventStore: events,
        readStore: small,
        batchSize: 4,
        commitEveryBatches: 10,
        largeLagEvents: 20,
        onBatch: (b) => smallBatches.push(b),
      }).catchUp();
      expect(smallBatches).toHaveLength(5); // lag 20 is not > 20: per batch

      const large = openRead('large.sqlite');
      const largeBatches: BatchCommitted[] = [];
      await projectorOn({
        eventStore: events,
        readStore: large,
        batchSize: 4,
        commitEveryBatches: 10,
        largeLagEvents: 19,
        onBatch: (b) => largeBatches.push(b),
      }).catchUp();
      expect(largeBatches.map((b) => b.events)).toEqual([20]);
      expect(await large.getClients(ids)).toEqual(await small.getClients(ids));
      await expectExactlyOnce(large);
    });

    it('continues from models already stored, and commits early when the memory bound is hit', async () => {
      await seed(events, CLIENTS, 3);
      const read = openRead();
      await projectorOn({ eventStore: events, readStore: read, batchSize: 4 }).catchUp();
      await seed(events, CLIENTS, 8, { startAt: 4 }); // 40 more, every client continues
      const batches: BatchCommitted[] = [];
      const result = await projectorOn({
        eventStore: events,
        readStore: read,
        batchSize: 3,
        commitEveryBatches: 100,
        largeLagEvents: 0,
        maxCachedClients: 2,
        onBatch: (b) => batches.push(b),
      }).catchUp();
      expect(result.events).toBe(40);
      expect(batches.length).toBeGreaterThan(1); // 5 interleaved clients never fit in 2
      expect(batches.reduce((n, b) => n + b.events, 0)).toBe(40);
      expect(await read.checkpoint()).toBe(await events.headPosition());
      await expectExactlyOnce(read);
    });

    it('an abort commits what was applied; a failure commits nothing past the last commit', async () => {
      await seed(events, CLIENTS, 6); // 30 events
      const read = openRead();
      const controller = new AbortController();
      let applied = 0;
      const abortAt10: ApplyEvent = (m, e) => {
        if (++applied === 10) controller.abort();
        return applyTimeline(m, e);
      };
      const aborted = await projectorOn({
        eventStore: events,
        readStore: read,
        batchSize: 4,
        commitEveryBatches: 100,
        apply: abortAt10,
      }).rebuild(controller.signal);
      expect(aborted.events).toBe(12); // the batch in flight finishes, then everything applied commits
      expect(await read.checkpoint()).toBe(aborted.to);

      let calls = 0;
      const failing: ApplyEvent = (m, e) => {
        if (++calls === 7) throw new Error('boom');
        return applyTimeline(m, e);
      };
      await expect(
        projectorOn({
          eventStore: events,
          readStore: read,
          batchSize: 4,
          commitEveryBatches: 100,
          largeLagEvents: 0,
          apply: failing,
        }).catchUp(),
      ).rejects.toThrow('boom');
      expect(await read.checkpoint()).toBe(aborted.to); // nothing of the failed run was committed

      expect((await projectorOn({ eventStore: events, readStore: read, batchSize: 4 }).catchUp()).events).toBe(18);
      await expectExactlyOnce(read);
    });
  });

  it('refuses a read store that is ahead of the event store', async () => {
    await seed(events, CLIENTS, 1);
    const read = openRead();
    await read.commitBatch([], 1000n);
    await expect(projectorOn({ eventStore: events, readStore: read }).catchUp()).rejects.toBeInstanceOf(
      CheckpointAheadOfHeadError,
    );
  });

  it('follow: picks up new events, retries after an error from the stored checkpoint, stops on abort', async () => {
    const read = openRead();
    const controller = new AbortController();
    let failOnce = true;
    const flaky: ApplyEvent = (m, e) => {
      if (failOnce && (e.data as { n: number }).n === 2) {
        failOnce = false;
        throw new Error('boom');
      }
      return applyTimeline(m, e);
    };
    const errors: unknown[] = [];
    let reached: () => void = () => {};
    const target = new Promise<void>((resolve) => {
      reached = resolve;
    });
    let head = -1n;
    const projector = projectorOn({
      eventStore: events,
      readStore: read,
      batchSize: 4,
      apply: flaky,
      idleBackoffMs: { min: 5, max: 20 },
      errorBackoffMs: { min: 5, max: 20 },
      onError: (error) => errors.push(error),
      onBatch: (b: BatchCommitted) => {
        if (b.checkpoint === head) reached();
      },
    });
    const following = projector.follow(controller.signal);
    try {
      await seed(events, CLIENTS, 3);
      head = await events.headPosition();
      if ((await read.checkpoint()) === head) reached();
      await target;
    } finally {
      // also on failure: a loop left running would keep Jest alive
      controller.abort();
      await following;
    }

    expect(errors.map((e) => (e as Error).message)).toEqual(['boom']);
    expect(projector.lastError).toBeNull();
    await expectExactlyOnce(read);
  });

  describe('with the client-path projection (the default apply) over demo service paths', () => {
    const demo = demoClients(9); // three of each scenario: Central Finland, Pori, Turku
    const demoIds = demo.map((c) => c.clientId);

    it('incremental catch-up across batch boundaries equals a rebuild', async () => {
      const incremental = openRead('incremental.sqlite');
      const batches: BatchCommitted[] = [];
      // no `apply` option: the projection the projector process runs
      const inc = new Projector({
        eventStore: events,
        readStore: incremental,
        batchSize: 7,
        onBatch: (b) => batches.push(b),
      });
      let rounds = 0;
      // a few steps of every path at a time, catching up after each round
      await seedDemoInterleaved(events, demo, 4, async () => {
        rounds += 1;
        await inc.catchUp();
      });
      const head = await events.headPosition();
      expect(rounds).toBeGreaterThanOrEqual(5);
      expect(batches.length).toBeGreaterThan(2 * rounds); // clients continue across batches and rounds
      expect(batches.some((b) => b.clients > 1)).toBe(true);
      expect(await incremental.checkpoint()).toBe(head);

      const rebuilt = openRead('rebuilt.sqlite');
      await rebuilt.commitBatch([], 7n); // stale content a rebuild must discard
      // from 0 on SQLite: stream by stream, 2 streams a page
      const result = await new Projector({
        eventStore: events,
        readStore: rebuilt,
        batchSize: 1000,
        streamsPerPage: 2,
      }).rebuild();
      expect(result).toEqual({ from: 0n, to: head, events: Number(head) });

      const models = await incremental.getClients(demoIds);
      expect(models.size).toBe(demoIds.length);
      expect(await rebuilt.getClients(demoIds)).toEqual(models); // path, state, lastPosition and rows
      expect(dumpReadStore(join(dir, 'rebuilt.sqlite'))).toEqual(dumpReadStore(join(dir, 'incremental.sqlite')));
      // the organisation directory is in the dump: rebuilt stream by stream, it is the same
      expect((await rebuilt.organisationDirectory({ type: 'provider', limit: 100 })).map((o) => o.name)).toEqual(
        expect.arrayContaining(['Jyväskylän Setlementti ry', 'Porin kaupungin työpaja']),
      );
      // models kept in memory across batches (and evicted: 9 clients, room for 4) give the same bytes
      const coalesced = openRead('coalesced.sqlite');
      await new Projector({
        eventStore: events,
        readStore: coalesced,
        batchSize: 5,
        commitEveryBatches: 6,
        maxCachedClients: 4,
        streamsPerPage: 0,
      }).rebuild();
      expect(dumpReadStore(join(dir, 'coalesced.sqlite'))).toEqual(dumpReadStore(join(dir, 'incremental.sqlite')));

      const streams = await readStreams(events, demoIds);
      for (const id of demoIds) {
        const model = models.get(id)!;
        const stream = streams.get(id)!;
        const timeline = model.path.timeline as TimelineEntry[];
        expectSameEvents(timeline, stream); // business order, not stream order
        expectBusinessOrder(timeline);
        expect(model.lastPosition).toBe(stream.at(-1)!.globalPosition);
        // one fold over the whole stream: no batches, no round trips through the store
        expect(model.path).toEqual(JSON.parse(JSON.stringify(replayPath(id, stream))));
      }
      // the demo paths reach every derived row set
      for (const rows of ['caseload', 'deadlines', 'outcomes', 'compensation'] as const) {
        expect([...models.values()].some((m) => m[rows].length > 0)).toBe(true);
      }
    });
  });
});
