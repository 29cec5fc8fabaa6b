import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ClientReadModel } from '../../read-store/index.js';
import { CheckpointRegressionError, ReadStoreSchemaMismatchError, SqliteReadStore } from './index.js';

const model = (clientId: string, lastPosition: bigint, extra: Partial<ClientReadModel> = {}): ClientReadModel => ({
  clientId, lastPosition, path: { clientId, steps: [clientId, Number(lastPosition)] }, state: { seen: Number(lastPosition) },
  caseload: [], deadlines: [], outcomes: [], compensation: [], ...extra,
});

const outcome = (clientId: string, periodId: string, o: Partial<ClientReadModel['outcomes'][number]>) => ({
  clientId, periodId, serviceType: 'kuty', providerId: 'prov-1', organisationId: 'org-a', startDate: '2025-01-01',
  endDate: '2025-03-15', endReason: 'employment', continuation: 'open_labour_market', ...o,
});

/** Three clients with rows in every table. */
function fixture(): ClientReadModel[] {
  const anna = model('anna', 10n, {
    caseload: [
      { clientId: 'anna', personId: 'officer-1', personName: 'Olli', organisationId: 'org-a', role: 'responsible_officer', since: '2025-01-02' },
      { clientId: 'anna', personId: 'instr-9', personName: 'Iida', organisationId: 'prov-1', role: 'own_instructor', since: '2025-02-01' },
    ],
    deadlines: [
      { clientId: 'anna', organisationId: 'org-a', kind: 'plan_review_due', dueDate: '2025-04-01', refId: 'plan-1', description: 'review' },
      { clientId: 'anna', organisationId: 'org-a', kind: 'goal_review_due', dueDate: '2025-06-01', refId: 'per-1', description: 'goal' },
    ],
    outcomes: [outcome('anna', 'per-1', {}), outcome('anna', 'per-2', { endDate: '2025-04-02', endReason: 'studies', continuation: 'studies' })],
    compensation: [
      { clientId: 'anna', periodId: 'per-1', month: '2025-02', payer: 'kela', attendedDays: 10, euros: 105.1 },
      { clientId: 'anna', periodId: 'per-1', month: '2025-03', payer: 'kela', attendedDays: 5, euros: 52.55 },
    ],
  });
  const ben = model('ben', 12n, {
    caseload: [{ clientId: 'ben', personId: 'officer-1', personName: 'Olli', organisationId: 'org-a', role: 'responsible_officer', since: '2025-01-01' }],
    deadlines: [
      { clientId: 'ben', organisationId: 'org-a', kind: 'referral_unanswered', dueDate: '2025-03-20', refId: 'ref-1', description: 'answer' },
      { clientId: 'ben', organisationId: 'org-b', kind: 'plan_review_due', dueDate: '2025-01-01', refId: 'plan-9', description: 'other org' },
    ],
    outcomes: [outcome('ben', 'per-7', { endDate: '2025-03-30' })],
    compensation: [
      { clientId: 'ben', periodId: 'per-7', month: '2025-02', payer: 'kela', attendedDays: 3, euros: 0.1 },
      { clientId: 'ben', periodId: 'per-7', month: '2025-02', payer: 'municipality', attendedDays: 4, euros: 0.2 },
    ],
  });
  const cai = model('cai', 11n, {
    outcomes: [outcome('cai', 'per-3', { providerId: 'prov-2', organisationId: 'org-b', serviceType: 'work_trial' })],
  });
  return [anna, ben, cai];
}

