import { createHash } from 'node:crypto';
import type { Actor } from '../events/index.js';
import { canonicalJson } from '../event-store/index.js';
import {
  authoriseClientAccess,
  ensureRegistrableClientId,
  type AccessRefusal,
  type AccessRole,
  type ClientCommand,
  type ClientPathState,
} from '../domain/index.js';

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
  constructor(
    readonly clientId: string,
    readonly reason: AccessRefusal,
  ) {
    super(`Access to client ${clientId} refused: ${reason}`);
  }
}

export function authorise(cmd: CommandEnvelope, state: ClientPathState): void {
  if (!cmd.access) return;
  // First, whatever the state: the answer must not depend on whether the id is taken.
  if (cmd.command.type === 'RegisterClient') ensureRegistrableClientId(cmd.clientId, cmd.access.organisationId);
  // Registering an id that is already taken is a write to that client, not a new registration.
  const action = cmd.command.type === 'RegisterClient' && !state.registered ? 'register' : 'write';
  const decision = authoriseClientAccess(cmd.access.role, cmd.access, state, action, cmd.clientId);
  if (!decision.allowed) throw new ClientAccessDeniedError(cmd.clientId, decision.reason);
}

/**
 * The fingerprint stored with an idempotency key: the command itself (type and data, keys
 * sorted), not the envelope. A retry carries the same command; the same key with another
 * command is refused instead of answered with the first command's result.
 */
export const requestHashOf = (command: ClientCommand): string =>
  createHash('sha256').update(canonicalJson(command)).digest('base64url');

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

export const toResult = (
  clientId: string,
  eventIds: string[],
  version: bigint,
  position: bigint,
  replayed: boolean,
): CommandResult => ({
  clientId,
  streamVersion: version.toString(),
  position: position.toString(),
  eventIds,
  replayed,
});
