/**
 * Ingest process (`npm run start:ingest`, BUS=kafka): consumes agency systems' commands
 * from `polku.commands.v1` into the event store and publishes every recorded event to
 * `polku.path-events.v1`. One JSON line per notable thing on stdout, errors on stderr.
 * SIGTERM/SIGINT finish the message and the publication batch in flight, then exit 0.
 */
import 'reflect-metadata';
import { ConfigError, isKafka, loadIngestConfig, type IngestConfig } from './config.js';
import { startIngest, type LogEntry } from './runtime.js';

const write = (entry: LogEntry) => {
  const line = `${JSON.stringify({ ...entry, level: entry.level ?? 'info', time: new Date().toISOString() })}\n`;
  (entry.level === 'error' ? process.stderr : process.stdout).write(line);
};

async function main(): Promise<number> {
  let config: IngestConfig;
  try {
    config = loadIngestConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    write({ level: 'error', msg: 'invalid configuration', problems: error.problems });
    return 2;
  }
  if (!isKafka(config)) {
    write({ msg: 'BUS=memory: no broker, nothing to ingest or publish (set BUS=kafka and KAFKA_BROKERS)' });
    return 0;
  }
  const runtime = await startIngest(config, { log: write });
  await new Promise<void>((resolve) => {
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
  await runtime.stop();
  write({ msg: 'stopped' });
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    write({ level: 'error', msg: 'ingest failed', error: error instanceof Error ? error.stack ?? error.message : String(error) });
    process.exitCode = 1;
  },
);
