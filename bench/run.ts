/**
 * `[DATABASE_URL=…] npm run bench [-- --clients N (default 10000) --years Y --seed S --rounds R --seconds S --http-seconds S --connections C --processes P --read-rate R --command-nice N --skip a,b --kafka-messages N --server-cpus L --load-cpus L --reads-cpus L --out FILE --complete]`
 *
 * Generates (once per size and seed) a data set through the domain, then runs each suite in
 * its own process (clean peak RSS, no shared JIT/heap state): event-store appends and reads
 * (Polku, the peer, Emmett's SQLite store, and the machine's limits, interleaved round by
 * round; with DATABASE_URL the same on PostgreSQL against Emmett-PG), projection
 * rebuild, query latency through the read-store port and through HTTP, and Kafka ingest when
 * a broker and the ingest process exist. Prints a table and writes bench/results/latest.json
 * (`--out FILE` writes elsewhere, e.g. a trial run that should not replace the published table).
 * `--server-cpus`, `--load-cpus`, `--reads-cpus` (bench/lib/placement.ts) put the processes measured
 * and their callers on cores of their own, on a machine that has them.
 * Each suite is recorded with how the machine's cores were spent while it ran and a probe of one
 * core's speed before it (bench/lib/machine-share.ts, cpu-probe.ts), summed up under the table.
 * `--complete` exits 1 unless every row of issue 11's table was measured and has its ratio (CI's
 * smoke run: the bench still works end to end; the numbers of a tiny run are not judged).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import {
  argNumber,
  argValue,
  BENCH_DIR,
  ensureDir,
  flushDisk,
  log,
  median,
  REPO_ROOT,
  round,
  WORK_DIR,
} from './lib/util.js';
import { testEnvironment } from '../libs/config/index.js';
import { incompleteRows } from './lib/table-completeness.js';
import { onCpus, placementArgs, placementFrom } from './lib/placement.js';
import { cpuProbeInFreshProcess } from './lib/cpu-probe.js';
import { describeShare, machineShare, machineSummary, readCpuTimes, type SuiteMachine } from './lib/machine-share.js';

const argv = process.argv.slice(2);
const clients = argNumber(argv, 'clients', 10000); // a wellbeing county; ~8 min here
const years = argNumber(argv, 'years', 1);
const seed = argValue(argv, 'seed') ?? '1';
const rounds = argNumber(argv, 'rounds', 3);
const storeSeconds = argNumber(argv, 'seconds', 3);
const httpSeconds = argNumber(argv, 'http-seconds', 10);
const placement = placementFrom(argv);
const connections = argNumber(argv, 'connections', 16);
const skip = new Set((argValue(argv, 'skip') ?? '').split(',').filter(Boolean));
// by-stream: what a rebuild does; global-order: the catch-up path from 0 (slow: for comparison at small sizes)
const variants = (argValue(argv, 'rebuild-variants') ?? 'by-stream').split(',');
const dataDir = argValue(argv, 'data') ?? join(WORK_DIR, `data-${clients}c-${years}y-s${seed}`);
const DIST = join(BENCH_DIR, 'dist-bench');
/** The projector process's Node flags (package.json `start:projector`): the rebuild runs with them. */
const PROJECTOR_NODE_ARGS = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).scripts['start:projector'] as string
)
  .split(' ')
  .filter((a) => a.startsWith('--'));
const rebuildArgs = (read: string, variant: string) => [
  '--events',
  join(dataDir, 'events.sqlite'),
  '--keys',
  join(dataDir, 'keys.sqlite'),
  '--read',
  read,
  '--variant',
  variant,
];

/**
 * How the machine's cores were spent during each suite's process, in the order they ran, and
 * the speed of one core just before it (bench/lib/cpu-probe.ts).
 */
const machineDuring: SuiteMachine[] = [];
/** `store.js --impl peer` → `store (peer)`: a suite's name for the machine's record. */
const suiteName = (script: string, args: string[]) => {
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const publish = flag('--publish');
  const detail = flag('--impl') ?? (publish && `publisher ${publish === '1' ? 'on' : 'off'}`) ?? flag('--variant');
  const name = basename(script, '.js') === 'cli' ? 'generation' : basename(script, '.js');
  return detail ? `${name} (${detail})` : name;
};

