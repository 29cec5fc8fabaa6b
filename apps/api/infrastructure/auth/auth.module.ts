import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TokenVerifier } from '../../../../libs/auth/index.js';
import type { ApiConfig } from '../../config.js';
import { API_CONFIG, CLOCK, type Clock } from '../tokens.js';
import { AuthGuard } from './auth.guard.js';

/** The shared verifier (libs/auth), built from the API's configuration; the guard wraps it. */
@Module({
  providers: [
    {
      provide: TokenVerifier,
      inject: [API_CONFIG, CLOCK],
      useFactory: (config: ApiConfig, clock: Clock) => new TokenVerifier(config, clock),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
