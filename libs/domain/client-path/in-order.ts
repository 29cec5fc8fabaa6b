import type { ClientPathState, ConsentState, PeriodState, PlanState, ReferralState } from './state.js';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A record's values in a fixed order: by date, then by key. In memory a record keeps its
 * insertion order, but a stored copy need not (PostgreSQL's jsonb sorts keys), so nothing
 * derived from a state must depend on it: a model built live from a stored one and one
 * rebuilt from the events must be identical.
 */
export function inDateOrder<T>(record: Record<string, T>, dateOf: (value: T) => string): T[] {
  return Object.entries(record)
    .sort(([ka, a], [kb, b]) => compare(dateOf(a), dateOf(b)) || compare(ka, kb))
    .map(([, value]) => value);
}

/** Plans by agreement date. */
export const plansOf = (s: ClientPathState): PlanState[] => inDateOrder(s.plans, (p) => p.agreedOn);
/** Service periods by start date. */
export const periodsOf = (s: ClientPathState): PeriodState[] => inDateOrder(s.periods, (p) => p.startDate);
/** Referrals by the date made. */
export const referralsOf = (s: ClientPathState): ReferralState[] => inDateOrder(s.referrals, (r) => r.madeOn);
/** Consents by the date given. */
export const consentsOf = (s: ClientPathState): ConsentState[] => inDateOrder(s.consents, (c) => c.givenOn);
