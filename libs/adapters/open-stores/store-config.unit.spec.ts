import { resolve } from 'node:path';
import { ConfigError } from '../../config/index.js';
import { storeConfigFromEnv } from './store-config.js';
import { storeEnv } from './store-env.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    storeConfigFromEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.details.map((p) => `${p.setting}: ${p.message}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('storeConfigFromEnv', () => {
  it('defaults to SQLite files under DATA_DIR', () => {
    expect(storeConfigFromEnv({ DATA_DIR: '/srv/polku' })).toEqual({
      dataDir: '/srv/polku',
      eventStore: { kind: 'sqlite', path: '/srv/polku/events.sqlite', keyStorePath: '/srv/polku/keys.sqlite' },
      readStore: { kind: 'sqlite', path: '/srv/polku/read.sqlite' },
    });
    expect(storeConfigFromEnv({ EVENT_STORE: '', EVENT_STORE_PATH: 'x/e.sqlite' }).eventStore).toEqual({
      kind: 'sqlite',
      path: resolve('x/e.sqlite'),
      keyStorePath: resolve('data/keys.sqlite'),
    });
  });

  it('selects PostgreSQL for either store with DATABASE_URL (and DATABASE_SCHEMA)', () => {
    const url = 'postgres://polku@127.0.0.1:5432/polku';
    const config = storeConfigFromEnv({ EVENT_STORE: 'postgres', DATABASE_URL: url, DATABASE_SCHEMA: 'tenant_1' });
    expect(config.eventStore).toMatchObject({ kind: 'postgres', postgres: { url, schema: 'tenant_1' } });
    expect(config.readStore).toEqual({ kind: 'sqlite', path: resolve('data/read.sqlite') });
    expect(storeConfigFromEnv({ READ_STORE: 'postgres', DATABASE_URL: url }).readStore.postgres).toEqual({
      url,
      schema: 'public',
    });
  });

  it('accepts the earlier *_KIND names as aliases', () => {
    const config = storeConfigFromEnv({
      EVENT_STORE_KIND: 'postgres',
      READ_STORE_KIND: 'postgres',
      DATABASE_URL: 'postgresql://h/db',
    });
    expect([config.eventStore.kind, config.readStore.kind]).toEqual(['postgres', 'postgres']);
    expect(storeConfigFromEnv({ EVENT_STORE: 'sqlite', EVENT_STORE_KIND: 'sqlite' }).eventStore.kind).toBe('sqlite');
  });

  it('selects KurrentDB for the event store with KURRENTDB_URL', () => {
    const url = 'kurrentdb://127.0.0.1:2113?tls=false';
    const config = storeConfigFromEnv({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: url, DATA_DIR: '/d' });
    expect(config.eventStore).toEqual({
      kind: 'kurrentdb',
      path: '/d/events.sqlite',
      keyStorePath: '/d/keys.sqlite',
      kurrentdb: { url },
    });
    expect(config.readStore).toEqual({ kind: 'sqlite', path: '/d/read.sqlite' });
    for (const other of [
      'esdb://h:2113?tls=false',
      'kdb+discover://a:2113,b:2113',
      'kurrent://admin:changeit@h:2113',
    ]) {
      expect(storeConfigFromEnv({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: other }).eventStore.kurrentdb).toEqual({
        url: other,
      });
    }
    // Only read for kurrentdb: set for another kind it is ignored.
    expect(storeConfigFromEnv({ KURRENTDB_URL: url }).eventStore).not.toHaveProperty('kurrentdb');
  });

  it('names every bad variable', () => {
    expect(problemsOf({ EVENT_STORE: 'postgres' })).toEqual([
      'DATABASE_URL: DATABASE_URL is required when EVENT_STORE=postgres or READ_STORE=postgres',
    ]);
    expect(problemsOf({ READ_STORE: 'kurrentdb', EVENT_STORE: 'mongo' })).toEqual([
      'EVENT_STORE: EVENT_STORE must be one of sqlite, postgres, kurrentdb, got "mongo"',
      'READ_STORE: READ_STORE must be one of sqlite, postgres, got "kurrentdb"',
    ]);
    expect(problemsOf({ EVENT_STORE: 'postgres', EVENT_STORE_KIND: 'sqlite' })[0]).toMatch(/^EVENT_STORE: .*disagree/);
    expect(problemsOf({ READ_STORE: 'postgres', DATABASE_URL: 'mysql://x', DATABASE_SCHEMA: 'Bad-Name' })).toEqual([
      'DATABASE_URL: DATABASE_URL must be a postgres:// or postgresql:// URL',
      'DATABASE_SCHEMA: DATABASE_SCHEMA must be a lower-case identifier (a-z, 0-9, _), got "Bad-Name"',
    ]);
    expect(problemsOf({ EVENT_STORE_PATH: ':memory:' })[0]).toMatch(/^EVENT_STORE_PATH: /);
    expect(problemsOf({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: '  ' })).toEqual([
      'KURRENTDB_URL: KURRENTDB_URL is required when EVENT_STORE=kurrentdb (e.g. kurrentdb://127.0.0.1:2113?tls=false)',
    ]);
    expect(problemsOf({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'http://127.0.0.1:2113' })).toEqual([
      'KURRENTDB_URL: KURRENTDB_URL must be a kurrentdb://, kurrent://, kdb:// or esdb:// connection string (optionally +discover)',
    ]);
    expect(problemsOf({ EVENT_STORE: 'kurrentdb', READ_STORE: 'postgres' })).toEqual([
      'DATABASE_URL: DATABASE_URL is required when EVENT_STORE=postgres or READ_STORE=postgres',
      'KURRENTDB_URL: KURRENTDB_URL is required when EVENT_STORE=kurrentdb (e.g. kurrentdb://127.0.0.1:2113?tls=false)',
    ]);
  });

  it('hands the resolved selection to a child process', () => {
    const config = storeConfigFromEnv({
      EVENT_STORE: 'postgres',
      READ_STORE: 'postgres',
      DATABASE_URL: 'postgres://h/db',
      DATA_DIR: '/d',
    });
    expect(storeEnv(config)).toEqual({
      EVENT_STORE: 'postgres',
      READ_STORE: 'postgres',
      EVENT_STORE_PATH: '/d/events.sqlite',
      READ_STORE_PATH: '/d/read.sqlite',
      DATABASE_URL: 'postgres://h/db',
      DATABASE_SCHEMA: 'public',
    });
  });
});
