import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../../libs/adapters/sqlite-event-store/index.js';
import { SchemaJanitor } from '../../../libs/adapters/postgres-common/index.js';
import { PostgresReadStore } from '../../../libs/adapters/postgres-read-store/index.js';
import type { ClientReadModel } from '../../../libs/read-store/index.js';
import { Projector } from '../runtime/projector.js';
import { demoClients, seedDemoInterleaved } from './demo.fixture.js';
import { testEnvironment } from '../../../libs/config/index.js';

const url = testEnvironment().databaseUrl;
if (!url && testEnvironment().ci) throw new Error('DATABASE_URL is required in CI');
const suite = url ? describe : describe.skip;

/** A model as compared: JSON text with object keys sorted (jsonb keeps its own key order), arrays as they are. */
const canonical = (model: ClientReadModel | undefined): string =>
  JSON.stringify(model, (_key, value: unknown) => {
    if (typeof value === 'bigint') return value.toString();
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return value;
  });

/**
 * On PostgreSQL, models (and the organisation directory) projected live (each batch starting from the stored model, whose
 * jsonb has its keys reordered) equal the models of a rebuild (folded in memory from the
 * events): every list in a model has an explicit order.
 */
suite('live projection and rebuild on a PostgreSQL read store', () => {
  let dir: string;
  let janitor: SchemaJanitor;
  const clients = demoClients(24);
  const ids = clients.map((c) => c.clientId);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-live-rebuild-'));
    janitor = new SchemaJanitor(url!);
  });
  afterAll(async () => {
    await janitor.dropAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends with identical models', async () => {
    const events = SqliteEventStore.open(join(dir, 'events.sqlite'));
    const live = await PostgresReadStore.open(url!, { schema: janitor.name('live') });
    const rebuilt = await PostgresReadStore.open(url!, { schema: janitor.name('rebuilt') });
    try {
      // live: a few steps of every path at a time, projected in small batches after each round
      const liveProjector = new Projector({ eventStore: events, readStore: live, batchSize: 7, streamsPerPage: 0 });
      await seedDemoInterleaved(events, clients, 2, async () => {
        await liveProjector.catchUp();
      });
      await liveProjector.catchUp();
      await new Projector({ eventStore: events, readStore: rebuilt }).rebuild();

      const head = await events.headPosition();
      expect([await live.checkpoint(), await rebuilt.checkpoint()]).toEqual([head, head]);
      const [a, b] = [await live.getClients(ids), await rebuilt.getClients(ids)];
      expect(a.size).toBe(ids.length);
      for (const id of ids)
        expect({ id, model: JSON.parse(canonical(a.get(id))) }).toEqual({
          id,
          model: JSON.parse(canonical(b.get(id))),
        });
      // the organisation directory, merged across clients in another order, is the same too
      const directory = { limit: 1000 };
      const liveDirectory = await live.organisationDirectory(directory);
      expect(liveDirectory.map((o) => o.organisationId)).toEqual(
        expect.arrayContaining(['te-keski-suomi', 'kela', 'provider-pori-workshop', 'varha']),
      );
      expect(await rebuilt.organisationDirectory(directory)).toEqual(liveDirectory);
    } finally {
      await live.close();
      await rebuilt.close();
      await events.close();
    }
  }, 120_000);
});
