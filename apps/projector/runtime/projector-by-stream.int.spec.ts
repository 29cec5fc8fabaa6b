import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../../libs/adapters/sqlite-event-store/index.js';
import { SqliteReadStore } from '../../../libs/adapters/sqlite-read-store/index.js';
import type { EventStore } from '../../../libs/event-store/index.js';
import { clientIdOf, makeEvent, seed } from '../test/events.fixture.js';
import { dumpReadStore } from '../test/demo.fixture.js';
import { applyTimeline, type StreamTimelineEntry } from '../test/timeline.projection.js';
import { Projector, type BatchCommitted, type ProjectorOptions } from './projector.js';

const CLIENTS = 7;
const ids = Array.from({ length: CLIENTS }, (_, i) => clientIdOf(i));

/** Projecting from checkpoint 0 reads whole streams (readStreams) and writes each client once. */
describe('Projector from checkpoint 0, stream by stream (real SQLite stores)', () => {
  let dir: string;
  let events: SqliteEventStore;
  const reads: SqliteReadStore[] = [];
  const openRead = (name: string) => {
    const store = SqliteReadStore.open(join(dir, name));
    reads.push(store);
    return store;
  };
  const projectorOn = (options: ProjectorOptions) => new Projector({ apply: applyTimeline, ...options });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-by-stream-'));
    events = SqliteEventStore.open(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    for (const store of reads.splice(0)) await store.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function expectExactlyOnce(read: SqliteReadStore): Promise<void> {
    const models = await read.getClients(ids);
    expect(models.size).toBe(CLIENTS);
    for (const id of ids) {
      const stream = (await events.readStream(id)).events;
      const timeline = models.get(id)!.path.timeline as StreamTimelineEntry[];
      expect(timeline.map((e) => e.eventId)).toEqual(stream.map((e) => e.eventId));
      expect(models.get(id)!.lastPosition).toBe(stream.at(-1)!.globalPosition);
    }
  }

  it('pages through the streams, moves the checkpoint to the head only at the end, and equals global order', async () => {
    await seed(events, CLIENTS, 9); // 63 events, interleaved
    const head = await events.headPosition();
    const read = openRead('by-stream.sqlite');
    const batches: BatchCommitted[] = [];
    const checkpoints: bigint[] = [];
    const projector = projectorOn({
      eventStore: events,
      readStore: read,
      streamsPerPage: 3,
      onBatch: (b) => {
        batches.push(b);
        checkpoints.push(b.checkpoint);
      },
    });
    expect(await projector.rebuild()).toEqual({ from: 0n, to: head, events: 63 });
    expect(batches.filter((b) => b.rebuildingUpTo !== undefined).map((b) => [b.clients, b.events])).toEqual([
      [3, 27],
      [3, 27],
      [1, 9],
    ]);
    expect(checkpoints).toEqual([0n, 0n, 0n, head]);
    expect(await read.checkpoint()).toBe(head);
    await expectExactlyOnce(read);

    const global = openRead('global.sqlite');
    await projectorOn({ eventStore: events, readStore: global, batchSize: 5, streamsPerPage: 0 }).rebuild();
    expect(dumpReadStore(join(dir, 'by-stream.sqlite'))).toEqual(dumpReadStore(join(dir, 'global.sqlite')));
  });

  it('continues in global order after the pass, applying later events once', async () => {
    await seed(events, CLIENTS, 3);
    const read = openRead('read.sqlite');
    const projector = projectorOn({ eventStore: events, readStore: read, streamsPerPage: 2, batchSize: 4 });
    await projector.catchUp();
    for (const id of ids.slice(0, 3)) await events.appendToStream(id, [makeEvent(id, 4)], { expectedVersion: 3n });
    const batches: BatchCommitted[] = [];
    const next = projectorOn({
      eventStore: events,
      readStore: read,
      streamsPerPage: 2,
      batchSize: 4,
      onBatch: (b) => batches.push(b),
    });
    expect((await next.catchUp()).events).toBe(3);
    expect(batches.every((b) => b.rebuildingUpTo === undefined)).toBe(true);
    await expectExactlyOnce(read);
  });

  it('stopped mid-way keeps checkpoint 0; the next run redoes the pass without applying anything twice', async () => {
    await seed(events, CLIENTS, 5);
    const head = await events.headPosition();
    const read = openRead('read.sqlite');
    const controller = new AbortController();
    const stopped = projectorOn({
      eventStore: events,
      readStore: read,
      streamsPerPage: 2,
      onBatch: () => controller.abort(),
    });
    expect(await stopped.catchUp(controller.signal)).toEqual({ from: 0n, to: 0n, events: 10 });
    expect(await read.checkpoint()).toBe(0n);
    expect((await read.getClients(ids)).size).toBe(2);

    expect(await projectorOn({ eventStore: events, readStore: read, streamsPerPage: 2 }).catchUp()).toEqual({
      from: 0n,
      to: head,
      events: 35,
    });
    await expectExactlyOnce(read);
  });

  it('projects in global order when the event store cannot list streams', async () => {
    await seed(events, CLIENTS, 4);
    // the same real store, with readStreams hidden (as on KurrentDB)
    const { readStreams: _hidden, ...rest } = Object.fromEntries(
      (
        [
          'appendToStream',
          'findIdempotentResult',
          'readStream',
          'readAll',
          'headPosition',
          'verifyStream',
          'verifyAll',
          'close',
        ] as const
      ).map((name) => [name, (events[name] as (...a: unknown[]) => unknown).bind(events)]),
    ) as unknown as EventStore;
    const read = openRead('read.sqlite');
    const batches: BatchCommitted[] = [];
    await projectorOn({ eventStore: rest, readStore: read, batchSize: 10, onBatch: (b) => batches.push(b) }).rebuild();
    expect(batches.map((b) => b.events)).toEqual([10, 10, 8]);
    expect(batches.every((b) => b.rebuildingUpTo === undefined)).toBe(true);
    await expectExactlyOnce(read);
  });
});
