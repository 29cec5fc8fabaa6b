import type { EventStore } from '../../libs/event-store/index.js';
import { executeClientCommand } from '../../libs/application/index.js';
import type { DemoClient } from './scenario.js';

/**
 * Writes the demo paths through the same command path as the API, each step recorded
 * at noon of its business day. Idempotent: steps carry idempotency keys.
 */
export async function seedDemo(
  store: EventStore,
  clients: DemoClient[],
): Promise<{ clients: number; commands: number }> {
  let commands = 0;
  for (const c of clients) {
    for (const [i, step] of c.steps.entries()) {
      await executeClientCommand(
        store,
        {
          clientId: c.clientId,
          command: step.command,
          actor: step.as,
          correlationId: `demo-${c.clientId}`,
          idempotencyKey: `demo:${c.clientId}:${i}`,
        },
        new Date(`${step.on}T12:00:00Z`),
      );
      commands += 1;
    }
  }
  return { clients: clients.length, commands };
}
