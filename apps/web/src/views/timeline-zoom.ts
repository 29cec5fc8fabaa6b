import { dayOf, isoOfDay } from './path-model';

/** The zoom levels, widest first: the whole path, then ten years down to one month (in days). */
export const ZOOM_LEVELS = [
  { key: 'all', days: 0 },
  { key: 'years10', days: 3653 },
  { key: 'years5', days: 1826 },
  { key: 'years2', days: 730 },
  { key: 'year1', days: 365 },
  { key: 'months6', days: 182 },
  { key: 'months3', days: 91 },
  { key: 'month1', days: 30 },
] as const;
export type ZoomKey = (typeof ZOOM_LEVELS)[number]['key'];

export type Span = { from: number; to: number };

/** The span a zoom level shows around a centre day; the whole path for `all`. */
export function zoomedSpan(level: ZoomKey, centre: number, whole: Span): Span {
  const days = ZOOM_LEVELS.find((z) => z.key === level)?.days ?? 0;
  if (days === 0) return whole;
  const from = Math.round(centre - days / 2);
  return { from, to: from + days };
}

/** Axis ticks that fit the span: years on wide spans, months below two years, weeks on one month. */
export function ticksOf(span: Span): { day: number; label: string }[] {
  const width = span.to - span.from;
  const ticks: { day: number; label: string }[] = [];
  const first = isoOfDay(span.from);
  if (width > 800) {
    const step = width > 3000 ? 2 : 1;
    for (let y = Number(first.slice(0, 4)) + 1; dayOf(`${y}-01-01`) <= span.to; y += step)
      ticks.push({ day: dayOf(`${y}-01-01`), label: String(y) });
  } else if (width > 45) {
    const step = width > 400 ? 3 : 1;
    let [y, m] = first.slice(0, 7).split('-').map(Number);
    for (;;) {
      m += step;
      while (m > 12) {
        m -= 12;
        y += 1;
      }
      const iso = `${y}-${String(m).padStart(2, '0')}-01`;
      if (dayOf(iso) > span.to) break;
      ticks.push({ day: dayOf(iso), label: iso.slice(0, 7) });
    }
  } else {
    for (let d = span.from + 1; d <= span.to; d += 7) ticks.push({ day: d, label: isoOfDay(d).slice(5) });
  }
  return ticks;
}
