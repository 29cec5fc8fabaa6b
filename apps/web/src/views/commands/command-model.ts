import type { ClientPath, OrganisationRef, Problem } from '../../api/gaps';
import forms from '../../api/command-forms.json' with { type: 'json' };
import { allPeriods } from '../path-model';

/** One command form as `npm run web:api` describes it from the OpenAPI document. */
export type CommandField = {
  name: string;
  kind: 'text' | 'longText' | 'date' | 'integer' | 'number' | 'boolean' | 'enum' | 'list' | 'rows';
  required: boolean;
  values?: string[];
  /**
   * `organisation`: rows that are organisation references, chosen from the known ones;
   * `organisationId`: a list of organisations' ids, each chosen the same way (as organisation rows).
   */
  item?: string;
  /** The fields of one row of a `rows` field (a list of objects). */
  fields?: CommandField[];
};
export type CommandForm = { operationId: string; path: string; pathParams: string[]; fields: CommandField[] };

/** The goal review has its own form (participants picked from the path); every other command on a path is here. */
export const CLIENT_COMMAND_FORMS: CommandForm[] = (forms as CommandForm[]).filter(
  (f) => f.path.startsWith('/clients/{clientId}/') && f.operationId !== 'HoldGoalReview',
);
/** The administrator's erasure of a client's personal data (`/admin/clients/{clientId}/erasure`). */
export const ERASURE_FORM: CommandForm | undefined = (forms as CommandForm[]).find(
  (f) => f.operationId === 'EraseClientData',
);
/** Registering a new client: on Today, for those who may register (not providers' instructors). */
export const REGISTRATION_FORMS: CommandForm[] = (forms as CommandForm[]).filter((f) => f.path === '/clients');

/** What the user typed, by field name: text, a checkbox, the ticked values of an enum list, or rows. */
export interface FormValues {
  [name: string]: FieldValue;
}
export type FieldValue = string | boolean | string[] | FormValues[];

