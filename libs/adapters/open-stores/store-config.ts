/**
 * Which store adapters run: defined and validated in libs/config (the store section).
 * Re-exported here because the adapters and their factories speak these types.
 */
import { ConfigError, Problems, readStores, type Environment, type StoresConfig } from '../../config/index.js';

export {
  EVENT_STORE_KINDS,
  READ_STORE_KINDS,
  type EventStoreConfig,
  type EventStoreKind,
  type KurrentDbSettings,
  type PostgresSettings,
  type ReadStoreConfig,
  type ReadStoreKind,
  type StoresConfig,
} from '../../config/index.js';

/** The stores an environment selects (for scripts and tests that hold an explicit environment). */
export function storeConfigFromEnv(env: Environment): StoresConfig {
  const problems = new Problems();
  const stores = readStores(env, problems);
  problems.throwIfAny();
  if (!stores) throw new ConfigError([]);
  return stores;
}
