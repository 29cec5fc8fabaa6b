import type { Pool } from 'pg';
import { pgErrorFacts } from '../postgres-common/index.js';
import type { InsertColumns } from './rows.js';
import type { Statements } from './statements.js';

/** The arguments of one `append_events` call (append-function.ts). */
export interface AppendCall {
  clientId: string;
  /** null: any version */
  expectedVersion: bigint | null;
  fromVersion: bigint;
  fromHash: string;
  key: string | null;
  requestHash: string | null;
  columns: InsertColumns;
}

/** What `append_events` answers for one append. */
export interface AppendRow {
  outcome: 'appended' | 'replayed' | 'conflict' | 'moved';
  head_version: bigint;
  head_hash: string | null;
  last_position: bigint | null;
  key_client_id: string | null;
  key_event_ids: string[] | null;
  key_request_hash: string | null;
}

/**
 * Calls a store sends before further appends wait to go together: one caller (or two) never
 * waits, many callers share round trips and WAL flushes. 2 measured best of 1, 2, 4 for 16
 * callers on the bench's 2-core machine (docs/performance.md, "PostgreSQL appends in groups").
 */
export const DEFAULT_CALLS_IN_FLIGHT = 2;
/** Most appends in one group (each group is one transaction holding all their stream locks). */
export const MOST_PER_GROUP = 32;

/** Throws a RangeError unless `callsInFlight` is a positive integer (undefined: the default). */
export function checkCallsInFlight(callsInFlight: number | undefined): void {
  if (callsInFlight !== undefined && (!Number.isSafeInteger(callsInFlight) || callsInFlight < 1))
    throw new RangeError(`appendCallsInFlight must be a positive integer, got ${callsInFlight}`);
}

interface Waiting {
  call: AppendCall;
  resolve(row: AppendRow): void;
  reject(error: unknown): void;
}

/**
 * Group commit for PostgreSQL appends. While fewer than `callsInFlight` calls are out, an
 * append goes at once, alone (the one-caller path: no wait added). Beyond that it waits, and
 * when a call comes back the waiting appends (one per stream, up to MOST_PER_GROUP) go as one
 * `append_events_many` call: one transaction, one round trip, one WAL flush. If the server
 * refuses the group as a whole (a unique violation, a deadlock), it rolled back, and each of
 * its appends is sent again alone, so every append's error is its own and resolved as before.
 * If the connection is lost instead, nobody knows whether the group committed: each append
 * fails, as a lone one would.
 */
export class AppendGroups {
  private inFlight = 0;
  private readonly waiting: Waiting[] = [];

  constructor(
    private readonly pool: Pool,
    private readonly sql: Statements,
    /** checked by PostgresEventStore.open (checkCallsInFlight), before its pool exists */
    private readonly callsInFlight = DEFAULT_CALLS_IN_FLIGHT,
  ) {}

  /** `append_events`' answer for this append: at once, or with the next group. */
  call(call: AppendCall): Promise<AppendRow> {
    if (this.inFlight < this.callsInFlight) return this.tracked(() => this.alone(call));
    return new Promise((resolve, reject) => this.waiting.push({ call, resolve, reject }));
  }

  private async tracked<T>(send: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await send();
    } finally {
      this.inFlight -= 1;
      this.sendWaiting();
    }
  }

  private sendWaiting(): void {
    while (this.waiting.length > 0 && this.inFlight < this.callsInFlight) {
      const group = this.takeGroup();
      // send answers every member itself; this only guards against a fault of its own
      this.tracked(() => this.send(group)).catch((error: unknown) => {
        for (const waiting of group) waiting.reject(error);
      });
    }
  }

  /** One waiting append per stream, in client-id order so groups lock streams in one order. */
  private takeGroup(): Waiting[] {
    const group: Waiting[] = [];
    const rest: Waiting[] = [];
    const streams = new Set<string>();
    for (const waiting of this.waiting) {
      if (group.length < MOST_PER_GROUP && !streams.has(waiting.call.clientId)) {
        group.push(waiting);
        streams.add(waiting.call.clientId);
      } else rest.push(waiting);
    }
    this.waiting.splice(0, this.waiting.length, ...rest);
    return group.sort((a, b) => (a.call.clientId < b.call.clientId ? -1 : a.call.clientId > b.call.clientId ? 1 : 0));
  }

  private async send(group: Waiting[]): Promise<void> {
    if (group.length === 1) return this.sendAlone(group[0]);
    let rows: (AppendRow & { member: number })[];
    try {
      rows = (await this.pool.query<AppendRow & { member: number }>(this.sql.appendEventsMany, groupArguments(group)))
        .rows;
    } catch (error) {
      // No answer from the server (a lost connection): the group may have committed, so each
      // append fails as a lone one would (retryable, its key replays it), and is not sent again.
      if (!pgErrorFacts(error)) {
        for (const waiting of group) waiting.reject(error);
        return;
      }
      await Promise.all(group.map((waiting) => this.sendAlone(waiting)));
      return;
    }
    const byMember = new Map(rows.map((row) => [row.member, row]));
    group.forEach((waiting, i) => {
      const row = byMember.get(i + 1);
      if (row) waiting.resolve(row);
      else waiting.reject(new Error(`append_events_many answered nothing for member ${i + 1}`));
    });
  }

  private async sendAlone(waiting: Waiting): Promise<void> {
    await this.alone(waiting.call).then(waiting.resolve, waiting.reject);
  }

  private async alone(call: AppendCall): Promise<AppendRow> {
    const c = call.columns;
    return (
      await this.pool.query<AppendRow>(this.sql.appendEvents, [
        call.clientId,
        call.expectedVersion,
        call.fromVersion,
        call.fromHash,
        call.key,
        call.requestHash,
        ...columnArguments([c]),
      ])
    ).rows[0];
  }
}

/** The eleven column arrays of append_events, the members' events end to end. */
function columnArguments(members: InsertColumns[]): unknown[] {
  const all = <K extends keyof InsertColumns>(key: K) =>
    members.length === 1 ? members[0][key] : members.flatMap((c) => c[key] as unknown[]);
  return [
    all('eventIds'),
    all('versions'),
    all('types'),
    all('schemaVersions'),
    all('occurredAts'),
    all('recordedAts'),
    all('actors'),
    all('correlationIds'),
    all('causationIds'),
    all('datas'),
    all('hashes'),
  ];
}

function groupArguments(group: Waiting[]): unknown[] {
  const calls = group.map((w) => w.call);
  return [
    calls.map((c) => c.clientId),
    calls.map((c) => c.expectedVersion),
    calls.map((c) => c.fromVersion),
    calls.map((c) => c.fromHash),
    calls.map((c) => c.key),
    calls.map((c) => c.requestHash),
    calls.map((c) => c.columns.eventIds.length),
    ...columnArguments(calls.map((c) => c.columns)),
  ];
}
