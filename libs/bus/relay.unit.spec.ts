import { SqliteEventStore } from '../adapters/sqlite-event-store/index.js';
import { anEvent } from '../event-store/contract/builders.js';
import type { OutboundMessage } from './messages.js';
import { MemoryCheckpointStore, MemoryEventPublisher } from './memory/index.js';
import { OUTBOUND_TOPIC_SUBSCRIBERS, type Disclosure } from './disclosure.js';
import { PathEventRelay, RelayCheckpointAheadError } from './relay.js';
import { HEADERS } from './topics.js';

async function storeWith(perClient: Record<string, number>) {
  const store = SqliteEventStore.open(':memory:');
  // interleave clients so the global order differs from the per-client order
  const left = { ...perClient };
  while (Object.values(left).some((n) => n > 0)) {
    for (const c of Object.keys(left)) {
      if (left[c]-- > 0) await store.appendToStream(c, [anEvent(c)], { expectedVersion: 'any' });
    }
  }
  return store;
}

describe('PathEventRelay (memory bus)', () => {
  it('publishes every event in global order keyed by client, with type and schema headers, then saves the checkpoint', async () => {
    const store = await storeWith({ a: 3, b: 2 });
    const publisher = new MemoryEventPublisher('polku.path-events.v1');
    const checkpoints = new MemoryCheckpointStore();
    const relay = new PathEventRelay({ eventStore: store, publisher, checkpoints, batchSize: 2 });
    expect(await relay.catchUp()).toEqual({ from: 0n, to: 5n, events: 5 });
    expect(publisher.published.map((m) => m.key)).toEqual(['a', 'b', 'a', 'b', 'a']);
    const first = JSON.parse(publisher.published[0].value);
    expect(first).toMatchObject({ clientId: 'a', type: 'PlanReviewed', streamVersion: '1', globalPosition: '1' });
    expect(publisher.published[0].headers).toMatchObject({
      [HEADERS.eventType]: 'PlanReviewed',
      [HEADERS.schemaVersion]: '1',
      [HEADERS.globalPosition]: '1',
    });
    expect(await checkpoints.load(relay.name)).toBe(5n);
    expect(await relay.catchUp()).toEqual({ from: 5n, to: 5n, events: 0 });
    await store.close();
  });

  it('keeps the checkpoint when the broker fails, so the batch is published again (no gap)', async () => {
    const store = await storeWith({ a: 4 });
    const sent: OutboundMessage[] = [];
    let failures = 1;
    const publisher = {
      destination: 't',
      close: async () => {},
      publish: async (m: OutboundMessage[]) => {
        if (sent.length >= 2 && failures-- > 0) throw new Error('broker down');
        sent.push(...m);
      },
    };
    const checkpoints = new MemoryCheckpointStore();
    const relay = new PathEventRelay({ eventStore: store, publisher, checkpoints, batchSize: 2 });
    await expect(relay.catchUp()).rejects.toThrow('broker down');
    expect(await checkpoints.load(relay.name)).toBe(2n);
    await relay.catchUp();
    expect(sent.map((m) => JSON.parse(m.value).globalPosition)).toEqual(['1', '2', '3', '4']);
    await store.close();
  });

  it('records one disclosure per published event to the outbound topic subscribers; a failing recorder holds the checkpoint', async () => {
    const store = await storeWith({ a: 1, b: 1 });
    const seen: Disclosure[] = [];
    let fail = true;
    const disclosures = {
      recordDisclosures: async (d: Disclosure[]) => {
        if (fail) {
          fail = false;
          throw new Error('log down');
        }
        seen.push(...d);
      },
    };
    const at = new Date('2026-01-02T03:04:05Z');
    const checkpoints = new MemoryCheckpointStore();
    const relay = new PathEventRelay({
      eventStore: store,
      publisher: new MemoryEventPublisher('polku.path-events.v1'),
      checkpoints,
      disclosures,
      clock: () => at,
    });
    await expect(relay.catchUp()).rejects.toThrow('log down');
    expect(await checkpoints.load(relay.name)).toBe(0n);
    await relay.catchUp();
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({
      clientId: 'a',
      fromOrganisationId: 'org-typ-pori',
      eventType: 'PlanReviewed',
      dataKind: 'plans',
      recipient: OUTBOUND_TOPIC_SUBSCRIBERS,
      channel: 'kafka:polku.path-events.v1',
      disclosedAt: at,
      globalPosition: 1n,
    });
    await store.close();
  });

  it('refuses a checkpoint past the head (wrong files)', async () => {
    const store = await storeWith({ a: 1 });
    const checkpoints = new MemoryCheckpointStore();
    const relay = new PathEventRelay({ eventStore: store, publisher: new MemoryEventPublisher(), checkpoints });
    await checkpoints.save(relay.name, 9n);
    await expect(relay.catchUp()).rejects.toBeInstanceOf(RelayCheckpointAheadError);
    await store.close();
  });
});
