import type { ClientPathState } from '../client-path/index.js';
import { referralAndPeriodParties } from './entry-parties.js';

/**
 * Why a person or organisation has a technically verified client relationship
 * (law 703/2023: access only where a client relationship exists).
 */
export type RelationshipBasis =
  | 'registering_organisation'
  | 'typ_party' // the organisation takes part in the active TYP relationship
  | 'referral_party' // party to an open or accepted referral
  | 'service_period_party' // provider or recorder of an active (or paused) period
  | 'named_person' // named on the client by their organisation (responsible officer, named worker)
  | 'own_instructor'; // the own instructor of an active period

export interface AccessSubject {
  personId: string;
  organisationId: string;
}

export function relationshipBases(state: ClientPathState, who: AccessSubject): RelationshipBasis[] {
  const org = who.organisationId;
  const out: RelationshipBasis[] = [];
  if (state.registeredBy?.organisationId === org) out.push('registering_organisation');
  if (state.typ?.parties.some((p) => p.organisationId === org)) out.push('typ_party');
  // An accepted referral keeps the relationship until the period it led to has ended.
  const periodEnded = (referralId: string) =>
    Object.values(state.periods).some((p) => p.referralId === referralId && p.status === 'ended');
  const live = (r: ClientPathState['referrals'][string]) =>
    r.status === 'open' || (r.status === 'accepted' && !periodEnded(r.referralId));
  if (
    Object.values(state.referrals).some(
      (r) => live(r) && (r.from.organisationId === org || r.to.organisationId === org),
    )
  ) {
    out.push('referral_party');
  }
  const active = Object.values(state.periods).filter((p) => p.status !== 'ended');
  if (active.some((p) => p.provider.organisationId === org || p.recordedBy.organisationId === org))
    out.push('service_period_party');
  const named = state.people.filter((p) => p.personId === who.personId);
  if (named.some((p) => p.role !== 'own_instructor')) out.push('named_person');
  if (named.some((p) => p.role === 'own_instructor')) out.push('own_instructor');
  return out;
}

/**
 * Every id relationshipBases compares a subject with: the organisations and persons in the
 * fields it reads, whatever their status. Kept beside the rule so a change to one changes the
 * other; holders.unit.spec.ts checks that asking only these finds every holder.
 */
export function relationshipSubjectIds(state: ClientPathState): string[] {
  const out: string[] = [];
  if (state.registeredBy) out.push(state.registeredBy.organisationId);
  for (const p of state.typ?.parties ?? []) out.push(p.organisationId);
  out.push(...referralAndPeriodParties(state));
  for (const p of state.people) out.push(p.personId, p.organisation.organisationId);
  return out;
}
