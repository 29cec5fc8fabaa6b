import type { Database } from 'better-sqlite3';
import { DATA_TABLES } from './schema.js';

/**
 * Every statement the read store runs, prepared once at open. Optional filters use
 * `(@x IS NULL OR col = @x)` so one statement serves every filter combination; id lists
 * travel as one JSON array through json_each instead of a variable-length IN (...).
 */
export function prepareStatements(db: Database) {
  const byClients = (table: string, columns: string) =>
    db.prepare(`SELECT ${columns} FROM ${table}
      WHERE client_id IN (SELECT value FROM json_each(?)) ORDER BY client_id, rowid`);

  return {
    // positions are read as bigint (safeIntegers) so they never lose precision
    getCheckpoint: db.prepare('SELECT position FROM checkpoints WHERE name = ?').pluck().safeIntegers(true),
    setCheckpoint: db.prepare(`INSERT INTO checkpoints (name, position) VALUES (?, ?)
      ON CONFLICT (name) DO UPDATE SET position = excluded.position`),

    getModels: db.prepare(`SELECT client_id AS clientId, last_position AS lastPosition, path, state
      FROM client_models WHERE client_id IN (SELECT value FROM json_each(?))`).safeIntegers(true),
    getCaseloadOf: byClients('caseload', CASELOAD_COLUMNS),
    getDeadlinesOf: byClients('deadlines', DEADLINE_COLUMNS),
    getOutcomesOf: byClients('outcomes', OUTCOME_COLUMNS),
    getCompensationOf: byClients('compensation', COMPENSATION_COLUMNS),

    upsertModel: db.prepare(`INSERT INTO client_models (client_id, last_position, path, state)
      VALUES (@clientId, @lastPosition, @path, @state)
      ON CONFLICT (client_id) DO UPDATE SET
        last_position = excluded.last_position, path = excluded.path, state = excluded.state`),
    deleteCaseload: db.prepare('DELETE FROM caseload WHERE client_id = ?'),
    deleteDeadlines: db.prepare('DELETE FROM deadlines WHERE client_id = ?'),
    deleteOutcomes: db.prepare('DELETE FROM outcomes WHERE client_id = ?'),
    deleteCompensation: db.prepare('DELETE FROM compensation WHERE client_id = ?'),
    insertCaseload: db.prepare(`INSERT INTO caseload
      (client_id, person_id, person_name, organisation_id, role, since, lead)
      VALUES (@clientId, @personId, @personName, @organisationId, @role, @since, @lead)`),
    insertDeadline: db.prepare(`INSERT INTO deadlines
      (client_id, organisation_id, kind, due_date, ref_id, description)
      VALUES (@clientId, @organisationId, @kind, @dueDate, @refId, @description)`),
    insertOutcome: db.prepare(`INSERT INTO outcomes (client_id, period_id, service_type, provider_id,
      organisation_id, start_date, end_date, end_reason, continuation)
      VALUES (@clientId, @periodId, @serviceType, @providerId, @organisationId, @startDate, @endDate,
        @endReason, @continuation)`),
    insertCompensation: db.prepare(`INSERT INTO compensation
      (client_id, period_id, month, payer, component, attended_days, cents)
      VALUES (@clientId, @periodId, @month, @payer, @component, @attendedDays, @cents)`),

    clientPath: db.prepare('SELECT path, last_position AS lastPosition FROM client_models WHERE client_id = ?')
      .safeIntegers(true),
    clientDocuments: db.prepare('SELECT last_position AS lastPosition, path, state FROM client_models WHERE client_id = ?')
      .safeIntegers(true),
    caseload: db.prepare(`SELECT ${CASELOAD_COLUMNS} FROM caseload WHERE person_id = ?
      ORDER BY since, client_id, rowid`),
    caseloadCounts: db.prepare(`SELECT person_id AS personId, max(person_name) AS personName, role,
        count(DISTINCT client_id) AS clients
      FROM caseload WHERE organisation_id = ? GROUP BY person_id, role ORDER BY person_id, role`),
    worklist: db.prepare(`SELECT ${DEADLINE_COLUMNS} FROM deadlines
      WHERE organisation_id = @organisationId AND due_date <= @dueOnOrBefore
        AND (@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
        AND (@afterDue IS NULL OR (due_date, client_id, kind, ref_id) > (@afterDue, @afterClient, @afterKind, @afterRef))
      ORDER BY due_date, client_id, kind, ref_id
      LIMIT @limit`),
    outcomeStats: db.prepare(`SELECT end_reason AS endReason, continuation, service_type AS serviceType,
        provider_id AS providerId, organisation_id AS organisationId, substr(end_date, 1, 7) AS month,
        count(*) AS periods
      FROM outcomes
      WHERE (@organisationId IS NULL OR organisation_id = @organisationId)
        AND (@providerId IS NULL OR provider_id = @providerId)
        AND (@serviceType IS NULL OR service_type = @serviceType)
        AND (@from IS NULL OR end_date >= @from)
        AND (@to IS NULL OR end_date <= @to)
      GROUP BY end_reason, continuation, service_type, provider_id, organisation_id, month
      ORDER BY month, organisationId, providerId, serviceType, endReason, continuation`),
    compensationLedger: db.prepare(`SELECT month, payer, component, sum(attended_days) AS attendedDays,
        sum(cents) AS cents, count(DISTINCT client_id) AS clients
      FROM compensation
      WHERE (@fromMonth IS NULL OR month >= @fromMonth)
        AND (@toMonth IS NULL OR month <= @toMonth)
        AND (@payer IS NULL OR payer = @payer)
        AND (@component IS NULL OR component = @component)
        AND (@clientId IS NULL OR client_id = @clientId)
      GROUP BY month, payer, component
      ORDER BY month, payer, component`),
    resetAll: DATA_TABLES.map((table) => db.prepare(`DELETE FROM ${table}`)),
    clientCompensation: db.prepare(`SELECT ${COMPENSATION_COLUMNS} FROM compensation WHERE client_id = ?
      ORDER BY month, period_id, payer, component, rowid`),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

const CASELOAD_COLUMNS = `client_id AS clientId, person_id AS personId, person_name AS personName,
  organisation_id AS organisationId, role, since, lead`;
const DEADLINE_COLUMNS = `client_id AS clientId, organisation_id AS organisationId, kind,
  due_date AS dueDate, ref_id AS refId, description`;
const OUTCOME_COLUMNS = `client_id AS clientId, period_id AS periodId, service_type AS serviceType,
  provider_id AS providerId, organisation_id AS organisationId, start_date AS startDate,
  end_date AS endDate, end_reason AS endReason, continuation`;
// euros are stored as integer cents; callers convert with centsToEuros
const COMPENSATION_COLUMNS = `client_id AS clientId, period_id AS periodId, month, payer, component,
  attended_days AS attendedDays, cents`;
