import {
  storeConfigFromEnv,
  StoreConfigError,
  type EventStoreConfig,
  type ReadStoreConfig,
} from '../../libs/adapters/open-stores/store-config.js';

/** Projector configuration from the environment, validated once at start. */
export const PROJECTOR_MODES = ['follow', 'rebuild', 'catch-up'] as const;
export type ProjectorMode = (typeof PROJECTOR_MODES)[number];

export interface ProjectorConfig {
  /** Selected like the API's: EVENT_STORE / READ_STORE, *_PATH, DATA_DIR, DATABASE_URL. */
  eventStore: EventStoreConfig;
  readStore: ReadStoreConfig;
  batchSize: number;
  /** Rebuilds and large catch-ups commit once every this many batches (1, the default = every batch). */
  commitEveryBatches: number;
  /** Client models a rebuild / large catch-up keeps in memory (memory bound). */
  maxCachedClients: number;
  /** Streams per page when projecting from checkpoint 0 stream by stream; 0 = global order always. */
  streamsPerPage: number;
  /** Stream-by-stream passes read and fold on a worker thread while the main thread writes. */
  foldInWorker: boolean;
  /** Longest idle poll (ms) when the event store cannot wake the projector. */
  idlePollMaxMs: number;
  /** 0 = no health endpoint. */
  port: number;
  host: string;
}

/** Names the offending variable so a misconfigured deployment fails with a clear message. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): ProjectorConfig {
  const { eventStore, readStore } = stores(env);
  return {
    eventStore,
    readStore,
    batchSize: integer(env, 'PROJECTOR_BATCH_SIZE', 500, 1, 100_000),
    commitEveryBatches: integer(env, 'PROJECTOR_COMMIT_EVERY_BATCHES', 1, 1, 10_000),
    maxCachedClients: integer(env, 'PROJECTOR_MAX_CACHED_CLIENTS', 2_500, 1, 10_000_000),
    streamsPerPage: integer(env, 'PROJECTOR_STREAMS_PER_PAGE', 100, 0, 100_000),
    foldInWorker: onOff(env, 'PROJECTOR_FOLD_WORKER', true),
    idlePollMaxMs: integer(env, 'PROJECTOR_IDLE_POLL_MAX_MS', 1_000, 50, 3_600_000),
    port: integer(env, 'PROJECTOR_PORT', 3001, 0, 65_535),
    host: text(env, 'PROJECTOR_HOST', '127.0.0.1'),
  };
}

export function parseMode(arg: string | undefined): ProjectorMode {
  const mode = arg ?? 'follow';
  if (!(PROJECTOR_MODES as readonly string[]).includes(mode)) {
    throw new ConfigError('mode', `unknown mode "${mode}", expected one of ${PROJECTOR_MODES.join(', ')}`);
  }
  return mode as ProjectorMode;
}

function text(env: Env, name: string, fallback: string): string {
  // empty counts as unset, as compose files often write `NAME=`
  const value = env[name]?.trim();
  return value ? value : fallback;
}

/** The stores the API opens too; the first bad variable is named, every message is kept. */
function stores(env: Env): { eventStore: EventStoreConfig; readStore: ReadStoreConfig } {
  try {
    return storeConfigFromEnv(env);
  } catch (error) {
    if (!(error instanceof StoreConfigError)) throw error;
    throw new ConfigError(
      error.problems[0]?.variable ?? 'EVENT_STORE',
      error.problems.map((p) => p.message).join('; '),
    );
  }
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be on or off, got "${env[name]}"`);
}
