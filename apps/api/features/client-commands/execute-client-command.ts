import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuditLog } from '../../../../libs/audit-log/index.js';
import type { ClientCommand } from '../../../../libs/domain/index.js';
import type { EventStore } from '../../../../libs/event-store/index.js';
import {
  ClientAccessDeniedError,
  configureClientStateCache,
  executeClientCommand,
  observeClientStateLoads,
  useDecisionStateSnapshots,
  type CommandResult,
} from '../../../../libs/application/index.js';
import {
  API_CONFIG,
  AUDIT_LOG,
  CLOCK,
  EVENT_STORE,
  METRICS,
  READ_STORE,
  type Clock,
} from '../../infrastructure/tokens.js';
import type { ReadStoreReader } from '../../../../libs/read-store/index.js';
import { readStoreDecisionSnapshotsFor } from '../../../../libs/projections/client-path/index.js';
import type { ApiConfig } from '../../config.js';
import type { PolkuMetrics } from '../../../../libs/observability/index.js';
import type { CommandMeta } from '../../infrastructure/request-context/index.js';

export type { CommandResult };

/** A client command arriving over HTTP; the actor always comes from the token. */
export class ExecuteClientCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly command: ClientCommand,
    readonly meta: CommandMeta,
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

@CommandHandler(ExecuteClientCommand)
export class ExecuteClientCommandHandler implements ICommandHandler<ExecuteClientCommand, CommandResult> {
  private readonly logger = new Logger('ClientCommands');
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(METRICS) private readonly metrics: PolkuMetrics,
    @Inject(API_CONFIG) config: ApiConfig,
    @Inject(READ_STORE) readStore: ReadStoreReader,
  ) {
    // The store's decision-state cache and snapshots (shared with the admin erasure), set from
    // the configuration validated at start (CLIENT_STATE_CACHE_*, CLIENT_STATE_SNAPSHOTS).
    configureClientStateCache(store, config.clientStateCache);
    useDecisionStateSnapshots(
      store,
      config.clientStateCache.snapshots
        ? readStoreDecisionSnapshotsFor(store, readStore, (clientId) => {
            this.metrics.decisionStateSealFailures.inc();
            this.logger.warn(`a projected decision state failed its seal: read the whole stream (client ${clientId})`);
          })
        : null,
    );
    observeClientStateLoads(store, (from) => this.metrics.clientStateLoads.inc({ from }));
  }

  async execute({ clientId, command, meta, expectedVersion }: ExecuteClientCommand): Promise<CommandResult> {
    const p = meta.principal;
    try {
      const result = await executeClientCommand(
        this.store,
        {
          clientId,
          command,
          actor: p.actor,
          correlationId: meta.correlationId,
          idempotencyKey: meta.idempotencyKey,
          expectedVersion,
          access: { role: p.role, personId: p.personId, organisationId: p.organisationId },
        },
        this.clock(),
      );
      if (!result.replayed) this.metrics.eventsAppended.inc({ command: command.type }, result.eventIds.length);
      return result;
    } catch (error) {
      this.metrics.commandsRejected.inc({ reason: error instanceof Error ? error.name : 'unknown' });
      if (error instanceof ClientAccessDeniedError) {
        // A refused attempt on a client's data is logged like a refused read.
        await this.audit.recordUsage([
          {
            at: this.clock().toISOString(),
            personId: p.personId,
            organisationId: p.organisationId,
            role: p.role,
            clientId,
            view: `command:${command.type}`,
            purpose: null,
            outcome: 'refused',
            detail: error.reason,
            correlationId: meta.correlationId,
          },
        ]);
      }
      throw error;
    }
  }
}
