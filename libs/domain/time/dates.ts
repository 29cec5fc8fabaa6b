/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC. Business rules speak in calendar
 * days and months, so instants never enter the decisions.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const toDate = (iso: IsoDate): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
export const fromDate = (d: Date): IsoDate => d.toISOString().slice(0, 10);
/** The calendar date of an ISO instant or date. */
export const dateOf = (isoInstantOrDate: string): IsoDate => isoInstantOrDate.slice(0, 10);

export const addDays = (iso: IsoDate, days: number): IsoDate =>
  fromDate(new Date(toDate(iso).getTime() + days * DAY_MS));

/** Adds calendar months, clamping to the month's last day (31.1. + 1 month = 28.2.). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const d = toDate(iso);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fromDate(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))));
}

/** Whole days from a to b (b - a). */
export const daysBetween = (a: IsoDate, b: IsoDate): number =>
  Math.round((toDate(b).getTime() - toDate(a).getTime()) / DAY_MS);

/** Age in completed years on a date. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** ISO week key (e.g. 2025-W07) of a date: weekly limits count Monday..Sunday. */
export function isoWeek(iso: IsoDate): string {
  const d = toDate(iso);
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(d.getTime() + (3 - day) * DAY_MS);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export const monthOf = (iso: IsoDate): string => iso.slice(0, 7);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
