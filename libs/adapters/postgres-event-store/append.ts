import type { PoolClient } from 'pg';
import type { PolkuEvent } from '../../events/index.js';
import {
  GENESIS_HASH, assertSameKeyUse, StreamVersionConflictError, type AppendOptions, type AppendResult,
} from '../../event-store/index.js';
import type { HeadRow } from './chain-check.js';
import { toInsertColumns } from './rows.js';
import type { Statements } from './statements.js';

export interface KeyRow {
  client_id: string; next_version: bigint; event_ids: string[]; global_position: bigint | null; request_hash: string | null;
}

/**
 * The body of one append transaction (READ COMMITTED); any throw rolls everything back.
 *
 * Global order without skipped events: a plain sequence would let transaction A take
 * position 5, B take 6 and commit first, and a reader that saw 6 would never go back for 5.
 * So positions are taken under a transaction-scoped advisory lock (`orderLock`, one per
 * schema) held until COMMIT, and PostgreSQL releases transaction locks only after the commit
 * is visible: whoever takes the next position does so after every lower position is
 * committed (or rolled back, leaving a gap that is never filled). A reader that sees position
 * p therefore already sees everything below p, so `readAll({ after })` with a single bigint
 * cursor is exact. We chose this over recording pg_current_xact_id() per row and reading only
 * below pg_snapshot_xmin() (Marten/Emmett): that needs a (transaction id, position) cursor,
 * while the port's cursor is one position. The price is that commits of different streams
 * are serialised; everything else (idempotency lookup, version check, hashing, head update)
 * runs before the lock under a per-stream lock, so only the INSERT and COMMIT wait.
 */
export async function appendInTransaction(
  client: PoolClient, sql: Statements, schema: string, clientId: string, events: PolkuEvent[], options: AppendOptions,
  channel: string,
): Promise<AppendResult> {
  await client.query(sql.streamLock, [schema, clientId]);
  const key = options.idempotencyKey;
  if (key !== undefined) {
    const replay = replayFrom((await client.query<KeyRow>(sql.selectKey, [key])).rows[0], key, clientId, options.requestHash);
    if (replay) return replay;
  }
  const head = (await client.query<HeadRow>(sql.selectHead, [clientId])).rows[0];
  const current = head?.version ?? 0n;
  if (options.expectedVersion !== 'any' && options.expectedVersion !== current) {
    throw new StreamVersionConflictError(clientId, options.expectedVersion, current);
  }
  const { columns: c, lastVersion, lastHash } = toInsertColumns(events, current, head?.last_hash ?? GENESIS_HASH);
  await client.query(sql.upsertHead, [clientId, lastVersion, lastHash]);
  if (key !== undefined) {
    await client.query(sql.insertKey, [key, clientId, lastVersion, c.eventIds.at(-1), c.eventIds, options.requestHash ?? null]);
  }

  // Delivered at COMMIT (never for a rollback), wherever it is issued: sent before the order
  // lock so it does not lengthen the time every other append waits. Followers only need the
  // wake-up (they read from their own position), so the payload is just the stream.
  await client.query(sql.notifyAppended, [channel, clientId]);
  await client.query(sql.orderLock, [schema]);
  const { rows } = await client.query<{ global_position: bigint }>(sql.insertEvents, [
    clientId, c.eventIds, c.versions, c.types, c.schemaVersions, c.occurredAts, c.recordedAts, c.actors,
    c.correlationIds, c.causationIds, c.datas, c.hashes,
  ]);
  const lastGlobalPosition = rows.reduce((max, r) => (r.global_position > max ? r.global_position : max), 0n);
  return { nextExpectedVersion: lastVersion, lastGlobalPosition, eventIds: c.eventIds, replayed: false };
}

/** The stored result of a key, null when unseen; a key of another client or request is refused. */
export function replayFrom(row: KeyRow | undefined, key: string, clientId: string, requestHash: string | undefined): AppendResult | null {
  if (!row) return null;
  assertSameKeyUse(key, clientId, { clientId: row.client_id, requestHash: row.request_hash }, requestHash);
  if (row.global_position === null) throw new Error(`The last event of idempotency key ${key} is missing from the store`);
  return {
    nextExpectedVersion: row.next_version, lastGlobalPosition: row.global_position, eventIds: row.event_ids, replayed: true,
  };
}
