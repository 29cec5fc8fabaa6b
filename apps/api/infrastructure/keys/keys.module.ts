import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ClientKeyStore } from '../../../../libs/key-store/index.js';
import { SqliteKeyStore } from '../../../../libs/adapters/sqlite-key-store/index.js';
import type { ApiConfig } from '../../config.js';
import { API_CONFIG, KEY_STORE } from '../tokens.js';

/** Per-client encryption keys, kept apart from the events (KEY_STORE_PATH, default $DATA_DIR/keys.sqlite). */
@Global()
@Module({
  providers: [
    {
      provide: KEY_STORE,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => SqliteKeyStore.open(config.eventStore.keyStorePath),
    },
  ],
  exports: [KEY_STORE],
})
export class KeysModule implements OnApplicationShutdown {
  constructor(@Inject(KEY_STORE) private readonly keys: ClientKeyStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.keys.close();
  }
}
