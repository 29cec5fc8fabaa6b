import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, LogLevel } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../apps/api/app.module.js';
import { loadApiConfig, type ApiConfig } from '../../apps/api/config.js';
import type { PrincipalSpec } from '../../libs/auth/principal.js';
import { mintToken, type MintSpec } from '../../libs/auth/token-minter.js';
import type { Clock } from '../../apps/api/infrastructure/tokens.js';
import { PRINCIPALS, type PrincipalPreset } from './principals.js';
import { testEnvironment } from '../../libs/config/index.js';

export interface StartTestAppOptions {
  /** Fixed time for the app and for the tokens `tokenFor` mints. */
  clock?: Clock;
  /** Extra env on top of the test defaults (e.g. JWT_AUDIENCE). */
  env?: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  extraModules?: any[];
  /** Nest log levels; default errors and warnings only, to keep test output readable. */
  logger?: LogLevel[] | false;
}

export interface TestApp {
  app: INestApplication;
  /** supertest bound to the running server: `http.get('/me').set(await authHeader('admin'))`. */
  http: ReturnType<typeof request>;
  config: ApiConfig;
  dataDir: string;
  /** A valid token for a preset name or any principal spec, on the app's clock. */
  tokenFor(who: PrincipalPreset | MintSpec): Promise<string>;
  /** `{ Authorization: 'Bearer …' }` for `.set(...)`. */
  authHeader(who: PrincipalPreset | PrincipalSpec): Promise<Record<string, string>>;
  /** Closes the app (and its stores), then deletes the data directory. */
  close(): Promise<void>;
}

/** Boots the real app on real SQLite files in a fresh temp directory, on a free port. */
export async function startTestApp(options: StartTestAppOptions = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'polku-api-'));
  const { httpPlatform } = testEnvironment();
  const config = loadApiConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    JWT_SECRET: `test-secret-${dataDir}-0123456789abcdef`,
    WEB_SESSION_SECRET: `test-web-session-secret-${dataDir}-0123456789abcdef`,
    // HTTP_PLATFORM=fastify runs the API specs on Fastify (the equivalence check).
    ...(httpPlatform && { HTTP_PLATFORM: httpPlatform }),
    ...options.env,
  });
  let app: INestApplication;
  try {
    app = await createApp(config, {
      clock: options.clock,
      extraModules: options.extraModules,
      logger: options.logger ?? ['error', 'warn'],
      accessLogLevel: 'silent',
    });
    await app.listen(config.port, config.host);
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  const tokenFor = async (who: PrincipalPreset | MintSpec): Promise<string> => {
    // In jwks mode the identity provider signs bearer tokens; the test app has no key for them.
    if (config.auth.mode !== 'hs256') throw new Error('tokenFor mints HS256 tokens: use AUTH_MODE=hs256');
    const spec = typeof who === 'string' ? PRINCIPALS[who] : who;
    const { secret, issuer, audience } = config.auth;
    return mintToken(spec, secret, issuer, audience, { now: options.clock?.() });
  };
  return {
    app,
    http: request(app.getHttpServer()),
    config,
    dataDir,
    tokenFor,
    authHeader: async (who) => ({ Authorization: `Bearer ${await tokenFor(who)}` }),
    close: async () => {
      try {
        await app.close();
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}
