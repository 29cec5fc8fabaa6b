import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresBinDir, ThrowawayPostgres } from '../libs/adapters/postgres-common/testing/throwaway-postgres.js';
import { freePort } from '../libs/shared/testing/index.js';
import { eventually } from '../libs/adapters/kafka-bus/testing/index.js';
import { mintToken } from '../libs/auth/token-minter.js';
import {
  buildEntries,
  killStragglers,
  startProjector,
  type RunningProjector,
} from '../apps/projector/test/process-harness.js';
import { testEnvironment } from '../libs/config/index.js';

/**
 * The API and the projector as real processes on a PostgreSQL server of this test's own,
 * which is stopped and started again (never the shared server other tests use): started
 * before the database, they wait for it; while it is down, commands and reads answer 503
 * with Retry-After and /health says degraded; when it returns, everything resumes by
 * itself. Once during writes, once during a projector catch-up.
 */
const bin = postgresBinDir();
if (!bin && testEnvironment().ci)
  throw new Error('PostgreSQL binaries are required in CI (scripts/ci/postgres.sh installs them)');
const suite = bin ? describe : describe.skip;
const SECRET = 'postgres-restart-e2e-secret-0123456789abcdef';
const officer = {
  personId: 'p-restart',
  displayName: 'Restart Officer',
  organisationId: 'te-keski-suomi',
  organisationType: 'employment_authority',
  role: 'officer',
} as const;

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

