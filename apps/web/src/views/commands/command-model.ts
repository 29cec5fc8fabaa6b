import type { ClientPath, Problem } from '../../api/gaps';
import forms from '../../api/command-forms.json';
import { allPeriods } from '../path-model';

/** One command form as `npm run web:api` describes it from the OpenAPI document. */
export type CommandField = {
  name: string;
  kind: 'text' | 'longText' | 'date' | 'integer' | 'number' | 'boolean' | 'enum' | 'list' | 'json';
  required: boolean;
  values?: string[];
  item?: string;
};
export type CommandForm = { operationId: string; path: string; pathParams: string[]; fields: CommandField[] };

/** The goal review has its own form (participants picked from the path); every other command on a path is here. */
export const CLIENT_COMMAND_FORMS: CommandForm[] = (forms as CommandForm[]).filter(
  (f) => f.path.startsWith('/clients/{clientId}/') && f.operationId !== 'HoldGoalReview',
);
/** Registering a new client: on Today, for those who may register (not providers' instructors). */
export const REGISTRATION_FORMS: CommandForm[] = (forms as CommandForm[]).filter((f) => f.path === '/clients');

/** What the user typed, by field name: text, a checkbox, or the ticked values of an enum list. */
export type FormValues = Record<string, string | boolean | string[]>;

export function initialValues(form: CommandForm, today: string): FormValues {
  const values: FormValues = {};
  for (const f of form.fields) {
    if (f.kind === 'boolean') values[f.name] = false;
    else if (f.kind === 'list' && f.item === 'enum') values[f.name] = [];
    // the day something happened defaults to today; a birth date does not
    else values[f.name] = f.kind === 'date' && f.required && f.name !== 'birthDate' ? today : '';
  }
  return values;
}

/** The path's own items offered for an id field (periods, plans, referrals), labelled for a person. */
export function choicesFor(name: string, path?: ClientPath): { value: string; label: string }[] | undefined {
  const leaf = name.split('.').pop();
  if (!path) return undefined;
  if (leaf === 'periodId')
    return allPeriods(path).map((p) => ({
      value: p.periodId,
      label: `${p.serviceName ?? p.serviceType} ${p.startDate}–${p.endDate ?? ''}`,
    }));
  if (leaf === 'planId' || leaf === 'employmentPlanId')
    return path.status.plans.map((p) => ({ value: p.planId, label: `${p.kind} ${p.agreedOn}` }));
  if (leaf === 'referralId')
    return path.status.referrals.map((r) => ({
      value: r.referralId,
      label: `${r.serviceType} ${r.madeOn} → ${r.to.name ?? r.to.organisationId}`,
    }));
  return undefined;
}

/** A field the user left in a shape the API cannot take (a list of objects that is not JSON). */
export class FormInputError extends Error {
  override name = 'FormInputError';
  constructor(readonly field: string) {
    super(`${field} is not valid JSON`);
  }
}

/** The request body: dotted names nested again, numbers as numbers, empty optional fields left out. */
export function bodyOf(form: CommandForm, values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of form.fields) {
    const raw = values[f.name];
    let value: unknown;
    if (f.kind === 'boolean') value = raw === true ? true : f.required ? false : undefined;
    else if (Array.isArray(raw)) value = raw.length || f.required ? raw : undefined;
    else if (typeof raw !== 'string' || raw.trim() === '') value = undefined;
    else if (f.kind === 'integer' || f.kind === 'number') value = Number(raw);
    else if (f.kind === 'list')
      value = raw
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    else if (f.kind === 'json') {
      try {
        value = JSON.parse(raw);
      } catch {
        throw new FormInputError(f.name);
      }
    } else value = raw;
    if (value === undefined) continue;
    const parts = f.name.split('.');
    let target = body;
    for (const part of parts.slice(0, -1)) {
      target[part] ??= {};
      target = target[part] as Record<string, unknown>;
    }
    target[parts[parts.length - 1]] = value;
  }
  return body;
}

/**
 * The form field a problem's field names: `data.attendedDates[2]` → `attendedDates`,
 * `provider.organisationId` as is; the longest field or path parameter it falls under.
 */
export function formFieldOf(problemField: string, form: CommandForm): string | undefined {
  const plain = problemField.replace(/^data\./, '').replace(/\[\d+\]/g, '');
  const names = [...form.pathParams, ...form.fields.map((f) => f.name)].sort((a, b) => b.length - a.length);
  return names.find((n) => plain === n || plain.startsWith(`${n}.`) || n.startsWith(`${plain}.`));
}

/** The fields a problem names, for the messages beside them. */
export function problemFields(p: Problem): string[] {
  return p.errors?.length ? p.errors.map((e) => e.field) : [p.field ?? ''];
}
