import type { DecisionSnapshot, DecisionStateSnapshots } from '../../application/index.js';
import type { ClientCarriedState, ReadStoreReader } from '../../read-store/index.js';
import type { ClientProjectionState } from './state.js';

/**
 * The decision state the projector carries for a client, as a snapshot a command may start
 * from: the projector folds `domain` with the same `evolve` over the same events, up to the
 * stream version it records with it. Null when it records none (projected before
 * 2026-12-06) or the client is erased (a command on an erased client reads the stream).
 */
export function decisionSnapshotOf(clientId: string, carried: ClientCarriedState): DecisionSnapshot | null {
  const s = carried.state as Partial<ClientProjectionState>;
  if (typeof s.streamVersion !== 'string' || !s.domain || s.domain.erased) return null;
  return { state: { ...s.domain, clientId }, version: BigInt(s.streamVersion), position: carried.lastPosition };
}

/** Decision-state snapshots (the write side's port) read from the read store's carried states. */
export const readStoreDecisionSnapshots = (reader: Pick<ReadStoreReader, 'clientState'>): DecisionStateSnapshots => ({
  async snapshotOf(clientId) {
    const carried = await reader.clientState(clientId);
    return carried && decisionSnapshotOf(clientId, carried);
  },
});