/**
 * Runs a node script; resolves with the last JSON line it printed on stdout. A suite that is
 * one process runs on `--server-cpus`; one that starts the processes it measures (`split`)
 * gets the placement flags and places them and its callers itself. How the machine's cores
 * were spent meanwhile goes to `machineDuring` and the log.
 */
function runNode(
  script: string,
  args: string[],
  nodeArgs: string[] = [],
  placed: 'whole' | 'split' = 'whole',
): Promise<Record<string, any>> {
  flushDisk(); // each suite starts with what came before on disk, not in the write-back queue
  const command =
    placed === 'split'
      ? ([process.execPath, [...nodeArgs, script, ...args, ...placementArgs(placement)]] as const)
      : onCpus(placement.serverCpus, process.execPath, [...nodeArgs, script, ...args]);
  const cpuProbe = cpuProbeInFreshProcess();
  const cpuBefore = readCpuTimes();
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command[1], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      for (const line of d.toString().split('\n')) if (line.startsWith('  ')) log(line);
    });
    child.on('exit', (code) => {
      const machine = machineShare(cpuBefore, readCpuTimes());
      const suite = suiteName(script, args);
      machineDuring.push({ suite, cpuProbeMs: cpuProbe, ...machine });
      log(`  machine during ${suite}: ${describeShare(machine)}; cpu probe before it ${cpuProbe} ms`);
      const line = out
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .pop();
      if (code === 0 && line) resolve(JSON.parse(line));
      else reject(new Error(`${script} exited ${code}: ${err.slice(-2000)}`));
    });
  });
}

const results: Record<string, any> = {
  startedAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: round(totalmem() / 2 ** 30, 0),
    node: process.version,
  },
  size: { clients, years, seed },
  ...(Object.keys(placement).length > 0 && { placement }),
};

// 1. data -------------------------------------------------------------------------------
ensureDir(WORK_DIR);
if (!existsSync(join(dataDir, 'manifest.json'))) {
  rmSync(dataDir, { recursive: true, force: true });
  log(`generating ${clients} active clients over ${years} year(s), seed ${seed} → ${dataDir}`);
  results.generation = await runNode(
    join(DIST, 'scripts', 'generate', 'cli.js'),
    ['--clients', String(clients), '--years', String(years), '--seed', seed, '--out', dataDir],
    ['--max-old-space-size=8192'],
  );
  writeFileSync(join(dataDir, 'generation.json'), JSON.stringify(results.generation));
} else {
  log(`using existing data in ${dataDir}`);
  results.generation = existsSync(join(dataDir, 'generation.json'))
    ? JSON.parse(readFileSync(join(dataDir, 'generation.json'), 'utf8'))
    : null;
}
const events = results.generation?.events;
log(`data: ${events ?? '?'} events`);

// 2. event store: ours, the peer and the machine's limits, interleaved round by round --------------
const summarise = (rows: Record<string, any>[], key: string) => ({
  median: median(rows.map((x) => x[key])),
  best: Math.max(...rows.map((x) => x[key])),
  runs: rows.map((x) => x[key]),
});
const storeRates = (rows: Record<string, any>[]) => ({
  appendsPerSecond: summarise(rows, 'appendsPerSecond'),
  readsPerSecond: summarise(rows, 'readsPerSecond'),
  concurrentAppendsPerSecond: summarise(rows, 'concurrentAppendsPerSecond'),
});
if (!skip.has('store')) {
  const ours: Record<string, any>[] = [];
  const peer: Record<string, any>[] = [];
  const limits: Record<string, any>[] = [];
  const peerInstalled = existsSync(join(BENCH_DIR, 'peer', 'node_modules', '@event-driven-io', 'emmett-sqlite'));
  let peerCrashes = 0;
  for (let r = 1; r <= rounds; r++) {
    log(`store round ${r}/${rounds}`);
    ours.push(
      await runNode(join(DIST, 'bench', 'suites', 'store.js'), ['--impl', 'ours', '--seconds', String(storeSeconds)]),
    );
    // The peer's process now and then dies of its own race (emmett-sqlite on sqlite3: "cannot
    // change into wal mode from within a transaction", an unhandled 'error' event): it gets a
    // fresh process up to three times a round, and the deaths are counted in the results.
    for (let attempt = 1; peerInstalled && attempt <= 3; attempt++) {
      try {
        peer.push(
          await runNode(join(DIST, 'bench', 'suites', 'store.js'), [
            '--impl',
            'peer',
            '--seconds',
            String(storeSeconds),
          ]),
        );
        break;
      } catch (error) {
        peerCrashes += 1;
        log(`  peer failed (attempt ${attempt} of 3): ${(error as Error).message.slice(0, 300)}`);
      }
    }
    limits.push(await runNode(join(DIST, 'bench', 'suites', 'limits.js'), ['--seconds', String(storeSeconds)]));
  }
  results.store = {
    ours: storeRates(ours),
    peer: peer.length
      ? {
          ...storeRates(peer),
          retriesAfterBusy: peer.map((p) => p.retriesAfterBusy),
          concurrentRetriesAfterBusy: peer.map((p) => p.concurrentRetriesAfterBusy),
          crashesBeforeResult: peerCrashes,
        }
      : { skipped: peerInstalled ? 'peer failed' : 'peer not installed (npm --prefix bench/peer install)' },
    limits: {
      fsyncCommitsPerSecond: summarise(limits, 'fsyncCommitsPerSecond'),
      rawReadsPerSecond: summarise(limits, 'rawReadsPerSecond'),
    },
    streamEvents: ours[0]?.streamEvents,
    concurrency: ours[0]?.concurrency,
  };
}

