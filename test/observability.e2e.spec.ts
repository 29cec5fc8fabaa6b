import { startTestApp, type TestApp } from './support/index.js';

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
});
