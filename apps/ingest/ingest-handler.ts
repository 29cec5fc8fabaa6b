import { CORRELATION_ID_PATTERN } from '../../libs/commands/id-patterns.js';
import { ClientAccessDeniedError, executeClientCommand } from '../../libs/application/index.js';
import type { AuditLog } from '../../libs/audit-log/index.js';
import { HEADERS, type Disposition, type IngestAuthMode, type InboundMessage } from '../../libs/bus/index.js';
import type { EventStore } from '../../libs/event-store/index.js';
import type { TokenVerifier } from '../../libs/auth/token-verifier.js';
import { classify, deadLetter } from './classify.js';
import { actorFor, identify, type VerificationScope } from './identify.js';
import { parseCommandMessage } from './validate.js';

export interface IngestHandlerDeps {
  store: EventStore;
  verifier: TokenVerifier;
  authMode: IngestAuthMode;
  clock?: () => Date;
  /** Usage log for refused writes, as over HTTP (the runtime passes the API's audit log). */
  audit?: Pick<AuditLog, 'recordUsage'>;
  /** Unexpected errors (dead-lettered as `internal`) are reported here too. */
  onInternalError?: (error: unknown, message: InboundMessage) => void;
}

/** An InboundHandler; the Kafka inbox also passes the batch's scope (one token check per batch). */
export type IngestHandler = (message: InboundMessage, scope?: VerificationScope) => Promise<Disposition>;

/**
 * One inbound message → identify the publisher → validate with the HTTP DTOs → authorise
 * → the one write path (`executeClientCommand`) with the key `<organisationId>:<key>`.
 * Permanent problems are dead letters; conflicts and store or identity-provider outages
 * are `retry`, so nothing is lost while the store is down.
 */
export function createIngestHandler(deps: IngestHandlerDeps): IngestHandler {
  const clock = deps.clock ?? (() => new Date());
  return async (message: InboundMessage, scope?: VerificationScope) => {
    try {
      const principal = await identify(message.headers, deps.authMode, deps.verifier, scope);
      const { envelope, command } = await parseCommandMessage(message.value);
      if (message.key !== envelope.clientId) {
        return deadLetter(
          'validation',
          `The message key must be the clientId '${envelope.clientId}' (it keeps one client's commands in order), got ${JSON.stringify(message.key)}`,
          { field: 'key' },
        );
      }
      const actor = actorFor(principal, envelope.actor);
      const given = message.headers[HEADERS.correlationId];
      const correlationId =
        given && CORRELATION_ID_PATTERN.test(given)
          ? given
          : `kafka:${message.topic}:${message.partition}:${message.offset}`;
      try {
        const result = await executeClientCommand(
          deps.store,
          {
            clientId: envelope.clientId,
            command,
            actor,
            correlationId,
            idempotencyKey: `${principal.organisationId}:${envelope.idempotencyKey}`,
            access: { role: principal.role, personId: principal.personId, organisationId: principal.organisationId },
          },
          clock(),
        );
        return { outcome: 'processed', detail: { ...result } };
      } catch (error) {
        if (error instanceof ClientAccessDeniedError && deps.audit) {
          // A refused attempt on a client's data is logged like a refused HTTP write.
          try {
            await deps.audit.recordUsage([
              {
                at: clock().toISOString(),
                personId: principal.personId,
                organisationId: principal.organisationId,
                role: principal.role,
                clientId: envelope.clientId,
                view: `command:${command.type}`,
                purpose: null,
                outcome: 'refused',
                detail: error.reason,
                correlationId,
              },
            ]);
          } catch (auditError) {
            return { outcome: 'retry', error: auditError }; // the refusal must be on record before we move on
          }
        }
        throw error;
      }
    } catch (error) {
      return classify(error, (e) => deps.onInternalError?.(e, message));
    }
  };
}
