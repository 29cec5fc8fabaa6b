import { Inject, NotFoundException } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type {
  CaseloadRow, CompensationLedgerQuery, CompensationLedgerRow, DeadlineKind, OutcomeStatsQuery, OutcomeStatsRow, ReadStore,
} from '../../../../libs/read-store/index.js';
import { addDays } from '../../../../libs/domain/index.js';
import { CLOCK, READ_STORE, type Clock } from '../../infrastructure/tokens.js';
import { waitForProjection } from './wait-for-projection.js';

export type ClientPathResult = { path: Record<string, unknown>; projectedPosition: string };

export class GetClientPath extends Query<ClientPathResult> {
  constructor(readonly clientId: string, readonly minPosition?: bigint) { super(); }
}

@QueryHandler(GetClientPath)
export class GetClientPathHandler implements IQueryHandler<GetClientPath, ClientPathResult> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}
  async execute({ clientId, minPosition }: GetClientPath): Promise<ClientPathResult> {
    const checkpoint = await waitForProjection(this.store, minPosition);
    const found = await this.store.clientPath(clientId);
    if (!found) throw new NotFoundException(`Client ${clientId} not found`);
    return { path: found.path, projectedPosition: checkpoint.toString() };
  }
}

export class GetCaseload extends Query<{ personId: string; clients: CaseloadRow[] }> {
  constructor(readonly personId: string) { super(); }
}

@QueryHandler(GetCaseload)
export class GetCaseloadHandler implements IQueryHandler<GetCaseload> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}
  async execute({ personId }: GetCaseload) {
    return { personId, clients: await this.store.caseload(personId) };
  }
}

export interface WorklistItem { clientId: string; kind: DeadlineKind; dueDate: string; overdue: boolean; refId: string; description: string }

export class GetWorklist extends Query<{ organisationId: string; today: string; items: WorklistItem[] }> {
  constructor(readonly organisationId: string, readonly horizonDays: number, readonly kinds?: DeadlineKind[], readonly minPosition?: bigint) { super(); }
}

@QueryHandler(GetWorklist)
export class GetWorklistHandler implements IQueryHandler<GetWorklist> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore, @Inject(CLOCK) private readonly clock: Clock) {}
  async execute(q: GetWorklist) {
    await waitForProjection(this.store, q.minPosition);
    const today = this.clock().toISOString().slice(0, 10);
    const rows = await this.store.worklist({ organisationId: q.organisationId, dueOnOrBefore: addDays(today, q.horizonDays), kinds: q.kinds });
    const items = rows.map((r) => ({ clientId: r.clientId, kind: r.kind, dueDate: r.dueDate, overdue: r.dueDate < today, refId: r.refId, description: r.description }));
    return { organisationId: q.organisationId, today, items };
  }
}

export class GetOutcomeStats extends Query<{ rows: OutcomeStatsRow[]; byEndReason: Record<string, number>; byContinuation: Record<string, number>; total: number }> {
  constructor(readonly filter: OutcomeStatsQuery, readonly minPosition?: bigint) { super(); }
}

const tally = (rows: OutcomeStatsRow[], key: 'endReason' | 'continuation') =>
  rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r[key]]: (acc[r[key]] ?? 0) + r.periods }), {});

@QueryHandler(GetOutcomeStats)
export class GetOutcomeStatsHandler implements IQueryHandler<GetOutcomeStats> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}
  async execute({ filter, minPosition }: GetOutcomeStats) {
    await waitForProjection(this.store, minPosition);
    const rows = await this.store.outcomeStats(filter);
    return { rows, byEndReason: tally(rows, 'endReason'), byContinuation: tally(rows, 'continuation'), total: rows.reduce((n, r) => n + r.periods, 0) };
  }
}

export class GetCompensationLedger extends Query<{ rows: CompensationLedgerRow[]; totalEuros: number }> {
  constructor(readonly filter: CompensationLedgerQuery, readonly minPosition?: bigint) { super(); }
}

@QueryHandler(GetCompensationLedger)
export class GetCompensationLedgerHandler implements IQueryHandler<GetCompensationLedger> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}
  async execute({ filter, minPosition }: GetCompensationLedger) {
    await waitForProjection(this.store, minPosition);
    const rows = await this.store.compensationLedger(filter);
    return { rows, totalEuros: Math.round(rows.reduce((n, r) => n + r.euros, 0) * 100) / 100 };
  }
}

export const QUERY_HANDLERS = [GetClientPathHandler, GetCaseloadHandler, GetWorklistHandler, GetOutcomeStatsHandler, GetCompensationLedgerHandler];
