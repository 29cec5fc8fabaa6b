import { type BackoffSchedule, backoffDelay as delayAfter, sleep } from '../../shared/index.js';

export { type BackoffSchedule, sleep };

/** Resubscribing after a dropped subscription (and waiting on an in-flight idempotency key). */
export const RESUBSCRIBE_BACKOFF: BackoffSchedule = { initialMs: 200, maxMs: 30_000, factor: 2 };

/** Delay before retry number `failures` (0 = the first retry after a drop). */
export const backoffDelay = (failures: number, schedule: BackoffSchedule = RESUBSCRIBE_BACKOFF): number =>
  delayAfter(failures, schedule);
