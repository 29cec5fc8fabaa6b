import type { EventStore } from '../event-store/index.js';

/** Where a command's decision state came from: the process's cache, a projector's snapshot, or the whole stream. */
export type ClientStateSource = 'cache' | 'snapshot' | 'stream';
export type ClientStateLoadObserver = (from: ClientStateSource) => void;

const observers = new WeakMap<EventStore, ClientStateLoadObserver>();

export const clientStateLoadObserverOf = (store: EventStore): ClientStateLoadObserver | null =>
  observers.get(store) ?? null;

/**
 * Calls `observe` for every state a command on this store decides on, first or again (a
 * metric: how often snapshots spare a stream read). Null removes it.
 */
export function observeClientStateLoads(store: EventStore, observe: ClientStateLoadObserver | null): void {
  if (observe) observers.set(store, observe);
  else observers.delete(store);
}
