import { dateOf } from '../../domain/index.js';
import { timelineOrder, type TimelineEntry } from './state.js';

/** Timeline entries per path read unless the caller asks for fewer (a long path is megabytes). */
export const TIMELINE_PAGE = 500;

/** Where the returned timeline sits in the whole one; `nextBefore` fetches the older entries. */
export interface TimelinePageInfo {
  total: number;
  returned: number;
  nextBefore: string | null;
}

/** The cursor of an entry: its business date and global position (`2025-03-01~1042`). */
export const TIMELINE_CURSOR = /^\d{4}-\d{2}-\d{2}~\d{1,18}$/;
const cursorOf = (e: TimelineEntry): string => `${dateOf(e.occurredAt)}~${e.position}`;

/**
 * The newest `limit` timeline entries before `before` (a cursor; none: the newest of all),
 * kept in the timeline's business order. A path of a few hundred entries comes whole.
 */
export function pageTimeline(
  path: Record<string, unknown>,
  limit = TIMELINE_PAGE,
  before?: string,
): { path: Record<string, unknown>; timelinePage: TimelinePageInfo } {
  const timeline = path.timeline as TimelineEntry[];
  let end = timeline.length;
  if (before !== undefined) {
    const [occurredAt, position] = before.split('~');
    const at = { occurredAt, position } as TimelineEntry;
    end = timeline.findIndex((e) => timelineOrder(e, at) >= 0);
    if (end < 0) end = timeline.length;
  }
  const start = Math.max(0, end - limit);
  const page = timeline.slice(start, end);
  return {
    path: page.length === timeline.length ? path : { ...path, timeline: page },
    timelinePage: { total: timeline.length, returned: page.length, nextBefore: start > 0 ? cursorOf(page[0]) : null },
  };
}
