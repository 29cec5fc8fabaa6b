import {
  ERASED,
  isDomainEvent,
  mapPersonalFields,
  type OrganisationType,
  type RecordedEvent,
} from '../../events/index.js';
import { dateOf, evolve, initialState, type ClientPathState } from '../../domain/index.js';
import { summarise } from './summaries.js';
import type { SeenOrganisation } from './organisations.js';

export interface TimelineEntry {
  position: string; // global position (bigint as string: JSON-safe)
  eventId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  organisationId: string;
  organisationType: OrganisationType;
  author: { personId: string; displayName: string };
  summary: string;
  data: unknown;
}

export interface ClientProfile {
  fullName: string;
  personalIdentityCode?: string;
  birthDate: string;
  municipality: string;
}

/** What the projection carries between events for one client (plain JSON). */
export interface ClientProjectionState {
  domain: ClientPathState;
  profile: ClientProfile | null;
  timeline: TimelineEntry[];
  /**
   * The stream version of the last event folded (bigint as string: JSON-safe), so `domain`
   * can serve the write side as a decision-state snapshot (decision-snapshot.ts). Absent in
   * states projected before 2026-12-06 and in the initial state.
   */
  streamVersion?: string;
  /** The organisations the events name (applyEvents keeps it; foldEvent leaves it out). */
  organisations?: SeenOrganisation[];
}

export const initialProjectionState = (): ClientProjectionState => ({
  domain: initialState(),
  profile: null,
  timeline: [],
});

/** Folds one recorded event into the projection state. Pure and deterministic. */
/**
 * `ownsTimeline`: the caller made the timeline array its own (see applyEvents), so it is
 * extended in place instead of copied per event.
 */
export function foldEvent(s: ClientProjectionState, e: RecordedEvent, ownsTimeline = false): ClientProjectionState {
  const known = isDomainEvent(e) ? e : undefined; // a type outside the catalogue: on the timeline as it is
  const entry: TimelineEntry = {
    position: e.globalPosition.toString(),
    eventId: e.eventId,
    type: e.type,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    organisationId: e.actor.organisationId,
    organisationType: e.actor.organisationType,
    author: { personId: e.actor.personId, displayName: e.actor.displayName },
    summary: known ? summarise(known) : e.type,
    data: e.data,
  };
  const domain = known ? evolve(s.domain, known) : s.domain;
  const streamVersion = e.streamVersion.toString();
  if (known?.type === 'ClientDataErased') {
    // Erasure: the structure stays for statistics, the personal data goes from the read model too.
    const timeline = [...s.timeline.map(redact), entry]; // a new array: the caller's stays valid
    return { domain, streamVersion, profile: null, timeline };
  }
  const profile = known?.type === 'ClientRegistered' ? { ...known.data } : s.profile;
  // A caller that owns the array (applyEvents copied it) may extend it in place.
  let timeline = s.timeline;
  if (ownsTimeline) timeline.push(entry);
  else timeline = [...s.timeline, entry];
  return { domain, streamVersion, profile, timeline };
}

export const timelineOrder = (a: TimelineEntry, b: TimelineEntry): number =>
  dateOf(a.occurredAt) === dateOf(b.occurredAt)
    ? Number(BigInt(a.position) - BigInt(b.position))
    : dateOf(a.occurredAt) < dateOf(b.occurredAt)
      ? -1
      : 1;

const redact = (t: TimelineEntry): TimelineEntry => ({
  ...t,
  data: mapPersonalFields(t.type, t.data, (v) => (Array.isArray(v) ? [ERASED] : ERASED)),
});
