/**
 * Usage and disclosure logs (law 703/2023 §10–11). Append-only: entries are never changed
 * or removed; the client may receive the entries about their own data.
 */
export type UsageOutcome = 'allowed' | 'refused' | 'unauthenticated';

export interface UsageEntry {
  at: string; // ISO instant
  /** Null when the caller could not be identified (no or forged token). */
  personId: string | null;
  organisationId: string | null;
  role: string | null;
  /** Whose data; null for requests that name no client. */
  clientId: string | null;
  /** What was read, e.g. 'path', 'events', 'path-as-known', 'caseload'. */
  view: string;
  purpose: string | null;
  outcome: UsageOutcome;
  /** Refusal reason or the relationship bases that allowed it. */
  detail: string | null;
  correlationId: string | null;
}

export interface DisclosureEntry {
  at: string;
  clientId: string;
  /** Organisation whose entries were disclosed. */
  fromOrganisationId: string;
  toOrganisationId: string;
  toPersonId: string | null;
  /** What was disclosed, e.g. 'path: 12 entries'. */
  what: string;
  /** `consent:<id>` or `legal_basis:<code>`. */
  basis: string;
  channel: 'api' | 'kafka' | 'export';
  correlationId: string | null;
}

export interface AuditQuery {
  clientId?: string;
  personId?: string;
  organisationId?: string;
  from?: string; // ISO instant, inclusive
  to?: string; // ISO instant, exclusive
  limit?: number;
  /** Newest entries first (a page of the log as people read it); default oldest first. */
  newestFirst?: boolean;
  /** Only entries with a lower id (exclusive): the next page of a newest-first listing. */
  beforeId?: string;
}

/**
 * Where a log times its writes, what the write of a request's entries took there (ms): the
 * API's `Server-Timing` then tells a read's wait for its log apart into the writer's part and
 * the hand-over to and from it.
 */
export interface LogWriteTiming {
  /** In the log's writer: from the entries' arrival there to their commit's end (queued behind an earlier commit included). */
  inWriterMs: number;
  /** The commit that made them durable, shared with the writes committed together: the write lock, the inserts, the fsync. */
  commitMs: number;
  /** Of the commit, the wait for the log's write lock (held meanwhile by another process's writer). */
  lockMs: number;
}

export interface AuditLog {
  /** Durable on return: a read is logged before its data leaves. */
  recordUsage(entries: UsageEntry[]): Promise<LogWriteTiming | undefined>;
  recordDisclosures(entries: DisclosureEntry[]): Promise<LogWriteTiming | undefined>;
  /** Usage and disclosures of one request together: durable on return, all or nothing. */
  record(usage: UsageEntry[], disclosures: DisclosureEntry[]): Promise<LogWriteTiming | undefined>;
  usage(query: AuditQuery): Promise<(UsageEntry & { id: string })[]>;
  disclosures(query: AuditQuery): Promise<(DisclosureEntry & { id: string })[]>;
  close(): Promise<void>;
}
