import { isStale, RESERVATION_TYPE, reservationOf, reservationState, type Reservation } from './reservation.js';
import type { StoredRecord } from './stored-event.js';

const reservation: Reservation = {
  key: 'org:k',
  clientId: 'c-1',
  eventIds: ['e-1', 'e-2'],
  fromVersion: '3',
  reservedAt: '2026-01-01T10:00:00.000Z',
};
const at = (revision: bigint, eventId: string): StoredRecord => ({
  streamId: 'polku-client-c-1',
  type: 'PlanReviewed',
  revision,
  data: {},
  metadata: { eventId },
  globalPosition: 900n + revision,
});

describe('an idempotency reservation', () => {
  it('is committed when its events are in its slot, replaying their result', () => {
    expect(reservationState(reservation, [at(3n, 'e-1'), at(4n, 'e-2')])).toEqual({
      kind: 'committed',
      result: { nextExpectedVersion: 5n, lastGlobalPosition: 904n, eventIds: ['e-1', 'e-2'], replayed: true },
    });
  });

  it('is dead when other events took its slot, and pending while the slot is empty', () => {
    expect(reservationState(reservation, [at(3n, 'x-1'), at(4n, 'x-2')])).toEqual({ kind: 'dead' });
    expect(reservationState(reservation, [at(3n, 'x-1')])).toEqual({ kind: 'dead' });
    expect(reservationState(reservation, [])).toEqual({ kind: 'pending' });
  });

  it('is stale after the lease (or with an unreadable time)', () => {
    const reservedAt = Date.parse(reservation.reservedAt);
    expect(isStale(reservation, 30_000, reservedAt + 30_000)).toBe(false);
    expect(isStale(reservation, 30_000, reservedAt + 30_001)).toBe(true);
    expect(isStale({ ...reservation, reservedAt: 'yesterday' }, 30_000, reservedAt)).toBe(true);
  });

  it('is read back only from a well-formed marker event', () => {
    const marker = (type: string, data: unknown): StoredRecord => ({
      streamId: 'm',
      type,
      revision: 0n,
      data,
      metadata: undefined,
      globalPosition: 1n,
    });
    expect(reservationOf(marker(RESERVATION_TYPE, reservation))).toEqual(reservation);
    expect(reservationOf(marker('Other', reservation))).toBeNull();
    expect(reservationOf(marker(RESERVATION_TYPE, { ...reservation, eventIds: 'e-1' }))).toBeNull();
    expect(reservationOf(marker(RESERVATION_TYPE, null))).toBeNull();
  });
});
