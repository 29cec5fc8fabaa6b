/**
 * The writer thread's code (CommonJS, run with `eval`: no file to resolve, so it runs the
 * same under ts-jest, dist/ and the bench build). It owns the only writing connection of
 * this process: the messages that arrive while it commits queue up and go into the next
 * transaction together (group commit), one fsync for all of them, and each request is
 * acknowledged only after the commit that holds its entries returned (synchronous=FULL).
 * Statements: WRITER_SQL in schema.ts; a message is an array of { id, usage, disclosures }
 * (usage packed by packing.ts), or 'close'.
 */
export const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
// Checkpoint every ~40 MB of WAL, not 4 MB: pages changed again and again between two
// checkpoints are written back once (measured: 25-40 % more requests/s).
db.pragma('wal_autocheckpoint = 10000');
const s = Object.fromEntries(Object.entries(workerData.sql).map(([name, text]) => [name, db.prepare(text)]));
s.lastRequestEnd.pluck();
s.lastEntryRowId.pluck();
s.findSet.pluck();

// Each request's usage as runs: entries sharing everything but the client, and their clients.
const runsOf = (usage) => (Array.isArray(usage) ? usage.map(({ clientId, ...shared }) => ({ shared, clientIds: [clientId] })) : [usage]);

function clientSet(clientIds) {
  const json = JSON.stringify(clientIds);
  const digest = createHash('sha256').update(json).digest('base64');
  const known = s.findSet.get(digest);
  if (known !== undefined) return known;
  const setId = s.insertSet.run(digest, json).lastInsertRowid;
  s.insertMembers.run({ setId, clientIds: json });
  return setId;
}

const write = db.transaction((requests) => {
  // read inside the write lock: another process may have appended since our last commit
  let next = s.lastRequestEnd.get() ?? s.lastEntryRowId.get() + 1;
  for (const r of requests) {
    for (const run of runsOf(r.usage)) {
      s.insertRequest.run({ ...run.shared, firstId: next, setId: clientSet(run.clientIds), size: run.clientIds.length });
      next += run.clientIds.length;
    }
    for (const d of r.disclosures) s.insertDisclosure.run(d);
  }
});

const failure = (id, e) => ({ failed: id, message: e && e.message ? e.message : String(e), code: e && e.code });
let queue = [];
let scheduled = false;
function flush() {
  scheduled = false;
  const requests = queue;
  queue = [];
  if (requests.length === 0) return;
  try {
    write.immediate(requests);
    parentPort.postMessage({ done: requests.map((r) => r.id) });
  } catch (groupError) {
    if (requests.length === 1) return parentPort.postMessage(failure(requests[0].id, groupError));
    // one request's bad entry must not fail the others: each alone, in its own transaction
    for (const r of requests) {
      try { write.immediate([r]); parentPort.postMessage({ done: [r.id] }); } catch (e) { parentPort.postMessage(failure(r.id, e)); }
    }
  }
}
parentPort.on('message', (m) => {
  if (m === 'close') { flush(); db.close(); parentPort.close(); return; }
  queue.push(...m);
  if (!scheduled) { scheduled = true; setImmediate(flush); }
});
`;
