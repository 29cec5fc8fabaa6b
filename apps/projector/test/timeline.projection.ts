import type { RecordedEvent } from '../../../libs/events/index.js';
import type { ClientReadModel } from '../../../libs/read-store/index.js';

/**
 * TEST projection for the runtime's mechanics (batching, checkpoints, idempotency, retries):
 * keeps every event a client receives, in stream order, as a timeline in `path` and derives
 * no rows. Accepts any event shape (unlike the real client-path projection, which needs valid
 * domain events), so runtime tests can use the simple fixture of events.fixture.ts and read
 * "applied exactly once, in order" straight off the timeline. Pure and deterministic.
 */
export interface StreamTimelineEntry {
  /** Global position as a string: JSON has no bigint. */
  position: string;
  eventId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: RecordedEvent['actor'];
  data: unknown;
}

export function applyTimeline(model: ClientReadModel | undefined, event: RecordedEvent): ClientReadModel {
  const previous = model ?? emptyTimelineModel(event.clientId);
  const timeline = (previous.path.timeline as StreamTimelineEntry[] | undefined) ?? [];
  const entry: StreamTimelineEntry = {
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

export function emptyTimelineModel(clientId: string): ClientReadModel {
  return {
    clientId,
    lastPosition: 0n,
    path: { clientId, timeline: [] },
    state: {},
    caseload: [],
    deadlines: [],
    outcomes: [],
    compensation: [],
    search: null,
  };
}
