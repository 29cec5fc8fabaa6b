import type { Environment } from '../environment.js';
import type { Problems } from '../config-error.js';
import { integer, onOff, text } from '../kinds.js';
import { readOr, setting } from '../setting.js';

export interface ProjectorSettings {
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

const section = 'projector';
export const PROJECTOR_SETTINGS = {
  batchSize: setting({
    name: 'PROJECTOR_BATCH_SIZE',
    section,
    kind: integer(1, 100_000),
    default: 500,
    group: 'tuning',
    description: 'events per projector transaction',
  }),
  commitEveryBatches: setting({
    name: 'PROJECTOR_COMMIT_EVERY_BATCHES',
    section,
    kind: integer(1, 10_000),
    default: 1,
    group: 'tuning',
    description:
      'global-order catch-up more than 5,000 behind (or a rebuild with `PROJECTOR_STREAMS_PER_PAGE=0`): commit (with the checkpoint) every N batches',
  }),
  maxCachedClients: setting({
    name: 'PROJECTOR_MAX_CACHED_CLIENTS',
    section,
    kind: integer(1, 10_000_000),
    default: 2_500,
    group: 'tuning',
    description: 'client models such a catch-up keeps in memory; raise the heap cap with it',
  }),
  streamsPerPage: setting({
    name: 'PROJECTOR_STREAMS_PER_PAGE',
    section,
    kind: integer(0, 100_000),
    default: 100,
    group: 'tuning',
    description: 'from checkpoint 0: clients per transaction of the stream-by-stream pass; `0` = global order always',
  }),
  foldInWorker: setting({
    name: 'PROJECTOR_FOLD_WORKER',
    section,
    kind: onOff,
    default: true,
    defaultText: '`on`',
    group: 'tuning',
    description: 'stream-by-stream passes read and fold on a worker thread while the main thread writes',
  }),
  idlePollMaxMs: setting({
    name: 'PROJECTOR_IDLE_POLL_MAX_MS',
    section,
    kind: integer(50, 3_600_000),
    default: 1_000,
    group: 'tuning',
    description: 'longest idle poll (ms) when the event store did not wake the projector',
  }),
  port: setting({
    name: 'PROJECTOR_PORT',
    section,
    kind: integer(0, 65_535),
    default: 3001,
    group: 'operator',
    description: 'projector health endpoint port (`0` disables)',
  }),
  host: setting({
    name: 'PROJECTOR_HOST',
    section,
    kind: text,
    default: '127.0.0.1',
    group: 'operator',
    description: 'projector health endpoint address',
  }),
} as const;

export function readProjector(env: Environment, problems: Problems): ProjectorSettings {
  const s = PROJECTOR_SETTINGS;
  return {
    batchSize: readOr(env, s.batchSize, problems),
    commitEveryBatches: readOr(env, s.commitEveryBatches, problems),
    maxCachedClients: readOr(env, s.maxCachedClients, problems),
    streamsPerPage: readOr(env, s.streamsPerPage, problems),
    foldInWorker: readOr(env, s.foldInWorker, problems),
    idlePollMaxMs: readOr(env, s.idlePollMaxMs, problems),
    port: readOr(env, s.port, problems),
    host: readOr(env, s.host, problems),
  };
}
