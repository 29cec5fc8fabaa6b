import { resolve } from 'node:path';
import type { Environment } from '../environment.js';
import type { Problems } from '../config-error.js';
import { filePath, integer, text } from '../kinds.js';
import { read, readOr, setting } from '../setting.js';

export interface IngestConcurrency {
  /** Commands in flight across partitions (`KAFKA_INGEST_MAX_IN_FLIGHT`); one client's are always sequential. */
  maxInFlight: number;
  /** Partitions processed at once (`KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY`). */
  partitions: number;
}
export const DEFAULT_INGEST_CONCURRENCY: IngestConcurrency = { maxInFlight: 256, partitions: 16 };

/** GET /metrics of the ingest process; port 0 = none. */
export interface MetricsEndpoint {
  host: string;
  port: number;
}

const section = 'ingest';
export const INGEST_SETTINGS = {
  maxInFlight: setting({
    name: 'KAFKA_INGEST_MAX_IN_FLIGHT',
    section,
    kind: integer(1, 100_000),
    default: DEFAULT_INGEST_CONCURRENCY.maxInFlight,
    group: 'tuning',
    description: "commands in flight across clients (one client's always in turn)",
    basis:
      'measured: more in flight holds each SQLite group commit longer (1,024: +15 % ingest, slower API writes on a shared store)',
  }),
  partitions: setting({
    name: 'KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY',
    section,
    kind: integer(1, 100_000),
    default: DEFAULT_INGEST_CONCURRENCY.partitions,
    group: 'tuning',
    description: 'partitions processed at once',
  }),
  checkpointPath: setting({
    name: 'BUS_CHECKPOINT_PATH',
    section,
    kind: filePath,
    defaultText: '`$DATA_DIR/bus.sqlite`',
    group: 'operator',
    description: 'SQLite file of the publication checkpoint',
  }),
  metricsPort: setting({
    name: 'INGEST_METRICS_PORT',
    section,
    kind: integer(0, 65_535),
    default: 3002,
    group: 'operator',
    description: 'ingest process `/metrics` port (`0` disables)',
  }),
  metricsHost: setting({
    name: 'INGEST_METRICS_HOST',
    section,
    kind: text,
    default: '127.0.0.1',
    group: 'operator',
    description: 'ingest process `/metrics` address',
  }),
} as const;

export function readIngestConcurrency(env: Environment, problems: Problems): IngestConcurrency {
  return {
    maxInFlight: readOr(env, INGEST_SETTINGS.maxInFlight, problems),
    partitions: readOr(env, INGEST_SETTINGS.partitions, problems),
  };
}

export function readCheckpointPath(env: Environment, dataDir: string, problems: Problems): string {
  return read(env, INGEST_SETTINGS.checkpointPath, problems) ?? resolve(dataDir, 'bus.sqlite');
}

export function readMetricsEndpoint(env: Environment, problems: Problems): MetricsEndpoint {
  return {
    host: readOr(env, INGEST_SETTINGS.metricsHost, problems),
    port: readOr(env, INGEST_SETTINGS.metricsPort, problems),
  };
}
