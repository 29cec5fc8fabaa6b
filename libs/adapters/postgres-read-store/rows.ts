import {
  documentsJson,
  mergeNamedOrganisations,
  organisationSearchText,
  organisationSortName,
  searchHolderKey,
  sortNameOf,
  type ClientSearchRow,
  type CommittableModel,
  type CompensationLedgerRow,
  type CompensationRow,
} from '../../read-store/index.js';

/** Money is stored in integer cents so ledger sums are exact; euros on the port are rounded to cents. */
export const eurosToCents = (euros: number): bigint => BigInt(Math.round(euros * 100));
export const centsToEuros = (cents: bigint): number => Number(cents) / 100;

export type CompensationDbRow = Omit<CompensationRow, 'euros'> & { cents: bigint };
export const toCompensation = ({ cents, ...r }: CompensationDbRow): CompensationRow => ({
  ...r,
  euros: centsToEuros(cents),
});

/** Aggregates come back as int8 (bigint): small counts, so numbers on the port. */
export interface LedgerDbRow extends Pick<CompensationLedgerRow, 'month' | 'payer' | 'component'> {
  attendedDays: bigint;
  cents: bigint;
  clients: bigint;
}
export const toLedgerRow = (r: LedgerDbRow): CompensationLedgerRow => ({
  month: r.month,
  payer: r.payer,
  component: r.component,
  attendedDays: Number(r.attendedDays),
  euros: centsToEuros(r.cents),
  clients: Number(r.clients),
});

/** Column arrays for one `unnest` insert; every row takes its model's clientId and its index as ord. */
function columns<R>(
  models: CommittableModel[],
  rowsOf: (m: CommittableModel) => R[],
  width: number,
  pick: (r: R) => unknown[],
): unknown[][] {
  const result: unknown[][] = Array.from({ length: 2 + width }, () => []);
  for (const m of models) {
    rowsOf(m).forEach((row, ord) => {
      [m.clientId, ord, ...pick(row)].forEach((value, i) => {
        result[i].push(value);
      });
    });
  }
  return result;
}

/**
 * Everything one commitBatch writes, serialised before the transaction starts (a model that
 * cannot be serialised fails the batch before anything is written). A clientId repeated in
 * the batch keeps its last model, as writing the models one after the other would.
 */
export function batchParams(batch: CommittableModel[]) {
  const models = [...new Map(batch.map((m) => [m.clientId, m])).values()];
  const ids = models.map((m) => m.clientId);
  const docs = models.map(documentsJson);
  return {
    ids,
    models: [ids, models.map((m) => m.lastPosition), docs.map((d) => d.path), docs.map((d) => d.state)],
    caseload: columns(
      models,
      (m) => m.caseload,
      6,
      (r) => [r.personId, r.personName, r.organisationId, r.role, r.since, r.lead],
    ),
    deadlines: columns(
      models,
      (m) => m.deadlines,
      5,
      (r) => [r.organisationId, r.kind, r.dueDate, r.refId, r.description],
    ),
    outcomes: columns(
      models,
      (m) => m.outcomes,
      8,
      (r) => [
        r.periodId,
        r.serviceType,
        r.providerId,
        r.organisationId,
        r.startDate,
        r.endDate,
        r.endReason,
        r.continuation,
      ],
    ),
    compensation: columns(
      models,
      (m) => m.compensation,
      6,
      (r) => [r.periodId, r.month, r.payer, r.component, r.attendedDays, eurosToCents(r.euros)],
    ),
    ...searchParams(models),
    organisations: organisationParams(batch),
  };
}

/** The batch's directory rows, one per organisation (an upsert may not touch a row twice). */
function organisationParams(batch: CommittableModel[]) {
  const rows = mergeNamedOrganisations(batch.map((m) => m.organisations));
  return [
    rows.map((o) => o.organisationId),
    rows.map((o) => o.organisationType),
    rows.map((o) => o.position),
    rows.map((o) => o.name),
    rows.map((o) => o.namePosition),
    rows.map(organisationSortName),
    rows.map(organisationSearchText),
  ];
}

/** The search rows of a batch: one per client that has one, its distinct words, holders and identity viewers. */
function searchParams(models: CommittableModel[]) {
  const rows = models.flatMap((m) => (m.search ? [{ ...m.search, clientId: m.clientId }] : []));
  const words = rows.flatMap((r) => [...new Set(r.nameWords)].map((word) => [r.clientId, word]));
  const holderWords = rows.flatMap((r) =>
    r.holders
      .map(searchHolderKey)
      .flatMap((holder) => [...new Set(r.nameWords)].map((word) => [holder, word, r.clientId])),
  );
  const own = (m: CommittableModel) => (m.search ? [m.search] : []);
  return {
    search: [
      rows.map((r) => r.clientId),
      ...(['identityCode', 'fullName', 'birthDate', 'municipality'] as const).map((f) => rows.map((r) => r[f])),
      rows.map((r) => JSON.stringify(r.nameWords)),
      rows.map(sortNameOf),
    ],
    searchWords: [words.map(([c]) => c), words.map(([, w]) => w)],
    holderWords: [0, 1, 2].map((i) => holderWords.map((row) => row[i])),
    holders: columns(
      models,
      (m) => own(m).flatMap((r) => r.holders),
      2,
      (h) => [h.organisationId, h.personId],
    ),
    identityViewers: columns(
      models,
      (m) => own(m).flatMap((r) => r.identityViewers),
      2,
      (v) => [v.organisationId, v.until],
    ),
  };
}

/** A client_search row as read: holders and viewers come from their own tables. */
export type SearchDbRow = Omit<ClientSearchRow, 'holders' | 'identityViewers'>;
