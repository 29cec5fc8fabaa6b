import { Kafka, logLevel as LogLevel, type IHeaders, type logCreator } from 'kafkajs';
import type { Headers } from '../../bus/index.js';

export { Kafka };
export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';
const LEVELS: Record<KafkaLogLevel, LogLevel> = {
  nothing: LogLevel.NOTHING,
  error: LogLevel.ERROR,
  warn: LogLevel.WARN,
  info: LogLevel.INFO,
  debug: LogLevel.DEBUG,
};

export interface KafkaConnection {
  brokers: string[];
  clientId: string;
  /** Default `warn`; kafkajs lines go to stderr as JSON. */
  logLevel?: KafkaLogLevel;
}

/** kafkajs logs as one JSON line on stderr, like the rest of Polku's processes. */
const jsonLines: logCreator =
  () =>
  ({ namespace, level, log }) => {
    const { message, timestamp: _t, logger: _l, ...extra } = log;
    const name =
      level === LogLevel.ERROR
        ? 'error'
        : level === LogLevel.WARN
          ? 'warn'
          : level === LogLevel.INFO
            ? 'info'
            : 'debug';
    process.stderr.write(
      `${JSON.stringify({ level: name, component: `kafkajs:${namespace}`, msg: message, ...extra })}\n`,
    );
  };

export function createKafka(connection: KafkaConnection): Kafka {
  return new Kafka({
    clientId: connection.clientId,
    brokers: connection.brokers,
    logLevel: LEVELS[connection.logLevel ?? 'warn'],
    logCreator: jsonLines,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}

/**
 * Kafka headers (bytes, maybe repeated) as plain strings. Names are lower-cased
 * (`Authorization` and `authorization` are one header); a repeated header keeps its
 * first value, so a second one cannot override what the producer set first.
 */
export function decodeHeaders(headers: IHeaders | undefined): Headers {
  const out: Headers = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const first = Array.isArray(raw) ? raw[0] : raw;
    const key = name.toLowerCase();
    if (first === undefined || key in out) continue;
    out[key] = Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  }
  return out;
}
