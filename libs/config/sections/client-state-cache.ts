import type { Environment } from '../environment.js';
import type { Problems } from '../config-error.js';
import { integer, onOff } from '../kinds.js';
import { readOr, setting } from '../setting.js';

/** Decision states kept per process (API, ingest) so a command need not re-read the client's stream. */
export interface ClientStateCacheSettings {
  /** 0 = off. */
  maxClients: number;
  ttlMs: number;
  /** A client missing from the cache starts from the projector's decision state (CLIENT_STATE_SNAPSHOTS). */
  snapshots: boolean;
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
  snapshots: setting({
    name: 'CLIENT_STATE_SNAPSHOTS',
    section,
    kind: onOff,
    default: true,
    group: 'tuning',
    description:
      "a client missing from the cache starts from the decision state the projector keeps in the read store and the events after it, instead of its whole stream (~0.3 ms of CPU per command at 100,000 clients); used only where its seal with the client's key verifies and it matches the event store's history; a refusal or conflict is decided again on the whole stream (docs/architecture.md); `off` = always the whole stream",
  }),
} as const;

export function readClientStateCache(env: Environment, problems: Problems): ClientStateCacheSettings {
  const s = CLIENT_STATE_CACHE_SETTINGS;
  return {
    maxClients: readOr(env, s.maxClients, problems),
    ttlMs: readOr(env, s.ttlSeconds, problems) * 1000,
    snapshots: readOr(env, s.snapshots, problems),
  };
}
