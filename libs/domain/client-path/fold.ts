import { isDomainEvent, type PolkuEvent } from '../../events/index.js';
import { evolve } from './evolve.js';
import { type ClientPathState, initialState } from './state.js';

/** Folds events into a decision state; events of types outside the catalogue leave it unchanged. */
export function foldClientState(state: ClientPathState, events: Iterable<PolkuEvent>): ClientPathState {
  let folded = state;
  for (const event of events) if (isDomainEvent(event)) folded = evolve(folded, event);
  return folded;
}

/** A client's decision state from its events (the whole stream, or a chosen part of it). */
export const clientStateOf = (clientId: string, events: Iterable<PolkuEvent>): ClientPathState =>
  foldClientState({ ...initialState(), clientId }, events);
