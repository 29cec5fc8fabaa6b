import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { PolkuRequest } from '../http.js';
import type { Principal, Role } from '../../../../libs/auth/principal.js';

export const IS_PUBLIC = 'polku:isPublic';
export const REQUIRED_ROLES = 'polku:requiredRoles';

/** Skips authentication (health, docs). `security: [{}]` tells OpenAPI readers too. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiSecurity({}));

/**
 * Coarse role gate checked by the auth guard (403 otherwise). Finer rules, e.g. "only the
 * client's own officer", belong in the command handler or domain.
 */
export const RequireRoles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/** The authenticated caller. Using it on a `@Public()` route is a programming error. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return principalOf(ctx.switchToHttp().getRequest<PolkuRequest>());
});

export function principalOf(req: PolkuRequest): Principal {
  if (!req.principal) throw new Error('No principal on the request: is the route @Public()?');
  return req.principal;
}
