import { startTestApp, testProjector, type TestApp } from './support/index.js';

/** The organisation directory: every organisation recorded events name, for staff picking one. */
const TE = { organisationId: 'te-keski-suomi', organisationType: 'employment_authority', name: 'TE Keski-Suomi' };
const KELA = { organisationId: 'kela', organisationType: 'kela' };
const SOTE = {
  organisationId: 'hyvaks-sote',
  organisationType: 'wellbeing_county',
  name: 'Hyvinvointialue Keski-Suomi',
};
const VALO = { organisationId: 'valo-ry', organisationType: 'provider', name: 'Valo ry' };
const PAJAT = { organisationId: 'pajat-oy', organisationType: 'provider', name: 'Äänekosken Pajat Oy' };

describe('the organisation directory', () => {
  let t: TestApp;
  let proj: Awaited<ReturnType<typeof testProjector>>;
  type Who = Parameters<TestApp['authHeader']>[0];
  const post = async (path: string, body: object) => {
    const res = await t.http
      .post(path)
      .set(await t.authHeader('employmentOfficer'))
      .send(body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const list = async (query: Record<string, string | number> = {}, who: Who = 'employmentOfficer') => {
    await proj.catchUp();
    return t.http
      .get('/organisations')
      .query(query)
      .set(await t.authHeader(who));
  };
  const ids = async (query: Record<string, string | number>, who: Who = 'employmentOfficer') => {
    const res = await list(query, who);
    expect(res.status).toBe(200);
    return (res.body.items as { organisationId: string }[]).map((i) => i.organisationId);
  };

  beforeAll(async () => {
    t = await startTestApp();
    proj = await testProjector(t.config);
    const c = '/clients/te-keski-suomi:orgs-anna';
    await post('/clients', {
      clientId: 'te-keski-suomi:orgs-anna',
      fullName: 'Anna',
      birthDate: '1990-01-01',
      municipality: 'Jyväskylä',
    });
    await post(`${c}/typ-relationship`, { startDate: '2025-06-02', parties: [TE, SOTE, KELA] });
    await post(`${c}/referrals`, {
      serviceType: 'rehabilitative_work_activity',
      to: { ...VALO, name: 'Valo' },
      reason: 'kuty',
      madeOn: '2025-06-03',
    });
    await post(`${c}/referrals`, {
      serviceType: 'rehabilitative_work_activity',
      to: VALO,
      reason: 'kuty',
      madeOn: '2025-06-04',
    }); // renamed
    await post(`${c}/referrals`, {
      serviceType: 'rehabilitative_work_activity',
      to: PAJAT,
      reason: 'kuty',
      madeOn: '2025-06-05',
    });
  });
  afterAll(async () => {
    await proj?.close();
    await t?.close();
  });

  it('lists every organisation the events name, once, with its type and latest name, in name order', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        { organisationId: 'pajat-oy', organisationType: 'provider', name: 'Äänekosken Pajat Oy' },
        { organisationId: 'hyvaks-sote', organisationType: 'wellbeing_county', name: 'Hyvinvointialue Keski-Suomi' },
        { organisationId: 'kela', organisationType: 'kela', name: null },
        { organisationId: 'te-keski-suomi', organisationType: 'employment_authority', name: 'TE Keski-Suomi' },
        { organisationId: 'valo-ry', organisationType: 'provider', name: 'Valo ry' },
      ],
      nextCursor: null,
    });
  });

  it('filters by a name or id fragment (accents and case folded) and by type, for every staff role', async () => {
    expect(await ids({ q: 'ÄÄNEKOSK' })).toEqual(['pajat-oy']);
    expect(await ids({ q: 'keski-suomi' })).toEqual(['hyvaks-sote', 'te-keski-suomi']);
    expect(await ids({ q: 'valo-r' })).toEqual(['valo-ry']); // the id
    expect(await ids({ type: 'provider' })).toEqual(['pajat-oy', 'valo-ry']);
    expect(await ids({ q: 'oy', type: 'provider' })).toEqual(['pajat-oy']);
    expect(await ids({ q: 'nobody' })).toEqual([]);
    for (const who of ['providerInstructor', 'auditor', 'admin', 'kelaOfficer'] as const)
      expect(await ids({ type: 'kela' }, who)).toEqual(['kela']);
  });

  it('pages with limit and after, and the last page says so', async () => {
    const first = await list({ limit: 2 });
    expect(first.body.items.map((i: { organisationId: string }) => i.organisationId)).toEqual([
      'pajat-oy',
      'hyvaks-sote',
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list({ limit: 2, after: first.body.nextCursor });
    expect(second.body.items.map((i: { organisationId: string }) => i.organisationId)).toEqual([
      'kela',
      'te-keski-suomi',
    ]);
    const last = await list({ limit: 2, after: second.body.nextCursor });
    expect(last.body).toEqual({ items: [expect.objectContaining({ organisationId: 'valo-ry' })], nextCursor: null });
  });

  it('needs no purpose, and refuses a client with a 403 problem', async () => {
    // no X-Purpose header was sent above: organisation names are not client data
    const client = {
      personId: 'te-keski-suomi:orgs-anna',
      displayName: 'Anna',
      organisationId: 'self',
      organisationType: 'provider' as const,
      role: 'client' as const,
    };
    const res = await list({}, client);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await list({}, 'agencySystem')).status).toBe(403);
  });

  it('answers bad parameters with a problem naming the field', async () => {
    const field = async (query: Record<string, string | number>) => {
      const res = await list(query);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      return [...new Set(res.body.errors.map((e: { field: string }) => e.field))];
    };
    expect(await field({ type: 'ministry' })).toEqual(['type']);
    expect(await field({ q: ' ' })).toEqual(['q']);
    expect(await field({ q: ' - ' })).toEqual(['q']);
    expect(await field({ q: 'x'.repeat(101) })).toEqual(['q']);
    expect(await field({ limit: 0 })).toEqual(['limit']);
    expect(await field({ limit: 'many' })).toEqual(['limit']);
    expect(await field({ after: 'not-a-cursor' })).toEqual(['after']);
    expect(await field({ after: Buffer.from('["only one"]').toString('base64url') })).toEqual(['after']);
  });
});
