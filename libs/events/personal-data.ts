import type { PolkuEventType } from './catalogue.js';

/**
 * Which parts of an event's data are personal data (names, identity codes, free text about
 * the client). Erasure after retention works by crypto-shredding exactly these values, so the
 * rest of the event (dates, ids, organisations, service types, outcome codes) stays readable
 * as the structure of the service path. Free text is listed because officers write personal
 * details into it, whatever the field's purpose.
 *
 * Paths are dot paths into `data`; `name[]` means "each item of the array `name`".
 * A listed value is a string or an array of strings. Keep this in step with catalogue.ts:
 * a personal field missing here is stored in plain text and survives erasure.
 */
export const PERSONAL_FIELDS: Partial<Record<PolkuEventType, string[]>> = {
  ClientRegistered: ['fullName', 'personalIdentityCode'],
  ConsentWithdrawn: ['reason'],
  TypRelationshipEnded: ['note'],
  ServiceNeedAssessmentRecorded: ['needs', 'summary'],
  EmploymentPlanAgreed: ['jobSearchObligation', 'services[].description'],
  ActivationPlanAgreed: [
    'services[].description', 'kuty.goal', 'kuty.description', 'kuty.supportAndGuidance', 'kuty.otherServices',
  ],
  MultisectoralPlanAgreed: ['services[].description', 'followUp', 'jobSearchObligation'],
  PlanReviewed: ['outcome'],
  ReferralMade: ['reason'],
  ReferralDeclined: ['reason'],
  ReferralWithdrawn: ['reason'],
  ServicePeriodPaused: ['reason'],
  ServicePeriodEnded: ['note'],
  GoalReviewHeld: ['assessment'],
  WorkAbilityAssessmentRecorded: ['summary'],
  ResponsibleOfficerReleased: ['reason'],
};

/** What an erased personal value reads as (an erased string[] reads as `[ERASED]`). */
export const ERASED = '[erased]';

export type PersonalValue = string | string[];
/** Returns the replacement; `undefined` leaves the value as it is. */
type Visitor = (value: PersonalValue, path: string) => PersonalValue | undefined;

/**
 * A deep copy of `data` with `fn` applied to each personal value present. Absent fields
 * (optional ones, or a missing `kuty`) and values that are neither a string nor a string
 * array are left alone: the function never invents fields or fails on odd old data.
 * Unknown event types have no personal fields: the copy comes back unchanged.
 */
export function mapPersonalFields<D>(type: string, data: D, fn: (value: PersonalValue, path: string) => PersonalValue): D {
  const copy = structuredClone(data);
  visit(type, copy, fn);
  return copy;
}

/** Calls `fn` for each personal value present, without copying (read-only scans). */
export function forEachPersonalValue(type: string, data: unknown, fn: (value: PersonalValue, path: string) => void): void {
  visit(type, data, (value, path) => {
    fn(value, path);
    return undefined;
  });
}

export const hasPersonalFields = (type: string): boolean => personalPaths(type).length > 0;

// Own-property lookup: a type named like an Object.prototype member must not match.
const personalPaths = (type: string): string[] =>
  (Object.prototype.hasOwnProperty.call(PERSONAL_FIELDS, type) ? PERSONAL_FIELDS[type as PolkuEventType] : undefined) ?? [];

function visit(type: string, data: unknown, fn: Visitor): void {
  for (const path of personalPaths(type)) walk(data, path.split('.'), path, fn);
}

function walk(node: unknown, segments: string[], path: string, fn: Visitor): void {
  if (!isRecord(node)) return;
  const [head, ...rest] = segments;
  const each = head.endsWith('[]');
  const key = each ? head.slice(0, -2) : head;
  if (!Object.prototype.hasOwnProperty.call(node, key)) return;
  if (each) {
    const items = node[key];
    if (!Array.isArray(items)) return;
    items.forEach((item, i) => {
      if (rest.length > 0) walk(item, rest, path, fn);
      else if (isPersonalValue(item)) items[i] = fn(item, path) ?? item;
    });
  } else if (rest.length > 0) {
    walk(node[key], rest, path, fn);
  } else {
    const value = node[key];
    if (isPersonalValue(value)) node[key] = fn(value, path) ?? value;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const isPersonalValue = (value: unknown): value is PersonalValue =>
  typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
