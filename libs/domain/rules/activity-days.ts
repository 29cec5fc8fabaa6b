import { addMonths, type IsoDate } from '../time/index.js';

/**
 * Attended days in the 12 months ending on `windowEnd` (inclusive): the window is
 * (windowEnd - 12 months, windowEnd]. Dates must be unique.
 */
export function kutyDaysInWindow(dates: readonly IsoDate[], windowEnd: IsoDate): number {
  const windowStartExclusive = addMonths(windowEnd, -12);
  let n = 0;
  for (const d of dates) if (d > windowStartExclusive && d <= windowEnd) n += 1;
  return n;
}

/**
 * The largest number of attended days in any 12-month window. The maximum is always
 * reached by a window ending on an attended day, so only those windows are checked
 * (two pointers over the sorted dates).
 */
export function maxDaysInAny12Months(
  dates: readonly IsoDate[],
  endingOnOrAfter?: IsoDate,
): { days: number; windowEnd: IsoDate | null } {
  const sorted = [...dates].sort();
  let best = 0;
  let bestEnd: IsoDate | null = null;
  let start = 0;
  // `endingOnOrAfter`: only windows ending then or later (the ones new dates can change)
  let end = 0;
  if (endingOnOrAfter !== undefined) while (end < sorted.length && sorted[end] < endingOnOrAfter) end += 1;
  for (; end < sorted.length; end++) {
    const windowStartExclusive = addMonths(sorted[end], -12);
    while (sorted[start] <= windowStartExclusive) start += 1;
    const count = end - start + 1;
    if (count > best) {
      best = count;
      bestEnd = sorted[end];
    }
  }
  return { days: best, windowEnd: bestEnd };
}
