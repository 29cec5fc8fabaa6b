/**
 * The writer thread (started by GroupCommitWriter). It owns the only writing connection of
 * this process: the messages that arrive while it commits queue up and go into the next
 * transaction together (group commit), one fsync for all of them, and each request is
 * acknowledged only after the commit that holds its entries returned (synchronous=FULL).
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { DisclosureEntry, UsageEntry } from '../../audit-log/index.js';
import type { PackedUsage } from './packing.js';
import { WRITER_SQL } from './schema.js';

/** What the thread starts with. */
export interface WriterInput {
  path: string;
}

/** One request's entries: usage packed by packing.ts. */
export interface WriteRequest {
  id: number;
  usage: UsageEntry[] | PackedUsage;
  disclosures: DisclosureEntry[];
}

/** A batch of requests, or the order to commit what is queued and stop. */
export type ToWriter = WriteRequest[] | 'close';

/**
 * Committed requests, with the commit's time (its transaction: the write lock, the inserts, the
 * fsync), of it the wait for the write lock, and each request's time in this thread (from its
 * arrival to the commit's end), ms; or one request that failed (with SQLite's code, e.g.
 * SQLITE_CONSTRAINT_NOTNULL).
 */
export type FromWriter =
  | { done: number[]; lockMs: number; commitMs: number; inThreadMs: number[] }
  | { failed: number; message: string; code?: string };

const port = parentPort!;
const { path } = workerData as WriterInput;
const db = new Database(path);
db.pragma('busy_timeout = 5000');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
// Checkpoint every ~40 MB of WAL, not 4 MB: pages changed again and again between two
// checkpoints are written back once (measured: 25-40 % more requests/s).
db.pragma('wal_autocheckpoint = 10000');

const statements = {
  lastRequestEnd: db.prepare<[], number>(WRITER_SQL.lastRequestEnd).pluck(),
  lastEntryRowId: db.prepare<[], number>(WRITER_SQL.lastEntryRowId).pluck(),
  findSet: db.prepare<[string], number | bigint>(WRITER_SQL.findSet).pluck(),
  insertSet: db.prepare<[string, string]>(WRITER_SQL.insertSet),
  insertMembers: db.prepare(WRITER_SQL.insertMembers),
  insertRequest: db.prepare(WRITER_SQL.insertRequest),
  insertDisclosure: db.prepare(WRITER_SQL.insertDisclosure),
};

/** Each request's usage as runs: entries sharing everything but the client, and their clients. */
const runsOf = (usage: UsageEntry[] | PackedUsage): PackedUsage[] =>
  Array.isArray(usage) ? usage.map(({ clientId, ...shared }) => ({ shared, clientIds: [clientId] })) : [usage];

/** The id of the stored set of these client ids, stored now if it is new. */
function clientSet(clientIds: (string | null)[]): number | bigint {
  const json = JSON.stringify(clientIds);
  const digest = createHash('sha256').update(json).digest('base64');
  const known = statements.findSet.get(digest);
  if (known !== undefined) return known;
  const setId = statements.insertSet.run(digest, json).lastInsertRowid;
  statements.insertMembers.run({ setId, clientIds: json });
  return setId;
}

/** Inside the write lock: another process may have appended since our last commit. */
function insert(requests: WriteRequest[]): void {
  let next = statements.lastRequestEnd.get() ?? (statements.lastEntryRowId.get() ?? 0) + 1;
  for (const request of requests) {
    for (const run of runsOf(request.usage)) {
      const size = run.clientIds.length;
      statements.insertRequest.run({ ...run.shared, firstId: next, setId: clientSet(run.clientIds), size });
      next += size;
    }
    for (const disclosure of request.disclosures) statements.insertDisclosure.run(disclosure);
  }
}

// The transaction by hand, not db.transaction(): the wait for the file's write lock (held by
// another API process's writer meanwhile) is then timed apart from the inserts and the fsync.
const transaction = {
  begin: db.prepare('BEGIN IMMEDIATE'),
  commit: db.prepare('COMMIT'),
  rollback: db.prepare('ROLLBACK'),
};

const send = (reply: FromWriter) => port.postMessage(reply);
const failure = (id: number, e: unknown): FromWriter => {
  const error = e as { message?: string; code?: string } | null | undefined;
  return { failed: id, message: error?.message ? error.message : String(e), code: error?.code };
};

/** Commits `requests` in one transaction; says when each arrived, so its time here is told. */
function commit(requests: WriteRequest[], arrived: number[]): void {
  const started = performance.now();
  transaction.begin.run(); // waits (busy_timeout) while another process holds the write lock
  const locked = performance.now();
  try {
    insert(requests);
    transaction.commit.run();
  } catch (error) {
    if (db.inTransaction) transaction.rollback.run();
    throw error;
  }
  const ended = performance.now();
  send({
    done: requests.map((r) => r.id),
    lockMs: locked - started,
    commitMs: ended - started,
    inThreadMs: arrived.map((at) => ended - at),
  });
}

let queue: WriteRequest[] = [];
let arrivals: number[] = [];
let scheduled = false;
function flush(): void {
  scheduled = false;
  const requests = queue;
  const arrived = arrivals;
  queue = [];
  arrivals = [];
  if (requests.length === 0) return;
  try {
    commit(requests, arrived);
  } catch (groupError) {
    if (requests.length === 1) return send(failure(requests[0].id, groupError));
    // one request's bad entry must not fail the others: each alone, in its own transaction
    for (const [i, request] of requests.entries()) {
      try {
        commit([request], [arrived[i]]);
      } catch (e) {
        send(failure(request.id, e));
      }
    }
  }
}

port.on('message', (message: ToWriter) => {
  if (message === 'close') {
    flush();
    db.close();
    port.close();
    return;
  }
  const at = performance.now();
  for (const request of message) {
    queue.push(request);
    arrivals.push(at);
  }
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
