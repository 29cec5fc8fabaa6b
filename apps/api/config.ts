/** API configuration: defined, read and validated in libs/config. */
export {
  AUTH_MODES,
  ConfigError,
  DEV_JWT_SECRET,
  EVENT_STORE_KINDS,
  loadApiConfig,
  READ_STORE_KINDS,
  type ApiConfig,
  type AuthConfig,
  type EventStoreConfig,
  type OidcSettings,
  type ReadStoreConfig,
} from '../../libs/config/index.js';
import type { EventStoreConfig, ReadStoreConfig } from '../../libs/config/index.js';
export type StoreConfig = EventStoreConfig | ReadStoreConfig;
