import { resolve } from 'node:path';
import { readBusConfig, type BusConfig, type KafkaBusConfig } from '../../libs/bus/index.js';
import { ConfigError, loadApiConfig, type ApiConfig } from '../api/config.js';

export { ConfigError };

/**
 * The ingest process reads the API's settings (event store, JWT verification) and the
 * bus settings; all problems are reported together, each naming its variable.
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
}

export interface IngestConcurrency {
  /** Commands in flight across partitions (`KAFKA_INGEST_MAX_IN_FLIGHT`); one client's are always sequential. */
  maxInFlight: number;
  /** Partitions processed at once (`KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY`). */
  partitions: number;
}
export const DEFAULT_INGEST_CONCURRENCY: IngestConcurrency = { maxInFlight: 256, partitions: 16 };
export type KafkaIngestConfig = IngestConfig & { bus: KafkaBusConfig };

type Env = Record<string, string | undefined>;

export function loadIngestConfig(env: Env = process.env): IngestConfig {
  const problems: string[] = [];
  let api: ApiConfig | undefined;
  try {
    api = loadApiConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const bus = readBusConfig(env, problems);
  const concurrency = {
    maxInFlight: positiveInt(env, 'KAFKA_INGEST_MAX_IN_FLIGHT', DEFAULT_INGEST_CONCURRENCY.maxInFlight, problems),
    partitions: positiveInt(
      env,
      'KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY',
      DEFAULT_INGEST_CONCURRENCY.partitions,
      problems,
    ),
  };
  const explicit = env.BUS_CHECKPOINT_PATH?.trim();
  if (explicit === ':memory:') problems.push('BUS_CHECKPOINT_PATH must be a file path, not :memory:');
  if (problems.length > 0 || !api || !bus) throw new ConfigError(problems);
  const checkpointPath = explicit ? resolve(explicit) : resolve(api.dataDir, 'bus.sqlite');
  const auditLogPath = resolve(env.AUDIT_LOG_PATH?.trim() || resolve(api.dataDir, 'audit.sqlite'));
  return { api, bus, checkpointPath, auditLogPath, concurrency };
}

function positiveInt(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1 || n > 100_000)
    problems.push(`${name} must be an integer from 1 to 100000, got "${raw}"`);
  return n;
}

export const isKafka = (config: IngestConfig): config is KafkaIngestConfig => config.bus.kind === 'kafka';
