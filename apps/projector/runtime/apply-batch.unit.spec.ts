import type { RecordedEvent } from '../../../libs/events/index.js';
import { makeEvent } from '../test/events.fixture.js';
import { applyTimeline } from '../test/timeline.projection.js';
import { applyBatch, assertAscending } from './apply-batch.js';

const recorded = (clientId: string, n: number, position: bigint): RecordedEvent => ({
  ...makeEvent(clientId, n),
  streamVersion: BigInt(n),
  globalPosition: position,
});

// The batch mechanics, with the test projection (any event shape; timeline in stream order).
describe('applyBatch', () => {
  it("folds each client's events in order and returns only changed models", () => {
    const batch = [recorded('a', 1, 1n), recorded('b', 1, 2n), recorded('a', 2, 3n)];
    const changed = applyBatch(batch, new Map(), applyTimeline);
    expect([...changed.keys()]).toEqual(['a', 'b']);
    expect(changed.get('a')!.lastPosition).toBe(3n);
    expect((changed.get('a')!.path.timeline as { position: string }[]).map((t) => t.position)).toEqual(['1', '3']);
  });

  it('skips events a stored model already contains', () => {
    const stored = applyBatch([recorded('a', 1, 1n), recorded('a', 2, 2n)], new Map(), applyTimeline);
    const changed = applyBatch([recorded('a', 2, 2n), recorded('a', 3, 3n)], stored, applyTimeline);
    expect((changed.get('a')!.path.timeline as unknown[]).length).toBe(3);
    expect(applyBatch([recorded('a', 2, 2n)], stored, applyTimeline).size).toBe(0);
  });

  it('is deterministic: same input, equal output', () => {
    const batch = [recorded('a', 1, 1n), recorded('a', 2, 2n)];
    expect(applyBatch(batch, new Map(), applyTimeline)).toEqual(applyBatch(batch, new Map(), applyTimeline));
  });
});

describe('assertAscending', () => {
  it('returns the last position of a strictly ascending batch', () => {
    expect(assertAscending([recorded('a', 1, 5n), recorded('a', 2, 9n)], 4n)).toBe(9n);
  });
  it('rejects a batch that repeats or goes back', () => {
    expect(() => assertAscending([recorded('a', 1, 4n)], 4n)).toThrow(/out of order/);
    expect(() => assertAscending([recorded('a', 1, 6n), recorded('a', 2, 5n)], 4n)).toThrow(/out of order/);
  });
});
