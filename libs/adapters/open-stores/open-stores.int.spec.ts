import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aClientId, someEvents } from '../../event-store/contract/index.js';
import { SchemaJanitor } from '../postgres-common/index.js';
import { openEventStore, openStores, StoreUnavailableError } from './open-stores.js';
import { storeConfigFromEnv } from './store-config.js';

const url = process.env.DATABASE_URL;
if (!url && process.env.CI) throw new Error('DATABASE_URL is required in CI');
if (!url) process.stderr.write('openStores (PostgreSQL case): skipped, DATABASE_URL is not set (eval "$(bash scripts/ci/postgres.sh)" starts a local PostgreSQL)\n');

describe('openStores (shared by the API, the projector and the scripts)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'polku-open-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens SQLite by default, creating the data directory', async () => {
    const stores = await openStores(storeConfigFromEnv({ DATA_DIR: join(dir, 'nested') }));
    const client = aClientId();
    await stores.eventStore.appendToStream(client, someEvents(client, 1), { expectedVersion: 0n });
    expect(await stores.readStore.checkpoint()).toBe(0n);
    await stores.close();
  });

  it('refuses kurrentdb at start until its adapter lands', async () => {
    const config = storeConfigFromEnv({ EVENT_STORE: 'kurrentdb', DATA_DIR: dir });
    await expect(openEventStore(config.eventStore)).rejects.toThrow(StoreUnavailableError);
    await expect(openStores(config)).rejects.toThrow('KurrentDB adapter not available yet');
  });

  (url ? it : it.skip)('opens PostgreSQL for both stores from the environment alone', async () => {
    const janitor = new SchemaJanitor(url!);
    const schema = janitor.name('open');
    try {
      const stores = await openStores(storeConfigFromEnv({
        EVENT_STORE: 'postgres', READ_STORE: 'postgres', DATABASE_URL: url!, DATABASE_SCHEMA: schema, DATA_DIR: dir,
      }));
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
