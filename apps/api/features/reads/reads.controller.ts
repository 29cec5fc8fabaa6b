import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ruleSetOn } from '../../../../libs/domain/index.js';
import { ReadCtx, type ReadContext } from '../access/index.js';
import { IdParam } from '../shared/params.js';
import { ReadRoute } from '../shared/read-route.js';
import { READ_PROBLEMS } from '../../infrastructure/problem/index.js';
import { ClientPathAnswer } from './path.response.js';
import {
  CaseloadAnswer,
  CaseloadReportAnswer,
  LedgerAnswer,
  OutcomeStatsAnswer,
  ServiceTypesAnswer,
  WorklistAnswer,
} from './reads.responses.js';
import {
  GetCaseload,
  GetCaseloadReport,
  GetClientPath,
  GetCompensationLedger,
  GetOutcomeStats,
  GetWorklist,
} from './queries.js';
import {
  ClientPathQueryDto,
  LedgerQueryDto,
  OutcomeStatsQueryDto,
  PathQueryDto,
  ServiceTypesQueryDto,
  WORKLIST_PAGE,
  WorklistQueryDto,
} from './reads.dto.js';
import { decodeWorklistCursor } from './worklist-cursor.js';

const position = (q: PathQueryDto) => (q.minPosition === undefined ? undefined : BigInt(q.minPosition));

@ApiTags('reads')
@Controller()
export class ReadsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('clients/:clientId/path')
  @ReadRoute(
    "The client's cross-organisation service path: timeline and current status",
    ClientPathAnswer,
    [...READ_PROBLEMS, 422],
    'A long timeline comes in pages: the newest `timelineLimit` entries (in business order), ' +
      '`timelinePage.nextBefore` reads the older ones with `timelineBefore`.',
  )
  path(@IdParam('clientId') clientId: string, @QueryParams() q: ClientPathQueryDto, @ReadCtx() ctx: ReadContext) {
    return this.queries.execute(
      new GetClientPath(ctx, clientId, position(q), { limit: q.timelineLimit, before: q.timelineBefore }),
    );
  }

  @Get('caseloads/me')
  @ReadRoute("The caller's own caseload (responsible officer or own instructor)", CaseloadAnswer, [400, 401, 403, 503])
  myCaseload(@ReadCtx() ctx: ReadContext) {
    return this.queries.execute(new GetCaseload(ctx, ctx.principal.personId));
  }

  @Get('caseloads/organisations/:organisationId')
  @ReadRoute(
    "Clients per person and role in an organisation, with each role's capacity and who is over it",
    CaseloadReportAnswer,
    [400, 401, 403, 422, 503],
  )
  caseloadReport(
    @IdParam('organisationId') organisationId: string,
    @QueryParams() q: PathQueryDto,
    @ReadCtx() ctx: ReadContext,
  ) {
    return this.queries.execute(new GetCaseloadReport(ctx, organisationId, position(q)));
  }

  @Get('caseloads/:personId')
  @ReadRoute("A person's caseload", CaseloadAnswer, [400, 401, 403, 503])
  caseload(@IdParam('personId') personId: string, @ReadCtx() ctx: ReadContext) {
    return this.queries.execute(new GetCaseload(ctx, personId));
  }

  @Get('worklists/:organisationId')
  @ReadRoute(
    'Due and overdue items of an organisation (plans, reviews, limits, unanswered referrals)',
    WorklistAnswer,
    [400, 401, 403, 422, 503],
  )
  worklist(
    @IdParam('organisationId') organisationId: string,
    @QueryParams() q: WorklistQueryDto,
    @ReadCtx() ctx: ReadContext,
  ) {
    return this.queries.execute(
      new GetWorklist(ctx, organisationId, q.horizonDays ?? 30, q.kinds, position(q), {
        limit: q.limit ?? WORKLIST_PAGE,
        after: decodeWorklistCursor(q.after),
      }),
    );
  }

  @Get('statistics/outcomes')
  @ReadRoute(
    'End reasons and continuations by organisation, provider, service type and month',
    OutcomeStatsAnswer,
    [400, 401, 422, 503],
  )
  outcomes(@QueryParams() q: OutcomeStatsQueryDto) {
    const { minPosition: _, ...filter } = q;
    return this.queries.execute(new GetOutcomeStats(filter, position(q)));
  }

  @Get('compensation/ledger')
  @ReadRoute(
    'Attended days and euros per month, payer (Kela, unemployment fund, wellbeing county, municipality) and component',
    LedgerAnswer,
    [400, 401, 422, 503],
  )
  ledger(@QueryParams() q: LedgerQueryDto) {
    const { minPosition: _, ...filter } = q;
    return this.queries.execute(new GetCompensationLedger(filter, position(q)));
  }

  @Get('service-types')
  @ReadRoute('Service types and their limits in the rule set in force on a date', ServiceTypesAnswer, [400, 401, 503])
  serviceTypes(@QueryParams() q: ServiceTypesQueryDto) {
    const set = ruleSetOn(q.on ?? new Date().toISOString().slice(0, 10));
    return { ruleSet: set.id, validFrom: set.validFrom, serviceTypes: set.serviceTypes };
  }
}
