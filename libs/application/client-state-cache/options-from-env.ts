import { DEFAULT_CLIENT_STATE_CACHE, type ClientStateCacheOptions } from './client-state-cache.js';

/**
 * `CLIENT_STATE_CACHE_MAX_CLIENTS` (0 = off, default 5000) and
 * `CLIENT_STATE_CACHE_TTL_SECONDS` (default 300). Throws naming every bad variable.
 */
export function clientStateCacheOptionsFromEnv(env: Record<string, string | undefined>): ClientStateCacheOptions {
  const problems: string[] = [];
  const read = (name: string, fallback: number, min: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    if (!/^\d{1,9}$/.test(raw) || Number(raw) < min) {
      problems.push(`${name} must be an integer ≥ ${min}, got "${raw}"`);
      return fallback;
    }
    return Number(raw);
  };
  const maxClients = read('CLIENT_STATE_CACHE_MAX_CLIENTS', DEFAULT_CLIENT_STATE_CACHE.maxClients, 0);
  const ttlSeconds = read('CLIENT_STATE_CACHE_TTL_SECONDS', DEFAULT_CLIENT_STATE_CACHE.ttlMs / 1000, 1);
  if (problems.length) throw new Error(`Invalid client state cache settings: ${problems.join('; ')}`);
  return { maxClients, ttlMs: ttlSeconds * 1000 };
}
