/**
 * `npm start`: everything on one machine with no server to install. Seeds the demo
 * clients into an empty store, then runs the API and the projector as two processes
 * on the same stores (SQLite files by default; EVENT_STORE / READ_STORE select others),
 * and stops both when either stops or on Ctrl-C.
 */
import '../libs/shared/runtime/check.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describeStore, openEventStore, storeEnv, StoreUnavailableError } from '../libs/adapters/open-stores/index.js';
import { loadLauncherConfig, loadOrExit } from '../libs/config/index.js';
import { demoClients } from './demo/index.js';
import { seedDemo } from './demo/seed.js';

// Young generation 8 MB per semi-space: Node 26's default for the main thread took a rebuild's
// RSS from ~275 to ~335 MB (docs/performance.md).
const PROJECTOR_HEAP = ['--max-old-space-size=256', '--max-semi-space-size=8'];
// The API's heap is capped too: a runaway (many long paths read at once) ends in a restart, not in swapping the host.
const API_HEAP = '--max-old-space-size=512';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..');
// Everything the children read is validated here first: a bad setting stops the start in one line.
const launcher = loadOrExit(() => loadLauncherConfig(), 2);
// The children open exactly the stores seeded here, whatever alias or default selected them.
const config = launcher.api;
const env = { ...launcher.environment, ...storeEnv(config) };

if (launcher.seedDemo) {
  const store = await openEventStore(config.eventStore).catch((e: unknown) => {
    if (e instanceof StoreUnavailableError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  });
  try {
    if ((await store.headPosition()) === 0n) {
      const r = await seedDemo(store, demoClients());
      console.log(`Seeded ${r.clients} demo clients (${r.commands} commands) into ${describeStore(config.eventStore)}`);
    }
  } finally {
    await store.close();
  }
}

const children: ChildProcess[] = [];
let stopping = false;
function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exitCode = code;
}
// With BUS=kafka the ingest process (Kafka commands in, path events out) runs too.
// The projector's heap is capped: its work is paged, and without a cap V8 lets garbage pile up
// (a rebuild's RSS stays near 220 MB with it instead of 300+; see docs/performance.md).
const processes: [string, string, string[]][] = [
  ['projector', 'apps/projector/main.js', PROJECTOR_HEAP],
  ['api', 'apps/api/main.js', [API_HEAP]],
];
if (launcher.bus.kind === 'kafka') processes.push(['ingest', 'apps/ingest/main.js', []]);
for (const [name, script, nodeArgs] of processes) {
  const child = spawn(process.execPath, [...nodeArgs, join(dist, script)], { env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`${name} exited (${signal ?? code}); stopping`);
    stop(code ?? 1);
  });
  children.push(child);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const base = `http://${config.host}:${config.port}`;
console.log(
  `Polku API on ${base} (docs ${base}/docs), projector health on http://${launcher.projector.host}:${launcher.projector.port}/health`,
);
if (config.readProcesses > 0)
  console.log(`Reads only (GET, HEAD, OPTIONS) also on http://${config.host}:${config.readPort}`);
console.log(
  'Demo token: npm run -s token -- --person te-liisa-korhonen --name "Liisa Korhonen" --org te-keski-suomi --org-type employment_authority --role officer',
);
console.log(
  'Demo path:  curl -H "Authorization: Bearer $TOKEN" -H "X-Purpose: service planning" ' +
    `${base}/clients/demo-keski-suomi-1/path`,
);
