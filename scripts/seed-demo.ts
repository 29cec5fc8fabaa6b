/**
 * `npm run seed:demo`: writes the demo clients' paths into the configured event store
 * (EVENT_STORE, default the SQLite file at EVENT_STORE_PATH = ./data/events.sqlite).
 * Safe to run twice (idempotency keys).
 */
import '../libs/shared/runtime/check.js';
import { openEventStore } from '../libs/adapters/open-stores/index.js';
import { loadApiConfig } from '../apps/api/config.js';
import { demoClients } from './demo/index.js';
import { seedDemo } from './demo/seed.js';

const config = loadApiConfig();
const store = await openEventStore(config.eventStore);
try {
  const result = await seedDemo(store, demoClients());
  process.stdout.write(
    `${JSON.stringify({ msg: 'demo seeded', ...result, head: (await store.headPosition()).toString() })}\n`,
  );
} finally {
  await store.close();
}
