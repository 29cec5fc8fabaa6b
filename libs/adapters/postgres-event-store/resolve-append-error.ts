import type { PolkuEvent } from '../../events/index.js';
import {
  DuplicateEventIdError,
  StreamVersionConflictError,
  type AppendOptions,
  type AppendResult,
} from '../../event-store/index.js';
import { pgErrorFacts, UNIQUE_VIOLATION } from '../postgres-common/index.js';
import type { HeadRow } from '../sql-event-rows/index.js';
import { mapError } from './map-error.js';
import type { Statements } from './statements.js';

export interface FailedAppend {
  clientId: string;
  events: PolkuEvent[];
  options: AppendOptions;
  query<R extends object>(text: string, values: unknown[]): Promise<R[]>;
  findIdempotentResult(key: string): Promise<AppendResult | null>;
}

/**
 * A unique violation says what collided; the transaction has rolled back, so look it up.
 * Returns the port error to throw, or the replayed result when a concurrent append with
 * the same idempotency key committed first (the per-stream lock makes that rare: it takes
 * the same key on another stream, or a stream lock hash collision).
 */
export async function resolveAppendError(
  error: unknown,
  append: FailedAppend,
  sql: Statements,
): Promise<Error | AppendResult> {
  const facts = pgErrorFacts(error);
  if (facts?.code !== UNIQUE_VIOLATION) return mapError(error);
  const { clientId, events, options } = append;
  try {
    if (facts.constraint === 'events_event_id_unique') {
      const rows = await append.query<{ event_id: string }>(sql.storedEventIds, [events.map((e) => e.eventId)]);
      const stored = new Set(rows.map((r) => r.event_id));
      const first = events.find((e) => stored.has(e.eventId));
      if (first) return new DuplicateEventIdError(first.eventId);
    }
    if (facts.constraint === 'idempotency_keys_pkey' && options.idempotencyKey !== undefined) {
      const replay = await append.findIdempotentResult(options.idempotencyKey);
      if (replay) return replay;
    }
    if (facts.constraint === 'events_stream_version_unique') {
      const [head] = await append.query<HeadRow>(sql.selectHead, [clientId]);
      return new StreamVersionConflictError(clientId, options.expectedVersion, head?.version ?? 0n);
    }
  } catch (lookupError) {
    return mapError(lookupError);
  }
  return mapError(error);
}
