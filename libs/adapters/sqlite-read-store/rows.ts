import type { CaseloadRow, ClientSearchRow, CompensationRow, DeadlineRow, OutcomeRow } from '../../read-store/index.js';

/** A client_models row as read (positions with safeIntegers, JSON still text). */
export interface ModelRow {
  clientId: string;
  lastPosition: bigint;
  path: string;
  state: string;
}

/** Money is stored in integer cents so ledger sums are exact. */
export type CompensationDbRow = Omit<CompensationRow, 'euros'> & { cents: number };

/** Euros on the port are already rounded to cents; Math.round absorbs float noise (0.29 * 100). */
export const eurosToCents = (euros: number): number => Math.round(euros * 100);
export const centsToEuros = (cents: number): number => cents / 100;

export function toCompensation({ cents, ...r }: CompensationDbRow): CompensationRow {
  return { ...r, euros: centsToEuros(cents) };
}

// Explicit column picks: extra properties on a row object never reach SQL binding.
export const pickCaseload = (r: CaseloadRow) => ({
  personId: r.personId,
  personName: r.personName,
  organisationId: r.organisationId,
  role: r.role,
  since: r.since,
  lead: r.lead ? 1 : 0,
});
export const toCaseload = (r: Omit<CaseloadRow, 'lead'> & { lead: number | boolean }): CaseloadRow => ({
  ...r,
  lead: Boolean(r.lead),
});
export const pickDeadline = (r: DeadlineRow) => ({
  organisationId: r.organisationId,
  kind: r.kind,
  dueDate: r.dueDate,
  refId: r.refId,
  description: r.description,
});
export const pickOutcome = (r: OutcomeRow) => ({
  periodId: r.periodId,
  serviceType: r.serviceType,
  providerId: r.providerId,
  organisationId: r.organisationId,
  startDate: r.startDate,
  endDate: r.endDate,
  endReason: r.endReason,
  continuation: r.continuation,
});
export const pickCompensation = (r: CompensationRow) => ({
  periodId: r.periodId,
  month: r.month,
  payer: r.payer,
  component: r.component,
  attendedDays: r.attendedDays,
  cents: eurosToCents(r.euros),
});
export const pickSearch = (r: ClientSearchRow) => ({
  identityCode: r.identityCode,
  fullName: r.fullName,
  birthDate: r.birthDate,
  municipality: r.municipality,
});

/** A client_search row as read: name words still JSON text, holders and viewers from their own tables. */
export type SearchDbRow = Omit<ClientSearchRow, 'nameWords' | 'holders' | 'identityViewers'> & { nameWords: string };