// 2b. event store on PostgreSQL: ours and Emmett-PG against the same server, interleaved --------------
{
  const url = testEnvironment().databaseUrl;
  const peerInstalled = existsSync(join(BENCH_DIR, 'peer', 'node_modules', '@event-driven-io', 'emmett-postgresql'));
  if (skip.has('store-pg')) results.storePg = { skipped: 'skipped (--skip store-pg)' };
  else if (!url)
    results.storePg = {
      skipped: 'skipped: DATABASE_URL is not set (eval "$(bash scripts/ci/postgres.sh)" starts a local PostgreSQL)',
    };
  else {
    const ours: Record<string, any>[] = [];
    const peer: Record<string, any>[] = [];
    const args = (impl: string) => ['--impl', impl, '--url', url, '--seconds', String(storeSeconds)];
    for (let r = 1; r <= rounds; r++) {
      log(`PostgreSQL store round ${r}/${rounds}`);
      ours.push(await runNode(join(DIST, 'bench', 'suites', 'store-pg.js'), args('ours')));
      if (peerInstalled) {
        try {
          peer.push(await runNode(join(DIST, 'bench', 'suites', 'store-pg.js'), args('peer')));
        } catch (error) {
          log(`  PostgreSQL peer failed: ${(error as Error).message.slice(0, 300)}`);
        }
      }
    }
    results.storePg = {
      ours: storeRates(ours),
      peer: peer.length
        ? storeRates(peer)
        : { skipped: peerInstalled ? 'peer failed' : 'peer not installed (npm --prefix bench/peer install)' },
      streamEvents: ours[0]?.streamEvents,
      concurrency: ours[0]?.concurrency,
    };
  }
  if (results.storePg.skipped) log(`PostgreSQL store rows ${results.storePg.skipped}`);
}

// 3. projection rebuild ----------------------------------------------------------------------
const readPath = join(dataDir, 'read.sqlite');
if (!skip.has('rebuild')) {
  results.rebuild = {};
  for (const variant of variants) {
    log(`rebuild (${variant})`);
    const target = variant === 'by-stream' ? readPath : join(dataDir, `read-${variant}.sqlite`);
    results.rebuild[variant] = await runNode(
      join(DIST, 'bench', 'suites', 'rebuild.js'),
      rebuildArgs(target, variant),
      PROJECTOR_NODE_ARGS,
    );
    if (variant !== 'by-stream') for (const s of ['', '-wal', '-shm']) rmSync(target + s, { force: true });
  }
}

