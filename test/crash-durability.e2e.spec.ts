import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SchemaJanitor } from '../libs/adapters/postgres-common/index.js';
import { eventually } from '../libs/adapters/kafka-bus/testing/index.js';
import { mintToken } from '../libs/auth/token-minter.js';
import { testEnvironment } from '../libs/config/index.js';
import { freePort } from '../libs/shared/testing/index.js';
import {
  buildEntries,
  killStragglers,
  startProjector as startProcess,
  type RunningProjector,
} from '../apps/projector/test/process-harness.js';
import { PRINCIPALS } from './support/principals.js';

/**
 * "A 2xx means the events are durable": the compiled API as a real process under a load of
 * registrations and audited reads, killed with SIGKILL mid-load, then started again on the
 * same stores. Every registration it acknowledged is there (a retry with the same
 * Idempotency-Key is a replay, not a second registration), every one it left unanswered is
 * there at most once, the hash chains hold, and every read it answered has its usage entry
 * (law 703/2023: logged before the data leaves). The group commits of the event store and the
 * usage log answer only after their transactions commit; this is the test that would catch
 * an answer sent before. (A kill keeps what reached the kernel; the fsync for a power cut is
 * `synchronous=FULL`, checked where the stores are opened.)
 */
const SECRET = 'crash-durability-e2e-secret-0123456789abcdef';
const WRITERS = 8;
const READERS = 2;
const url = testEnvironment().databaseUrl;
if (!url && testEnvironment().ci) throw new Error('DATABASE_URL is required in CI');

interface Answer {
  status: number;
  body: Record<string, unknown>;
}
interface Registered {
  clientId: string;
  streamVersion: string;
  replayed: boolean;
}

const stores: [string, boolean][] = [
  ['SQLite files (the default)', true],
  ['PostgreSQL (EVENT_STORE=postgres, READ_STORE=postgres)', Boolean(url)],
];

