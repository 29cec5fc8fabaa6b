import type { AppendResult } from '../../event-store/index.js';
import type { StoredRecord } from './stored-event.js';

/**
 * An idempotency key's reservation, the event of its marker stream. The append it announces
 * puts `eventIds` at versions fromVersion+1.. of the client's stream with the exact expected
 * revision, so it can only ever land in that slot.
 */
export interface Reservation {
  key: string;
  clientId: string;
  eventIds: string[];
  /** The client stream's version the events were appended on top of. */
  fromVersion: string;
  /** ISO instant (the reserving process's clock). */
  reservedAt: string;
  /** The fingerprint of the request (AppendOptions.requestHash); absent in older reservations. */
  requestHash?: string;
}

export const RESERVATION_TYPE = 'PolkuIdempotencyKeyReserved';

export type ReservationState =
  | { kind: 'committed'; result: AppendResult }
  | { kind: 'dead' } // the slot holds other events: this append can never land
  | { kind: 'pending' }; // the slot is still free: in flight, or its writer died

/**
 * What the client stream's events at the reservation's slot say about it. `slot` is what a
 * read from revision fromVersion (at most eventIds.length events) returned.
 */
export function reservationState(reservation: Reservation, slot: StoredRecord[]): ReservationState {
  if (slot.length === 0) return { kind: 'pending' };
  const ids = slot.map((record) => (record.metadata as { eventId?: unknown } | undefined)?.eventId);
  const landed = ids.length === reservation.eventIds.length && reservation.eventIds.every((id, i) => ids[i] === id);
  if (!landed) return { kind: 'dead' };
  const last = slot[slot.length - 1];
  return {
    kind: 'committed',
    result: {
      nextExpectedVersion: last.revision + 1n,
      lastGlobalPosition: last.globalPosition,
      eventIds: [...reservation.eventIds],
      replayed: true,
    },
  };
}

/** A reservation read back from a marker event (null when it is not one). */
export function reservationOf(record: StoredRecord): Reservation | null {
  if (record.type !== RESERVATION_TYPE) return null;
  const r = record.data as Partial<Reservation> | null;
  if (
    !r ||
    typeof r.key !== 'string' ||
    typeof r.clientId !== 'string' ||
    !Array.isArray(r.eventIds) ||
    typeof r.fromVersion !== 'string' ||
    typeof r.reservedAt !== 'string'
  )
    return null;
  return r as Reservation;
}

/** A pending reservation older than the lease is taken to have lost its writer. */
export function isStale(reservation: Reservation, leaseMs: number, now: number = Date.now()): boolean {
  const at = Date.parse(reservation.reservedAt);
  return !Number.isFinite(at) || now - at > leaseMs;
}
