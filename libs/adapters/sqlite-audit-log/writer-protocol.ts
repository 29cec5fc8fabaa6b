import type { DisclosureEntry, UsageEntry } from '../../audit-log/index.js';
import type { PackedUsage } from './packing.js';

/** What the writer thread starts with. */
export interface WriterInput {
  path: string;
}

/** One request's entries: usage packed by packing.ts. */
export interface WriteRequest {
  id: number;
  usage: UsageEntry[] | PackedUsage;
  disclosures: DisclosureEntry[];
}

/** A batch of requests, or the order to commit what is queued and stop. */
export type ToWriter = WriteRequest[] | typeof CLOSE_WRITER;
export const CLOSE_WRITER = 'close';

/** Committed requests, or one request that failed (with SQLite's code, e.g. SQLITE_CONSTRAINT_NOTNULL). */
export type FromWriter = { done: number[] } | { failed: number; message: string; code?: string };
