import type { EventStore } from '../event-store/index.js';

/**
 * A value kept per event-store instance, so every writer in a process that shares the store
 * (HTTP handlers, admin erasure, the Kafka ingest) sees it without wiring.
 */
export function perStore<T>() {
  const values = new WeakMap<EventStore, T>();
  return {
    of: (store: EventStore): T | null => values.get(store) ?? null,
    /** null removes it. */
    set(store: EventStore, value: T | null): void {
      if (value === null) values.delete(store);
      else values.set(store, value);
    },
  };
}
