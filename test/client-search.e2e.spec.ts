import { PRINCIPALS, startTestApp, testProjector, type TestApp } from './support/index.js';

/** Finding a client (issue 10 §7): only among the clients one may see, with a purpose, in the usage log, paged. */
const pirkanmaa = {
  ...PRINCIPALS.employmentOfficer,
  personId: 'te-pirkanmaa-kalle',
  displayName: 'Kalle Muualta',
  organisationId: 'te-pirkanmaa',
};
const TE = { organisationId: 'te-keski-suomi', organisationType: 'employment_authority' };
const KELA = { organisationId: 'kela', organisationType: 'kela' };
const SOTE = { organisationId: 'hyvaks-sote', organisationType: 'wellbeing_county' };

describe('finding a client', () => {
  let t: TestApp;
  let proj: Awaited<ReturnType<typeof testProjector>>;
  let now = new Date('2021-01-04T09:00:00Z');
  type Who = Parameters<TestApp['authHeader']>[0];
  const headers = async (who: Who, purpose: string | null) => ({
    ...(await t.authHeader(who)),
    ...(purpose ? { 'X-Purpose': purpose } : {}),
  });
  const post = async (who: Who, path: string, body: object) => {
    const res = await t.http
      .post(path)
      .set(await headers(who, null))
      .send(body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const register = (who: Who, clientId: string, fullName: string, personalIdentityCode: string) =>
    post(who, '/clients', {
      clientId,
      fullName,
      personalIdentityCode,
      birthDate: `19${personalIdentityCode.slice(4, 6)}-01-01`,
      municipality: 'Jyväskylä',
    });
  const search = async (
    who: Who,
    query: Record<string, string | number>,
    purpose: string | null = 'service planning',
  ) => {
    await proj.catchUp();
    return t.http
      .get('/clients/search')
      .query(query)
      .set(await headers(who, purpose));
  };
  const ids = async (who: Who, q: string) => {
    const res = await search(who, { q });
    expect(res.status).toBe(200);
    return (res.body.items as { clientId: string }[]).map((i) => i.clientId);
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    proj = await testProjector(t.config);
    await register('employmentOfficer', 'te-keski-suomi:search-anna', 'Anna-Liisa Äärelä', '010190-123a');
    await register('employmentOfficer', 'te-keski-suomi:search-ben', 'Ben Äärelä', '020285-456B');
    await register('employmentOfficer', 'te-keski-suomi:search-cai', 'Cai Äärinen', '030375-789C');
    await register(pirkanmaa, 'te-pirkanmaa:search-other', 'Anna Äärelä', '040480-111D');
    // Eero's TYP relationship ended 2021-06-30: the 4-year retention lets him be erased on 2025-06-30.
    await register('employmentOfficer', 'te-keski-suomi:search-eero', 'Eero Poistettava', '050550-222E');
    await post('employmentOfficer', '/clients/te-keski-suomi:search-eero/typ-relationship', {
      startDate: '2021-01-04',
      parties: [TE, SOTE, KELA],
    });
    now = new Date('2021-06-30T09:00:00Z');
    await post('employmentOfficer', '/clients/te-keski-suomi:search-eero/typ-relationship/end', {
      endDate: '2021-06-30',
      reason: 'employment',
    });
    now = new Date('2025-06-30T09:00:00Z');
    await post('employmentOfficer', '/clients/te-keski-suomi:search-ben/typ-relationship', {
      startDate: '2025-06-02',
      parties: [TE, SOTE, KELA],
    });
  });
  afterAll(async () => {
    await proj?.close();
    await t?.close();
  });

  it("finds its organisation's clients by name prefixes, accents and case folded, and never another organisation's", async () => {
    const res = await search('employmentOfficer', { q: 'äär' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          clientId: 'te-keski-suomi:search-anna',
          fullName: 'Anna-Liisa Äärelä',
          birthDate: '1990-01-01',
          municipality: 'Jyväskylä',
        },
        {
          clientId: 'te-keski-suomi:search-ben',
          fullName: 'Ben Äärelä',
          birthDate: '1985-01-01',
          municipality: 'Jyväskylä',
        },
        {
          clientId: 'te-keski-suomi:search-cai',
          fullName: 'Cai Äärinen',
          birthDate: '1975-01-01',
          municipality: 'Jyväskylä',
        },
      ],
      nextCursor: null,
    });
    expect(await ids('employmentOfficer', 'AARELA liisa')).toEqual(['te-keski-suomi:search-anna']);
    expect(await ids('employmentOfficer', 'anna äärelä')).toEqual(['te-keski-suomi:search-anna']);
    expect(await ids(pirkanmaa, 'anna äärelä')).toEqual(['te-pirkanmaa:search-other']);
    expect(await ids(pirkanmaa, 'äär')).toEqual(['te-pirkanmaa:search-other']);
  });

  it('finds by identity code (any case) and by client id, only among the clients one may see', async () => {
    expect(await ids('employmentOfficer', '010190-123A')).toEqual(['te-keski-suomi:search-anna']);
    expect(await ids('employmentOfficer', '020285-456b')).toEqual(['te-keski-suomi:search-ben']);
    expect(await ids('employmentOfficer', 'te-keski-suomi:search-cai')).toEqual(['te-keski-suomi:search-cai']);
    expect(await ids('employmentOfficer', '040480-111D')).toEqual([]);
    expect(await ids('employmentOfficer', 'te-pirkanmaa:search-other')).toEqual([]);
    expect(await ids(pirkanmaa, '040480-111D')).toEqual(['te-pirkanmaa:search-other']);
    expect(await ids(pirkanmaa, '010190-123A')).toEqual([]);
  });

  it('lets a TYP party find the client by id, but by name or identity code only with a consent to see the identity', async () => {
    expect(await ids('kelaOfficer', 'te-keski-suomi:search-ben')).toEqual(['te-keski-suomi:search-ben']);
    expect((await search('kelaOfficer', { q: 'te-keski-suomi:search-ben' })).body.items).toEqual([
      { clientId: 'te-keski-suomi:search-ben', fullName: null, birthDate: null, municipality: null },
    ]);
    expect(await ids('kelaOfficer', 'ben')).toEqual([]);
    expect(await ids('kelaOfficer', '020285-456B')).toEqual([]);
    await post('employmentOfficer', '/clients/te-keski-suomi:search-ben/consents', {
      consentId: 'c-1',
      scope: { organisationIds: [], dataKinds: ['identity'] },
    });
    expect(await ids('kelaOfficer', 'ben')).toEqual(['te-keski-suomi:search-ben']);
    expect(await ids('kelaOfficer', '020285-456B')).toEqual(['te-keski-suomi:search-ben']);
    expect(await ids('kelaOfficer', 'äär')).toEqual(['te-keski-suomi:search-ben']); // Anna is not Kela's client
  });

  it('lets a person named on the client find it, and not their colleague', async () => {
    const named = { ...pirkanmaa, personId: 'te-pirkanmaa-liisa', displayName: 'Liisa Nimetty' };
    expect(await ids(named, 'te-keski-suomi:search-cai')).toEqual([]);
    await post('employmentOfficer', '/clients/te-keski-suomi:search-cai/people', {
      personId: named.personId,
      personName: named.displayName,
      role: 'responsible_officer',
      organisation: { organisationId: 'te-pirkanmaa', organisationType: 'employment_authority' },
      namedOn: '2025-06-30',
    });
    expect(await ids(named, 'te-keski-suomi:search-cai')).toEqual(['te-keski-suomi:search-cai']);
    expect(await ids(pirkanmaa, 'te-keski-suomi:search-cai')).toEqual([]);
    // the name is TE Keski-Suomi's record: without a consent covering identity, Pirkanmaa matches no name
    expect(await ids(named, 'äärinen')).toEqual([]);
  });

  it('pages with limit and after, and the last page says so', async () => {
    const first = await search('employmentOfficer', { q: 'äär', limit: 2 });
    expect(first.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([
      'te-keski-suomi:search-anna',
      'te-keski-suomi:search-ben',
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await search('employmentOfficer', { q: 'äär', limit: 2, after: first.body.nextCursor });
    expect(second.body).toEqual({
      items: [expect.objectContaining({ clientId: 'te-keski-suomi:search-cai' })],
      nextCursor: null,
    });
  });

  it('logs every search with its purpose and the clients it returned, never the search text', async () => {
    await search('employmentOfficer', { q: '010190-123A' }, 'identifying a caller');
    await search('employmentOfficer', { q: 'nobody' }, 'identifying a caller');
    const res = await t.http
      .get(`/audit/usage?personId=${PRINCIPALS.employmentOfficer.personId}`)
      .set(await headers('auditor', 'audit'));
    const searches = (res.body.entries as { view: string; purpose: string }[]).filter(
      (e) => e.view === 'search' && e.purpose === 'identifying a caller',
    );
    expect(searches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          clientId: 'te-keski-suomi:search-anna',
          organisationId: 'te-keski-suomi',
          outcome: 'allowed',
          detail: 'search by identity_code',
        }),
        expect.objectContaining({ clientId: null, outcome: 'allowed', detail: 'search by name_or_client_id, 1 word' }),
      ]),
    );
    expect(searches).toHaveLength(2);
    const whole = JSON.stringify(res.body.entries);
    for (const text of ['010190', 'nobody', 'Äärelä', 'aarela']) expect(whole).not.toContain(text);
  });

  it('answers bad input with a problem naming the field or header, and refuses roles without client access', async () => {
    const noPurpose = await search('employmentOfficer', { q: 'anna' }, null);
    expect(noPurpose.status).toBe(400);
    expect(noPurpose.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(noPurpose.body.header).toBe('X-Purpose');
    const field = async (query: Record<string, string | number>) => {
      const res = await search('employmentOfficer', query);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      return [...new Set(res.body.errors.map((e: { field: string }) => e.field))];
    };
    expect(await field({ q: 'a' })).toEqual(['q']);
    expect(await field({ q: ' - ' })).toEqual(['q']);
    expect(await field({ q: 'a b c d e f g' })).toEqual(['q']);
    expect(await field({})).toEqual(['q']);
    expect(await field({ q: 'anna', limit: 0 })).toEqual(['limit']);
    expect(await field({ q: 'anna', limit: 101 })).toEqual(['limit']);
    expect(await field({ q: 'anna', after: 'not-a-cursor' })).toEqual(['after']);
    expect((await search('admin', { q: 'anna' })).status).toBe(403);
    const log = await t.http
      .get(`/audit/usage?personId=${PRINCIPALS.admin.personId}`)
      .set(await headers('auditor', 'audit'));
    expect(log.body.entries).toContainEqual(
      expect.objectContaining({
        view: 'search',
        outcome: 'refused',
        detail: 'role_has_no_client_access',
        clientId: null,
      }),
    );
  });

  it('shows an auditor every client', async () => {
    expect(await ids('auditor', 'äär')).toEqual([
      'te-pirkanmaa:search-other',
      'te-keski-suomi:search-anna',
      'te-keski-suomi:search-ben',
      'te-keski-suomi:search-cai',
    ]);
  });

  it('finds an erased client by its id alone, with no personal fields', async () => {
    expect(await ids('employmentOfficer', 'eero')).toEqual(['te-keski-suomi:search-eero']);
    const erased = await t.http
      .post('/admin/clients/te-keski-suomi:search-eero/erasure')
      .set(await headers('admin', null))
      .send({ ground: 'client_request', legalGround: 'GDPR art. 17(1)(d)' });
    expect(erased.status).toBe(201);
    expect(await ids('employmentOfficer', 'eero')).toEqual([]);
    expect(await ids('employmentOfficer', 'poistettava')).toEqual([]);
    expect(await ids('employmentOfficer', '050550-222E')).toEqual([]);
    expect((await search('employmentOfficer', { q: 'te-keski-suomi:search-eero' })).body.items).toEqual([
      { clientId: 'te-keski-suomi:search-eero', fullName: null, birthDate: null, municipality: null },
    ]);
  });
});
