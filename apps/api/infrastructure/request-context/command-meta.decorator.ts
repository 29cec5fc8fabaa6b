import { IDEMPOTENCY_KEY_PATTERN } from '../../../../libs/commands/id-patterns.js';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { principalOf } from '../auth/decorators.js';
import type { Principal } from '../../../../libs/auth/principal.js';
import { headerValue, type PolkuRequest } from '../http.js';
import { ProblemException } from '../../../../libs/problem/problem-exception.js';
import { ProblemTypes } from '../../../../libs/problem/problem-types.js';
import { documentOnMethod } from './document-on-method.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IF_MATCH_HEADER = 'If-Match';

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
  /** `If-Match`: the stream version the caller last saw; a mismatch is a 409. */
  expectedVersion?: bigint;
}

/** `"7"`, `7` or `W/"7"`: the `streamVersion` of the previous command's answer. */
const IF_MATCH = /^[ \t]*(?:W\/)?"?(\d{1,18})"?[ \t]*$/;

const invalidHeader = (header: string, detail: string) =>
  new ProblemException({ type: ProblemTypes.invalidHeader, title: 'Invalid header', status: 400, detail, header });

/** `If-Match: "7"` (or 7) → 7n: the caller's view of the stream; a mismatch is a 409. */
export function parseIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined) return undefined;
  const m = IF_MATCH.exec(header);
  if (!m)
    throw invalidHeader(
      IF_MATCH_HEADER,
      'If-Match must be the stream version returned by the previous command, e.g. "7"',
    );
  return BigInt(m[1]);
}

export function commandMetaOf(req: PolkuRequest): CommandMeta {
  const principal = principalOf(req);
  if (!req.correlationId) throw new Error('No correlation id: is correlationIdMiddleware installed?');
  const key = headerValue(req, IDEMPOTENCY_KEY_HEADER);
  if (key !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw invalidHeader(
      IDEMPOTENCY_KEY_HEADER,
      `${IDEMPOTENCY_KEY_HEADER} must be 1-200 printable ASCII characters without spaces.`,
    );
  }
  const expectedVersion = parseIfMatch(headerValue(req, IF_MATCH_HEADER));
  return {
    principal,
    correlationId: req.correlationId,
    ...(key !== undefined && { idempotencyKey: `${principal.organisationId}:${key}` }),
    ...(expectedVersion !== undefined && { expectedVersion }),
  };
}

/** The two command headers as the OpenAPI document states them: both optional. */
const COMMAND_HEADERS = [
  ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description:
      'Retry a command safely: the same key (per organisation) with the same request appends nothing new and answers as the first time.',
    schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source, example: '6f1c2b9e-retry-1' },
  }),
  ApiHeader({
    name: IF_MATCH_HEADER,
    required: false,
    description:
      'Optimistic concurrency: the streamVersion of your last answer; 409 when the client record changed since.',
    schema: { type: 'string', pattern: IF_MATCH.source, example: '"7"' },
  }),
];

/**
 * `@CommandMeta() meta: CommandMeta` in a controller method on an authenticated route.
 * Reading the command headers here also documents them on the route: a command cannot
 * take them without the published contract saying so.
 */
export const CommandMeta = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CommandMeta => commandMetaOf(ctx.switchToHttp().getRequest<PolkuRequest>()),
  [documentOnMethod(...COMMAND_HEADERS)],
);
