import {
  basisLabel,
  entryVisibility,
  identityVisibility,
  type ClientPathState,
  type DisclosureBasis,
  type EntryRef,
  type Viewer,
} from '../../domain/index.js';
import type { TimelineEntry } from './state.js';

export interface Disclosure {
  /** Organisation whose entries are shown to the viewer. */
  fromOrganisationId: string;
  basis: string;
  entries: number;
}

// biome-ignore lint/suspicious/noExplicitAny: the filter walks documents of every entry kind
type Doc = Record<string, any>;

const refOf = (e: TimelineEntry): EntryRef => {
  const d = (e.data ?? {}) as { referralId?: string; periodId?: string };
  return { organisationId: e.organisationId, type: e.type, referralId: d.referralId, periodId: d.periodId };
};

/**
 * The path as one viewer may see it: other organisations' entries only where consent or a
 * recorded legal basis allows, evaluated now. Also returns what was disclosed, by whom,
 * on which basis, for the disclosure log. `hiddenEntries` counts, per organisation, the
 * entries this viewer may not see (shown as hidden, not silently missing).
 */
export function pathForViewer(
  path: Doc,
  state: ClientPathState,
  viewer: Viewer,
  today: string,
): { path: Doc; disclosures: Disclosure[] } {
  const tally = new Map<string, Disclosure>();
  const seen = (org: string, basis: DisclosureBasis) => {
    if (basis.kind === 'own_entry' || org === viewer.organisationId) return;
    const key = `${org}|${basisLabel(basis)}`;
    const d = tally.get(key) ?? { fromOrganisationId: org, basis: basisLabel(basis), entries: 0 };
    d.entries += 1;
    tally.set(key, d);
  };
  // What consent hides is counted per organisation, so a reader sees that entries are hidden, not what they are.
  const hidden = new Map<string, number>();
  const visible = (ref: EntryRef): boolean => {
    const basis = entryVisibility(state, viewer, ref, today);
    if (basis) seen(ref.organisationId, basis);
    else hidden.set(ref.organisationId, (hidden.get(ref.organisationId) ?? 0) + 1);
    return basis !== null;
  };
  // Hidden timeline entries also hide the status items they produced.
  const timeline = (path.timeline as TimelineEntry[]).filter((e) => visible(refOf(e)));
  const quiet = (ref: EntryRef) => entryVisibility(state, viewer, ref, today) !== null;
  const s = path.status as Doc;
  const periodVisible = (p: Doc) =>
    quiet({ organisationId: p.recordedBy.organisationId, type: 'ServicePeriodStarted', periodId: p.periodId });
  const referralVisible = (r: Doc) =>
    quiet({ organisationId: r.from.organisationId, type: 'ReferralMade', referralId: r.referralId });
  const lastBenefit = [...timeline].reverse().find((e) => e.type === 'BenefitStatusRecorded');
  const status = {
    ...s,
    currentBenefit: lastBenefit ? s.currentBenefit : null,
    plans: (s.plans as Doc[]).filter((p) => quiet({ organisationId: p.organisationId, type: 'PlanReviewed' })),
    openReferrals: (s.openReferrals as Doc[]).filter(referralVisible),
    referrals: (s.referrals as Doc[]).filter(referralVisible),
    activePeriods: (s.activePeriods as Doc[]).filter(periodVisible),
    endedPeriods: (s.endedPeriods as Doc[]).filter(periodVisible),
    deadlines: (s.deadlines as Doc[]).filter(
      (d) => viewer.role === 'auditor' || (d.organisationIds as string[]).includes(viewer.organisationId),
    ),
  };
  const profile = identityVisibility(state, viewer, today) ? path.profile : null;
  const hiddenEntries = [...hidden].map(([organisationId, entries]) => ({ organisationId, entries }));
  return { path: { ...path, profile, status, timeline, hiddenEntries }, disclosures: [...tally.values()] };
}
