import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../../libs/adapters/sqlite-event-store/index.js';
import { SqliteReadStore } from '../../../libs/adapters/sqlite-read-store/index.js';
import { seedDemo } from '../../../scripts/demo/seed.js';
import { Projector } from '../runtime/projector.js';
import { demoClients, dumpReadStore, firstSteps } from './demo.fixture.js';
import { makeEvent } from './events.fixture.js';
import { buildProjector, exitOf, killStragglers, startProjector } from './process-harness.js';
import { freePort } from '../../../libs/shared/testing/index.js';

/** GET on the health server, bounded: a request that hangs fails the test instead. */
function get(port: number, path: string, timeoutMs = 10_000): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', timeout: timeoutMs }, (res) => {
      let text = '';
      res
        .setEncoding('utf8')
        .on('data', (chunk) => {
          text += chunk;
        })
        .on('end', () => {
          try {
            const json = (res.headers['content-type'] ?? '').includes('json');
            resolve({ status: res.statusCode ?? 0, body: json ? JSON.parse(text) : text });
          } catch (error) {
            reject(error);
          }
        });
    });
    req.once('timeout', () => req.destroy(new Error(`GET ${path}: no response within ${timeoutMs} ms`)));
    req.once('error', reject).end();
  });
}

describe('projector process in follow mode', () => {
  let dir: string | undefined;
  let build: { main: string; outDir: string } | undefined;
  const eventsPath = () => join(dir!, 'events.sqlite');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'polku-projector-follow-'));
    build = await buildProjector();
  }, 180_000);
  afterEach(() => killStragglers());
  afterAll(async () => {
    await killStragglers();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (build) rmSync(build.outDir, { recursive: true, force: true });
  });

  it('serves /health, follows new events and stops cleanly on SIGTERM', async () => {
    const { main } = build!;
    // valid domain events (the demo paths via the API's command path): the real projection runs
    const clients = demoClients(21);
    const readPath = join(dir!, 'read.sqlite');
    const events = SqliteEventStore.open(eventsPath());
    try {
      await seedDemo(events, firstSteps(clients, 8)); // the paths so far
      const head = await events.headPosition();
      const port = await freePort();
      const run = startProjector(main, ['follow'], {
        EVENT_STORE_PATH: eventsPath(),
        READ_STORE_PATH: readPath,
        PROJECTOR_BATCH_SIZE: '50',
        PROJECTOR_PORT: String(port),
        PROJECTOR_STREAMS_PER_PAGE: '0',
        // idle polls of ten minutes: only the store's wake-up (WAL watch) lets it follow in time
        PROJECTOR_IDLE_POLL_MAX_MS: '600000',
      });
      const atCheckpoint = (p: bigint) => (l: Record<string, unknown>) =>
        l.msg === 'batch committed' && l.checkpoint === p.toString();
      const committed = () => run.lines.filter((l) => l.msg === 'batch committed');

      await run.waitForLine((l) => l.msg === 'health listening', 'health listening', 30_000);
      await run.waitForLine(atCheckpoint(head), `checkpoint ${head}`, 30_000);
      expect(await get(port, '/health')).toEqual({
        status: 200,
        body: { status: 'ok', checkpoint: head.toString(), head: head.toString(), lag: 0 },
      });
      expect((await get(port, '/elsewhere')).status).toBe(404);
      // the first catch-up: full batches of 50, then the rest
      const full = Math.floor(Number(head) / 50);
      expect(committed().map((l) => l.events)).toEqual([
        ...Array(full).fill(50),
        ...(Number(head) % 50 ? [Number(head) % 50] : []),
      ]);

      // the rest of the paths, appended while it follows, are picked up without a restart
      await seedDemo(events, clients); // already written steps replay by idempotency key
      const newHead = await events.headPosition();
      expect(newHead).toBeGreaterThan(head + 100n);
      await run.waitForLine(atCheckpoint(newHead), `checkpoint ${newHead}`, 30_000);
      // appends and polls interleave, so later batches may be short; none is lost or repeated
      const batches = committed();
      expect(batches.reduce((n, l) => n + (l.events as number), 0)).toBe(Number(newHead));
      expect(batches.every((l) => (l.events as number) >= 1 && (l.events as number) <= 50)).toBe(true);
      const checkpoints = batches.map((l) => BigInt(l.checkpoint as string));
      expect(checkpoints.every((c, i) => i === 0 || c > checkpoints[i - 1]!)).toBe(true);
      expect((await get(port, '/health')).body).toEqual({
        status: 'ok',
        checkpoint: newHead.toString(),
        head: newHead.toString(),
        lag: 0,
      });
      const metrics = String((await get(port, '/metrics')).body);
      expect(metrics).toContain(`polku_projector_checkpoint{service="projector"} ${newHead}`);
      expect(metrics).toContain('polku_projector_lag_events{service="projector"} 0');
      expect(metrics).toContain(`polku_projected_events_total{service="projector"} ${newHead}`);

      run.child.kill('SIGTERM');
      expect(await exitOf(run, 30_000)).toEqual({ code: 0, signal: null });
      expect(run.stderr()).toBe('');
      expect(run.lines.slice(-2)).toEqual([{ msg: 'stopping', signal: 'SIGTERM' }, { msg: 'stopped' }]);

      // what it projected while following equals an in-process rebuild with the same projection
      const rebuiltPath = join(dir!, 'read-rebuilt.sqlite');
      const rebuilt = SqliteReadStore.open(rebuiltPath);
      try {
        await new Projector({ eventStore: events, readStore: rebuilt, batchSize: 1000 }).rebuild();
      } finally {
        await rebuilt.close();
      }
      const followed = dumpReadStore(readPath);
      expect(followed.client_models).toHaveLength(clients.length);
      expect(followed).toEqual(dumpReadStore(rebuiltPath));
    } finally {
      await events.close();
    }
  }, 120_000);

  it('keeps retrying an event the projection cannot apply, reporting it on stderr and /health', async () => {
    const { main } = build!;
    const brokenPath = join(dir!, 'events-broken.sqlite');
    const events = SqliteEventStore.open(brokenPath);
    try {
      // not a valid ReferralMade (no `to`, no `serviceType`): the client-path projection throws
      const broken = { ...makeEvent('client-broken', 1), type: 'ReferralMade' as const };
      await events.appendToStream('client-broken', [broken], { expectedVersion: 'any' });
    } finally {
      await events.close();
    }
    const port = await freePort();
    const run = startProjector(main, ['follow'], {
      EVENT_STORE_PATH: brokenPath,
      READ_STORE_PATH: join(dir!, 'read-broken.sqlite'),
      PROJECTOR_PORT: String(port),
    });
    await run.waitForLine((l) => l.msg === 'health listening', 'health listening', 30_000);
    // the harness fails a wait at the first retry line instead of letting the test hang
    await expect(run.waitForLine((l) => l.msg === 'batch committed', 'batch committed', 30_000)).rejects.toThrow(
      /projector logged "projector error, retrying"/,
    );
    expect(run.failure()!.message).toMatch(/retrying": .+/);
    const health = await get(port, '/health');
    expect(health).toMatchObject({ status: 503, body: { status: 'degraded', checkpoint: '0', head: '1', lag: 1 } });
    expect((health.body as { error: string }).error).toBe(JSON.parse(run.stderr().split('\n')[0]!).error);
    await expect(exitOf(run, 30_000)).rejects.toBe(run.failure());
    // a process stuck retrying is still stopped by SIGTERM
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
  });

  it('refuses bad configuration, naming the variable', async () => {
    const { main } = build!;
    const bad = startProjector(main, ['catch-up'], { EVENT_STORE_PATH: eventsPath(), PROJECTOR_BATCH_SIZE: 'many' });
    expect(await exitOf(bad, 30_000)).toEqual({ code: 2, signal: null });
    expect(JSON.parse(bad.stderr())).toMatchObject({
      msg: 'invalid configuration',
      variable: 'PROJECTOR_BATCH_SIZE',
      error: 'Invalid configuration: PROJECTOR_BATCH_SIZE must be an integer from 1 to 100000, got "many"',
    });

    const mode = startProjector(main, ['sideways'], { EVENT_STORE_PATH: eventsPath() });
    expect(await exitOf(mode, 30_000)).toEqual({ code: 2, signal: null });
    expect(JSON.parse(mode.stderr())).toMatchObject({
      variable: 'mode',
      error: expect.stringContaining('unknown mode "sideways"'),
    });
  });
});
