import type { EventStore } from '../event-store/index.js';

/**
 * Commands for one client take turns within a process (per store instance), in arrival
 * order. Run concurrently they would all decide on the same version and all but one would
 * lose at the append (with group commit: in the same batch) and start over; in turn, each
 * decides on the state its predecessor left in the cache. Other processes are still met
 * by the store's version check.
 */
const turns = new WeakMap<EventStore, Map<string, Promise<void>>>();

export function inClientTurn<T>(store: EventStore, clientId: string, run: () => Promise<T>): Promise<T> {
  let tails = turns.get(store);
  if (!tails) {
    tails = new Map();
    turns.set(store, tails);
  }
  const previous = tails.get(clientId);
  const result = previous ? previous.then(run) : run();
  const tail = result.then(done, done);
  tails.set(clientId, tail);
  void tail.then(() => {
    if (tails.get(clientId) === tail) tails.delete(clientId);
  });
  return result;
}

const done = (): void => undefined;
