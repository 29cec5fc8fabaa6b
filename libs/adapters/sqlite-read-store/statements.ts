import type { Database } from 'better-sqlite3';
import { CLIENT_SEARCH_TABLES } from '../../read-store/index.js';
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

    getModels: db
      .prepare(`SELECT client_id AS clientId, last_position AS lastPosition, path, state
      FROM client_models WHERE client_id IN (SELECT value FROM json_each(?))`)
      .safeIntegers(true),
    getCaseloadOf: byClients('caseload', CASELOAD_COLUMNS),
    getDeadlinesOf: byClients('deadlines', DEADLINE_COLUMNS),
    getOutcomesOf: byClients('outcomes', OUTCOME_COLUMNS),
    getCompensationOf: byClients('compensation', COMPENSATION_COLUMNS),
    getSearchOf: db.prepare(`SELECT client_id AS clientId, identity_code AS identityCode, full_name AS fullName,
        birth_date AS birthDate, municipality, name_words AS nameWords
      FROM client_search WHERE client_id IN (SELECT value FROM json_each(?))`),
    getHoldersOf: byClients(
      'client_holders',
      'client_id AS clientId, organisation_id AS organisationId, person_id AS personId',
    ),
    getIdentityViewersOf: byClients(
      'client_identity_viewers',
      'client_id AS clientId, organisation_id AS organisationId, until',
    ),

    upsertModel: db.prepare(`INSERT INTO client_models (client_id, last_position, path, state)
      VALUES (@clientId, @lastPosition, @path, @state)
      ON CONFLICT (client_id) DO UPDATE SET
        last_position = excluded.last_position, path = excluded.path, state = excluded.state`),
    deleteCaseload: db.prepare('DELETE FROM caseload WHERE client_id = ?'),
    deleteDeadlines: db.prepare('DELETE FROM deadlines WHERE client_id = ?'),
    deleteOutcomes: db.prepare('DELETE FROM outcomes WHERE client_id = ?'),
    deleteCompensation: db.prepare('DELETE FROM compensation WHERE client_id = ?'),
    deleteSearch: CLIENT_SEARCH_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE client_id = ?`)),
    insertSearch: db.prepare(`INSERT INTO client_search
      (client_id, identity_code, full_name, birth_date, municipality, name_words, sort_name)
      VALUES (@clientId, @identityCode, @fullName, @birthDate, @municipality, @nameWords, @sortName)`),
    // distinct words: a name may repeat one (Anna-Anna)
    insertSearchWords: db.prepare(`INSERT OR IGNORE INTO client_search_words (client_id, word)
      SELECT @clientId, value FROM json_each(@nameWords)`),
    insertHolderWords: db.prepare(`INSERT OR IGNORE INTO client_search_holder_words (holder, word, client_id)
      SELECT h.value, w.value, @clientId FROM json_each(@holderKeys) h, json_each(@nameWords) w`),
    insertHolder: db.prepare(`INSERT INTO client_holders (client_id, organisation_id, person_id)
      VALUES (@clientId, @organisationId, @personId)`),
    insertIdentityViewer: db.prepare(`INSERT INTO client_identity_viewers (client_id, organisation_id, until)
      VALUES (@clientId, @organisationId, @until)`),
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

    // the later sighting's type and the later name win, whichever client's commit comes first;
    // a row nothing newer is known of is not written again (every commit repeats a client's list)
    upsertOrganisation: db.prepare(`INSERT INTO organisation_directory
      (organisation_id, organisation_type, type_position, name, name_position, sort_name, search_text)
      VALUES (@organisationId, @organisationType, @position, @name, @namePosition, @sortName, @searchText)
      ON CONFLICT (organisation_id) DO UPDATE SET
        organisation_type = CASE WHEN excluded.type_position > type_position
          THEN excluded.organisation_type ELSE organisation_type END,
        type_position = max(type_position, excluded.type_position),
        name = CASE WHEN excluded.name_position > name_position THEN excluded.name ELSE name END,
        sort_name = CASE WHEN excluded.name_position > name_position THEN excluded.sort_name ELSE sort_name END,
        search_text = CASE WHEN excluded.name_position > name_position THEN excluded.search_text ELSE search_text END,
        name_position = max(name_position, excluded.name_position)
      WHERE excluded.type_position > type_position OR excluded.name_position > name_position`),
    organisationDirectory: db.prepare(`SELECT organisation_id AS organisationId,
        organisation_type AS organisationType, name, sort_name AS sortName
      FROM organisation_directory
      WHERE (@text IS NULL OR instr(search_text, @text) > 0)
        AND (@type IS NULL OR organisation_type = @type)
        AND (@afterId IS NULL OR (sort_name, organisation_id) > (@afterSort, @afterId))
      ORDER BY sort_name, organisation_id
      LIMIT @limit`),

    clientPath: db
      .prepare('SELECT path, last_position AS lastPosition FROM client_models WHERE client_id = ?')
      .safeIntegers(true),
    clientDocuments: db
      .prepare('SELECT last_position AS lastPosition, path, state FROM client_models WHERE client_id = ?')
      .safeIntegers(true),
    // The three keys taken out by SQLite's JSON parser: the rest of the carried state never reaches JavaScript.
    decisionState: db
      .prepare(`SELECT last_position AS lastPosition, state ->> '$.streamVersion' AS streamVersion,
          state ->> '$.domainJson' AS domainJson, state ->> '$.domainSeal' AS domainSeal
        FROM client_models WHERE client_id = ?`)
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
    searchEveryone: db.prepare(searchClientsSql(true)),
    searchAdmitted: db.prepare(searchClientsSql(false)),
    resetAll: DATA_TABLES.map((table) => db.prepare(`DELETE FROM ${table}`)),
    clientCompensation: db.prepare(`SELECT ${COMPENSATION_COLUMNS} FROM compensation WHERE client_id = ?
      ORDER BY month, period_id, payer, component, rowid`),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

/** Words beginning with a prefix: the range [prefix, prefix + U+10FFFF) of the BINARY order, an index range. */
const PREFIX_OF = (column: string, prefix: string) =>
  `(${column} >= ${prefix} AND ${column} < ${prefix} || char(1114111))`;

/**
 * One page of search hits; one statement for a viewer who sees every client (auditor), one for
 * a viewer whom holders must admit. Candidates come from indexes, already admitted: the client
 * id or identity code (with the viewer's holder checked on that one row), or the longest name
 * word's prefix range *within the viewer's own holder keys* (client_search_holder_words), so
 * another organisation's clients are never even read, let alone counted or paged. Each
 * candidate is then matched by name or identity code only where the viewer may see the
 * identity today; `shows` also decides whether the name is returned and the order key used.
 */
const searchClientsSql = (everyone: boolean) => {
  const admits = (row: string) =>
    everyone
      ? '1'
      : `EXISTS (SELECT 1 FROM client_holders h WHERE h.client_id = ${row}.client_id
    AND (h.organisation_id IS NULL OR h.organisation_id = @organisationId) AND (h.person_id IS NULL OR h.person_id = @personId))`;
  const byWord = everyone
    ? `SELECT client_id FROM client_search_words WHERE ${PREFIX_OF('word', '@lead')}`
    : `SELECT client_id FROM client_search_holder_words
        WHERE holder IN (SELECT value FROM json_each(@holderKeys)) AND ${PREFIX_OF('word', '@lead')}`;
  const shows = everyone
    ? '1'
    : `EXISTS (SELECT 1 FROM client_identity_viewers v
      WHERE v.client_id = s.client_id AND v.organisation_id = @organisationId AND v.until >= @today)`;
  return `
