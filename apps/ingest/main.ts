/**
 * Ingest process (`npm run start:ingest`, BUS=kafka): consumes agency systems' commands
 * from `polku.commands.v1` into the event store and publishes every recorded event to
 * `polku.path-events.v1`. One JSON line per notable thing on stdout, errors on stderr.
 * SIGTERM/SIGINT finish the message and the publication batch in flight, then exit 0.
 */
import '../../libs/shared/runtime/check.js';
import 'reflect-metadata';
import { ConfigError, isKafka, loadIngestConfig, type IngestConfig, type MetricsEndpoint } from './config.js';
import { startIngest, type LogEntry } from './runtime.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PolkuMetrics, routeProcessWarnings } from '../../libs/observability/index.js';

/** The metrics port cannot be listened on: reported before anything is consumed. */
class MetricsPortError extends Error {
  override readonly name = 'MetricsPortError';
}

/**
 * GET /metrics for Prometheus on INGEST_METRICS_PORT (default 3002; 0 disables), 127.0.0.1
 * unless INGEST_METRICS_HOST (both validated with the rest of the configuration). Listens
 * before the consumer starts: a taken port stops the process before it consumes anything
 * (it would otherwise run unobserved).
 */
async function serveMetrics(metrics: PolkuMetrics, { host, port }: MetricsEndpoint): Promise<Server | undefined> {
  if (port === 0) return undefined;
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.render().then(
      ({ contentType, body }) => res.writeHead(200, { 'content-type': contentType }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve)).catch(
    (error: unknown) => {
      const reason =
        (error as { code?: string }).code === 'EADDRINUSE'
          ? 'is already in use'
          : `cannot be listened on (${String(error)})`;
      throw new MetricsPortError(
        `INGEST_METRICS_PORT ${host}:${port} ${reason}: free it or choose another port (0 disables metrics)`,
      );
    },
  );
  return server;
}

// At full speed the ingest logs thousands of lines a second: they leave in one write per
// event-loop turn, not one each. Errors go at once (after what was queued before them).
let queued = '';
let flushScheduled = false;
const flush = () => {
  flushScheduled = false;
  if (queued) process.stdout.write(queued);
  queued = '';
};
process.on('exit', flush);
const write = (entry: LogEntry) => {
  const line = `${JSON.stringify({ ...entry, level: entry.level ?? 'info', time: new Date().toISOString() })}\n`;
  if (entry.level === 'error') {
    flush();
    process.stderr.write(line);
    return;
  }
  queued += line;
  if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(flush);
  }
};

async function main(): Promise<number> {
  routeProcessWarnings(write);
  let config: IngestConfig;
  try {
    // every setting, the metrics port included, before anything connects
    config = loadIngestConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    write({ level: 'error', msg: 'invalid configuration', error: error.message, problems: error.problems });
    return 2;
  }
  if (!isKafka(config)) {
    write({ msg: 'BUS=memory: no broker, nothing to ingest or publish (set BUS=kafka and KAFKA_BROKERS)' });
    return 0;
  }
  const metrics = new PolkuMetrics('ingest');
  // every port first: nothing is consumed by a process that could not be observed
  let server: Server | undefined;
  try {
    server = await serveMetrics(metrics, config.metrics);
  } catch (error) {
    if (!(error instanceof MetricsPortError)) throw error;
    write({ level: 'error', msg: 'cannot serve metrics, not starting', error: error.message });
    return 1;
  }
  if (server) write({ msg: 'metrics listening', port: (server.address() as AddressInfo).port });
  // the signal handlers before the consumer, so a stop during start-up is never ignored
  const stopRequested = new Promise<void>((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      // a second signal means "now": safe, as an offset is committed only after its write
      if (stopping) process.exit(130);
      stopping = true;
      write({ msg: 'stopping', signal });
      resolve();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
  let runtime: Awaited<ReturnType<typeof startIngest>>;
  try {
    runtime = await startIngest(config, { log: write, metrics });
  } catch (error) {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    throw error;
  }
  await stopRequested;
  await runtime.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  write({ msg: 'stopped' });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    write({
      level: 'error',
      msg: 'ingest failed',
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    process.exitCode = 1;
  },
);
