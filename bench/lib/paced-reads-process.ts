/**
 * The paced reads of the HTTP suite in their own process: measured beside a saturating command
 * load in the same event loop, a read's latency would include the load generator's own queue
 * (16 connections answered ~1,000 times a second), not only the API's. (Not a worker thread:
 * autocannon off the main thread hands back raw histograms, not a result.) Gets
 * `{ url, readers, seconds, perSecond }` as its first IPC message, runs each kind of read at
 * `perSecond` over 2 connections until the message 'stop' (or `seconds` pass), then sends the
 * summaries by kind, each with the API's own time from the answers' `Server-Timing`, and exits.
 */
import { load, type LoadSummary, type Req } from './autocannon-load.js';

export interface PacedReadsInput {
  url: string;
  readers: Record<string, Req[]>;
  seconds: number;
  perSecond: number;
}

process.once('message', async (input: PacedReadsInput) => {
  const { url, readers, seconds, perSecond } = input;
  const runs = Object.entries(readers).map(([kind, reqs]) => ({
    kind,
    run: load(url, reqs, seconds, 2, false, perSecond, true),
  }));
  process.once('message', () => {
    for (const r of runs) r.run.stop();
  });
  const out: Record<string, LoadSummary> = {};
  for (const r of runs) out[r.kind] = await r.run;
  process.send!(out, () => process.exit(0));
});
