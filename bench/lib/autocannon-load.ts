import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BENCH_DIR, percentile, round } from './util.js';

/** One HTTP request of a load. */
export interface Req {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const require = createRequire(join(BENCH_DIR, 'package.json'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<any> & { stop(): void };

/** The API's `Server-Timing` durations of the answers (ms): its own time, and the usage log's wait within it. */
export interface ServerTimes {
  app: number[];
  log: number[];
}

/** `app;dur=4.1, log;dur=1.2;desc="usage log"` → the durations into `into`. */
function collectServerTiming(headers: Record<string, unknown>, into: ServerTimes): void {
  const header = Object.entries(headers).find(([name]) => name.toLowerCase() === 'server-timing')?.[1];
  for (const entry of String(header ?? '').split(',')) {
    const [name, ...params] = entry.split(';').map((p) => p.trim());
    const dur = params.find((p) => p.startsWith('dur='));
    if ((name === 'app' || name === 'log') && dur) into[name].push(Number(dur.slice('dur='.length)));
  }
}

/** p50 and p99 of the API's own times, as autocannon reports the caller's (ms). */
function serverTimeSummary(times: ServerTimes) {
  const pct = (values: number[], p: number) => (values.length ? percentile(values, p) : null);
  return {
    answers: times.app.length,
    appP50Ms: pct(times.app, 50),
    appP99Ms: pct(times.app, 99),
    logP50Ms: pct(times.log, 50),
    logP99Ms: pct(times.log, 99),
  };
}

/**
 * Requests in turn over `conns` connections for `duration` seconds, as fast as answered or at
 * `perSecond` overall. `unique`: each request may be sent once (commands: attendance dates and
 * reviews are valid once), so the run stops when they are used up or after `duration`.
 * `serverTimed`: the summary adds the API's own time from each answer's `Server-Timing`.
 */
export function load(
  url: string,
  requests: Req[],
  duration: number,
  conns: number,
  unique = false,
  perSecond?: number,
  serverTimed = false,
) {
  let i = 0;
  const samples: string[] = [];
  const times: ServerTimes | undefined = serverTimed ? { app: [], log: [] } : undefined;
  const run = autocannon({
    url,
    connections: conns,
    duration,
    ...(perSecond ? { overallRate: perSecond } : {}),
    ...(unique ? { amount: requests.length } : {}),
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => ({ ...req, ...requests[i++ % requests.length] }),
        onResponse: (status: number, body: string, _context: unknown, headers: Record<string, unknown>) => {
          if (status >= 300 && samples.length < 3) samples.push(`${status} ${body.slice(0, 300)}`);
          if (times) collectServerTiming(headers, times);
        },
      },
    ],
  });
  // `amount` makes autocannon ignore the duration: stop it ourselves
  const timer = unique ? setTimeout(() => run.stop(), duration * 1000) : undefined;
  const summary = run.then((result) => {
    clearTimeout(timer);
    const caller = summarise(result, samples);
    return times ? { ...caller, server: serverTimeSummary(times) } : caller;
  });
  return Object.assign(summary, { stop: () => run.stop() });
}

export type LoadSummary = ReturnType<typeof summarise> & { server?: ReturnType<typeof serverTimeSummary> };

/** autocannon's result (untyped: it comes from the bench's own install). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function summarise(result: any, samples: string[]) {
  const total = result.requests.total as number;
  return {
    requests: total,
    perSecond: round(total / (result.duration as number), 0),
    p50Ms: result.latency.p50 as number,
    p99Ms: result.latency.p99 as number,
    non2xx: result.non2xx as number,
    errors: result.errors as number,
    ...(samples.length ? { sampleErrors: samples } : {}),
  };
}
