import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditLog, AuditQuery, DisclosureEntry, LogWriteTiming, UsageEntry } from '../../audit-log/index.js';
import { GroupCommitWriter } from './group-commit-writer.js';
import { AUDIT_SCHEMA } from './schema.js';
import { queryUsage } from './usage-queries.js';

type Row = Record<string, unknown>;
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const toEntry = <T>(row: Row): T & { id: string } =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), k === 'id' ? String(v) : v])) as T & { id: string };

function where(q: AuditQuery): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, v: unknown) => {
    parts.push(cond);
    params.push(v);
  };
  if (q.clientId) add('client_id = ?', q.clientId);
  if (q.personId) add('to_person_id = ?', q.personId);
  if (q.organisationId) add('to_organisation_id = ?', q.organisationId);
  if (q.from) add('at >= ?', q.from);
  if (q.to) add('at < ?', q.to);
  if (q.beforeId !== undefined) add('id < ?', Number(q.beforeId));
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * The usage and disclosure logs in their own SQLite file (WAL, synchronous=FULL; tables in
 * schema.ts). Writes go through a writer thread with group commit (group-commit-writer.ts);
 * queries run on this thread's own connection and see every write whose promise resolved.
 */
export class SqliteAuditLog implements AuditLog {
  private constructor(
    private readonly db: Database.Database,
    private readonly writer: GroupCommitWriter,
  ) {}

  static open(path: string): SqliteAuditLog {
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.exec(AUDIT_SCHEMA);
    return new SqliteAuditLog(db, new GroupCommitWriter(path));
  }

  recordUsage(entries: UsageEntry[]): Promise<LogWriteTiming | undefined> {
    return this.writer.write(entries, []);
  }

  recordDisclosures(entries: DisclosureEntry[]): Promise<LogWriteTiming | undefined> {
    return this.writer.write([], entries);
  }

  record(usage: UsageEntry[], disclosures: DisclosureEntry[]): Promise<LogWriteTiming | undefined> {
    return this.writer.write(usage, disclosures);
  }

  async usage(q: AuditQuery): Promise<(UsageEntry & { id: string })[]> {
    return queryUsage(this.db, q);
  }

  async disclosures(q: AuditQuery): Promise<(DisclosureEntry & { id: string })[]> {
    const w = where(q);
    const rows = this.db
      .prepare(`SELECT * FROM disclosure_log ${w.sql} ORDER BY id ${q.newestFirst ? 'DESC' : 'ASC'} LIMIT ?`)
      .all(...w.params, q.limit ?? 1000) as Row[];
    return rows.map((r) => toEntry<DisclosureEntry>(r));
  }

  async close(): Promise<void> {
    await this.writer.close();
    if (this.db.open) this.db.close();
  }
}
