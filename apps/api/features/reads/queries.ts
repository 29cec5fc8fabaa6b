import { ForbiddenException, Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type {
  CaseloadCountRow,
  CaseloadRow,
  CompensationLedgerQuery,
  CompensationLedgerRow,
  DeadlineKind,
  OutcomeStatsQuery,
  OutcomeStatsRow,
  ReadStore,
  WorklistCursor,
} from '../../../../libs/read-store/index.js';
import { addDays, caseloadScope, mayReadOrganisationView, ruleSetOn } from '../../../../libs/domain/index.js';
import { CLOCK, EVENT_STORE, READ_STORE, type Clock } from '../../infrastructure/tokens.js';
import type { EventStore } from '../../../../libs/event-store/index.js';
import { waitForProjection } from './wait-for-projection.js';
import { encodeWorklistCursor } from './worklist-cursor.js';
import { ClientAccess, type ReadContext } from '../access/index.js';
import {
  pageTimeline,
  pathForViewer,
  type TimelinePageInfo,
  withPeriodLengths,
} from '../../../../libs/projections/client-path/index.js';

export type ClientPathResult = {
  path: Record<string, unknown>;
  projectedPosition: string;
  timelinePage: TimelinePageInfo;
};

export class GetClientPath extends Query<ClientPathResult> {
  constructor(
    readonly ctx: ReadContext,
    readonly clientId: string,
    readonly minPosition?: bigint,
    readonly timeline: { limit?: number; before?: string } = {},
  ) {
    super();
  }
}

/** The path as the caller may see it: relationship checked, consent applied, usage and disclosures logged. */
@QueryHandler(GetClientPath)
export class GetClientPathHandler implements IQueryHandler<GetClientPath, ClientPathResult> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(ClientAccess) private readonly access: ClientAccess,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}
  async execute({ ctx, clientId, minPosition, timeline }: GetClientPath): Promise<ClientPathResult> {
    const checkpoint = await waitForProjection(this.store, minPosition, this.events);
    const viewer = { organisationId: ctx.principal.organisationId, role: ctx.principal.role };
    const today = this.clock().toISOString().slice(0, 10);
    const paged = await this.access.readClient(ctx, clientId, 'path', (doc, state) => {
      const { path: visible, disclosures } = pathForViewer(doc, state, viewer, today);
      return { result: pageTimeline(withPeriodLengths(visible, today), timeline.limit, timeline.before), disclosures };
    });
    return { path: paged.path, projectedPosition: checkpoint.toString(), timelinePage: paged.timelinePage };
  }
}

export class GetCaseload extends Query<{ personId: string; clients: CaseloadRow[] }> {
  constructor(
    readonly ctx: ReadContext,
    readonly personId: string,
  ) {
    super();
  }
}

/** A caseload: one's own, or a colleague's within one's own organisation; auditors any. */
@QueryHandler(GetCaseload)
export class GetCaseloadHandler implements IQueryHandler<GetCaseload> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(ClientAccess) private readonly access: ClientAccess,
  ) {}
  async execute({ ctx, personId }: GetCaseload) {
    const p = ctx.principal;
    const scope = caseloadScope(p, personId);
    if (scope === 'none') throw new ForbiddenException('This role has no caseloads');
    const rows = await this.store.caseload(personId);
    const clients = scope === 'all' ? rows : rows.filter((r) => r.organisationId === p.organisationId);
    await this.access.logMany(
      ctx,
      clients.map((c) => c.clientId),
      'caseload',
    );
    return { personId, clients };
  }
}

export interface WorklistItem {
  clientId: string;
  kind: DeadlineKind;
  dueDate: string;
  overdue: boolean;
  refId: string;
  description: string;
}

export class GetWorklist extends Query<{
  organisationId: string;
  today: string;
  items: WorklistItem[];
  nextCursor: string | null;
}> {
  constructor(
    readonly ctx: ReadContext,
    readonly organisationId: string,
    readonly horizonDays: number,
    readonly kinds?: DeadlineKind[],
    readonly minPosition?: bigint,
    readonly page: { limit: number; after?: WorklistCursor } = { limit: 100 },
  ) {
    super();
  }
}

/** An organisation's own view (auditors see every one): refused otherwise, then as fresh as the caller's write. */
async function organisationViewReady(
  q: { ctx: ReadContext; organisationId: string; minPosition?: bigint },
  what: string,
  store: ReadStore,
  events: EventStore,
): Promise<void> {
  if (!mayReadOrganisationView(q.ctx.principal, q.organisationId)) {
    throw new ForbiddenException(`${what} is visible to its own organisation (and auditors)`);
  }
  await waitForProjection(store, q.minPosition, events);
}

