import { processEnvironment, type Environment } from '../environment.js';
import { TOOLING_SETTINGS } from '../sections/launcher.js';
import { rawValue } from '../setting.js';

/**
 * What the integration and end-to-end tests read: the services they may use (each optional:
 * a spec without its service is skipped locally, and fails in CI where every service runs).
 */
export interface TestEnvironment {
  databaseUrl?: string;
  kafkaBrokers?: string;
  kurrentDbUrl?: string;
  chromiumPath: string;
  /** `HTTP_PLATFORM` set: the API the e2e specs boot runs on it (equivalence runs on Fastify). */
  httpPlatform?: string;
  /** `CI` set: a missing service is an error, not a skip. */
  ci: boolean;
  /** `KAFKA_TEST_LOG` set: the Kafka clients in tests log warnings. */
  kafkaTestLog: boolean;
  /** `BENCH_SERVER_NODE_FLAGS`: extra node flags for the benchmark's API process. */
  benchServerNodeFlags: string[];
  /** The whole environment, for a spec that starts a child process with it. */
  inherited: Environment;
}

export function testEnvironment(env: Environment = processEnvironment()): TestEnvironment {
  const optional = (name: string) => rawValue(env, name);
  return {
    ...defined('databaseUrl', optional('DATABASE_URL')),
    ...defined('kafkaBrokers', optional('KAFKA_BROKERS')),
    ...defined('kurrentDbUrl', optional('KURRENTDB_URL')),
    ...defined('httpPlatform', optional('HTTP_PLATFORM')),
    chromiumPath: optional(TOOLING_SETTINGS.chromiumPath.name) ?? TOOLING_SETTINGS.chromiumPath.default,
    ci: Boolean(optional('CI')),
    kafkaTestLog: Boolean(optional('KAFKA_TEST_LOG')),
    benchServerNodeFlags: (optional('BENCH_SERVER_NODE_FLAGS') ?? '').split(' ').filter(Boolean),
    inherited: env,
  };
}

function defined<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
