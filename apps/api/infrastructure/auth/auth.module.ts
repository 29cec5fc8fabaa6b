import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TokenVerifier, WebSessionTokens } from '../../../../libs/auth/index.js';
import type { ApiConfig } from '../../config.js';
import { API_CONFIG, CLOCK, type Clock } from '../tokens.js';
import { AuthGuard } from './auth.guard.js';

/**
 * The shared bearer-token verifier (libs/auth), built from the API's configuration, and the
 * browser sessions' own tokens (the web-session key); the guard wraps both.
 */
@Module({
  providers: [
    {
      provide: TokenVerifier,
      inject: [API_CONFIG, CLOCK],
      useFactory: (config: ApiConfig, clock: Clock) => new TokenVerifier(config, clock),
    },
    {
      provide: WebSessionTokens,
      inject: [API_CONFIG, CLOCK],
      // No key configured (production without OIDC): a random one, so no session cookie verifies.
      useFactory: (config: ApiConfig, clock: Clock) =>
        new WebSessionTokens(config.webSession.sessionSecret ?? randomBytes(32).toString('base64url'), clock),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenVerifier, WebSessionTokens],
})
export class AuthModule {}
