import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { principalOf } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { headerValue, type PolkuRequest } from '../http.js';
import { ProblemException } from '../problem/problem-exception.js';
import { ProblemTypes } from '../problem/problem-types.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Everything a command handler needs about the request besides its body. */
export interface CommandMeta {
  principal: Principal;
  correlationId: string;
  /**
   * The `Idempotency-Key` header, already namespaced by the caller's organisation
   * (`<organisationId>:<key>`) as the event-store port asks: pass it to
   * `appendToStream` as-is. Two organisations choosing the same key never collide.
   */
  idempotencyKey?: string;
}

/** Printable ASCII without spaces, like the IETF Idempotency-Key draft's examples (UUIDs). */
const ACCEPTABLE_KEY = /^[\x21-\x7E]{1,200}$/;

export function commandMetaOf(req: PolkuRequest): CommandMeta {
  const principal = principalOf(req);
  if (!req.correlationId) throw new Error('No correlation id: is correlationIdMiddleware installed?');
  const key = headerValue(req, IDEMPOTENCY_KEY_HEADER);
  if (key !== undefined && !ACCEPTABLE_KEY.test(key)) {
    throw new ProblemException({
      type: ProblemTypes.invalidHeader,
      title: 'Invalid header',
      status: 400,
      detail: `${IDEMPOTENCY_KEY_HEADER} must be 1-200 printable ASCII characters without spaces.`,
      header: IDEMPOTENCY_KEY_HEADER,
    });
  }
  return {
    principal,
    correlationId: req.correlationId,
    ...(key !== undefined && { idempotencyKey: `${principal.organisationId}:${key}` }),
  };
}

/** `@CommandMeta() meta: CommandMeta` in a controller method on an authenticated route. */
export const CommandMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandMeta =>
  commandMetaOf(ctx.switchToHttp().getRequest<PolkuRequest>()),
);
