import type { Pool } from 'pg';
import {
  leadWord,
  viewerHolderKeys,
  type ClientSearchHit,
  type ClientSearchQuery,
  type DirectoryOrganisation,
  type OrganisationDirectoryQuery,
} from '../../read-store/index.js';
import type {
  CaseloadCountRow,
  CaseloadRow,
  CompensationLedgerQuery,
  CompensationLedgerRow,
  CompensationRow,
  DeadlineRow,
  OutcomeStatsQuery,
  OutcomeStatsRow,
  ReadStoreReader,
  WorklistQuery,
} from '../../read-store/index.js';
import { toCompensation, toLedgerRow, type CompensationDbRow, type LedgerDbRow } from './rows.js';
import type { Statements } from './statements.js';

type Queries = Pick<
  ReadStoreReader,
  | 'caseload'
  | 'caseloadCounts'
  | 'worklist'
  | 'outcomeStats'
  | 'compensationLedger'
  | 'clientCompensation'
  | 'searchClients'
  | 'organisationDirectory'
>;

/** The cross-client reads the API serves; each one statement on the pool. */
export function queries(pool: Pool, sql: Statements): Queries {
  const rows = async <R extends object>(text: string, values: unknown[]): Promise<R[]> =>
    (await pool.query<R>(text, values)).rows;
  return {
    caseload: (personId: string): Promise<CaseloadRow[]> => rows<CaseloadRow>(sql.caseload, [personId]),
    caseloadCounts: (organisationId: string): Promise<CaseloadCountRow[]> =>
      rows<CaseloadCountRow>(sql.caseloadCounts, [organisationId]),

    /** An absent or empty `kinds` means every kind. */
    worklist: (q: WorklistQuery): Promise<DeadlineRow[]> =>
      rows<DeadlineRow>(sql.worklist, [
        q.organisationId,
        q.dueOnOrBefore,
        q.kinds?.length ? q.kinds : null,
        q.limit ?? null,
        q.after?.dueDate ?? null,
        q.after?.clientId ?? null,
        q.after?.kind ?? null,
        q.after?.refId ?? null,
      ]),

    outcomeStats: async (q: OutcomeStatsQuery): Promise<OutcomeStatsRow[]> => {
      const found = await rows<Omit<OutcomeStatsRow, 'periods'> & { periods: bigint }>(sql.outcomeStats, [
        q.organisationId ?? null,
        q.providerId ?? null,
        q.serviceType ?? null,
        q.from ?? null,
        q.to ?? null,
      ]);
      return found.map((r) => ({ ...r, periods: Number(r.periods) })); // count(*) is int8
    },

    compensationLedger: async (q: CompensationLedgerQuery): Promise<CompensationLedgerRow[]> =>
      (
        await rows<LedgerDbRow>(sql.compensationLedger, [
          q.fromMonth ?? null,
          q.toMonth ?? null,
          q.payer ?? null,
          q.clientId ?? null,
          q.component ?? null,
        ])
      ).map(toLedgerRow),

    clientCompensation: async (clientId: string): Promise<CompensationRow[]> =>
      (await rows<CompensationDbRow>(sql.clientCompensation, [clientId])).map(toCompensation),

    searchClients: (q: ClientSearchQuery): Promise<ClientSearchHit[]> => {
      const t = q.term;
      const v = q.viewer;
      const byName = t.kind === 'name_or_client_id';
      return rows<ClientSearchHit>(v.everyone ? sql.searchEveryone : sql.searchAdmitted, [
        byName ? t.clientId : null,
        byName ? null : t.identityCode,
        byName ? t.words : null,
        byName ? leadWord(t.words) : null,
        v.everyone ? null : viewerHolderKeys(v.organisationId, v.personId),
        v.everyone ? null : v.organisationId,
        v.everyone ? null : v.personId,
        q.today,
        q.limit,
        q.after?.sortName ?? null,
        q.after?.clientId ?? null,
      ]);
    },

    organisationDirectory: (q: OrganisationDirectoryQuery): Promise<DirectoryOrganisation[]> =>
      rows<DirectoryOrganisation>(sql.organisationDirectory, [
        q.text || null,
        q.type ?? null,
        q.after?.sortName ?? null,
        q.after?.organisationId ?? null,
        q.limit,
      ]),
  };
}
