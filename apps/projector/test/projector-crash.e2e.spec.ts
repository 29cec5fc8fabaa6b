import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../../libs/adapters/sqlite-event-store/index.js';
import { SqliteReadStore } from '../../../libs/adapters/sqlite-read-store/index.js';
import type { RecordedEvent } from '../../../libs/events/index.js';
import type { ClientReadModel } from '../../../libs/read-store/index.js';
import { applyEvents, replayPath, type TimelineEntry } from '../../../libs/projections/client-path/index.js';
import {
  demoClients,
  dumpReadStore,
  expectBusinessOrder,
  expectSameEvents,
  readStreams,
  seedDemoInterleaved,
} from './demo.fixture.js';
import { buildProjector, exitOf, expectCleanExit, killStragglers, startProjector } from './process-harness.js';

/**
 * The real projector process, running the real client-path projection over the demo service
 * paths of 168 clients (Central Finland, Pori and Turku, round robin) written through the
 * API's command path: killed mid catch-up, resumed, and compared with a clean rebuild.
 */
const CLIENTS = 168; // 56 of each path: 3,024 events (one per demo step)
const clients = demoClients(CLIENTS);
const ids = clients.map((c) => c.clientId);
/** JSON as stored: what a read-store round trip makes of a freshly computed value. */
const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value));
/** A model as getClients gives it back: the directory's organisations are written, not read back. */
const asStoredModel = ({ organisations: _, ...m }: ClientReadModel) =>
  asStored({ ...m, lastPosition: m.lastPosition.toString() });

