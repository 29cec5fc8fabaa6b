import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../../libs/adapters/sqlite-event-store/index.js';
import { seed } from './events.fixture.js';
import { buildProjector, exitOf, killStragglers, startProjector } from './process-harness.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function get(port: number, path: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk) => { text += chunk; }).on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
      });
    }).once('error', reject).end();
  });
}

describe('projector process in follow mode', () => {
  let dir: string;
  let build: { main: string; outDir: string };
  const eventsPath = () => join(dir, 'events.sqlite');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'polku-projector-follow-'));
    build = await buildProjector();
  }, 180_000);
  afterEach(() => killStragglers());
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (build) rmSync(build.outDir, { recursive: true, force: true });
  });

  it('serves /health, follows new events and stops cleanly on SIGTERM', async () => {
    const events = SqliteEventStore.open(eventsPath());
    try {
      await seed(events, 20, 10);
      const head = await events.headPosition();
      const port = await freePort();
      const run = startProjector(build.main, ['follow'], {
        EVENT_STORE_PATH: eventsPath(), READ_STORE_PATH: join(dir, 'read.sqlite'),
        PROJECTOR_BATCH_SIZE: '50', PROJECTOR_PORT: String(port),
      });
      const atCheckpoint = (p: bigint) => (l: Record<string, unknown>) => l.msg === 'batch committed' && l.checkpoint === p.toString();

      await run.waitForLine((l) => l.msg === 'health listening', 'health listening');
      await run.waitForLine(atCheckpoint(head), `checkpoint ${head}`);
      expect(await get(port, '/health')).toEqual({
        status: 200, body: { status: 'ok', checkpoint: head.toString(), head: head.toString(), lag: 0 },
      });
      expect((await get(port, '/elsewhere')).status).toBe(404);

      // events appended while it follows are picked up without a restart
      await seed(events, 20, 2, { startAt: 11 });
      const newHead = await events.headPosition();
      await run.waitForLine(atCheckpoint(newHead), `checkpoint ${newHead}`);
      expect(run.lines.filter((l) => l.msg === 'batch committed').map((l) => l.events)).toEqual([50, 50, 50, 50, 40]);

      run.child.kill('SIGTERM');
      expect(await exitOf(run)).toEqual({ code: 0, signal: null });
      expect(run.lines.slice(-2)).toEqual([{ msg: 'stopping', signal: 'SIGTERM' }, { msg: 'stopped' }]);
    } finally {
      await events.close();
    }
  });

  it('refuses bad configuration, naming the variable', async () => {
    const bad = startProjector(build.main, ['catch-up'], { EVENT_STORE_PATH: eventsPath(), PROJECTOR_BATCH_SIZE: 'many' });
    expect(await exitOf(bad)).toEqual({ code: 2, signal: null });
    expect(JSON.parse(bad.stderr())).toMatchObject({
      msg: 'invalid configuration', variable: 'PROJECTOR_BATCH_SIZE', error: 'PROJECTOR_BATCH_SIZE: must be a whole number, got "many"',
    });

    const mode = startProjector(build.main, ['sideways'], { EVENT_STORE_PATH: eventsPath() });
    expect(await exitOf(mode)).toEqual({ code: 2, signal: null });
    expect(JSON.parse(mode.stderr())).toMatchObject({ variable: 'mode', error: expect.stringContaining('unknown mode "sideways"') });
  });
});
