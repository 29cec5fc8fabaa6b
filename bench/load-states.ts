/**
 * `node bench/dist-bench/bench/load-states.js <data dir> [clients] [rounds]`: CPU per client
 * state loaded through the real stores (SQLite events + keys, protection, upcast, fold), as a
 * command that misses the client-state cache pays it.
 */
import { loadClientState } from '../libs/application/index.js';
import { clientIdsOf, openProtectedStore } from './lib/data-stores.js';

const [dir, clientsArg, roundsArg] = process.argv.slice(2);
const clients = Number(clientsArg ?? 2000);
const rounds = Number(roundsArg ?? 3);

const ids = clientIdsOf(dir, clients);
const { store } = openProtectedStore(dir);

let events = 0;
for (let round = 0; round <= rounds; round += 1) {
  const start = process.cpuUsage();
  const wall = performance.now();
  for (const id of ids) {
    const { version } = await loadClientState(store, id);
    if (round === 0) events += Number(version);
  }
  const cpu = process.cpuUsage(start);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (round > 0)
    process.stdout.write(
      `${JSON.stringify({
        round,
        clients: ids.length,
        eventsPerClient: Math.round(events / ids.length),
        cpuMsPerClient: +(cpuMs / ids.length).toFixed(4),
        sysMsPerClient: +(cpu.system / 1000 / ids.length).toFixed(4),
        wallMsPerClient: +((performance.now() - wall) / ids.length).toFixed(4),
      })}\n`,
    );
}
await store.close();
