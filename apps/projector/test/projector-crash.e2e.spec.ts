import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../../libs/adapters/sqlite-event-store/index.js';
import { SqliteReadStore } from '../../../libs/adapters/sqlite-read-store/index.js';
import type { TimelineEntry } from '../projections/client-read-model.js';
import { clientIdOf, seed } from './events.fixture.js';
import { buildProjector, exitOf, startProjector } from './process-harness.js';

const CLIENTS = 100;
const ROUNDS = 10; // x3 events per append = 3000 events
const ids = Array.from({ length: CLIENTS }, (_, i) => clientIdOf(i));

/** client_id, last_position and path text of every model, as stored. */
function dumpModels(path: string): { client_id: string; last_position: bigint; path: string }[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT client_id, last_position, path FROM client_models ORDER BY client_id').safeIntegers(true).all() as never;
  } finally {
    db.close();
  }
}

describe('projector process killed mid catch-up', () => {
  let dir: string;
  let build: { main: string; outDir: string };
  const eventsPath = () => join(dir, 'events.sqlite');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'polku-projector-e2e-'));
    build = await buildProjector();
    const events = SqliteEventStore.open(eventsPath());
    try {
      await seed(events, CLIENTS, ROUNDS, { perAppend: 3 });
    } finally {
      await events.close();
    }
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (build) rmSync(build.outDir, { recursive: true, force: true });
  });

  it('resumes from its last committed batch and ends identical to a clean rebuild', async () => {
    const events = SqliteEventStore.open(eventsPath());
    const head = await events.headPosition();
    const streams = new Map<string, { id: string; position: bigint }[]>();
    for (const id of ids) {
      streams.set(id, (await events.readStream(id)).events.map((e) => ({ id: e.eventId, position: e.globalPosition })));
    }
    await events.close();
    expect(head).toBe(3000n);

    // 1. follow mode on a fresh read store; SIGKILL right after the 3rd committed batch
    const crashedPath = join(dir, 'read-crashed.sqlite');
    const env = { EVENT_STORE_PATH: eventsPath(), READ_STORE_PATH: crashedPath, PROJECTOR_BATCH_SIZE: '25', PROJECTOR_PORT: '0' };
    let committed = 0;
    const first = startProjector(build.main, [], env, (line, child) => {
      if (line.msg === 'batch committed' && ++committed === 3) child.kill('SIGKILL');
    });
    const third = await first.waitForLine(() => committed >= 3, '3rd batch committed');
    expect(await exitOf(first)).toEqual({ code: null, signal: 'SIGKILL' });

    // 2. what survived is whole batches only: every model is its stream cut at the checkpoint
    const crashed = SqliteReadStore.open(crashedPath);
    const checkpoint = await crashed.checkpoint();
    expect(checkpoint).toBeGreaterThanOrEqual(BigInt(third.checkpoint as string));
    expect(checkpoint).toBeGreaterThan(0n);
    expect(checkpoint).toBeLessThan(head); // died mid catch-up
    const partial = await crashed.getClients(ids);
    for (const id of ids) {
      const expected = streams.get(id)!.filter((e) => e.position <= checkpoint);
      const timeline = (partial.get(id)?.path.timeline ?? []) as TimelineEntry[];
      expect(timeline.map((t) => t.eventId)).toEqual(expected.map((e) => e.id));
    }
    await crashed.close();

    // 3. restart in catch-up mode: continues from the stored checkpoint to the head
    const second = startProjector(build.main, ['catch-up'], env);
    expect(await exitOf(second)).toEqual({ code: 0, signal: null });
    expect(second.lines.find((l) => l.msg === 'catch-up done')).toEqual({
      msg: 'catch-up done', from: checkpoint.toString(), to: head.toString(), events: Number(head - checkpoint),
    });

    // 4. a clean rebuild into a second file, default batch size
    const rebuiltPath = join(dir, 'read-rebuilt.sqlite');
    const third2 = startProjector(build.main, ['rebuild'], { ...env, READ_STORE_PATH: rebuiltPath, PROJECTOR_BATCH_SIZE: '' });
    expect(await exitOf(third2)).toEqual({ code: 0, signal: null });
    expect(third2.lines.find((l) => l.msg === 'rebuild done')).toMatchObject({ from: '0', to: head.toString(), events: 3000 });

    // 5. both read stores hold identical models and checkpoints
    const resumedStore = SqliteReadStore.open(crashedPath);
    const rebuiltStore = SqliteReadStore.open(rebuiltPath);
    try {
      expect(await resumedStore.checkpoint()).toBe(head);
      expect(await rebuiltStore.checkpoint()).toBe(head);
      for (const id of ids) {
        const resumed = await resumedStore.clientPath(id);
        expect(resumed).not.toBeNull();
        expect(resumed).toEqual(await rebuiltStore.clientPath(id));
        const timeline = resumed!.path.timeline as TimelineEntry[];
        expect(timeline.map((t) => t.eventId)).toEqual(streams.get(id)!.map((e) => e.id));
        expect(resumed!.lastPosition).toBe(streams.get(id)!.at(-1)!.position);
      }
    } finally {
      await resumedStore.close();
      await rebuiltStore.close();
    }
    // byte-for-byte too: the projection is deterministic
    const resumedRows = dumpModels(crashedPath);
    expect(resumedRows).toHaveLength(CLIENTS);
    expect(resumedRows).toEqual(dumpModels(rebuiltPath));
  }, 240_000);
});
