import type { ReadStore } from '../port.js';

export interface OpenedReadStore {
  store: ReadStore;
  /** Closes the store and opens the same storage again (persistence across restarts). */
  reopen(): Promise<ReadStore>;
  /** Closes whatever is open and removes what open() created. */
  cleanup(): Promise<void>;
}

/** Opens a fresh, EMPTY read store for each test. */
export type OpenReadStore = () => Promise<OpenedReadStore>;

/** What each part of the suite sees: the store of the running test (the reopened one after reopen()). */
export interface ReadStoreContext {
  readonly store: ReadStore;
  reopen(): Promise<ReadStore>;
}
