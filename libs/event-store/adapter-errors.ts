/**
 * Further port errors an adapter raises (besides the conflict errors in errors.ts), so
 * callers can handle them without knowing the driver.
 */

/** An event id is already stored (or repeated inside the batch); nothing was appended. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  readonly code = 'duplicate_event_id';
  constructor(readonly eventId: string) {
    super(`Event ${eventId} is already stored`);
  }
}

/** The append request itself is malformed (empty batch, event of another client...). */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
  readonly code = 'invalid_append';
}

/** The storage failed (locked too long, disk error, closed store). `retryable` when transient. */
export class EventStoreFailureError extends Error {
  override readonly name = 'EventStoreFailureError';
  readonly code = 'event_store_failure';
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
