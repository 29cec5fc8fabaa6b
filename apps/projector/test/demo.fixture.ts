import Database from 'better-sqlite3';
import type { EventStore } from '../../../libs/event-store/index.js';
import type { RecordedEvent } from '../../../libs/events/index.js';
import { timelineOrder, type TimelineEntry } from '../../../libs/projections/client-path/index.js';
import { centralFinlandClient, poriClient, turkuClient, type DemoClient } from '../../../scripts/demo/index.js';
import { seedDemo } from '../../../scripts/demo/seed.js';

/**
 * Realistic, valid events for tests that run the real client-path projection: the demo
 * service paths (Central Finland, Pori, Turku) for `count` clients, written through
 * seedDemo → executeClientCommand, the same command path as the API.
 */
export const demoClientId = (i: number): string => `client-${String(i).padStart(4, '0')}`;

const SCENARIOS = [centralFinlandClient, poriClient, turkuClient];

export function demoClients(count: number): DemoClient[] {
  return Array.from({ length: count }, (_, i) => SCENARIOS[i % SCENARIOS.length]!(demoClientId(i)));
}

/** The first `steps` steps of every client's path (a path "so far"). */
export function firstSteps(clients: DemoClient[], steps: number): DemoClient[] {
  return clients.map((c) => ({ ...c, steps: c.steps.slice(0, steps) }));
}

/**
 * Seeds the clients' paths `stepsPerRound` steps at a time, round robin across clients, so
 * each client's events spread over many read batches and each batch mixes many clients.
 * Every round re-runs seedDemo on a longer prefix of each path; the steps already written
 * carry the same idempotency keys (`demo:<clientId>:<index>`) and are not appended again.
 * `afterRound` runs after each round (e.g. an incremental catch-up).
 */
export async function seedDemoInterleaved(
  store: EventStore,
  clients: DemoClient[],
  stepsPerRound: number,
  afterRound?: (round: number) => Promise<void>,
): Promise<void> {
  const longest = Math.max(...clients.map((c) => c.steps.length));
  for (let upTo = stepsPerRound, round = 1; ; upTo += stepsPerRound, round += 1) {
    await seedDemo(store, firstSteps(clients, upTo));
    await afterRound?.(round);
    if (upTo >= longest) return;
  }
}

/** Every client's recorded stream, by client id. */
export async function readStreams(store: EventStore, clientIds: string[]): Promise<Map<string, RecordedEvent[]>> {
  const streams = new Map<string, RecordedEvent[]>();
  for (const id of clientIds) streams.set(id, (await store.readStream(id)).events);
  return streams;
}

/** The timeline is in business order: occurredAt date, then global position. */
export function expectBusinessOrder(timeline: TimelineEntry[]): void {
  expect([...timeline].sort(timelineOrder).map((t) => t.eventId)).toEqual(timeline.map((t) => t.eventId));
}

const sortIds = (ids: string[]) => [...ids].sort();

/** The timeline holds exactly the given events (as a set: its order is business order, not stream order). */
export function expectSameEvents(timeline: TimelineEntry[], events: RecordedEvent[]): void {
  expect(sortIds(timeline.map((t) => t.eventId))).toEqual(sortIds(events.map((e) => e.eventId)));
  expect(new Set(timeline.map((t) => t.eventId)).size).toBe(timeline.length);
}

export interface ReadStoreDump {
  client_models: Record<string, unknown>[];
  caseload: Record<string, unknown>[];
  deadlines: Record<string, unknown>[];
  outcomes: Record<string, unknown>[];
  compensation: Record<string, unknown>[];
  organisation_directory: Record<string, unknown>[];
  checkpoints: Record<string, unknown>[];
}

/**
 * Every table of a read-store file, rows sorted by all columns (rowids differ between a
 * resumed and a rebuilt store; content must not). Open it only when no writer is running.
 */
export function dumpReadStore(path: string): ReadStoreDump {
  const db = new Database(path, { readonly: true });
  try {
    const all = (table: string) => {
      const columns = (
        db.prepare(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`).all() as { name: string }[]
      )
        .map((c) => c.name)
        .join(', ');
      return db.prepare(`SELECT ${columns} FROM ${table} ORDER BY ${columns}`).safeIntegers(true).all() as Record<
        string,
        unknown
      >[];
    };
    return {
      client_models: all('client_models'),
      caseload: all('caseload'),
      deadlines: all('deadlines'),
      outcomes: all('outcomes'),
      compensation: all('compensation'),
      organisation_directory: all('organisation_directory'),
      checkpoints: all('checkpoints'),
    };
  } finally {
    db.close();
  }
}