// 4. queries through the port, then everything through HTTP ------------------------------------------
if (!existsSync(readPath) && (!skip.has('queries') || !skip.has('http'))) {
  log('building the read store for the queries (rebuild)');
  await runNode(join(DIST, 'bench', 'suites', 'rebuild.js'), rebuildArgs(readPath, 'by-stream'), PROJECTOR_NODE_ARGS);
}
if (!skip.has('queries')) {
  log('queries through the read-store port');
  results.queries = await runNode(join(DIST, 'bench', 'suites', 'queries.js'), [
    '--read',
    readPath,
    '--manifest',
    join(dataDir, 'manifest.json'),
  ]);
}
if (!skip.has('http')) {
  if (existsSync(join(BENCH_DIR, 'node_modules', 'autocannon'))) {
    log('HTTP (autocannon)');
    results.http = await runNode(
      join(DIST, 'bench', 'suites', 'http.js'),
      [
        '--data',
        dataDir,
        '--seconds',
        String(httpSeconds),
        '--connections',
        String(connections),
        ...(argValue(argv, 'processes') ? ['--processes', argValue(argv, 'processes')!] : []),
        ...(argValue(argv, 'read-rate') ? ['--read-rate', argValue(argv, 'read-rate')!] : []),
        ...(argValue(argv, 'command-nice') ? ['--command-nice', argValue(argv, 'command-nice')!] : []),
      ],
      [],
      'split',
    );
  } else results.http = { skipped: 'autocannon not installed (npm --prefix bench install)' };
}

// 5. Kafka ingest: only with a broker and the ingest process ------------------------------------
// `--kafka-messages N` (default 40000), `--kafka-partitions P` (default 6); `--skip kafka`
{
  const busReady =
    existsSync(join(REPO_ROOT, 'libs', 'adapters', 'kafka-bus')) &&
    existsSync(join(REPO_ROOT, 'apps', 'ingest', 'main.ts'));
  if (skip.has('kafka')) results.kafka = { skipped: 'skipped (--skip kafka)' };
  else if (!testEnvironment().kafkaBrokers || !busReady)
    results.kafka = { skipped: 'skipped: no broker / ingest not available' };
  else {
    const kafkaArgs = (publish: string) => [
      '--data',
      dataDir,
      '--messages',
      String(argNumber(argv, 'kafka-messages', 40_000)),
      '--partitions',
      String(argNumber(argv, 'kafka-partitions', 6)),
      '--publish',
      publish,
      ...(argValue(argv, 'processes') ? ['--processes', argValue(argv, 'processes')!] : []),
    ];
    try {
      log('Kafka ingest: the ingest process with its publisher');
      const withPublication = await runNode(
        join(DIST, 'bench', 'suites', 'kafka-ingest.js'),
        kafkaArgs('1'),
        [],
        'split',
      );
      log('Kafka ingest: the ingest process without publisher');
      const ingestOnly = await runNode(join(DIST, 'bench', 'suites', 'kafka-ingest.js'), kafkaArgs('0'), [], 'split');
      results.kafka = { withPublication, ingestOnly };
    } catch (error) {
      results.kafka = { skipped: `failed: ${(error as Error).message.slice(0, 300)}` };
    }
  }
}

// 6. table ------------------------------------------------------------------------------------
const fmt = (n: unknown, digits = 0) =>
  typeof n === 'number' && Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits })
    : String(n ?? '–');
const rows: string[][] = [];
const add = (metric: string, ours: unknown, peer: unknown, ratio: unknown, target: string, ok: boolean | null) =>
  rows.push([
    metric,
    fmt(ours, 2),
    fmt(peer, 2),
    typeof ratio === 'number' ? `${ratio.toFixed(2)}×` : String(ratio ?? ''),
    target,
    ok === null ? '' : ok ? 'met' : 'MISSED',
  ]);
