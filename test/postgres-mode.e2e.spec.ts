import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openEventStore } from '../libs/adapters/open-stores/index.js';
import { SchemaJanitor } from '../libs/adapters/postgres-common/index.js';
import { demoClients } from '../scripts/demo/index.js';
import { seedDemo } from '../scripts/demo/seed.js';
import { startTestApp, testProjector, type TestApp } from './support/index.js';
import { testEnvironment } from '../libs/config/index.js';

const url = testEnvironment().databaseUrl;
if (!url && testEnvironment().ci) throw new Error('DATABASE_URL is required in CI');
if (!url)
  process.stderr.write(
    'PostgreSQL mode e2e: skipped, DATABASE_URL is not set (eval "$(bash scripts/ci/postgres.sh)" starts a local PostgreSQL)\n',
  );
const suite = url ? describe : describe.skip;
const title = url
  ? 'PostgreSQL mode by configuration only (HTTP)'
  : 'PostgreSQL mode (skipped: DATABASE_URL is not set; eval "$(bash scripts/ci/postgres.sh)")';

/**
 * EVENT_STORE=postgres READ_STORE=postgres DATABASE_URL=… and nothing else: the demo is
 * seeded, projected and served from PostgreSQL, with no SQLite store file written.
 */
suite(title, () => {
  let janitor: SchemaJanitor;
  let schema: string;
  let t: TestApp;
  let proj: Awaited<ReturnType<typeof testProjector>>;
  const officer = {
    personId: 'p',
    displayName: 'P',
    organisationId: 'te-keski-suomi',
    organisationType: 'employment_authority',
    role: 'officer',
  } as const;
  const as = async () => ({ ...(await t.authHeader(officer)), 'X-Purpose': 'service planning' });

  beforeAll(async () => {
    janitor = new SchemaJanitor(url!);
    schema = janitor.name('e2e');
    t = await startTestApp({
      env: { EVENT_STORE: 'postgres', READ_STORE: 'postgres', DATABASE_URL: url!, DATABASE_SCHEMA: schema },
    });
    const store = await openEventStore(t.config.eventStore);
    try {
      await seedDemo(store, demoClients());
    } finally {
      await store.close();
    }
    proj = await testProjector(t.config);
    await proj.catchUp();
  });
  afterAll(async () => {
    await proj?.close();
    await t?.close();
    await janitor?.dropAll();
  });

  it('serves the seeded demo path from the PostgreSQL read store', async () => {
    const res = await t.http.get('/clients/demo-keski-suomi-1/path').set(await as());
    expect(res.status).toBe(200);
    const doc = res.body.path ?? res.body;
    expect(doc.clientId).toBe('demo-keski-suomi-1');
    expect(doc.timeline.length).toBeGreaterThan(5); // the whole seeded path, across organisations
    expect(doc.organisations).toEqual(expect.arrayContaining(['te-keski-suomi']));
  });

  it('keeps events and read models in PostgreSQL, not in SQLite files', async () => {
    expect(t.config.eventStore).toMatchObject({ kind: 'postgres', postgres: { schema } });
    expect(existsSync(join(t.dataDir, 'events.sqlite'))).toBe(false);
    expect(existsSync(join(t.dataDir, 'read.sqlite'))).toBe(false);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const events = await client.query(
        `SELECT count(*)::int AS n FROM "${schema}".events WHERE client_id = 'demo-keski-suomi-1'`,
      );
      const models = await client.query(
        `SELECT last_position FROM "${schema}".client_models WHERE client_id = 'demo-keski-suomi-1'`,
      );
      expect(events.rows[0].n).toBeGreaterThan(0);
      expect(models.rows).toHaveLength(1);
    } finally {
      await client.end();
    }
  });

  it('writes through HTTP and reads its own write once projected', async () => {
    proj.follow();
    const created = await t.http
      .post('/clients')
      .set(await as())
      .send({ fullName: 'Maija Meikäläinen', birthDate: '1984-05-02', municipality: 'Jyväskylä' });
    expect(created.status).toBe(201);
    const res = await t.http
      .get(`/clients/${created.body.clientId}/path?minPosition=${created.body.position}`)
      .set(await as());
    expect(res.status).toBe(200);
  });
});
