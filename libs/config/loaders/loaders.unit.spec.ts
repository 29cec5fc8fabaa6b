import { resolve } from 'node:path';
import { ConfigError } from '../config-error.js';
import { DEV_JWT_SECRET } from '../sections/auth.js';
import { DEV_WEB_SESSION_SECRET } from '../sections/web-session.js';
import { loadApiConfig } from './api.js';
import { loadIngestConfig } from './ingest.js';
import { loadLauncherConfig } from './launcher.js';
import { loadProjectorConfig } from './projector.js';
import { testEnvironment } from './test-environment.js';

const errorOf = (load: () => unknown): ConfigError => {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

const OIDC = {
  OIDC_ISSUER: 'https://idp.example',
  OIDC_CLIENT_ID: 'polku',
  OIDC_CLIENT_SECRET: 'client-secret-of-some-length',
  OIDC_REDIRECT_URL: 'https://polku.example/session/oidc/callback',
};

describe('loadApiConfig', () => {
  it('has a default for every setting outside production', () => {
    const config = loadApiConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      processes: 1,
      dataDir: resolve('./data'),
      auditLogPath: resolve('./data/audit.sqlite'),
      auth: { mode: 'hs256', secret: DEV_JWT_SECRET, issuer: 'polku-dev', audience: 'polku' },
      production: false,
      clientStateCache: { maxClients: 5_000, ttlMs: 300_000, snapshots: true },
      logLevel: 'info',
      webSession: { sessionSecret: DEV_WEB_SESSION_SECRET },
    });
  });

  it('reads every section; empty values count as unset', () => {
    const config = loadApiConfig({
      PORT: '0',
      HOST: '',
      DATA_DIR: '/srv/polku',
      AUDIT_LOG_PATH: '/logs/audit.sqlite',
      CLIENT_STATE_CACHE_MAX_CLIENTS: '0',
      CLIENT_STATE_CACHE_TTL_SECONDS: '30',
      CLIENT_STATE_SNAPSHOTS: 'off',
      LOG_LEVEL: 'silent',
    });
    expect(config).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      auditLogPath: '/logs/audit.sqlite',
      clientStateCache: { maxClients: 0, ttlMs: 30_000, snapshots: false },
      logLevel: 'silent',
    });
  });

  it('names every invalid setting and why in one line', () => {
    const error = errorOf(() =>
      loadApiConfig({
        PORT: '65536',
        API_PROCESSES: '0',
        CLIENT_STATE_CACHE_MAX_CLIENTS: 'many',
        CLIENT_STATE_CACHE_TTL_SECONDS: '0',
        LOG_LEVEL: 'loud',
        AUTH_MODE: 'jwks',
        JWT_JWKS_URL: 'ftp://keys',
      }),
    );
    expect(error.name).toBe('ConfigError');
    expect(error.settings).toEqual([
      'PORT',
      'API_PROCESSES',
      'JWT_JWKS_URL',
      'CLIENT_STATE_CACHE_MAX_CLIENTS',
      'CLIENT_STATE_CACHE_TTL_SECONDS',
      'LOG_LEVEL',
    ]);
    expect(error.message).not.toContain('\n');
    expect(error.message).toMatch(/^Invalid configuration: PORT must be an integer from 0 to 65535, got "65536"; /);
    expect(error.message).toContain(
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    );
  });

  it('serves everything from one process unless reads-only processes are asked for', () => {
    expect(loadApiConfig({})).toMatchObject({ serves: 'all', readProcesses: 0, readPort: 3003, commandNice: 0 });
    expect(loadApiConfig({ API_READ_PROCESSES: '2', READ_PORT: '4001', API_COMMAND_NICE: '10' })).toMatchObject({
      serves: 'all',
      readProcesses: 2,
      readPort: 4001,
      commandNice: 10,
    });
    expect(loadApiConfig({ API_SERVES: 'reads' }).serves).toBe('reads');
  });

  it('refuses a reads-only port that is the command port or a random one, and a niceness out of range', () => {
    expect(errorOf(() => loadApiConfig({ API_READ_PROCESSES: '1', PORT: '4000', READ_PORT: '4000' })).problems).toEqual(
      ['READ_PORT must differ from PORT (both 4000) when API_READ_PROCESSES > 0'],
    );
    expect(errorOf(() => loadApiConfig({ API_READ_PROCESSES: '1', READ_PORT: '0' })).problems).toEqual([
      'READ_PORT must be a fixed port, not 0, when API_READ_PROCESSES > 0',
    ]);
    // without reads-only processes the reads' port is not used, so it cannot collide
    expect(loadApiConfig({ PORT: '4000', READ_PORT: '4000' }).readPort).toBe(4000);
    expect(errorOf(() => loadApiConfig({ API_READ_PROCESSES: '1', API_SERVES: 'reads' })).settings).toEqual([
      'API_READ_PROCESSES',
    ]);
    expect(errorOf(() => loadApiConfig({ API_SERVES: 'writes', API_COMMAND_NICE: '20' })).settings).toEqual([
      'API_SERVES',
      'API_COMMAND_NICE',
    ]);
  });

  it('refuses the development secret, or none, in production; never echoes a secret', () => {
    expect(errorOf(() => loadApiConfig({ NODE_ENV: 'production' })).problems).toEqual([
      'JWT_SECRET is required when NODE_ENV=production and AUTH_MODE=hs256',
    ]);
    expect(errorOf(() => loadApiConfig({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET })).settings).toEqual([
      'JWT_SECRET',
    ]);
    const short = errorOf(() => loadApiConfig({ JWT_SECRET: 'hunter2-hunter2' }));
    expect(short.problems).toEqual(['JWT_SECRET must be at least 32 characters, got 15']);
    expect(short.message).not.toContain('hunter2');
    expect(loadApiConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(32) }).auth).toMatchObject({
      mode: 'hs256',
      secret: 's'.repeat(32),
    });
  });

  it('requires JWT_JWKS_URL with AUTH_MODE=jwks', () => {
    expect(errorOf(() => loadApiConfig({ AUTH_MODE: 'jwks' })).problems).toEqual([
      'JWT_JWKS_URL is required when AUTH_MODE=jwks',
    ]);
    expect(loadApiConfig({ AUTH_MODE: 'jwks', JWT_JWKS_URL: 'https://idp.example/jwks' }).auth).toMatchObject({
      mode: 'jwks',
      jwksUrl: 'https://idp.example/jwks',
    });
  });
});