describe('projector process killed mid catch-up', () => {
  let dir: string | undefined;
  let build: { main: string; outDir: string } | undefined;
  let head: bigint;
  let streams: Map<string, RecordedEvent[]>;
  const eventsPath = () => join(dir!, 'events.sqlite');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'polku-projector-e2e-'));
    build = await buildProjector();
    const events = SqliteEventStore.open(eventsPath());
    try {
      // a few steps of every path per round: each client's events spread over many batches
      await seedDemoInterleaved(events, clients, 5);
      head = await events.headPosition();
      streams = await readStreams(events, ids);
    } finally {
      await events.close();
    }
  }, 180_000);

  afterEach(() => killStragglers());

  afterAll(async () => {
    await killStragglers();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (build) rmSync(build.outDir, { recursive: true, force: true });
  });

  it('resumes from its last committed batch and ends identical to a clean rebuild', async () => {
    const { main } = build!;
    expect(head).toBeGreaterThanOrEqual(3000n);
    expect([...streams.values()].reduce((n, s) => n + s.length, 0)).toBe(Number(head));

    // 1. follow mode on a fresh read store; SIGKILL right after the 3rd committed batch
    const crashedPath = join(dir!, 'read-crashed.sqlite');
    // global order even from 0 (PROJECTOR_STREAMS_PER_PAGE=0): the next test kills a stream-by-stream pass
    const env = {
      EVENT_STORE_PATH: eventsPath(),
      READ_STORE_PATH: crashedPath,
      PROJECTOR_BATCH_SIZE: '25',
      PROJECTOR_PORT: '0',
      PROJECTOR_STREAMS_PER_PAGE: '0',
    };
    let committed = 0;
    const crashedRun = startProjector(main, [], env, (line, child) => {
      if (line.msg === 'batch committed' && ++committed === 3) child.kill('SIGKILL');
    });
    const third = await crashedRun.waitForLine(() => committed >= 3, '3rd batch committed', 60_000);
    expect(await exitOf(crashedRun, 30_000)).toEqual({ code: null, signal: 'SIGKILL' });

    // 2. what survived is whole batches only: every model is its stream cut at the checkpoint
    const crashed = SqliteReadStore.open(crashedPath);
    let checkpoint: bigint;
    try {
      checkpoint = await crashed.checkpoint();
      expect(checkpoint).toBeGreaterThanOrEqual(BigInt(third.checkpoint as string));
      expect(checkpoint).toBeGreaterThan(0n);
      expect(checkpoint).toBeLessThan(head); // died mid catch-up
      const partial = await crashed.getClients(ids);
      let touched = 0;
      for (const id of ids) {
        const upTo = streams.get(id)!.filter((e) => e.globalPosition <= checkpoint);
        const model = partial.get(id);
        if (upTo.length === 0) {
          expect(model).toBeUndefined();
          continue;
        }
        touched += 1;
        expect(model).toBeDefined();
        expect(model!.lastPosition).toBe(upTo.at(-1)!.globalPosition);
        expectSameEvents(model!.path.timeline as TimelineEntry[], upTo);
        // equal to projecting exactly that prefix in one go: path, state and rows
        expect(asStoredModel(model!)).toEqual(asStoredModel(applyEvents(undefined, upTo)));
      }
      expect(touched).toBeGreaterThan(1); // batches span clients
    } finally {
      await crashed.close();
    }

    // 3. restart in catch-up mode: continues from the stored checkpoint to the head
    const resumedRun = startProjector(main, ['catch-up'], env);
    await expectCleanExit(resumedRun, 60_000);
    expect(resumedRun.lines.find((l) => l.msg === 'catch-up done')).toEqual({
      msg: 'catch-up done',
      from: checkpoint.toString(),
      to: head.toString(),
      events: Number(head - checkpoint),
    });

    // 4. a clean rebuild into a second file, default batch size, models kept in memory across
    //    batches and committed every 3 batches
    const rebuiltPath = join(dir!, 'read-rebuilt.sqlite');
    const rebuildRun = startProjector(main, ['rebuild'], {
      ...env,
      READ_STORE_PATH: rebuiltPath,
      PROJECTOR_BATCH_SIZE: '',
      PROJECTOR_COMMIT_EVERY_BATCHES: '3',
      PROJECTOR_STREAMS_PER_PAGE: '0',
    });
    await expectCleanExit(rebuildRun, 60_000);
    expect(rebuildRun.lines.find((l) => l.msg === 'rebuild done')).toMatchObject({
      from: '0',
      to: head.toString(),
      events: Number(head),
    });
    const rebuildCommits = rebuildRun.lines.filter((l) => l.msg === 'batch committed');
    expect(rebuildCommits).toHaveLength(Math.ceil(Math.ceil(Number(head) / 500) / 3)); // not one per batch

    // 5. both read stores hold identical models and checkpoints
    const resumedStore = SqliteReadStore.open(crashedPath);
    const rebuiltStore = SqliteReadStore.open(rebuiltPath);
    try {
      expect(await resumedStore.checkpoint()).toBe(head);
      expect(await rebuiltStore.checkpoint()).toBe(head);
      const resumedModels = await resumedStore.getClients(ids);
      expect(resumedModels.size).toBe(CLIENTS);
      expect(await rebuiltStore.getClients(ids)).toEqual(resumedModels); // path, state, lastPosition, rows
      for (const id of ids) {
        const stream = streams.get(id)!;
        const resumed = await resumedStore.clientPath(id);
        expect(resumed).not.toBeNull();
        expect(resumed).toEqual(await rebuiltStore.clientPath(id));
        expect(resumed!.lastPosition).toBe(stream.at(-1)!.globalPosition);
        const timeline = resumed!.path.timeline as TimelineEntry[];
        // the timeline is every event of the stream, once, in business order (not stream order)
        expectSameEvents(timeline, stream);
        expectBusinessOrder(timeline);
        // and what the projection computes in-process from the whole stream
        expect(resumed!.path).toEqual(asStored(replayPath(id, stream)));
      }
    } finally {
      await resumedStore.close();
      await rebuiltStore.close();
    }
    // byte-for-byte too, every table: the projection is deterministic
    const resumedDump = dumpReadStore(crashedPath);
    expect(resumedDump.client_models).toHaveLength(CLIENTS);
    for (const rows of ['caseload', 'deadlines', 'outcomes', 'compensation'] as const) {
      expect(resumedDump[rows].length).toBeGreaterThan(0); // the demo paths reach every derived row set
    }
    expect(resumedDump).toEqual(dumpReadStore(rebuiltPath));
  }, 240_000);

  it('killed mid stream-by-stream pass: the next run redoes it and ends identical to a global-order rebuild', async () => {
    const { main } = build!;
    const env = {
      EVENT_STORE_PATH: eventsPath(),
      READ_STORE_PATH: join(dir!, 'read-by-stream.sqlite'),
      PROJECTOR_PORT: '0',
      PROJECTOR_STREAMS_PER_PAGE: '20',
    };
    let pages = 0;
    const killed = startProjector(main, ['follow'], env, (line, child) => {
      if (line.msg === 'streams committed' && ++pages === 2) child.kill('SIGKILL');
    });
    await killed.waitForLine(() => pages >= 2, '2nd page committed', 60_000);
    expect(await exitOf(killed, 30_000)).toEqual({ code: null, signal: 'SIGKILL' });
    const partial = SqliteReadStore.open(env.READ_STORE_PATH);
    try {
      expect(await partial.checkpoint()).toBe(0n); // pages never move the checkpoint
      const stored = await partial.getClients(ids);
      expect(stored.size).toBeGreaterThanOrEqual(40); // two pages of 20 streams, maybe a third
      expect(stored.size).toBeLessThan(CLIENTS);
      for (const [id, model] of stored) expect(model.lastPosition).toBe(streams.get(id)!.at(-1)!.globalPosition); // whole streams
    } finally {
      await partial.close();
    }

    const resumed = startProjector(main, ['catch-up'], env);
    await expectCleanExit(resumed, 60_000);
    expect(resumed.lines.find((l) => l.msg === 'catch-up done')).toEqual({
      msg: 'catch-up done',
      from: '0',
      to: head.toString(),
      events: Number(head),
    });
    const pageLines = resumed.lines.filter((l) => l.msg === 'streams committed');
    expect(pageLines).toHaveLength(Math.ceil(CLIENTS / 20));
    expect(pageLines.every((l) => l.foldedInWorker === true)).toBe(true); // the process's default
    expect(pageLines.reduce((n, l) => n + (l.events as number), 0)).toBe(Number(head));
    // same bytes as the global-order rebuild of the previous test (its file is still there)
    expect(dumpReadStore(env.READ_STORE_PATH)).toEqual(dumpReadStore(join(dir!, 'read-rebuilt.sqlite')));
  }, 120_000);
});
