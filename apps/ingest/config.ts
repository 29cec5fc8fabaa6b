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
}
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
  const explicit = env.BUS_CHECKPOINT_PATH?.trim();
  if (explicit === ':memory:') problems.push('BUS_CHECKPOINT_PATH must be a file path, not :memory:');
  if (problems.length > 0 || !api || !bus) throw new ConfigError(problems);
  const checkpointPath = explicit ? resolve(explicit) : resolve(api.dataDir, 'bus.sqlite');
  const auditLogPath = resolve(env.AUDIT_LOG_PATH?.trim() || resolve(api.dataDir, 'audit.sqlite'));
  return { api, bus, checkpointPath, auditLogPath };
}

export const isKafka = (config: IngestConfig): config is KafkaIngestConfig => config.bus.kind === 'kafka';
