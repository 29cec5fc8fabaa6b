/**
 * Query latency through the read-store port (SqliteReadStore) on a rebuilt read store:
 * a client's path, a responsible officer's caseload, an organisation's worklist (30 days
 * ahead of the data's last day). Ids come from the generator's manifest, picked
 * deterministically; every call is timed on its own.
 */
import { SqliteReadStore } from '../../libs/adapters/sqlite-read-store/index.js';
import { addDays } from '../../libs/domain/index.js';
import { argNumber, argValue, cycle, emit, percentile, round } from '../lib/util.js';
import { readManifest } from '../lib/manifest.js';

const argv = process.argv.slice(2);
const store = SqliteReadStore.open(argValue(argv, 'read')!);
const manifest = readManifest(argValue(argv, 'manifest')!);
const samples = argNumber(argv, 'samples', 2000);

async function timed(name: string, calls: (() => Promise<number>)[]): Promise<Record<string, number | string>> {
  for (const call of calls.slice(0, 50)) await call(); // warm the page cache and the JIT
  const ms: number[] = [];
  let rows = 0;
  for (const call of calls) {
    const t0 = performance.now();
    rows += await call();
    ms.push(performance.now() - t0);
  }
  return {
    query: name,
    calls: calls.length,
    p50Ms: round(percentile(ms, 50), 2),
    p99Ms: round(percentile(ms, 99), 2),
    maxMs: round(Math.max(...ms), 2),
    avgRows: round(rows / calls.length, 1),
  };
}

const clients = cycle(manifest.clientSummaries.map((c) => c.clientId));
const officers = cycle(manifest.officers);
const orgs = cycle(
  [...manifest.organisations.employment, ...manifest.organisations.wellbeing, ...manifest.organisations.providers],
  3,
);
const dueBy = addDays(manifest.end, 30);
const take = <T>(it: Generator<T>, n: number): T[] => Array.from({ length: n }, () => it.next().value as T);

const results = [
  await timed(
    'path',
    take(clients, samples).map((id) => async () => ((await store.clientPath(id)) ? 1 : 0)),
  ),
  await timed(
    'caseload',
    take(officers, samples).map((id) => async () => (await store.caseload(id)).length),
  ),
  await timed(
    'worklist',
    take(orgs, Math.min(samples, 500)).map(
      (organisationId) => async () =>
        (await store.worklist({ organisationId, dueOnOrBefore: dueBy, limit: 100 })).length,
    ),
  ),
];
await store.close();
emit({ suite: 'queries', via: 'read-store port', results });
