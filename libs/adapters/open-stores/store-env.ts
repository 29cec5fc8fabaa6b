import type { EventStoreConfig, ReadStoreConfig, StoresConfig } from './store-config.js';

/**
 * The variables that select and locate the stores, resolved, for a child process (the
 * launcher passes them on so the API and projector open exactly what it seeded).
 */
export function storeEnv(config: StoresConfig): Record<string, string> {
  const env: Record<string, string> = {
    EVENT_STORE: config.eventStore.kind,
    READ_STORE: config.readStore.kind,
    EVENT_STORE_PATH: config.eventStore.path,
    READ_STORE_PATH: config.readStore.path,
  };
  const postgres = config.eventStore.postgres ?? config.readStore.postgres;
  if (postgres) Object.assign(env, { DATABASE_URL: postgres.url, DATABASE_SCHEMA: postgres.schema });
  return env;
}

/** Where a store lives, for log lines: the SQLite file, or the PostgreSQL host/database/schema (no credentials). */
export function describeStore(config: EventStoreConfig | ReadStoreConfig): string {
  if (!config.postgres) return config.kind === 'sqlite' ? config.path : config.kind;
  try {
    const url = new URL(config.postgres.url);
    return `PostgreSQL ${url.host}${url.pathname} schema ${config.postgres.schema}`;
  } catch {
    return `PostgreSQL schema ${config.postgres.schema}`;
  }
}
