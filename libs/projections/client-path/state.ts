import { ERASED, mapPersonalFields, type OrganisationType, type PolkuDomainEvent, type RecordedEvent } from '../../events/index.js';
import {
  compensationFor, dateOf, euros, evolve, initialState, monthOf, ruleSetOn, type ClientPathState,
} from '../../domain/index.js';
import type { CompensationRow } from '../../read-store/index.js';
import { summarise } from './summaries.js';

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

export interface ClientProfile { fullName: string; personalIdentityCode?: string; birthDate: string; municipality: string }

/** What the projection carries between events for one client (plain JSON). */
export interface ClientProjectionState {
  domain: ClientPathState;
  profile: ClientProfile | null;
  timeline: TimelineEntry[];
  /** Compensation per period, month and payer, fixed when the attendance was reported. */
  compensation: Record<string, CompensationRow>;
}

export const initialProjectionState = (): ClientProjectionState => ({
  domain: initialState(), profile: null, timeline: [], compensation: {},
});

function addCompensation(
  s: ClientProjectionState, e: Extract<PolkuDomainEvent, { type: 'AttendanceReported' }>, owned: boolean,
): Record<string, CompensationRow> {
  const period = s.domain.periods[e.data.periodId];
  if (!period) return s.compensation;
  // rows are replaced, never changed, so an owned map may take them in place
  const out = owned ? s.compensation : { ...s.compensation };
  for (const date of e.data.attendedDates) {
    // Payer follows the benefit the client was on when the attendance was reported.
    const c = compensationFor(period.serviceType, s.domain.benefit, ruleSetOn(date));
    if (!c.payer) continue;
    const key = `${period.periodId}|${monthOf(date)}|${c.payer}`;
    const row = out[key] ?? { clientId: e.clientId, periodId: period.periodId, month: monthOf(date), payer: c.payer, attendedDays: 0, euros: 0 };
    out[key] = { ...row, attendedDays: row.attendedDays + 1, euros: euros(row.attendedDays + 1, c.euroPerDay) };
  }
  return out;
}

/** Folds one recorded event into the projection state. Pure and deterministic. */
/**
 * `ownsTimeline`: the caller made the timeline array and the compensation map its own (see
 * applyEvents), so they are extended in place instead of copied per event.
 */
export function foldEvent(s: ClientProjectionState, event: RecordedEvent, ownsTimeline = false): ClientProjectionState {
  const e = event as unknown as RecordedEvent<PolkuDomainEvent>;
  const entry: TimelineEntry = {
    position: e.globalPosition.toString(), eventId: e.eventId, type: e.type, occurredAt: e.occurredAt, recordedAt: e.recordedAt,
    organisationId: e.actor.organisationId, organisationType: e.actor.organisationType,
    author: { personId: e.actor.personId, displayName: e.actor.displayName }, summary: summarise(e), data: e.data,
  };
  const compensation = e.type === 'AttendanceReported' ? addCompensation(s, e, ownsTimeline) : s.compensation;
  if (e.type === 'ClientDataErased') {
    // Erasure: the structure stays for statistics, the personal data goes from the read model too.
    const timeline = [...s.timeline.map(redact), entry]; // a new array: the caller's stays valid
    return { domain: evolve(s.domain, e), profile: null, timeline, compensation };
  }
  const profile = e.type === 'ClientRegistered' ? { ...e.data } : s.profile;
  // A caller that owns the array (applyEvents copied it) may extend it in place.
  const timeline = ownsTimeline ? (s.timeline.push(entry), s.timeline) : [...s.timeline, entry];
  return { domain: evolve(s.domain, e), profile, timeline, compensation };
}

export const timelineOrder = (a: TimelineEntry, b: TimelineEntry): number =>
  dateOf(a.occurredAt) === dateOf(b.occurredAt) ? Number(BigInt(a.position) - BigInt(b.position)) : dateOf(a.occurredAt) < dateOf(b.occurredAt) ? -1 : 1;

const redact = (t: TimelineEntry): TimelineEntry =>
  ({ ...t, data: mapPersonalFields(t.type, t.data, (v) => (Array.isArray(v) ? [ERASED] : ERASED)) });
