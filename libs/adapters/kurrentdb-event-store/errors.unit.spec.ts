import {
  DeadlineExceededError,
  StreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { EventStoreFailureError, StreamVersionConflictError } from '../../event-store/index.js';
import { actualVersionOf, isStreamNotFound, isWrongExpectedVersion, toStoreError } from './errors.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

const wrongVersion = (current: bigint | 'no_stream'): WrongExpectedVersionError =>
  new WrongExpectedVersionError(undefined, { streamName: 'polku-client-c', expected: 0n, current });

describe('KurrentDB client errors as port errors', () => {
  it('reads the 1-based actual version from a wrong-expected-version error', () => {
    expect(isWrongExpectedVersion(wrongVersion(1n))).toBe(true);
    expect(actualVersionOf(wrongVersion(1n))).toBe(2n);
    expect(actualVersionOf(wrongVersion('no_stream'))).toBe(0n);
    expect(actualVersionOf(wrongVersion(4n))).toBe(5n);
  });

  it('recognises a missing stream', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'polku-client-c'))).toBe(true);
    expect(isStreamNotFound(new Error('x'))).toBe(false);
  });

  it('turns transient failures into retryable store failures and passes port errors through', () => {
    for (const transient of [
      new UnavailableError(),
      new DeadlineExceededError(),
      Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }),
    ]) {
      expect(toStoreError(transient, 'append')).toMatchObject({ retryable: true });
    }
    const unknown = toStoreError(new UnknownError(), 'append');
    expect(unknown).toBeInstanceOf(EventStoreFailureError);
    expect(unknown).toMatchObject({ retryable: false, message: expect.stringMatching(/^KurrentDB append failed/) });
    const conflict = new StreamVersionConflictError('c', 1n, 2n);
    expect(toStoreError(conflict, 'append')).toBe(conflict);
  });
});

describe('KurrentDbEventStore.open without a server', () => {
  it('refuses a malformed connection string (not retryable) and reports an unreachable server as retryable', async () => {
    const malformed = await KurrentDbEventStore.open('kurrentdb://').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(malformed).toBeInstanceOf(EventStoreFailureError);
    expect(malformed).toMatchObject({
      retryable: false,
      message: expect.stringMatching(/^KURRENTDB_URL is not a valid connection string/),
    });
    const unreachable = await KurrentDbEventStore.open('kurrentdb://127.0.0.1:1?tls=false').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(unreachable).toMatchObject({
      retryable: true,
      message: expect.stringMatching(/^KurrentDB connection check failed/),
    });
  });

  it('refuses a bad namespace and a lease not longer than the append deadline', async () => {
    await expect(KurrentDbEventStore.open('kurrentdb://127.0.0.1:1?tls=false', { namespace: 'a-b' })).rejects.toThrow(
      RangeError,
    );
    await expect(
      KurrentDbEventStore.open('kurrentdb://127.0.0.1:1?tls=false', {
        appendDeadlineMs: 5000,
        idempotencyLeaseMs: 5000,
      }),
    ).rejects.toThrow(RangeError);
  });
});
