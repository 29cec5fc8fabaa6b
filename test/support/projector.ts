import { SqliteEventStore } from '../../libs/adapters/sqlite-event-store/index.js';
import { SqliteReadStore } from '../../libs/adapters/sqlite-read-store/index.js';
import { Projector } from '../../apps/projector/runtime/projector.js';
import type { ApiConfig } from '../../apps/api/config.js';

/**
 * The real projector, in-process, on the API's own SQLite files (as the separate
 * process would open them). `catchUp()` projects up to the head; `follow()` runs it live.
 */
export async function testProjector(config: ApiConfig) {
  const eventStore = SqliteEventStore.open(config.eventStore.path);
  const readStore = SqliteReadStore.open(config.readStore.path);
  const projector = new Projector({ eventStore, readStore, batchSize: 100 });
  const controller = new AbortController();
  let following: Promise<void> | undefined;
  return {
    projector,
    catchUp: () => projector.catchUp(),
    follow: () => { following = projector.follow(controller.signal); },
    close: async () => {
      controller.abort();
      await following;
      await eventStore.close();
      await readStore.close();
    },
  };
}
