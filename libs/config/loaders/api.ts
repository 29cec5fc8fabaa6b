import { fileURLToPath } from 'node:url';
import { Problems } from '../config-error.js';
import { processEnvironment, type Environment } from '../environment.js';
import { readAuditLogPath } from '../sections/audit-log.js';
import { readAuth, type AuthConfig } from '../sections/auth.js';
import { readClientStateCache, type ClientStateCacheSettings } from '../sections/client-state-cache.js';
import { readHttp, type ApiServes, type HttpPlatform } from '../sections/http.js';
import { readLogLevel, type LogLevel } from '../sections/observability.js';
import { isProduction } from '../sections/runtime.js';
import { readStores, type EventStoreConfig, type ReadStoreConfig } from '../sections/store.js';
import { readWebSession, type WebSessionConfig } from '../sections/web-session.js';

export interface ApiConfig {
  host: string;
  port: number;
  /** Absolute path. */
  dataDir: string;
  eventStore: EventStoreConfig;
  readStore: ReadStoreConfig;
  auth: AuthConfig;
  production: boolean;
  /** `API_PROCESSES` (default 1): API processes sharing the port, one per core at most. */
  processes: number;
  /** `WEB_DIR`: the built browser workspace served at `/` (default: `dist/web` beside the compiled API). */
  webDir: string;
  /** `HTTP_PLATFORM`: the HTTP framework under NestJS. */
  httpPlatform: HttpPlatform;
  /** `COMMAND_CONCURRENCY`: commands one process runs at once (reads never wait for them). */
  commandConcurrency: number;
  /** `API_SERVES`: `reads` answers reads only and refuses commands (405 `reads-only`). */
  serves: ApiServes;
  /** `API_READ_PROCESSES`: reads-only processes the cluster primary starts on `readPort`. */
  readProcesses: number;
  /** `READ_PORT`: the reads-only processes' port. */
  readPort: number;
  /** `API_COMMAND_NICE`: the niceness a process that takes commands gives itself. */
  commandNice: number;
  /** `AUDIT_LOG_PATH`: absolute path of the usage and disclosure logs. */
  auditLogPath: string;
  clientStateCache: ClientStateCacheSettings;
  logLevel: LogLevel;
  webSession: WebSessionConfig;
}

// dist/libs/config/loaders/api.js -> dist/web, where `npm run build` puts apps/web.
const BUILT_WEB_DIR = fileURLToPath(new URL('../../../web', import.meta.url));

/** Reads and validates every API setting; throws one ConfigError naming each bad one. */
export function loadApiConfig(env: Environment = processEnvironment()): ApiConfig {
  const problems = new Problems();
  const config = readApiConfig(env, problems);
  problems.throwIfAny();
  return config as ApiConfig;
}

/** For loaders that compose the API's settings with their own (the ingest). */
export function readApiConfig(env: Environment, problems: Problems): ApiConfig | undefined {
  const production = isProduction(env);
  const {
    host,
    port,
    processes,
    webDir,
    platform: httpPlatform,
    commandConcurrency,
    serves,
    readProcesses,
    readPort,
    commandNice,
  } = readHttp(env, BUILT_WEB_DIR, problems);
  const stores = readStores(env, problems);
  const auth = readAuth(env, production, problems);
  const clientStateCache = readClientStateCache(env, problems);
  const logLevel = readLogLevel(env, problems);
  const webSession = readWebSession(env, production, problems);
  const auditLogPath = readAuditLogPath(env, stores?.dataDir ?? '.', problems);
  // One key per kind of token: a bearer token must never verify as a browser session, nor back.
  if (auth?.mode === 'hs256' && webSession.sessionSecret === auth.secret)
    problems.add('WEB_SESSION_SECRET', 'WEB_SESSION_SECRET must differ from JWT_SECRET');
  if (!stores || !auth) return undefined;
  const { dataDir, eventStore, readStore } = stores;
  return {
    host,
    port,
    dataDir,
    eventStore,
    readStore,
    auth,
    production,
    processes,
    webDir,
    httpPlatform,
    commandConcurrency,
    serves,
    readProcesses,
    readPort,
    commandNice,
    auditLogPath,
    clientStateCache,
    logLevel,
    webSession,
  };
}
