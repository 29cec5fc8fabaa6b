/** Bus configuration: defined and validated in libs/config (the Kafka bus section). */
import { isProduction, Problems, readBus, type BusConfig, type Environment } from '../config/index.js';

export {
  BUS_KINDS,
  INGEST_AUTH_MODES,
  type BusConfig,
  type IngestAuthMode,
  type KafkaBusConfig,
} from '../config/index.js';

/** Appends to `problems` (each naming its setting) instead of throwing at the first. */
export function readBusConfig(
  env: Environment,
  problems: string[],
  production = isProduction(env),
): BusConfig | undefined {
  const collected = new Problems();
  const bus = readBus(env, production, collected);
  problems.push(...collected.list.map((p) => p.message));
  return bus;
}
