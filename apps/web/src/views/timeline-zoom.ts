import { type KeyboardEvent, useState } from 'react';
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

/** The zoom a timeline shows: a level and a centre day (none: the middle of the whole path). */
export type ZoomState = { level: ZoomKey; centre?: number };
/** Zoom state one or more timelines share (today's and an auditor's comparison move together). */
export type TimelineZoom = { state: ZoomState; set(next: ZoomState): void };

export function useTimelineZoom(): TimelineZoom {
  const [state, set] = useState<ZoomState>({ level: 'all' });
  return { state, set };
}

/** What the zoom controls and keys do on one timeline whose whole axis is `whole`. */
export function zoomControls(zoom: TimelineZoom, whole: Span, chosenDay: number | undefined) {
  const key = zoom.state.level;
  const centre = zoom.state.centre ?? Math.round((whole.from + whole.to) / 2);
  const span = zoomedSpan(key, centre, whole);
  const level = ZOOM_LEVELS.findIndex((z) => z.key === key);
  const setLevel = (next: ZoomKey) => zoom.set({ level: next, centre });
  const zoomTo = (index: number) => {
    const next = ZOOM_LEVELS[Math.max(0, Math.min(ZOOM_LEVELS.length - 1, index))];
    // zooming in from the whole path centres on the chosen entry, if any
    zoom.set({ level: next.key, centre: key === 'all' && chosenDay !== undefined ? chosenDay : centre });
  };
  const pan = (direction: -1 | 1) =>
    zoom.set({ level: key, centre: centre + direction * Math.round((span.to - span.from) / 2) });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLInputElement) return;
    if (e.key === '+' || e.key === '=') zoomTo(level + 1);
    else if (e.key === '-') zoomTo(level - 1);
    else if (e.key === 'ArrowLeft' && key !== 'all') pan(-1);
    else if (e.key === 'ArrowRight' && key !== 'all') pan(1);
    else return;
    e.preventDefault();
  };
  return { key, level, span, setLevel, zoomTo, pan, onKeyDown };
}
export type ZoomControls = ReturnType<typeof zoomControls>;
