import type { AuditQuery } from '../../../../libs/audit-log/index.js';
import { decodePageCursor, encodePageCursor } from '../shared/page-cursor.js';
import type { LogPageQueryDto } from './audit.dto.js';
import { LOG_PAGE } from './audit.dto.js';

export interface LogPage<E> {
  entries: E[];
  /** Pass as `after` for the next, older page; null on the last page. */
  nextCursor: string | null;
}

/** A log place is the id of the last entry shown; null once that log has no older entries. */
type Place = string | null;
const isPlace = (v: unknown): v is Place => v === null || (typeof v === 'string' && /^\d{1,18}$/.test(v));
const isPlaces =
  (n: number) =>
  (v: unknown): v is Place[] =>
    Array.isArray(v) && v.length === n && v.every(isPlace);

/**
 * One page of one log, newest first: asks for one entry more than the page to know
 * whether older ones remain. `place` null: this log was read to its end on an earlier page.
 */
async function pageOf<E extends { id: string }>(
  read: (q: AuditQuery) => Promise<E[]>,
  filter: AuditQuery,
  limit: number,
  place: Place | undefined,
): Promise<{ entries: E[]; next: Place }> {
  if (place === null) return { entries: [], next: null };
  const found = await read({
    ...filter,
    newestFirst: true,
    limit: limit + 1,
    ...(place !== undefined && { beforeId: place }),
  });
  const entries = found.slice(0, limit);
  return { entries, next: found.length > limit ? entries[entries.length - 1].id : null };
}

/**
 * Pages of one or more logs read side by side (the client's own log shows usage and
 * disclosures together): each log gives up to `limit` entries per page, and one cursor
 * carries each log's place.
 */
export async function readLogPages<L extends Record<string, (q: AuditQuery) => Promise<{ id: string }[]>>>(
  logs: L,
  filter: AuditQuery,
  page: LogPageQueryDto,
): Promise<{ [K in keyof L]: Awaited<ReturnType<L[K]>> } & { nextCursor: string | null }> {
  const names = Object.keys(logs);
  const places = decodePageCursor(page.after, isPlaces(names.length), 'log');
  const window = {
    ...filter,
    ...(page.from !== undefined && { from: page.from }),
    ...(page.to !== undefined && { to: page.to }),
  };
  const pages = await Promise.all(
    names.map((name, i) => pageOf(logs[name], window, page.limit ?? LOG_PAGE, places?.[i])),
  );
  const nexts = pages.map((p) => p.next);
  return {
    ...Object.fromEntries(names.map((name, i) => [name, pages[i].entries])),
    nextCursor: nexts.some((n) => n !== null) ? encodePageCursor(nexts) : null,
  } as { [K in keyof L]: Awaited<ReturnType<L[K]>> } & { nextCursor: string | null };
}

export const logPageOf = async <E extends { id: string }>(
  read: (q: AuditQuery) => Promise<E[]>,
  filter: AuditQuery,
  page: LogPageQueryDto,
): Promise<LogPage<E>> => {
  const { entries, nextCursor } = await readLogPages({ entries: read }, filter, page);
  return { entries: entries as E[], nextCursor };
};
