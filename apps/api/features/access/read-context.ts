import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { principalOf } from '../../infrastructure/auth/decorators.js';
import type { Principal } from '../../../../libs/auth/principal.js';
import { headerValue, type PolkuRequest } from '../../infrastructure/http.js';
import { ProblemException, ProblemTypes } from '../../infrastructure/problem/index.js';
import { documentOnMethod } from '../../infrastructure/request-context/index.js';

export const PURPOSE_HEADER = 'X-Purpose';

/** Who reads client data and why: the usage log records both (law 703/2023 §10). */
export interface ReadContext {
  principal: Principal;
  purpose: string;
  correlationId: string | null;
}

export function readContextOf(req: PolkuRequest): ReadContext {
  const purpose = headerValue(req, PURPOSE_HEADER)?.trim();
  if (!purpose || purpose.length > 200) {
    throw new ProblemException({
      type: ProblemTypes.invalidHeader,
      title: 'Purpose required',
      status: 400,
      header: PURPOSE_HEADER,
      detail: `Reads of client data must state their purpose in the ${PURPOSE_HEADER} header (1-200 characters), e.g. "${PURPOSE_HEADER}: service planning".`,
    });
  }
  return { principal: principalOf(req), purpose, correlationId: req.correlationId ?? null };
}

/** 1-200 characters once trimmed; of the characters a header may carry, trim() drops tab, space and no-break space. */
const PURPOSE_PATTERN = '^[ \\t\\u00a0]*[^ \\t\\u00a0]([^\\r\\n]{0,198}[^ \\t\\u00a0])?[ \\t\\u00a0]*$';

/**
 * `@ReadCtx() ctx: ReadContext` on routes that read client data. Reading X-Purpose here
 * also documents it on the route, as required.
 */
export const ReadCtx = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): ReadContext => readContextOf(ctx.switchToHttp().getRequest<PolkuRequest>()),
  [
    documentOnMethod(
      ApiHeader({
        name: PURPOSE_HEADER,
        required: true,
        description: 'Why you read this client data (logged with the read, law 703/2023 §10)',
        schema: { type: 'string', pattern: PURPOSE_PATTERN, example: 'service planning' },
      }),
    ),
  ],
);
