/**
 * Event-store throughput, Polku (SqliteEventStore through the port) or the peer (Emmett's
 * SQLite event store, installed in bench/peer): one-event appends per second with the
 * expected version (round-robin over `--streams` client streams), and whole-stream reads per
 * second of a client stream with `--stream-events` events. Both on a fresh file, durable
 * commits (WAL; Polku synchronous=FULL, the peer with SQLite's default FULL).
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '../../libs/adapters/sqlite-event-store/index.js';
import { argNumber, argValue, BENCH_DIR, emit, ensureDir, log, round, WORK_DIR } from '../lib/util.js';
import { sampleEvent } from '../lib/sample-events.js';

interface Store {
  append(stream: string, i: number, expected: bigint): Promise<void>;
  read(stream: string): Promise<number>;
  close(): Promise<void>;
}

const argv = process.argv.slice(2);
const impl = argValue(argv, 'impl') ?? 'ours';
const seconds = argNumber(argv, 'seconds', 5);
const streams = argNumber(argv, 'streams', 1000);
const streamEvents = argNumber(argv, 'stream-events', 200);
const dir = ensureDir(join(WORK_DIR, 'store'));
const file = join(dir, `${impl}-${process.pid}.sqlite`);
let peerRetries = 0;
const clean = () => { for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true }); };
clean();

async function openOurs(): Promise<Store> {
  const store = SqliteEventStore.open(file);
  return {
    append: async (stream, i, expected) => { await store.appendToStream(stream, [sampleEvent(stream, i, randomUUID())], { expectedVersion: expected }); },
    read: async (stream) => (await store.readStream(stream)).events.length,
    close: () => store.close(),
  };
}

async function openPeer(): Promise<Store> {
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
  const toPeer = (stream: string, i: number) => {
    const e = sampleEvent(stream, i, randomUUID());
    // the same content: type + data, the envelope fields as metadata
    return { type: e.type, data: e.data, metadata: { eventId: e.eventId, occurredAt: e.occurredAt, recordedAt: e.recordedAt, actor: e.actor, correlationId: e.correlationId } };
  };
  return {
    append: async (stream, i, expected) => {
      // emmett-sqlite 0.42.4 on sqlite3 5.1.7 now and then fails a COMMIT with "SQLITE_BUSY: cannot
      // commit transaction - SQL statements in progress" (single process, no contention): retry
      for (let attempt = 1; ; attempt++) {
        try {
          await store.appendToStream(stream, [toPeer(stream, i)], { expectedStreamVersion: expected });
          return;
        } catch (error) {
          if (attempt > 5 || !/SQLITE_BUSY/.test(String((error as Error).message))) throw error;
          peerRetries += 1;
          await new Promise((r) => setTimeout(r, 2));
        }
      }
    },
    read: async (stream) => (await store.readStream(stream)).events.length,
    close: async () => { await store.close?.(); },
  };
}

const store = impl === 'peer' ? await openPeer() : await openOurs();
try {
  // appends: one event per call, round-robin over the streams, with the expected version
  const versions = new Array<bigint>(streams).fill(0n);
  let appends = 0;
  const until = performance.now() + seconds * 1000;
  const began = performance.now();
  while (performance.now() < until) {
    for (let k = 0; k < 50; k++) {
      const s = appends % streams;
      await store.append(`bench-client-${s}`, Number(versions[s]), versions[s]);
      versions[s] += 1n;
      appends += 1;
    }
  }
  const appendSeconds = (performance.now() - began) / 1000;

  // reads: one stream of `streamEvents` events, read whole, again and again
  const long = 'bench-long-client';
  for (let i = 0; i < streamEvents; i++) await store.append(long, i, BigInt(i));
  let reads = 0;
  let lastLength = 0;
  const readUntil = performance.now() + seconds * 1000;
  const readBegan = performance.now();
  while (performance.now() < readUntil) {
    for (let k = 0; k < 10; k++) { lastLength = await store.read(long); reads += 1; }
  }
  const readSeconds = (performance.now() - readBegan) / 1000;
  if (lastLength !== streamEvents) throw new Error(`${impl}: read ${lastLength} events, expected ${streamEvents}`);
  emit({
    suite: 'store', impl, appends, appendsPerSecond: Math.round(appends / appendSeconds),
    ...(impl === 'peer' ? { retriesAfterBusy: peerRetries } : {}), streamEvents, reads, readsPerSecond: round(reads / readSeconds, 0), eventsReadPerSecond: Math.round((reads * streamEvents) / readSeconds),
  });
} catch (error) {
  log(`${impl} store suite failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  await store.close();
  clean();
}
