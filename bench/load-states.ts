/**
 * `node bench/dist-bench/bench/load-states.js <data dir> [clients] [rounds]`: CPU per client
 * state loaded through the real stores (SQLite events + keys, protection, upcast, fold), as a
 * command that misses the client-state cache pays it. Each round loads every client twice, in
 * turn: from its whole stream, and from the projector's decision-state snapshot in the data
 * set's read store (read.sqlite) and the events after it. A snapshot load that falls back to
 * the stream (no snapshot, or not of this history) is counted.
 */
import { join } from 'node:path';
import { SqliteReadStore } from '../libs/adapters/sqlite-read-store/index.js';
import { loadClientState, loadClientStateFromSnapshot } from '../libs/application/index.js';
import { readStoreDecisionSnapshotsFor } from '../libs/projections/client-path/index.js';
import { clientIdsOf, openProtectedStore } from './lib/data-stores.js';

const [dir, clientsArg, roundsArg] = process.argv.slice(2);
const clients = Number(clientsArg ?? 2000);
const rounds = Number(roundsArg ?? 3);

const ids = clientIdsOf(dir, clients);
const { store } = openProtectedStore(dir);
const readStore = SqliteReadStore.open(join(dir, 'read.sqlite'));
const snapshots = readStoreDecisionSnapshotsFor(store, readStore)!;

async function measure(way: 'stream' | 'snapshot', round: number): Promise<void> {
  let events = 0;
  let fellBack = 0;
  const start = process.cpuUsage();
  const wall = performance.now();
  for (const id of ids) {
    if (way === 'stream') events += Number((await loadClientState(store, id)).version);
    else if (!(await loadClientStateFromSnapshot(store, id, snapshots))) fellBack += 1;
  }
  const cpu = process.cpuUsage(start);
  if (round > 0)
    process.stdout.write(
      `${JSON.stringify({
        round,
        way,
        clients: ids.length,
        ...(way === 'stream' ? { eventsPerClient: Math.round(events / ids.length) } : { fellBack }),
        cpuMsPerClient: +((cpu.user + cpu.system) / 1000 / ids.length).toFixed(4),
        sysMsPerClient: +(cpu.system / 1000 / ids.length).toFixed(4),
        wallMsPerClient: +((performance.now() - wall) / ids.length).toFixed(4),
      })}\n`,
    );
}

// round 0 warms both ways up
for (let round = 0; round <= rounds; round += 1) {
  await measure('stream', round);
  await measure('snapshot', round);
}
await store.close();
await readStore.close();
