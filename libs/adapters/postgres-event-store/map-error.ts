import { EventStoreFailureError } from '../../event-store/index.js';
import { isClosedPool, isTransient, pgErrorFacts } from '../postgres-common/index.js';

/**
 * Callers see port errors only; the driver error stays available as `cause`. Constraint
 * violations of an append are resolved by append.ts first (it can look up what collided).
 * Errors not from storage (port errors, an upcaster refusing a future schema) pass on.
 */
export function mapError(error: unknown): Error {
  if (isClosedPool(error)) return new EventStoreFailureError('The event store is closed', false, { cause: error });
  const transient = isTransient(error);
  const facts = pgErrorFacts(error);
  if (facts || transient) {
    return new EventStoreFailureError(`Event store failure (${facts?.code ?? 'connection'})`, transient, {
      cause: error,
    });
  }
  return error instanceof Error ? error : new EventStoreFailureError(String(error), false, { cause: error });
}
