import { jsonEvent, NO_STREAM, type JSONType, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { assertSameKeyUse, EventStoreFailureError, type AppendResult } from '../../event-store/index.js';
import { backoffDelay, sleep, type BackoffSchedule } from './backoff.js';
import { isWrongExpectedVersion, toStoreError } from './errors.js';
import type { StreamNames } from './naming.js';
import { readStreamRecords } from './reads.js';
import {
  isStale,
  RESERVATION_TYPE,
  reservationOf,
  reservationState,
  type Reservation,
  type ReservationState,
} from './reservation.js';

export interface IdempotencySettings {
  /** After this long an unfinished reservation is taken over (its writer is presumed dead). */
  leaseMs: number;
  appendDeadlineMs: number;
}

/** The marker stream of a key: its last revision (undefined = none) and reservations in order. */
export interface Marker {
  revision: bigint | undefined;
  reservations: Reservation[];
}

export type Settled = { kind: 'replay'; result: AppendResult } | { kind: 'free'; marker: Marker };

const POLL: BackoffSchedule = { initialMs: 20, maxMs: 250, factor: 2 };

/**
 * Idempotency keys without multi-stream transactions (see docs/kurrentdb.md): a
 * key is claimed by appending a reservation to its marker stream with the marker's expected
 * revision (one winner), BEFORE the events; the events then go to the exact slot the
 * reservation names. A retry reads the marker and the slot: committed → replay; slot taken by
 * other events → the key is free; slot still empty → wait, and after the lease take it over.
 */
export class IdempotencyMarkers {
  constructor(
    private readonly client: KurrentDBClient,
    private readonly names: StreamNames,
    private readonly settings: IdempotencySettings,
  ) {}

  async read(key: string): Promise<Marker> {
    const records = await readStreamRecords(this.client, this.names.idempotencyMarker(key));
    const reservations = records.map(reservationOf).filter((r): r is Reservation => r !== null && r.key === key);
    return { revision: records.at(-1)?.revision, reservations };
  }

  /** True when this reservation now holds the key; false when another writer changed the marker first. */
  async reserve(marker: Marker, reservation: Reservation): Promise<boolean> {
    const stream = this.names.idempotencyMarker(reservation.key);
    try {
      await this.client.appendToStream(
        stream,
        jsonEvent({
          id: randomUUID(),
          type: RESERVATION_TYPE,
          data: reservation as unknown as JSONType,
        }),
        { streamState: marker.revision ?? NO_STREAM, deadline: this.settings.appendDeadlineMs },
      );
      return true;
    } catch (error) {
      if (isWrongExpectedVersion(error)) return false;
      throw toStoreError(error, `reservation of an idempotency key in ${stream}`);
    }
  }

  /**
   * The stored result of the key, or 'free' with the marker to reserve against. Waits (until
   * `deadline`, epoch ms) while the last reservation is in flight; throws a retryable failure
   * when it is still in flight then, and IdempotencyKeyReusedError for another client's key
   * or another request's.
   */
  async settle(key: string, clientId: string, deadline: number, requestHash?: string): Promise<Settled> {
    for (let polls = 0; ; polls += 1) {
      const marker = await this.read(key);
      let last: ReservationState | undefined;
      for (const reservation of marker.reservations) {
        last = await this.stateOf(reservation);
        if (last.kind !== 'committed') continue;
        assertSameKeyUse(key, clientId, reservation, requestHash);
        return { kind: 'replay', result: last.result };
      }
      const pending = marker.reservations.at(-1);
      if (!pending || last?.kind === 'dead' || isStale(pending, this.settings.leaseMs)) return { kind: 'free', marker };
      if (Date.now() >= deadline) {
        throw new EventStoreFailureError(`An append with idempotency key ${key} is still in flight; retry later`, true);
      }
      await sleep(backoffDelay(polls, POLL));
    }
  }

  private async stateOf(reservation: Reservation): Promise<ReservationState> {
    const slot = await readStreamRecords(this.client, this.names.client(reservation.clientId), {
      fromRevision: BigInt(reservation.fromVersion),
      maxCount: reservation.eventIds.length,
    });
    return reservationState(reservation, slot);
  }
}
