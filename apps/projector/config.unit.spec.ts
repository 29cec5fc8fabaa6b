import { resolve } from 'node:path';
import { ConfigError, loadConfig, parseMode } from './config.js';

describe('projector config', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      eventStore: {
        kind: 'sqlite',
        path: resolve('./data/events.sqlite'),
        keyStorePath: resolve('./data/keys.sqlite'),
      },
      readStore: { kind: 'sqlite', path: resolve('./data/read.sqlite') },
      batchSize: 500,
      commitEveryBatches: 1,
      maxCachedClients: 2500,
      streamsPerPage: 100,
      foldInWorker: true,
      idlePollMaxMs: 1000,
      port: 3001,
      host: '127.0.0.1',
    });
    expect(parseMode(undefined)).toBe('follow');
  });

  it('reads the environment; empty values count as unset', () => {
    expect(
      loadConfig({
        EVENT_STORE_PATH: '/x/e.sqlite',
        READ_STORE_PATH: '/x/r.sqlite',
        PROJECTOR_BATCH_SIZE: '25',
        PROJECTOR_PORT: '0',
        PROJECTOR_HOST: '',
      }),
    ).toEqual({
      eventStore: { kind: 'sqlite', path: '/x/e.sqlite', keyStorePath: resolve('./data/keys.sqlite') },
      readStore: { kind: 'sqlite', path: '/x/r.sqlite' },
      batchSize: 25,
      commitEveryBatches: 1,
      maxCachedClients: 2500,
      streamsPerPage: 100,
      foldInWorker: true,
      idlePollMaxMs: 1000,
      port: 0,
      host: '127.0.0.1',
    });
  });

  it('switches the fold worker off', () => {
    expect(loadConfig({ PROJECTOR_FOLD_WORKER: 'off' }).foldInWorker).toBe(false);
    expect(loadConfig({ PROJECTOR_FOLD_WORKER: ' On ' }).foldInWorker).toBe(true);
  });

  it('selects the stores like the API does', () => {
    const config = loadConfig({
      EVENT_STORE: 'postgres',
      READ_STORE_KIND: 'postgres',
      DATABASE_URL: 'postgres://u@127.0.0.1:5/db',
    });
    const postgres = { url: 'postgres://u@127.0.0.1:5/db', schema: 'public' };
    expect(config.eventStore).toMatchObject({ kind: 'postgres', postgres });
    expect(config.readStore).toMatchObject({ kind: 'postgres', postgres });
  });

  it.each([
    ['PROJECTOR_BATCH_SIZE', 'ten'],
    ['PROJECTOR_BATCH_SIZE', '0'],
    ['PROJECTOR_BATCH_SIZE', '2.5'],
    ['PROJECTOR_COMMIT_EVERY_BATCHES', '0'],
    ['PROJECTOR_MAX_CACHED_CLIENTS', 'all'],
    ['PROJECTOR_PORT', '70000'],
    ['PROJECTOR_PORT', '-1'],
    ['PROJECTOR_FOLD_WORKER', 'maybe'],
    ['READ_STORE_PATH', ':memory:'],
    ['READ_STORE', 'kurrentdb'],
    ['EVENT_STORE', 'mongo'],
  ])('names the bad variable %s=%s', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ variable, message: expect.stringContaining(variable) });
  });

  it('refuses an unknown mode', () => {
    expect(() => parseMode('sideways')).toThrow(ConfigError);
    expect(parseMode('catch-up')).toBe('catch-up');
    expect(parseMode('rebuild')).toBe('rebuild');
  });
});
