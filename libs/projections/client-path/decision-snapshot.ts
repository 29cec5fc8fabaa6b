import type { DecisionSnapshot, DecisionStateSnapshots } from '../../application/index.js';
import type { ClientPathState } from '../../domain/index.js';
import type { EventStore } from '../../event-store/index.js';
import { decisionStateSealOf, type DecisionStateSeal, type SealedState } from '../../event-store/protection/index.js';
import type { ClientReadModel, ReadStoreReader, StoredDecisionState } from '../../read-store/index.js';
import type { ClientProjectionState } from './state.js';

/**
 * The carried state as stored once sealed: the decision state as the JSON text its seal
 * covers, instead of the `domain` object. The projector folds on from it like from `domain`.
 */
export interface SealedDecisionState {
  domainJson: string;
  /** decision-state-seal.ts: binds the text to the client and the version and position of its last event. */
  domainSeal: string;
}

type StoredState = Partial<ClientProjectionState & SealedDecisionState>;

/** What the seal of a model's carried state covers; null when there is nothing to seal (no version, erased). */
export function decisionStateToSeal(
  model: Pick<ClientReadModel, 'clientId' | 'lastPosition' | 'state'>,
): SealedState | null {
  const s = model.state as StoredState;
  if (typeof s.streamVersion !== 'string' || !s.domain || s.domain.erased) return null;
  return {
    clientId: model.clientId,
    version: BigInt(s.streamVersion),
    position: model.lastPosition,
    json: JSON.stringify(s.domain),
  };
}

/**
 * The model as the projector stores it: its decision state sealed with the client's key, so
 * a command may start from it (decisionSnapshotOf). Unchanged when there is nothing to seal
 * or no key to seal with; the model given is not changed (the projector folds on from it).
 */
export async function sealCarriedState<M extends Pick<ClientReadModel, 'clientId' | 'lastPosition' | 'state'>>(
  model: M,
  seal: Pick<DecisionStateSeal, 'seal'>,
): Promise<M> {
  const sealed = decisionStateToSeal(model);
  const domainSeal = sealed && (await seal.seal(sealed));
  if (!sealed || !domainSeal) return model;
  const { domain: _folded, ...rest } = model.state as StoredState;
  const state: StoredState = { ...rest, domainJson: sealed.json, domainSeal };
  return { ...model, state: state as Record<string, unknown> };
}

/** The models with their carried states sealed (each as sealCarriedState). */
export const sealCarriedStates = <M extends Pick<ClientReadModel, 'clientId' | 'lastPosition' | 'state'>>(
  models: M[],
  seal: Pick<DecisionStateSeal, 'seal'> | null,
): Promise<M[]> => (seal ? Promise.all(models.map((m) => sealCarriedState(m, seal))) : Promise.resolve(models));

/** The decision state a stored carried state holds, sealed or not; null when it holds none. */
export function carriedDecisionState(state: Record<string, unknown> | undefined): ClientPathState | null {
  const s = state as StoredState | undefined;
  if (s?.domain) return s.domain;
  return typeof s?.domainJson === 'string' ? (JSON.parse(s.domainJson) as ClientPathState) : null;
}

/** A stored carried state as the projector folds on from it: `domain` an object again. */
export function carriedProjectionState(state: Record<string, unknown>): ClientProjectionState {
  const s = state as StoredState;
  if (typeof s.domainJson !== 'string') return s as ClientProjectionState;
  const { domainJson, domainSeal: _seal, ...rest } = s;
  return { ...rest, domain: JSON.parse(domainJson) } as ClientProjectionState;
}

/**
 * The decision state a model's carried state holds, as the read store gives it on its own
 * (`ReadStoreReader.decisionState`): the fields of `SealedDecisionState` and the version.
 */
export function storedDecisionStateOf(model: Pick<ClientReadModel, 'lastPosition' | 'state'>): StoredDecisionState {
  const s = model.state as StoredState;
  return {
    lastPosition: model.lastPosition,
    streamVersion: typeof s.streamVersion === 'string' ? s.streamVersion : null,
    domainJson: s.domainJson ?? null,
    domainSeal: s.domainSeal ?? null,
  };
}

/**
 * A stored decision state as a snapshot a command may start from, once its seal verifies: the
 * projector folds `domain` with the same `evolve` over the same events, up to the stream
 * version it records with it. Null when it is not sealed (projected before 2026-12-07, erased,
 * no key) or its seal does not verify (altered outside the projector, another client's, or
 * the client's key destroyed since): the command then reads the whole stream.
 */
export async function decisionSnapshotOf(
  clientId: string,
  stored: StoredDecisionState,
  seal: Pick<DecisionStateSeal, 'verify'>,
  onSealFailed?: (clientId: string) => void,
): Promise<DecisionSnapshot | null> {
  const { streamVersion, domainJson, domainSeal, lastPosition } = stored;
  if (typeof streamVersion !== 'string' || typeof domainJson !== 'string' || typeof domainSeal !== 'string')
    return null;
  const version = BigInt(streamVersion);
  if (!(await seal.verify({ clientId, version, position: lastPosition, json: domainJson }, domainSeal))) {
    onSealFailed?.(clientId);
    return null;
  }
  const domain = JSON.parse(domainJson) as ClientPathState;
  return domain.erased ? null : { state: { ...domain, clientId }, version, position: lastPosition };
}

/**
 * Decision-state snapshots (the write side's port) read from the read store's sealed decision
 * states. `onSealFailed` hears of every sealed state that did not verify: a security event
 * (the API and the ingest count it in `polku_decision_state_seal_failures_total`).
 */
export const readStoreDecisionSnapshots = (
  reader: Pick<ReadStoreReader, 'decisionState'>,
  seal: Pick<DecisionStateSeal, 'verify'>,
  onSealFailed?: (clientId: string) => void,
): DecisionStateSnapshots => ({
  async snapshotOf(clientId) {
    const stored = await reader.decisionState(clientId);
    return stored && decisionSnapshotOf(clientId, stored, seal, onSealFailed);
  },
});

/**
 * The read store's snapshots for commands on `store`; none when the store holds no clients'
 * keys to verify the seals with (a store without protection: commands read whole streams).
 */
export function readStoreDecisionSnapshotsFor(
  store: EventStore,
  reader: Pick<ReadStoreReader, 'decisionState'>,
  onSealFailed?: (clientId: string) => void,
): DecisionStateSnapshots | null {
  const seal = decisionStateSealOf(store);
  return seal && readStoreDecisionSnapshots(reader, seal, onSealFailed);
}
