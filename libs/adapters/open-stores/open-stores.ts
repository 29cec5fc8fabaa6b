import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EventStore } from '../../event-store/index.js';
import type { ReadStore } from '../../read-store/index.js';
import { SqliteEventStore } from '../sqlite-event-store/index.js';
import { SqliteReadStore } from '../sqlite-read-store/index.js';
import { SqliteKeyStore } from '../sqlite-key-store/index.js';
import { ProtectedEventStore } from '../../event-store/protection/index.js';
import { PostgresEventStore } from '../postgres-event-store/index.js';
import { PostgresReadStore } from '../postgres-read-store/index.js';
import { KurrentDbEventStore } from '../kurrentdb-event-store/index.js';
import type {
  EventStoreConfig,
  EventStoreKind,
  PostgresSettings,
  ReadStoreConfig,
  ReadStoreKind,
} from './store-config.js';

/** The configured kind has no adapter in this build. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

export type StoreFactory<C, T> = (config: C) => Promise<T>;

/** One opener per event-store kind: the only place that knows the adapters. */
export const EVENT_STORE_FACTORIES: Record<EventStoreKind, StoreFactory<EventStoreConfig, EventStore>> = {
  sqlite: async ({ path }) => {
    await mkdir(dirname(path), { recursive: true });
    return SqliteEventStore.open(path);
  },
  postgres: async (config) => {
    const { url, schema } = postgresOf(config);
    return PostgresEventStore.open(url, { schema });
  },
  kurrentdb: async (config) => {
    if (!config.kurrentdb) throw new StoreUnavailableError('KURRENTDB_URL is required for a kurrentdb event store');
    return KurrentDbEventStore.open(config.kurrentdb.url);
  },
};

export const READ_STORE_FACTORIES: Record<ReadStoreKind, StoreFactory<ReadStoreConfig, ReadStore>> = {
  sqlite: async ({ path }) => {
    await mkdir(dirname(path), { recursive: true });
    return SqliteReadStore.open(path);
  },
  postgres: async (config) => {
    const { url, schema } = postgresOf(config);
    return PostgresReadStore.open(url, { schema });
  },
};

/**
 * The configured event store, wrapped so that personal fields are encrypted with the
 * client's key on the way in and decrypted (or read as erased) on the way out. Every
 * process opens it here, so none can write personal data in plain text.
 */
export async function openEventStore(config: EventStoreConfig): Promise<EventStore> {
  const inner = await EVENT_STORE_FACTORIES[config.kind](config);
  let keys: SqliteKeyStore;
  try {
    await mkdir(dirname(config.keyStorePath), { recursive: true });
    keys = SqliteKeyStore.open(config.keyStorePath);
  } catch (error) {
    await inner.close();
    throw error;
  }
  return new KeyOwningEventStore(inner, keys);
}

/** Closes its own key store too: the key store is opened per event store here. */
class KeyOwningEventStore extends ProtectedEventStore {
  constructor(
    inner: EventStore,
    private readonly ownedKeys: SqliteKeyStore,
  ) {
    super(inner, ownedKeys);
  }
  override async close(): Promise<void> {
    try {
      await super.close();
    } finally {
      await this.ownedKeys.close();
    }
  }
}

export function openReadStore(config: ReadStoreConfig): Promise<ReadStore> {
  return READ_STORE_FACTORIES[config.kind](config);
}

/** Both stores, or neither: the event store is closed again when the read store fails to open. */
export async function openStores(config: { eventStore: EventStoreConfig; readStore: ReadStoreConfig }): Promise<{
  eventStore: EventStore;
  readStore: ReadStore;
  close(): Promise<void>;
}> {
  const eventStore = await openEventStore(config.eventStore);
  let readStore: ReadStore;
  try {
    readStore = await openReadStore(config.readStore);
  } catch (error) {
    await eventStore.close();
    throw error;
  }
  return {
    eventStore,
    readStore,
    close: async () => {
      const results = await Promise.allSettled([readStore.close(), eventStore.close()]);
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}

function postgresOf(config: { postgres?: PostgresSettings }): PostgresSettings {
  if (!config.postgres) throw new StoreUnavailableError('DATABASE_URL is required for a postgres store');
  return config.postgres;
}
