import type { Pool } from 'pg';
import type { PolkuEvent } from '../../events/index.js';
import {
  EventStoreFailureError,
  GENESIS_HASH,
  assertSameKeyUse,
  StreamVersionConflictError,
  type AppendOptions,
  type AppendResult,
} from '../../event-store/index.js';
import { toInsertColumns } from './rows.js';
import { AppendGroups, type AppendRow } from './append-groups.js';
import type { AppendAnnouncer } from './notifications.js';
import type { Statements } from './statements.js';

export interface KeyRow {
  client_id: string;
  next_version: bigint;
  event_ids: string[];
  request_hash: string | null;
  global_position: bigint | null;
}

interface Head {
  version: bigint;
  hash: string;
}

/** Heads remembered per store (most recent appends); a hint only: append_events checks it. */
const REMEMBERED_HEADS = 10_000;
/** 'any' appends racing on one stream re-hash and call again; bounded so a bug cannot spin. */
const MOST_ATTEMPTS = 50;

/**
 * Appends through `append_events` (append-function.ts), one round trip when the head this
 * process remembers for the stream (or 0 for `expectedVersion: 0n`) is still current, two
 * when another process appended to it since. Under load, appends share those round trips
 * in groups (append-groups.ts).
 */
export class Appender {
  private readonly heads = new Map<string, Head>();
  private readonly groups: AppendGroups;

  constructor(
    pool: Pool,
    sql: Statements,
    private readonly announcer: AppendAnnouncer,
    callsInFlight?: number,
  ) {
    this.groups = new AppendGroups(pool, sql, callsInFlight);
  }

  async append(clientId: string, events: PolkuEvent[], options: AppendOptions): Promise<AppendResult> {
    const expected = options.expectedVersion === 'any' ? null : options.expectedVersion;
    let head = this.heads.get(clientId) ?? (expected === 0n ? { version: 0n, hash: GENESIS_HASH } : undefined);
    for (let attempt = 1; attempt <= MOST_ATTEMPTS; attempt += 1) {
      // version -1: no head known yet, the function answers with the real one
      const from = head ?? { version: -1n, hash: GENESIS_HASH };
      const { columns: c, lastVersion, lastHash } = toInsertColumns(events, from.version, from.hash);
      const row = await this.groups.call({
        clientId,
        expectedVersion: expected,
        fromVersion: from.version,
        fromHash: from.hash,
        key: options.idempotencyKey ?? null,
        requestHash: options.requestHash ?? null,
        columns: c,
      });
      switch (row.outcome) {
        case 'appended':
          this.remember(clientId, { version: lastVersion, hash: lastHash });
          this.announcer.announce();
          return {
            nextExpectedVersion: lastVersion,
            lastGlobalPosition: row.last_position!,
            eventIds: c.eventIds,
            replayed: false,
          };
        case 'replayed':
          return replayFrom(
            {
              client_id: row.key_client_id!,
              next_version: row.head_version,
              event_ids: row.key_event_ids!,
              request_hash: row.key_request_hash,
              global_position: row.last_position,
            },
            options.idempotencyKey!,
            clientId,
            options.requestHash,
          )!;
        case 'conflict':
          this.forget(clientId, row);
          throw new StreamVersionConflictError(clientId, options.expectedVersion, row.head_version);
        case 'moved':
          head = { version: row.head_version, hash: row.head_hash ?? GENESIS_HASH };
          this.remember(clientId, head);
      }
    }
    throw new EventStoreFailureError(`Stream ${clientId} kept moving during ${MOST_ATTEMPTS} append attempts`, true);
  }

  private remember(clientId: string, head: Head): void {
    this.heads.delete(clientId);
    this.heads.set(clientId, head);
    if (this.heads.size > REMEMBERED_HEADS) this.heads.delete(this.heads.keys().next().value!);
  }

  private forget(clientId: string, row: Pick<AppendRow, 'head_version' | 'head_hash'>): void {
    if (row.head_version === 0n) this.heads.delete(clientId);
    else this.remember(clientId, { version: row.head_version, hash: row.head_hash! });
  }
}

/** The stored result of a key, null when unseen; a key of another client or request is refused. */
export function replayFrom(
  row: KeyRow | undefined,
  key: string,
  clientId: string,
  requestHash: string | undefined,
): AppendResult | null {
  if (!row) return null;
  assertSameKeyUse(key, clientId, { clientId: row.client_id, requestHash: row.request_hash }, requestHash);
  if (row.global_position === null)
    throw new Error(`The last event of idempotency key ${key} is missing from the store`);
  return {
    nextExpectedVersion: row.next_version,
    lastGlobalPosition: row.global_position,
    eventIds: row.event_ids,
    replayed: true,
  };
}
