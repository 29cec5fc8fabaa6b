/**
 * `node bench/dist-bench/bench/fold-states.js <data dir> [clients] [rounds]`: CPU per client of
 * the fold alone (clientStateOf) over histories read once through the real stores.
 */
import { writeFileSync } from 'node:fs';
import { clientStateOf } from '../libs/domain/index.js';
import { clientIdsOf, openProtectedStore } from './lib/data-stores.js';

const [dir, clientsArg, roundsArg, dumpTo] = process.argv.slice(2);
const clients = Number(clientsArg ?? 2000);
const rounds = Number(roundsArg ?? 5);
const ids = clientIdsOf(dir, clients);
const { store } = openProtectedStore(dir);
const histories = await Promise.all(ids.map(async (id) => (await store.readStream(id)).events));
await store.close();
let check = 0;
for (let round = 0; round <= rounds; round += 1) {
  const start = process.cpuUsage();
  for (let i = 0; i < ids.length; i += 1) check += clientStateOf(ids[i], histories[i]).assessmentIds.length;
  const cpu = process.cpuUsage(start);
  if (round > 0)
    process.stdout.write(
      `${JSON.stringify({ round, usPerClient: +((cpu.user + cpu.system) / ids.length).toFixed(2), check })}\n`,
    );
}
// the folded states, keys in order, to compare two versions of the fold
if (dumpTo) writeFileSync(dumpTo, ids.map((id, i) => JSON.stringify(clientStateOf(id, histories[i]))).join('\n'));
