/**
 * `npm run seed:demo`: writes the demo clients' paths into the event store at
 * EVENT_STORE_PATH (default ./data/events.sqlite). Safe to run twice (idempotency keys).
 */
import { SqliteEventStore } from '../libs/adapters/sqlite-event-store/index.js';
import { loadApiConfig } from '../apps/api/config.js';
import { demoClients } from './demo/index.js';
import { seedDemo } from './demo/seed.js';

const config = loadApiConfig();
const store = SqliteEventStore.open(config.eventStore.path);
try {
  const result = await seedDemo(store, demoClients());
  process.stdout.write(`${JSON.stringify({ msg: 'demo seeded', ...result, head: (await store.headPosition()).toString() })}\n`);
} finally {
  await store.close();
}
