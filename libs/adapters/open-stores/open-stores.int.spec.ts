import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aClientId, someEvents } from '../../event-store/contract/index.js';
import { SchemaJanitor } from '../postgres-common/index.js';
import { openEventStore, openStores, StoreUnavailableError } from './open-stores.js';
import { EventStoreFailureError } from '../../event-store/index.js';
import { ConfigError } from '../../config/index.js';
import { storeConfigFromEnv } from './store-config.js';
import { testEnvironment } from '../../config/index.js';

const url = testEnvironment().databaseUrl;
if (!url && testEnvironment().ci) throw new Error('DATABASE_URL is required in CI');
if (!url)
  process.stderr.write(
    'openStores (PostgreSQL case): skipped, DATABASE_URL is not set (eval "$(bash scripts/ci/postgres.sh)" starts a local PostgreSQL)\n',
  );
const kurrentUrl = testEnvironment().kurrentDbUrl;
if (!kurrentUrl)
  process.stderr.write('openStores (KurrentDB case): skipped, KURRENTDB_URL is not set (see docs/kurrentdb.md)\n');

describe('openStores (shared by the API, the projector and the scripts)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-open-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens SQLite by default, creating the data directory', async () => {
    const stores = await openStores(storeConfigFromEnv({ DATA_DIR: join(dir, 'nested') }));
    const client = aClientId();
    await stores.eventStore.appendToStream(client, someEvents(client, 1), { expectedVersion: 0n });
    expect(await stores.readStore.checkpoint()).toBe(0n);
    await stores.close();
  });

  it('refuses kurrentdb without KURRENTDB_URL, naming the variable', async () => {
    expect(() => storeConfigFromEnv({ EVENT_STORE: 'kurrentdb', DATA_DIR: dir })).toThrow(ConfigError);
    expect(() => storeConfigFromEnv({ EVENT_STORE: 'kurrentdb', DATA_DIR: dir })).toThrow(
      /KURRENTDB_URL is required when EVENT_STORE=kurrentdb/,
    );
    // A config built by hand without the URL is refused by the opener too.
    const config = storeConfigFromEnv({ DATA_DIR: dir });
    await expect(openEventStore({ ...config.eventStore, kind: 'kurrentdb' })).rejects.toThrow(StoreUnavailableError);
  });

  it('fails to open an unreachable KurrentDB with a retryable store failure', async () => {
    const config = storeConfigFromEnv({
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://127.0.0.1:1?tls=false',
      DATA_DIR: dir,
    });
    const error = await openStores(config).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EventStoreFailureError);
    expect(error).toMatchObject({ retryable: true });
  });

  (kurrentUrl ? it : it.skip)('opens KurrentDB for the event store from the environment alone', async () => {
    const stores = await openStores(
      storeConfigFromEnv({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: kurrentUrl!, DATA_DIR: dir }),
    );
    try {
      const client = aClientId();
      const result = await stores.eventStore.appendToStream(client, someEvents(client, 2), { expectedVersion: 0n });
      expect(result.nextExpectedVersion).toBe(2n);
      expect((await stores.eventStore.readStream(client)).currentVersion).toBe(2n);
    } finally {
      await stores.close();
    }
  });

  (url ? it : it.skip)('opens PostgreSQL for both stores from the environment alone', async () => {
    const janitor = new SchemaJanitor(url!);
    const schema = janitor.name('open');
    try {
      const stores = await openStores(
        storeConfigFromEnv({
          EVENT_STORE: 'postgres',
          READ_STORE: 'postgres',
          DATABASE_URL: url!,
          DATABASE_SCHEMA: schema,
          DATA_DIR: dir,
        }),
      );
      const client = aClientId();
      const result = await stores.eventStore.appendToStream(client, someEvents(client, 2), { expectedVersion: 0n });
      await stores.readStore.commitBatch([], result.lastGlobalPosition);
      expect(await stores.readStore.checkpoint()).toBe(await stores.eventStore.headPosition());
      await stores.close();
    } finally {
      await janitor.dropAll();
    }
  });
});
