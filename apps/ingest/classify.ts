import { ClientAccessDeniedError } from '../../libs/application/index.js';
import type { Disposition } from '../../libs/bus/index.js';
import { NotFoundInStreamError, RuleViolationError } from '../../libs/domain/errors.js';
import {
  EventStoreFailureError,
  IdempotencyKeyReusedError,
  StreamVersionConflictError,
} from '../../libs/event-store/index.js';
import { IdentityUnavailable } from './identify.js';
import { MessageRejected } from './validate.js';

export const deadLetter = (
  type: string,
  detail: string,
  extra: { rule?: string; field?: string } = {},
): Disposition => ({ outcome: 'dead-letter', reason: { type, detail, ...extra } });

/**
 * What a failed message becomes. Permanent problems (the message or its publisher is
 * wrong) are dead letters named like the HTTP answers would be; conflicts and outages of
 * the store or the identity provider are retried, so nothing is lost while they last.
 */
export function classify(error: unknown, onInternalError?: (error: unknown) => void): Disposition {
  if (error instanceof MessageRejected) return deadLetter(error.type, error.message, { field: error.field });
  if (error instanceof RuleViolationError) {
    // Domain fields are paths in the command (`data.madeOn`); in the message that is `command.data.madeOn`.
    return deadLetter('rule_violation', error.message, {
      rule: error.rule,
      field: error.field && `command.${error.field}`,
    });
  }
  if (error instanceof NotFoundInStreamError) return deadLetter('not_found', error.message);
  if (error instanceof ClientAccessDeniedError) {
    // As over HTTP: outside the client relationship the answer equals "no such client".
    return error.reason === 'no_client_relationship'
      ? deadLetter('not_found', `client ${error.clientId} not found`)
      : deadLetter('forbidden', `Not allowed: ${error.reason.replace(/_/g, ' ')}`);
  }
  if (error instanceof IdempotencyKeyReusedError) {
    const what = error.reuse === 'other_client' ? 'for another client' : 'for a different command';
    return deadLetter('idempotency_key_reused', `This idempotencyKey was already used ${what}; use a new key`, {
      field: 'idempotencyKey',
    });
  }
  if (
    error instanceof StreamVersionConflictError ||
    error instanceof EventStoreFailureError ||
    error instanceof IdentityUnavailable
  ) {
    return { outcome: 'retry', error };
  }
  // A bug or an unforeseen input: park the message rather than block its partition forever.
  onInternalError?.(error);
  return deadLetter('internal', `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
}
