/**
 * The API opens its stores through the shared opener (libs/adapters/open-stores), the same
 * one the projector and the scripts use, so `EVENT_STORE` / `READ_STORE` select the adapter
 * everywhere. A new adapter adds its kind and factory there.
 */
export {
  EVENT_STORE_FACTORIES,
  READ_STORE_FACTORIES,
  openEventStore,
  openReadStore,
  StoreUnavailableError,
  type StoreFactory,
  untilAvailable,
} from '../../../libs/adapters/open-stores/index.js';
