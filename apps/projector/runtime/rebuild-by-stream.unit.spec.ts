import type { ClientStream, ReadStreamsOptions } from '../../../libs/event-store/index.js';
import type { RecordedEvent } from '../../../libs/events/index.js';
import { makeEvent } from '../test/events.fixture.js';
import { applyTimeline } from '../test/timeline.projection.js';
import type { ApplyEvents } from './apply-batch.js';
import { foldedPagesHere } from './rebuild-by-stream.js';

const applyMany: ApplyEvents = (model, events) => events.reduce(applyTimeline, model)!;

/** Streams c00…c44 of one event each, except c07's, which is above the head. */
const STREAMS: ClientStream[] = Array.from({ length: 45 }, (_, i) => {
  const clientId = `c${String(i).padStart(2, '0')}`;
  const event: RecordedEvent = { ...makeEvent(clientId, 1), streamVersion: 1n, globalPosition: BigInt(i + 1) };
  return { clientId, events: clientId === 'c07' ? [] : [event] };
});

async function readStreams({ afterClientId, limit }: ReadStreamsOptions): Promise<ClientStream[]> {
  return STREAMS.filter((s) => afterClientId === null || s.clientId > afterClientId)
    .slice(0, limit)
    .map((s) => ({ ...s, events: [...s.events] }));
}

describe('foldedPagesHere', () => {
  it('fills each page with streamsPerPage streams in order, however many reads that takes', async () => {
    const pages = [];
    for await (const page of foldedPagesHere(readStreams, applyMany, 45n, 30)) pages.push(page);
    expect(pages.map((p) => p.models.map((m) => m.clientId))).toEqual([
      STREAMS.slice(0, 30)
        .filter((s) => s.clientId !== 'c07')
        .map((s) => s.clientId),
      STREAMS.slice(30).map((s) => s.clientId),
    ]);
    expect(pages.map((p) => p.events)).toEqual([29, 15]);
  });

  it('hands each folded model to `finish` and carries what it returns', async () => {
    const pages = [];
    const finish = (m: ReturnType<ApplyEvents>) => ({ ...m, lastPosition: -m.lastPosition });
    for await (const page of foldedPagesHere(readStreams, applyMany, 45n, 100, finish)) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.models.slice(0, 2).map((m) => m.lastPosition)).toEqual([-1n, -2n]);
    expect(pages[0]!.models).toHaveLength(44);
  });
});
