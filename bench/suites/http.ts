/**
 * Through HTTP with autocannon (bench's own install): commands per second with several
 * connections — ReportAttendance / HoldGoalReview / ReviewPlan across many clients, each a
 * valid command for that client — and the latency of the path, caseload and worklist reads.
 * The API runs as its own process (http-server.js) on a copy of the generated data.
 * `--server-cpus`, `--load-cpus`, `--reads-cpus` place the API, the load and the reads-only
 * process with its reader on cores of their own (bench/lib/placement.ts).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setPriority } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { load, type Req } from '../lib/autocannon-load.js';
import type { PacedSummary } from '../lib/paced-load.js';
import type { PacedReadsInput } from '../lib/paced-reads-process.js';
import { addDays, toDate } from '../../libs/domain/index.js';
import { mintToken } from '../../libs/auth/token-minter.js';
import type { Actor } from '../../libs/events/index.js';
import { argNumber, argValue, BENCH_DIR, emit, ensureDir, flushDisk, log, round } from '../lib/util.js';
import { officerActor } from '../lib/ingest-messages.js';
import { readManifest } from '../lib/manifest.js';
import { testEnvironment } from '../../libs/config/index.js';
import { onCpus, pinProcess, pinThisProcess, placementFrom } from '../lib/placement.js';
import { describeShare, withMachineShare } from '../lib/machine-share.js';

const argv = process.argv.slice(2);
const dataDir = argValue(argv, 'data')!;
const seconds = argNumber(argv, 'seconds', 10);
const connections = argNumber(argv, 'connections', 16);
/**
 * API processes on the port (API_PROCESSES), default 1: on 2 cores with SQLite a second one
 * measured no gain (writers wait on the file lock; autocannon needs CPU too).
 */
const processes = argNumber(argv, 'processes', 1);
/** Requests per second of each read (path, caseload, worklist) while the commands run; 0: none. */
const readRate = argNumber(argv, 'read-rate', 50);
/**
 * The second phase's deployment: a reads-only API process (`API_SERVES=reads`) beside the
 * command process, which runs at this niceness (`API_COMMAND_NICE`); `--command-nice 0` keeps
 * them equal, `--skip-reads-apart` leaves the phase out.
 */
const commandNice = argNumber(argv, 'command-nice', 10);
const readsApart = !argv.includes('--skip-reads-apart');
/** `--skip-saturation` leaves out the reads alone at full speed (e.g. to profile the command load alone). */
const readsAlone = !argv.includes('--skip-saturation');
/** HTTP_PLATFORM of the API process (it inherits the environment): express unless set. */
const platform = testEnvironment().httpPlatform ?? 'express';
/** `--server-cpus` / `--load-cpus` (bench/lib/placement.ts): the API's cores and the callers'. */
const placement = placementFrom(argv);
pinThisProcess(placement.loadCpus); // autocannon runs here; the paced reader is forked from here
const manifest = readManifest(join(dataDir, 'manifest.json'));
const SECRET = 'polku-bench-secret-0123456789abcdef-0123456789';
const ISSUER = 'polku-dev';
const AUDIENCE = 'polku';
// "today" for the API: four weeks after the generated history, so new attendance dates exist
const today = addDays(manifest.end, 28);
const now = new Date(`${today}T12:00:00.000Z`);

// the API writes: give it a copy of the generated stores, and a usage log of its own (until
// 2026-12-07 the log was left from the runs before, 400 MB after a day's runs on 10,000 clients)
const work = ensureDir(join(dataDir, 'http'));
for (const name of ['events.sqlite', 'read.sqlite', 'keys.sqlite', 'audit.sqlite']) {
  for (const s of ['', '-wal', '-shm']) rmSync(join(work, name + s), { force: true });
  if (existsSync(join(dataDir, name))) copyFileSync(join(dataDir, name), join(work, name));
}
flushDisk(); // the copies are on disk before anything is measured

