import type { EventStore } from '../../event-store/index.js';
import { perStore } from '../per-store.js';
import { ClientStateCache, DEFAULT_CLIENT_STATE_CACHE, type ClientStateCacheOptions } from './client-state-cache.js';

/**
 * One cache per event-store instance, so every writer in a process that shares the store
 * (HTTP handlers, admin erasure, the Kafka ingest) shares one cache without wiring. A second
 * store instance, like another process, has its own cache: their writes meet as version
 * conflicts, never as stale decisions.
 */
const caches = perStore<ClientStateCache>();

/** The store's cache, created with the defaults on first use. */
export function clientStateCacheOf(store: EventStore): ClientStateCache {
  let cache = caches.of(store);
  if (!cache) {
    cache = new ClientStateCache(DEFAULT_CLIENT_STATE_CACHE);
    caches.set(store, cache);
  }
  return cache;
}

/** Replaces the store's cache (e.g. with settings from the environment at startup); maxClients 0 turns it off. */
export function configureClientStateCache(store: EventStore, options: ClientStateCacheOptions): ClientStateCache {
  caches.of(store)?.clear();
  const cache = new ClientStateCache(options);
  caches.set(store, cache);
  return cache;
}