@QueryHandler(GetWorklist)
export class GetWorklistHandler implements IQueryHandler<GetWorklist> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ClientAccess) private readonly access: ClientAccess,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}
  async execute(q: GetWorklist) {
    await organisationViewReady(q, 'A worklist', this.store, this.events);
    const today = this.clock().toISOString().slice(0, 10);
    // one row more than the page: tells whether another page follows
    const found = await this.store.worklist({
      organisationId: q.organisationId,
      dueOnOrBefore: addDays(today, q.horizonDays),
      kinds: q.kinds,
      limit: q.page.limit + 1,
      after: q.page.after,
    });
    const rows = found.slice(0, q.page.limit);
    const nextCursor = found.length > q.page.limit ? encodeWorklistCursor(rows[rows.length - 1]) : null;
    const items = rows.map((r) => ({
      clientId: r.clientId,
      kind: r.kind,
      dueDate: r.dueDate,
      overdue: r.dueDate < today,
      refId: r.refId,
      description: r.description,
    }));
    await this.access.logMany(
      q.ctx,
      items.map((i) => i.clientId),
      'worklist',
    );
    return { organisationId: q.organisationId, today, items, nextCursor };
  }
}

export class GetOutcomeStats extends Query<{
  rows: OutcomeStatsRow[];
  byEndReason: Record<string, number>;
  byContinuation: Record<string, number>;
  total: number;
}> {
  constructor(
    readonly filter: OutcomeStatsQuery,
    readonly minPosition?: bigint,
  ) {
    super();
  }
}

function tally(rows: OutcomeStatsRow[], key: 'endReason' | 'continuation'): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r[key]] = (counts[r[key]] ?? 0) + r.periods;
  return counts;
}

@QueryHandler(GetOutcomeStats)
export class GetOutcomeStatsHandler implements IQueryHandler<GetOutcomeStats> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}
  async execute({ filter, minPosition }: GetOutcomeStats) {
    await waitForProjection(this.store, minPosition, this.events);
    const rows = await this.store.outcomeStats(filter);
    return {
      rows,
      byEndReason: tally(rows, 'endReason'),
      byContinuation: tally(rows, 'continuation'),
      total: rows.reduce((n, r) => n + r.periods, 0),
    };
  }
}

export class GetCompensationLedger extends Query<{ rows: CompensationLedgerRow[]; totalEuros: number }> {
  constructor(
    readonly filter: CompensationLedgerQuery,
    readonly minPosition?: bigint,
  ) {
    super();
  }
}

@QueryHandler(GetCompensationLedger)
export class GetCompensationLedgerHandler implements IQueryHandler<GetCompensationLedger> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}
  async execute({ filter, minPosition }: GetCompensationLedger) {
    await waitForProjection(this.store, minPosition, this.events);
    const rows = await this.store.compensationLedger(filter);
    return { rows, totalEuros: Math.round(rows.reduce((n, r) => n + r.euros, 0) * 100) / 100 };
  }
}

export interface CaseloadReportRow extends CaseloadCountRow {
  capacity: number;
  overCapacity: boolean;
}

export class GetCaseloadReport extends Query<{
  organisationId: string;
  ruleSet: string;
  people: CaseloadReportRow[];
  overCapacity: number;
}> {
  constructor(
    readonly ctx: ReadContext,
    readonly organisationId: string,
    readonly minPosition?: bigint,
  ) {
    super();
  }
}

/**
 * Clients per person and role in one organisation, against the role's capacity in the rule
 * set in force today (a TYP officer ~27, a kuty instructor 80). Counts only: no client data.
 */
@QueryHandler(GetCaseloadReport)
export class GetCaseloadReportHandler implements IQueryHandler<GetCaseloadReport> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}
  async execute(q: GetCaseloadReport) {
    await organisationViewReady(q, 'A caseload report', this.store, this.events);
    const set = ruleSetOn(this.clock().toISOString().slice(0, 10));
    const people = (await this.store.caseloadCounts(q.organisationId)).map((r) => {
      const capacity = set.caseloadCapacity[r.role];
      return { ...r, capacity, overCapacity: r.clients > capacity };
    });
    return {
      organisationId: q.organisationId,
      ruleSet: set.id,
      people,
      overCapacity: people.filter((r) => r.overCapacity).length,
    };
  }
}

export const QUERY_HANDLERS = [
  GetClientPathHandler,
  GetCaseloadHandler,
  GetCaseloadReportHandler,
  GetWorklistHandler,
  GetOutcomeStatsHandler,
  GetCompensationLedgerHandler,
];
