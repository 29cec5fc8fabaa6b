import { Backoff, sleep } from '../shared/index.js';

export { Backoff, sleep };

export interface RetryOptions {
  backoffMs?: { min: number; max: number };
  signal?: AbortSignal;
  /** Called before each wait, e.g. to log and to heartbeat the consumer group. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void | Promise<void>;
}

/**
 * Runs `attempt` until it returns something other than `{ outcome: 'retry' }`; between
 * tries waits with a doubling backoff. Returns `undefined` when the signal aborts first
 * (the caller then leaves the message uncommitted, to be redelivered).
 */
export async function untilSettled<T extends { outcome: string }>(
  attempt: () => Promise<T>,
  options: RetryOptions = {},
): Promise<Exclude<T, { outcome: 'retry' }> | undefined> {
  const backoff = new Backoff(options.backoffMs?.min ?? 100, options.backoffMs?.max ?? 10_000);
  for (let n = 1; ; n++) {
    let result: T | { outcome: 'retry'; error: unknown };
    try {
      result = await attempt();
    } catch (error) {
      result = { outcome: 'retry', error }; // an unexpected throw is never taken as "done"
    }
    if (result.outcome !== 'retry') return result as Exclude<T, { outcome: 'retry' }>;
    if (options.signal?.aborted) return undefined;
    const delay = backoff.next();
    await options.onRetry?.((result as { error?: unknown }).error, n, delay);
    await sleep(delay, options.signal);
    if (options.signal?.aborted) return undefined;
  }
}
