import { EVENT_CATALOGUE, upcast, type Actor, type RecordedEvent } from '../../events/index.js';

/**
 * What readers need (no hash), selected with `.raw()`: positional rows, so no per-row object
 * keyed by column name and no hash string are built. Same order as `ReadRow`.
 */
export const READ_COLUMNS =
  'global_position, event_id, client_id, stream_version, type, schema_version, ' +
  'occurred_at, recorded_at, actor, correlation_id, causation_id, data';

/**
 * One known stream's rows: no client_id cell (the caller has it; on Node 20 better-sqlite3
 * pays ~40 ns per cell even for a NULL) and integers as plain numbers (no BigInt per cell; the
 * read is redone with bigints if a position ever passes 2^53). Same order as `StreamRow`.
 */
export const STREAM_READ_COLUMNS =
  'global_position, stream_version, schema_version, event_id, type, ' +
  'occurred_at, recorded_at, actor, correlation_id, causation_id, data';

export type StreamRow = [
  globalPosition: number | bigint,
  streamVersion: number | bigint,
  schemaVersion: number | bigint,
  eventId: string,
  type: string,
  occurredAt: string,
  recordedAt: string,
  actor: string,
  correlationId: string,
  causationId: string | null,
  data: string,
];

export type ReadRow = [
  globalPosition: bigint,
  eventId: string,
  clientId: string,
  streamVersion: bigint,
  type: string,
  schemaVersion: bigint,
  occurredAt: string,
  recordedAt: string,
  actor: string,
  correlationId: string,
  causationId: string | null,
  data: string,
];

/** Current schema version per known type: rows already at it skip the upcaster entirely. */
const CURRENT_SCHEMA = new Map<string, number>(
  Object.entries(EVENT_CATALOGUE).map(([type, e]) => [type, e.schemaVersion]),
);

/** Rows are stored in the schema they were written in; readers always get the current one. */
export function toRecordedEvent(r: ReadRow): RecordedEvent {
  const schemaVersion = Number(r[5]);
  const event: RecordedEvent = {
    eventId: r[1],
    type: r[4],
    schemaVersion,
    clientId: r[2],
    occurredAt: r[6],
    recordedAt: r[7],
    actor: actorOf(r[8]),
    correlationId: r[9],
    causationId: r[10],
    data: JSON.parse(r[11]),
    streamVersion: r[3],
    globalPosition: r[0],
  };
  return atCurrentSchema(event, schemaVersion);
}

function atCurrentSchema(event: RecordedEvent, schemaVersion: number): RecordedEvent {
  const current = CURRENT_SCHEMA.get(event.type);
  // upcast() returns unknown types and current versions unchanged: only call it when it has work
  return current === undefined || current === schemaVersion ? event : upcast(event);
}

export const decodeRows = (rows: ReadRow[]): RecordedEvent[] => rows.map(toRecordedEvent);

/**
 * Decodes one stream's rows read without safe integers; null when a position or version is not a
 * safe integer (the number may be rounded): the caller reads again with bigints.
 */
export function decodeStream(rows: StreamRow[], clientId: string): RecordedEvent[] | null {
  const events = new Array<RecordedEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (typeof r[0] === 'number' && !(Number.isSafeInteger(r[0]) && Number.isSafeInteger(r[1]))) return null;
    const schemaVersion = Number(r[2]);
    const event: RecordedEvent = {
      eventId: r[3],
      type: r[4],
      schemaVersion,
      clientId,
      occurredAt: r[5],
      recordedAt: r[6],
      actor: actorOf(r[7]),
      correlationId: r[8],
      causationId: r[9],
      data: JSON.parse(r[10]),
      streamVersion: BigInt(r[1]),
      globalPosition: BigInt(r[0]),
    };
    events[i] = atCurrentSchema(event, schemaVersion);
  }
  return events;
}

/**
 * Actors repeat (a few thousand officers and instructors write every event), so the parsed
 * actor is kept by its stored text and each event gets its own shallow copy: a reader that
 * mutates one event's actor cannot change another's. Only flat actors (string/number/boolean/
 * null values, as `Actor` is) are cached, so a shallow copy is a full copy.
 */
const ACTOR_CACHE_LIMIT = 10_000;
const actors = new Map<string, Actor>();
// Consecutive rows mostly share their actor: comparing with the last text is cheaper than
// hashing it for the map (a fresh string from SQLite has no cached hash).
let lastText = '';
let lastActor: Actor | undefined;

function actorOf(text: string): Actor {
  if (text === lastText && lastActor !== undefined) return { ...lastActor };
  const known = actors.get(text);
  if (known !== undefined) {
    lastText = text;
    lastActor = known;
    return { ...known };
  }
  const parsed = JSON.parse(text) as Actor;
  if (isFlat(parsed)) {
    if (actors.size >= ACTOR_CACHE_LIMIT) actors.clear(); // bounded; refilled by the next reads
    actors.set(text, { ...parsed });
  }
  return parsed;
}

function isFlat(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  for (const v of Object.values(value)) if (v !== null && typeof v === 'object') return false;
  return true;
}
