import { addDays, toDate, type IsoDate } from '../../libs/domain/index.js';

/** Dates between from and to (inclusive) that fall on the given weekdays (1 = Monday … 7 = Sunday). */
export function weekdaysBetween(from: IsoDate, to: IsoDate, weekdays: number[]): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const wd = ((toDate(d).getUTCDay() + 6) % 7) + 1;
    if (weekdays.includes(wd)) out.push(d);
  }
  return out;
}

/** Groups dates by calendar month, as providers report attendance monthly. */
export function byMonth(dates: IsoDate[]): IsoDate[][] {
  const groups = new Map<string, IsoDate[]>();
  for (const d of dates) groups.set(d.slice(0, 7), [...(groups.get(d.slice(0, 7)) ?? []), d]);
  return [...groups.values()];
}
