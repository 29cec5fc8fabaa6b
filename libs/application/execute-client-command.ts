import { randomUUID } from 'node:crypto';
import { EVENT_CATALOGUE, type Actor, type PolkuDomainEvent, type PolkuEvent } from '../events/index.js';
import {
  authoriseClientAccess, decide, evolve, initialState, type AccessRefusal, type AccessRole, type ClientCommand, type ClientPathState,
} from '../domain/index.js';
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
  /**
   * Who asks, for the access policy. Every external entry point (HTTP, Kafka) passes it;
   * only trusted internal writers (demo seed, data generator) omit it.
   */
  access?: { role: AccessRole; personId: string; organisationId: string };
}

/** The caller has no right to write this client's data (HTTP 403, or 404 where existence must not leak). */
export class ClientAccessDeniedError extends Error {
  override readonly name = 'ClientAccessDeniedError';
  constructor(readonly clientId: string, readonly reason: AccessRefusal) {
    super(`Access to client ${clientId} refused: ${reason}`);
  }
}

function authorise(cmd: CommandEnvelope, state: ClientPathState): void {
  if (!cmd.access) return;
  // Registering an id that is already taken is a write to that client, not a new registration.
  const action = cmd.command.type === 'RegisterClient' && !state.registered ? 'register' : 'write';
  const decision = authoriseClientAccess(cmd.access.role, cmd.access, state, action, cmd.clientId);
  if (!decision.allowed) throw new ClientAccessDeniedError(cmd.clientId, decision.reason);
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
    // A replay answers only a caller who may still write this client.
    if (cmd.access) authorise(cmd, (await loadClientState(store, cmd.clientId)).state);
    const seen = await store.findIdempotentResult(cmd.idempotencyKey, cmd.clientId);
    if (seen) return toResult(cmd.clientId, seen.eventIds, seen.nextExpectedVersion, seen.lastGlobalPosition, true);
  }
  for (let attempt = 1; ; attempt++) {
    const { state, version } = await loadClientState(store, cmd.clientId);
    authorise(cmd, state);
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
