import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SqliteEventStore } from '../../../libs/adapters/sqlite-event-store/index.js';
import { SqliteReadStore } from '../../../libs/adapters/sqlite-read-store/index.js';
import type { EventStore } from '../../../libs/event-store/index.js';
import type { ReadStore } from '../../../libs/read-store/index.js';
import type { StoreConfig, StoreKind } from '../config.js';

/**
 * One opener per adapter kind. A new adapter (e.g. Postgres) adds its kind to
 * STORE_KINDS in config.ts and an entry here; `<STORE>_KIND` then selects it.
 */
export type StoreFactory<T> = (config: StoreConfig) => Promise<T>;

export const EVENT_STORE_FACTORIES: Record<StoreKind, StoreFactory<EventStore>> = {
  sqlite: async ({ path }) => {
    await mkdir(dirname(path), { recursive: true });
    return SqliteEventStore.open(path);
  },
};

export const READ_STORE_FACTORIES: Record<StoreKind, StoreFactory<ReadStore>> = {
  sqlite: async ({ path }) => {
    await mkdir(dirname(path), { recursive: true });
    return SqliteReadStore.open(path);
  },
};

export function openEventStore(config: StoreConfig): Promise<EventStore> {
  return EVENT_STORE_FACTORIES[config.kind](config);
}

export function openReadStore(config: StoreConfig): Promise<ReadStore> {
  return READ_STORE_FACTORIES[config.kind](config);
}
