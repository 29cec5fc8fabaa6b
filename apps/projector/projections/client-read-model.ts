import type { RecordedEvent } from '../../../libs/events/index.js';
import type { ClientReadModel } from '../../../libs/read-store/index.js';

/**
 * PLACEHOLDER projection: keeps the client's events as a timeline in `path` and derives no
 * rows. The real service-path projection replaces the body of this file later; the
 * signature stays. Must be pure and deterministic (no clocks, no randomness) so that a
 * rebuild produces byte-identical read models.
 */
export interface TimelineEntry {
  /** Global position as a string: JSON has no bigint. */
  position: string;
  eventId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: RecordedEvent['actor'];
  data: unknown;
}

export function applyEvent(model: ClientReadModel | undefined, event: RecordedEvent): ClientReadModel {
  const previous = model ?? emptyModel(event.clientId);
  const timeline = (previous.path.timeline as TimelineEntry[] | undefined) ?? [];
  const entry: TimelineEntry = {
    position: event.globalPosition.toString(),
    eventId: event.eventId,
    type: event.type,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor,
    data: event.data,
  };
  return {
    ...previous,
    lastPosition: event.globalPosition,
    path: { clientId: event.clientId, timeline: [...timeline, entry] },
  };
}

export function emptyModel(clientId: string): ClientReadModel {
  return {
    clientId, lastPosition: 0n, path: { clientId, timeline: [] }, state: {},
    caseload: [], deadlines: [], outcomes: [], compensation: [],
  };
}
