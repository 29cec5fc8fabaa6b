import { resolve } from 'node:path';
import type { Environment } from '../environment.js';
import type { Problems } from '../config-error.js';
import { directory, integer, oneOf, text } from '../kinds.js';
import { read, readOr, setting } from '../setting.js';

/** The HTTP framework under NestJS; both answer identically (apps/api/infrastructure/http-platform). */
export const HTTP_PLATFORMS = ['express', 'fastify'] as const;
export type HttpPlatform = (typeof HTTP_PLATFORMS)[number];

/** What one API process answers: everything, or reads only (`API_SERVES`). */
export const API_SERVES = ['all', 'reads'] as const;
export type ApiServes = (typeof API_SERVES)[number];

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
  /** `API_SERVES` (default all): `reads` refuses commands, so no read ever waits behind one. */
  serves: ApiServes;
  /** `API_READ_PROCESSES` (default 0): reads-only processes the cluster starts on `readPort`. */
  readProcesses: number;
  /** `READ_PORT` (default 3003; 3001 and 3002 are the projector's and the ingest's): the port of the reads-only processes. */
  readPort: number;
  /** `API_COMMAND_NICE` (default 0): the CPU niceness a process that takes commands gives itself. */
  commandNice: number;
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
  serves: setting({
    name: 'API_SERVES',
    section,
    kind: oneOf(API_SERVES),
    default: 'all',
    group: 'operator',
    description:
      "what this API process answers: `all`, or `reads` (GET, HEAD, OPTIONS; commands get 405 `reads-only`). Reads-only processes behind a router that sends reads to them keep officers' reads off the event loop that runs the commands (docs/operations.md)",
  }),
  readProcesses: setting({
    name: 'API_READ_PROCESSES',
    section,
    kind: integer(0, 64),
    default: 0,
    group: 'tuning',
    description:
      'reads-only API processes (`API_SERVES=reads`) started beside the `API_PROCESSES` on `READ_PORT` (node:cluster); a process that dies is replaced',
    basis: 'path, caseload and worklist p99 while commands saturate the API, docs/performance.md',
  }),
  readPort: setting({
    name: 'READ_PORT',
    section,
    kind: integer(0, 65_535),
    default: 3003,
    group: 'operator',
    description:
      'port of the reads-only processes (`API_READ_PROCESSES`); must differ from `PORT` and not be `0` (node:cluster would give both kinds one shared random port)',
  }),
  commandNice: setting({
    name: 'API_COMMAND_NICE',
    section,
    kind: integer(0, 19),
    default: 0,
    group: 'tuning',
    description:
      "CPU niceness an API process that takes commands (`API_SERVES=all`) gives itself at start; reads-only processes keep theirs. With both kinds on one machine, a command burst then yields the CPU to an officer's read",
    basis: 'path, caseload and worklist p99 while commands saturate the API, docs/performance.md',
  }),
} as const;

/** `defaultWebDir`: where `npm run build` puts apps/web relative to the running API. */
export function readHttp(env: Environment, defaultWebDir: string, problems: Problems): HttpConfig {
  const s = HTTP_SETTINGS;
  const port = readOr(env, s.port, problems);
  const readProcesses = readOr(env, s.readProcesses, problems);
  const readPort = readOr(env, s.readPort, problems);
  if (readProcesses > 0 && readPort === port)
    problems.add(s.readPort.name, `READ_PORT must differ from PORT (both ${port}) when API_READ_PROCESSES > 0`);
  // node:cluster shares one random port among every worker that listens on 0, both kinds alike
  else if (readProcesses > 0 && readPort === 0)
    problems.add(s.readPort.name, 'READ_PORT must be a fixed port, not 0, when API_READ_PROCESSES > 0');
  const serves = readOr(env, s.serves, problems);
  // reads-only processes exist to stand beside ones that take commands
  if (readProcesses > 0 && serves === 'reads')
    problems.add(
      s.readProcesses.name,
      'API_READ_PROCESSES starts reads-only processes beside ones that take commands; with API_SERVES=reads none would take commands',
    );
  return {
    host: readOr(env, s.host, problems),
    port,
    processes: readOr(env, s.processes, problems),
    webDir: read(env, s.webDir, problems) ?? resolve(defaultWebDir),
    platform: readOr(env, s.platform, problems),
    commandConcurrency: readOr(env, s.commandConcurrency, problems),
    serves,
    readProcesses,
    readPort,
    commandNice: readOr(env, s.commandNice, problems),
  };
}

/**
 * The settings a reads-only process of the cluster runs with: reads only, on the reads' port,
 * and itself one process (it is a worker; its own port would otherwise collide with `READ_PORT`).
 */
export function readsOnlyEnvironment(readPort: number): Record<string, string> {
  const s = HTTP_SETTINGS;
  return {
    [s.serves.name]: 'reads',
    [s.port.name]: String(readPort),
    [s.processes.name]: '1',
    [s.readProcesses.name]: '0',
  };
}