describe('SqliteReadStore', () => {
  let dir: string;
  let store: SqliteReadStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-read-'));
    store = SqliteReadStore.open(join(dir, 'nested', 'read.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts empty at checkpoint 0', async () => {
    expect(await store.checkpoint()).toBe(0n);
    expect(await store.clientPath('anna')).toBeNull();
    expect((await store.getClients(['anna'])).size).toBe(0);
  });

  it('commits models and checkpoint together and reads full models back', async () => {
    const models = fixture();
    await store.commitBatch(models, 12n);
    expect(await store.checkpoint()).toBe(12n);
    const loaded = await store.getClients(['anna', 'ben', 'cai', 'nobody', 'anna']);
    expect([...loaded.keys()].sort()).toEqual(['anna', 'ben', 'cai']);
    for (const m of models) expect(loaded.get(m.clientId)).toEqual(m);
    expect(await store.clientPath('ben')).toEqual({ path: models[1]!.path, lastPosition: 12n });
  });

  it('keeps positions above 2^53 exact (bigint all the way)', async () => {
    const big = 2n ** 53n + 1n;
    await store.commitBatch([model('anna', big)], big);
    expect(await store.checkpoint()).toBe(big);
    expect((await store.clientPath('anna'))!.lastPosition).toBe(big);
    expect((await store.getClients(['anna'])).get('anna')!.lastPosition).toBe(big);
  });

  it('replaces a client\'s derived rows on the next commit and leaves others alone', async () => {
    await store.commitBatch(fixture(), 12n);
    await store.commitBatch([model('anna', 20n, { caseload: [], deadlines: [], outcomes: [], compensation: [] })], 20n);
    expect(await store.caseload('officer-1')).toEqual([expect.objectContaining({ clientId: 'ben' })]);
    expect(await store.clientCompensation('anna')).toEqual([]);
    expect((await store.clientCompensation('ben')).length).toBe(2);
    expect((await store.clientPath('anna'))!.lastPosition).toBe(20n);
  });

  it('rolls back the whole batch when one model fails to serialise', async () => {
    await store.commitBatch(fixture(), 12n);
    const bad = model('zed', 30n, { path: { oops: 1n } as unknown as Record<string, unknown> });
    await expect(store.commitBatch([model('anna', 30n), bad], 30n)).rejects.toThrow(/BigInt/);
    expect(await store.checkpoint()).toBe(12n);
    expect((await store.clientPath('anna'))!.lastPosition).toBe(10n);
  });

  it('refuses to move the checkpoint backwards (a second writer)', async () => {
    await store.commitBatch(fixture(), 12n);
    await expect(store.commitBatch([model('anna', 5n)], 5n)).rejects.toBeInstanceOf(CheckpointRegressionError);
    expect((await store.clientPath('anna'))!.lastPosition).toBe(10n);
  });

  it('caseload: rows of one person, oldest assignment first', async () => {
    await store.commitBatch(fixture(), 12n);
    const rows = await store.caseload('officer-1');
    expect(rows.map((r) => [r.clientId, r.since])).toEqual([['ben', '2025-01-01'], ['anna', '2025-01-02']]);
    expect(rows[0]).toEqual(fixture()[1]!.caseload[0]);
    expect(await store.caseload('nobody')).toEqual([]);
  });

  it('worklist: one organisation, due on or before the date, optional kinds', async () => {
    await store.commitBatch(fixture(), 12n);
    const due = await store.worklist({ organisationId: 'org-a', dueOnOrBefore: '2025-04-01' });
    expect(due.map((r) => r.refId)).toEqual(['ref-1', 'plan-1']);
    const all = await store.worklist({ organisationId: 'org-a', dueOnOrBefore: '2099-12-31', kinds: [] });
    expect(all.map((r) => r.refId)).toEqual(['ref-1', 'plan-1', 'per-1']);
    const kinds = await store.worklist({ organisationId: 'org-a', dueOnOrBefore: '2099-12-31', kinds: ['goal_review_due', 'plan_review_due'] });
    expect(kinds.map((r) => r.refId)).toEqual(['plan-1', 'per-1']);
    expect(kinds[0]).toEqual(fixture()[0]!.deadlines[0]);
  });

  it('outcomeStats: grouped by reason, continuation, service, provider, organisation and month', async () => {
    await store.commitBatch(fixture(), 12n);
    const all = await store.outcomeStats({});
    expect(all).toEqual([
      { endReason: 'employment', continuation: 'open_labour_market', serviceType: 'kuty', providerId: 'prov-1', organisationId: 'org-a', month: '2025-03', periods: 2 },
      { endReason: 'employment', continuation: 'open_labour_market', serviceType: 'work_trial', providerId: 'prov-2', organisationId: 'org-b', month: '2025-03', periods: 1 },
      { endReason: 'studies', continuation: 'studies', serviceType: 'kuty', providerId: 'prov-1', organisationId: 'org-a', month: '2025-04', periods: 1 },
    ]);
    expect((await store.outcomeStats({ organisationId: 'org-b' })).map((r) => r.periods)).toEqual([1]);
    expect((await store.outcomeStats({ providerId: 'prov-1', serviceType: 'kuty' })).map((r) => r.periods)).toEqual([2, 1]);
    expect((await store.outcomeStats({ from: '2025-03-15', to: '2025-03-31' })).map((r) => [r.providerId, r.periods]))
      .toEqual([['prov-1', 2], ['prov-2', 1]]);
    expect((await store.outcomeStats({ from: '2025-03-16' })).map((r) => [r.providerId, r.month, r.periods]))
      .toEqual([['prov-1', '2025-03', 1], ['prov-1', '2025-04', 1]]);
    expect(await store.outcomeStats({ serviceType: 'none' })).toEqual([]);
  });

  it('compensationLedger: per month and payer, exact cent sums and distinct clients', async () => {
    await store.commitBatch(fixture(), 12n);
    expect(await store.compensationLedger({})).toEqual([
      { month: '2025-02', payer: 'kela', attendedDays: 13, euros: 105.2, clients: 2 },
      { month: '2025-02', payer: 'municipality', attendedDays: 4, euros: 0.2, clients: 1 },
      { month: '2025-03', payer: 'kela', attendedDays: 5, euros: 52.55, clients: 1 },
    ]);
    expect(await store.compensationLedger({ fromMonth: '2025-03' })).toEqual([
      { month: '2025-03', payer: 'kela', attendedDays: 5, euros: 52.55, clients: 1 },
    ]);
    expect((await store.compensationLedger({ toMonth: '2025-02', payer: 'kela' })).map((r) => r.euros)).toEqual([105.2]);
    expect((await store.compensationLedger({ clientId: 'ben' })).map((r) => r.payer)).toEqual(['kela', 'municipality']);
  });

  it('clientCompensation: one client\'s rows by month', async () => {
    await store.commitBatch(fixture(), 12n);
    expect(await store.clientCompensation('anna')).toEqual(fixture()[0]!.compensation);
    expect(await store.clientCompensation('cai')).toEqual([]);
  });

  it('reset empties every table and the checkpoint', async () => {
    await store.commitBatch(fixture(), 12n);
    await store.reset();
    expect(await store.checkpoint()).toBe(0n);
    expect((await store.getClients(['anna', 'ben', 'cai'])).size).toBe(0);
    expect(await store.caseload('officer-1')).toEqual([]);
    expect(await store.worklist({ organisationId: 'org-a', dueOnOrBefore: '2099-12-31' })).toEqual([]);
    expect(await store.outcomeStats({})).toEqual([]);
    expect(await store.compensationLedger({})).toEqual([]);
    const db = new Database(join(dir, 'nested', 'read.sqlite'), { readonly: true });
    try {
      for (const table of ['client_models', 'caseload', 'deadlines', 'outcomes', 'compensation', 'checkpoints']) {
        expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
      }
    } finally {
      db.close();
    }
  });

  it('persists across reopen, in WAL mode with synchronous=FULL', async () => {
    await store.commitBatch(fixture(), 12n);
    await store.close();
    store = SqliteReadStore.open(join(dir, 'nested', 'read.sqlite'));
    expect(await store.checkpoint()).toBe(12n);
    expect((await store.getClients(['anna'])).get('anna')).toEqual(fixture()[0]);
    const db = new Database(join(dir, 'nested', 'read.sqlite'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
    expect((store as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('refuses a file written by another schema version', async () => {
    const path = join(dir, 'old.sqlite');
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => SqliteReadStore.open(path)).toThrow(ReadStoreSchemaMismatchError);
  });
});
