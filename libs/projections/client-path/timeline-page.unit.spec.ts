import { pageTimeline, TIMELINE_CURSOR } from './timeline-page.js';
import type { TimelineEntry } from './state.js';

/** A path whose timeline has `n` entries, two a day, in business order. */
const pathOf = (n: number) => ({
  clientId: 'c-1',
  timeline: Array.from({ length: n }, (_, i) => ({
    eventId: `e-${i}`,
    position: String(i + 1),
    occurredAt: `2025-01-${String(1 + Math.floor(i / 2)).padStart(2, '0')}`,
  })) as unknown as TimelineEntry[],
});
const ids = (path: Record<string, unknown>) => (path.timeline as TimelineEntry[]).map((e) => e.eventId);

describe('timeline pages', () => {
  it('returns a short path whole', () => {
    const path = pathOf(5);
    expect(pageTimeline(path)).toEqual({ path, timelinePage: { total: 5, returned: 5, nextBefore: null } });
  });

  it('returns the newest entries first and reaches the oldest by the cursor, each once', () => {
    const path = pathOf(25);
    const first = pageTimeline(path, 10);
    expect(ids(first.path)).toEqual(Array.from({ length: 10 }, (_, i) => `e-${15 + i}`)); // in business order
    expect(first.timelinePage).toEqual({ total: 25, returned: 10, nextBefore: '2025-01-08~16' });
    expect(first.timelinePage.nextBefore).toMatch(TIMELINE_CURSOR);
    const second = pageTimeline(path, 10, first.timelinePage.nextBefore!);
    expect(ids(second.path)).toEqual(Array.from({ length: 10 }, (_, i) => `e-${5 + i}`));
    const last = pageTimeline(path, 10, second.timelinePage.nextBefore!);
    expect(ids(last.path)).toEqual(['e-0', 'e-1', 'e-2', 'e-3', 'e-4']);
    expect(last.timelinePage).toEqual({ total: 25, returned: 5, nextBefore: null });
    expect(path.timeline).toHaveLength(25); // the stored document is not changed
  });
});
