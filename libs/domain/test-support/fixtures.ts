/**
 * Test fixtures for the domain: organisations, actors, a decision context with a fixed
 * `today`, and complete default payloads (benefit status, kuty plan items, period).
 * Pure (no jest, no I/O) so it also compiles in the production build.
 */
import type {
  Actor,
  BenefitStatusRecorded,
  KutyPlanItems,
  OrganisationRef,
  ProviderKind,
  ServicePeriodStarted,
} from '../../events/index.js';
import type { DecisionContext } from '../decisions/index.js';
import type { RuleSet } from '../rule-sets/index.js';
import type { IsoDate } from '../time/index.js';

/** The fixed "today" of every test unless a test says otherwise. */
export const TODAY: IsoDate = '2026-06-30';
export const CLIENT_ID = 'client-1';

export const ORG = {
  employment: { organisationId: 'tyollisyysalue-1', organisationType: 'employment_authority' },
  county: { organisationId: 'hyvinvointialue-1', organisationType: 'wellbeing_county' },
  kela: { organisationId: 'kela', organisationType: 'kela' },
  association: { organisationId: 'yhdistys-1', organisationType: 'provider' },
  company: { organisationId: 'yritys-1', organisationType: 'provider' },
} as const satisfies Record<string, OrganisationRef>;

export type OrgKey = keyof typeof ORG;

export const actorOf = (org: OrgKey | OrganisationRef, personId = 'person-1'): Actor => {
  const o = typeof org === 'string' ? ORG[org] : org;
  return {
    personId,
    displayName: `Officer ${personId}`,
    organisationId: o.organisationId,
    organisationType: o.organisationType,
  };
};

export interface ContextOptions {
  today?: IsoDate;
  ruleSetFor?: (date: IsoDate) => RuleSet;
  personId?: string;
}

/** A decision context acting for `org`, with a fixed today and deterministic ids. */
export function contextOf(org: OrgKey | OrganisationRef = 'employment', opts: ContextOptions = {}): DecisionContext {
  let n = 0;
  return {
    actor: actorOf(org, opts.personId),
    today: opts.today ?? TODAY,
    newId: () => `id-${++n}`,
    ...(opts.ruleSetFor ? { ruleSetFor: opts.ruleSetFor } : {}),
  };
}

export type BenefitData = BenefitStatusRecorded['data'];

/** A status that meets no activation-plan criterion in either age band. */
export const NOT_ELIGIBLE_BENEFIT: BenefitData = {
  asOf: '2025-01-01',
  currentBenefit: 'labour_market_subsidy',
  labourMarketSubsidyDaysLast12Months: 0,
  labourMarketSubsidyDaysTotal: 0,
  earningsRelatedMaximumUsed: false,
  labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 0,
  socialAssistanceMonthsAsMainIncome: 0,
};

/** A 25+ client on labour market subsidy with 600 days in total: eligible. */
export const ELIGIBLE_BENEFIT: BenefitData = {
  ...NOT_ELIGIBLE_BENEFIT,
  labourMarketSubsidyDaysLast12Months: 250,
  labourMarketSubsidyDaysTotal: 600,
};

export const KUTY = 'rehabilitative_work_activity';
export const KUTY_START: IsoDate = '2025-01-15';

/** Complete kuty items (every item law 189/2001 asks for), at an association. */
export const kutyItems = (over: Partial<KutyPlanItems> = {}): KutyPlanItems => ({
  goal: 'Daily rhythm and work-ability assessment',
  description: 'Kitchen and recycling work in a workshop',
  place: 'Workshop, Pori',
  providerId: ORG.association.organisationId,
  providerKind: 'association',
  hoursPerDay: 6,
  daysPerWeek: 3,
  startDate: KUTY_START,
  lengthMonths: 6,
  supportAndGuidance: 'Own instructor weekly; social counsellor monthly',
  otherServices: 'Mental-health nurse visits',
  assessmentDate: '2025-07-14',
  ...over,
});

export type PeriodData = ServicePeriodStarted['data'];

export const providerRef = (kind: ProviderKind = 'association'): PeriodData['provider'] => ({
  ...(kind === 'company' ? ORG.company : ORG.association),
  providerKind: kind,
});

/** A 6-month kuty period at the association, 3 days × 6 hours a week. */
export const periodData = (over: Partial<PeriodData> = {}): PeriodData => ({
  periodId: 'period-1',
  serviceType: KUTY,
  provider: providerRef('association'),
  planId: 'activation-1',
  startDate: KUTY_START,
  plannedEndDate: '2025-07-14',
  daysPerWeek: 3,
  hoursPerDay: 6,
  ...over,
});
