import { PRINCIPALS, startTestApp, testProjector, type TestApp } from './support/index.js';

/** A `Server-Timing` header's entries: name → duration in ms. */
const serverTimings = (header: string | undefined): Record<string, number> =>
  Object.fromEntries(
    (header ?? '')
      .split(',')
      .filter((entry) => entry.trim())
      .map((entry) => {
        const [name, ...params] = entry.split(';').map((p) => p.trim());
        const dur = params.find((p) => p.startsWith('dur='));
        return [name, dur ? Number(dur.slice('dur='.length)) : Number.NaN];
      }),
  );

describe('metrics (Prometheus) and health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('counts appends and rejected commands and measures HTTP latency by route template', async () => {
    const auth = await t.authHeader('employmentOfficer');
    const ok = await t.http
      .post('/clients')
      .set(auth)
      .send({ clientId: 'te-keski-suomi:metrics-1', fullName: 'M', birthDate: '1990-01-01', municipality: 'Oulu' });
    expect(ok.status).toBe(201);
    expect(
      (
        await t.http
          .post('/clients')
          .set(auth)
          .send({ clientId: 'te-keski-suomi:metrics-1', fullName: 'M', birthDate: '1990-01-01', municipality: 'Oulu' })
      ).status,
    ).toBe(422);
    const res = await t.http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(/polku_events_appended_total\{command="RegisterClient",service="api"\} 1/);
    expect(res.text).toMatch(/polku_commands_rejected_total\{reason="RuleViolationError",service="api"\} 1/);
    // the first command read the new client's stream (nothing projected yet); the second
    // started from the cache, and its refusal was checked on the stream
    expect(res.text).toMatch(/polku_client_state_loads_total\{from="stream",service="api"\} 2/);
    expect(res.text).toMatch(/polku_client_state_loads_total\{from="cache",service="api"\} 1/);
    expect(res.text).toMatch(
      /polku_http_request_duration_seconds_count\{service="api",method="POST",route="\/clients",status="201"\} 1/,
    );
    expect(res.text).not.toContain('metrics-1'); // never a client id in a label
  });

  it("times every answer (Server-Timing), the wait for the usage log apart from the API's own, and the log's writer within it", async () => {
    const clientId = 'te-keski-suomi:timing-1';
    const officer = { ...(await t.authHeader('employmentOfficer')), 'X-Purpose': 'service planning' };
    const registered = await t.http
      .post('/clients')
      .set(officer)
      .send({ clientId, fullName: 'T', birthDate: '1990-01-01', municipality: 'Oulu' });
    expect(registered.status).toBe(201);
    expect(serverTimings(registered.headers['server-timing']).app).toBeGreaterThan(0);

    const projector = await testProjector(t.config);
    await projector.catchUp();
    const read = await t.http.get(`/clients/${clientId}/path`).set(officer);
    expect(read.status).toBe(200);
    const timed = serverTimings(read.headers['server-timing']);
    expect(Object.keys(timed).sort()).toEqual(['app', 'log', 'log-commit', 'log-lock', 'log-writer']);
    // the usage entry was made durable before the answer, within the API's time (ms, one
    // decimal); of the wait, the time in the log's writer thread, of that its commit, and of
    // that the wait for the file's write lock
    expect(timed['log-lock']).toBeGreaterThanOrEqual(0);
    expect(timed['log-commit']).toBeGreaterThanOrEqual(timed['log-lock']);
    expect(timed['log-writer']).toBeGreaterThanOrEqual(timed['log-commit']);
    expect(timed.log).toBeGreaterThanOrEqual(timed['log-writer']);
    expect(timed.app).toBeGreaterThanOrEqual(timed.log);
    expect(read.headers['server-timing']).toContain('log;dur=');
    expect(read.headers['server-timing']).toContain('desc="usage log"');
    expect(read.headers['server-timing']).toContain(`desc="usage log's commit"`);

    // refused by a command's access check after its body was read: the refusal's log entry is timed
    const outsider = {
      ...PRINCIPALS.employmentOfficer,
      personId: 'te-pirkanmaa-kalle',
      organisationId: 'te-pirkanmaa',
    };
    const refused = await t.http
      .post(`/clients/${clientId}/consents`)
      .set(await t.authHeader(outsider))
      .send({ consentId: 'consent-timing', scope: { organisationIds: [], dataKinds: ['plans'] } });
    expect(refused.status).toBe(404); // outside the client relationship, as for an unknown client
    expect(Object.keys(serverTimings(refused.headers['server-timing'])).sort()).toEqual([
      'app',
      'log',
      'log-commit',
      'log-lock',
      'log-writer',
    ]);

    // refused before any handler (a body that is not JSON): the API's time alone, on a problem+json
    const malformed = await t.http
      .post('/clients')
      .set(officer)
      .set('Content-Type', 'application/json')
      .send('{"clientId');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Object.keys(serverTimings(malformed.headers['server-timing']))).toEqual(['app']);

    // the same waits in the metrics: the read's and the refusal's entries, at least
    const scraped = await t.http.get('/metrics');
    const waits = /polku_usage_log_wait_seconds_count\{service="api"\} (\d+)/.exec(scraped.text);
    expect(Number(waits?.[1])).toBeGreaterThanOrEqual(2);
    await projector.close();
  });
});