WITH candidate (client_id) AS (
  SELECT client_id FROM client_search s WHERE client_id = @clientId AND ${admits('s')}
  UNION SELECT client_id FROM client_search s WHERE identity_code = @identityCode AND ${admits('s')}
  UNION ${byWord}
), admitted AS MATERIALIZED (
  SELECT s.client_id, s.identity_code, s.full_name, s.birth_date, s.municipality, s.sort_name, ${shows} AS shows
  FROM candidate c JOIN client_search s ON s.client_id = c.client_id
), hit AS (
  SELECT client_id, full_name, birth_date, municipality, shows, CASE WHEN shows THEN sort_name ELSE '' END AS sort_key
  FROM admitted a
  WHERE a.client_id = @clientId OR (a.shows AND (a.identity_code = @identityCode
    OR (@words IS NOT NULL AND NOT EXISTS (SELECT 1 FROM json_each(@words) w WHERE NOT EXISTS (
      SELECT 1 FROM client_search_words x WHERE x.client_id = a.client_id AND ${PREFIX_OF('x.word', 'w.value')})))))
)
SELECT client_id AS clientId, CASE WHEN shows THEN full_name END AS fullName, CASE WHEN shows THEN birth_date END AS birthDate,
  CASE WHEN shows THEN municipality END AS municipality, sort_key AS sortName
FROM hit
WHERE @afterClient IS NULL OR (sort_key, client_id) > (@afterSort, @afterClient)
ORDER BY sort_key, client_id
LIMIT @limit`;
};

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
