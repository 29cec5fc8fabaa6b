/**
 * Event-store throughput on PostgreSQL (DATABASE_URL): Polku's PostgresEventStore through the
 * port, or the peer, Emmett's PostgreSQL event store (installed in bench/peer), the workload
 * of store-workload.ts against the same server, each in a fresh schema dropped afterwards.
 * Durable commits on both sides (the server's synchronous_commit).
 */
import { randomUUIDv7 } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresEventStore } from '../../libs/adapters/postgres-event-store/index.js';
import { aSchemaName } from '../../libs/adapters/postgres-common/index.js';
import { argNumber, argValue, BENCH_DIR, emit, log } from '../lib/util.js';
import { runWorkload, throughPort, type BenchStore } from '../lib/store-workload.js';
import { samplePeerEvent } from '../lib/sample-events.js';

const argv = process.argv.slice(2);
const impl = argValue(argv, 'impl') ?? 'ours';
const url = argValue(argv, 'url');
if (!url) throw new Error('--url (DATABASE_URL) is required');
const workload = {
  seconds: argNumber(argv, 'seconds', 5),
  streams: argNumber(argv, 'streams', 1000),
  streamEvents: argNumber(argv, 'stream-events', 200),
  concurrency: argNumber(argv, 'concurrency', 16),
};
/** Polku's appendCallsInFlight (default: the store's own), to compare group sizes. */
const callsInFlight = argValue(argv, 'calls-in-flight');
const schema = aSchemaName(`bench_${impl}`);

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function openOurs(): Promise<BenchStore> {
  // a pool as large as the callers, as the peer's
  return throughPort(
    await PostgresEventStore.open(url!, {
      schema,
      poolSize: workload.concurrency,
      appendCallsInFlight: callsInFlight === undefined ? undefined : Number(callsInFlight),
    }),
  );
}

async function openPeer(): Promise<BenchStore> {
  const require = createRequire(join(BENCH_DIR, 'peer', 'package.json'));
  const { getPostgreSQLEventStore } = require('@event-driven-io/emmett-postgresql') as {
    getPostgreSQLEventStore: (
      url: string,
      o: Record<string, unknown>,
    ) => {
      appendToStream(s: string, e: unknown[], o?: Record<string, unknown>): Promise<unknown>;
      readStream(s: string): Promise<{ events: unknown[] }>;
      close(): Promise<void>;
    };
  };
  // Emmett's tables and functions have no schema prefix: its own schema through search_path
  await admin(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url!);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const store = getPostgreSQLEventStore(scoped.toString(), { schema: { autoMigration: 'CreateOrUpdate' } });
  return {
    append: async (stream, i, expected) => {
      await store.appendToStream(stream, [samplePeerEvent(stream, i, randomUUIDv7())], {
        expectedStreamVersion: expected,
      });
    },
    read: async (stream) => (await store.readStream(stream)).events.length,
    close: () => store.close(),
  };
}

const store = impl === 'peer' ? await openPeer() : await openOurs();
try {
  emit({ suite: 'store-pg', impl, ...(await runWorkload(store, workload)) });
} catch (error) {
  log(`${impl} PostgreSQL store suite failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  await store.close();
  await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}
