/**
 * Every statement of one read store, schema baked in. Optional filters use
 * `($n::text IS NULL OR col = $n)` so one statement serves every filter combination; lists
 * travel as arrays (`= ANY($1)`, `unnest(...)`) so a batch is a few statements, not a loop.
 */
export function statements(s: string) {
  const rows = (table: string, columns: string) => `SELECT ${columns} FROM ${s}.${table}
    WHERE client_id = ANY($1::text[]) ORDER BY client_id, ord`;
  return {
    commitLock: "SELECT pg_advisory_xact_lock(hashtextextended('polku.read:' || $1, 0))",
    getCheckpoint: `SELECT position FROM ${s}.checkpoints WHERE name = $1`,
    setCheckpoint: `INSERT INTO ${s}.checkpoints (name, position) VALUES ($1, $2)
      ON CONFLICT (name) DO UPDATE SET position = excluded.position`,

    getModels: `SELECT client_id AS "clientId", last_position AS "lastPosition", path, state
      FROM ${s}.client_models WHERE client_id = ANY($1::text[])`,
    getCaseloadOf: rows('caseload', CASELOAD_COLUMNS),
    getDeadlinesOf: rows('deadlines', DEADLINE_COLUMNS),
    getOutcomesOf: rows('outcomes', OUTCOME_COLUMNS),
    getCompensationOf: rows('compensation', COMPENSATION_COLUMNS),

    upsertModels: `INSERT INTO ${s}.client_models (client_id, last_position, path, state)
      SELECT * FROM unnest($1::text[], $2::bigint[], $3::jsonb[], $4::jsonb[])
      ON CONFLICT (client_id) DO UPDATE SET
        last_position = excluded.last_position, path = excluded.path, state = excluded.state`,
    deleteRows: ['caseload', 'deadlines', 'outcomes', 'compensation']
      .map((table) => `DELETE FROM ${s}.${table} WHERE client_id = ANY($1::text[])`),
    insertCaseload: `INSERT INTO ${s}.caseload (client_id, ord, person_id, person_name, organisation_id, role, since, lead)
      SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[])`,
    insertDeadlines: `INSERT INTO ${s}.deadlines (client_id, ord, organisation_id, kind, due_date, ref_id, description)
      SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
    insertOutcomes: `INSERT INTO ${s}.outcomes (client_id, ord, period_id, service_type, provider_id, organisation_id,
        start_date, end_date, end_reason, continuation)
      SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
        $8::text[], $9::text[], $10::text[])`,
    insertCompensation: `INSERT INTO ${s}.compensation (client_id, ord, period_id, month, payer, component, attended_days, cents)
      SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::bigint[])`,
    reset: `TRUNCATE ${['client_models', 'caseload', 'deadlines', 'outcomes', 'compensation', 'checkpoints']
      .map((table) => `${s}.${table}`).join(', ')}`,

    clientPath: `SELECT path, last_position AS "lastPosition" FROM ${s}.client_models WHERE client_id = $1`,
    clientDocuments: `SELECT last_position AS "lastPosition", path, state FROM ${s}.client_models WHERE client_id = $1`,
    caseloadCounts: `SELECT person_id AS "personId", max(person_name) AS "personName", role,
        count(DISTINCT client_id)::int AS clients
      FROM ${s}.caseload WHERE organisation_id = $1 GROUP BY person_id, role ORDER BY person_id, role`,
    caseload: `SELECT ${CASELOAD_COLUMNS} FROM ${s}.caseload WHERE person_id = $1 ORDER BY since, client_id, ord`,
    worklist: `SELECT ${DEADLINE_COLUMNS} FROM ${s}.deadlines
      WHERE organisation_id = $1 AND due_date <= $2 AND ($3::text[] IS NULL OR kind = ANY($3::text[]))
        AND ($5::text IS NULL OR (due_date, client_id, kind, ref_id) > ($5::text, $6::text, $7::text, $8::text))
      ORDER BY due_date, client_id, kind, ref_id
      LIMIT $4`,
    outcomeStats: `SELECT end_reason AS "endReason", continuation, service_type AS "serviceType",
        provider_id AS "providerId", organisation_id AS "organisationId", substr(end_date, 1, 7) AS month,
        count(*) AS periods
      FROM ${s}.outcomes
      WHERE ($1::text IS NULL OR organisation_id = $1) AND ($2::text IS NULL OR provider_id = $2)
        AND ($3::text IS NULL OR service_type = $3) AND ($4::text IS NULL OR end_date >= $4)
        AND ($5::text IS NULL OR end_date <= $5)
      GROUP BY end_reason, continuation, service_type, provider_id, organisation_id, month
      ORDER BY month, "organisationId", "providerId", "serviceType", "endReason", continuation`,
    compensationLedger: `SELECT month, payer, component, sum(attended_days) AS "attendedDays", sum(cents) AS cents,
        count(DISTINCT client_id) AS clients
      FROM ${s}.compensation
      WHERE ($1::text IS NULL OR month >= $1) AND ($2::text IS NULL OR month <= $2)
        AND ($3::text IS NULL OR payer = $3) AND ($4::text IS NULL OR client_id = $4)
        AND ($5::text IS NULL OR component = $5)
      GROUP BY month, payer, component ORDER BY month, payer, component`,
    clientCompensation: `SELECT ${COMPENSATION_COLUMNS} FROM ${s}.compensation WHERE client_id = $1
      ORDER BY month, period_id, payer, component, ord`,
  };
}

export type Statements = ReturnType<typeof statements>;

const CASELOAD_COLUMNS = `client_id AS "clientId", person_id AS "personId", person_name AS "personName",
  organisation_id AS "organisationId", role, since, lead`;
const DEADLINE_COLUMNS = `client_id AS "clientId", organisation_id AS "organisationId", kind,
  due_date AS "dueDate", ref_id AS "refId", description`;
const OUTCOME_COLUMNS = `client_id AS "clientId", period_id AS "periodId", service_type AS "serviceType",
  provider_id AS "providerId", organisation_id AS "organisationId", start_date AS "startDate",
  end_date AS "endDate", end_reason AS "endReason", continuation`;
// euros are stored as integer cents; rows.ts converts
const COMPENSATION_COLUMNS = `client_id AS "clientId", period_id AS "periodId", month, payer, component,
  attended_days AS "attendedDays", cents`;
