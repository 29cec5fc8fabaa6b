import { pino, type Logger } from 'pino';

/**
 * Structured JSON logs on stdout (one object per line), for the log shipper to pick up.
 * The level comes from the process's configuration (LOG_LEVEL, validated in libs/config);
 * `silent` in tests that want quiet.
 */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({ name: service, level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
