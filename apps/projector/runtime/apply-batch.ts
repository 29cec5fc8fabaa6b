import type { RecordedEvent } from '../../../libs/events/index.js';
import type { ClientReadModel } from '../../../libs/read-store/index.js';

export type ApplyEvent = (model: ClientReadModel | undefined, event: RecordedEvent) => ClientReadModel;
/** Applies one client's events of a batch at once (the path document is rebuilt once, not per event). */
export type ApplyEvents = (model: ClientReadModel | undefined, events: RecordedEvent[]) => ClientReadModel;

/** Same result as applyBatch with per-event application, but one call per client. */
export function applyBatchByClient(
  batch: RecordedEvent[],
  stored: Map<string, ClientReadModel>,
  applyMany: ApplyEvents,
): Map<string, ClientReadModel> {
  const byClient = new Map<string, RecordedEvent[]>();
  for (const event of batch) {
    const model = stored.get(event.clientId);
    if (model && event.globalPosition <= model.lastPosition) continue;
    const list = byClient.get(event.clientId);
    if (list) list.push(event);
    else byClient.set(event.clientId, [event]);
  }
  const changed = new Map<string, ClientReadModel>();
  for (const [clientId, events] of byClient) changed.set(clientId, applyMany(stored.get(clientId), events));
  return changed;
}

/**
 * Folds one batch (global order) into the stored models of its clients; returns the models
 * that changed. An event at or below a model's lastPosition is skipped: defensive against
 * an overlapping run having written the model past the stored checkpoint.
 */
export function applyBatch(
  batch: RecordedEvent[],
  stored: Map<string, ClientReadModel>,
  apply: ApplyEvent,
): Map<string, ClientReadModel> {
  const changed = new Map<string, ClientReadModel>();
  for (const event of batch) {
    const model = changed.get(event.clientId) ?? stored.get(event.clientId);
    if (model && event.globalPosition <= model.lastPosition) continue;
    changed.set(event.clientId, apply(model, event));
  }
  return changed;
}

/** The port promises strictly increasing positions after `after`; anything else is a store bug. */
export function assertAscending(batch: RecordedEvent[], after: bigint): bigint {
  let previous = after;
  for (const event of batch) {
    if (event.globalPosition <= previous) {
      throw new Error(`Event store returned position ${event.globalPosition} after ${previous}: out of order`);
    }
    previous = event.globalPosition;
  }
  return previous;
}
