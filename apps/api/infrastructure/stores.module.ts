import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '../../../libs/event-store/index.js';
import type { ReadStore } from '../../../libs/read-store/index.js';
import type { ApiConfig } from '../config.js';
import { openEventStore, openReadStore, untilAvailable } from '../../../libs/adapters/open-stores/index.js';
import { API_CONFIG, EVENT_STORE, READ_STORE } from './tokens.js';

/** Started while the database is down, the API waits for it (logging each attempt) instead of exiting. */
const waitLog = (store: string) => {
  const logger = new Logger('Stores');
  return {
    onWait: (error: unknown, retryInMs: number) =>
      logger.warn(
        `The ${store} is unavailable (${error instanceof Error ? error.message : String(error)}); retrying in ${retryInMs} ms`,
      ),
  };
};

/**
 * Opens the configured stores once per app and closes them when the app shuts down
 * (SIGTERM with shutdown hooks, or `app.close()`), after every other module's hooks.
 */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) =>
        untilAvailable(() => openEventStore(config.eventStore), waitLog('event store')),
    },
    {
      provide: READ_STORE,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => untilAvailable(() => openReadStore(config.readStore), waitLog('read store')),
    },
  ],
  exports: [EVENT_STORE, READ_STORE],
})
export class StoresModule implements OnApplicationShutdown {
  private readonly logger = new Logger('Stores');

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    const results = await Promise.allSettled([this.eventStore.close(), this.readStore.close()]);
    for (const result of results) {
      if (result.status === 'rejected') this.logger.error('Closing a store failed', result.reason);
    }
  }
}
