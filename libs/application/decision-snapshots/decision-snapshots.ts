import type { ClientPathState } from '../../domain/index.js';
import type { EventStore } from '../../event-store/index.js';
import { perStore } from '../per-store.js';

/** A client's decision state folded from its events up to and including stream `version`. */
export interface DecisionSnapshot {
  state: ClientPathState;
  version: bigint;
  /** The global position of the event at `version`: ties the snapshot to this store's history. */
  position: bigint;
}

/**
 * Where a command may find a client's decision state already folded (the projector's carried
 * state: libs/projections `readStoreDecisionSnapshots`), so that a client missing from the
 * cache costs one row and the events after it instead of its whole stream. Only a head start:
 * the events after the snapshot come from the event store, the append expects the version
 * they end at, and a refusal or conflict on such a state is decided again on the whole stream.
 */
export interface DecisionStateSnapshots {
  /** Null when there is none to start from (not projected yet, projected by older code, erased). */
  snapshotOf(clientId: string): Promise<DecisionSnapshot | null>;
}

/** One source per event-store instance, like the state cache. */
const sources = perStore<DecisionStateSnapshots>();

/** The store's snapshot source; none unless one was configured. */
export const decisionStateSnapshotsOf = (store: EventStore): DecisionStateSnapshots | null => sources.of(store);

/** Sets (or, with null, removes) the snapshots commands on this store start from. */
export const useDecisionStateSnapshots = (store: EventStore, source: DecisionStateSnapshots | null): void =>
  sources.set(store, source);
