import { randomUUID } from 'node:crypto';
import type { Actor, AttendanceReported, PlanReviewed, PolkuEvent, ServicePeriodStarted } from '../../events/index.js';

/** Test-data builders shared by the contract suite and adapter specs. */
export const aClientId = (): string => `client-${randomUUID()}`;

const actor: Actor = {
  personId: 'person-1',
  displayName: 'Ohjaaja Olli',
  organisationId: 'org-typ-pori',
  organisationType: 'employment_authority',
};

/** A small valid event; overrides win. */
export function anEvent(clientId: string, overrides: Partial<PolkuEvent> = {}): PolkuEvent {
  const event: PlanReviewed = {
    eventId: randomUUID(),
    type: 'PlanReviewed',
    schemaVersion: 1,
    clientId,
    occurredAt: '2025-03-01',
    recordedAt: '2025-03-01T09:15:00.000Z',
    actor,
    correlationId: randomUUID(),
    causationId: null,
    data: { planId: 'plan-1', reviewedOn: '2025-03-01', requestedByClient: false, outcome: 'Jatketaan' },
  };
  return { ...event, ...overrides };
}

export function someEvents(clientId: string, count: number): PolkuEvent[] {
  return Array.from({ length: count }, () => anEvent(clientId));
}

/** Nested data, unicode, numbers, booleans and a causation id: a round-trip probe. */
export function aRichEvent(clientId: string): PolkuEvent {
  const event: ServicePeriodStarted = {
    eventId: randomUUID(),
    type: 'ServicePeriodStarted',
    schemaVersion: 1,
    clientId,
    occurredAt: '2025-04-07',
    recordedAt: '2025-04-02T13:45:12.345Z',
    actor: {
      personId: 'p-2',
      displayName: 'Åsa Öhman-Ääriö',
      organisationId: 'org-provider-7',
      organisationType: 'provider',
    },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    data: {
      periodId: 'period-1',
      serviceType: 'kuntouttava_tyotoiminta',
      provider: {
        organisationId: 'org-provider-7',
        organisationType: 'provider',
        name: 'Yhdistys "Polku" ry',
        providerKind: 'association',
      },
      referralId: 'ref-1',
      startDate: '2025-04-07',
      plannedEndDate: '2025-10-06',
      daysPerWeek: 3,
      hoursPerDay: 4.5,
    },
  };
  return event;
}

/** An attendance report stored in schema version 0 (upcast to 1 on read). */
export function anOldAttendanceReport(clientId: string): PolkuEvent {
  return anEvent(clientId, { type: 'AttendanceReported', schemaVersion: 0, data: { periodId: 'period-1' } });
}

export function currentAttendanceData(): AttendanceReported['data'] {
  return { periodId: 'period-1', attendedDates: [], hoursPerDay: 0 };
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

export const eventIds = (events: { eventId: string }[]): string[] => events.map((e) => e.eventId);
