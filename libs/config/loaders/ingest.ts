import { Problems } from '../config-error.js';
import { processEnvironment, type Environment } from '../environment.js';
import { readBus, type BusConfig, type KafkaBusConfig } from '../sections/bus.js';
import {
  readCheckpointPath,
  readIngestConcurrency,
  readMetricsEndpoint,
  type IngestConcurrency,
  type MetricsEndpoint,
} from '../sections/ingest.js';
import { isProduction } from '../sections/runtime.js';
import { readApiConfig, type ApiConfig } from './api.js';

/**
 * The ingest process reads the API's settings (event store, JWT verification, usage log,
 * client-state cache) and the bus settings; all problems are reported together.
 */
export interface IngestConfig {
  api: ApiConfig;
  bus: BusConfig;
  /** SQLite file of the publication checkpoint (`BUS_CHECKPOINT_PATH`, default `$DATA_DIR/bus.sqlite`). */
  checkpointPath: string;
  /** Usage log for refused writes, shared with the API (`AUDIT_LOG_PATH`, default `$DATA_DIR/audit.sqlite`). */
  auditLogPath: string;
  /** How much the consumer does at once; defaults in DEFAULT_INGEST_CONCURRENCY. */
  concurrency?: IngestConcurrency;
  /** `/metrics` (validated here, before anything connects; port 0 = none). */
  metrics: MetricsEndpoint;
}
export type KafkaIngestConfig = IngestConfig & { bus: KafkaBusConfig };

export function loadIngestConfig(env: Environment = processEnvironment()): IngestConfig {
  const problems = new Problems();
  const api = readApiConfig(env, problems);
  const bus = readBus(env, isProduction(env), problems);
  const concurrency = readIngestConcurrency(env, problems);
  const checkpointPath = readCheckpointPath(env, api?.dataDir ?? '.', problems);
  const metrics = readMetricsEndpoint(env, problems);
  problems.throwIfAny();
  return { api: api!, bus: bus!, checkpointPath, auditLogPath: api!.auditLogPath, concurrency, metrics };
}

export const isKafka = (config: IngestConfig): config is KafkaIngestConfig => config.bus.kind === 'kafka';
