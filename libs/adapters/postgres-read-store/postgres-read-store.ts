import type { Pool } from 'pg';
import type {
  CaseloadCountRow,
  CaseloadRow,
  ClientDocuments,
  ClientSearchHit,
  ClientSearchQuery,
  ClientReadModel,
  DirectoryOrganisation,
  OrganisationDirectoryQuery,
  CommittableModel,
  CompensationLedgerQuery,
  CompensationLedgerRow,
  CompensationRow,
  DeadlineRow,
  OutcomeStatsQuery,
  OutcomeStatsRow,
  ReadStore,
  StoredDecisionState,
  WorklistQuery,
} from '../../read-store/index.js';
import { createPool, inTransaction, quoteSchema } from '../postgres-common/index.js';
import { commitModels, loadModels, readCheckpoint } from './models.js';
import { queries } from './queries.js';
import { migrate } from './schema.js';
import { statements, type Statements } from './statements.js';
import { unlessUnavailable } from './unavailable.js';

export interface PostgresReadStoreOptions {
  /** Schema holding the tables, created when missing (default `public`). */
  schema?: string;
  /** Most connections of this store's pool (default 10). */
  poolSize?: number;
}

/**
 * The read store on PostgreSQL. Positions are bigint end to end (int8 type parser); path
 * and state are jsonb. Each commitBatch writes its models and the checkpoint in one
 * transaction under a per-schema advisory lock, so two projectors cannot interleave batches.
 */
export class PostgresReadStore implements ReadStore {
  private closed = false;
  private readonly reads: ReturnType<typeof queries>;

  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly sql: Statements,
  ) {
    this.reads = queries(pool, sql);
  }

  static async open(connectionString: string, options: PostgresReadStoreOptions = {}): Promise<PostgresReadStore> {
    const schema = options.schema ?? 'public';
    const quoted = quoteSchema(schema);
    const pool = createPool(connectionString, { max: options.poolSize, applicationName: 'polku-read-store' });
    try {
      await unlessUnavailable(() => migrate(pool, schema, quoted));
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresReadStore(pool, schema, statements(quoted));
  }

  getClients(clientIds: string[]): Promise<Map<string, ClientReadModel>> {
    return unlessUnavailable(() => loadModels(this.pool, this.sql, clientIds));
  }

  commitBatch(models: CommittableModel[], checkpoint: bigint): Promise<void> {
    return unlessUnavailable(() => commitModels(this.pool, this.sql, this.schema, models, checkpoint));
  }

  reset(): Promise<void> {
    return unlessUnavailable(() =>
      inTransaction(this.pool, async (client) => {
        await client.query(this.sql.commitLock, [this.schema]);
        await client.query(this.sql.reset);
      }),
    );
  }

  checkpoint(): Promise<bigint> {
    return unlessUnavailable(() => readCheckpoint(this.pool, this.sql));
  }

  clientPath(clientId: string): Promise<{ path: Record<string, unknown>; lastPosition: bigint } | null> {
    return this.oneClientRow(this.sql.clientPath, clientId);
  }

  clientDocuments(clientId: string): Promise<ClientDocuments | null> {
    return this.oneClientRow(this.sql.clientDocuments, clientId);
  }

  decisionState(clientId: string): Promise<StoredDecisionState | null> {
    return this.oneClientRow(this.sql.decisionState, clientId);
  }

  /** The row a one-client query finds, or null. */
  private oneClientRow<T extends object>(sql: string, clientId: string): Promise<T | null> {
    return unlessUnavailable(async () => (await this.pool.query<T>(sql, [clientId])).rows[0] ?? null);
  }

  caseloadCounts(organisationId: string): Promise<CaseloadCountRow[]> {
    return this.reads.caseloadCounts(organisationId);
  }

  caseload(personId: string): Promise<CaseloadRow[]> {
    return unlessUnavailable(() => this.reads.caseload(personId));
  }

  worklist(q: WorklistQuery): Promise<DeadlineRow[]> {
    return unlessUnavailable(() => this.reads.worklist(q));
  }

  outcomeStats(q: OutcomeStatsQuery): Promise<OutcomeStatsRow[]> {
    return unlessUnavailable(() => this.reads.outcomeStats(q));
  }

  compensationLedger(q: CompensationLedgerQuery): Promise<CompensationLedgerRow[]> {
    return unlessUnavailable(() => this.reads.compensationLedger(q));
  }

  clientCompensation(clientId: string): Promise<CompensationRow[]> {
    return unlessUnavailable(() => this.reads.clientCompensation(clientId));
  }

  searchClients(q: ClientSearchQuery): Promise<ClientSearchHit[]> {
    return this.reads.searchClients(q);
  }

  organisationDirectory(q: OrganisationDirectoryQuery): Promise<DirectoryOrganisation[]> {
    return unlessUnavailable(() => this.reads.organisationDirectory(q));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
