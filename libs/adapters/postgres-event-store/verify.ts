import type { Pool } from 'pg';
import type { ChainVerification } from '../../event-store/index.js';
import { inTransaction } from '../postgres-common/index.js';
import { type HeadRow, RowChainWalker } from '../sql-event-rows/index.js';
import { mapError } from './map-error.js';
import type { EventRow } from './rows.js';
import type { Statements } from './statements.js';

/** Rows per round trip when verifyAll walks the whole log. */
const VERIFY_PAGE = 1000;

type Query = <R extends object>(text: string, values: unknown[]) => Promise<R[]>;

/** Re-computes one client's chain against its stream head. */
export function verifyStream(pool: Pool, sql: Statements, clientId: string): Promise<ChainVerification> {
  return inSnapshot(pool, async (query) => {
    const walker = new RowChainWalker(await query<HeadRow>(sql.selectHead, [clientId]));
    return walker.visit(await query<EventRow>(sql.readStream, [clientId])) ?? walker.finish();
  });
}

/** Re-computes every chain in global order, a page at a time; reports the first broken event. */
export function verifyAll(pool: Pool, sql: Statements): Promise<ChainVerification> {
  return inSnapshot(pool, async (query) => {
    const walker = new RowChainWalker(await query<HeadRow>(sql.selectHeads, []));
    for (let after = 0n; ; ) {
      const page = await query<EventRow>(sql.readAll, [after, VERIFY_PAGE]);
      const broken = walker.visit(page);
      if (broken) return broken;
      if (page.length < VERIFY_PAGE) return walker.finish();
      after = page[page.length - 1].global_position;
    }
  });
}

/** Reads in one REPEATABLE READ snapshot, so heads and events belong to the same moment. */
async function inSnapshot<T>(pool: Pool, read: (query: Query) => Promise<T>): Promise<T> {
  try {
    return await inTransaction(
      pool,
      (client) =>
        read(async <R extends object>(text: string, values: unknown[]) => (await client.query<R>(text, values)).rows),
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  } catch (error) {
    throw mapError(error);
  }
}
