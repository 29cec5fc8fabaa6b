import { clientStateOf, dateOf, type ClientPathState } from '../../../../libs/domain/index.js';
import type { RecordedEvent } from '../../../../libs/events/index.js';
import { replayPath } from '../../../../libs/projections/client-path/index.js';

export type ReplayMode = { kind: 'as_known_on'; date: string } | { kind: 'as_of'; date: string } | { kind: 'current' };

/**
 * Auditor replays from the events alone, never from the live read models:
 * - as KNOWN on a date: only what had been recorded by the end of that day;
 * - as it WAS on a date: what had happened by then, including facts recorded later.
 */
export function selectEvents(events: RecordedEvent[], mode: ReplayMode): RecordedEvent[] {
  if (mode.kind === 'as_known_on') return events.filter((e) => dateOf(e.recordedAt) <= mode.date);
  if (mode.kind === 'as_of') return events.filter((e) => dateOf(e.occurredAt) <= mode.date);
  return events;
}

export function replay(clientId: string, events: RecordedEvent[], mode: ReplayMode): Record<string, unknown> {
  return { mode, ...replayPath(clientId, selectEvents(events, mode)) };
}

export const foldState = (clientId: string, events: RecordedEvent[]): ClientPathState =>
  clientStateOf(clientId, events);
