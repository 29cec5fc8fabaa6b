import type { EventStore } from '../event-store/index.js';
import { perStore } from './per-store.js';

/** Where a command's decision state came from: the process's cache, a projector's snapshot, or the whole stream. */
export type ClientStateSource = 'cache' | 'snapshot' | 'stream';
export type ClientStateLoadObserver = (from: ClientStateSource) => void;

const observers = perStore<ClientStateLoadObserver>();

export const clientStateLoadObserverOf = (store: EventStore): ClientStateLoadObserver | null => observers.of(store);

/**
 * Calls `observe` for every state a command on this store decides on, first or again (a
 * metric: how often snapshots spare a stream read). Null removes it.
 */
export const observeClientStateLoads = (store: EventStore, observe: ClientStateLoadObserver | null): void =>
  observers.set(store, observe);
