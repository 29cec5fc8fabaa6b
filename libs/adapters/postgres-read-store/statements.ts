import { CLIENT_ROW_TABLES } from '../../read-store/index.js';
import { DATA_TABLES } from './schema.js';

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
    getSearchOf: `SELECT client_id AS "clientId", identity_code AS "identityCode", full_name AS "fullName",
        birth_date AS "birthDate", municipality, name_words AS "nameWords"
      FROM ${s}.client_search WHERE client_id = ANY($1::text[])`,
    getHoldersOf: rows(
      'client_holders',
      'client_id AS "clientId", organisation_id AS "organisationId", person_id AS "personId"',
    ),
    getIdentityViewersOf: rows(
      'client_identity_viewers',
      'client_id AS "clientId", organisation_id AS "organisationId", until',
    ),

    upsertModels: `INSERT INTO ${s}.client_models (client_id, last_position, path, state)
      SELECT * FROM unnest($1::text[], $2::bigint[], $3::jsonb[], $4::jsonb[])
      ON CONFLICT (client_id) DO UPDATE SET
        last_position = excluded.last_position, path = excluded.path, state = excluded.state`,
    deleteRows: CLIENT_ROW_TABLES.map((table) => `DELETE FROM ${s}.${table} WHERE client_id = ANY($1::text[])`),
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
    insertSearch: `INSERT INTO ${s}.client_search (client_id, identity_code, full_name, birth_date, municipality, name_words, sort_name)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[])`,
    insertSearchWords: `INSERT INTO ${s}.client_search_words (client_id, word)
      SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
    insertHolderWords: `INSERT INTO ${s}.client_search_holder_words (holder, word, client_id)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
    insertHolders: `INSERT INTO ${s}.client_holders (client_id, ord, organisation_id, person_id)
      SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[])`,
    insertIdentityViewers: `INSERT INTO ${s}.client_identity_viewers (client_id, ord, organisation_id, until)
      SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[])`,
    // as the SQLite read store's upsertOrganisation: the later sighting's type and name win
    upsertOrganisations: `INSERT INTO ${s}.organisation_directory AS d
        (organisation_id, organisation_type, type_position, name, name_position, sort_name, search_text)
      SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::bigint[], $6::text[], $7::text[])
      ON CONFLICT (organisation_id) DO UPDATE SET
        organisation_type = CASE WHEN excluded.type_position > d.type_position
          THEN excluded.organisation_type ELSE d.organisation_type END,
        type_position = GREATEST(d.type_position, excluded.type_position),
        name = CASE WHEN excluded.name_position > d.name_position THEN excluded.name ELSE d.name END,
        sort_name = CASE WHEN excluded.name_position > d.name_position THEN excluded.sort_name ELSE d.sort_name END,
        search_text = CASE WHEN excluded.name_position > d.name_position
          THEN excluded.search_text ELSE d.search_text END,
        name_position = GREATEST(d.name_position, excluded.name_position)
      WHERE excluded.type_position > d.type_position OR excluded.name_position > d.name_position`,
    organisationDirectory: `SELECT organisation_id AS "organisationId", organisation_type AS "organisationType",
        name, sort_name AS "sortName"
      FROM ${s}.organisation_directory
      WHERE ($1::text IS NULL OR strpos(search_text, $1) > 0)
        AND ($2::text IS NULL OR organisation_type = $2)
        AND ($4::text IS NULL OR (sort_name, organisation_id) > ($3::text, $4::text))
      ORDER BY sort_name, organisation_id
      LIMIT $5`,
    reset: `TRUNCATE ${DATA_TABLES.map((table) => `${s}.${table}`).join(', ')}`,

    clientPath: `SELECT path, last_position AS "lastPosition" FROM ${s}.client_models WHERE client_id = $1`,
    // The three keys taken out of the jsonb in the server: the rest of the carried state never travels.
    decisionState: `SELECT last_position AS "lastPosition", state->>'streamVersion' AS "streamVersion",
        state->>'domainJson' AS "domainJson", state->>'domainSeal' AS "domainSeal"
      FROM ${s}.client_models WHERE client_id = $1`,
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
    searchEveryone: searchClients(s, true),
    searchAdmitted: searchClients(s, false),
  };
}

