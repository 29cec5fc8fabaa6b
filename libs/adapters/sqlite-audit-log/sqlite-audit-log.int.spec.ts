import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { DisclosureEntry, UsageEntry } from '../../audit-log/index.js';
import { SqliteAuditLog } from './index.js';

const usage = (clientId: string, extra: Partial<UsageEntry> = {}): UsageEntry => ({
  at: '2025-06-30T10:00:00.000Z',
  personId: 'te-1-olli',
  organisationId: 'te-1',
  role: 'officer',
  clientId,
  view: 'path',
  purpose: 'service planning',
  outcome: 'allowed',
  detail: 'typ_party',
  correlationId: `corr-${clientId}`,
  ...extra,
});
const disclosure = (clientId: string): DisclosureEntry => ({
  at: '2025-06-30T10:00:00.000Z',
  clientId,
  fromOrganisationId: 'hva-1',
  toOrganisationId: 'te-1',
  toPersonId: 'te-1-olli',
  what: 'path: 2 entries',
  basis: 'consent:c-1',
  channel: 'api',
  correlationId: `corr-${clientId}`,
});

describe('SqliteAuditLog', () => {
  let dir: string;
  let path: string;
  let log: SqliteAuditLog;
  /** An entry as older versions stored it: one row of usage_log each. */
  const writeOldRow = (clientId: string) => {
    const db = new Database(path);
    try {
      db.prepare(`INSERT INTO usage_log (at, person_id, organisation_id, role, client_id, view, purpose, outcome, detail, correlation_id)
        VALUES (@at, @personId, @organisationId, @role, @clientId, @view, @purpose, @outcome, @detail, @correlationId)`).run(
        usage(clientId),
      );
    } finally {
      db.close();
    }
  };
  /** What another process reads from the file: only committed entries. */
  const committed = async (log: 'usage' | 'disclosures') => {
    const other = SqliteAuditLog.open(path);
    try {
      return (await (log === 'usage' ? other.usage({}) : other.disclosures({}))).map((e) => e.clientId);
    } finally {
      await other.close();
    }
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-audit-'));
    path = join(dir, 'nested', 'audit.sqlite');
    log = SqliteAuditLog.open(path);
  });
  afterEach(async () => {
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has committed the entries of a request when its promise resolves, and serves them back with ids', async () => {
    await log.recordUsage([usage('anna'), usage('ben', { outcome: 'refused', detail: 'no_client_relationship' })]);
    expect(await committed('usage')).toEqual(['anna', 'ben']);
    const entries = await log.usage({ clientId: 'ben' });
    expect(entries).toEqual([{ ...usage('ben', { outcome: 'refused', detail: 'no_client_relationship' }), id: '2' }]);
  });

  it('writes the usage and disclosures of one request together', async () => {
    await log.record([usage('anna')], [disclosure('anna'), disclosure('anna')]);
    expect(await committed('usage')).toEqual(['anna']);
    expect(await committed('disclosures')).toEqual(['anna', 'anna']);
    expect((await log.disclosures({ clientId: 'anna', organisationId: 'te-1' }))[0]).toMatchObject({
      basis: 'consent:c-1',
      channel: 'api',
    });
  });

  it("stores a worklist's entries one per client, in order, with every field", async () => {
    const list = ['cai', 'anna', 'ben'].map((id) =>
      usage(id, { view: 'worklist', detail: null, correlationId: 'corr-w' }),
    );
    await log.recordUsage(list);
    expect(await log.usage({ personId: 'te-1-olli' })).toEqual(list.map((e, i) => ({ ...e, id: String(i + 1) })));
  });

  it('commits many concurrent requests, each resolved with its own entries durable and what its write took in the writer', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => `client-${String(i).padStart(3, '0')}`);
    await Promise.all(
      ids.map(async (id) => {
        const timing = await log.record([usage(id)], [disclosure(id)]);
        // what the write took in the writer thread, its commit's time within it, and the wait
        // for the lock within that (no other process here)
        expect(timing?.lockMs).toBeGreaterThanOrEqual(0);
        expect(timing?.commitMs).toBeGreaterThanOrEqual(timing!.lockMs);
        expect(timing?.inWriterMs).toBeGreaterThanOrEqual(timing!.commitMs);
        // resolved: already in the file, whatever the other requests are doing
        expect((await log.usage({ clientId: id })).map((e) => e.correlationId)).toEqual([`corr-${id}`]);
      }),
    );
    expect((await committed('usage')).sort()).toEqual(ids);
    expect((await committed('disclosures')).length).toBe(200);
  });

  it('fails only the request with a bad entry when requests share a commit', async () => {
    const bad = { ...usage('bad'), view: null } as unknown as UsageEntry; // view is NOT NULL
    const results = await Promise.allSettled([
      log.recordUsage([usage('anna')]),
      log.recordUsage([usage('bad-1'), bad]),
      log.recordUsage([usage('cai')]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/NOT NULL/);
    expect(await committed('usage')).toEqual(['anna', 'cai']); // nothing of the failed request
  });

  it("waits for another process's write lock, commits once it is free, and counts the wait in the commit's time", async () => {
    await log.recordUsage([usage('ben')]); // the writer thread is up: what follows is the lock's wait alone
    const other = new Database(path);
    try {
      other.exec('BEGIN IMMEDIATE');
      let settled = false;
      const waiting = log.recordUsage([usage('anna')]).finally(() => {
        settled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(settled).toBe(false); // still waiting for the lock, not failed
      other.exec('COMMIT');
      const timing = await waiting;
      expect(await committed('usage')).toEqual(['ben', 'anna']);
      // the wait for the lock, held here for 100 ms, is told to the caller as the commit's wait
      // for the lock (the API's Server-Timing `log-lock`), within the commit, within the writer
      expect(timing?.lockMs).toBeGreaterThanOrEqual(50);
      expect(timing?.commitMs).toBeGreaterThanOrEqual(timing!.lockMs);
      expect(timing?.inWriterMs).toBeGreaterThanOrEqual(timing!.commitMs);
    } finally {
      other.close();
    }
  });

  it('finishes writes in flight on close, and refuses writes after it', async () => {
    const inFlight = log.recordUsage([usage('anna')]);
    await log.close();
    await expect(inFlight).resolves.toMatchObject({ commitMs: expect.any(Number) });
    expect(await committed('usage')).toEqual(['anna']);
    await expect(log.recordUsage([usage('ben')])).rejects.toThrow(/closed/);
    log = SqliteAuditLog.open(path); // reopened: the entries are still there
    expect((await log.usage({})).map((e) => e.clientId)).toEqual(['anna']);
  });

  it('reads the entries older versions wrote one row each, and continues their ids', async () => {
    writeOldRow('anna');
    writeOldRow('ben');
    await log.recordUsage(['ben', 'cai'].map((id) => usage(id, { view: 'caseload', detail: null })));
    await log.recordUsage([usage('anna')]);
    const all = await log.usage({});
    expect(all.map((e) => [e.id, e.clientId, e.view])).toEqual([
      ['1', 'anna', 'path'],
      ['2', 'ben', 'path'],
      ['3', 'ben', 'caseload'],
      ['4', 'cai', 'caseload'],
      ['5', 'anna', 'path'],
    ]);
    expect((await log.usage({ clientId: 'ben' })).map((e) => e.id)).toEqual(['2', '3']);
    expect((await log.usage({ clientId: 'anna', limit: 1 })).map((e) => e.id)).toEqual(['1']);
    expect((await log.usage({ limit: 3 })).map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(
      (await log.usage({ personId: 'te-1-olli', from: '2025-06-30T10:00:00.000Z', to: '2025-06-30T10:00:00.001Z' }))
        .length,
    ).toBe(5);
    expect(await log.usage({ organisationId: 'other' })).toEqual([]);
  });

  it('lists newest first from below an id, across old rows and requests of many clients', async () => {
    writeOldRow('anna');
    await log.recordUsage(['ben', 'cai', 'dan'].map((id) => usage(id, { view: 'worklist', detail: null })));
    await log.recordUsage([usage('anna')]);
    await log.record([], [disclosure('anna'), disclosure('ben')]);
    const ids = async (q: object) => (await log.usage({ newestFirst: true, ...q })).map((e) => e.id);
    expect(await ids({})).toEqual(['5', '4', '3', '2', '1']);
    expect(await ids({ limit: 2 })).toEqual(['5', '4']);
    expect(await ids({ limit: 2, beforeId: '4' })).toEqual(['3', '2']); // inside one request's ids
    expect(await ids({ beforeId: '2' })).toEqual(['1']);
    expect(await ids({ clientId: 'anna', beforeId: '5' })).toEqual(['1']);
    expect(await ids({ clientId: 'cai', beforeId: '3' })).toEqual([]);
    expect((await log.disclosures({ newestFirst: true, beforeId: '2' })).map((e) => e.clientId)).toEqual(['anna']);
  });

  it('finds a client in every request that named it, whatever its position and the other clients', async () => {
    const read = (ids: (string | null)[], correlationId: string) =>
      log.recordUsage(ids.map((id) => usage(id as string, { view: 'worklist', detail: null, correlationId })));
    await read(['anna', 'ben', 'cai'], 'w-1');
    await read(['anna', 'ben', 'cai'], 'w-2'); // the same clients again
    await read(['dan', 'cai', null], 'w-3');
    expect((await log.usage({ clientId: 'cai' })).map((e) => [e.id, e.correlationId])).toEqual([
      ['3', 'w-1'],
      ['6', 'w-2'],
      ['8', 'w-3'],
    ]);
    expect((await log.usage({ clientId: 'dan' })).map((e) => e.id)).toEqual(['7']);
    expect(await log.usage({ clientId: 'cai', personId: 'nobody' })).toEqual([]);
    expect((await log.usage({})).map((e) => e.clientId)).toEqual([
      'anna',
      'ben',
      'cai',
      'anna',
      'ben',
      'cai',
      'dan',
      'cai',
      null,
    ]);
  });

  it('is append-only: entries can be neither changed nor removed', async () => {
    writeOldRow('old');
    await log.record([usage('anna')], [disclosure('anna')]);
    await log.recordUsage([
      usage('ben', { view: 'worklist', detail: null }),
      usage('cai', { view: 'worklist', detail: null }),
    ]);
    const db = new Database(path);
    try {
      for (const table of [
        'usage_log',
        'usage_request',
        'usage_client_set',
        'usage_client_set_member',
        'disclosure_log',
      ]) {
        const column =
          table === 'usage_client_set_member' ? 'position' : table === 'usage_client_set' ? 'client_ids' : 'at';
        expect(() => db.prepare(`UPDATE ${table} SET ${column} = NULL`).run()).toThrow(/append-only/);
        expect(() => db.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/);
      }
    } finally {
      db.close();
    }
    expect(await committed('usage')).toEqual(['old', 'anna', 'ben', 'cai']);
  });

  it('runs the file in WAL mode (readers never wait for the writer thread)', async () => {
    await log.recordUsage([usage('anna')]);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });
});
