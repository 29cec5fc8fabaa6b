import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  documentsJson,
  type CaseloadRow,
  type ClientDocuments,
  type ClientReadModel,
  type CommittableModel,
  type CaseloadCountRow,
  type CompensationLedgerQuery,
  type CompensationLedgerRow,
  type CompensationRow,
  type DeadlineRow,
  type OutcomeRow,
  type OutcomeStatsQuery,
  type OutcomeStatsRow,
  type ReadStore,
  type StoredDecisionState,
  type WorklistQuery,
  leadWord,
  searchHolderKey,
  sortNameOf,
  viewerHolderKeys,
  type ClientSearchHit,
  type ClientSearchQuery,
  type ClientSearchRow,
  type SearchHolder,
  type SearchIdentityViewer,
  mergeNamedOrganisations,
  organisationSearchText,
  organisationSortName,
  type DirectoryOrganisation,
  type OrganisationDirectoryQuery,
} from '../../read-store/index.js';
import { CHECKPOINT_NAME, migrate } from './schema.js';
import { prepareStatements, type Statements } from './statements.js';
import { CheckpointRegressionError } from './errors.js';
import {
  centsToEuros,
  pickCaseload,
  toCaseload,
  pickCompensation,
  pickDeadline,
  pickOutcome,
  pickSearch,
  toCompensation,
  type CompensationDbRow,
  type ModelRow,
  type SearchDbRow,
} from './rows.js';

type Db = Database.Database;

/** WAL pages (4 KB) between automatic checkpoints. */
const WAL_CHECKPOINT_PAGES = 10_000;

/** The read store on one SQLite file. better-sqlite3 is synchronous; the port is async. */
export class SqliteReadStore implements ReadStore {
  private readonly sql: Statements;

  private constructor(private readonly db: Db) {
    this.sql = prepareStatements(db);
  }

