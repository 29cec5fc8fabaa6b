/**
 * `npm run verify [-- <clientId>]`: recomputes the hash chains of the event store at
 * EVENT_STORE_PATH and prints the first broken link, or that the history is intact.
 * Exit code 0 = intact, 1 = broken, 2 = bad usage.
 */
import '../libs/shared/runtime/check.js';
import { SqliteEventStore } from '../libs/adapters/sqlite-event-store/index.js';
import { loadApiConfig } from '../apps/api/config.js';

const args = process.argv.slice(2);
if (args.length > 1 || args[0]?.startsWith('-')) {
  process.stderr.write('usage: npm run verify [-- <clientId>]\n');
  process.exit(2);
}
const store = SqliteEventStore.open(loadApiConfig().eventStore.path);
try {
  const result = args[0] ? await store.verifyStream(args[0]) : await store.verifyAll();
  process.stdout.write(`${JSON.stringify(result, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}\n`);
  process.exitCode = result.intact ? 0 : 1;
} finally {
  await store.close();
}
