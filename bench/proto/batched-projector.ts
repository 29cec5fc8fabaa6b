/**
 * PROTOTYPE (bench only): the projector with the fix proposed for
 * apps/projector/runtime/projector.ts + apply-batch.ts — fold each client's events of a batch
 * with one `applyEvents` call (path view and row sets rebuilt once per client per batch
 * instead of once per event). Same read-store port, same checkpoint-per-batch commit.
 */
import type { EventStore } from '../../libs/event-store/index.js';
import type { RecordedEvent } from '../../libs/events/index.js';
import type { ClientReadModel, ReadStore } from '../../libs/read-store/index.js';
import { applyEvents } from '../../libs/projections/client-path/index.js';

export function applyBatchGrouped(batch: RecordedEvent[], stored: Map<string, ClientReadModel>): Map<string, ClientReadModel> {
  const byClient = new Map<string, RecordedEvent[]>();
  for (const e of batch) {
    const list = byClient.get(e.clientId);
    if (list) list.push(e); else byClient.set(e.clientId, [e]);
  }
  const changed = new Map<string, ClientReadModel>();
  for (const [clientId, events] of byClient) {
    const model = stored.get(clientId);
    const fresh = model ? events.filter((e) => e.globalPosition > model.lastPosition) : events;
    if (fresh.length > 0) changed.set(clientId, applyEvents(model, fresh));
  }
  return changed;
}

export async function rebuildGrouped(eventStore: EventStore, readStore: ReadStore, batchSize: number): Promise<{ events: number; to: bigint }> {
  await readStore.reset();
  const head = await eventStore.headPosition();
  let position = 0n;
  let events = 0;
  while (position < head) {
    const batch = await eventStore.readAll({ after: position, limit: batchSize });
    if (batch.length === 0) break;
    const stored = await readStore.getClients([...new Set(batch.map((e) => e.clientId))]);
    const changed = applyBatchGrouped(batch, stored);
    position = batch[batch.length - 1].globalPosition;
    await readStore.commitBatch([...changed.values()], position);
    events += batch.length;
  }
  return { events, to: position };
}

/**
 * PROTOTYPE (bench only) of a rebuild that reads stream by stream: from position 0 into an
 * empty read store every client's model is folded once from its whole stream and written
 * once (O(events) work), instead of re-reading and rewriting the growing model for each
 * batch it appears in (O(events²) per client). Events past the head seen at the start are
 * left to the normal catch-up; the checkpoint is set to that head at the end. Needs the
 * stream ids: the port has no `listStreams()`, so the caller passes them (see README).
 */
export async function rebuildByStream(
  eventStore: EventStore, readStore: ReadStore, clientIds: Iterable<string>, commitEvery: number,
  shape: (model: ClientReadModel) => ClientReadModel = (m) => m,
): Promise<{ events: number; to: bigint }> {
  await readStore.reset();
  const head = await eventStore.headPosition();
  let events = 0;
  let models: ClientReadModel[] = [];
  for (const clientId of clientIds) {
    const { events: stream } = await eventStore.readStream(clientId);
    const upToHead = stream[stream.length - 1]?.globalPosition > head ? stream.filter((e) => e.globalPosition <= head) : stream;
    if (upToHead.length === 0) continue;
    models.push(shape(applyEvents(undefined, upToHead)));
    events += upToHead.length;
    if (models.length >= commitEvery) {
      await readStore.commitBatch(models, 0n); // checkpoint stays 0 until the end: a crash restarts the rebuild
      models = [];
    }
  }
  await readStore.commitBatch(models, head);
  return { events, to: head };
}

/**
 * MEASUREMENT ONLY of the proposed read-model change: the timeline is kept once (in the path
 * document) instead of twice (path + carried state). Not a correct projection as it stands —
 * an incremental update would need the timeline back from the path — it shows the write cost.
 */
export const withoutStateTimeline = (m: ClientReadModel): ClientReadModel => ({ ...m, state: { ...m.state, timeline: [] } });

/** The read-store tables without the CHECK (json_valid(...)) constraints (bench-only schema). */
export const LEAN_READ_SCHEMA = (schemaSql: string): string => schemaSql
  .replace(/ CHECK \(json_valid\(path\)\)/, '').replace(/ CHECK \(json_valid\(state\)\)/, '');