  static open(path: string): SqliteReadStore {
    if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    try {
      // busy_timeout first: switching to WAL needs a lock another process may hold
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      // NORMAL, not FULL: a power cut may lose the last commits, but a commit holds the models
      // and the checkpoint together, so the projector simply projects those events again.
      db.pragma('synchronous = NORMAL');
      // Checkpoint every ~40 MB of WAL, not the default ~4 MB: a page of 100 client documents is
      // about that much, so the default copied (and synced) the WAL into the file on nearly every
      // commit; less often, a page written by several commits is copied once (a rebuild's
      // commits took 25 % less time, 10 % less CPU).
      db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
      migrate(db);
      return new SqliteReadStore(db);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  async getClients(clientIds: string[]): Promise<Map<string, ClientReadModel>> {
    const ids = JSON.stringify([...new Set(clientIds)]);
    const models = new Map<string, ClientReadModel>();
    for (const row of this.sql.getModels.all(ids) as ModelRow[]) {
      models.set(row.clientId, {
        clientId: row.clientId,
        lastPosition: row.lastPosition,
        path: JSON.parse(row.path),
        state: JSON.parse(row.state),
        caseload: [],
        deadlines: [],
        outcomes: [],
        compensation: [],
        search: null,
      });
    }
    // derived rows come back too, so a projection may carry them forward unchanged
    const attach = <R extends { clientId: string }>(rows: R[], pick: (m: ClientReadModel) => R[]) => {
      for (const row of rows) {
        const m = models.get(row.clientId);
        if (m) pick(m).push(row);
      }
    };
    attach((this.sql.getCaseloadOf.all(ids) as CaseloadRow[]).map(toCaseload), (m) => m.caseload);
    attach(this.sql.getDeadlinesOf.all(ids) as DeadlineRow[], (m) => m.deadlines);
    attach(this.sql.getOutcomesOf.all(ids) as OutcomeRow[], (m) => m.outcomes);
    attach((this.sql.getCompensationOf.all(ids) as CompensationDbRow[]).map(toCompensation), (m) => m.compensation);
    for (const row of this.sql.getSearchOf.all(ids) as SearchDbRow[]) {
      const m = models.get(row.clientId);
      if (m) m.search = { ...row, nameWords: JSON.parse(row.nameWords), holders: [], identityViewers: [] };
    }
    const attachSearch = <R extends { clientId: string }>(
      rows: R[],
      pick: (s: ClientSearchRow) => Omit<R, 'clientId'>[],
    ) => {
      for (const { clientId, ...row } of rows) {
        const found = models.get(clientId)?.search;
        if (found) pick(found).push(row);
      }
    };
    attachSearch(this.sql.getHoldersOf.all(ids) as (SearchHolder & { clientId: string })[], (r) => r.holders);
    attachSearch(
      this.sql.getIdentityViewersOf.all(ids) as (SearchIdentityViewer & { clientId: string })[],
      (r) => r.identityViewers,
    );
    return models;
  }

  async commitBatch(models: CommittableModel[], checkpoint: bigint): Promise<void> {
    // IMMEDIATE: take the write lock up front so the checkpoint check and the writes see one state
    this.commitTx.immediate(models, checkpoint);
  }

  private readonly commitTx = this.db.transaction((models: CommittableModel[], checkpoint: bigint) => {
    const current = this.readCheckpoint();
    // a checkpoint moving backwards means a second writer: refuse rather than interleave
    if (checkpoint < current) throw new CheckpointRegressionError(current, checkpoint);
    const s = this.sql;
    for (const m of models) {
      const docs = documentsJson(m);
      s.upsertModel.run({ clientId: m.clientId, lastPosition: m.lastPosition, path: docs.path, state: docs.state });
      s.deleteCaseload.run(m.clientId);
      s.deleteDeadlines.run(m.clientId);
      s.deleteOutcomes.run(m.clientId);
      s.deleteCompensation.run(m.clientId);
      // rows take the model's clientId, whatever they say, so they are deleted with it next time
      const own = { clientId: m.clientId };
      for (const r of m.caseload) s.insertCaseload.run({ ...pickCaseload(r), ...own });
      for (const r of m.deadlines) s.insertDeadline.run({ ...pickDeadline(r), ...own });
      for (const r of m.outcomes) s.insertOutcome.run({ ...pickOutcome(r), ...own });
      for (const r of m.compensation) s.insertCompensation.run({ ...pickCompensation(r), ...own });
      for (const statement of s.deleteSearch) statement.run(m.clientId);
      if (m.search) this.insertSearch(m.search, own);
    }
    for (const o of mergeNamedOrganisations(models.map((m) => m.organisations))) {
      s.upsertOrganisation.run({
        organisationId: o.organisationId,
        organisationType: o.organisationType,
        position: o.position,
        name: o.name,
        namePosition: o.namePosition,
        sortName: organisationSortName(o),
        searchText: organisationSearchText(o),
      });
    }
    s.setCheckpoint.run(CHECKPOINT_NAME, checkpoint);
  });

  private insertSearch(r: ClientSearchRow, own: { clientId: string }): void {
    const s = this.sql;
    const nameWords = JSON.stringify(r.nameWords);
    s.insertSearch.run({ ...pickSearch(r), nameWords, sortName: sortNameOf(r), ...own });
    s.insertSearchWords.run({ nameWords, ...own });
    s.insertHolderWords.run({ nameWords, holderKeys: JSON.stringify(r.holders.map(searchHolderKey)), ...own });
    for (const h of r.holders) s.insertHolder.run({ organisationId: h.organisationId, personId: h.personId, ...own });
    for (const v of r.identityViewers)
      s.insertIdentityViewer.run({ organisationId: v.organisationId, until: v.until, ...own });
  }

  async reset(): Promise<void> {
    this.resetTx.immediate();
  }

  private readonly resetTx = this.db.transaction(() => {
    for (const statement of this.sql.resetAll) statement.run();
  });

  async checkpoint(): Promise<bigint> {
    return this.readCheckpoint();
  }

  async clientPath(clientId: string): Promise<{ path: Record<string, unknown>; lastPosition: bigint } | null> {
    const row = this.sql.clientPath.get(clientId) as { path: string; lastPosition: bigint } | undefined;
    return row ? { path: JSON.parse(row.path), lastPosition: row.lastPosition } : null;
  }

  async clientDocuments(clientId: string): Promise<ClientDocuments | null> {
    const row = this.sql.clientDocuments.get(clientId) as Omit<ModelRow, 'clientId'> | undefined;
    return row ? { lastPosition: row.lastPosition, path: JSON.parse(row.path), state: JSON.parse(row.state) } : null;
  }

  async decisionState(clientId: string): Promise<StoredDecisionState | null> {
    return (this.sql.decisionState.get(clientId) as StoredDecisionState | undefined) ?? null;
  }

  async caseloadCounts(organisationId: string): Promise<CaseloadCountRow[]> {
    return this.sql.caseloadCounts.all(organisationId) as CaseloadCountRow[];
  }

  async caseload(personId: string): Promise<CaseloadRow[]> {
    return (this.sql.caseload.all(personId) as CaseloadRow[]).map(toCaseload);
  }

  /** An absent or empty `kinds` means every kind. */
  async worklist(q: WorklistQuery): Promise<DeadlineRow[]> {
    const kinds = q.kinds?.length ? JSON.stringify(q.kinds) : null;
    const a = q.after;
    return this.sql.worklist.all({
      organisationId: q.organisationId,
      dueOnOrBefore: q.dueOnOrBefore,
      kinds,
      limit: q.limit ?? -1,
      afterDue: a?.dueDate ?? null,
      afterClient: a?.clientId ?? null,
      afterKind: a?.kind ?? null,
      afterRef: a?.refId ?? null,
    }) as DeadlineRow[];
  }

  async outcomeStats(q: OutcomeStatsQuery): Promise<OutcomeStatsRow[]> {
    return this.sql.outcomeStats.all({
      organisationId: q.organisationId ?? null,
      providerId: q.providerId ?? null,
      serviceType: q.serviceType ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
    }) as OutcomeStatsRow[];
  }

  async compensationLedger(q: CompensationLedgerQuery): Promise<CompensationLedgerRow[]> {
    const rows = this.sql.compensationLedger.all({
      fromMonth: q.fromMonth ?? null,
      toMonth: q.toMonth ?? null,
      payer: q.payer ?? null,
      component: q.component ?? null,
      clientId: q.clientId ?? null,
    }) as (Omit<CompensationLedgerRow, 'euros'> & { cents: number })[];
    return rows.map(({ cents, ...r }) => ({ ...r, euros: centsToEuros(cents) }));
  }

  async clientCompensation(clientId: string): Promise<CompensationRow[]> {
    return (this.sql.clientCompensation.all(clientId) as CompensationDbRow[]).map(toCompensation);
  }

  async searchClients(q: ClientSearchQuery): Promise<ClientSearchHit[]> {
    const t = q.term;
    const v = q.viewer;
    const byName = t.kind === 'name_or_client_id';
    const params = {
      clientId: byName ? t.clientId : null,
      identityCode: byName ? null : t.identityCode,
      words: byName ? JSON.stringify(t.words) : null,
      lead: byName ? leadWord(t.words) : null,
      today: q.today,
      limit: q.limit,
      afterSort: q.after?.sortName ?? null,
      afterClient: q.after?.clientId ?? null,
    };
    if (v.everyone) return this.sql.searchEveryone.all(params) as ClientSearchHit[];
    return this.sql.searchAdmitted.all({
      ...params,
      organisationId: v.organisationId,
      personId: v.personId,
      holderKeys: JSON.stringify(viewerHolderKeys(v.organisationId, v.personId)),
    }) as ClientSearchHit[];
  }

  async organisationDirectory(q: OrganisationDirectoryQuery): Promise<DirectoryOrganisation[]> {
    return this.sql.organisationDirectory.all({
      text: q.text || null,
      type: q.type ?? null,
      limit: q.limit,
      afterSort: q.after?.sortName ?? null,
      afterId: q.after?.organisationId ?? null,
    }) as DirectoryOrganisation[];
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private readCheckpoint(): bigint {
    return (this.sql.getCheckpoint.get(CHECKPOINT_NAME) as bigint | undefined) ?? 0n;
  }
}
