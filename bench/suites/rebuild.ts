/**
 * Projection rebuild: every event from position 0 into all read models (SqliteReadStore),
 * through the real Projector (apps/projector/runtime/projector.ts) over the real, protected
 * event store (personal fields decrypted with the key store, as in the projector process).
 * Prints events/s and the process's peak RSS. Variants: `by-stream` (the default: whole
 * streams, PROJECTOR_STREAMS_PER_PAGE) and `global-order` (streamsPerPage 0: the catch-up
 * path, one 500-event batch at a time, for comparison).
 */
import { rmSync } from 'node:fs';
import { openStores } from '../../libs/adapters/open-stores/index.js';
import { storeConfigFromEnv } from '../../libs/adapters/open-stores/store-config.js';
import { Projector } from '../../apps/projector/runtime/projector.js';
import { argNumber, argValue, emit, log, peakRssMb, round } from '../lib/util.js';

const argv = process.argv.slice(2);
const eventsPath = argValue(argv, 'events')!;
const readPath = argValue(argv, 'read')!;
const keysPath = argValue(argv, 'keys')!;
const variant = argValue(argv, 'variant') ?? 'by-stream';
const batchSize = argNumber(argv, 'batch', 500);
const streamsPerPage = variant === 'global-order' ? 0 : argNumber(argv, 'streams-per-page', 100);

for (const suffix of ['', '-wal', '-shm']) rmSync(`${readPath}${suffix}`, { force: true });
const storeConfig = storeConfigFromEnv({
  EVENT_STORE_PATH: eventsPath,
  READ_STORE_PATH: readPath,
  KEY_STORE_PATH: keysPath,
});
const { eventStore, readStore, close } = await openStores(storeConfig);
// as the projector process runs it (PROJECTOR_FOLD_WORKER on); `--fold-worker off` folds on the main thread
const foldWorker = argValue(argv, 'fold-worker') !== 'off';
const head = await eventStore.headPosition();
let progressAt = performance.now();
const began = performance.now();
let done = 0;
const projector = new Projector({
  eventStore,
  readStore,
  batchSize,
  streamsPerPage,
  ...(foldWorker && { foldWorker: { eventStore: storeConfig.eventStore } }),
  onBatch: ({ checkpoint, events }) => {
    done += events;
    if (performance.now() - progressAt > 10_000) {
      progressAt = performance.now();
      log(
        `  rebuild ${variant}: ${done}/${head} events (checkpoint ${checkpoint}, ${round(done / ((performance.now() - began) / 1000), 0)} ev/s)`,
      );
    }
  },
});
const { events } = await projector.rebuild();
const seconds = (performance.now() - began) / 1000;
await close();
emit({
  suite: 'rebuild',
  variant,
  foldWorker,
  batchSize,
  streamsPerPage,
  events,
  seconds: round(seconds, 2),
  eventsPerSecond: Math.round(events / seconds),
  peakRssMb: round(peakRssMb(), 0),
});
