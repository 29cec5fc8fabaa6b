import { pino, type Logger } from 'pino';

/**
 * Structured JSON logs on stdout (one object per line), for the log shipper to pick up.
 * LOG_LEVEL sets the level (default info; `silent` in tests that want quiet).
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL || 'info'): Logger {
  return pino({ name: service, level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
