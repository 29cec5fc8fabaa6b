/**
 * Reads at a steady pace, as officers open paths while the commands run: request k of a kind
 * is due at start + k / perSecond and is sent then, whether or not earlier ones have been
 * answered (an open loop, over as many keep-alive connections as the answers in flight need).
 * A read's latency runs from its sending to the last byte of its answer: a stalled API delays
 * only the answers, never the sending of the reads due meanwhile, so each of them counts the
 * stall (no coordinated omission) and nothing is made up. The reader's own lateness (its
 * process waiting for a core on a shared machine, which a caller elsewhere would not) is
 * reported beside it, and the latency from the due time with it.
 *
 * Why not autocannon's `overallRate` (used until 2026-12-07): it sends each second's quota
 * back to back at the start of the second, then pauses, so the reads queued behind each other
 * in bursts; and it "corrects" for coordinated omission with an expected interval of
 * `Math.ceil(1 / rate)` = 1 ms (seconds taken for milliseconds), adding a made-up sample for
 * every millisecond of each answer above 1 ms. Against a server answering 99 % in 5 ms and 1 %
 * in 30 ms it reported p50 3 / p99 25 ms (see docs/performance.md, "Paced reads").
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Req } from './autocannon-load.js';
import { percentile, round } from './util.js';

/**
 * The API's `Server-Timing` durations of the answers (ms): its own time; the usage log's wait
 * within it; of that, the time in the log's writer thread, of that its commit, and of that the
 * wait for the log's write lock.
 */
interface ServerTimes {
  app: number[];
  log: number[];
  'log-writer': number[];
  'log-commit': number[];
  'log-lock': number[];
}

export interface PacedSummary {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** How late the reader itself sent its requests (its own process waiting for a core), p99 ms. */
  sendLateP99Ms: number;
  /** The latency counted from each read's due time instead of its sending (the lateness included), p99 ms. */
  fromDueP99Ms: number;
  sampleErrors?: string[];
  server: ReturnType<typeof serverTimeSummary>;
}

/**
 * Reads `requests` in turn at `perSecond` against `url` until `stop()` or `seconds` pass; then
 * summarises them. A read not answered within `answerTimeoutMs` counts as an error, so that a
 * hung API ends the run instead of stalling it.
 */
export function pacedLoad(url: string, requests: Req[], seconds: number, perSecond: number, answerTimeoutMs = 30_000) {
  const base = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  const fromDue: number[] = [];
  const late: number[] = [];
  const times: ServerTimes = { app: [], log: [], 'log-writer': [], 'log-commit': [], 'log-lock': [] };
  const samples: string[] = [];
  let non2xx = 0;
  let errors = 0;
  let inFlight = 0;
  let stopped = false;
  let stop!: () => void;
  const ended = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const intervalMs = 1000 / perSecond;
  const start = performance.now();
  let sent = 0;
  let allAnswered: (() => void) | undefined;

  function send(due: number) {
    const r = requests[sent % requests.length];
    sent += 1;
    inFlight += 1;
    const sentAt = performance.now();
    late.push(sentAt - due);
    const done = (ok: boolean) => {
      inFlight -= 1;
      const at = performance.now();
      if (ok) {
        latencies.push(at - sentAt);
        fromDue.push(at - due);
      }
      if (inFlight === 0) allAnswered?.();
    };
    const req = request(
      { host: base.hostname, port: base.port, path: r.path, method: r.method, headers: r.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 300) {
            non2xx += 1;
            if (samples.length < 3) samples.push(`${status} ${Buffer.concat(chunks).toString().slice(0, 300)}`);
          } else collectServerTiming(res.headers['server-timing'], times);
          done(status < 300);
        });
      },
    );
    req.setTimeout(answerTimeoutMs, () => req.destroy(new Error(`no answer within ${answerTimeoutMs} ms`)));
    req.on('error', (e) => {
      errors += 1;
      if (samples.length < 3) samples.push(String(e));
      done(false);
    });
    req.end(r.body);
  }

  // Sends what is due, then sleeps until the next one: a late wake-up sends all that fell due.
  function tick() {
    if (stopped) return;
    const now = performance.now();
    while (start + sent * intervalMs <= now) send(start + sent * intervalMs);
    setTimeout(tick, Math.max(0, start + sent * intervalMs - performance.now()));
  }
  tick();
  const deadline = setTimeout(() => stop(), seconds * 1000);

  const summary = ended.then(async () => {
    stopped = true;
    clearTimeout(deadline);
    if (inFlight > 0) await new Promise<void>((resolve) => (allAnswered = resolve));
    agent.destroy();
    const elapsed = (performance.now() - start) / 1000;
    const result: PacedSummary = {
      requests: latencies.length + non2xx,
      perSecond: round(sent / elapsed, 0),
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      non2xx,
      errors,
      sendLateP99Ms: round(percentile(late, 99)),
      fromDueP99Ms: round(percentile(fromDue, 99)),
      ...(samples.length ? { sampleErrors: samples } : {}),
      server: serverTimeSummary(times),
    };
    return result;
  });
  return Object.assign(summary, { stop: () => stop() });
}

/** `app;dur=4.1, log;dur=1.2;desc="usage log"` → the durations into `into`. */
function collectServerTiming(header: string | string[] | undefined, into: ServerTimes): void {
  for (const entry of String(header ?? '').split(',')) {
    const [name, ...params] = entry.split(';').map((p) => p.trim());
    const dur = params.find((p) => p.startsWith('dur='));
    if (dur && Object.hasOwn(into, name)) into[name as keyof ServerTimes].push(Number(dur.slice('dur='.length)));
  }
}

/** p50 and p99 of the API's own times (ms). */
function serverTimeSummary(times: ServerTimes) {
  const pct = (values: number[], p: number) => (values.length ? percentile(values, p) : null);
  return {
    answers: times.app.length,
    appP50Ms: pct(times.app, 50),
    appP99Ms: pct(times.app, 99),
    logP50Ms: pct(times.log, 50),
    logP99Ms: pct(times.log, 99),
    logWriterP50Ms: pct(times['log-writer'], 50),
    logWriterP99Ms: pct(times['log-writer'], 99),
    logCommitP50Ms: pct(times['log-commit'], 50),
    logCommitP99Ms: pct(times['log-commit'], 99),
    logLockP50Ms: pct(times['log-lock'], 50),
    logLockP99Ms: pct(times['log-lock'], 99),
  };
}
