import { EVENT_CATALOGUE, isPolkuEventType, type DataKind } from '../../events/index.js';
import type { ClientPathState, ConsentState } from '../client-path/index.js';
import { referralAndPeriodParties } from './entry-parties.js';

/** Why an entry recorded by another organisation may be shown to the viewer. */
export type DisclosureBasis =
  | { kind: 'own_entry' }
  | { kind: 'consent'; consentId: string }
  /** Strictly necessary without consent; the code names the ground, recorded in the disclosure log. */
  | { kind: 'legal_basis'; code: 'service_provision' | 'service_coordination' | 'consent_record' }
  | { kind: 'audit' }
  | { kind: 'own_data' };

export interface EntryRef {
  /** Organisation that recorded the entry. */
  organisationId: string;
  type: string;
  /** Ids the entry refers to (referralId, periodId) to find who it concerns. */
  referralId?: string;
  periodId?: string;
}

export interface Viewer {
  organisationId: string;
  role: string;
}

export const dataKindOf = (type: string): DataKind | null =>
  isPolkuEventType(type) ? EVENT_CATALOGUE[type].dataKind : null;

const ALWAYS_SHARED = new Set(['ConsentGiven', 'ConsentLimited', 'ConsentWithdrawn']);
const COORDINATION = new Set([
  'ResponsibleOfficerAssigned',
  'ResponsibleOfficerReleased',
  'TypRelationshipStarted',
  'TypRelationshipEnded',
]);

export function activeConsents(state: ClientPathState, today: string): ConsentState[] {
  return Object.values(state.consents).filter((c) => !c.withdrawnOn && (!c.validUntil || c.validUntil >= today));
}

function consentCovering(
  state: ClientPathState,
  viewerOrg: string,
  kind: DataKind,
  today: string,
): ConsentState | undefined {
  const typParties = new Set(state.typ?.parties.map((p) => p.organisationId) ?? []);
  return activeConsents(state, today).find(
    (c) =>
      c.scope.dataKinds.includes(kind) &&
      (c.scope.organisationIds.length === 0 ? typParties.has(viewerOrg) : c.scope.organisationIds.includes(viewerOrg)),
  );
}

/** The entry concerns the viewer as party of a referral or as provider of a period. */
function concernsViewer(state: ClientPathState, viewerOrg: string, e: EntryRef): boolean {
  const r = e.referralId ? state.referrals[e.referralId] : undefined;
  if (r && (r.to.organisationId === viewerOrg || r.from.organisationId === viewerOrg)) return true;
  const p = e.periodId ? state.periods[e.periodId] : undefined;
  return !!p && (p.provider.organisationId === viewerOrg || p.recordedBy.organisationId === viewerOrg);
}

/**
 * Whether another organisation's entry is shown to a viewer, evaluated at read time:
 * after a consent is withdrawn, entries it covered disappear from that moment on.
 * Returns null when nothing allows it.
 */
export function entryVisibility(
  state: ClientPathState,
  viewer: Viewer,
  e: EntryRef,
  today: string,
): DisclosureBasis | null {
  if (viewer.role === 'auditor') return { kind: 'audit' };
  if (viewer.role === 'client') return { kind: 'own_data' };
  if (e.organisationId === viewer.organisationId) return { kind: 'own_entry' };
  if (ALWAYS_SHARED.has(e.type)) return { kind: 'legal_basis', code: 'consent_record' };
  if (COORDINATION.has(e.type)) return { kind: 'legal_basis', code: 'service_coordination' };
  if (concernsViewer(state, viewer.organisationId, e)) return { kind: 'legal_basis', code: 'service_provision' };
  const kind = dataKindOf(e.type);
  const consent = kind ? consentCovering(state, viewer.organisationId, kind, today) : undefined;
  return consent ? { kind: 'consent', consentId: consent.consentId } : null;
}

/**
 * Every organisation id entryVisibility compares a viewer with, besides the entry's own
 * recorder: the parties of the entries' referrals and periods, the TYP parties (whom a consent
 * without named organisations covers) and the organisations consents name. Kept beside the
 * rule so a change to one changes the other; holders.unit.spec.ts checks that asking only
 * these finds every identity viewer.
 */
export function disclosureSubjectIds(state: ClientPathState): string[] {
  const out = referralAndPeriodParties(state);
  for (const p of state.typ?.parties ?? []) out.push(p.organisationId);
  for (const id in state.consents) out.push(...state.consents[id]!.scope.organisationIds);
  return out;
}

export const basisLabel = (b: DisclosureBasis): string =>
  b.kind === 'consent' ? `consent:${b.consentId}` : b.kind === 'legal_basis' ? `legal_basis:${b.code}` : b.kind;
