import type { ClientPathState } from '../client-path/index.js';

/**
 * The organisations party to the client's referrals (sender, receiver) and service periods
 * (provider, recorder), whatever their status: both access rules compare with these, so their
 * subject lists (relationshipSubjectIds, disclosureSubjectIds) share one walk.
 */
export function referralAndPeriodParties(state: ClientPathState): string[] {
  const out: string[] = [];
  for (const id in state.referrals) {
    const r = state.referrals[id]!;
    out.push(r.from.organisationId, r.to.organisationId);
  }
  for (const id in state.periods) {
    const p = state.periods[id]!;
    out.push(p.provider.organisationId, p.recordedBy.organisationId);
  }
  return out;
}
