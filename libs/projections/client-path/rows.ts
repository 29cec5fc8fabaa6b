import { deadlinesOf, inDateOrder, periodsOf } from '../../domain/index.js';
import type { CaseloadRow, ClientReadModel, DeadlineRow, OutcomeRow } from '../../read-store/index.js';
import type { ClientProjectionState } from './state.js';

type Rows = Pick<ClientReadModel, 'caseload' | 'deadlines' | 'outcomes' | 'compensation'>;

/** Row sets for cross-client queries: caseloads, worklists, outcome statistics, ledger. */
export function deriveRows(clientId: string, s: ClientProjectionState): Rows {
  const d = s.domain;
  const caseload: CaseloadRow[] = [];
  if (d.responsibleOfficer && !d.erased) {
    const o = d.responsibleOfficer;
    caseload.push({ clientId, personId: o.officerId, personName: o.officerName, organisationId: o.organisation.organisationId, role: 'responsible_officer', since: o.from });
  }
  const periods = periodsOf(d);
  for (const p of periods) {
    if (p.status === 'ended' || !p.ownInstructor) continue;
    caseload.push({ clientId, personId: p.ownInstructor.instructorId, personName: p.ownInstructor.instructorName,
      organisationId: p.provider.organisationId, role: 'own_instructor', since: p.ownInstructor.since });
  }
  const deadlines: DeadlineRow[] = deadlinesOf(d).flatMap((x) => x.organisationIds.map((organisationId) => ({
    clientId, organisationId, kind: x.kind, dueDate: x.dueDate, refId: x.refId, description: x.description,
  })));
  const outcomes: OutcomeRow[] = periods.filter((p) => p.status === 'ended').map((p) => ({
    clientId, periodId: p.periodId, serviceType: p.serviceType, providerId: p.provider.organisationId,
    organisationId: p.recordedBy.organisationId, startDate: p.startDate, endDate: p.endDate!,
    endReason: p.endReason!, continuation: p.continuation!,
  }));
  return { caseload, deadlines, outcomes, compensation: inDateOrder(s.compensation, (r) => r.month) };
}
