/**
 * `npm run bench:web [-- --clients N (default 20000) --years Y (default 10) --seed S --runs R (default 20) --data DIR]`
 *
 * The browser workspace on generated data: how long from opening the client with the heaviest
 * long history (see longestHistory) to a usable timeline (its organisation lanes rendered
 * with their entries), in Debian's Chromium (headless), p50/p95 over `--runs`. Two ways of opening:
 * - `inApp`: from Today, the page already loaded (the hash route changes, the path is fetched);
 * - `pageLoad`: the client's address opened in a fresh tab (bundle, session, path).
 * Generates the data and its read store when missing (as `npm run bench` does, in bench/work),
 * builds the page with Vite, starts the real API on a copy of the data. Target: p95 under 1 s.
 * Prints a table and writes bench/results/web-timeline-<clients>c-<years>y.json.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { chromium, type Page } from 'playwright-core';
import { WebSessionTokens } from '../libs/auth/web-session-tokens.js';
import { DEV_WEB_SESSION_SECRET, testEnvironment } from '../libs/config/index.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/web/chromium.js';
import { readManifest } from './lib/manifest.js';
import { argNumber, argValue, BENCH_DIR, ensureDir, log, percentile, REPO_ROOT, round, WORK_DIR } from './lib/util.js';

const argv = process.argv.slice(2);
const clients = argNumber(argv, 'clients', 20000);
const years = argNumber(argv, 'years', 10);
const seed = argValue(argv, 'seed') ?? '1';
const runs = argNumber(argv, 'runs', 20);
const dataDir = argValue(argv, 'data') ?? join(WORK_DIR, `data-${clients}c-${years}y-s${seed}`);
const DIST = join(BENCH_DIR, 'dist-bench');
const SECRET = 'polku-bench-secret-0123456789abcdef-0123456789';
const TARGET_MS = 1000;
/** What the page remembers for the tab once the officer has said why they look (sessionStorage). */
const PURPOSE_KEY = 'polku.purpose';

/** Runs a node script to its end; rejects with its stderr's tail. */
function runNode(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}: ${err.slice(-2000)}`)),
    );
  });
}

async function ensureData(): Promise<void> {
  if (!existsSync(join(dataDir, 'manifest.json'))) {
    rmSync(dataDir, { recursive: true, force: true });
    log(`generating ${clients} active clients over ${years} year(s), seed ${seed} → ${dataDir}`);
    await runNode([
      '--max-old-space-size=8192',
      join(DIST, 'scripts', 'generate', 'cli.js'),
      ...['--clients', String(clients), '--years', String(years), '--seed', seed, '--out', dataDir, '--quiet'],
    ]);
  }
  if (!existsSync(join(dataDir, 'read.sqlite'))) {
    log('building the read store (rebuild)');
    await runNode([
      '--max-old-space-size=256',
      '--max-semi-space-size=8',
      join(DIST, 'bench', 'suites', 'rebuild.js'),
      ...['--events', join(dataDir, 'events.sqlite'), '--keys', join(dataDir, 'keys.sqlite')],
      ...['--read', join(dataDir, 'read.sqlite'), '--variant', 'by-stream'],
    ]);
  }
}

/**
 * The heaviest long history: among the clients whose recorded history spans at least nine
 * tenths of the longest span, the one with the most events (with a responsible officer).
 */
function longestHistory(withOfficer: Set<string>): { clientId: string; from: string; to: string; events: number } {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    const rows = db
      .prepare(
        `WITH spans AS (
           SELECT client_id AS clientId, min(occurred_at) AS "from", max(occurred_at) AS "to", count(*) AS events,
                  julianday(max(occurred_at)) - julianday(min(occurred_at)) AS days
             FROM events GROUP BY client_id)
         SELECT clientId, "from", "to", events FROM spans
          WHERE days >= 0.9 * (SELECT max(days) FROM spans)
          ORDER BY events DESC LIMIT 200`,
      )
      .all() as { clientId: string; from: string; to: string; events: number }[];
    const chosen = rows.find((r) => withOfficer.has(r.clientId));
    if (!chosen) throw new Error('No client with a long history has a responsible officer');
    return chosen;
  } finally {
    db.close();
  }
}

async function startApi(work: string, webDir: string, now: Date): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [join(DIST, 'bench', 'suites', 'http-server.js'), '--data', work, '--secret', SECRET, '--now', now.toISOString()],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...testEnvironment().inherited, WEB_DIR: webDir } },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`API exited (${code}) before listening`)));
  });
  return { child, base: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}` };
}

/** The page's side of a measurement: typed here, run in the browser. */
interface PageGlobals {
  location: { hash: string };
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): void;
  document: { querySelectorAll(selector: string): { length: number } };
}
/** A lane with at least one entry (bar or marker button) in it: the timeline is usable. */
const LANE_WITH_ENTRIES = '[role="group"][data-organisation] button';

