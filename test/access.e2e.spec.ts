import { PRINCIPALS, startTestApp, testProjector, type TestApp } from './support/index.js';

/** Who may see what (law 703/2023): every rule with one allowed and one refused caller. */
const ALL_KINDS = ['identity', 'plans', 'referrals', 'service_periods', 'assessments', 'benefits', 'attendance'];
const outsider = {
  ...PRINCIPALS.employmentOfficer,
  personId: 'te-pirkanmaa-kalle',
  displayName: 'Kalle Outsider',
  organisationId: 'te-pirkanmaa',
};
const otherProvider = {
  ...PRINCIPALS.providerInstructor,
  personId: 'other-provider-ulla',
  organisationId: 'provider-other',
};

describe('access rights, consent and the usage and disclosure logs', () => {
  let t: TestApp;
  let proj: Awaited<ReturnType<typeof testProjector>>;
  const clientId = 'te-keski-suomi:client-access-1';
  const c = `/clients/${clientId}`;
  type Who = Parameters<TestApp['authHeader']>[0];
  const headers = async (who: Who, purpose: string | null = 'service planning') => ({
    ...(await t.authHeader(who)),
    ...(purpose ? { 'X-Purpose': purpose } : {}),
  });
  const post = async (who: Who, path: string, body: object) =>
    t.http
      .post(path)
      .set(await headers(who))
      .send(body);
  const get = async (who: Who, path: string, purpose?: string | null) => {
    await proj.catchUp();
    return t.http.get(path).set(await headers(who, purpose === undefined ? 'service planning' : purpose));
  };
  const ok = async (res: Promise<{ status: number; body: unknown }>) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: () => new Date('2025-06-30T10:00:00Z') });
    proj = await testProjector(t.config);
    await ok(
      post('employmentOfficer', '/clients', {
        clientId,
        fullName: 'Aino Asiakas',
        personalIdentityCode: '010190-123A',
        birthDate: '1990-01-01',
        municipality: 'Jyväskylä',
      }),
    );
    await ok(
      post('employmentOfficer', `${c}/consents`, {
        consentId: 'consent-1',
        scope: { organisationIds: [], dataKinds: ALL_KINDS },
      }),
    );
    await ok(
      post('employmentOfficer', `${c}/typ-relationship`, {
        startDate: '2025-03-01',
        parties: [
          { organisationId: 'te-keski-suomi', organisationType: 'employment_authority' },
          { organisationId: 'hyvaks-sote', organisationType: 'wellbeing_county' },
          { organisationId: 'kela', organisationType: 'kela' },
        ],
      }),
    );
    await ok(
      post('wellbeingOfficer', `${c}/service-need-assessments`, { assessedOn: '2025-03-10', needs: ['mental health'] }),
    );
  });
  afterAll(async () => {
    await proj?.close();
    await t?.close();
  });

  it('lets a TYP party read and refuses an organisation outside the relationship as if the client did not exist', async () => {
    expect((await get('kelaOfficer', `${c}/path`)).status).toBe(200);
    const refused = await get(outsider, `${c}/path`);
    expect(refused.status).toBe(404);
    expect((await get(outsider, '/clients/no-such-client/path')).body.detail).toBe('client no-such-client not found');
    expect(refused.body.detail).toBe(`client ${clientId} not found`);
    expect(
      (
        await post(outsider, `${c}/benefit-status`, {
          asOf: '2025-06-01',
          currentBenefit: 'none',
          labourMarketSubsidyDaysLast12Months: 0,
          labourMarketSubsidyDaysTotal: 0,
          earningsRelatedMaximumUsed: false,
          labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 0,
          socialAssistanceMonthsAsMainIncome: 0,
        })
      ).status,
    ).toBe(404);
  });

  it('gives a provider access through an open referral and refuses other providers', async () => {
    expect((await get('providerInstructor', `${c}/path`)).status).toBe(404);
    await ok(
      post('employmentOfficer', `${c}/referrals`, {
        referralId: 'ref-1',
        serviceType: 'job_coaching',
        to: { organisationId: 'provider-jyvaskyla-settlement', organisationType: 'provider' },
        reason: 'Coaching',
        madeOn: '2025-06-01',
      }),
    );
    const res = await get('providerInstructor', `${c}/path`);
    expect(res.status).toBe(200);
    expect(res.body.path.timeline.map((e: { type: string }) => e.type)).toContain('ReferralMade');
    expect((await get(otherProvider, `${c}/path`)).status).toBe(404);
  });

  it('lets the named responsible officer read even from another organisation, but not their colleague', async () => {
    await ok(
      post('employmentOfficer', `${c}/people`, {
        personId: 'te-pirkanmaa-liisa',
        personName: 'Liisa Named',
        role: 'responsible_officer',
        organisation: { organisationId: 'te-pirkanmaa', organisationType: 'employment_authority' },
        namedOn: '2025-06-02',
      }),
    );
    const named = { ...outsider, personId: 'te-pirkanmaa-liisa', displayName: 'Liisa Named' };
    expect((await get(named, `${c}/path`)).status).toBe(200);
    expect((await get(outsider, `${c}/path`)).status).toBe(404);
  });

  it('lets auditors read but not write, and gives administrators no client data', async () => {
    expect((await get('auditor', `${c}/path`)).status).toBe(200);
    expect(
      (await post('auditor', `${c}/work-ability-assessments`, { tool: 'vat', assessedOn: '2025-06-01' })).status,
    ).toBe(403);
    expect((await get('admin', `${c}/path`)).status).toBe(403);
  });

  it("lets the client read their own path and access log, and nobody else's", async () => {
    const me = {
      personId: clientId,
      displayName: 'Aino Asiakas',
      organisationId: 'self',
      organisationType: 'provider' as const,
      role: 'client' as const,
    };
    expect((await get(me, `${c}/path`)).status).toBe(200);
    expect((await get({ ...me, personId: 'someone-else' }, `${c}/path`)).status).toBe(403);
    expect((await post(me, `${c}/work-ability-assessments`, { tool: 'vat', assessedOn: '2025-06-01' })).status).toBe(
      403,
    );
    const log = await get(me, `${c}/access-log`);
    expect(log.status).toBe(200);
    expect(log.body.usage).toContainEqual(
      expect.objectContaining({ organisationId: 'kela', view: 'path', outcome: 'allowed' }),
    );
    expect((await get({ ...me, personId: 'someone-else' }, `${c}/access-log`)).status).toBe(403);
  });

  it('requires a stated purpose on reads (400) and logs every read with it', async () => {
    const res = await get('kelaOfficer', `${c}/path`, null);
    expect(res.status).toBe(400);
    expect(res.body.header).toBe('X-Purpose');
    await get('kelaOfficer', `${c}/path`, 'benefit decision');
    const usage = await get('auditor', `/audit/usage?clientId=${clientId}`, 'audit');
    expect(usage.body.entries).toContainEqual(
      expect.objectContaining({
        personId: PRINCIPALS.kelaOfficer.personId,
        purpose: 'benefit decision',
        view: 'path',
        outcome: 'allowed',
      }),
    );
    expect(usage.body.entries).toContainEqual(
      expect.objectContaining({ organisationId: 'te-pirkanmaa', outcome: 'refused', detail: 'no_client_relationship' }),
    );
    expect(usage.body.entries).toContainEqual(
      expect.objectContaining({
        organisationId: 'te-pirkanmaa',
        view: 'command:RecordBenefitStatus',
        outcome: 'refused',
      }),
    );
  });

  it('refuses and logs requests without a token or with a forged one', async () => {
    expect((await t.http.get(`${c}/path`).set('X-Purpose', 'curiosity')).status).toBe(401);
    const forged = await t.http
      .get(`${c}/path`)
      .set({ Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', 'X-Purpose': 'forgery' });
    expect(forged.status).toBe(401);
    const usage = await get('auditor', '/audit/usage', 'audit');
    const unauth = usage.body.entries.filter((e: { outcome: string }) => e.outcome === 'unauthenticated');
    expect(unauth.map((e: { purpose: string }) => e.purpose)).toEqual(expect.arrayContaining(['curiosity', 'forgery']));
    expect(unauth[0].view).toBe(`GET ${c}/path`);
  });

  it("shows other organisations' entries under consent, logs the disclosure, and hides them after withdrawal", async () => {
    const before = await get('kelaOfficer', `${c}/path`);
    expect(before.body.path.timeline.map((e: { type: string }) => e.type)).toContain('ServiceNeedAssessmentRecorded');
    expect(before.body.path.profile).toMatchObject({ fullName: 'Aino Asiakas' });
    const disclosures = await get('auditor', `/audit/disclosures?clientId=${clientId}&organisationId=kela`, 'audit');
    expect(disclosures.body.entries).toContainEqual(
      expect.objectContaining({
        fromOrganisationId: 'hyvaks-sote',
        toOrganisationId: 'kela',
        basis: 'consent:consent-1',
        channel: 'api',
      }),
    );

    await ok(post('employmentOfficer', `${c}/consents/consent-1/withdraw`, { reason: 'Client withdrew' }));
    const after = await get('kelaOfficer', `${c}/path`);
    const types = after.body.path.timeline.map((e: { type: string }) => e.type);
    expect(types).not.toContain('ServiceNeedAssessmentRecorded');
    expect(types).toEqual(expect.arrayContaining(['TypRelationshipStarted', 'ConsentWithdrawn']));
    expect(after.body.path.profile).toBeNull();
    // The author still sees its own entry.
    const own = await get('wellbeingOfficer', `${c}/path`);
    expect(own.body.path.timeline.map((e: { type: string }) => e.type)).toContain('ServiceNeedAssessmentRecorded');
  });
});