describe.each(stores)('an API process killed mid-load: %s', (title, available) => {
  const suite = available ? it : it.skip;
  let build: { outDir: string } | undefined;
  let dataDir: string;
  let janitor: SchemaJanitor | undefined;
  let env: Record<string, string>;
  let port: number;
  let officer: string;
  let auditor: string;

  beforeAll(async () => {
    if (!available) return;
    build = await buildEntries(['apps/api/main.ts']);
    dataDir = mkdtempSync(join(tmpdir(), 'polku-crash-'));
    port = await freePort();
    officer = await mintToken(PRINCIPALS.employmentOfficer, SECRET, 'polku-dev', 'polku');
    auditor = await mintToken(PRINCIPALS.auditor, SECRET, 'polku-dev', 'polku');
    env = { NODE_ENV: 'test', DATA_DIR: dataDir, JWT_SECRET: SECRET, PORT: String(port), LOG_LEVEL: 'warn' };
    if (title.startsWith('PostgreSQL')) {
      janitor = new SchemaJanitor(url!);
      Object.assign(env, {
        EVENT_STORE: 'postgres',
        READ_STORE: 'postgres',
        DATABASE_URL: url!,
        DATABASE_SCHEMA: janitor.name('crash'),
      });
    }
  }, 240_000);

  afterAll(async () => {
    await killStragglers();
    await janitor?.dropAll();
    if (build) rmSync(build.outDir, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function call(token: string, method: string, path: string, headers: Record<string, string>, body?: unknown) {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> } satisfies Answer;
  }
  const registration = (key: string) => ({
    fullName: `Kaatuminen ${key}`,
    birthDate: '1984-05-06',
    municipality: 'Jyväskylä',
  });
  const register = (key: string) =>
    call(officer, 'POST', '/clients', { 'Idempotency-Key': key, 'X-Purpose': 'service planning' }, registration(key));
  const audit = (path: string, correlationId?: string) =>
    call(auditor, 'GET', path, {
      'X-Purpose': 'audit',
      ...(correlationId ? { 'X-Correlation-Id': correlationId } : {}),
    });

  async function startApi(): Promise<RunningProjector> {
    const api = startProcess(join(build!.outDir, 'apps/api/main.js'), [], env);
    await eventually(
      'the API answering /health',
      async () => {
        if (api.child.exitCode !== null) throw new Error(`the API exited: ${api.stderr()}`);
        const res = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
        return res?.status === 200 ? true : undefined;
      },
      60_000,
    );
    return api;
  }

  suite('keeps every acknowledged registration and usage entry, and nothing twice', async () => {
    const api = await startApi();
    const sent: string[] = [];
    const acknowledged = new Map<string, Registered>();
    const readsAnswered: { clientId: string; correlationId: string }[] = [];
    const unexpected: string[] = [];
    let loading = true;

    const writer = async (w: number) => {
      for (let i = 0; loading; i++) {
        const key = `crash-${w}-${i}`;
        sent.push(key);
        const answer = await register(key).catch(() => undefined); // the kill cuts the connection
        if (!answer) continue;
        if (answer.status === 201) acknowledged.set(key, answer.body as unknown as Registered);
        else unexpected.push(`register ${key}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    };
    const reader = async (r: number) => {
      for (let j = 0; loading; j++) {
        const ids = [...acknowledged.values()];
        if (ids.length === 0) {
          await sleep(5);
          continue;
        }
        const clientId = ids[(j * 7919) % ids.length]!.clientId;
        const correlationId = `crash-read-${r}-${j}`;
        const answer = await audit(`/audit/clients/${clientId}/events`, correlationId).catch(() => undefined);
        if (!answer) continue;
        if (answer.status === 200) readsAnswered.push({ clientId, correlationId });
        else unexpected.push(`read ${clientId}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    };
    const load = Promise.all([
      ...Array.from({ length: WRITERS }, (_, w) => writer(w)),
      ...Array.from({ length: READERS }, (_, r) => reader(r)),
    ]);
    await eventually(
      'registrations and reads acknowledged under load',
      async () => (acknowledged.size >= 150 && readsAnswered.length >= 30 ? true : undefined),
      60_000,
    );
    // requests still in the air when the process dies: some committed, some not
    loading = false;
    api.child.kill('SIGKILL');
    expect(await api.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await load;
    expect(unexpected).toEqual([]);
    const unanswered = sent.filter((key) => !acknowledged.has(key));

    await startApi();

    // every acknowledged registration was committed: its retry is a replay with the same answer
    const notReplayed: string[] = [];
    for (const [key, first] of acknowledged) {
      const retry = await register(key);
      if (retry.status !== 201 || JSON.stringify(retry.body) !== JSON.stringify({ ...first, replayed: true }))
        notReplayed.push(`${key}: ${retry.status} ${JSON.stringify(retry.body)}`);
    }
    expect(notReplayed).toEqual([]);

    // an unanswered one may or may not have been committed; its retry settles it, once
    const oneVersion = [...acknowledged.values()][0]!.streamVersion;
    const settled: string[] = [];
    const clientOf = new Map([...acknowledged].map(([key, first]) => [key, first.clientId]));
    for (const key of unanswered) {
      const retry = await register(key);
      clientOf.set(key, String(retry.body.clientId));
      if (retry.status !== 201 || retry.body.streamVersion !== oneVersion)
        settled.push(`${key}: ${retry.status} ${JSON.stringify(retry.body)}`);
    }
    expect(settled).toEqual([]);

    // each client's history holds its registration exactly once
    const histories: string[] = [];
    for (const key of sent) {
      const history = await audit(`/audit/clients/${clientOf.get(key)}/events`);
      const events = history.body.events as { data: { fullName?: string } }[] | undefined;
      if (
        history.status !== 200 ||
        events?.length !== Number(oneVersion) ||
        events[0]?.data.fullName !== registration(key).fullName
      )
        histories.push(`${key}: ${history.status} ${JSON.stringify(history.body).slice(0, 300)}`);
    }
    expect(histories).toEqual([]);

    const integrity = await audit('/audit/integrity');
    expect(integrity).toEqual({ status: 200, body: expect.objectContaining({ intact: true }) });

    // every read that was answered was logged first
    const logged = new Set<string>();
    for (const clientId of new Set(readsAnswered.map((r) => r.clientId))) {
      let after: unknown;
      do {
        const cursor = typeof after === 'string' ? `&after=${after}` : '';
        const page = await audit(`/audit/usage?clientId=${encodeURIComponent(clientId)}&limit=1000${cursor}`);
        expect(page.status).toBe(200);
        for (const entry of page.body.entries as { correlationId: string | null; view: string; outcome: string }[])
          if (entry.view === 'events' && entry.outcome === 'allowed' && entry.correlationId)
            logged.add(entry.correlationId);
        after = page.body.nextCursor;
      } while (after);
    }
    expect(readsAnswered.filter((r) => !logged.has(r.correlationId))).toEqual([]);
  }, 240_000);
});