// Rows measured against a target rather than a peer or limit: the ratio to the target, so that
// every row reads the same way (≥ 1.00× meets it).
const atLeast = (value: number, target: number) => value / target;
const under = (value: number, limit: number) => limit / value;
const s = results.store;
const versus = (
  metric: string,
  ours: number,
  other: number | undefined,
  target: string,
  meets: ((ratio: number) => boolean) | null,
) => add(metric, ours, other, other ? ours / other : 'n/a', target, other && meets ? meets(ours / other) : null);
if (s) {
  const o = s.ours;
  versus(
    'one-event appends/s, 1 caller, vs the fsync limit (raw one-row synchronous=FULL transactions)',
    o.appendsPerSecond.median,
    s.limits.fsyncCommitsPerSecond.median,
    '≥ 0.90× limit',
    (r) => r >= 0.9,
  );
  versus(
    'one-event appends/s, 1 caller, vs the peer',
    o.appendsPerSecond.median,
    s.peer?.appendsPerSecond?.median,
    '',
    null,
  );
  versus(
    `one-event appends/s, ${s.concurrency} concurrent callers, vs the peer`,
    o.concurrentAppendsPerSecond.median,
    s.peer?.concurrentAppendsPerSecond?.median,
    '≥ 30× peer',
    (r) => r >= 30,
  );
  versus(
    `stream reads/s (${s.streamEvents} events), vs raw read+parse`,
    o.readsPerSecond.median,
    s.limits.rawReadsPerSecond.median,
    '≥ 1.00× raw',
    (r) => r >= 1,
  );
  versus(
    `stream reads/s (${s.streamEvents} events), vs the peer`,
    o.readsPerSecond.median,
    s.peer?.readsPerSecond?.median,
    'report',
    null,
  );
}
const pgStore = results.storePg;
if (pgStore?.skipped) add('PostgreSQL store rows', pgStore.skipped, '', '', 'ahead of Emmett-PG', null);
else if (pgStore) {
  const ahead = (r: number) => r > 1;
  versus(
    'PostgreSQL: one-event appends/s, 1 caller, vs Emmett-PG',
    pgStore.ours.appendsPerSecond.median,
    pgStore.peer?.appendsPerSecond?.median,
    '> 1× Emmett-PG',
    ahead,
  );
  versus(
    `PostgreSQL: one-event appends/s, ${pgStore.concurrency} concurrent callers, vs Emmett-PG`,
    pgStore.ours.concurrentAppendsPerSecond.median,
    pgStore.peer?.concurrentAppendsPerSecond?.median,
    '> 1× Emmett-PG',
    ahead,
  );
  versus(
    `PostgreSQL: stream reads/s (${pgStore.streamEvents} events), vs Emmett-PG`,
    pgStore.ours.readsPerSecond.median,
    pgStore.peer?.readsPerSecond?.median,
    '> 1× Emmett-PG',
    ahead,
  );
}
if (results.http && !results.http.skipped) {
  const c = results.http.commands;
  add(
    `HTTP commands/s (${results.http.platform ?? 'express'}, ${results.http.connections} conns)`,
    c.perSecond,
    '',
    atLeast(c.perSecond, 3000),
    '≥ 3,000/s',
    c.perSecond >= 3000,
  );
  add('HTTP command latency p50 / p99 ms', `${c.p50Ms} / ${c.p99Ms}`, '', under(c.p99Ms, 50), 'p99 < 50', c.p99Ms < 50);
}
if (results.rebuild) {
  for (const [variant, r] of Object.entries(results.rebuild as Record<string, any>)) {
    add(
      `rebuild events/s (${variant})`,
      r.eventsPerSecond,
      '',
      atLeast(r.eventsPerSecond, 150_000),
      '≥ 150,000/s',
      r.eventsPerSecond >= 150_000,
    );
    add(`rebuild peak RSS MB (${variant})`, r.peakRssMb, '', under(r.peakRssMb, 300), '< 300 MB', r.peakRssMb < 300);
  }
}
if (results.queries) {
  for (const q of results.queries.results) {
    const limit = q.query === 'path' ? 10 : 25;
    add(
      `${q.query} query p50 / p99 ms (port, ${fmt(q.avgRows, 0)} rows)`,
      `${q.p50Ms} / ${q.p99Ms}`,
      '',
      under(q.p99Ms, limit),
      `p99 < ${limit}`,
      q.p99Ms < limit,
    );
  }
}
/** The paced reads' rows: `where` says which process answered them. */
function pacedReadRows(reads: Record<string, any>, where: string) {
  for (const [kind, q] of Object.entries(reads)) {
    const limit = kind === 'path' ? 10 : 25;
    add(
      `${kind} query p50 / p99 ms (HTTP, ${where}, paced at ${fmt(q.perSecond)} req/s during the command load)`,
      `${q.p50Ms} / ${q.p99Ms}`,
      '',
      under(q.p99Ms, limit),
      `p99 < ${limit}`,
      q.p99Ms < limit,
    );
    // the same answers as the API timed them (Server-Timing): the rest of the caller's time is
    // spent before the API's clock starts or after its headers leave; the reader's own lateness
    // in sending is outside both (docs/performance.md, "Paced reads")
    if (q.server?.answers)
      add(
        `${kind} p50 / p99 ms inside the API (Server-Timing, ${where}); of it the usage log's wait; the reader's lateness p99`,
        `${q.server.appP50Ms} / ${q.server.appP99Ms}; ${q.server.logP50Ms} / ${q.server.logP99Ms}; ${q.sendLateP99Ms ?? '–'}`,
        '',
        '',
        'report',
        null,
      );
    // the log's wait apart: in its writer thread, of that the commit (the write lock, the
    // inserts, the fsync), of that the wait for the write lock; the rest of the wait is the
    // hand-over to and from the thread
    if (q.server?.logWriterP99Ms != null)
      add(
        `${kind}: the usage log's wait p50 / p99 ms in its writer thread; of it the commit; of that the wait for the write lock`,
        `${q.server.logWriterP50Ms} / ${q.server.logWriterP99Ms}; ${q.server.logCommitP50Ms} / ${q.server.logCommitP99Ms}; ${q.server.logLockP50Ms ?? '–'} / ${q.server.logLockP99Ms ?? '–'}`,
        '',
        '',
        'report',
        null,
      );
  }
}
if (results.http?.reads) pacedReadRows(results.http.reads, 'the command process');
if (results.http?.readsApart) {
  const apart = results.http.readsApart;
  add(
    `HTTP commands/s beside a reads-only process (commands at nice ${apart.commandNice})`,
    apart.commands.perSecond,
    '',
    '',
    'report',
    null,
  );
  pacedReadRows(apart.reads, 'a reads-only process');
}
if (results.generation)
  add('generation events/s (domain + append)', results.generation.eventsPerSecond, '', '', '', null);
