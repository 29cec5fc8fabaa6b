import { clientStateOf, dateOf, type ClientPathState } from '../../../../libs/domain/index.js';
import type { RecordedEvent } from '../../../../libs/events/index.js';
import { replayPath, withPeriodLengths } from '../../../../libs/projections/client-path/index.js';

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

/** The replayed path; its periods' month gauges are counted to the replay's date (today for `current`). */
export function replay(
  clientId: string,
  events: RecordedEvent[],
  mode: ReplayMode,
  today: string,
): Record<string, unknown> {
  const path = replayPath(clientId, selectEvents(events, mode));
  return { mode, ...withPeriodLengths(path, mode.kind === 'current' ? today : mode.date) };
}

export const foldState = (clientId: string, events: RecordedEvent[]): ClientPathState =>
  clientStateOf(clientId, events);
