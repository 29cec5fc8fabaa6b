import { randomUUID } from 'node:crypto';
import { EVENT_CATALOGUE, type Actor, type PolkuDomainEvent, type PolkuEvent } from '../events/index.js';
import { decide, evolve, initialState, type ClientCommand, type ClientPathState } from '../domain/index.js';
import { StreamVersionConflictError, type EventStore } from '../event-store/index.js';

export interface CommandEnvelope {
  clientId: string;
  command: ClientCommand;
  actor: Actor;
  correlationId: string;
  causationId?: string | null;
  /** Namespaced by the caller (e.g. `<organisationId>:<key>`). */
  idempotencyKey?: string;
  /** The stream version the caller saw (If-Match); without it conflicts are retried. */
  expectedVersion?: bigint;
}

export interface CommandResult {
  clientId: string;
  /** Stream version after the command: send it back as If-Match to guard the next write. */
  streamVersion: string;
  /** Global position of the last event: pass as ?minPosition= to read your own write. */
  position: string;
  eventIds: string[];
  /** True when the idempotency key was seen before: nothing new was appended. */
  replayed: boolean;
}

const MAX_ATTEMPTS = 5;

/** Folds a client's stream into the decision state. */
export async function loadClientState(store: EventStore, clientId: string): Promise<{ state: ClientPathState; version: bigint }> {
  const { currentVersion, events } = await store.readStream(clientId);
  let state: ClientPathState = { ...initialState(), clientId };
  for (const e of events) state = evolve(state, e as unknown as PolkuDomainEvent);
  return { state, version: currentVersion };
}

/**
 * The one write path (HTTP, Kafka ingest, demo seed, generator): load the client's
 * stream, let the domain decide, append with optimistic concurrency. A result means the
 * events are durable.
 */
export async function executeClientCommand(store: EventStore, cmd: CommandEnvelope, now: Date): Promise<CommandResult> {
  if (cmd.idempotencyKey) {
    const seen = await store.findIdempotentResult(cmd.idempotencyKey, cmd.clientId);
    if (seen) return toResult(cmd.clientId, seen.eventIds, seen.nextExpectedVersion, seen.lastGlobalPosition, true);
  }
  for (let attempt = 1; ; attempt++) {
    const { state, version } = await loadClientState(store, cmd.clientId);
    if (cmd.expectedVersion !== undefined && cmd.expectedVersion !== version) {
      throw new StreamVersionConflictError(cmd.clientId, cmd.expectedVersion, version);
    }
    const drafts = decide(cmd.command, state, { actor: cmd.actor, today: now.toISOString().slice(0, 10), newId: randomUUID });
    const recordedAt = now.toISOString();
    const events: PolkuEvent[] = drafts.map((d) => ({
      eventId: randomUUID(), type: d.type, schemaVersion: EVENT_CATALOGUE[d.type].schemaVersion, clientId: cmd.clientId,
      occurredAt: d.occurredAt, recordedAt, actor: cmd.actor, correlationId: cmd.correlationId, causationId: cmd.causationId ?? null,
      data: JSON.parse(JSON.stringify(d.data)), // plain JSON: DTO class instances must not leak into the store
    }));
    try {
      const r = await store.appendToStream(cmd.clientId, events, { expectedVersion: version, idempotencyKey: cmd.idempotencyKey });
      return toResult(cmd.clientId, r.eventIds, r.nextExpectedVersion, r.lastGlobalPosition, r.replayed);
    } catch (err) {
      // Someone else wrote in between: decide again on the fresher history.
      if (err instanceof StreamVersionConflictError && cmd.expectedVersion === undefined && attempt < MAX_ATTEMPTS) continue;
      throw err;
    }
  }
}

const toResult = (clientId: string, eventIds: string[], version: bigint, position: bigint, replayed: boolean): CommandResult => ({
  clientId, streamVersion: version.toString(), position: position.toString(), eventIds, replayed,
});