/** Sets the hash route and waits, frame by frame, for the lanes: milliseconds. */
function openInApp(page: Page, clientId: string): Promise<number> {
  return page.evaluate(
    ({ id, selector }) =>
      new Promise<number>((resolve) => {
        const g = globalThis as unknown as PageGlobals;
        const t0 = g.performance.now();
        g.location.hash = `#/clients/${id}`;
        const frame = () => {
          if (g.document.querySelectorAll(selector).length > 0) resolve(g.performance.now() - t0);
          else g.requestAnimationFrame(frame);
        };
        g.requestAnimationFrame(frame);
      }),
    { id: clientId, selector: LANE_WITH_ENTRIES },
  );
}

/** From the navigation's start (performance's time origin) to the lanes, on a fresh page. */
async function pageLoad(page: Page, base: string, clientId: string): Promise<number> {
  await page.goto(`${base}/#/clients/${clientId}`);
  await page.locator(LANE_WITH_ENTRIES).first().waitFor();
  return page.evaluate(() => (globalThis as unknown as PageGlobals).performance.now());
}

const stats = (values: number[]) => ({
  p50: round(percentile(values, 50)),
  p95: round(percentile(values, 95)),
  max: round(Math.max(...values)),
  runs: values.map((v) => round(v)),
});

ensureDir(WORK_DIR);
await ensureData();
const manifest = readManifest(join(dataDir, 'manifest.json'));
const officers = new Map(
  manifest.clientSummaries.filter((c) => c.responsibleOfficerId).map((c) => [c.clientId, c.responsibleOfficerId!]),
);
const client = longestHistory(new Set(officers.keys()));
const officerId = officers.get(client.clientId)!;
log(`client ${client.clientId}: ${client.events} events, ${client.from.slice(0, 10)} … ${client.to.slice(0, 10)}`);

const webDir = ensureDir(join(WORK_DIR, 'web'));
log('building the page (vite)');
await runNode([
  join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
  ...['build', '--config', 'apps/web/vite.config.ts', '--outDir', webDir, '--emptyOutDir', '--logLevel', 'error'],
]);

// The API records every read in its usage log: it gets a copy of the stores.
const work = ensureDir(join(dataDir, 'web-timeline'));
for (const name of ['events.sqlite', 'read.sqlite', 'keys.sqlite']) {
  for (const s of ['', '-wal', '-shm']) rmSync(join(work, name + s), { force: true });
  if (existsSync(join(dataDir, name))) copyFileSync(join(dataDir, name), join(work, name));
}
// "today" a day after the generated history, as the http suite has it
const now = new Date(`${manifest.end}T12:00:00.000Z`);
now.setUTCDate(now.getUTCDate() + 1);
const { child, base } = await startApi(work, webDir, now);
const organisationId = officerId.replace(/-\d+$/, '');
// A browser session as the API signs it (its development web-session key: the bench runs outside production).
const token = await new WebSessionTokens(DEV_WEB_SESSION_SECRET, () => now).mint(
  {
    personId: officerId,
    displayName: 'Bench Officer',
    organisationId,
    organisationType: organisationId.startsWith('te-') ? 'employment_authority' : 'wellbeing_county',
    role: 'officer',
  },
  '8h',
  now,
);

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const inApp: number[] = [];
const loads: number[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  // Signed in (the HttpOnly session cookie) and the purpose already given, as after sign-in.
  await context.addCookies([{ name: 'polku_session', value: token, url: base, httpOnly: true, sameSite: 'Strict' }]);
  await context.addInitScript(
    ([key, value]) =>
      (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem(
        key,
        value,
      ),
    [PURPOSE_KEY, 'client meeting'],
  );
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${base}/#/`);
  await page.locator('h1').first().waitFor();
  await openInApp(page, client.clientId); // warm-up: the JIT, the read store's page cache
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.hash = '#/';
    });
    await page.locator(LANE_WITH_ENTRIES).first().waitFor({ state: 'detached' });
    inApp.push(await openInApp(page, client.clientId));
  }
  for (let i = 0; i < runs; i++) {
    const fresh = await context.newPage();
    loads.push(await pageLoad(fresh, base, client.clientId));
    await fresh.close();
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
}

const lanes = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')).organisations;
const result = {
  startedAt: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
  size: { clients, years, seed, events: manifest.events, organisations: Object.values(lanes).flat().length },
  client,
  targetMs: TARGET_MS,
  inApp: stats(inApp),
  pageLoad: stats(loads),
};
writeFileSync(
  join(BENCH_DIR, 'results', `web-timeline-${clients}c-${years}y.json`),
  `${JSON.stringify(result, null, 2)}\n`,
);
log('');
log(`| open the client (${client.events} events, ${years} y) | p50 ms | p95 ms | target |`);
log('|---|---|---|---|');
for (const [name, s] of [
  ['from Today (in the page)', result.inApp],
  ['fresh tab (page load)', result.pageLoad],
] as const)
  log(`| ${name} | ${s.p50} | ${s.p95} | ${s.p95 < TARGET_MS ? 'under 1 s' : 'OVER 1 s'} |`);
