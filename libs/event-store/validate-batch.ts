import type { PolkuEvent } from '../events/index.js';
import { DuplicateEventIdError, InvalidAppendError } from './adapter-errors.js';

/** What every adapter refuses before touching storage: empty batches, foreign events, repeated ids. */
export function validateBatch(clientId: string, events: PolkuEvent[]): void {
  if (events.length === 0) throw new InvalidAppendError(`Nothing to append to client stream ${clientId}`);
  const ids = new Set<string>();
  for (const event of events) {
    if (event.clientId !== clientId) {
      throw new InvalidAppendError(`Event ${event.eventId} belongs to client ${event.clientId}, not ${clientId}`);
    }
    if (ids.has(event.eventId)) throw new DuplicateEventIdError(event.eventId);
    ids.add(event.eventId);
  }
}
