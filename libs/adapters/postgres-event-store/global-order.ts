import type { Pool } from 'pg';
import { mapError } from './map-error.js';
import { contiguous, lowestInFlight, settledLength } from './in-flight.js';
import type { EventRow } from './rows.js';
import type { Statements } from './statements.js';

type Query = <R extends object>(text: string, values: unknown[]) => Promise<R[]>;

/**
 * readAll and headPosition over positions that may commit out of order (see in-flight.ts):
 * one query when nothing is in flight below what was read, three when something may be.
 */
export class GlobalOrder {
  constructor(
    private readonly pool: Pool,
    private readonly sql: Statements,
    private readonly query: Query,
  ) {}

  async readAll(after: bigint, limit: number): Promise<EventRow[]> {
    const rows = await this.query<EventRow>(this.sql.readAll, [after, limit]);
    if (
      contiguous(
        rows.map((r) => r.global_position),
        after,
      )
    )
      return rows;
    const lowest = await this.lowestInFlight();
    // newer snapshot, same range: an append that finished since shows its rows now
    const settled = await this.query<EventRow>(this.sql.readAllUpTo, [
      after,
      rows[rows.length - 1].global_position,
      limit,
    ]);
    return settled.slice(
      0,
      settledLength(
        settled.map((r) => r.global_position),
        after,
        lowest,
      ),
    );
  }

  /** The highest position below which nothing is in flight: readAll up to it skips nothing. */
  async headPosition(): Promise<bigint> {
    const [{ head }] = await this.query<{ head: bigint }>(this.sql.headPosition, []);
    const lowest = await this.lowestInFlight();
    if (lowest === null || lowest > head) return head;
    return (await this.query<{ head: bigint }>(this.sql.headBelow, [lowest]))[0].head;
  }

  private async lowestInFlight(): Promise<bigint | null> {
    // two statements, run in order on one connection (simple protocol): marks, then last_value
    let results: [{ rows: { marks: bigint[] | null }[] }, { rows: { last_value: bigint }[] }];
    try {
      results = (await this.pool.query(this.sql.inFlightMarks)) as unknown as typeof results;
    } catch (error) {
      throw mapError(error);
    }
    const [marks, sequence] = results;
    return lowestInFlight(marks.rows[0].marks, sequence.rows[0].last_value);
  }
}