export function initialValues(form: Pick<CommandForm, 'fields'>, today: string): FormValues {
  const values: FormValues = {};
  for (const f of form.fields) {
    if (f.kind === 'boolean') values[f.name] = false;
    // a list of organisations starts with none chosen (for a consent: every TYP party)
    else if (f.kind === 'list' && (f.item === 'enum' || f.item === 'organisationId')) values[f.name] = [];
    // a required list of objects starts with one row to fill in
    else if (f.kind === 'rows') values[f.name] = f.required ? [initialValues({ fields: f.fields ?? [] }, today)] : [];
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

/** The organisations a path knows (parties, referrals' ends, periods' providers and recorders), for rows that refer to one. */
export function knownOrganisations(path?: ClientPath): OrganisationRef[] {
  if (!path) return [];
  const known = new Map<string, OrganisationRef>();
  const add = (o?: OrganisationRef) => {
    if (o?.organisationId && !known.has(o.organisationId)) known.set(o.organisationId, o);
  };
  const s = path.status;
  s.typRelationship?.parties.forEach(add);
  for (const r of s.referrals) {
    add(r.from);
    add(r.to);
  }
  for (const p of allPeriods(path)) {
    add(p.provider);
    add(p.recordedBy);
  }
  return [...known.values()];
}

/** The request body: dotted names nested again, numbers as numbers, rows as objects, empty optional fields left out. */
export function bodyOf(form: Pick<CommandForm, 'fields'>, values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of form.fields) {
    const raw = values[f.name];
    let value: unknown;
    if (f.kind === 'boolean') value = raw === true ? true : f.required ? false : undefined;
    else if (organisationListRows(f)) {
      const ids = organisationIdsOf(raw);
      value = ids.length || f.required ? ids : undefined;
    } else if (f.kind === 'rows') {
      const rows = (Array.isArray(raw) ? raw : []) as FormValues[];
      value = rows.length || f.required ? rows.map((r) => bodyOf({ fields: f.fields ?? [] }, r)) : undefined;
    } else if (Array.isArray(raw)) value = raw.length || f.required ? raw : undefined;
    else if (typeof raw !== 'string' || raw.trim() === '') value = undefined;
    else if (f.kind === 'integer' || f.kind === 'number') value = Number(raw);
    else if (f.kind === 'list')
      value = raw
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    else value = raw;
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
 * `provider.organisationId` as is; the longest field or path parameter it falls under. A field
 * inside a row keeps its row: `data.services[1].serviceType` → `services[1].serviceType`.
 */
export function formFieldOf(problemField: string, form: CommandForm): string | undefined {
  const inRow = /^(?:data\.)?([\w.]+)\[(\d+)\]\.?(.*)$/.exec(problemField);
  const rows =
    inRow && form.fields.map((f) => organisationListRows(f) ?? f).find((f) => f.kind === 'rows' && f.name === inRow[1]);
  if (inRow && rows) {
    const [, name, index, rest] = inRow;
    const sub = rows.fields?.find((s) => rest === s.name || rest.startsWith(`${s.name}.`));
    // an organisation row is one choice: its message goes beside it
    return sub && rows.item !== 'organisation'
      ? rowFieldName(name, Number(index), sub.name)
      : rowName(name, Number(index));
  }
  const plain = problemField.replace(/^data\./, '').replace(/\[\d+\]/g, '');
  const names = [...form.pathParams, ...form.fields.map((f) => f.name)].sort((a, b) => b.length - a.length);
  return names.find((n) => plain === n || plain.startsWith(`${n}.`) || n.startsWith(`${plain}.`));
}

/** The fields a problem names, for the messages beside them. */
export function problemFields(p: Problem): string[] {
  return p.errors?.length ? p.errors.map((e) => e.field) : [p.field ?? ''];
}

/**
 * A list of organisations' ids (`scope.organisationIds`) as the form shows it: organisation rows
 * of one id each, each chosen from the directory. Undefined for any other field.
 */
export function organisationListRows(field: CommandField): CommandField | undefined {
  if (field.kind !== 'list' || field.item !== 'organisationId') return undefined;
  return {
    ...field,
    kind: 'rows',
    item: 'organisation',
    fields: [{ name: 'organisationId', kind: 'text', required: true }],
  };
}

/** The ids chosen in a list of organisations' rows, the rows left empty left out. */
const organisationIdsOf = (raw: FieldValue | undefined): string[] =>
  (Array.isArray(raw) ? (raw as FormValues[]) : [])
    .map((row) => row.organisationId)
    .filter((id): id is string => typeof id === 'string' && id.trim() !== '');

/** The names a row and a field inside it go by in the form's messages: `services[1]`, `services[1].serviceType`. */
export const rowName = (rows: string, index: number) => `${rows}[${index}]`;
export const rowFieldName = (rows: string, index: number, field: string) => `${rowName(rows, index)}.${field}`;

/**
 * A field that names an organisation by id, as the directory picker fills it: a reference's
 * `organisationId` (its `organisationType` and `name` beside it, where the form has them) or
 * a provider's id alone (`kuty.providerId`, a planned service's `providerId`). Providers'
 * fields offer providers only.
 */
export function organisationFieldOf(
  field: Pick<CommandField, 'name' | 'kind'>,
): { prefix: string | undefined; type: 'provider' | undefined } | undefined {
  if (field.kind !== 'text') return undefined;
  const leaf = field.name.split('.').pop();
  const prefix = field.name.slice(0, field.name.length - (leaf?.length ?? 0));
  if (leaf === 'providerId') return { prefix: undefined, type: 'provider' };
  if (leaf === 'organisationId') return { prefix, type: prefix === 'provider.' ? 'provider' : undefined };
  return undefined;
}

/** The values a picked organisation fills: its id, and its type and name where the form has those fields. */
export function pickedOrganisationValues(
  fields: Pick<CommandField, 'name' | 'kind'>[],
  field: Pick<CommandField, 'name' | 'kind'>,
  picked: OrganisationRef | undefined,
): FormValues {
  const values: FormValues = { [field.name]: picked?.organisationId ?? '' };
  const prefix = organisationFieldOf(field)?.prefix;
  if (prefix === undefined) return values;
  const has = (name: string) => fields.some((f) => f.name === name);
  // an id typed by hand (not in the directory) leaves the type and name to the user
  if (has(`${prefix}organisationType`) && picked?.organisationType)
    values[`${prefix}organisationType`] = picked.organisationType;
  if (has(`${prefix}name`) && picked) values[`${prefix}name`] = picked.name ?? '';
  return values;
}

/** Words of a text with accents and case folded, as the directory compares them (`Äänekoski` ~ `aanekoski`). */
const folded = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');

/** Whether an organisation's name or id contains the text, as the directory matches it. */
export const organisationMatches = (o: OrganisationRef, text: string): boolean =>
  folded(`${o.name ?? ''} ${o.organisationId}`).includes(folded(text));

/**
 * The organisations a picker offers that match the text: those on the client's path first
 * (the likeliest), then the directory's, each once; of the one type when the field asks for one.
 */
export function organisationChoices(
  known: OrganisationRef[],
  directory: OrganisationRef[],
  type?: string,
  text = '',
): { organisation: OrganisationRef; onPath: boolean }[] {
  const ofType = (o: OrganisationRef) => !type || o.organisationType === type;
  const onPath = known.filter((o) => ofType(o) && organisationMatches(o, text));
  const ids = new Set(onPath.map((o) => o.organisationId));
  return [
    ...onPath.map((organisation) => ({ organisation, onPath: true })),
    ...directory
      // matched here too: the page of an earlier text may still be showing
      .filter((o) => ofType(o) && !ids.has(o.organisationId) && organisationMatches(o, text))
      .map((organisation) => ({ organisation, onPath: false })),
  ];
}
