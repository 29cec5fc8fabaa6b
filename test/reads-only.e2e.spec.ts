import { startTestApp, testProjector, type TestApp } from './support/index.js';

/**
 * API_SERVES=reads: a second API process on the same stores answers reads, logs who saw what
 * in the shared usage log, and refuses every command with 405 `reads-only`, recording nothing.
 */
describe('a reads-only API process (API_SERVES=reads)', () => {
  let commands: TestApp;
  let reads: TestApp;
  let proj: Awaited<ReturnType<typeof testProjector>>;
  const clientId = 'te-keski-suomi:reads-only-1';
  const registration = (id: string) => ({
    clientId: id,
    fullName: 'Lukija Testi',
    birthDate: '1990-01-01',
    municipality: 'Jyväskylä',
  });
  const officer = async (app: TestApp) => ({
    ...(await app.authHeader('employmentOfficer')),
    'X-Purpose': 'service planning',
  });

  beforeAll(async () => {
    commands = await startTestApp();
    if (commands.config.auth.mode !== 'hs256') throw new Error('this spec mints HS256 tokens');
    reads = await startTestApp({
      env: {
        DATA_DIR: commands.dataDir,
        JWT_SECRET: commands.config.auth.secret,
        API_SERVES: 'reads',
      },
    });
    proj = await testProjector(commands.config);
    const registered = await commands.http
      .post('/clients')
      .set(await officer(commands))
      .send(registration(clientId));
    expect(registered.status).toBe(201);
    await proj.catchUp();
  });
  afterAll(async () => {
    await proj?.close();
    await reads?.close();
    await commands?.close();
  });

  it('answers a read from the shared read store and logs the use where the auditor finds it', async () => {
    const path = await reads.http.get(`/clients/${clientId}/path`).set(await officer(reads));
    expect(path.status).toBe(200);
    expect(JSON.stringify(path.body)).toContain(clientId);
    const correlationId = path.headers['x-correlation-id'];
    expect(correlationId).toBeTruthy();

    const usage = await commands.http
      .get('/audit/usage')
      .query({ clientId })
      .set({ ...(await commands.authHeader('auditor')), 'X-Purpose': 'audit' });
    expect(usage.status).toBe(200);
    const entries = usage.body.entries as { correlationId: string }[];
    expect(entries.find((e) => e.correlationId === correlationId)).toMatchObject({
      personId: 'te-officer-maija',
      view: 'path',
      outcome: 'allowed',
      purpose: 'service planning',
    });
  });

  it('refuses a command with 405 reads-only naming the methods it answers, and records nothing', async () => {
    const refusedId = 'te-keski-suomi:reads-only-2';
    const refused = await reads.http
      .post('/clients')
      .set(await officer(reads))
      .send(registration(refusedId));
    expect(refused.status).toBe(405);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(refused.body).toMatchObject({
      type: 'https://polku.example/problems/reads-only',
      status: 405,
      instance: '/clients',
    });
    expect(refused.body.detail).toContain('API_SERVES=reads');

    await proj.catchUp();
    const path = await commands.http.get(`/clients/${refusedId}/path`).set(await officer(commands));
    expect(path.status).toBe(404);
  });

  it('says what it serves on /health, for the router in front', async () => {
    expect((await reads.http.get('/health')).body).toMatchObject({ status: 'ok', serves: 'reads' });
    expect((await commands.http.get('/health')).body).toMatchObject({ status: 'ok', serves: 'all' });
  });

  it('lets the command process take the same command', async () => {
    const id = 'te-keski-suomi:reads-only-3';
    const taken = await commands.http
      .post('/clients')
      .set(await officer(commands))
      .send(registration(id));
    expect(taken.status).toBe(201);
  });
});
