import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ruleSetOn } from '../../../../libs/domain/index.js';
import { ReadCtx, type ReadContext } from '../access/index.js';
import { IdPipe } from '../shared/params.js';
import {
  GetCaseload, GetClientPath, GetCompensationLedger, GetOutcomeStats, GetWorklist,
} from './queries.js';
import { ClientPathQueryDto, LedgerQueryDto, OutcomeStatsQueryDto, PathQueryDto, ServiceTypesQueryDto, WORKLIST_PAGE, WorklistQueryDto } from './reads.dto.js';
import { decodeWorklistCursor } from './worklist-cursor.js';

const position = (q: PathQueryDto) => (q.minPosition === undefined ? undefined : BigInt(q.minPosition));

@ApiTags('reads')
@Controller()
export class ReadsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('clients/:clientId/path')
  @ApiOperation({
    summary: 'The client\'s cross-organisation service path: timeline and current status',
    description: 'A long timeline comes in pages: the newest `timelineLimit` entries (in business order), '
      + '`timelinePage.nextBefore` reads the older ones with `timelineBefore`.',
  })
  path(@Param('clientId', IdPipe) clientId: string, @QueryParams() q: ClientPathQueryDto, @ReadCtx() ctx: ReadContext) {
    return this.queries.execute(new GetClientPath(ctx, clientId, position(q), { limit: q.timelineLimit, before: q.timelineBefore }));
  }

  @Get('caseloads/me')
  @ApiOperation({ summary: 'The caller\'s own caseload (responsible officer or own instructor)' })
  myCaseload(@ReadCtx() ctx: ReadContext) {
    return this.queries.execute(new GetCaseload(ctx, ctx.principal.personId));
  }

  @Get('caseloads/:personId')
  @ApiOperation({ summary: 'A person\'s caseload' })
  caseload(@Param('personId', IdPipe) personId: string, @ReadCtx() ctx: ReadContext) {
    return this.queries.execute(new GetCaseload(ctx, personId));
  }

  @Get('worklists/:organisationId')
  @ApiOperation({ summary: 'Due and overdue items of an organisation (plans, reviews, limits, unanswered referrals)' })
  worklist(@Param('organisationId', IdPipe) organisationId: string, @QueryParams() q: WorklistQueryDto, @ReadCtx() ctx: ReadContext) {
    return this.queries.execute(new GetWorklist(ctx, organisationId, q.horizonDays ?? 30, q.kinds, position(q), {
      limit: q.limit ?? WORKLIST_PAGE, after: decodeWorklistCursor(q.after),
    }));
  }

  @Get('statistics/outcomes')
  @ApiOperation({ summary: 'End reasons and continuations by organisation, provider, service type and month' })
  outcomes(@QueryParams() q: OutcomeStatsQueryDto) {
    const { minPosition: _, ...filter } = q;
    return this.queries.execute(new GetOutcomeStats(filter, position(q)));
  }

  @Get('compensation/ledger')
  @ApiOperation({ summary: 'Attended days and euros per month and payer (Kela / municipality)' })
  ledger(@QueryParams() q: LedgerQueryDto) {
    const { minPosition: _, ...filter } = q;
    return this.queries.execute(new GetCompensationLedger(filter, position(q)));
  }

  @Get('service-types')
  @ApiOperation({ summary: 'Service types and their limits in the rule set in force on a date' })
  serviceTypes(@QueryParams() q: ServiceTypesQueryDto) {
    const set = ruleSetOn(q.on ?? new Date().toISOString().slice(0, 10));
    return { ruleSet: set.id, validFrom: set.validFrom, serviceTypes: set.serviceTypes };
  }
}
