import type { EventStore } from '../../../libs/event-store/index.js';
import type { PolkuEvent, PolkuEventType } from '../../../libs/events/index.js';

/**
 * Deterministic test events: client `c` gets events 1..n of a simple shape. Appended round
 * robin so every client's events spread across many read batches.
 */
const TYPES: PolkuEventType[] = [
  'ClientRegistered',
  'ReferralMade',
  'ReferralAccepted',
  'AttendanceReported',
  'PlanReviewed',
];

export const clientIdOf = (i: number): string => `client-${String(i).padStart(4, '0')}`;

let sequence = 0;

export function makeEvent(clientId: string, n: number): PolkuEvent {
  sequence += 1;
  const id = `${process.pid.toString(16).padStart(8, '0')}-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
  const day = String((n % 28) + 1).padStart(2, '0');
  return {
    eventId: id,
    type: n === 1 ? 'ClientRegistered' : TYPES[n % TYPES.length]!,
    schemaVersion: 1,
    clientId,
    occurredAt: `2025-03-${day}`,
    recordedAt: `2025-03-${day}T10:00:00.000Z`,
    actor: {
      personId: 'officer-1',
      displayName: 'Olli Officer',
      organisationId: 'org-a',
      organisationType: 'employment_authority',
    },
    correlationId: `corr-${clientId}-${n}`,
    causationId: null,
    data: { n, note: `event ${n} of ${clientId}` },
  };
}

/**
 * Appends `rounds` rounds; in each round every client gets `perAppend` events in one append.
 * `startAt` continues numbering for clients that already have events.
 */
export async function seed(
  store: EventStore,
  clients: number,
  rounds: number,
  opts: { perAppend?: number; startAt?: number } = {},
): Promise<void> {
  const perAppend = opts.perAppend ?? 1;
  let n = opts.startAt ?? 1;
  for (let round = 0; round < rounds; round += 1, n += perAppend) {
    for (let c = 0; c < clients; c += 1) {
      const events = Array.from({ length: perAppend }, (_, k) => makeEvent(clientIdOf(c), n + k));
      await store.appendToStream(clientIdOf(c), events, { expectedVersion: 'any' });
    }
  }
}
