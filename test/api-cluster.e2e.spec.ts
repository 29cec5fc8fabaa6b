import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../libs/adapters/sqlite-event-store/index.js';
import { mintToken } from '../libs/auth/token-minter.js';
import {
  buildEntries,
  killStragglers,
  startProjector as startProcess,
  type RunningProjector,
} from '../apps/projector/test/process-harness.js';
import { PRINCIPALS } from './support/principals.js';
import { freePort } from '../libs/shared/testing/index.js';

/**
 * `API_PROCESSES=2`: the compiled API as a real primary with two worker processes on one
 * port, writing the same SQLite event store. A worker that dies is replaced; SIGTERM stops
 * them all.
 */
const SECRET = 'api-cluster-e2e-secret-0123456789abcdef';

/** Pids whose parent is `pid` (from /proc: no ps needed). */
function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return children;
}

const listening = (line: Record<string, unknown>) =>
  typeof line.msg === 'string' && line.msg.startsWith('Polku API listening on');

describe('API_PROCESSES: several API processes on one port', () => {
  let dir: string | undefined;
  let build: { main: string; outDir: string } | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'polku-api-cluster-'));
    build = await buildEntries(['apps/api/main.ts'], 240_000);
  }, 300_000);

  afterAll(async () => {
    await killStragglers();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (build) rmSync(build.outDir, { recursive: true, force: true });
  });

  it('serves commands from two processes, replaces one that dies and stops all on SIGTERM', async () => {
    const api: RunningProjector = startProcess(build!.main, [], {
      DATA_DIR: dir!,
      HOST: '127.0.0.1',
      PORT: '0',
      API_PROCESSES: '2',
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
    });
    const listeningLines = () => api.lines.filter(listening);
    await api.waitForLine(() => listeningLines().length >= 2, 'two processes listening', 60_000);
    const urls = new Set(listeningLines().map((l) => /listening on (\S+)/.exec(l.msg as string)![1]));
    expect(urls.size).toBe(1); // one port for both
    const [url] = [...urls];
    const primary = api.child.pid!;
    const workers = childPids(primary);
    expect(workers).toHaveLength(2);

    const token = await mintToken(PRINCIPALS.employmentOfficer, SECRET, 'polku-dev', 'polku');
    const register = (clientId: string) =>
      fetch(`${url}/clients`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          clientId,
          fullName: 'Maija Meikäläinen',
          birthDate: '1984-05-02',
          municipality: 'Jyväskylä',
        }),
      });
    const first = await Promise.all(Array.from({ length: 20 }, (_, i) => register(`te-keski-suomi:cluster-${i}`)));
    expect(first.map((r) => r.status)).toEqual(Array(20).fill(201));

    // a worker killed outright is replaced by a new one on the same port
    process.kill(workers[0], 'SIGKILL');
    await api.waitForLine(() => listeningLines().length >= 3, 'a replacement listening', 60_000);
    expect(
      api.lines.some((l) => typeof l.msg === 'string' && l.msg.includes(`API process ${workers[0]} exited (SIGKILL)`)),
    ).toBe(true);
    const now = childPids(primary);
    expect(now).toHaveLength(2);
    expect(now).toContain(workers[1]);
    const second = await Promise.all(
      Array.from({ length: 20 }, (_, i) => register(`te-keski-suomi:cluster-${20 + i}`)),
    );
    expect(second.map((r) => r.status)).toEqual(Array(20).fill(201));
    // the same client twice is refused whichever process decides it (state from the store)
    expect((await register('te-keski-suomi:cluster-3')).status).toBe(422);

    api.child.kill('SIGTERM');
    expect(await api.exited).toEqual({ code: 0, signal: null });
    expect(now.filter((pid) => existsProcess(pid))).toEqual([]);

    const events = SqliteEventStore.open(join(dir!, 'events.sqlite'));
    try {
      const all = await events.readAll({ after: 0n, limit: 1_000 });
      expect(new Set(all.map((e) => e.clientId))).toEqual(
        new Set(Array.from({ length: 40 }, (_, i) => `te-keski-suomi:cluster-${i}`)),
      );
    } finally {
      await events.close();
    }
  }, 180_000);

  it('with API_READ_PROCESSES, runs reads-only processes on their own port at normal priority beside niced command processes', async () => {
    const [port, readPort] = [await freePort(), await freePort()];
    const api: RunningProjector = startProcess(build!.main, [], {
      DATA_DIR: dir!,
      HOST: '127.0.0.1',
      PORT: String(port),
      API_READ_PROCESSES: '1',
      READ_PORT: String(readPort),
      API_COMMAND_NICE: '5',
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
    });
    await api.waitForLine(() => api.lines.filter(listening).length >= 2, 'both processes listening', 60_000);
    const messages = api.lines.filter(listening).map((l) => l.msg as string);
    expect(messages.find((m) => m.endsWith('reads only)'))).toContain(`127.0.0.1:${readPort} `);
    expect(messages.find((m) => !m.endsWith('reads only)'))).toContain(`127.0.0.1:${port} `);
    // which worker is which: the primary gave the reads-only one its settings in its environment
    const workers = childPids(api.child.pid!);
    expect(workers).toHaveLength(2);
    const isReadsOnly = (pid: number) =>
      readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes('API_SERVES=reads');
    const readsPid = workers.find(isReadsOnly)!;
    const commandPid = workers.find((pid) => !isReadsOnly(pid))!;
    expect([niceOf(commandPid), niceOf(readsPid)]).toEqual([5, 0]);

    const token = await mintToken(PRINCIPALS.employmentOfficer, SECRET, 'polku-dev', 'polku');
    const register = (at: number, clientId: string) =>
      fetch(`http://127.0.0.1:${at}/clients`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId, fullName: 'Lukija', birthDate: '1984-05-02', municipality: 'Jyväskylä' }),
      });
    expect((await register(port, 'te-keski-suomi:reads-port-1')).status).toBe(201);
    const refused = await register(readPort, 'te-keski-suomi:reads-port-2');
    expect(refused.status).toBe(405);
    expect(((await refused.json()) as { type: string }).type).toBe('https://polku.example/problems/reads-only');
    expect((await fetch(`http://127.0.0.1:${readPort}/health`)).status).toBe(200);

    api.child.kill('SIGTERM');
    expect(await api.exited).toEqual({ code: 0, signal: null });
  }, 120_000);
});

/** The process's niceness (/proc/<pid>/stat, field 19). */
function niceOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

function existsProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
