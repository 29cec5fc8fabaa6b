import {
  DuplicateEventIdError,
  EventStoreFailureError,
  IdempotencyKeyReusedError,
  InvalidAppendError,
  StreamVersionConflictError,
} from '../../event-store/index.js';

const PORT_ERRORS = [StreamVersionConflictError, IdempotencyKeyReusedError, DuplicateEventIdError, InvalidAppendError];

export interface AppendFacts {
  clientId: string;
  /** Finds a stored event id of the rejected batch (the transaction has rolled back). */
  storedEventId(): string | undefined;
  currentVersion(): bigint;
  expected: bigint | 'any';
}

/** Callers see port errors only; the driver error stays available as `cause`. */
export function mapError(error: unknown, append?: AppendFacts): Error {
  if (PORT_ERRORS.some((type) => error instanceof type)) return error as Error;
  if (!isSqliteError(error)) {
    if (error instanceof TypeError && /connection is not open/.test(error.message)) {
      return new EventStoreFailureError('The event store is closed', false, { cause: error });
    }
    // Not from storage (e.g. an upcaster refusing a future schema): pass it on.
    return error instanceof Error ? error : new EventStoreFailureError(String(error), false, { cause: error });
  }
  if (append && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
    if (error.message.includes('events.event_id')) {
      const stored = append.storedEventId();
      if (stored !== undefined) return new DuplicateEventIdError(stored);
    }
    if (error.message.includes('events.client_id')) {
      return new StreamVersionConflictError(append.clientId, append.expected, append.currentVersion());
    }
  }
  const busy = error.code.startsWith('SQLITE_BUSY') || error.code.startsWith('SQLITE_LOCKED');
  return new EventStoreFailureError(`Event store failure (${error.code})`, busy, { cause: error });
}

/**
 * Duck-typed on purpose: the native addon keeps the SqliteError class of the first module
 * instance that loaded it, so `instanceof` fails across module registries (Jest workers).
 */
function isSqliteError(error: unknown): error is Error & { code: string } {
  // Not even `instanceof Error`: Jest runs test files in separate realms.
  const e = error as { name?: unknown; code?: unknown; message?: unknown } | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    e.name === 'SqliteError' &&
    typeof e.code === 'string' &&
    typeof e.message === 'string'
  );
}
