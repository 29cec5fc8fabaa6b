/**
 * The paced reads of the HTTP suite in their own process: measured beside a saturating command
 * load in the same event loop, a read's latency would include the load generator's own queue
 * (16 connections answered ~1,000 times a second), not only the API's. (A process, not a
 * worker thread, so that `--reads-cpus` can give it cores of its own.) Gets
 * `{ url, readers, seconds, perSecond }` as its first IPC message, reads for a second untimed,
 * sends 'timing' and from then on runs each kind of read at
 * `perSecond` (bench/lib/paced-load.ts) until the message 'stop', then sends the
 * summaries by kind, each with the API's own time from the answers' `Server-Timing`, and exits.
 */
import type { Req } from './autocannon-load.js';
import { pacedLoad, type PacedSummary } from './paced-load.js';

export interface PacedReadsInput {
  url: string;
  readers: Record<string, Req[]>;
  seconds: number;
  perSecond: number;
}

/** Untimed reads first, so that the reader's own first calls (compiling, connecting) are not the API's tail. */
const WARM_UP_SECONDS = 1;

process.once('message', async (input: PacedReadsInput) => {
  const { url, readers, seconds, perSecond } = input;
  await Promise.all(Object.values(readers).map((reqs) => pacedLoad(url, reqs, WARM_UP_SECONDS, perSecond)));
  // timed until the caller's load ends ('stop'); the cap only ends a reader whose caller died
  const cap = seconds * 3 + 30;
  const runs = Object.entries(readers).map(([kind, reqs]) => ({ kind, run: pacedLoad(url, reqs, cap, perSecond) }));
  process.once('message', () => {
    for (const r of runs) r.run.stop();
  });
  process.send!('timing'); // the caller starts its load now
  const out: Record<string, PacedSummary> = {};
  for (const r of runs) out[r.kind] = await r.run;
  process.send!(out, () => process.exit(0));
});
