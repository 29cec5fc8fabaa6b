import type { ClientPathState } from '../../domain/index.js';
import type { ClientCarriedState, ReadStoreReader } from '../../read-store/index.js';
import type { ClientProjectionState } from './state.js';

/** The shape libs/application's `DecisionStateSnapshots` expects (structural: no import of the write side). */
export interface DecisionSnapshotOfProjection {
  state: ClientPathState;
  version: bigint;
  position: bigint;
}

/**
 * The decision state the projector carries for a client, as a snapshot a command may start
 * from: the projector folds `domain` with the same `evolve` over the same events, up to the
 * stream version it records with it. Null when it records none (projected before
 * 2026-12-06) or the client is erased (a command on an erased client reads the stream).
 */
export function decisionSnapshotOf(clientId: string, carried: ClientCarriedState): DecisionSnapshotOfProjection | null {
  const s = carried.state as Partial<ClientProjectionState>;
  if (typeof s.streamVersion !== 'string' || !s.domain || s.domain.erased) return null;
  return { state: { ...s.domain, clientId }, version: BigInt(s.streamVersion), position: carried.lastPosition };
}

/** Decision-state snapshots read from the read store's carried states. */
export const readStoreDecisionSnapshots = (reader: Pick<ReadStoreReader, 'clientState'>) => ({
  async snapshotOf(clientId: string): Promise<DecisionSnapshotOfProjection | null> {
    const carried = await reader.clientState(clientId);
    return carried && decisionSnapshotOf(clientId, carried);
  },
});