describe('the web-session key (WEB_SESSION_SECRET)', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32) };
  const jwks = { AUTH_MODE: 'jwks', JWT_JWKS_URL: 'https://idp.example/jwks' };

  it('is required in production when OIDC is configured, whatever the auth mode', () => {
    for (const auth of [production, { ...production, ...jwks }]) {
      const error = errorOf(() => loadApiConfig({ ...auth, ...OIDC }));
      expect(error.settings).toEqual(['WEB_SESSION_SECRET']);
      expect(error.problems).toEqual([
        'WEB_SESSION_SECRET is required when NODE_ENV=production and OIDC is configured',
      ]);
    }
  });

  it('with OIDC and AUTH_MODE=jwks in production: both sign-ins, each with its own key', () => {
    const config = loadApiConfig({ ...production, ...jwks, ...OIDC, WEB_SESSION_SECRET: 'w'.repeat(32) });
    expect(config.auth).toMatchObject({ mode: 'jwks' });
    expect(config.webSession).toMatchObject({ sessionSecret: 'w'.repeat(32), oidc: { issuer: OIDC.OIDC_ISSUER } });
  });

  it('is refused when short, the development one in production, or the same as JWT_SECRET; never echoed', () => {
    const short = errorOf(() => loadApiConfig({ WEB_SESSION_SECRET: 'hunter2-hunter2' }));
    expect(short.problems).toEqual(['WEB_SESSION_SECRET must be at least 32 characters, got 15']);
    expect(short.message).not.toContain('hunter2');
    expect(
      errorOf(() => loadApiConfig({ ...production, ...OIDC, WEB_SESSION_SECRET: DEV_WEB_SESSION_SECRET })).problems,
    ).toEqual(['WEB_SESSION_SECRET must not be the built-in development secret in production']);
    const same = errorOf(() => loadApiConfig({ ...production, WEB_SESSION_SECRET: 'j'.repeat(32) }));
    expect(same.problems).toEqual(['WEB_SESSION_SECRET must differ from JWT_SECRET']);
    expect(same.message).not.toContain('jjjj');
  });

  it('defaults to the development key outside production; in production without OIDC there is none', () => {
    expect(loadApiConfig(OIDC).webSession.sessionSecret).toBe(DEV_WEB_SESSION_SECRET);
    expect(loadApiConfig(production).webSession.sessionSecret).toBeUndefined();
  });
});

