/** Exponential backoff for resubscribing (and for waiting on an in-flight idempotency key). */
export interface BackoffSchedule {
  /** First delay (ms). */
  initialMs: number;
  /** Ceiling (ms). */
  maxMs: number;
  /** Growth per consecutive failure. */
  factor: number;
}

export const RESUBSCRIBE_BACKOFF: BackoffSchedule = { initialMs: 200, maxMs: 30_000, factor: 2 };

/** Delay before retry number `failures` (0 = the first retry after a drop). */
export function backoffDelay(failures: number, schedule: BackoffSchedule = RESUBSCRIBE_BACKOFF): number {
  if (!Number.isInteger(failures) || failures < 0)
    throw new RangeError(`failures must be a non-negative integer, got ${failures}`);
  const delay = schedule.initialMs * schedule.factor ** failures;
  return Math.min(schedule.maxMs, Number.isFinite(delay) ? delay : schedule.maxMs);
}

/** Waits `ms`, or less when `signal` aborts (never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
