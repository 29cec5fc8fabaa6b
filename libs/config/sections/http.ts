import { resolve } from 'node:path';
import type { Environment } from '../environment.js';
import type { Problems } from '../config-error.js';
import { directory, integer, oneOf, text } from '../kinds.js';
import { read, readOr, setting } from '../setting.js';

/** The HTTP framework under NestJS; both answer identically (apps/api/infrastructure/http-platform). */
export const HTTP_PLATFORMS = ['express', 'fastify'] as const;
export type HttpPlatform = (typeof HTTP_PLATFORMS)[number];

export interface HttpConfig {
  host: string;
  port: number;
  /** `API_PROCESSES` (default 1): API processes sharing the port, one per core at most. */
  processes: number;
  /** `WEB_DIR`: the built browser workspace served at `/`. */
  webDir: string;
  /** `HTTP_PLATFORM` (default express). */
  platform: HttpPlatform;
  /** `COMMAND_CONCURRENCY` (default 4): commands a process runs at once; reads never wait for these places. */
  commandConcurrency: number;
}

const section = 'HTTP API';
export const HTTP_SETTINGS = {
  host: setting({
    name: 'HOST',
    section,
    kind: text,
    default: '127.0.0.1',
    group: 'operator',
    description: 'API listen address',
  }),
  port: setting({
    name: 'PORT',
    section,
    kind: integer(0, 65_535),
    default: 3000,
    group: 'operator',
    description: 'API port (`0` = any free port)',
  }),
  processes: setting({
    name: 'API_PROCESSES',
    section,
    kind: integer(1, 64),
    default: 1,
    group: 'tuning',
    description:
      'API processes sharing the port (node:cluster, round robin); a process that dies is replaced, SIGTERM stops all. Each keeps only caches and connections: every append checks the stream version, so processes need no coordination',
    basis: 'at most one per core is useful (docs/performance.md)',
  }),
  webDir: setting({
    name: 'WEB_DIR',
    section,
    kind: directory,
    defaultText: '`dist/web` beside the compiled API',
    group: 'operator',
    description: 'the built browser workspace served at `/`',
  }),
  platform: setting({
    name: 'HTTP_PLATFORM',
    section,
    kind: oneOf(HTTP_PLATFORMS),
    default: 'express',
    group: 'tuning',
    description: 'HTTP framework under NestJS: `express` or `fastify`; both give the same answers',
    basis: 'measured against each other in docs/performance.md',
  }),
  commandConcurrency: setting({
    name: 'COMMAND_CONCURRENCY',
    section,
    kind: integer(1, 1_024),
    default: 4,
    group: 'tuning',
    description:
      'commands (POST, PUT, PATCH, DELETE) one API process runs at once; more wait in arrival order, and one whose caller hangs up while waiting is never run. Reads never wait for these places, so an officer opening a path is not queued behind a burst of agency commands',
    basis: 'path, caseload and worklist p99 under a saturating command load, docs/performance.md',
  }),
} as const;

/** `defaultWebDir`: where `npm run build` puts apps/web relative to the running API. */
export function readHttp(env: Environment, defaultWebDir: string, problems: Problems): HttpConfig {
  const s = HTTP_SETTINGS;
  return {
    host: readOr(env, s.host, problems),
    port: readOr(env, s.port, problems),
    processes: readOr(env, s.processes, problems),
    webDir: read(env, s.webDir, problems) ?? resolve(defaultWebDir),
    platform: readOr(env, s.platform, problems),
    commandConcurrency: readOr(env, s.commandConcurrency, problems),
  };
}