describe('web-session OIDC settings (all or none)', () => {
  it('none: no OIDC sign-in', () => {
    expect(loadApiConfig({}).webSession.oidc).toBeUndefined();
  });

  it('all: the OIDC block, scopes defaulting to openid,profile', () => {
    expect(loadApiConfig(OIDC).webSession).toEqual({
      sessionSecret: DEV_WEB_SESSION_SECRET,
      oidc: {
        issuer: OIDC.OIDC_ISSUER,
        clientId: 'polku',
        clientSecret: 'client-secret-of-some-length',
        redirectUrl: OIDC.OIDC_REDIRECT_URL,
        scopes: ['openid', 'profile'],
      },
    });
    expect(loadApiConfig({ ...OIDC, OIDC_SCOPES: 'openid, email' }).webSession.oidc?.scopes).toEqual([
      'openid',
      'email',
    ]);
  });

  it('some: each missing one is named', () => {
    const error = errorOf(() => loadApiConfig({ OIDC_ISSUER: OIDC.OIDC_ISSUER, OIDC_CLIENT_ID: 'polku' }));
    expect(error.settings).toEqual(['OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL']);
    expect(error.problems[0]).toBe(
      'OIDC_CLIENT_SECRET is required when OIDC_ISSUER, OIDC_CLIENT_ID are set (OIDC is all or none)',
    );
  });

  it('scopes alone, or a bad URL, are refused naming the setting', () => {
    expect(errorOf(() => loadApiConfig({ OIDC_SCOPES: 'openid' })).settings).toEqual(['OIDC_SCOPES']);
    expect(errorOf(() => loadApiConfig({ ...OIDC, OIDC_REDIRECT_URL: 'polku.example/cb' })).problems).toEqual([
      'OIDC_REDIRECT_URL must be an http(s) URL, got "polku.example/cb"',
    ]);
    const secret = errorOf(() => loadApiConfig({ ...OIDC, OIDC_ISSUER: 'nope' }));
    expect(secret.message).not.toContain('client-secret');
  });
});

describe('loadIngestConfig', () => {
  const kafka = { BUS: 'kafka', KAFKA_BROKERS: '127.0.0.1:59092' };
  it('validates the metrics endpoint with everything else', () => {
    expect(loadIngestConfig(kafka).metrics).toEqual({ host: '127.0.0.1', port: 3002 });
    expect(loadIngestConfig({ ...kafka, INGEST_METRICS_PORT: '0' }).metrics.port).toBe(0);
    expect(loadIngestConfig({ ...kafka, INGEST_METRICS_PORT: '65535' }).metrics.port).toBe(65_535);
    expect(errorOf(() => loadIngestConfig({ ...kafka, INGEST_METRICS_PORT: '65536' })).settings).toEqual([
      'INGEST_METRICS_PORT',
    ]);
    expect(errorOf(() => loadIngestConfig({ ...kafka, INGEST_METRICS_PORT: '-1' })).settings).toEqual([
      'INGEST_METRICS_PORT',
    ]);
  });

  it('shares the usage log and the cache settings with the API', () => {
    const config = loadIngestConfig({ DATA_DIR: '/srv/polku', CLIENT_STATE_CACHE_MAX_CLIENTS: '7' });
    expect(config.auditLogPath).toBe('/srv/polku/audit.sqlite');
    expect(config.api.clientStateCache.maxClients).toBe(7);
    expect(errorOf(() => loadIngestConfig({ BUS_CHECKPOINT_PATH: ':memory:' })).problems).toEqual([
      'BUS_CHECKPOINT_PATH must be a file path, not :memory:',
    ]);
  });
});

