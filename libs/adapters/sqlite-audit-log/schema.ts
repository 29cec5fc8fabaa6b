/** Triggers make the log append-only even for someone with a SQL prompt on the API's connection. */
export const AUDIT_SCHEMA = `
CREATE TABLE IF NOT EXISTS usage_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL, person_id TEXT, organisation_id TEXT, role TEXT, client_id TEXT,
  view TEXT NOT NULL, purpose TEXT, outcome TEXT NOT NULL, detail TEXT, correlation_id TEXT
);
CREATE INDEX IF NOT EXISTS usage_by_client ON usage_log (client_id, at);
CREATE INDEX IF NOT EXISTS usage_by_person ON usage_log (person_id, at);
CREATE TABLE IF NOT EXISTS disclosure_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL, client_id TEXT NOT NULL, from_organisation_id TEXT NOT NULL, to_organisation_id TEXT NOT NULL,
  to_person_id TEXT, what TEXT NOT NULL, basis TEXT NOT NULL, channel TEXT NOT NULL, correlation_id TEXT
);
CREATE INDEX IF NOT EXISTS disclosure_by_client ON disclosure_log (client_id, at);
CREATE INDEX IF NOT EXISTS disclosure_by_to_org ON disclosure_log (to_organisation_id, at);
CREATE TRIGGER IF NOT EXISTS usage_log_no_update BEFORE UPDATE ON usage_log BEGIN SELECT RAISE(ABORT, 'usage log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS usage_log_no_delete BEFORE DELETE ON usage_log BEGIN SELECT RAISE(ABORT, 'usage log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS disclosure_log_no_update BEFORE UPDATE ON disclosure_log BEGIN SELECT RAISE(ABORT, 'disclosure log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS disclosure_log_no_delete BEFORE DELETE ON disclosure_log BEGIN SELECT RAISE(ABORT, 'disclosure log is append-only'); END;
`;
