/**
 * Event-store throughput, Polku (SqliteEventStore through the port) or the peer (Emmett's
 * SQLite event store, installed in bench/peer), the workload of store-workload.ts. All on a
 * fresh file, durable commits
 * (WAL; Polku synchronous=FULL, the peer with SQLite's default FULL).
 */
import { randomUUIDv7 } from 'node:crypto';
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '../../libs/adapters/sqlite-event-store/index.js';
import { argNumber, argValue, BENCH_DIR, emit, ensureDir, log, WORK_DIR } from '../lib/util.js';
import { runWorkload, throughPort, type BenchStore } from '../lib/store-workload.js';
import { samplePeerEvent } from '../lib/sample-events.js';
import { sleep } from '../../libs/shared/index.js';

const argv = process.argv.slice(2);
const impl = argValue(argv, 'impl') ?? 'ours';
const seconds = argNumber(argv, 'seconds', 5);
const streams = argNumber(argv, 'streams', 1000);
const streamEvents = argNumber(argv, 'stream-events', 200);
const concurrency = argNumber(argv, 'concurrency', 16);
const dir = ensureDir(join(WORK_DIR, 'store'));
const file = join(dir, `${impl}-${process.pid}.sqlite`);
let peerRetries = 0;
/** Appends in flight: 1 in the sequential phase, `concurrency` in the concurrent one. */
let inFlight = 1;
const clean = () => {
  for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
};
clean();

async function openOurs(): Promise<BenchStore> {
  return throughPort(SqliteEventStore.open(file));
}

async function openPeer(): Promise<BenchStore> {
  // resolved from bench/peer's own install (npm --prefix bench/peer install)
  const require = createRequire(join(BENCH_DIR, 'peer', 'package.json'));
  const { getSQLiteEventStore } = require('@event-driven-io/emmett-sqlite') as {
    getSQLiteEventStore: (o: Record<string, unknown>) => {
      appendToStream(s: string, e: unknown[], o?: Record<string, unknown>): Promise<unknown>;
      readStream(s: string): Promise<{ events: unknown[] }>;
      close?: () => Promise<void>;
    };
  };
  const store = getSQLiteEventStore({ fileName: file, schema: { autoMigration: 'CreateOrUpdate' } });
  const appendOnce = async (stream: string, i: number, expected: bigint) => {
    // emmett-sqlite 0.42.4 on sqlite3 5.1.7 now and then fails a COMMIT with "SQLITE_BUSY: cannot
    // commit transaction - SQL statements in progress" (single process, no contention): retry
    for (let attempt = 1; ; attempt++) {
      try {
        await store.appendToStream(stream, [samplePeerEvent(stream, i, randomUUIDv7())], {
          expectedStreamVersion: expected,
        });
        return;
      } catch (error) {
        if (attempt > 5 || !/SQLITE_BUSY/.test(String((error as Error).message))) throw error;
        peerRetries += 1;
        await sleep(2);
      }
    }
  };
  // Concurrent callers get the peer's best case: its appends one at a time. Left concurrent,
  // each call opens its own connection and BEGIN IMMEDIATE waits (sqlite3's 1 s busy timeout)
  // inside libuv's few threads, starving the lock holder: 16 appends took 30-45 s here.
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = (stream: string, i: number, expected: bigint) => {
    const run = queue.then(() => appendOnce(stream, i, expected));
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    append: (stream, i, expected) => (inFlight > 1 ? oneAtATime(stream, i, expected) : appendOnce(stream, i, expected)),
    read: async (stream) => (await store.readStream(stream)).events.length,
    close: async () => {
      await store.close?.();
    },
  };
}

const store = impl === 'peer' ? await openPeer() : await openOurs();
try {
  let sequentialRetries = 0;
  const result = await runWorkload(store, { seconds, streams, streamEvents, concurrency }, () => {
    sequentialRetries = peerRetries;
    inFlight = Math.max(1, concurrency);
  });
  emit({
    suite: 'store',
    impl,
    ...result,
    ...(impl === 'peer'
      ? { retriesAfterBusy: sequentialRetries, concurrentRetriesAfterBusy: peerRetries - sequentialRetries }
      : {}),
  });
} catch (error) {
  log(`${impl} store suite failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  await store.close();
  clean();
}
