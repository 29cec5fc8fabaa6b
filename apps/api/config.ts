import { resolve } from 'node:path';

/**
 * API configuration, read once from the environment. Every problem is collected before
 * throwing so an operator fixes a bad deployment in one pass, not one variable at a time.
 */

/** Store adapters a deployment can choose; add a kind here and a factory in stores/. */
export const STORE_KINDS = ['sqlite'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export const AUTH_MODES = ['hs256', 'jwks'] as const;

/** Only ever used outside production, so local runs and tests need no setup. */
export const DEV_JWT_SECRET = 'polku-dev-secret-do-not-use-in-production-0123456789';
const MIN_SECRET_LENGTH = 32;

export interface StoreConfig {
  kind: StoreKind;
  /** Absolute path of the store's file (SQLite). */
  path: string;
}

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
  eventStore: StoreConfig;
  readStore: StoreConfig;
  auth: AuthConfig;
  production: boolean;
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

  const dataDir = resolve(get('DATA_DIR') ?? './data');
  const eventStore = storeConfig('EVENT_STORE', get, dataDir, 'events.sqlite', problems);
  const readStore = storeConfig('READ_STORE', get, dataDir, 'read.sqlite', problems);

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

  if (problems.length > 0 || !auth || !eventStore || !readStore) throw new ConfigError(problems);
  return { host, port, dataDir, eventStore, readStore, auth, production };
}

function storeConfig(
  prefix: 'EVENT_STORE' | 'READ_STORE',
  get: (name: string) => string | undefined,
  dataDir: string,
  defaultFile: string,
  problems: string[],
): StoreConfig | undefined {
  const kind = get(`${prefix}_KIND`) ?? 'sqlite';
  if (!(STORE_KINDS as readonly string[]).includes(kind)) {
    problems.push(`${prefix}_KIND must be one of ${STORE_KINDS.join(', ')}, got "${kind}"`);
    return undefined;
  }
  // An explicit path is relative to the working directory, like DATA_DIR itself.
  const explicit = get(`${prefix}_PATH`);
  const path = explicit ? resolve(explicit) : resolve(dataDir, defaultFile);
  return { kind: kind as StoreKind, path };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
