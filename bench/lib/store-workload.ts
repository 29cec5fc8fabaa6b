/**
 * The event-store workload of the store suites (SQLite and PostgreSQL, Polku and the peers):
 * one-event appends with the expected version round-robin over `streams` client streams,
 * one caller awaiting each; whole-stream reads of one stream of `streamEvents` events; then
 * the same appends with `concurrency` callers in flight (other streams, so the first two rows
 * are measured exactly as before). Event ids are made as the write path makes them: time-ordered
 * (v7).
 */
import { randomUUIDv7 } from 'node:crypto';
import type { EventStore } from '../../libs/event-store/index.js';
import { sampleEvent } from './sample-events.js';
import { round } from './util.js';

export interface BenchStore {
  append(stream: string, i: number, expected: bigint): Promise<void>;
  read(stream: string): Promise<number>;
  close(): Promise<void>;
}

/** Polku's stores through the port. */
export function throughPort(store: EventStore): BenchStore {
  return {
    append: async (stream, i, expected) => {
      await store.appendToStream(stream, [sampleEvent(stream, i, randomUUIDv7())], { expectedVersion: expected });
    },
    read: async (stream) => (await store.readStream(stream)).events.length,
    close: () => store.close(),
  };
}

export interface Workload {
  seconds: number;
  streams: number;
  streamEvents: number;
  concurrency: number;
}

export interface WorkloadResult {
  appends: number;
  appendsPerSecond: number;
  streamEvents: number;
  reads: number;
  readsPerSecond: number;
  eventsReadPerSecond: number;
  concurrency: number;
  concurrentAppends: number;
  concurrentAppendsPerSecond: number;
  /** CPU time of this process per operation (user + system, µs): steadier than rates on a shared machine. */
  cpuMicrosPerAppend: number;
  cpuMicrosPerRead: number;
  cpuMicrosPerConcurrentAppend: number;
}

/** CPU µs of this process since `from` (process.cpuUsage()), per operation. */
export const cpuMicrosPer = (from: NodeJS.CpuUsage, operations: number): number => {
  const used = process.cpuUsage(from);
  return round((used.user + used.system) / Math.max(1, operations), 0);
};

/** `beforeConcurrent` runs between the sequential and the concurrent phase (the SQLite peer queues its appends then). */
export async function runWorkload(
  store: BenchStore,
  w: Workload,
  beforeConcurrent: () => void = () => undefined,
): Promise<WorkloadResult> {
  const versions = new Array<bigint>(w.streams).fill(0n);
  let appends = 0;
  let cpu = process.cpuUsage();
  const until = performance.now() + w.seconds * 1000;
  const began = performance.now();
  while (performance.now() < until) {
    for (let k = 0; k < 50; k++) {
      const s = appends % w.streams;
      await store.append(`bench-client-${s}`, Number(versions[s]), versions[s]);
      versions[s] += 1n;
      appends += 1;
    }
  }
  const appendSeconds = (performance.now() - began) / 1000;
  const cpuMicrosPerAppend = cpuMicrosPer(cpu, appends);

  const long = 'bench-long-client';
  for (let i = 0; i < w.streamEvents; i++) await store.append(long, i, BigInt(i));
  let reads = 0;
  let lastLength = 0;
  cpu = process.cpuUsage();
  const readUntil = performance.now() + w.seconds * 1000;
  const readBegan = performance.now();
  while (performance.now() < readUntil) {
    for (let k = 0; k < 10; k++) {
      lastLength = await store.read(long);
      reads += 1;
    }
  }
  const readSeconds = (performance.now() - readBegan) / 1000;
  const cpuMicrosPerRead = cpuMicrosPer(cpu, reads);
  if (lastLength !== w.streamEvents) throw new Error(`read ${lastLength} events, expected ${w.streamEvents}`);

  // with fewer callers than streams an append's predecessor on its stream has always settled
  beforeConcurrent();
  const concurrentVersions = new Array<bigint>(w.streams).fill(0n);
  let next = 0;
  let concurrentAppends = 0;
  cpu = process.cpuUsage();
  const concurrentUntil = performance.now() + w.seconds * 1000;
  const concurrentBegan = performance.now();
  const caller = async () => {
    while (performance.now() < concurrentUntil) {
      const s = next++ % w.streams;
      const expected = concurrentVersions[s];
      concurrentVersions[s] += 1n;
      await store.append(`bench-concurrent-client-${s}`, Number(expected), expected);
      concurrentAppends += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, w.concurrency) }, caller));
  const concurrentSeconds = (performance.now() - concurrentBegan) / 1000;
  return {
    appends,
    appendsPerSecond: Math.round(appends / appendSeconds),
    streamEvents: w.streamEvents,
    reads,
    readsPerSecond: round(reads / readSeconds, 0),
    eventsReadPerSecond: Math.round((reads * w.streamEvents) / readSeconds),
    concurrency: w.concurrency,
    concurrentAppends,
    concurrentAppendsPerSecond: Math.round(concurrentAppends / concurrentSeconds),
    cpuMicrosPerAppend,
    cpuMicrosPerRead,
    cpuMicrosPerConcurrentAppend: cpuMicrosPer(cpu, concurrentAppends),
  };
}
