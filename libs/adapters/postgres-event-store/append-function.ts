import { EVENT_COLUMNS } from './rows.js';
import { markInFlight } from './in-flight.js';

/**
 * One append is one call of this function in its own (autocommit) transaction: one round
 * trip, where a client-side transaction took eight to ten (BEGIN, locks, lookups, inserts,
 * COMMIT). The caller hashes the batch against the head it believes current (`from_*`); the
 * function checks, under the stream's lock, in this order: the idempotency key (a replay
 * wins over everything), the expected version, then that head (`moved` returns the real head
 * so the caller re-hashes and calls again). Duplicate event ids and key races surface as
 * unique violations, resolved by resolve-append-error.ts. No NOTIFY in here: PostgreSQL
 * serialises the commits of notifying transactions (one lock per database, held through the
 * WAL flush), which would undo group commit; the appender notifies after the commit.
 */
export const appendFunction = (schema: string, s: string): string => `
CREATE OR REPLACE FUNCTION ${s}.append_events(
  p_client_id text, p_expected_version bigint, p_from_version bigint, p_from_hash text, p_key text, p_request_hash text,
  p_event_ids text[], p_versions bigint[], p_types text[], p_schema_versions int[], p_occurred_ats text[],
  p_recorded_ats text[], p_actors text[], p_correlation_ids text[], p_causation_ids text[], p_datas text[],
  p_hashes text[]
) RETURNS TABLE (outcome text, head_version bigint, head_hash text, last_position bigint, key_client_id text,
  key_event_ids text[], key_request_hash text)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_version bigint;
  v_hash text;
  v_last_value bigint;
  v_count int := cardinality(p_event_ids);
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('polku.stream:' || '${schema}'), hashtext(p_client_id));
  IF p_key IS NOT NULL THEN
    RETURN QUERY SELECT 'replayed', k.next_version, NULL::text, e.global_position, k.client_id, k.event_ids, k.request_hash
      FROM ${s}.idempotency_keys k LEFT JOIN ${s}.events e ON e.event_id = k.last_event_id WHERE k.key = p_key;
    IF FOUND THEN RETURN; END IF;
  END IF;
  SELECT h.version, h.last_hash INTO v_version, v_hash FROM ${s}.streams h WHERE h.client_id = p_client_id;
  v_version := coalesce(v_version, 0);
  IF p_expected_version IS NOT NULL AND p_expected_version <> v_version THEN
    RETURN QUERY SELECT 'conflict', v_version, v_hash, NULL::bigint, NULL::text, NULL::text[], NULL::text;
    RETURN;
  END IF;
  IF p_from_version <> v_version OR (v_version > 0 AND p_from_hash IS DISTINCT FROM v_hash) THEN
    RETURN QUERY SELECT 'moved', v_version, v_hash, NULL::bigint, NULL::text, NULL::text[], NULL::text;
    RETURN;
  END IF;
  INSERT INTO ${s}.streams (client_id, version, last_hash) VALUES (p_client_id, p_versions[v_count], p_hashes[v_count])
    ON CONFLICT (client_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash;
  IF p_key IS NOT NULL THEN
    INSERT INTO ${s}.idempotency_keys (key, client_id, next_version, last_event_id, event_ids, request_hash)
      VALUES (p_key, p_client_id, p_versions[v_count], p_event_ids[v_count], p_event_ids, p_request_hash);
  END IF;
  -- in flight from here to COMMIT: see in-flight.ts
  SELECT q.last_value INTO v_last_value FROM ${s}.event_positions q;
  PERFORM ${markInFlight(schema, 'v_last_value')};
  -- ORDER BY ord makes nextval follow stream-version order (volatile select-list
  -- expressions are evaluated after the sort)
  RETURN QUERY WITH inserted AS (
    INSERT INTO ${s}.events (${EVENT_COLUMNS})
    SELECT nextval('${s}.event_positions'), t.event_id, p_client_id, t.stream_version, t.type, t.schema_version,
      t.occurred_at, t.recorded_at, t.actor, t.correlation_id, t.causation_id, t.data, t.hash
    FROM unnest(p_event_ids, p_versions, p_types, p_schema_versions, p_occurred_ats, p_recorded_ats, p_actors,
      p_correlation_ids, p_causation_ids, p_datas, p_hashes)
      WITH ORDINALITY AS t(event_id, stream_version, type, schema_version, occurred_at, recorded_at, actor,
        correlation_id, causation_id, data, hash, ord)
    ORDER BY t.ord
    RETURNING global_position
  )
  SELECT 'appended', p_versions[v_count], p_hashes[v_count], max(i.global_position), NULL::text, NULL::text[], NULL::text
    FROM inserted i;
END
$fn$`;

/**
 * Several appends in one transaction, each exactly as `append_events` (called per member, in
 * the order given): one round trip and one WAL flush for the group where each append alone
 * takes its own. The caller orders members by client id, so two groups lock streams in the
 * same order and never deadlock. Any error aborts the whole group; the caller then appends
 * each member on its own, where errors are resolved one append at a time.
 */
export const appendManyFunction = (s: string): string => `
CREATE OR REPLACE FUNCTION ${s}.append_events_many(
  p_client_ids text[], p_expected_versions bigint[], p_from_versions bigint[], p_from_hashes text[], p_keys text[],
  p_request_hashes text[], p_counts int[],
  p_event_ids text[], p_versions bigint[], p_types text[], p_schema_versions int[], p_occurred_ats text[],
  p_recorded_ats text[], p_actors text[], p_correlation_ids text[], p_causation_ids text[], p_datas text[],
  p_hashes text[]
) RETURNS TABLE (member int, outcome text, head_version bigint, head_hash text, last_position bigint,
  key_client_id text, key_event_ids text[], key_request_hash text)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_first int := 1;
  v_last int;
BEGIN
  FOR i IN 1 .. cardinality(p_client_ids) LOOP
    v_last := v_first + p_counts[i] - 1;
    RETURN QUERY SELECT i, r.outcome, r.head_version, r.head_hash, r.last_position, r.key_client_id,
        r.key_event_ids, r.key_request_hash
      FROM ${s}.append_events(p_client_ids[i], p_expected_versions[i], p_from_versions[i], p_from_hashes[i],
        p_keys[i], p_request_hashes[i], p_event_ids[v_first:v_last], p_versions[v_first:v_last],
        p_types[v_first:v_last], p_schema_versions[v_first:v_last], p_occurred_ats[v_first:v_last],
        p_recorded_ats[v_first:v_last], p_actors[v_first:v_last], p_correlation_ids[v_first:v_last],
        p_causation_ids[v_first:v_last], p_datas[v_first:v_last], p_hashes[v_first:v_last]) r;
    v_first := v_last + 1;
  END LOOP;
END
$fn$`;
