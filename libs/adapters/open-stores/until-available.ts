import { EventStoreFailureError } from '../../event-store/index.js';
import { ReadStoreUnavailableError } from '../../read-store/index.js';
import { Backoff, sleep } from '../../shared/index.js';

/** A store that cannot be reached for now (database down or restarting), not a wrong setting. */
export const isStoreUnavailable = (error: unknown): boolean =>
  error instanceof ReadStoreUnavailableError || (error instanceof EventStoreFailureError && error.retryable);

export interface WaitWhileUnavailable {
  /** Told before each wait, e.g. to log that the database is not there yet. */
  onWait?: (error: unknown, retryInMs: number) => void;
  /** Stops waiting (the last error is thrown), e.g. on SIGTERM. */
  signal?: AbortSignal;
  backoffMs?: { min: number; max: number };
}

/**
 * Opens a store, waiting and retrying while it is unavailable: a process started while the
 * database is down waits for it instead of exiting. Any other failure is thrown at once.
 */
export async function untilAvailable<T>(open: () => Promise<T>, options: WaitWhileUnavailable = {}): Promise<T> {
  const backoff = new Backoff(options.backoffMs?.min ?? 250, options.backoffMs?.max ?? 5_000);
  for (;;) {
    try {
      return await open();
    } catch (error) {
      if (!isStoreUnavailable(error) || options.signal?.aborted) throw error;
      const delay = backoff.next();
      options.onWait?.(error, delay);
      await sleep(delay, options.signal);
    }
  }
}
