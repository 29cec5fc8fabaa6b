/** Resolves after `ms`, or at once when the signal aborts (never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Exponential backoff: the delay before each retry after consecutive failures. */
export interface BackoffSchedule {
  /** First delay (ms). */
  initialMs: number;
  /** Ceiling (ms). */
  maxMs: number;
  /** Growth per consecutive failure. */
  factor: number;
}

/** Delay before retry number `failures` (0 = the first retry). */
export function backoffDelay(failures: number, schedule: BackoffSchedule): number {
  if (!Number.isInteger(failures) || failures < 0)
    throw new RangeError(`failures must be a non-negative integer, got ${failures}`);
  const delay = schedule.initialMs * schedule.factor ** failures;
  return Math.min(schedule.maxMs, Number.isFinite(delay) ? delay : schedule.maxMs);
}

/** Doubling delay between `min` and `max`; reset() after progress. */
export class Backoff {
  private readonly schedule: BackoffSchedule;
  private failures = 0;
  constructor(min: number, max: number) {
    this.schedule = { initialMs: min, maxMs: max, factor: 2 };
  }
  next(): number {
    const delay = backoffDelay(this.failures, this.schedule);
    if (delay < this.schedule.maxMs) this.failures += 1; // at the ceiling it stays there
    return delay;
  }
  reset(): void {
    this.failures = 0;
  }
}

export interface FollowOptions {
  idleBackoffMs?: { min: number; max: number };
  errorBackoffMs?: { min: number; max: number };
  /** The step failed; the loop waits `retryInMs` and tries again. */
  onError?: (error: unknown, retryInMs: number) => void;
  /** Last error message, or null once a step succeeds (for health endpoints). */
  onFailureChange?: (failure: string | null) => void;
  /**
   * When idle, also wake as soon as this resolves (new events may be there), instead of only
   * after the idle delay. A rejection just leaves the idle delay in charge (polling).
   */
  waitForNews?: (signal: AbortSignal) => Promise<void>;
}

/** Sleeps `ms`, or less when `news` resolves first; either way the other is cancelled. */
async function idleWait(ms: number, signal: AbortSignal, news?: (signal: AbortSignal) => Promise<void>): Promise<void> {
  if (!news || signal.aborted) return sleep(ms, signal);
  const done = new AbortController();
  const stop = () => done.abort();
  signal.addEventListener('abort', stop, { once: true });
  try {
    const woken = news(done.signal).catch(() => sleep(ms, done.signal)); // no notifications: poll
    await Promise.race([sleep(ms, done.signal), woken]);
  } finally {
    signal.removeEventListener('abort', stop);
    done.abort();
  }
}

/**
 * Runs a catch-up step until the signal aborts: polls with a growing idle delay while there
 * is nothing new, and retries with backoff after errors. The step is expected to resume from
 * its own stored checkpoint, so a failed step is simply redone.
 */
export async function followUntilAborted(
  step: () => Promise<{ events: number }>,
  signal: AbortSignal,
  options: FollowOptions = {},
): Promise<void> {
  const idle = new Backoff(options.idleBackoffMs?.min ?? 50, options.idleBackoffMs?.max ?? 1000);
  const failing = new Backoff(options.errorBackoffMs?.min ?? 250, options.errorBackoffMs?.max ?? 30_000);
  while (!signal.aborted) {
    try {
      const { events } = await step();
      options.onFailureChange?.(null);
      failing.reset();
      if (events > 0) idle.reset();
      else await idleWait(idle.next(), signal, options.waitForNews);
    } catch (error) {
      options.onFailureChange?.(error instanceof Error ? error.message : String(error));
      const delay = failing.next();
      options.onError?.(error, delay);
      await sleep(delay, signal);
    }
  }
}
