import type { TFunction } from 'i18next';
import type { TimelineEntry } from '../api/gaps';

/** The fields of an entry's `data` the descriptions read (the event catalogue, libs/events). */
interface EntryFacts {
  municipality?: string;
  scope?: { dataKinds?: string[] };
  parties?: { organisationId: string; name?: string }[];
  reason?: string;
  needs?: unknown[];
  currentBenefit?: string;
  kuty?: { place?: string };
  requestedByClient?: boolean;
  serviceType?: string;
  to?: { organisationId: string; name?: string };
  provider?: { organisationId: string; name?: string };
  endReason?: string;
  continuation?: string;
  daysPerWeek?: number;
  hoursPerDay?: number;
  place?: string;
  plannedEndDate?: string;
  attendedDates?: unknown[];
  exceptions?: { rule: string }[];
  absentDates?: unknown[];
  endAssessment?: boolean;
  tool?: string;
  role?: string;
  personName?: string;
  lead?: boolean;
  officerName?: string;
  instructorName?: string;
  ground?: string;
}

const ERASED = '[erased]'; // libs/events ERASED
const NONE = '\u0000'; // no template: no text a template could be

/** A label inside a sentence: lower case first, except an acronym (VAT, FPA). */
const inSentence = (label: string): string =>
  /^\p{Lu}\p{Lu}/u.test(label) ? label : label.charAt(0).toLocaleLowerCase() + label.slice(1);
const capitalised = (label: string): string => label.charAt(0).toLocaleUpperCase() + label.slice(1);

/**
 * What a timeline entry says, in the current language: the `entries` template of its type
 * filled with its facts (service types, enum values and organisation names in the user's
 * words). An unknown type keeps the API's English `summary`.
 */
export function describeEntry(entry: TimelineEntry, t: TFunction, names: Map<string, string>): string {
  const type = entry.type;
  // `count` finds a type that has only plural forms too
  if (t(type, { ns: 'entries', count: 2, defaultValue: NONE }) === NONE) return entry.summary;
  const d = (entry.data ?? {}) as EntryFacts;
  const value = (code: string | undefined) =>
    inSentence(t(`values.${code}`, { ns: 'commands', defaultValue: (code ?? '').replace(/_/g, ' ') }));
  const service = (code: string | undefined) =>
    t(`serviceType.${code}`, { defaultValue: (code ?? '').replace(/_/g, ' ') });
  const organisation = (o?: { organisationId: string; name?: string }) =>
    o ? (o.name ?? names.get(o.organisationId) ?? o.organisationId) : '';
  const words = (key: string, options: Record<string, unknown> = {}) => t(key, { ns: 'entries', ...options });
  // a personal value after erasure reads "[erased]" in the data: said in the reader's language
  const personal = (v: string | undefined) => (v === ERASED ? words('erasedValue') : v);

  switch (type) {
    case 'ConsentGiven':
    case 'ConsentLimited':
      return words(type, { dataKinds: (d.scope?.dataKinds ?? []).map(value).join(', ') });
    case 'TypRelationshipStarted':
      return words(type, { parties: (d.parties ?? []).map(organisation).join(', ') });
    case 'TypRelationshipEnded':
      return words(type, { reason: value(d.reason) });
    case 'ServiceNeedAssessmentRecorded':
      return words(type, { count: d.needs?.length ?? 0 });
    case 'BenefitStatusRecorded':
      return words(type, { benefit: value(d.currentBenefit) });
    case 'ActivationPlanAgreed':
    case 'MultisectoralPlanAgreed':
      return words(type, { context: d.kuty ? 'kuty' : undefined, place: personal(d.kuty?.place) });
    case 'PlanReviewed': {
      const context = [d.requestedByClient && 'client', d.kuty && 'kuty'].filter(Boolean).join('_');
      return words(type, { context: context || undefined });
    }
    case 'ReferralMade':
      return words(type, { service: inSentence(service(d.serviceType)), organisation: organisation(d.to) });
    case 'ServicePeriodStarted': {
      const label = service(d.serviceType);
      return words(type, {
        service: inSentence(label),
        Service: capitalised(label),
        organisation: organisation(d.provider),
      });
    }
    case 'ServicePeriodEnded':
      return words(type, { reason: value(d.endReason), continuation: value(d.continuation) });
    case 'ServicePeriodChanged': {
      const changes = [
        d.daysPerWeek && words('periodChange_days', { count: d.daysPerWeek }),
        d.hoursPerDay && words('periodChange_hours', { count: d.hoursPerDay }),
        d.place && words('periodChange_place'),
        d.plannedEndDate && words('periodChange_end', { date: d.plannedEndDate }),
      ];
      return words(type, { changes: changes.filter(Boolean).join(', ') });
    }
    case 'AttendanceReported': {
      const days = words(type, { count: d.attendedDates?.length ?? 0 });
      if (!d.exceptions?.length) return days;
      // the rule's own message in the user's language, the code if there is none
      const rules = d.exceptions.map((x) => t(x.rule, { ns: 'rules', defaultValue: x.rule }).replace(/\.$/, ''));
      return days + words('attendanceExceptions', { rules: rules.join(', ') });
    }
    case 'AbsenceReported':
      return words(type, { count: d.absentDates?.length ?? 0, reason: value(d.reason) });
    case 'GoalReviewHeld':
      return words(type, { context: d.endAssessment ? 'end' : undefined });
    case 'WorkAbilityAssessmentRecorded':
      return words(type, { tool: t(`values.${d.tool}`, { ns: 'commands', defaultValue: d.tool ?? '' }) });
    case 'PersonNamed':
      return words(type, {
        context: d.lead ? 'lead' : undefined,
        Role: capitalised(value(d.role)),
        name: personal(d.personName),
      });
    case 'PersonReleased':
      return words(type, { Role: capitalised(value(d.role)) });
    case 'ResponsibleOfficerAssigned':
      return words(type, { name: personal(d.officerName) });
    case 'OwnInstructorAssigned':
      return words(type, { name: personal(d.instructorName) });
    case 'ClientDataErased': {
      const retention = /_retention_(\d+)_years$/.exec(d.ground ?? '');
      const ground = retention ? words('erasureGround_retention', { years: retention[1] }) : value(d.ground);
      return words(type, { ground });
    }
    default:
      // the rest take the data as they are (ClientRegistered's municipality) or nothing
      return words(type, { municipality: personal(d.municipality) });
  }
}
