import { openStores } from '../../libs/adapters/open-stores/index.js';
import { Projector } from '../../apps/projector/runtime/projector.js';
import type { ApiConfig } from '../../apps/api/config.js';

/**
 * The real projector, in-process, on the API's own stores, opened through the same shared
 * opener the projector process uses (SQLite files, or PostgreSQL when the config says so).
 * `catchUp()` projects up to the head; `follow()` runs it live.
 */
export async function testProjector(config: ApiConfig) {
  const stores = await openStores(config);
  const projector = new Projector({ eventStore: stores.eventStore, readStore: stores.readStore, batchSize: 100 });
  const controller = new AbortController();
  let following: Promise<void> | undefined;
  return {
    projector,
    catchUp: () => projector.catchUp(),
    follow: () => {
      following = projector.follow(controller.signal);
    },
    close: async () => {
      controller.abort();
      await following;
      await stores.close();
    },
  };
}
