/**
 * The machine's limits for the store rows, measured in the same run:
 * - fsync: a raw better-sqlite3 loop of one-row transactions (WAL, synchronous=FULL, as
 *   Polku's SQLite store), one caller: no store appending one event per commit can beat it;
 * - read+parse: the same 200-event stream written by Polku's SQLite store, read raw
 *   (SELECT * in stream order) and each row's JSON columns parsed: what reading a stream costs
 *   without any store around it.
 */
import { randomUUIDv7 } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../libs/adapters/sqlite-event-store/index.js';
import { sampleEvent } from '../lib/sample-events.js';
import { cpuMicrosPer } from '../lib/store-workload.js';
import { argNumber, emit, ensureDir, log, round, WORK_DIR } from '../lib/util.js';

const argv = process.argv.slice(2);
const seconds = argNumber(argv, 'seconds', 5);
const streamEvents = argNumber(argv, 'stream-events', 200);
const dir = ensureDir(join(WORK_DIR, 'store'));
const files = [join(dir, `limit-fsync-${process.pid}.sqlite`), join(dir, `limit-read-${process.pid}.sqlite`)];
const clean = () => {
  for (const f of files) for (const s of ['', '-wal', '-shm']) rmSync(`${f}${s}`, { force: true });
};

function fsyncLimit(): number {
  const db = new Database(files[0]);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
  const body = JSON.stringify(sampleEvent('bench-client-0', 0, randomUUIDv7()));
  let commits = 0;
  const until = performance.now() + seconds * 1000;
  const began = performance.now();
  while (performance.now() < until) {
    for (let k = 0; k < 50; k++) {
      insert.run(body);
      commits += 1;
    } // autocommit: one transaction each
  }
  const elapsed = (performance.now() - began) / 1000;
  db.close();
  return Math.round(commits / elapsed);
}

async function readParseLimit(): Promise<{ rawReadsPerSecond: number; cpuMicrosPerRawRead: number }> {
  const stream = 'bench-long-client';
  const store = SqliteEventStore.open(files[1]);
  for (let i = 0; i < streamEvents; i++)
    await store.appendToStream(stream, [sampleEvent(stream, i, randomUUIDv7())], { expectedVersion: BigInt(i) });
  await store.close();
  const db = new Database(files[1], { readonly: true });
  const select = db.prepare('SELECT * FROM events WHERE client_id = ? ORDER BY stream_version');
  let reads = 0;
  let length = 0;
  const cpu = process.cpuUsage();
  const until = performance.now() + seconds * 1000;
  const began = performance.now();
  while (performance.now() < until) {
    for (let k = 0; k < 10; k++) {
      const rows = select.all(stream) as { actor: string; data: string }[];
      length = rows.map((row) => ({ ...row, actor: JSON.parse(row.actor), data: JSON.parse(row.data) })).length;
      reads += 1;
    }
  }
  const elapsed = (performance.now() - began) / 1000;
  db.close();
  if (length !== streamEvents) throw new Error(`read ${length} rows, expected ${streamEvents}`);
  return { rawReadsPerSecond: round(reads / elapsed, 0), cpuMicrosPerRawRead: cpuMicrosPer(cpu, reads) };
}

clean();
try {
  emit({ suite: 'limits', fsyncCommitsPerSecond: fsyncLimit(), streamEvents, ...(await readParseLimit()) });
} catch (error) {
  log(`limits suite failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  clean();
}
