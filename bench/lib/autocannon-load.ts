import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BENCH_DIR, round } from './util.js';

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

/**
 * Requests in turn over `conns` connections for `duration` seconds, as fast as answered (a
 * closed loop: for rates; paced reads are bench/lib/paced-load.ts). `unique`: each request may
 * be sent once (commands: attendance dates and reviews are valid once), so the run stops when
 * they are used up or after `duration`.
 */
export function load(url: string, requests: Req[], duration: number, conns: number, unique = false) {
  let i = 0;
  const samples: string[] = [];
  const run = autocannon({
    url,
    connections: conns,
    duration,
    ...(unique ? { amount: requests.length } : {}),
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => ({ ...req, ...requests[i++ % requests.length] }),
        onResponse: (status: number, body: string) => {
          if (status >= 300 && samples.length < 3) samples.push(`${status} ${body.slice(0, 300)}`);
        },
      },
    ],
  });
  // `amount` makes autocannon ignore the duration: stop it ourselves
  const timer = unique ? setTimeout(() => run.stop(), duration * 1000) : undefined;
  const summary = run.then((result) => {
    clearTimeout(timer);
    return summarise(result, samples);
  });
  return Object.assign(summary, { stop: () => run.stop() });
}

export type LoadSummary = ReturnType<typeof summarise>;

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
