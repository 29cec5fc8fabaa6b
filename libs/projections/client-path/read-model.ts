import type { RecordedEvent } from '../../events/index.js';
import type { ClientReadModel } from '../../read-store/index.js';
import { buildPathView } from './path-view.js';
import { deriveRows } from './rows.js';
import { carriedProjectionState } from './decision-snapshot.js';
import { noteOrganisations, seenOrganisationsOf } from './organisations.js';
import { foldEvent, initialProjectionState, type ClientProjectionState, type TimelineEntry } from './state.js';

/**
 * Applies a client's new events to its read model: folds them, then rebuilds the path
 * document and row sets once. Events at or below the model's position are skipped, so
 * re-delivery after a crash changes nothing.
 */
export function applyEvents(model: ClientReadModel | undefined, events: RecordedEvent[]): ClientReadModel {
  const clientId = model?.clientId ?? events[0].clientId;
  const stored = model && carriedProjectionState(model.state);
  // The timeline is stored once, in the path document; the carried state leaves it out
  // (half the bytes to write per client per batch). One copy per call, then extended in place.
  const timeline = [...((model?.path.timeline as TimelineEntry[] | undefined) ?? stored?.timeline ?? [])];
  const start = stored ?? initialProjectionState();
  let state: ClientProjectionState = { ...start, timeline };
  let lastPosition = model?.lastPosition ?? 0n;
  const organisations = seenOrganisationsOf(start.organisations);
  for (const e of events) {
    if (e.globalPosition <= lastPosition) continue;
    state = foldEvent(state, e, true);
    noteOrganisations(organisations, e);
    lastPosition = e.globalPosition;
  }
  state = { ...state, organisations: [...organisations.values()] };
  return {
    clientId,
    lastPosition,
    state: { ...state, timeline: [] } as unknown as Record<string, unknown>,
    path: buildPathView(clientId, state),
    ...deriveRows(clientId, state),
  };
}

export const applyEvent = (model: ClientReadModel | undefined, event: RecordedEvent): ClientReadModel =>
  applyEvents(model, [event]);

/** A client's path from a list of events alone (auditor replay, as-of views). */
export function replayPath(clientId: string, events: RecordedEvent[]): Record<string, unknown> {
  if (events.length === 0) return buildPathView(clientId, initialProjectionState());
  return applyEvents(undefined, events).path;
}
