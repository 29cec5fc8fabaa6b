import { Controller, ForbiddenException, Get, Inject, Query } from '@nestjs/common';
import { NotFoundInStreamError } from '../../../../libs/domain/errors.js';
import { mayReadClientAccessLog } from '../../../../libs/domain/index.js';
import { ApiTags } from '@nestjs/swagger';
import type { AuditLog } from '../../../../libs/audit-log/index.js';
import type { EventStore } from '../../../../libs/event-store/index.js';
import { RequireRoles } from '../../infrastructure/auth/index.js';
import { RequestValidationException } from '../../infrastructure/problem/index.js';
import { AUDIT_LOG, CLOCK, type Clock, EVENT_STORE } from '../../infrastructure/tokens.js';
import { ClientAccess, ReadCtx, type ReadContext } from '../access/index.js';
import { IdParam } from '../shared/params.js';
import { ReadRoute } from '../shared/read-route.js';
import { ReplayedPathView } from '../reads/path.response.js';
import {
  ChainVerificationView,
  ClientAccessLogAnswer,
  ClientEventsAnswer,
  DisclosureLogAnswer,
  UsageLogAnswer,
} from './audit.responses.js';
import { AuditQueryDto, IntegrityQueryDto, LogPageQueryDto, ReplayQueryDto } from './audit.dto.js';
import { logPageOf, readLogPages } from './log-pages.js';
import { foldState, replay, type ReplayMode } from './replay.js';

/** Auditors (tietosuojavastaava): logs, raw history, replays and tamper checks. Read-only. */
@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(ClientAccess) private readonly access: ClientAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('audit/usage')
  @RequireRoles('auditor')
  @ReadRoute(
    'Usage log: who read whose data, why and when (allowed, refused, unauthenticated); newest first, paged',
    UsageLogAnswer,
    [400, 401, 403, 503],
  )
  usage(@Query() q: AuditQueryDto) {
    const { clientId, personId, organisationId } = q;
    return logPageOf((f) => this.audit.usage(f), { clientId, personId, organisationId }, q);
  }

  @Get('audit/disclosures')
  @RequireRoles('auditor')
  @ReadRoute(
    'Disclosure log: what was disclosed to whom, when, on which consent or legal basis; newest first, paged',
    DisclosureLogAnswer,
    [400, 401, 403, 503],
  )
  disclosures(@Query() q: AuditQueryDto) {
    const { clientId, personId, organisationId } = q;
    return logPageOf((f) => this.audit.disclosures(f), { clientId, personId, organisationId }, q);
  }

  @Get('clients/:clientId/access-log')
  @RequireRoles('client', 'auditor')
  @ReadRoute(
    "A client's own usage and disclosure log (law 703/2023 §11); clients see only their own; newest first, paged",
    ClientAccessLogAnswer,
  )
  async clientLog(@IdParam('clientId') clientId: string, @Query() q: LogPageQueryDto, @ReadCtx() ctx: ReadContext) {
    if (!mayReadClientAccessLog(ctx.principal, clientId)) throw new ForbiddenException('Only your own log');
    await this.access.gate(ctx, clientId, null, 'access-log'); // reading the log is itself logged
    const page = await readLogPages(
      { usage: (f) => this.audit.usage(f), disclosures: (f) => this.audit.disclosures(f) },
      { clientId },
      q,
    );
    return { clientId, ...page };
  }

  @Get('audit/clients/:clientId/events')
  @RequireRoles('auditor')
  @ReadRoute('Raw event history of a client, in order, with positions, authors and organisations', ClientEventsAnswer)
  async history(@IdParam('clientId') clientId: string, @ReadCtx() ctx: ReadContext) {
    const { currentVersion, events } = await this.events.readStream(clientId);
    await this.access.gate(ctx, clientId, foldState(clientId, events), 'events');
    if (currentVersion === 0n) throw new NotFoundInStreamError('client', clientId);
    return { clientId, streamVersion: currentVersion, events };
  }

  @Get('audit/clients/:clientId/path')
  @RequireRoles('auditor')
  @ReadRoute("Replay a client's path from the events: as known on a date, or as it was on a date", ReplayedPathView)
  async replayPath(@IdParam('clientId') clientId: string, @Query() q: ReplayQueryDto, @ReadCtx() ctx: ReadContext) {
    if (q.asKnownOn && q.asOf)
      throw new RequestValidationException([{ field: 'asOf', message: 'give asKnownOn or asOf, not both' }]);
    const mode: ReplayMode = q.asKnownOn
      ? { kind: 'as_known_on', date: q.asKnownOn }
      : q.asOf
        ? { kind: 'as_of', date: q.asOf }
        : { kind: 'current' };
    const { currentVersion, events } = await this.events.readStream(clientId);
    await this.access.gate(ctx, clientId, foldState(clientId, events), `path-${mode.kind}`);
    if (currentVersion === 0n) throw new NotFoundInStreamError('client', clientId);
    return replay(clientId, events, mode, this.clock().toISOString().slice(0, 10));
  }

  @Get('audit/integrity')
  @RequireRoles('auditor', 'admin')
  @ReadRoute(
    'Verify the hash chains: the first broken link, or that the history is intact',
    ChainVerificationView,
    [400, 401, 403, 503],
  )
  integrity(@Query() q: IntegrityQueryDto) {
    return q.clientId ? this.events.verifyStream(q.clientId) : this.events.verifyAll();
  }
}
