/**
 * Event-store throughput, Polku (SqliteEventStore through the port) or the peer (Emmett's
 * SQLite event store, installed in bench/peer): one-event appends per second with the
 * expected version (round-robin over `--streams` client streams), one caller awaiting each
 * append; whole-stream reads per second of a client stream with `--stream-events` events;
 * then the same one-event appends with `--concurrency` callers in flight (other streams, so
 * the first two rows are measured exactly as before). All on a fresh file, durable commits
 * (WAL; Polku synchronous=FULL, the peer with SQLite's default FULL).
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
const concurrency = argNumber(argv, 'concurrency', 16);
const dir = ensureDir(join(WORK_DIR, 'store'));
const file = join(dir, `${impl}-${process.pid}.sqlite`);
let peerRetries = 0;
/** Appends in flight: 1 in the sequential phase, `concurrency` in the concurrent one. */
let inFlight = 1;
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
  const appendOnce = async (stream: string, i: number, expected: bigint) => {
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
  const sequentialRetries = peerRetries;

  // concurrent appends: `concurrency` callers, each taking the next stream round-robin; with
  // fewer callers than streams an append's predecessor on its stream has always settled
  const concurrentVersions = new Array<bigint>(streams).fill(0n);
  let next = 0;
  let concurrentAppends = 0;
  const concurrentUntil = performance.now() + seconds * 1000;
  const concurrentBegan = performance.now();
  const caller = async () => {
    while (performance.now() < concurrentUntil) {
      const s = next++ % streams;
      const expected = concurrentVersions[s];
      concurrentVersions[s] += 1n;
      await store.append(`bench-concurrent-client-${s}`, Number(expected), expected);
      concurrentAppends += 1;
    }
  };
  inFlight = Math.max(1, concurrency);
  await Promise.all(Array.from({ length: inFlight }, caller));
  const concurrentSeconds = (performance.now() - concurrentBegan) / 1000;
  emit({
    suite: 'store', impl, appends, appendsPerSecond: Math.round(appends / appendSeconds),
    ...(impl === 'peer' ? { retriesAfterBusy: sequentialRetries } : {}), streamEvents, reads, readsPerSecond: round(reads / readSeconds, 0), eventsReadPerSecond: Math.round((reads * streamEvents) / readSeconds),
    concurrency, concurrentAppends, concurrentAppendsPerSecond: Math.round(concurrentAppends / concurrentSeconds),
    ...(impl === 'peer' ? { concurrentRetriesAfterBusy: peerRetries - sequentialRetries } : {}),
  });
} catch (error) {
  log(`${impl} store suite failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  await store.close();
  clean();
}
