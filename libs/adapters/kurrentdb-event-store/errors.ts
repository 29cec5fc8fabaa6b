import { ErrorType, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import {
  DuplicateEventIdError,
  EventStoreFailureError,
  IdempotencyKeyReusedError,
  InvalidAppendError,
  StreamVersionConflictError,
} from '../../event-store/index.js';
import { versionOfRevision } from './positions.js';

const typeOf = (error: unknown): unknown => (error as { type?: unknown } | null)?.type;

export const isWrongExpectedVersion = (error: unknown): error is WrongExpectedVersionError =>
  error instanceof WrongExpectedVersionError || typeOf(error) === ErrorType.WRONG_EXPECTED_VERSION;

export const isStreamNotFound = (error: unknown): boolean => typeOf(error) === ErrorType.STREAM_NOT_FOUND;

/** The client stream's version named by a WrongExpectedVersionError (undefined when not sent). */
export function actualVersionOf(error: WrongExpectedVersionError): bigint | undefined {
  const actual = error.actualState as unknown;
  if (typeof actual === 'bigint') return versionOfRevision(actual);
  return actual === 'no_stream' ? 0n : undefined;
}

const RETRYABLE = new Set<unknown>([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
  ErrorType.CANCELLED,
]);
// gRPC status codes of a plain grpc-js error: 4 DEADLINE_EXCEEDED, 14 UNAVAILABLE.
const RETRYABLE_GRPC = new Set<unknown>([4, 14]);

const PORT_ERRORS = [
  StreamVersionConflictError,
  IdempotencyKeyReusedError,
  DuplicateEventIdError,
  InvalidAppendError,
  EventStoreFailureError,
];

/** Port errors pass through; anything from the client becomes an EventStoreFailureError. */
export function toStoreError(error: unknown, doing: string): Error {
  if (PORT_ERRORS.some((type) => error instanceof type)) return error as Error;
  const retryable =
    RETRYABLE.has(typeOf(error)) ||
    RETRYABLE_GRPC.has((error as { code?: unknown } | null)?.code) ||
    /\bUNAVAILABLE\b|DEADLINE_EXCEEDED/.test(String((error as Error | null)?.message));
  const detail = error instanceof Error ? error.message : String(error);
  return new EventStoreFailureError(`KurrentDB ${doing} failed: ${detail}`, retryable, { cause: error });
}

/** Runs one client call, mapping its failure. */
export async function mapped<T>(doing: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toStoreError(error, doing);
  }
}
