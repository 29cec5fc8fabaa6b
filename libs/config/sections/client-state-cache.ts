import type { Environment } from '../environment.js';
import type { Problems } from '../config-error.js';
import { integer } from '../kinds.js';
import { readOr, setting } from '../setting.js';

/** Decision states kept per process (API, ingest) so a command need not re-read the client's stream. */
export interface ClientStateCacheSettings {
  /** 0 = off. */
  maxClients: number;
  ttlMs: number;
}

const section = 'client-state cache';
export const CLIENT_STATE_CACHE_SETTINGS = {
  maxClients: setting({
    name: 'CLIENT_STATE_CACHE_MAX_CLIENTS',
    section,
    kind: integer(0, 999_999_999),
    default: 5_000,
    group: 'tuning',
    description:
      "decision states kept per process (API, ingest); optimistic (a write by another process is caught by the version check and decided again); `0` = off. An erasure made by another process leaves this one's copy until its TTL or its next write to that client",
  }),
  ttlSeconds: setting({
    name: 'CLIENT_STATE_CACHE_TTL_SECONDS',
    section,
    kind: integer(1, 999_999_999),
    default: 300,
    group: 'tuning',
    description: 'how long a cached decision state is used',
  }),
} as const;

export function readClientStateCache(env: Environment, problems: Problems): ClientStateCacheSettings {
  const s = CLIENT_STATE_CACHE_SETTINGS;
  return { maxClients: readOr(env, s.maxClients, problems), ttlMs: readOr(env, s.ttlSeconds, problems) * 1000 };
}