async function startServer(
  cpus: string | undefined,
  ...extra: string[]
): Promise<{ child: ChildProcess; url: string }> {
  const script = join(BENCH_DIR, 'dist-bench', 'bench', 'suites', 'http-server.js');
  // BENCH_SERVER_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server alone
  const flags = testEnvironment().benchServerNodeFlags;
  const child = spawn(
    ...onCpus(cpus, process.execPath, [
      ...flags,
      script,
      '--processes',
      String(processes),
      '--data',
      work,
      '--secret',
      SECRET,
      '--now',
      now.toISOString(),
      ...extra,
    ]),
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`API exited (${code}) before listening`)));
  });
  return { child, url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}` };
}

const tokens = new Map<string, string>();
async function tokenOf(a: Actor & { role?: string }): Promise<string> {
  const key = `${a.personId}|${a.organisationId}`;
  let t = tokens.get(key);
  if (!t) {
    t = await mintToken(
      {
        personId: a.personId,
        displayName: a.displayName,
        organisationId: a.organisationId,
        organisationType: a.organisationType,
        role: (a.role ?? 'officer') as 'officer',
      },
      SECRET,
      ISSUER,
      AUDIENCE,
      { now },
    );
    tokens.set(key, t);
  }
  return t;
}

/** Builds the command requests up front: each is valid for its client on `today`. */
async function commandRequests(): Promise<Req[]> {
  const kuty = manifest.clientSummaries.filter((c) => c.kuty && c.responsibleOfficerId);
  const planned = manifest.clientSummaries.filter((c) => c.multisectoralPlanId && c.responsibleOfficerId);
  const out: Req[] = [];
  const json = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
  // attendance: the period's weekdays after the generated history, one date per request
  const firstMonday = (() => {
    let d = addDays(manifest.end, 1);
    while (toDate(d).getUTCDay() !== 1) d = addDays(d, 1);
    return d;
  })();
  const attendance: Req[] = [];
  for (let week = 0; week < 3; week++) {
    for (const c of kuty) {
      const k = c.kuty!;
      for (const wd of k.weekdays) {
        const date = addDays(firstMonday, week * 7 + wd - 1);
        if (date > today) continue;
        attendance.push({
          method: 'POST',
          path: `/clients/${c.clientId}/periods/${k.periodId}/attendance`,
          headers: json(await tokenOf(k.instructor)),
          body: JSON.stringify({ attendedDates: [date], hoursPerDay: k.hoursPerDay }),
        });
      }
    }
  }
  const reviews: Req[] = [];
  for (const c of kuty) {
    const k = c.kuty!;
    reviews.push({
      method: 'POST',
      path: `/clients/${c.clientId}/periods/${k.periodId}/goal-reviews`,
      headers: json(await tokenOf(k.instructor)),
      body: JSON.stringify({
        heldOn: today,
        participants: {
          client: true,
          responsibleOfficerId: c.responsibleOfficerId,
          ownInstructorId: k.instructor.personId,
        },
        assessment: 'Attends regularly',
      }),
    });
  }
  const planReviews: Req[] = [];
  for (const c of planned) {
    planReviews.push({
      method: 'POST',
      path: `/clients/${c.clientId}/plans/${c.multisectoralPlanId}/reviews`,
      headers: json(await tokenOf(officerActor(c.responsibleOfficerId!))),
      body: JSON.stringify({ reviewedOn: today, requestedByClient: false, outcome: 'Plan continues as agreed' }),
    });
  }
  // interleave: attendance, goal review, plan review, attendance, ...
  const n = Math.max(attendance.length, reviews.length, planReviews.length);
  for (let i = 0; i < n; i++) {
    if (attendance[i]) out.push(attendance[i]);
    if (reviews[i]) out.push(reviews[i]);
    if (planReviews[i]) out.push(planReviews[i]);
  }
  return out;
}

async function queryRequests(kind: 'path' | 'caseload' | 'worklist'): Promise<Req[]> {
  const out: Req[] = [];
  const h = (token: string) => ({ authorization: `Bearer ${token}`, 'x-purpose': 'benchmark: service planning' });
  if (kind === 'path') {
    for (const c of manifest.clientSummaries.filter((s) => s.responsibleOfficerId).slice(0, 5000)) {
      out.push({
        method: 'GET',
        path: `/clients/${c.clientId}/path`,
        headers: h(await tokenOf(officerActor(c.responsibleOfficerId!))),
      });
    }
  } else if (kind === 'caseload') {
    for (const o of manifest.officers)
      out.push({ method: 'GET', path: '/caseloads/me', headers: h(await tokenOf(officerActor(o))) });
  } else {
    const byOrg = new Map(manifest.officers.map((o) => [officerActor(o).organisationId, o]));
    for (const [org, officer] of byOrg)
      out.push({
        method: 'GET',
        path: `/worklists/${org}`, // the first page (100 items, the API default)
        headers: h(await tokenOf(officerActor(officer))),
      });
  }
  return out;
}

/**
 * CPU time the API process has used, in ms (Linux /proc; user + system at 100 ticks/s): per
 * command it varies far less with the machine's other load than the rate does.
 */
function serverCpuMs(pid: number | undefined): number | undefined {
  const stat = pid !== undefined && existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields.length > 12 ? (Number(fields[11]) + Number(fields[12])) * 10 : undefined;
}

/** The paced reads in their own process (bench/lib/paced-reads-process.ts); `stop` ends them and gives their summaries. */
function pacedReads(input: PacedReadsInput, cpus: string | undefined) {
  const reader = fork(fileURLToPath(new URL('../lib/paced-reads-process.js', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  pinProcess(reader.pid, cpus); // else it keeps the bench's own (the load's) cores
  const exited = new Promise<never>((_, reject) =>
    reader.once('exit', (code) => reject(new Error(`the paced reads exited ${code} before their results`))),
  );
  exited.catch(() => undefined); // awaited through `timing` and `result`
  const message = () => new Promise<unknown>((resolve) => reader.once('message', resolve));
  const timing = Promise.race([message(), exited]); // 'timing': warmed up, reads now timed
  const result = timing.then(() => Promise.race([message(), exited])) as Promise<Record<string, PacedSummary>>;
  reader.send(input);
  return {
    timing,
    stop: async () => {
      // it may have ended by itself (its cap, below) and be closing: then its results are on the way
      if (reader.connected) reader.send('stop', () => undefined);
      return result;
    },
  };
}

/**
 * Reads for 2 s of each kind before they are timed: the API's compiled code and page cache are
 * warm in service, where a process answers for days, and a fresh one's first reads are not
 * what an officer meets.
 */
async function warmUp(url: string, readers: Record<string, Req[]>): Promise<void> {
  for (const reqs of Object.values(readers)) await load(url, reqs, 2, 2);
}

/** Commands as fast as the API takes them, with the paced reads against `readUrl` meanwhile. */
async function commandsWithReads(
  url: string,
  readUrl: string,
  commands: Req[],
  readers: Record<string, Req[]>,
  readerCpus?: string,
) {
  // on their own process, so their latency is the API's, not the command load generator's queue
  const during =
    readRate > 0 ? pacedReads({ url: readUrl, readers, seconds, perSecond: readRate }, readerCpus) : undefined;
  await during?.timing; // the reads are timed only while the commands run
  const cmd = await load(url, commands, seconds, connections, true);
  return { cmd, reads: (await during?.stop()) ?? {} };
}

const { child, url } = await startServer(placement.serverCpus);
let readsProcess: { child: ChildProcess; url: string } | undefined;
try {
  const commands = await commandRequests();
  const readers = {
    path: await queryRequests('path'),
    caseload: await queryRequests('caseload'),
    worklist: await queryRequests('worklist'),
  };
  log(
    `  http: ${commands.length} distinct commands prepared; ${connections} connections, ${seconds} s; ` +
      `reads at ${readRate}/s each meanwhile`,
  );
  if (commands.length === 0)
    throw new Error('the data has no client with a command valid today (no kuty period or plan)');
  // Each phase has its own half of the commands (each is valid once), so that on small data the
  // first phase cannot use up the second's; a phase that runs out ends early, and its rate is
  // still the requests over the time they took.
  const secondPhase = readsApart && readRate > 0;
  const firstCommands = secondPhase ? commands.slice(0, Math.ceil(commands.length / 2)) : commands;
  await warmUp(url, readers);
  const cpuBefore = processes === 1 ? serverCpuMs(child.pid) : undefined;
  // The reads' target holds "while the command load runs": officers open paths, caseloads and
  // worklists at a steady pace while the commands come as fast as the API takes them.
  const {
    result: { cmd, reads: readsDuringCommands },
    machine,
  } = await withMachineShare(() => commandsWithReads(url, url, firstCommands, readers));
  log(`  http: machine during the commands with reads: ${describeShare(machine)}`);
  if (cmd.requests >= firstCommands.length)
    log(`  http: all ${cmd.requests} commands used before ${seconds} s (small data)`);
  const cpuAfter = serverCpuMs(child.pid);
  const cpuMsPerCommand =
    cpuBefore !== undefined && cpuAfter !== undefined && cmd.requests > 0
      ? round((cpuAfter - cpuBefore) / cmd.requests, 3)
      : undefined;
  // The same again with the reads on a reads-only process and the commands' process niced.
  let readsApartResult: Record<string, unknown> | undefined;
  if (secondPhase) {
    readsProcess = await startServer(placement.readsCpus ?? placement.serverCpus, '--serves', 'reads');
    if (commandNice > 0) setPriority(child.pid!, commandNice); // as API_COMMAND_NICE does in the process itself
    await warmUp(readsProcess.url, readers);
    const rest = commands.slice(firstCommands.length);
    log(`  http: again with the reads on a reads-only process, the commands' process at nice ${commandNice}`);
    const { result: apart, machine: machineApart } = await withMachineShare(() =>
      commandsWithReads(url, readsProcess!.url, rest, readers, placement.readsCpus),
    );
    log(`  http: machine during the commands beside the reads-only process: ${describeShare(machineApart)}`);
    if (apart.cmd.requests >= rest.length)
      log(`  http: all ${apart.cmd.requests} commands used before ${seconds} s (small data)`);
    readsApartResult = { commandNice, commands: apart.cmd, reads: apart.reads, machine: machineApart };
  }
  // and alone, as fast as the API answers (the queue, not the query, makes most of that p99)
  const readsAtSaturation: Record<string, unknown> = {};
  for (const [kind, reqs] of readsAlone ? Object.entries(readers) : []) {
    readsAtSaturation[kind] = await load(
      url,
      reqs,
      Math.max(3, Math.round(seconds / 2)),
      Math.max(4, Math.round(connections / 2)),
    );
  }
  emit({
    suite: 'http',
    platform,
    ...(Object.keys(placement).length > 0 && { placement }),
    processes,
    connections,
    seconds,
    // the API's CPU over the command load, the paced reads' share included when readRate > 0
    commands: { ...cmd, cpuMsPerCommand, cpuIncludesReads: readRate > 0 },
    // how the machine's cores were spent over the first phase (bench/lib/machine-share.ts)
    machine,
    readRate,
    reads: readsDuringCommands,
    ...(readsApartResult && { readsApart: readsApartResult }),
    readsAtSaturation,
  });
} finally {
  child.kill('SIGTERM');
  readsProcess?.child.kill('SIGTERM');
}
