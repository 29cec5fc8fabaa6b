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
    'services[].description',
    'kuty.goal',
    'kuty.description',
    'kuty.supportAndGuidance',
    'kuty.otherServices',
  ],
  MultisectoralPlanAgreed: [
    'services[].description',
    'followUp',
    'jobSearchObligation',
    'kuty.goal',
    'kuty.description',
    'kuty.supportAndGuidance',
    'kuty.otherServices',
  ],
  PlanReviewed: ['outcome', 'kuty.goal', 'kuty.description', 'kuty.supportAndGuidance', 'kuty.otherServices'],
  AbsenceReported: ['note'],
  PersonReleased: ['reason'],
  ReferralMade: ['reason'],
  ReferralDeclined: ['reason'],
  ReferralWithdrawn: ['reason'],
  ServicePeriodPaused: ['reason'],
  ServicePeriodEnded: ['note'],
  GoalReviewHeld: ['assessment'],
  WorkAbilityAssessmentRecorded: ['summary'],
  ResponsibleOfficerReleased: ['reason'],
};

/**
 * Fields that are not erased (they stay as the path's structure: age band and home
 * municipality drive statistics and the compensation payer) but that, with the client id,
 * identify a person: they never leave on a topic, whose copies can be neither erased nor
 * consent-checked. Same path syntax as PERSONAL_FIELDS.
 */
export const QUASI_IDENTIFYING_FIELDS: Partial<Record<PolkuEventType, string[]>> = {
  ClientRegistered: ['birthDate', 'municipality'],
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
export function mapPersonalFields<D>(
  type: string,
  data: D,
  fn: (value: PersonalValue, path: string) => PersonalValue,
): D {
  const copy = structuredClone(data);
  visit(type, copy, fn);
  return copy;
}

/**
 * mapPersonalFields without the copy: replaces the values in `data` itself (`undefined` from
 * `fn` keeps a value). Only for data the caller owns, e.g. just decoded from storage; copying
 * the whole of every event read was a noticeable share of each read.
 */
export function mapPersonalFieldsInPlace(type: string, data: unknown, fn: Visitor): void {
  visit(type, data, fn);
}

/**
 * mapPersonalFields over the personal *and* the quasi-identifying fields: what must be
 * withheld from anything published (a topic's copies cannot be erased).
 */
export function mapPublicationWithheldFields<D>(
  type: string,
  data: D,
  fn: (value: PersonalValue, path: string) => PersonalValue,
): D {
  const copy = structuredClone(data);
  for (const path of withheldOnPublication(type)) walk(copy, path, 0, fn);
  return copy;
}

/** Calls `fn` for each personal value present, without copying (read-only scans). */
export function forEachPersonalValue(
  type: string,
  data: unknown,
  fn: (value: PersonalValue, path: string) => void,
): void {
  visit(type, data, (value, path) => {
    fn(value, path);
    return undefined;
  });
}

/** Whether `test` holds for some personal value present; stops at the first that does. */
export function somePersonalValue(type: string, data: unknown, test: (value: PersonalValue) => boolean): boolean {
  let found = false;
  const check: Visitor = (value) => {
    found ||= test(value);
    return undefined;
  };
  for (const path of compiledPaths(type)) {
    walk(data, path, 0, check);
    if (found) return true;
  }
  return false;
}

export const hasPersonalFields = (type: string): boolean => compiledPaths(type).length > 0;

/** A personal path split once into its steps: `services[].description` -> services (each item), description. */
interface CompiledPath {
  path: string;
  keys: string[];
  /** eachItem[i]: keys[i] names an array whose items are visited (`name[]`). */
  eachItem: boolean[];
}

function compile(path: string): CompiledPath {
  const segments = path.split('.');
  return {
    path,
    keys: segments.map((s) => (s.endsWith('[]') ? s.slice(0, -2) : s)),
    eachItem: segments.map((s) => s.endsWith('[]')),
  };
}

// Compiled once: every event read walks these, and splitting paths per call showed in profiles.
const COMPILED = new Map<string, CompiledPath[]>(
  Object.entries(PERSONAL_FIELDS).map(([type, paths]) => [type, (paths ?? []).map(compile)]),
);
const NONE: CompiledPath[] = [];
const WITHHELD_ON_PUBLICATION = new Map<string, CompiledPath[]>(
  [...new Set([...Object.keys(PERSONAL_FIELDS), ...Object.keys(QUASI_IDENTIFYING_FIELDS)])].map((type) => [
    type,
    [
      ...(PERSONAL_FIELDS[type as PolkuEventType] ?? []),
      ...(QUASI_IDENTIFYING_FIELDS[type as PolkuEventType] ?? []),
    ].map(compile),
  ]),
);
const withheldOnPublication = (type: string): CompiledPath[] => WITHHELD_ON_PUBLICATION.get(type) ?? NONE;

// A Map, not the object: a type named like an Object.prototype member must not match.
const compiledPaths = (type: string): CompiledPath[] => COMPILED.get(type) ?? NONE;

function visit(type: string, data: unknown, fn: Visitor): void {
  for (const path of compiledPaths(type)) walk(data, path, 0, fn);
}

function walk(node: unknown, path: CompiledPath, step: number, fn: Visitor): void {
  if (!isRecord(node)) return;
  const key = path.keys[step];
  if (!Object.hasOwn(node, key)) return;
  const value = node[key];
  const last = step === path.keys.length - 1;
  if (path.eachItem[step]) {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (!last) walk(item, path, step + 1, fn);
      else if (isPersonalValue(item)) replace(value, i, item, fn(item, path.path));
    }
  } else if (!last) {
    walk(value, path, step + 1, fn);
  } else if (isPersonalValue(value)) {
    replace(node, key, value, fn(value, path.path));
  }
}

// Writes only real replacements: read-only scans never write (frozen data stays readable).
function replace(
  holder: Record<string, unknown> | unknown[],
  at: string | number,
  value: PersonalValue,
  next: PersonalValue | undefined,
): void {
  if (next !== undefined && next !== value) (holder as Record<string | number, unknown>)[at] = next;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const isPersonalValue = (value: unknown): value is PersonalValue => {
  if (typeof value === 'string') return true;
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== 'string') return false;
  return true;
};
