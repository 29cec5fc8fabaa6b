import { periodMonthsUsed } from '../../domain/index.js';

// biome-ignore lint/suspicious/noExplicitAny: a path document of the read store
type Doc = Record<string, any>;

/**
 * The 24-month gauge depends on today, so it is added when the path is read, not projected:
 * each period gets `monthsUsed` and `maxMonths` (null when its service type has no maximum).
 */
export function withPeriodLengths(path: Doc, today: string): Doc {
  const measured = (p: Doc) => {
    const used = periodMonthsUsed(p as Parameters<typeof periodMonthsUsed>[0], today);
    return { ...p, monthsUsed: used?.monthsUsed ?? null, maxMonths: used?.maxMonths ?? null };
  };
  const s = path.status as Doc | undefined;
  if (!s) return path;
  return {
    ...path,
    status: {
      ...s,
      activePeriods: (s.activePeriods ?? []).map(measured),
      endedPeriods: (s.endedPeriods ?? []).map(measured),
    },
  };
}
