import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProblemTypes } from '../apps/api/infrastructure/index.js';
import { startTestApp, type TestApp } from './support/index.js';

/** Edge inputs tried from outside (issue 12 §2): every refusal is a problem document, nothing is stored. */
describe('API edges (e2e)', () => {
  let t: TestApp;
  const today = new Date('2026-03-02T09:00:00Z');
  const client = { fullName: 'Reuna Tapaus', birthDate: '1980-01-01', municipality: 'Jyväskylä' };
  const register = async (body: unknown) =>
    t.http
      .post('/clients')
      .set(await t.authHeader('employmentOfficer'))
      .send(body as object);
  const registerRaw = async (json: string | Buffer) => {
    const req = t.http
      .post('/clients')
      .set(await t.authHeader('employmentOfficer'))
      .set('Content-Type', 'application/json');
    if (typeof json === 'string') return req.send(json);
    req.write(json); // supertest's send() would serialise a Buffer as JSON
    return req;
  };
  const head = async () => (await t.http.get('/health')).body.eventStore.head as string;

  beforeAll(async () => {
    t = await startTestApp({ clock: () => today, logger: false });
  });
  afterAll(async () => t?.close());

  const expectFieldProblem = (
    res: { status: number; headers: Record<string, string>; body: { type: string; errors: { field: string }[] } },
    field: string,
  ) => {
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe(ProblemTypes.validation);
    expect(res.body.errors).toEqual([{ field, message: expect.any(String) }]);
  };

  describe('null, absent and wrongly typed values', () => {
    it('a null clientId is a 400 naming it, not a 500', async () => {
      const res = await register({ ...client, clientId: null });
      expectFieldProblem(res, 'clientId');
      expect(res.body.errors[0].message).toMatch(/null/);
      expect(await head()).toBe('0');
    });

    it('null anywhere, in required and optional fields, is a 400 naming the field', async () => {
      expectFieldProblem(await register({ ...client, fullName: null }), 'fullName');
      expectFieldProblem(await register({ ...client, personalIdentityCode: null }), 'personalIdentityCode');
    });

    it('one missing field gives one message', async () => {
      const { fullName: _, ...withoutName } = client;
      const res = await register(withoutName);
      expectFieldProblem(res, 'fullName');
      expect(res.body.errors[0].message).toBe('fullName is required');
    });

    it('a body that is not an object is a 400 problem', async () => {
      for (const body of ['[]', `[${JSON.stringify(client)}]`, '"text"', '42']) {
        const res = await registerRaw(body);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      expect(await head()).toBe('0');
    });

    it('a wrongly typed value gives one message', async () => {
      expectFieldProblem(await register({ ...client, fullName: 42 }), 'fullName');
      expectFieldProblem(await register({ ...client, clientId: ['a'] }), 'clientId');
    });
  });

  describe('size and depth', () => {
    it('JSON nested 10,000 levels deep is a 400 problem, not a stack overflow', async () => {
      const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
      const res = await registerRaw(`{"fullName":${deep}}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: ProblemTypes.validation,
        errors: [{ field: expect.stringMatching(/^fullName/), message: expect.stringMatching(/levels deep/) }],
      });
    });

    it('a body over the limit is a 413 problem', async () => {
      const res = await registerRaw(JSON.stringify({ ...client, fullName: 'x'.repeat(300 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: ProblemTypes.bodyTooLarge, status: 413, limitBytes: expect.any(Number) });
    });

    it('headers over the limit are a 431 problem', async () => {
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      const res = await new Promise<{ status?: number; type?: string; body: string }>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, path: '/health', headers: { 'X-Filler': 'f'.repeat(64 * 1024) } },
          (r) => {
            let body = '';
            r.on('data', (c: Buffer) => {
              body += c.toString();
            });
            r.on('end', () => resolve({ status: r.statusCode, type: r.headers['content-type'], body }));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(res.status).toBe(431);
      expect(res.type).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(res.body)).toMatchObject({ type: ProblemTypes.headersTooLarge, status: 431 });
    });
  });

  describe('text', () => {
    it('invalid UTF-8 is refused, not stored as U+FFFD', async () => {
      const bytes = Buffer.concat([
        Buffer.from('{"fullName":"Ma'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`","birthDate":"1980-01-01","municipality":"Oulu"}`),
      ]);
      const res = await registerRaw(bytes);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: ProblemTypes.malformedBody, detail: expect.stringMatching(/UTF-8/) });
      expect(await head()).toBe('0');
    });

    it('a lone surrogate or a NUL byte is refused, naming the field', async () => {
      expectFieldProblem(await registerRaw(JSON.stringify(client).replace('Reuna', 'Re\\ud800una')), 'fullName');
      expectFieldProblem(await registerRaw(JSON.stringify(client).replace('Reuna', 'Re\\u0000una')), 'fullName');
      expectFieldProblem(
        await registerRaw(JSON.stringify(client).replace('"municipality"', '"munici\\u0000pality"')),
        'munici\u0000pality',
      );
      expect(await head()).toBe('0');
    });

    it('a well-formed pair and line breaks are fine', async () => {
      const res = await register({ ...client, fullName: 'Emoji 😀 Tapaus', clientId: 'te-keski-suomi:edges-ok' });
      expect(res.status).toBe(201);
    });
  });

  describe('dates', () => {
    it('business dates before 1900 are a 400', async () => {
      expectFieldProblem(await register({ ...client, birthDate: '0000-01-01' }), 'birthDate');
      expectFieldProblem(await register({ ...client, birthDate: '1899-12-31' }), 'birthDate');
    });

    it('a birth date meaning an age over 120 is a 422 rule', async () => {
      const res = await register({ ...client, birthDate: '1905-03-01' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ rule: 'client.birth_date_implausible', field: 'birthDate' });
    });
  });

  describe("a consent's organisations", () => {
    it('are ids by the one id rule, each named once; a refusal names the list and stores nothing', async () => {
      const clientId = 'te-keski-suomi:edges-consent';
      expect((await register({ ...client, clientId })).status).toBe(201);
      const officer = await t.authHeader('employmentOfficer');
      const give = (organisationIds: unknown) =>
        t.http
          .post(`/clients/${encodeURIComponent(clientId)}/consents`)
          .set(officer)
          .send({ scope: { organisationIds, dataKinds: ['plans'] } });
      const before = await head();
      for (const ids of [[' kela'], ['kela\nhva-keski-suomi'], [''], ['kela', 'kela'], [42]])
        expectFieldProblem(await give(ids), 'scope.organisationIds');
      expect(await head()).toBe(before);
      expect((await give(['kela', 'hva-keski-suomi'])).status).toBe(201);
      expect((await give([])).status).toBe(201); // none: every party of the TYP relationship
    });
  });

  describe('existence of a client', () => {
    it('an unrelated organisation gets the same answer whether or not a chosen client id exists', async () => {
      const taken = 'te-keski-suomi:edges-existing';
      expect((await register({ ...client, clientId: taken })).status).toBe(201);
      const kela = await t.authHeader('kelaOfficer');
      const answer = async (clientId: string) => {
        const res = await t.http
          .post('/clients')
          .set(kela)
          .send({ ...client, clientId });
        const { instance: _i, correlationId: _c, ...body } = res.body;
        return { status: res.status, body: JSON.stringify(body).replaceAll(clientId, '<id>') };
      };
      const existing = await answer(taken);
      expect(existing).toEqual(await answer('te-keski-suomi:edges-never-registered'));
      expect(existing.status).toBe(422);
      expect(JSON.parse(existing.body)).toMatchObject({
        rule: 'client.id_outside_organisation_namespace',
        field: 'clientId',
      });
    });

    it("a chosen id is in the caller's namespace; a generated one is put there", async () => {
      expect((await register({ ...client, clientId: 'edges-plain' })).status).toBe(422);
      expect((await register({ ...client, clientId: 'te-keski-suomi:' })).status).toBe(422);
      const generated = await register(client);
      expect(generated.status).toBe(201);
      expect(generated.body.clientId).toMatch(/^te-keski-suomi:[0-9a-f-]{36}$/);
    });
  });

  describe('idempotency keys', () => {
    it('a key reused with a different body is refused (409, named), not replayed', async () => {
      const as = { ...(await t.authHeader('employmentOfficer')), 'Idempotency-Key': 'edges-once' };
      const body = { ...client, clientId: 'te-keski-suomi:edges-idem' };
      const first = await t.http.post('/clients').set(as).send(body);
      expect(first.status).toBe(201);
      const other = await t.http
        .post('/clients')
        .set(as)
        .send({ ...body, fullName: 'Toinen Nimi' });
      expect(other.status).toBe(409);
      expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(other.body).toMatchObject({
        type: ProblemTypes.idempotencyKeyReused,
        rule: 'idempotency_key.reused_for_different_request',
        header: 'Idempotency-Key',
      });
      const retry = await t.http.post('/clients').set(as).send(body);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      const path = await t.http
        .get('/audit/clients/te-keski-suomi:edges-idem/events')
        .set(await t.authHeader('auditor'))
        .set('X-Purpose', 'audit');
      expect(path.body.events.map((e: { data: { fullName: string } }) => e.data.fullName)).toEqual([client.fullName]);
    });
  });

  describe('a registration without a client id', () => {
    it('is replayed on a retry with the same Idempotency-Key (the generated id follows the key)', async () => {
      const as = { ...(await t.authHeader('employmentOfficer')), 'Idempotency-Key': 'edges-generated' };
      const first = await t.http.post('/clients').set(as).send(client);
      expect(first.status).toBe(201);
      const retry = await t.http.post('/clients').set(as).send(client);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      const other = await t.http
        .post('/clients')
        .set({ ...as, 'Idempotency-Key': 'edges-generated-2' })
        .send(client);
      expect(other.body.clientId).not.toBe(first.body.clientId);
      expect(
        (
          await t.http
            .post('/clients')
            .set(as)
            .send({ ...client, fullName: 'Toinen' })
        ).body.rule,
      ).toBe('idempotency_key.reused_for_different_request');
    });
  });

  describe('one problem shape', () => {
    it('a missing client is the same 404 document for every caller (what, id)', async () => {
      const auditor = { ...(await t.authHeader('auditor')), 'X-Purpose': 'audit' };
      const kela = { ...(await t.authHeader('kelaOfficer')), 'X-Purpose': 'benefit decision' };
      const shapes = await Promise.all([
        t.http.get('/clients/te-keski-suomi:nobody/path').set(auditor),
        t.http.get('/clients/te-keski-suomi:nobody/path').set(kela),
        t.http.get('/audit/clients/te-keski-suomi:nobody/events').set(auditor),
      ]);
      for (const res of shapes) {
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ type: ProblemTypes.notFound, what: 'client', id: 'te-keski-suomi:nobody' });
      }
    });

    it('a path that is not valid percent-encoding is a typed 400 problem', async () => {
      const res = await t.http
        .get('/clients/%FF/path')
        .set(await t.authHeader('auditor'))
        .set('X-Purpose', 'audit');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: ProblemTypes.malformedRequest, status: 400 });
    });

    it('"asKnownOn or asOf, not both" is a validation problem naming the field', async () => {
      const res = await t.http
        .get('/audit/clients/te-keski-suomi:edges-ok/path?asKnownOn=2026-01-01&asOf=2026-01-01')
        .set(await t.authHeader('auditor'))
        .set('X-Purpose', 'audit');
      expectFieldProblem(res, 'asOf');
    });
  });
});
