import type Database from 'better-sqlite3';
import type { AuditQuery, UsageEntry } from '../../audit-log/index.js';

export type StoredUsage = UsageEntry & { id: string };
type Filters = { sql: string; params: unknown[] };
interface RequestRow {
  firstId: number;
  setId: number;
  at: string;
  personId: string | null;
  organisationId: string | null;
  role: string | null;
  view: string;
  purpose: string | null;
  outcome: UsageEntry['outcome'];
  detail: string | null;
  correlationId: string | null;
}

const REQUEST_COLUMNS = `r.first_id AS firstId, r.set_id AS setId, r.at, r.person_id AS personId, r.organisation_id AS organisationId,
  r.role, r.view, r.purpose, r.outcome, r.detail, r.correlation_id AS correlationId`;
const ENTRY_COLUMNS = `at, person_id AS personId, organisation_id AS organisationId, role, client_id AS clientId, view, purpose,
  outcome, detail, correlation_id AS correlationId`;

/**
 * The filters other than the client, on a table with the usage columns under `alias`;
 * `id` is that table's entry-id expression (beforeId bounds it).
 */
function filters(q: AuditQuery, alias: string, id: string): Filters {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, v: unknown) => {
    parts.push(cond);
    params.push(v);
  };
  if (q.personId) add(`${alias}.person_id = ?`, q.personId);
  if (q.organisationId) add(`${alias}.organisation_id = ?`, q.organisationId);
  if (q.from) add(`${alias}.at >= ?`, q.from);
  if (q.to) add(`${alias}.at < ?`, q.to);
  if (q.beforeId !== undefined) add(`${id} < ?`, Number(q.beforeId));
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

const direction = (q: AuditQuery): string => (q.newestFirst ? 'DESC' : 'ASC');

const entry = (r: RequestRow, id: number, clientId: string | null): StoredUsage => ({
  id: String(id),
  at: r.at,
  personId: r.personId,
  organisationId: r.organisationId,
  role: r.role,
  clientId,
  view: r.view,
  purpose: r.purpose,
  outcome: r.outcome,
  detail: r.detail,
  correlationId: r.correlationId,
});

/**
 * Usage entries in id order (or newest first), up to `limit`: the one-row-per-entry table
 * (older entries) merged with the per-request rows expanded into one entry per client (schema.ts).
 */
export function queryUsage(db: Database.Database, q: AuditQuery): StoredUsage[] {
  const limit = q.limit ?? 1000;
  const legacy = filters(q, 'u', 'u.id');
  const client = q.clientId ? { sql: ' AND u.client_id = ?', params: [q.clientId] } : { sql: '', params: [] };
  const older = (
    db
      .prepare(
        `SELECT id, ${ENTRY_COLUMNS} FROM usage_log u WHERE 1 = 1${client.sql}${legacy.sql} ORDER BY id ${direction(q)} LIMIT ?`,
      )
      .all(...client.params, ...legacy.params, limit) as (UsageEntry & { id: number })[]
  ).map((e) => ({ ...e, id: String(e.id) }));
  const newer = q.clientId ? ofClient(db, q.clientId, q, limit) : expanded(db, q, limit);
  return merge(older, newer, limit, q.newestFirst ?? false);
}

/** A client's entries: the sets that hold the client (by position), then the requests that used them. */
function ofClient(db: Database.Database, clientId: string, q: AuditQuery, limit: number): StoredUsage[] {
  const f = filters(q, 'r', '(r.first_id + m.position)');
  const rows = db
    .prepare(`SELECT ${REQUEST_COLUMNS}, r.first_id + m.position AS id FROM usage_client_set_member m
      JOIN usage_request r ON r.set_id = m.set_id WHERE m.client_id = ?${f.sql} ORDER BY id ${direction(q)} LIMIT ?`)
    .all(clientId, ...f.params, limit) as (RequestRow & { id: number })[];
  return rows.map((r) => entry(r, r.id, clientId));
}

/**
 * Every client of each request in order (or newest first); each request has at least one
 * entry, so `limit` requests are enough. A request starting below beforeId may hold ids at
 * or above it: those are skipped.
 */
function expanded(db: Database.Database, q: AuditQuery, limit: number): StoredUsage[] {
  const f = filters(q, 'r', 'r.first_id');
  const requests = db
    .prepare(
      `SELECT ${REQUEST_COLUMNS} FROM usage_request r WHERE 1 = 1${f.sql} ORDER BY r.first_id ${direction(q)} LIMIT ?`,
    )
    .all(...f.params, limit) as RequestRow[];
  const setOf = db.prepare('SELECT client_ids FROM usage_client_set WHERE id = ?').pluck();
  const sets = new Map<number, (string | null)[]>();
  const below = q.beforeId === undefined ? Infinity : Number(q.beforeId);
  const out: StoredUsage[] = [];
  for (const r of requests) {
    let clientIds = sets.get(r.setId);
    if (!clientIds) {
      clientIds = JSON.parse(setOf.get(r.setId) as string) as (string | null)[];
      sets.set(r.setId, clientIds);
    }
    const positions = clientIds.map((_, i) => i).filter((i) => r.firstId + i < below);
    if (q.newestFirst) positions.reverse();
    for (const i of positions) {
      if (out.length >= limit) break;
      out.push(entry(r, r.firstId + i, clientIds[i]));
    }
    if (out.length >= limit) break;
  }
  return out;
}

function merge(a: StoredUsage[], b: StoredUsage[], limit: number, newestFirst: boolean): StoredUsage[] {
  if (a.length === 0) return b;
  const sign = newestFirst ? -1 : 1;
  return [...a, ...b].sort((x, y) => sign * (Number(x.id) - Number(y.id))).slice(0, limit);
}
