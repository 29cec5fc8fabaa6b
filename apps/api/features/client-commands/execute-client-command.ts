import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ClientCommand } from '../../../../libs/domain/index.js';
import type { EventStore } from '../../../../libs/event-store/index.js';
import { executeClientCommand, type CommandResult } from '../../../../libs/application/index.js';
import { CLOCK, EVENT_STORE, type Clock } from '../../infrastructure/tokens.js';
import type { CommandMeta } from '../../infrastructure/request-context/index.js';

export type { CommandResult };

/** A client command arriving over HTTP; the actor always comes from the token. */
export class ExecuteClientCommand extends Command<CommandResult> {
  constructor(
    readonly clientId: string,
    readonly command: ClientCommand,
    readonly meta: CommandMeta,
    readonly expectedVersion?: bigint,
  ) { super(); }
}

@CommandHandler(ExecuteClientCommand)
export class ExecuteClientCommandHandler implements ICommandHandler<ExecuteClientCommand, CommandResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(CLOCK) private readonly clock: Clock) {}

  execute({ clientId, command, meta, expectedVersion }: ExecuteClientCommand): Promise<CommandResult> {
    return executeClientCommand(this.store, {
      clientId, command, actor: meta.principal.actor, correlationId: meta.correlationId,
      idempotencyKey: meta.idempotencyKey, expectedVersion,
    }, this.clock());
  }
}
