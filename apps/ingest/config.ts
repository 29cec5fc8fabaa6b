/** Ingest configuration: defined, read and validated in libs/config. */
export {
  ConfigError,
  DEFAULT_INGEST_CONCURRENCY,
  isKafka,
  loadIngestConfig,
  type IngestConcurrency,
  type IngestConfig,
  type KafkaIngestConfig,
  type MetricsEndpoint,
} from '../../libs/config/index.js';
