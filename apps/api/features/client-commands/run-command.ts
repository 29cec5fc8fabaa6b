import type { CommandBus } from '@nestjs/cqrs';
import type { ClientCommand } from '../../../../libs/domain/index.js';
import type { CommandMeta } from '../../infrastructure/request-context/index.js';
import { ProblemException } from '../../infrastructure/problem/index.js';
import { ProblemTypes } from '../../infrastructure/problem/problem-types.js';
import { ExecuteClientCommand, type CommandResult } from './execute-client-command.js';

/** `If-Match: "7"` (or 7) → 7n: the caller's view of the stream; a mismatch is a 409. */
export function parseIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,18})"?\s*$/.exec(header);
  if (!m) {
    throw new ProblemException({ type: ProblemTypes.invalidHeader, title: 'Invalid header', status: 400,
      detail: 'If-Match must be the stream version returned by the previous command, e.g. "7"', header: 'If-Match' });
  }
  return BigInt(m[1]);
}

/** Every client command controller ends here: one path through the CommandBus. */
export function runClientCommand(
  bus: CommandBus, clientId: string, command: ClientCommand, meta: CommandMeta, ifMatch?: string,
): Promise<CommandResult> {
  return bus.execute(new ExecuteClientCommand(clientId, command, meta, parseIfMatch(ifMatch)));
}
