import pg from 'pg';
import { aModel, readModelFixture as fixture, readStoreContract } from '../../read-store/contract/index.js';
import { CheckpointRegressionError } from '../../read-store/index.js';
import { SchemaJanitor } from '../postgres-common/index.js';
import { PostgresReadStore, PostgresReadStoreSchemaMismatchError } from './index.js';
import { testEnvironment } from '../../config/index.js';

const url = testEnvironment().databaseUrl;
if (!url && testEnvironment().ci) throw new Error('DATABASE_URL is required in CI');
if (!url)
  process.stderr.write(
    'PostgresReadStore: skipped, DATABASE_URL is not set (eval "$(bash scripts/ci/postgres.sh)" starts a local PostgreSQL)\n',
  );
const suite = url ? describe : describe.skip;
const title = url
  ? 'PostgresReadStore'
  : 'PostgresReadStore (skipped: DATABASE_URL is not set; eval "$(bash scripts/ci/postgres.sh)")';

suite(title, () => {
  let janitor: SchemaJanitor;
  beforeAll(() => {
    janitor = new SchemaJanitor(url!);
  });
  afterAll(async () => {
    await janitor.dropAll();
  });

  // Every test gets a fresh schema (an empty read store), dropped afterwards.
  readStoreContract('PostgresReadStore', async () => {
    const schema = janitor.name('rs');
    let store = await PostgresReadStore.open(url!, { schema });
    return {
      store,
      reopen: async () => {
        await store.close();
        store = await PostgresReadStore.open(url!, { schema });
        return store;
      },
      cleanup: async () => {
        await store.close();
        await janitor.drop(schema);
      },
    };
  });

  describe('in PostgreSQL', () => {
    let schema: string;
    const stores: PostgresReadStore[] = [];
    const open = async () => {
      const store = await PostgresReadStore.open(url!, { schema });
      stores.push(store);
      return store;
    };
    beforeEach(() => {
      schema = janitor.name('rsx');
    });
    afterEach(async () => {
      for (const store of stores.splice(0)) await store.close();
      await janitor.drop(schema);
    });

    it('stores path and state as jsonb and positions as bigint columns', async () => {
      await (await open()).commitBatch(fixture(), 12n);
      const types = await raw<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM information_schema.columns
         WHERE table_schema = $1 AND table_name = 'client_models' ORDER BY column_name`,
        [schema],
      );
      expect(Object.fromEntries(types.map((t) => [t.column_name, t.data_type]))).toEqual({
        client_id: 'text',
        last_position: 'bigint',
        path: 'jsonb',
        state: 'jsonb',
      });
      const [row] = await raw<{ name: string }>(
        `SELECT path->>'name' AS name FROM "${schema}".client_models WHERE client_id = 'anna'`,
      );
      expect(row.name).toBe('Anna Äärelä');
    });

    it('serialises concurrent openers and keeps two writers from interleaving batches', async () => {
      const [a, b] = await Promise.all([open(), open(), open()]);
      await a.commitBatch([aModel('anna', 5n)], 5n);
      // b's batch is older than what a committed: refused, whichever instance writes
      await expect(b.commitBatch([aModel('anna', 3n)], 3n)).rejects.toBeInstanceOf(CheckpointRegressionError);
      const results = await Promise.allSettled([
        a.commitBatch([aModel('ben', 9n)], 9n),
        b.commitBatch([aModel('cai', 7n)], 7n),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
      expect(await b.checkpoint()).toBe(9n);
    });

    it('refuses tables of another schema version', async () => {
      await open();
      await raw(`UPDATE "${schema}".read_store_meta SET schema_version = 99`);
      await expect(PostgresReadStore.open(url!, { schema })).rejects.toBeInstanceOf(
        PostgresReadStoreSchemaMismatchError,
      );
    });
  });

  async function raw<R>(text: string, values: unknown[] = []): Promise<R[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as R[];
    } finally {
      await client.end();
    }
  }
});
