import type { CommandBus } from '@nestjs/cqrs';
import type { ClientCommand } from '../../../../libs/domain/index.js';
import type { CommandMeta } from '../../infrastructure/request-context/index.js';
import { ExecuteClientCommand, type CommandResult } from './execute-client-command.js';

/** Every client command controller ends here: one path through the CommandBus. */
export function runClientCommand(
  bus: CommandBus,
  clientId: string,
  command: ClientCommand,
  meta: CommandMeta,
): Promise<CommandResult> {
  return bus.execute(new ExecuteClientCommand(clientId, command, meta, meta.expectedVersion));
}