suite('a PostgreSQL restart under load', () => {
  let pg: ThrowawayPostgres | undefined;
  let build: { main: string; outDir: string } | undefined;
  let dataDir: string;
  let apiPort: number;
  let projectorPort: number;
  let token: string;
  let api: RunningProjector;
  const processes: RunningProjector[] = [];

  const env = () => ({
    NODE_ENV: 'test',
    EVENT_STORE: 'postgres',
    READ_STORE: 'postgres',
    DATABASE_URL: pg!.url,
    DATA_DIR: dataDir,
    JWT_SECRET: SECRET,
    PORT: String(apiPort),
    PROJECTOR_PORT: String(projectorPort),
    LOG_LEVEL: 'warn',
    // global order in small batches: a catch-up spans many batches
    PROJECTOR_BATCH_SIZE: '10',
    PROJECTOR_STREAMS_PER_PAGE: '0',
    PROJECTOR_FOLD_WORKER: '0',
    PROJECTOR_IDLE_POLL_MAX_MS: '200',
  });
  const start = (entry: string, args: string[] = []) => {
    const running = startProjector(join(build!.outDir, entry), args, env());
    processes.push(running);
    return running;
  };
  const output = (p: RunningProjector) => `${JSON.stringify(p.lines)}\n${p.stderr()}`;
  const expectAlive = (p: RunningProjector) =>
    expect({ exitCode: p.child.exitCode, signal: p.child.signalCode }).toEqual({ exitCode: null, signal: null });

  async function call(port: number, method: string, path: string, body?: unknown): Promise<Answer> {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'x-purpose': 'service planning',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { text };
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }
  const register = (n: number) =>
    call(apiPort, 'POST', '/clients', {
      fullName: `Katkos Testi ${n}`,
      birthDate: '1980-02-03',
      municipality: 'Jyväskylä',
    });
  const health = (port: number) => call(port, 'GET', '/health').catch(() => undefined);
  const projectorAt = async (head: string) => {
    const h = await health(projectorPort);
    return h?.status === 200 && h.body.status === 'ok' && h.body.checkpoint === head ? h : undefined;
  };
  const apiHead = async () => (await call(apiPort, 'GET', '/health')).body as { eventStore: { head: string } };

  function expectUnavailable(answer: Answer) {
    expect({
      status: answer.status,
      type: answer.headers.get('content-type'),
      retryAfter: answer.headers.get('retry-after'),
    }).toEqual({
      status: 503,
      type: expect.stringContaining('application/problem+json'),
      retryAfter: expect.stringMatching(/^\d+$/),
    });
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'polku-pg-restart-'));
    [apiPort, projectorPort] = [await freePort(), await freePort()];
    token = await mintToken(officer, SECRET, 'polku-dev', 'polku');
    build = await buildEntries(['apps/api/main.ts', 'apps/projector/main.ts']);
    pg = await ThrowawayPostgres.create(bin!);
  }, 240_000);

  afterAll(async () => {
    await killStragglers();
    pg?.destroy();
    if (build) rmSync(build.outDir, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('processes started before the database wait for it instead of exiting', async () => {
    api = start('apps/api/main.js');
    const projector = start('apps/projector/main.js', ['follow']);
    // both say they are waiting (the database is not started yet), and stay up
    await eventually('the API waiting for its stores', async () =>
      /unavailable/.test(output(api)) ? true : undefined,
    );
    await eventually('the projector waiting for its stores', async () =>
      /stores unavailable, retrying/.test(output(projector)) ? true : undefined,
    );
    expectAlive(api);
    expectAlive(projector);
    pg!.start();
    const up = await eventually(
      'API health once the database is there',
      async () => {
        const h = await health(apiPort);
        return h?.status === 200 ? h : undefined;
      },
      60_000,
    );
    expect(up.body.status).toBe('ok');
    await eventually('projector health', () => projectorAt('0'), 60_000);
  }, 120_000);

  it('answers 503 with Retry-After while the database is down during writes, then resumes by itself', async () => {
    const created: string[] = [];
    const statuses = new Map<number, number>();
    let writing = true;
    let n = 0;
    const writer = async () => {
      while (writing) {
        const answer = await register(n++).catch(() => undefined);
        if (!answer) continue;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status === 201) created.push(String(answer.body.clientId));
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    await eventually('some writes', async () => (created.length >= 20 ? true : undefined));
    const known = created[0];

    pg!.stop(); // during the writes: connections in use and in transactions are cut
    const refused = await eventually('a command answered 503', async () => {
      const answer = await register(-1);
      return answer.status === 503 ? answer : undefined;
    });
    expectUnavailable(refused);
    expectUnavailable(await call(apiPort, 'GET', `/clients/${known}/path`));
    const degraded = await call(apiPort, 'GET', '/health');
    expect({ status: degraded.status, body: degraded.body.status }).toEqual({ status: 503, body: 'degraded' });
    await eventually('the projector health degraded', async () => {
      const h = await health(projectorPort);
      return h?.status === 503 && h.body.status === 'degraded' ? true : undefined;
    });
    expectAlive(api);
    expectAlive(processes[1]);

    const before = created.length;
    pg!.start();
    await eventually('writes succeeding again', async () => (created.length > before + 10 ? true : undefined), 60_000);
    writing = false;
    await Promise.all(writers);

    // no write failed any other way than "retry later"
    expect({
      statuses: [...statuses.keys()].sort(),
      errors: api.lines.filter((l) => l.level === 50 || l.level === 'error'),
    }).toEqual({ statuses: [201, 503], errors: [] });
    expectAlive(api);
    expectAlive(processes[1]);
    // every acknowledged write is durable and gets projected
    const {
      eventStore: { head },
    } = await apiHead();
    await eventually('the projector at the head', () => projectorAt(head), 60_000);
    for (const id of [known, created.at(-1)!])
      expect((await call(apiPort, 'GET', `/clients/${id}/path`)).status).toBe(200);
  }, 180_000);

  it('a projector catching up across a restart reaches the head by itself', async () => {
    const first = processes[1];
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    const backlog: string[] = [];
    for (let i = 0; i < 300; i++) {
      const answer = await register(10_000 + i);
      expect(answer.status).toBe(201);
      backlog.push(String(answer.body.clientId));
    }
    const {
      eventStore: { head },
    } = await apiHead();

    const projector = start('apps/projector/main.js', ['follow']);
    await eventually(
      'a first batch committed',
      async () => (projector.lines.some((l) => l.msg === 'batch committed') ? true : undefined),
      60_000,
    );
    pg!.stop();
    await eventually('the projector health degraded', async () => {
      const h = await health(projectorPort);
      return h?.status === 503 && h.body.status === 'degraded' ? true : undefined;
    });
    expectAlive(projector);
    pg!.start();
    await eventually('the projector at the head', () => projectorAt(head), 120_000);
    expectAlive(projector);
    expectAlive(api);
    expect((await call(apiPort, 'GET', `/clients/${backlog.at(-1)}/path`)).status).toBe(200);

    projector.child.kill('SIGTERM');
    api.child.kill('SIGTERM');
    expect(await projector.exited).toEqual({ code: 0, signal: null });
    // Nest's shutdown hooks close the app, then end the process with the signal it received
    expect([
      { code: 0, signal: null },
      { code: null, signal: 'SIGTERM' },
    ]).toContainEqual(await api.exited);
  }, 240_000);
});
