import type { EventData } from '@kurrent/kurrentdb-client';
import {
  aClientId,
  anEvent,
  anOldAttendanceReport,
  aRichEvent,
  currentAttendanceData,
} from '../../event-store/contract/index.js';
import { EventStoreFailureError, GENESIS_HASH } from '../../event-store/index.js';
import type { PolkuEvent } from '../../events/index.js';
import { ChainWalker } from './chain.js';
import { kurrentEventId, streamNames } from './naming.js';
import { toEventData, toRecordedEvent, type StoredRecord } from './stored-event.js';

const names = streamNames('unit');

/** What a read returns for written event data: JSON round-tripped, at a revision and commit position. */
const asRead = (data: EventData, streamId: string, revision: bigint): StoredRecord => ({
  streamId,
  type: data.type,
  revision,
  globalPosition: 1000n + revision * 300n,
  data: JSON.parse(JSON.stringify(data.data)),
  metadata: JSON.parse(JSON.stringify(data.metadata)),
});

function written(events: PolkuEvent[], fromVersion = 0n, previousHash = GENESIS_HASH): StoredRecord[] {
  const batch = toEventData(events, fromVersion, previousHash);
  return batch.data.map((d, i) => asRead(d, names.client(events[i].clientId), fromVersion + BigInt(i)));
}

describe('a Polku event stored in KurrentDB', () => {
  it('keeps type and data as the KurrentDB event, the envelope and chain link in metadata', () => {
    const client = aClientId();
    const event = aRichEvent(client);
    const batch = toEventData([event], 0n, GENESIS_HASH, 'org-1:k-1');
    expect(batch.data[0]).toMatchObject({
      id: kurrentEventId(event.eventId),
      type: event.type,
      contentType: 'application/json',
      data: event.data,
    });
    expect(batch.data[0].metadata).toEqual({
      eventId: event.eventId,
      schemaVersion: 1,
      clientId: client,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.actor,
      correlationId: event.correlationId,
      causationId: event.causationId,
      hash: batch.lastHash,
      idempotencyKey: 'org-1:k-1',
    });
    expect(batch.lastVersion).toBe(1n);
  });

  it('reads back exactly as appended, with version = revision + 1 and the commit position', () => {
    const client = aClientId();
    const sent = [aRichEvent(client), anEvent(client)];
    const read = written(sent).map(toRecordedEvent);
    expect(read).toEqual(
      sent.map((e, i) => ({ ...e, streamVersion: BigInt(i + 1), globalPosition: 1000n + BigInt(i) * 300n })),
    );
  });

  it('upcasts old schema versions on read', () => {
    const [read] = written([anOldAttendanceReport(aClientId())]).map(toRecordedEvent);
    expect(read).toMatchObject({ schemaVersion: 1, data: currentAttendanceData() });
  });

  it('refuses a KurrentDB event without Polku metadata', () => {
    const record: StoredRecord = {
      streamId: 'unit-client-x',
      type: 'PlanReviewed',
      revision: 0n,
      data: {},
      metadata: undefined,
      globalPosition: 1n,
    };
    expect(() => toRecordedEvent(record)).toThrow(EventStoreFailureError);
  });
});

describe('the hash chain over stored events', () => {
  it('verifies streams interleaved in $all order, continuing across appends', () => {
    const [a, b] = [aClientId(), aClientId()];
    const first = toEventData([anEvent(a)], 0n, GENESIS_HASH);
    const records = [
      asRead(first.data[0], names.client(a), 0n),
      ...written([aRichEvent(b), anOldAttendanceReport(b)]),
      ...written([anEvent(a)], 1n, first.lastHash),
    ];
    const walker = new ChainWalker(names);
    expect(walker.visit(records)).toBeUndefined();
    expect(walker.finish()).toEqual({ intact: true, checked: 4 });
  });

  it('names the first event that does not verify', () => {
    const client = aClientId();
    const records = written([anEvent(client), anEvent(client), anEvent(client)]);
    (records[1].data as { outcome: string }).outcome = 'edited';
    expect(new ChainWalker(names).visit(records)).toMatchObject({
      intact: false,
      clientId: client,
      streamVersion: 2n,
      globalPosition: records[1].globalPosition,
      eventId: (records[1].metadata as { eventId: string }).eventId,
      reason: expect.stringMatching(/hash mismatch/),
    });
  });

  it('reports a truncated start, a gap, a foreign event and an event in the wrong stream', () => {
    const client = aClientId();
    const records = written([anEvent(client), anEvent(client), anEvent(client)]);
    expect(new ChainWalker(names).visit(records.slice(1))).toMatchObject({
      streamVersion: 2n,
      reason: 'events 1..1 are missing (the stream was truncated or re-created)',
    });
    expect(new ChainWalker(names).visit([records[0], records[2]])).toMatchObject({
      streamVersion: 3n,
      reason: 'stream version 3, expected 2',
    });
    const foreign = { ...records[1], metadata: { note: 'written around the adapter' } };
    expect(new ChainWalker(names).visit([records[0], foreign])).toMatchObject({
      clientId: client,
      streamVersion: 2n,
      reason: expect.stringMatching(/^not a Polku event/),
    });
    const moved = { ...records[0], streamId: names.client('someone-else') };
    expect(new ChainWalker(names).visit([moved])).toMatchObject({
      clientId: client,
      reason: expect.stringMatching(/in stream unit-client-someone-else/),
    });
  });
});
