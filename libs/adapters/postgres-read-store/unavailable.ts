import { ReadStoreUnavailableError } from '../../read-store/index.js';
import { isTransient, pgErrorFacts } from '../postgres-common/index.js';

/**
 * Runs one read-store operation; a lost or refused connection (server down or restarting)
 * leaves as ReadStoreUnavailableError, so callers answer "retry later" instead of failing.
 */
export async function unlessUnavailable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isTransient(error)) throw error;
    const code = pgErrorFacts(error)?.code ?? (error as { code?: unknown }).code ?? 'connection';
    throw new ReadStoreUnavailableError(`Read store unavailable (${String(code)})`, { cause: error });
  }
}
