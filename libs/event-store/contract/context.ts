import type { EventStore } from '../port.js';

export interface OpenedStore {
  store: EventStore;
  /** Closes the store and removes whatever open() created. */
  cleanup(): Promise<void>;
}

/** Opens a fresh, EMPTY store for each test. */
export type OpenStore = () => Promise<OpenedStore>;

/** What each part of the suite sees: the store of the running test. */
export interface ContractContext {
  readonly store: EventStore;
}
