/** Realistic event bodies for the store benchmarks (same shape for Polku and the peer). */
import type { Actor, PolkuEvent } from '../../libs/events/index.js';
import { addDays } from '../../libs/domain/index.js';

export const INSTRUCTOR: Actor = {
  personId: 'prov-keski-suomi-association-1-001',
  displayName: 'Pekka Heikkinen',
  organisationId: 'prov-keski-suomi-association-1',
  organisationType: 'provider',
};

const TYPES = ['AttendanceReported', 'GoalReviewHeld', 'PlanReviewed', 'BenefitStatusRecorded'] as const;

/** The i-th event of a client's stream: mostly attendance, some reviews (a kuty client's month). */
export function sampleEvent(clientId: string, i: number, eventId: string): PolkuEvent {
  const type = TYPES[i % 7 === 6 ? 1 + (i % 3) : 0];
  const day = addDays('2025-01-06', i * 7);
  const data =
    type === 'AttendanceReported'
      ? { periodId: `${clientId}-kuty1`, attendedDates: [day, addDays(day, 1), addDays(day, 3)], hoursPerDay: 5 }
      : type === 'GoalReviewHeld'
        ? {
            periodId: `${clientId}-kuty1`,
            heldOn: day,
            participants: {
              client: true,
              responsibleOfficerId: 'te-keski-suomi-001',
              ownInstructorId: INSTRUCTOR.personId,
            },
            assessment: 'Attends regularly',
          }
        : type === 'PlanReviewed'
          ? {
              planId: `${clientId}-msp1`,
              reviewedOn: day,
              requestedByClient: false,
              outcome: 'Plan continues as agreed',
            }
          : {
              asOf: day,
              currentBenefit: 'labour_market_subsidy',
              labourMarketSubsidyDaysLast12Months: 230,
              labourMarketSubsidyDaysTotal: 640,
              earningsRelatedMaximumUsed: true,
              labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 0,
              socialAssistanceMonthsAsMainIncome: 0,
            };
  return {
    eventId,
    type,
    schemaVersion: 1,
    clientId,
    occurredAt: day,
    recordedAt: `${day}T09:00:00.000Z`,
    actor: INSTRUCTOR,
    correlationId: `bench-${clientId}-${i}`,
    causationId: null,
    data,
  };
}

/** The same content for Emmett (the peers): type + data, the envelope fields as metadata. */
export function samplePeerEvent(clientId: string, i: number, eventId: string) {
  const e = sampleEvent(clientId, i, eventId);
  return {
    type: e.type,
    data: e.data,
    metadata: {
      eventId: e.eventId,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      actor: e.actor,
      correlationId: e.correlationId,
    },
  };
}
