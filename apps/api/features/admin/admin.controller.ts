import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { executeClientCommand, type CommandResult } from '../../../../libs/application/index.js';
import { addMonths, REGISTRY_KEEPER, ruleSetOn } from '../../../../libs/domain/index.js';
import type { EventStore } from '../../../../libs/event-store/index.js';
import type { ClientKeyStore } from '../../../../libs/key-store/index.js';
import type { ReadStore } from '../../../../libs/read-store/index.js';
import { RequireRoles } from '../../infrastructure/auth/index.js';
import { CommandMeta } from '../../infrastructure/request-context/index.js';
import { CLOCK, EVENT_STORE, KEY_STORE, READ_STORE, type Clock } from '../../infrastructure/tokens.js';
import { IdParam } from '../shared/params.js';
import { ReadRoute } from '../shared/read-route.js';
import { ApiProblemResponses, COMMAND_PROBLEMS } from '../../infrastructure/problem/index.js';
import { ErasureAnswer, RetentionAnswer } from './admin.responses.js';
import { EraseClientDataDto } from '../../../../libs/commands/erasure/index.js';
import { RetentionQueryDto } from './admin.dto.js';

/** The register keeper's duties: the retention report and erasure. No client data is shown. */
@ApiTags('admin')
@Controller('admin')
@RequireRoles('admin')
export class AdminController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(KEY_STORE) private readonly keys: ClientKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('retention')
  @ReadRoute(
    'Clients whose retention has ended (TYP: N years after the relationship, default 4; others: 10 years after the last entry) and whose data is not yet erased',
    RetentionAnswer,
    [400, 401, 403, 503],
  )
  async retention(@Query() q: RetentionQueryDto) {
    const today = this.clock().toISOString().slice(0, 10);
    const standard = ruleSetOn(today).typRetentionYears;
    const years = q.years ?? standard;
    // Rows are due `standard` years after the end; shift the cut-off for another horizon.
    const dueOnOrBefore = addMonths(today, (standard - years) * 12);
    const rows = await this.reads.worklist({
      organisationId: REGISTRY_KEEPER,
      dueOnOrBefore,
      kinds: ['retention_period_ended'],
    });
    // A client who never had a TYP relationship is due under the records' retention (refId = the client).
    return {
      today,
      years,
      clients: rows.map((r) =>
        r.refId === r.clientId
          ? { clientId: r.clientId, retentionEndedOn: r.dueDate, basis: 'records_retention', relationshipId: null }
          : { clientId: r.clientId, retentionEndedOn: r.dueDate, basis: 'typ_retention', relationshipId: r.refId },
      ),
    };
  }

  @Post('clients/:clientId/erasure')
  @ApiOperation({
    summary: "Erase a client's personal data: record the erasure, then destroy the client's key",
    operationId: 'EraseClientData',
  })
  @ApiCreatedResponse({ type: ErasureAnswer })
  @ApiProblemResponses(...COMMAND_PROBLEMS)
  async erase(
    @IdParam('clientId') clientId: string,
    @Body() body: EraseClientDataDto,
    @CommandMeta() meta: CommandMeta,
  ): Promise<CommandResult & { erased: true }> {
    const now = this.clock();
    // The erasure is recorded first (a durable fact), then the key goes: a crash in between
    // is finished by repeating the request, as the key destruction is idempotent.
    const result = (await this.keys.isDestroyed(clientId))
      ? await this.recordedErasure(clientId)
      : await executeClientCommand(
          this.events,
          {
            clientId,
            command: { type: 'EraseClientData', data: body },
            actor: meta.principal.actor,
            correlationId: meta.correlationId,
            idempotencyKey: meta.idempotencyKey ?? `erasure:${clientId}`,
            expectedVersion: meta.expectedVersion,
          },
          now,
        );
    await this.keys.destroyKey(clientId, body.ground);
    // The answer of every command (streamVersion, position for ?minPosition=), plus the outcome.
    return { ...result, erased: true };
  }

  /** Erased before: the answer is the recorded erasure's, as a replay. */
  private async recordedErasure(clientId: string): Promise<CommandResult> {
    const { currentVersion, events } = await this.events.readStream(clientId);
    const erasure = events.findLast((e) => e.type === 'ClientDataErased') ?? events.at(-1);
    return {
      clientId,
      streamVersion: currentVersion.toString(),
      position: (erasure?.globalPosition ?? 0n).toString(),
      eventIds: erasure ? [erasure.eventId] : [],
      replayed: true,
    };
  }
}
