import type { components } from './schema';

/**
 * The workspace's own, looser views of some answers (optional fields the pages tolerate
 * missing). Where the pages need the exact shape they take it from the generated document
 * (`components['schemas'][…]`, as TimelineEntry and NamedPerson below); the rest moves there
 * as the pages are tightened.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  rule?: string;
  field?: string;
  errors?: { field: string; message: string }[];
}

export interface CommandResult {
  clientId: string;
  streamVersion: number;
  position: string;
  replayed?: boolean;
}

export interface OrganisationRef {
  organisationId: string;
  organisationType: string;
  name?: string;
}

/** A person an organisation named on the client, in a role (own instructor: of one period). */
export type NamedPerson = components['schemas']['NamedPersonView'];

/** A timeline entry as the document describes it. */
export type TimelineEntry = components['schemas']['TimelineEntryView'];

export interface PeriodStatus {
  periodId: string;
  serviceType: string;
  serviceName?: string;
  status: string;
  provider: OrganisationRef;
  recordedBy: OrganisationRef;
  startDate: string;
  plannedEndDate?: string;
  endDate?: string;
  attendedDays?: number;
  activityDaysInLast12Months?: number;
  maxActivityDaysIn12Months?: number;
  maxEndDate?: string | null;
  /** The 24-month gauge: whole months run of maxMonths (the API counts them, to the end or today). */
  monthsUsed?: number | null;
  maxMonths?: number | null;
  endReason?: string;
  continuation?: string;
  nextGoalReviewDue?: string | null;
  ownInstructor?: NamedPerson | null;
}

export interface PlanStatus {
  planId: string;
  kind: string;
  agreedOn: string;
  organisationId: string;
  nextReviewDue?: string | null;
}
export interface ReferralStatus {
  referralId: string;
  serviceType: string;
  madeOn: string;
  status: string;
  from: OrganisationRef;
  to: OrganisationRef;
  answeredOn?: string;
  answerDue?: string;
}

export interface ClientPath {
  clientId: string;
  profile: { fullName?: string; birthDate?: string; municipality?: string } | null;
  organisations: string[];
  timeline: TimelineEntry[];
  hiddenEntries?: { organisationId: string; entries: number }[];
  status: {
    typRelationship: { startDate: string; parties: OrganisationRef[] } | null;
    plans: PlanStatus[];
    openReferrals: ReferralStatus[];
    referrals: ReferralStatus[];
    activePeriods: PeriodStatus[];
    endedPeriods: PeriodStatus[];
    people: (NamedPerson & { lead: boolean })[];
    leadOfficer?: NamedPerson | null;
    deadlines: Deadline[];
  };
}
export interface ClientPathResponse {
  path: ClientPath;
  projectedPosition?: string;
}

export interface Deadline {
  kind: string;
  dueDate: string;
  refId?: string;
  description?: string;
}
export interface Caseload {
  personId: string;
  clients: { clientId: string; fullName?: string; deadlines?: Deadline[]; [key: string]: unknown }[];
}
export interface WorklistItem {
  clientId: string;
  kind: string;
  dueDate: string;
  overdue: boolean;
  refId?: string;
  description?: string;
}
export interface Worklist {
  organisationId: string;
  today: string;
  items: WorklistItem[];
  nextCursor: string | null;
}
/** The document types `participants` as the whole schema map (a nested DTO without its schema). */
export interface GoalReviewBody {
  heldOn: string;
  participants: { client: boolean; responsibleOfficerId?: string; ownInstructorId?: string };
  assessment: string;
}

export interface ReplayedPath extends ClientPath {
  mode: { kind: 'as_known_on' | 'as_of'; date: string };
}

export interface UsageEntry {
  id: string;
  at: string;
  personId: string | null;
  organisationId: string | null;
  role: string | null;
  view: string;
  purpose: string | null;
  outcome: string;
}
export interface DisclosureEntry {
  id: string;
  at: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  toPersonId?: string;
  what: string;
  basis: string;
  channel: string;
}
export interface AccessLog {
  clientId: string;
  usage: UsageEntry[];
  disclosures: DisclosureEntry[];
}