describe('loadProjectorConfig', () => {
  it('collects every bad setting, the first named as the variable', () => {
    const error = errorOf(() => loadProjectorConfig({ PROJECTOR_BATCH_SIZE: '0', PROJECTOR_IDLE_POLL_MAX_MS: '49' }));
    expect(error.variable).toBe('PROJECTOR_BATCH_SIZE');
    expect(error.settings).toEqual(['PROJECTOR_BATCH_SIZE', 'PROJECTOR_IDLE_POLL_MAX_MS']);
    expect(loadProjectorConfig({ PROJECTOR_IDLE_POLL_MAX_MS: '50' }).idlePollMaxMs).toBe(50);
    expect(loadProjectorConfig({ PROJECTOR_IDLE_POLL_MAX_MS: '3600000' }).idlePollMaxMs).toBe(3_600_000);
  });
});

describe('loadLauncherConfig', () => {
  it('validates what the children will read before starting any', () => {
    expect(loadLauncherConfig({})).toMatchObject({
      seedDemo: true,
      bus: { kind: 'memory' },
      projector: { port: 3001 },
    });
    expect(loadLauncherConfig({ POLKU_DEMO: '0' }).seedDemo).toBe(false);
    expect(
      errorOf(() =>
        loadLauncherConfig({ POLKU_DEMO: 'no', PROJECTOR_PORT: 'x', BUS: 'kafka', INGEST_METRICS_PORT: 'y' }),
      ).settings,
    ).toEqual(['PROJECTOR_PORT', 'KAFKA_BROKERS', 'INGEST_METRICS_PORT', 'POLKU_DEMO']);
  });

  it('refuses two of its processes on one fixed port', () => {
    expect(errorOf(() => loadLauncherConfig({ API_READ_PROCESSES: '1', READ_PORT: '3001' })).problems).toEqual([
      'PROJECTOR_PORT must differ from READ_PORT (both 3001)',
    ]);
    expect(
      errorOf(() => loadLauncherConfig({ BUS: 'kafka', KAFKA_BROKERS: '127.0.0.1:9092', INGEST_METRICS_PORT: '3000' }))
        .problems,
    ).toEqual(['INGEST_METRICS_PORT must differ from PORT (both 3000)']);
    // unused or random ports cannot collide
    expect(loadLauncherConfig({ READ_PORT: '3001', PORT: '0', PROJECTOR_PORT: '0' }).api.readPort).toBe(3001);
  });
});

describe('testEnvironment', () => {
  it('reads the services the tests may use, each optional', () => {
    expect(testEnvironment({})).toMatchObject({ chromiumPath: '/usr/bin/chromium', ci: false, kafkaTestLog: false });
    expect(testEnvironment({}).databaseUrl).toBeUndefined();
    expect(
      testEnvironment({ DATABASE_URL: 'postgres://h/db', KAFKA_BROKERS: 'a:1', CI: 'true', CHROMIUM_PATH: '/opt/c' }),
    ).toMatchObject({ databaseUrl: 'postgres://h/db', kafkaBrokers: 'a:1', ci: true, chromiumPath: '/opt/c' });
  });
});
