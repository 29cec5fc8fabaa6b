/**
 * `node bench/dist-bench/bench/load-states.js <data dir> [clients] [rounds]`: CPU per client
 * state loaded through the real stores (SQLite events + keys, protection, upcast, fold), as a
 * command that misses the client-state cache pays it. Opens the stores read-only in use.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../libs/adapters/sqlite-event-store/index.js';
import { SqliteKeyStore } from '../libs/adapters/sqlite-key-store/index.js';
import { ProtectedEventStore } from '../libs/event-store/protection/index.js';
import { loadClientState } from '../libs/application/index.js';

const [dir, clientsArg, roundsArg] = process.argv.slice(2);
const clients = Number(clientsArg ?? 2000);
const rounds = Number(roundsArg ?? 3);

const ids = (() => {
  const db = new Database(join(dir, 'events.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT client_id FROM streams ORDER BY client_id LIMIT ?').pluck().all(clients) as string[];
  } finally {
    db.close();
  }
})();

const store = new ProtectedEventStore(
  SqliteEventStore.open(join(dir, 'events.sqlite')),
  SqliteKeyStore.open(join(dir, 'keys.sqlite')),
);

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
