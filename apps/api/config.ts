import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  storeConfigFromEnv,
  StoreConfigError,
  type EventStoreConfig,
  type ReadStoreConfig,
  type StoresConfig,
} from '../../libs/adapters/open-stores/store-config.js';

/**
 * API configuration, read once from the environment. Every problem is collected before
 * throwing so an operator fixes a bad deployment in one pass, not one variable at a time.
 */

/** Store adapters a deployment can choose: see libs/adapters/open-stores (shared with the projector). */
export { EVENT_STORE_KINDS, READ_STORE_KINDS } from '../../libs/adapters/open-stores/store-config.js';
export type { EventStoreConfig, ReadStoreConfig } from '../../libs/adapters/open-stores/store-config.js';
export type StoreConfig = EventStoreConfig | ReadStoreConfig;

export const AUTH_MODES = ['hs256', 'jwks'] as const;

/** Only ever used outside production, so local runs and tests need no setup. */
export const DEV_JWT_SECRET = 'polku-dev-secret-do-not-use-in-production-0123456789';
const MIN_SECRET_LENGTH = 32;

interface AuthCommon {
  issuer: string;
  audience: string;
}
export type AuthConfig =
  | (AuthCommon & { mode: 'hs256'; secret: string })
  | (AuthCommon & { mode: 'jwks'; jwksUrl: string });

export interface ApiConfig {
  host: string;
  port: number;
  /** Absolute path. */
  dataDir: string;
  eventStore: EventStoreConfig;
  readStore: ReadStoreConfig;
  auth: AuthConfig;
  production: boolean;
  /** `API_PROCESSES` (default 1): API processes sharing the port, one per core at most. */
  processes: number;
  /** `WEB_DIR`: the built browser workspace served at `/` (default: `dist/web` beside the compiled API). */
  webDir: string;
  /** OpenID Connect sign-in of the browser workspace (`OIDC_*`, all or none); absent when not configured. */
  oidc?: OidcConfig;
}

/** The names of the OpenID Connect settings: all of them, or none. */
export const OIDC_SETTINGS = [
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_REDIRECT_URL',
  'OIDC_SCOPES',
] as const;

export interface OidcConfig {
  /** The issuer identifier; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** `<the API's public origin>/session/oidc/callback`, as registered at the issuer. */
  redirectUrl: string;
  /** Space-separated in `OIDC_SCOPES`; always includes `openid`. */
  scopes: string[];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

export function loadApiConfig(env: Env = process.env): ApiConfig {
  const problems: string[] = [];
  // Empty strings count as unset: `FOO= node ...` should mean "use the default".
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const production = env.NODE_ENV === 'production';

  const host = get('HOST') ?? '127.0.0.1';

  const portRaw = get('PORT') ?? '3000';
  const port = Number(portRaw);
  if (!/^\d+$/.test(portRaw) || port > 65535) {
    problems.push(`PORT must be an integer 0-65535 (0 = any free port), got "${portRaw}"`);
  }

  const processesRaw = get('API_PROCESSES') ?? '1';
  const processes = Number(processesRaw);
  if (!/^\d+$/.test(processesRaw) || processes < 1 || processes > 64) {
    problems.push(`API_PROCESSES must be an integer 1-64, got "${processesRaw}"`);
  }

  // EVENT_STORE, READ_STORE (or *_KIND), DATA_DIR, *_PATH, DATABASE_URL, DATABASE_SCHEMA
  let stores: StoresConfig | undefined;
  try {
    stores = storeConfigFromEnv(env);
  } catch (error) {
    if (!(error instanceof StoreConfigError)) throw error;
    problems.push(...error.problems.map((p) => p.message));
  }

  const issuer = get('JWT_ISSUER') ?? 'polku-dev';
  const audience = get('JWT_AUDIENCE') ?? 'polku';
  const mode = get('AUTH_MODE') ?? 'hs256';
  let auth: AuthConfig | undefined;
  if (mode === 'hs256') {
    const secret = get('JWT_SECRET') ?? (production ? undefined : DEV_JWT_SECRET);
    if (secret === undefined) {
      problems.push('JWT_SECRET is required when NODE_ENV=production and AUTH_MODE=hs256');
    } else if (secret.length < MIN_SECRET_LENGTH) {
      problems.push(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters, got ${secret.length}`);
    } else if (production && secret === DEV_JWT_SECRET) {
      problems.push('JWT_SECRET must not be the built-in development secret in production');
    } else {
      auth = { mode, secret, issuer, audience };
    }
  } else if (mode === 'jwks') {
    const jwksUrl = get('JWT_JWKS_URL');
    if (jwksUrl === undefined) {
      problems.push('JWT_JWKS_URL is required when AUTH_MODE=jwks');
    } else if (!isHttpUrl(jwksUrl)) {
      problems.push(`JWT_JWKS_URL must be an http(s) URL, got "${jwksUrl}"`);
    } else {
      auth = { mode, jwksUrl, issuer, audience };
    }
  } else {
    problems.push(`AUTH_MODE must be one of ${AUTH_MODES.join(', ')}, got "${mode}"`);
  }

  const oidc = oidcConfig(get, problems);
  if (oidc && mode !== 'hs256') {
    // The browser session is a token the API signs itself, with JWT_SECRET (see web-session).
    problems.push('OIDC_ISSUER needs AUTH_MODE=hs256: the browser session it creates is signed with JWT_SECRET');
  }

  if (problems.length > 0 || !auth || !stores) throw new ConfigError(problems);
  const { dataDir, eventStore, readStore } = stores;
  // dist/apps/api/config.js -> dist/web, where `npm run build` puts apps/web.
  const webDir = resolve(get('WEB_DIR') ?? fileURLToPath(new URL('../../web', import.meta.url)));
  return {
    host,
    port,
    dataDir,
    eventStore,
    readStore,
    auth,
    production,
    processes,
    webDir,
    ...(oidc ? { oidc } : {}),
  };
}

const MIN_CLIENT_SECRET_LENGTH = 16;

/** All five `OIDC_*` settings or none: half a configuration would fail only at the first sign-in. */
function oidcConfig(get: (name: string) => string | undefined, problems: string[]): OidcConfig | undefined {
  const missing = OIDC_SETTINGS.filter((name) => get(name) === undefined);
  if (missing.length === OIDC_SETTINGS.length) return undefined;
  if (missing.length > 0) {
    problems.push(`${missing.join(', ')} must be set too: the OIDC_* settings are all or none`);
    return undefined;
  }
  const [issuer, clientId, clientSecret, redirectUrl, scopesRaw] = OIDC_SETTINGS.map((name) => get(name) as string);
  const before = problems.length;
  if (!isHttpUrl(issuer)) problems.push(`OIDC_ISSUER must be an http(s) URL, got "${issuer}"`);
  if (!isHttpUrl(redirectUrl) || !new URL(redirectUrl).pathname.endsWith('/session/oidc/callback')) {
    problems.push(`OIDC_REDIRECT_URL must be an http(s) URL ending in /session/oidc/callback, got "${redirectUrl}"`);
  }
  if (clientSecret.length < MIN_CLIENT_SECRET_LENGTH) {
    problems.push(`OIDC_CLIENT_SECRET must be at least ${MIN_CLIENT_SECRET_LENGTH} characters`);
  }
  const scopes = scopesRaw.split(/\s+/);
  if (!scopes.includes('openid')) problems.push(`OIDC_SCOPES must include openid, got "${scopesRaw}"`);
  if (problems.length > before) return undefined;
  return { issuer, clientId, clientSecret, redirectUrl, scopes };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
