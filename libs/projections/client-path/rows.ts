import { compensationLines, deadlinesOf, periodsOf } from '../../domain/index.js';
import type { CaseloadRow, ClientReadModel, DeadlineRow, OutcomeRow } from '../../read-store/index.js';
import { searchRowOf } from './search-row.js';
import type { ClientProjectionState } from './state.js';
import { namedOrganisationsOf } from './organisations.js';

type Rows = Pick<ClientReadModel, 'caseload' | 'deadlines' | 'outcomes' | 'compensation' | 'search' | 'organisations'>;

/**
 * Row sets for cross-client queries: caseloads, worklists, outcome statistics, ledger, client
 * search, and the organisations the client's events name (the organisation directory).
 */
export function deriveRows(clientId: string, s: ClientProjectionState): Rows {
  const d = s.domain;
  // Everyone named now, per person and role: each person's caseload in each role.
  const caseload: CaseloadRow[] = d.erased
    ? []
    : d.people.map((p) => ({
        clientId,
        personId: p.personId,
        personName: p.personName,
        organisationId: p.organisation.organisationId,
        role: p.role,
        since: p.from,
        lead: d.leadOfficerId === p.personId && p.role !== 'own_instructor',
      }));
  const deadlines: DeadlineRow[] = deadlinesOf(d).flatMap((x) =>
    x.organisationIds.map((organisationId) => ({
      clientId,
      organisationId,
      kind: x.kind,
      dueDate: x.dueDate,
      refId: x.refId,
      description: x.description,
    })),
  );
  const periods = periodsOf(d);
  const outcomes: OutcomeRow[] = periods
    .filter((p) => p.status === 'ended')
    .map((p) => ({
      clientId,
      periodId: p.periodId,
      serviceType: p.serviceType,
      providerId: p.provider.organisationId,
      organisationId: p.recordedBy.organisationId,
      startDate: p.startDate,
      endDate: p.endDate!,
      endReason: p.endReason!,
      continuation: p.continuation!,
    }));
  const compensation = compensationLines(d).map((line) => ({ clientId, ...line }));
  return {
    caseload,
    deadlines,
    outcomes,
    compensation,
    search: searchRowOf(clientId, s),
    organisations: namedOrganisationsOf(s.organisations),
  };
}