if (results.kafka.skipped) add('Kafka ingest messages/s', results.kafka.skipped, '', '', '≥ 10,000/s', null);
else {
  const { withPublication: kp, ingestOnly: ki } = results.kafka;
  const clean = kp.deadLetters === 0 && ki.deadLetters === 0;
  add(
    `Kafka ingest messages/s (${kp.partitions} partitions, publisher on)`,
    kp.messagesPerSecond,
    '',
    atLeast(kp.messagesPerSecond, 10_000),
    '≥ 10,000/s',
    clean && kp.messagesPerSecond >= 10_000,
  );
  add(
    'Kafka ingest messages/s (publisher off)',
    ki.messagesPerSecond,
    '',
    atLeast(ki.messagesPerSecond, 10_000),
    '≥ 10,000/s',
    clean && ki.messagesPerSecond >= 10_000,
  );
  add(
    'Kafka dead letters / publisher lag at ingest end',
    `${kp.deadLetters + ki.deadLetters} / ${kp.publication.lagAtIngestEnd}`,
    '',
    '',
    '0 dead letters',
    clean,
  );
}

const header = ['metric', 'Polku', 'peer / limit', 'ratio', 'target', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
const table = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
process.stdout.write(
  `\nPolku benchmark: ${clients} active clients, ${years} year(s), seed ${seed}, ${fmt(events)} events (${results.machine.cpus} cores)\n${table}\n` +
    'ratio: Polku over the peer or limit; on rows with only a target, over the target (for times and memory,\n' +
    'the target over Polku), so a ratio of 1.00× or more meets it.\n',
);
// how the machine's cores were spent, suite by suite: a suite slow for a reason outside Polku
// (the VM's host taking its cores, or a slower core) is named, so that its rows are not read as
// the code's
results.machineDuring = machineDuring;
process.stdout.write(machineSummary(machineDuring));
results.table = rows.map((r) => Object.fromEntries(header.map((h, i) => [h || 'status', r[i]])));
results.finishedAt = new Date().toISOString();
const outFile = resolve(REPO_ROOT, argValue(argv, 'out') ?? join(BENCH_DIR, 'results', 'latest.json'));
ensureDir(dirname(outFile));
// no absolute paths of this machine in the results: the data directory and the repository become relative
const portable = JSON.stringify(results, null, 2)
  .replaceAll(JSON.stringify(dataDir).slice(1, -1), relative(REPO_ROOT, dataDir) || '.')
  .replaceAll(JSON.stringify(REPO_ROOT).slice(1, -1), '.');
writeFileSync(outFile, `${portable}\n`);
process.stdout.write(`\nwritten: ${relative(REPO_ROOT, outFile)}\n`);
if (argv.includes('--complete')) {
  const gaps = incompleteRows(rows, results.http);
  if (gaps.length > 0) {
    process.stderr.write(`the table is incomplete:\n${gaps.map((g) => `  ${g}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`every row measured, each with its ratio (${rows.length} rows)\n`);
}
