import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { headerValue, type PolkuRequest } from '../http.js';
import { ProblemException } from '../../../../libs/problem/problem-exception.js';
import { ProblemTypes } from '../../../../libs/problem/problem-types.js';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators.js';
import type { Principal, Role } from '../../../../libs/auth/principal.js';
import { TokenVerifier, unauthorized } from '../../../../libs/auth/token-verifier.js';
import { WebSessionTokens } from '../../../../libs/auth/web-session-tokens.js';
import type { AuditLog } from '../../../../libs/audit-log/index.js';
import { AUDIT_LOG, CLOCK, type Clock } from '../tokens.js';
import { requestPath } from '../http.js';
import { CSRF_HEADER, csrfTokenFor, isSafeMethod, sessionTokenOf } from './session-cookie.js';

/**
 * Global guard: every route needs a valid bearer token unless marked `@Public()`. A browser
 * signed in through the web session sends no bearer token: its token rides in the HttpOnly
 * session cookie, verified only with the web-session key, and its writes must carry the
 * session's CSRF token. Bearer tokens are verified by the configured mode (hs256 or jwks).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
    @Inject(WebSessionTokens) private readonly sessions: WebSessionTokens,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = ctx.switchToHttp().getRequest<PolkuRequest>();
    let principal: Principal;
    try {
      const credential = credentialOf(req);
      principal = await (credential.kind === 'session'
        ? this.sessions.verify(credential.token)
        : this.verifier.verify(credential.token));
    } catch (error) {
      // Refused callers are logged too (law 703/2023): who tried what, even unidentified.
      await this.audit.recordUsage([
        {
          at: this.clock().toISOString(),
          personId: null,
          organisationId: null,
          role: null,
          clientId: null,
          view: `${req.method} ${requestPath(req)}`,
          purpose: headerValue(req, 'x-purpose') ?? null,
          outcome: 'unauthenticated',
          detail: error instanceof Error ? error.message : String(error),
          correlationId: req.correlationId ?? null,
        },
      ]);
      throw error;
    }
    req.principal = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new ProblemException({
        type: ProblemTypes.forbidden,
        title: 'Forbidden',
        status: 403,
        detail: `This action needs one of the roles ${roles.join(', ')}; you are ${principal.role}.`,
      });
    }
    return true;
  }
}

/** The bearer token, else the session cookie's (agency systems never send cookies). */
function credentialOf(req: PolkuRequest): { kind: 'bearer' | 'session'; token: string } {
  const authorization = headerValue(req, 'authorization');
  const session = authorization ? undefined : sessionTokenOf(req);
  if (session === undefined) return { kind: 'bearer', token: bearerToken(authorization) };
  if (!isSafeMethod(req.method) && headerValue(req, CSRF_HEADER) !== csrfTokenFor(session)) {
    throw new ProblemException({
      type: ProblemTypes.forbidden,
      title: 'Forbidden',
      status: 403,
      detail: `A write from a browser session needs the session's ${CSRF_HEADER} header.`,
    });
  }
  return { kind: 'session', token: session };
}

function bearerToken(header: string | undefined): string {
  if (!header) throw unauthorized('Missing Authorization header: send "Authorization: Bearer <token>".');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('The Authorization header must be "Bearer <token>".');
  return match[1];
}
