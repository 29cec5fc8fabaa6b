/**
 * Projection rebuild: every event from position 0 into all read models (SqliteReadStore),
 * through the real Projector (apps/projector/runtime/projector.ts). Prints events/s and the
 * process's peak RSS. `--variant grouped` runs the bench-only prototype of the proposed fix.
 */
import { rmSync } from 'node:fs';
import { SqliteEventStore } from '../../libs/adapters/sqlite-event-store/index.js';
import { SqliteReadStore } from '../../libs/adapters/sqlite-read-store/index.js';
import { Projector } from '../../apps/projector/runtime/projector.js';
import Database from 'better-sqlite3';
import { LEAN_READ_SCHEMA, rebuildByStream, rebuildGrouped, withoutStateTimeline } from '../proto/batched-projector.js';
import { READ_STORE_SCHEMA_VERSION, SCHEMA_SQL } from '../../libs/adapters/sqlite-read-store/schema.js';
import { argNumber, argValue, emit, log, peakRssMb, round } from '../lib/util.js';

const argv = process.argv.slice(2);
const eventsPath = argValue(argv, 'events')!;
const readPath = argValue(argv, 'read')!;
const variant = argValue(argv, 'variant') ?? 'stock';
const batchSize = argNumber(argv, 'batch', 500);

for (const suffix of ['', '-wal', '-shm']) rmSync(`${readPath}${suffix}`, { force: true });
if (variant === 'by-stream-lean') {
  // bench-only: pre-create the read store without the json_valid CHECKs (see proto/)
  const db = new Database(readPath);
  db.exec(LEAN_READ_SCHEMA(SCHEMA_SQL));
  db.pragma(`user_version = ${READ_STORE_SCHEMA_VERSION}`);
  db.close();
}
const eventStore = SqliteEventStore.open(eventsPath);
const readStore = SqliteReadStore.open(readPath);
const head = await eventStore.headPosition();
let progressAt = performance.now();
const began = performance.now();
let events = 0;
if (variant === 'grouped') {
  events = (await rebuildGrouped(eventStore, readStore, batchSize)).events;
} else if (variant === 'by-stream' || variant === 'by-stream-lean') {
  // bench-only: the stream ids straight from the file (the port has no listStreams())
  const db = new Database(eventsPath, { readonly: true });
  const ids = db.prepare('SELECT client_id FROM streams ORDER BY client_id').pluck().all() as string[];
  db.close();
  events = (await rebuildByStream(eventStore, readStore, ids, batchSize, variant === 'by-stream-lean' ? withoutStateTimeline : undefined)).events;
} else {
  const projector = new Projector({
    eventStore, readStore, batchSize,
    onBatch: ({ checkpoint }) => {
      if (performance.now() - progressAt > 10_000) {
        progressAt = performance.now();
        log(`  rebuild ${variant}: ${checkpoint}/${head} (${round(Number(checkpoint) / ((performance.now() - began) / 1000), 0)} ev/s)`);
      }
    },
  });
  events = (await projector.rebuild()).events;
}
const seconds = (performance.now() - began) / 1000;
await readStore.close();
await eventStore.close();
emit({ suite: 'rebuild', variant, batchSize, events, seconds: round(seconds, 2), eventsPerSecond: Math.round(events / seconds), peakRssMb: round(peakRssMb(), 0) });
