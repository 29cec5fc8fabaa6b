/**
 * The audit file's tables. Triggers make every table append-only, even for someone with a SQL
 * prompt on the API's connection.
 *
 * Usage is written per request (`usage_request`): the fields a request's entries share, and
 * the list of clients it concerned as a *client set*, stored once per distinct list and
 * indexed by client once (`usage_client_set_member`). A worklist read again and again over
 * the same clients costs one row, not one indexed row per client (docs/performance.md). The
 * request's entries have the ids first_id .. first_id + size - 1, one per position in its
 * set, so ids stay unique and in write order, continuing the `usage_log` table where entries
 * were stored one row each before (still read, no longer written).
 */
export const AUDIT_SCHEMA = `
CREATE TABLE IF NOT EXISTS usage_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL, person_id TEXT, organisation_id TEXT, role TEXT, client_id TEXT,
  view TEXT NOT NULL, purpose TEXT, outcome TEXT NOT NULL, detail TEXT, correlation_id TEXT
);
CREATE INDEX IF NOT EXISTS usage_by_client ON usage_log (client_id, at);
CREATE INDEX IF NOT EXISTS usage_by_person ON usage_log (person_id, at);
CREATE TABLE IF NOT EXISTS usage_client_set (
  id INTEGER PRIMARY KEY, digest TEXT NOT NULL UNIQUE, client_ids TEXT NOT NULL -- JSON array, nulls allowed
);
CREATE TABLE IF NOT EXISTS usage_client_set_member (
  client_id TEXT NOT NULL, set_id INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (client_id, set_id, position)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS usage_request (
  first_id INTEGER PRIMARY KEY, set_id INTEGER NOT NULL REFERENCES usage_client_set (id), size INTEGER NOT NULL CHECK (size > 0),
  at TEXT NOT NULL, person_id TEXT, organisation_id TEXT, role TEXT,
  view TEXT NOT NULL, purpose TEXT, outcome TEXT NOT NULL, detail TEXT, correlation_id TEXT
);
CREATE INDEX IF NOT EXISTS usage_request_by_set ON usage_request (set_id, first_id);
CREATE INDEX IF NOT EXISTS usage_request_by_person ON usage_request (person_id, at);
CREATE TABLE IF NOT EXISTS disclosure_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL, client_id TEXT NOT NULL, from_organisation_id TEXT NOT NULL, to_organisation_id TEXT NOT NULL,
  to_person_id TEXT, what TEXT NOT NULL, basis TEXT NOT NULL, channel TEXT NOT NULL, correlation_id TEXT
);
CREATE INDEX IF NOT EXISTS disclosure_by_client ON disclosure_log (client_id, at);
CREATE INDEX IF NOT EXISTS disclosure_by_to_org ON disclosure_log (to_organisation_id, at);
${['usage_log', 'usage_client_set', 'usage_client_set_member', 'usage_request', 'disclosure_log']
  .map(
    (table) => `
CREATE TRIGGER IF NOT EXISTS ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table.startsWith('disclosure') ? 'disclosure' : 'usage'} log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table.startsWith('disclosure') ? 'disclosure' : 'usage'} log is append-only'); END;`,
  )
  .join('')}
`;

/** The writer thread's statements (writer-source.ts). */
export const WRITER_SQL = {
  /** Where the next request's ids start: after the last request, else after the one-row-per-entry table. */
  lastRequestEnd: 'SELECT first_id + size FROM usage_request ORDER BY first_id DESC LIMIT 1',
  lastEntryRowId: 'SELECT coalesce(max(id), 0) FROM usage_log',
  findSet: 'SELECT id FROM usage_client_set WHERE digest = ?',
  insertSet: 'INSERT INTO usage_client_set (digest, client_ids) VALUES (?, ?)',
  insertMembers: `INSERT INTO usage_client_set_member (client_id, set_id, position)
    SELECT value, @setId, key FROM json_each(@clientIds) WHERE value IS NOT NULL`,
  insertRequest: `INSERT INTO usage_request (first_id, set_id, size, at, person_id, organisation_id, role, view, purpose, outcome, detail, correlation_id)
    VALUES (@firstId, @setId, @size, @at, @personId, @organisationId, @role, @view, @purpose, @outcome, @detail, @correlationId)`,
  insertDisclosure: `INSERT INTO disclosure_log (at, client_id, from_organisation_id, to_organisation_id, to_person_id, what, basis, channel, correlation_id)
    VALUES (@at, @clientId, @fromOrganisationId, @toOrganisationId, @toPersonId, @what, @basis, @channel, @correlationId)`,
};
