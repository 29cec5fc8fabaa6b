import type Database from 'better-sqlite3';
import type { AuditQuery, UsageEntry } from '../../audit-log/index.js';

export type StoredUsage = UsageEntry & { id: string };
type Filters = { sql: string; params: unknown[] };
interface RequestRow {
  firstId: number; setId: number; at: string; personId: string | null; organisationId: string | null; role: string | null;
  view: string; purpose: string | null; outcome: UsageEntry['outcome']; detail: string | null; correlationId: string | null;
}

const REQUEST_COLUMNS = `r.first_id AS firstId, r.set_id AS setId, r.at, r.person_id AS personId, r.organisation_id AS organisationId,
  r.role, r.view, r.purpose, r.outcome, r.detail, r.correlation_id AS correlationId`;
const ENTRY_COLUMNS = `at, person_id AS personId, organisation_id AS organisationId, role, client_id AS clientId, view, purpose,
  outcome, detail, correlation_id AS correlationId`;

/** The filters other than the client, on a table with the usage columns under `alias`. */
function filters(q: AuditQuery, alias: string): Filters {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, v: unknown) => { parts.push(`${alias}.${cond}`); params.push(v); };
  if (q.personId) add('person_id = ?', q.personId);
  if (q.organisationId) add('organisation_id = ?', q.organisationId);
  if (q.from) add('at >= ?', q.from);
  if (q.to) add('at < ?', q.to);
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

const entry = (r: RequestRow, id: number, clientId: string | null): StoredUsage => ({
  id: String(id), at: r.at, personId: r.personId, organisationId: r.organisationId, role: r.role, clientId,
  view: r.view, purpose: r.purpose, outcome: r.outcome, detail: r.detail, correlationId: r.correlationId,
});

/**
 * Usage entries in id order, up to `limit`: the one-row-per-entry table (older entries)
 * merged with the per-request rows expanded into one entry per client (schema.ts).
 */
export function queryUsage(db: Database.Database, q: AuditQuery): StoredUsage[] {
  const limit = q.limit ?? 1000;
  const legacy = filters(q, 'u');
  const client = q.clientId ? { sql: ' AND u.client_id = ?', params: [q.clientId] } : { sql: '', params: [] };
  const older = (db.prepare(`SELECT id, ${ENTRY_COLUMNS} FROM usage_log u WHERE 1 = 1${client.sql}${legacy.sql} ORDER BY id LIMIT ?`)
    .all(...client.params, ...legacy.params, limit) as (UsageEntry & { id: number })[]).map((e) => ({ ...e, id: String(e.id) }));
  const newer = q.clientId ? ofClient(db, q.clientId, q, limit) : expanded(db, q, limit);
  return merge(older, newer, limit);
}

/** A client's entries: the sets that hold the client (by position), then the requests that used them. */
function ofClient(db: Database.Database, clientId: string, q: AuditQuery, limit: number): StoredUsage[] {
  const f = filters(q, 'r');
  const rows = db.prepare(`SELECT ${REQUEST_COLUMNS}, r.first_id + m.position AS id FROM usage_client_set_member m
      JOIN usage_request r ON r.set_id = m.set_id WHERE m.client_id = ?${f.sql} ORDER BY id LIMIT ?`)
    .all(clientId, ...f.params, limit) as (RequestRow & { id: number })[];
  return rows.map((r) => entry(r, r.id, clientId));
}

/** Every client of each request in order; each request has at least one entry, so `limit` requests are enough. */
function expanded(db: Database.Database, q: AuditQuery, limit: number): StoredUsage[] {
  const f = filters(q, 'r');
  const requests = db.prepare(`SELECT ${REQUEST_COLUMNS} FROM usage_request r WHERE 1 = 1${f.sql} ORDER BY r.first_id LIMIT ?`)
    .all(...f.params, limit) as RequestRow[];
  const setOf = db.prepare('SELECT client_ids FROM usage_client_set WHERE id = ?').pluck();
  const sets = new Map<number, (string | null)[]>();
  const out: StoredUsage[] = [];
  for (const r of requests) {
    let clientIds = sets.get(r.setId);
    if (!clientIds) sets.set(r.setId, clientIds = JSON.parse(setOf.get(r.setId) as string) as (string | null)[]);
    for (let i = 0; i < clientIds.length && out.length < limit; i++) out.push(entry(r, r.firstId + i, clientIds[i]));
    if (out.length >= limit) break;
  }
  return out;
}

function merge(a: StoredUsage[], b: StoredUsage[], limit: number): StoredUsage[] {
  if (a.length === 0) return b;
  return [...a, ...b].sort((x, y) => Number(x.id) - Number(y.id)).slice(0, limit);
}
