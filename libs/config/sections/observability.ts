import type { Environment } from '../environment.js';
import type { Problems } from '../config-error.js';
import { oneOf } from '../kinds.js';
import { readOr, setting } from '../setting.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const OBSERVABILITY_SETTINGS = {
  logLevel: setting({
    name: 'LOG_LEVEL',
    section: 'observability',
    kind: oneOf(LOG_LEVELS),
    default: 'info',
    group: 'operator',
    description: 'pino JSON log level',
  }),
} as const;

export function readLogLevel(env: Environment, problems: Problems): LogLevel {
  return readOr(env, OBSERVABILITY_SETTINGS.logLevel, problems);
}
