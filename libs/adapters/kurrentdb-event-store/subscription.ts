import type { Filter, KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../../events/index.js';
import { EventStoreFailureError } from '../../event-store/index.js';
import { backoffDelay, RESUBSCRIBE_BACKOFF, sleep, type BackoffSchedule } from './backoff.js';
import { readFromPosition } from './positions.js';
import { toStoredRecord } from './reads.js';
import { toRecordedEvent } from './stored-event.js';

/** Events after a position, until the source drops (throws or ends) or `signal` aborts. */
export type EventSource = (after: bigint, signal: AbortSignal) => AsyncIterable<RecordedEvent>;

export interface FollowOptions {
  backoff?: BackoffSchedule;
  /** Told about each drop before the wait (e.g. to log it). */
  onDrop?: (drop: { error: unknown; resumeAfter: bigint; delayMs: number }) => void;
}

class HandlerFailed {
  constructor(readonly error: unknown) {}
}

/**
 * Catch-up subscription that survives drops: processes events one at a time in order and,
 * when the subscription fails or ends, subscribes again with backoff from the last position
 * `onEvent` completed (an event it is given again is skipped). The backoff resets after each
 * processed event. Resolves when `signal` aborts; rejects with an error of `onEvent` or a
 * non-retryable EventStoreFailureError (an event that is not a Polku event).
 */
export async function followFrom(
  source: EventSource,
  after: bigint,
  onEvent: (event: RecordedEvent) => Promise<void> | void,
  signal: AbortSignal,
  options: FollowOptions = {},
): Promise<void> {
  let last = after;
  let failures = 0;
  while (!signal.aborted) {
    let error: unknown = new Error('subscription ended');
    try {
      for await (const event of source(last, signal)) {
        if (signal.aborted) return;
        if (event.globalPosition <= last) continue;
        try {
          await onEvent(event);
        } catch (handlerError) {
          throw new HandlerFailed(handlerError);
        }
        last = event.globalPosition;
        failures = 0;
        if (signal.aborted) return;
      }
    } catch (thrown) {
      if (thrown instanceof HandlerFailed) throw thrown.error;
      if (thrown instanceof EventStoreFailureError && !thrown.retryable) throw thrown; // e.g. a foreign event
      error = thrown;
    }
    if (signal.aborted) return;
    const delayMs = backoffDelay(failures, options.backoff ?? RESUBSCRIBE_BACKOFF);
    failures += 1;
    options.onDrop?.({ error, resumeAfter: last, delayMs });
    await sleep(delayMs, signal);
  }
}

/** A KurrentDB catch-up subscription to `$all` with the store's server-side filter. */
export function allSubscription(client: KurrentDBClient, filter: Filter): EventSource {
  return async function* subscribe(after, signal) {
    const subscription = client.subscribeToAll({
      fromPosition: readFromPosition(after),
      filter,
      resolveLinkTos: false,
    });
    const stop = (): void => {
      subscription.unsubscribe().catch(() => undefined);
    };
    signal.addEventListener('abort', stop, { once: true });
    if (signal.aborted) stop();
    try {
      for await (const resolved of subscription) {
        const record = toStoredRecord(resolved);
        if (record) yield toRecordedEvent(record);
      }
    } finally {
      signal.removeEventListener('abort', stop);
      stop();
    }
  };
}