export type Statements = ReturnType<typeof statements>;

/** Words beginning with a prefix: the range [prefix, prefix + U+10FFFF) in byte order ("C"), an index range. */
const PREFIX_OF = (column: string, prefix: string) =>
  `(${column} >= ${prefix} COLLATE "C" AND ${column} < (${prefix} || chr(1114111)) COLLATE "C")`;

/**
 * One page of search hits, as the SQLite read store's searchClientsSql (statements.ts there
 * says why it is built so). $1 client id, $2 identity code, $3 words, $4 lead word, $5 the
 * viewer's holder keys, $6 organisation, $7 person, $8 today, $9 limit, $10 / $11 the cursor.
 */
const searchClients = (s: string, everyone: boolean) => {
  const admits = (row: string) =>
    everyone
      ? 'true'
      : `EXISTS (SELECT 1 FROM ${s}.client_holders h WHERE h.client_id = ${row}.client_id
    AND (h.organisation_id IS NULL OR h.organisation_id = $6::text) AND (h.person_id IS NULL OR h.person_id = $7::text))`;
  const byWord = everyone
    ? `SELECT client_id FROM ${s}.client_search_words WHERE ${PREFIX_OF('word', '$4::text')}`
    : `SELECT client_id FROM ${s}.client_search_holder_words WHERE holder = ANY($5::text[]) AND ${PREFIX_OF('word', '$4::text')}`;
  // LATERAL … LIMIT 1: one index probe per candidate. As a join or EXISTS the planner may hash
  // every client's row instead (it did: a sequential scan of each table per search).
  const shows = everyone
    ? ''
    : `LEFT JOIN LATERAL (SELECT true AS found FROM ${s}.client_identity_viewers v
      WHERE v.client_id = cs.client_id AND v.organisation_id = $6::text AND v.until >= $8::text LIMIT 1) vis ON true`;
  // every parameter is used in both statements (PostgreSQL must infer each one's type)
  const unused = everyone
    ? 'AND ($5::text[] IS NULL OR true) AND ($6::text IS NULL OR true) AND ($7::text IS NULL OR true) AND ($8::text IS NULL OR true)'
    : '';
  return `
WITH candidate (client_id) AS (
  SELECT client_id FROM ${s}.client_search cs WHERE client_id = $1::text AND ${admits('cs')}
  UNION SELECT client_id FROM ${s}.client_search cs WHERE identity_code = $2::text AND ${admits('cs')}
  UNION ${byWord}
), admitted AS MATERIALIZED (
  SELECT cs.client_id, cs.identity_code, cs.full_name, cs.birth_date, cs.municipality, cs.sort_name,
    ${everyone ? 'true' : 'vis.found IS NOT NULL'} AS shows
  FROM candidate c
  CROSS JOIN LATERAL (SELECT * FROM ${s}.client_search one WHERE one.client_id = c.client_id LIMIT 1) cs
  ${shows}
), hit AS (
  SELECT client_id, full_name, birth_date, municipality, shows,
    CASE WHEN shows THEN sort_name ELSE '' END COLLATE "C" AS sort_key
  FROM admitted a
  WHERE a.client_id = $1::text OR (a.shows AND (a.identity_code = $2::text
    OR ($3::text[] IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unnest($3::text[]) w (value) WHERE NOT EXISTS (
      SELECT 1 FROM ${s}.client_search_words x WHERE x.client_id = a.client_id AND ${PREFIX_OF('x.word', 'w.value')})))))
)
SELECT client_id AS "clientId", CASE WHEN shows THEN full_name END AS "fullName",
  CASE WHEN shows THEN birth_date END AS "birthDate", CASE WHEN shows THEN municipality END AS municipality, sort_key AS "sortName"
FROM hit
WHERE ($11::text IS NULL OR (sort_key, client_id) > ($10::text COLLATE "C", $11::text COLLATE "C")) ${unused}
ORDER BY sort_key, client_id
LIMIT $9`;
};

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
