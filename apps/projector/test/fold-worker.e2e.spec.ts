import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../../libs/adapters/sqlite-event-store/index.js';
import { SqliteKeyStore } from '../../../libs/adapters/sqlite-key-store/index.js';
import { ProtectedEventStore } from '../../../libs/event-store/protection/index.js';
import { SqliteReadStore } from '../../../libs/adapters/sqlite-read-store/index.js';
import { demoClients, demoClientId, dumpReadStore, seedDemoInterleaved } from './demo.fixture.js';
import { buildProjector, exitOf, expectCleanExit, killStragglers, startProjector } from './process-harness.js';

/**
 * The projector process projecting from checkpoint 0 stream by stream with its fold worker
 * (a worker thread reading and folding pages while the main thread writes them): the result
 * must be byte-identical to folding on the main thread, and a failure inside the worker must
 * fail the pass without moving the checkpoint.
 */
const CLIENTS = 45;

describe('projector fold worker', () => {
  let dir: string | undefined;
  let build: { main: string; outDir: string } | undefined;
  let head: bigint;
  const eventsPath = () => join(dir!, 'events.sqlite');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'polku-fold-worker-'));
    build = await buildProjector();
    // through the keys, as the API writes: personal fields encrypted, every client a key to seal with
    const keys = SqliteKeyStore.open(join(dir, 'keys.sqlite'));
    const events = new ProtectedEventStore(SqliteEventStore.open(eventsPath()), keys);
    try {
      await seedDemoInterleaved(events, demoClients(CLIENTS), 6);
      head = await events.headPosition();
    } finally {
      await events.close();
      await keys.close();
    }
  }, 180_000);

  afterEach(() => killStragglers());

  afterAll(async () => {
    await killStragglers();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (build) rmSync(build.outDir, { recursive: true, force: true });
  });

  const envFor = (readStore: string, extra: Record<string, string> = {}) => ({
    EVENT_STORE_PATH: eventsPath(),
    READ_STORE_PATH: join(dir!, readStore),
    KEY_STORE_PATH: join(dir!, 'keys.sqlite'),
    PROJECTOR_PORT: '0',
    PROJECTOR_STREAMS_PER_PAGE: '7',
    ...extra,
  });

  it('writes the same read store as folding on the main thread', async () => {
    const inWorker = startProjector(build!.main, ['rebuild'], envFor('read-worker.sqlite'));
    await expectCleanExit(inWorker, 90_000);
    const onMain = startProjector(
      build!.main,
      ['rebuild'],
      envFor('read-main.sqlite', { PROJECTOR_FOLD_WORKER: 'off' }),
    );
    await expectCleanExit(onMain, 90_000);

    for (const [run, worker] of [
      [inWorker, true],
      [onMain, false],
    ] as const) {
      const pages = run.lines.filter((l) => l.msg === 'streams committed');
      expect(pages).toHaveLength(Math.ceil(CLIENTS / 7));
      expect(pages.every((l) => l.foldedInWorker === worker)).toBe(true);
      expect(pages.reduce((n, l) => n + (l.events as number), 0)).toBe(Number(head));
      expect(run.lines.find((l) => l.msg === 'rebuild done')).toMatchObject({
        from: '0',
        to: head.toString(),
        events: Number(head),
      });
    }
    const dump = dumpReadStore(join(dir!, 'read-worker.sqlite'));
    expect(dump.client_models).toHaveLength(CLIENTS);
    // the worker sealed every decision state, with the same seals as the main thread (below)
    const states = (dump.client_models as { state: string }[]).map((row) => JSON.parse(row.state));
    expect(states.every((state) => typeof state.domainSeal === 'string')).toBe(true);
    expect(dump).toEqual(dumpReadStore(join(dir!, 'read-main.sqlite')));
  }, 200_000);

  it('fails the pass when the worker cannot read a stream, leaving the checkpoint at 0', async () => {
    // a client whose personal field holds an encrypted value but whose key is missing: the
    // worker's protected store refuses to read it (last in id order, so earlier pages commit)
    copyFileSync(eventsPath(), join(dir!, 'events-broken.sqlite'));
    const broken = SqliteEventStore.open(join(dir!, 'events-broken.sqlite'));
    const clientId = 'client-zzzz';
    try {
      const first = (await broken.readStream(demoClientId(0))).events[0];
      const { streamVersion: _v, globalPosition: _p, ...event } = first;
      await broken.appendToStream(
        clientId,
        [
          {
            ...event,
            eventId: randomUUID(),
            clientId,
            data: {
              ...(event.data as Record<string, unknown>),
              fullName: 'enc:v1:s:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
            },
          },
        ],
        { expectedVersion: 0n },
      );
    } finally {
      await broken.close();
    }

    const env = envFor('read-broken.sqlite', { EVENT_STORE_PATH: join(dir!, 'events-broken.sqlite') });
    const run = startProjector(build!.main, ['catch-up'], env);
    expect((await exitOf(run, 90_000)).code).toBe(1);
    expect(run.stderr()).toMatch(/fold worker: ClientKeyMissingError/);
    expect(run.stderr()).toContain(clientId);
    expect(run.lines.filter((l) => l.msg === 'streams committed').length).toBeGreaterThan(0);

    const read = SqliteReadStore.open(env.READ_STORE_PATH);
    try {
      expect(await read.checkpoint()).toBe(0n); // the next run redoes the pass
      expect((await read.getClients([clientId])).size).toBe(0);
    } finally {
      await read.close();
    }
  }, 120_000);
});
