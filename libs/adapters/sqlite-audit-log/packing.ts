import type { UsageEntry } from '../../audit-log/index.js';

/** Usage entries of one request that differ only in the client (a caseload, a worklist). */
export interface PackedUsage {
  shared: Omit<UsageEntry, 'clientId'>;
  clientIds: (string | null)[];
}

const SHARED_FIELDS = [
  'at',
  'personId',
  'organisationId',
  'role',
  'view',
  'purpose',
  'outcome',
  'detail',
  'correlationId',
] as const;

/**
 * What crosses to the writer thread: a worklist's thousands of entries as one shared entry
 * and a list of client ids (cheap to copy between threads), anything else as it is.
 */
export function packUsage(entries: UsageEntry[]): UsageEntry[] | PackedUsage {
  const [first] = entries;
  if (entries.length < 2 || entries.some((e) => SHARED_FIELDS.some((f) => e[f] !== first[f]))) return entries;
  const { clientId: _, ...shared } = first;
  return { shared, clientIds: entries.map((e) => e.clientId) };
}
