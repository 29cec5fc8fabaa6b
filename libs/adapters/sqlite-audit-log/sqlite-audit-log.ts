import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditLog, AuditQuery, DisclosureEntry, UsageEntry } from '../../audit-log/index.js';
import { AUDIT_SCHEMA } from './schema.js';

type Row = Record<string, unknown>;
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const toEntry = <T>(row: Row): T & { id: string } =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), k === 'id' ? String(v) : v])) as T & { id: string };

function where(q: AuditQuery, orgColumn: string): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, v: unknown) => { parts.push(cond); params.push(v); };
  if (q.clientId) add('client_id = ?', q.clientId);
  if (q.personId) add(orgColumn === 'organisation_id' ? 'person_id = ?' : 'to_person_id = ?', q.personId);
  if (q.organisationId) add(`${orgColumn} = ?`, q.organisationId);
  if (q.from) add('at >= ?', q.from);
  if (q.to) add('at < ?', q.to);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** The usage and disclosure logs in their own SQLite file (WAL, synchronous=FULL). */
export class SqliteAuditLog implements AuditLog {
  private readonly insertUsage;
  private readonly insertDisclosure;

  private constructor(private readonly db: Database.Database) {
    this.insertUsage = db.prepare(`INSERT INTO usage_log (at, person_id, organisation_id, role, client_id, view, purpose, outcome, detail, correlation_id)
      VALUES (@at, @personId, @organisationId, @role, @clientId, @view, @purpose, @outcome, @detail, @correlationId)`);
    this.insertDisclosure = db.prepare(`INSERT INTO disclosure_log (at, client_id, from_organisation_id, to_organisation_id, to_person_id, what, basis, channel, correlation_id)
      VALUES (@at, @clientId, @fromOrganisationId, @toOrganisationId, @toPersonId, @what, @basis, @channel, @correlationId)`);
  }

  static open(path: string): SqliteAuditLog {
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.exec(AUDIT_SCHEMA);
    return new SqliteAuditLog(db);
  }

  async recordUsage(entries: UsageEntry[]): Promise<void> {
    if (entries.length) this.db.transaction(() => entries.forEach((e) => this.insertUsage.run(e)))();
  }

  async recordDisclosures(entries: DisclosureEntry[]): Promise<void> {
    if (entries.length) this.db.transaction(() => entries.forEach((e) => this.insertDisclosure.run(e)))();
  }

  async usage(q: AuditQuery): Promise<(UsageEntry & { id: string })[]> {
    const w = where(q, 'organisation_id');
    const rows = this.db.prepare(`SELECT * FROM usage_log ${w.sql} ORDER BY id LIMIT ?`).all(...w.params, q.limit ?? 1000) as Row[];
    return rows.map((r) => toEntry<UsageEntry>(r));
  }

  async disclosures(q: AuditQuery): Promise<(DisclosureEntry & { id: string })[]> {
    const w = where(q, 'to_organisation_id');
    const rows = this.db.prepare(`SELECT * FROM disclosure_log ${w.sql} ORDER BY id LIMIT ?`).all(...w.params, q.limit ?? 1000) as Row[];
    return rows.map((r) => toEntry<DisclosureEntry>(r));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
