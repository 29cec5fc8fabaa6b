/**
 * Global order without a global lock.
 *
 * Positions come from a sequence, so transaction A can take position 5, B take 6 and commit
 * first: a reader that saw 6 and moved its cursor past 5 would never go back for it. Marten
 * and Emmett avoid that with transaction ids and the oldest transaction in progress
 * (pg_snapshot_xmin), which holds readers back for every write transaction in the whole
 * cluster and needs a (transaction id, position) cursor; the port's cursor is one position.
 *
 * Here an append marks itself in flight before it takes positions: it reads the sequence's
 * last_value K (CACHE 1, so every position it then takes is ≥ K) and holds a shared,
 * transaction-scoped advisory lock (namespace of the schema, K mod 2^31) until its COMMIT or
 * ROLLBACK; PostgreSQL releases it only after the commit is visible. Appends never wait for
 * each other on it (shared), readers never take it: they look at pg_locks.
 *
 * A reader whose page is contiguous (after+1, after+2, …) has skipped nothing. A page with a
 * gap below its last position p: every position below p was taken before p, so its append
 * had marked itself before p committed, before the page was read. The reader then lists the
 * marks (their lowest K) and re-reads positions up to p with a newer snapshot: an append that
 * finished in between shows its rows now, and a gap that remains is either rolled back (below
 * every mark: dead, skipped) or possibly in flight (at or above the lowest mark: the page
 * ends before it, and the reader asks again later).
 */

/** Marks are K mod 2^31 (the int4 half of a two-key advisory lock). */
const MARK_RANGE = 2n ** 31n;

/** The advisory-lock namespace of a schema's in-flight marks (SQL, an int4 expression). */
export const inFlightNamespace = (schema: string): string => `(hashtext('polku.in-flight:${schema}') & 2147483647)`;

/** SQL of the mark an append takes before nextval (inside append_events). */
export const markInFlight = (schema: string, lastValue: string): string =>
  `pg_advisory_xact_lock_shared(${inFlightNamespace(schema)}, (${lastValue} & 2147483647)::int)`;

/**
 * Two statements in this order (simple protocol runs them in order): the marks, then the
 * sequence's last_value, so every mark's K is ≤ that value.
 */
export const inFlightMarks = (schema: string, quoted: string): string => `
SELECT array_agg(objid::bigint) AS marks FROM pg_locks
  WHERE locktype = 'advisory' AND objsubid = 2 AND classid = ${inFlightNamespace(schema)}::oid
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database());
SELECT last_value FROM ${quoted}.event_positions`;

/**
 * The lowest position an append still in flight may hold, or null when none is: each mark
 * is K mod 2^31, and K is the largest such value ≤ lastValue (an append stays in flight for
 * far fewer than 2^31 positions).
 */
export function lowestInFlight(marks: bigint[] | null, lastValue: bigint): bigint | null {
  let lowest: bigint | null = null;
  for (const mark of marks ?? []) {
    const k = lastValue - (((((lastValue % MARK_RANGE) - mark) % MARK_RANGE) + MARK_RANGE) % MARK_RANGE);
    if (lowest === null || k < lowest) lowest = k;
  }
  return lowest;
}

/** True when the rows hold every position after `after` up to the last one (no gap). */
export function contiguous(positions: bigint[], after: bigint): boolean {
  return positions.every((position, i) => position === after + BigInt(i + 1));
}

/**
 * How many leading rows a reader may return: it stops before the first gap that an append
 * in flight may still fill (a gap wholly below `lowest` is rolled back).
 */
export function settledLength(positions: bigint[], after: bigint, lowest: bigint | null): number {
  let expected = after + 1n;
  for (let i = 0; i < positions.length; i += 1) {
    if (positions[i] !== expected && lowest !== null && positions[i] - 1n >= lowest) return i;
    expected = positions[i] + 1n;
  }
  return positions.length;
}
