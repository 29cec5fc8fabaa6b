import { startTestApp, testProjector, type TestApp } from './support/index.js';

/**
 * The Central Finland path of the README, over HTTP against real SQLite files:
 * activation plan → kuty period → reviews → end → work trial, across four organisations.
 */
const clock = () => new Date('2025-09-15T10:00:00Z');
const kutyDatesFeb = ['2025-02-17', '2025-02-18', '2025-02-20', '2025-02-24', '2025-02-25', '2025-02-27'];

describe('service path end to end (HTTP, SQLite)', () => {
  let t: TestApp;
  let proj: Awaited<ReturnType<typeof testProjector>>;
  let clientId: string;
  let lastPosition = '0';
  const as = async (who: Parameters<TestApp['authHeader']>[0]) => ({ ...(await t.authHeader(who)), 'X-Purpose': 'service planning' });

  async function post(who: Parameters<TestApp['authHeader']>[0], path: string, body: unknown, expected = 201) {
    const res = await t.http.post(path).set(await as(who)).send(body as object);
    if (res.status !== expected) throw new Error(`${path} → ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.position) lastPosition = res.body.position;
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp({ clock });
    proj = await testProjector(t.config);
    proj.follow();
    const reg = await post('employmentOfficer', '/clients', { fullName: 'Matti Mallikas', birthDate: '1985-04-12', municipality: 'Jyväskylä' });
    clientId = reg.clientId;
    const c = `/clients/${clientId}`;
    await post('employmentOfficer', `${c}/benefit-status`, { asOf: '2025-01-08', currentBenefit: 'labour_market_subsidy', labourMarketSubsidyDaysLast12Months: 250, labourMarketSubsidyDaysTotal: 620, earningsRelatedMaximumUsed: true, labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 620, socialAssistanceMonthsAsMainIncome: 0 });
    await post('employmentOfficer', `${c}/plans/employment`, { planId: 'ep-1', agreedOn: '2025-01-10', services: [], jobSearchObligation: 'After kuty' });
    await post('employmentOfficer', `${c}/typ-relationship`, { startDate: '2025-01-15', parties: [
      { organisationId: 'te-keski-suomi', organisationType: 'employment_authority' },
      { organisationId: 'hyvaks-sote', organisationType: 'wellbeing_county' },
      { organisationId: 'kela', organisationType: 'kela' }] });
    await post('employmentOfficer', `${c}/consents`, { consentId: 'consent-1', scope: { organisationIds: [], dataKinds: ['identity', 'plans', 'referrals', 'service_periods', 'assessments', 'benefits', 'attendance'] } });
    await post('employmentOfficer', `${c}/responsible-officer`, { officerId: 'te-officer-maija', officerName: 'Maija Virtanen', assignedOn: '2025-01-15' });
    await post('wellbeingOfficer', `${c}/plans/activation`, { planId: 'ap-1', agreedOn: '2025-02-05', employmentPlanId: 'ep-1', services: [], kuty: {
      goal: 'Daily rhythm', description: 'Second-hand shop work', place: 'Jyväskylän Setlementti', providerId: 'provider-jyvaskyla-settlement',
      providerKind: 'association', hoursPerDay: 4, daysPerWeek: 3, startDate: '2025-02-17', lengthMonths: 6,
      supportAndGuidance: 'Own instructor', otherServices: 'None', assessmentDate: '2025-08-15' } });
    await post('wellbeingOfficer', `${c}/referrals`, { referralId: 'ref-1', serviceType: 'rehabilitative_work_activity', to: { organisationId: 'provider-jyvaskyla-settlement', organisationType: 'provider' }, reason: 'Kuty', madeOn: '2025-02-06' });
    await post('providerInstructor', `${c}/referrals/ref-1/accept`, { acceptedOn: '2025-02-10' });
    await post('providerInstructor', `${c}/periods`, { periodId: 'kuty-1', serviceType: 'rehabilitative_work_activity', referralId: 'ref-1', planId: 'ap-1',
      provider: { organisationId: 'provider-jyvaskyla-settlement', organisationType: 'provider', providerKind: 'association' },
      startDate: '2025-02-17', plannedEndDate: '2025-08-16', daysPerWeek: 3, hoursPerDay: 4 });
    await post('providerInstructor', `${c}/periods/kuty-1/own-instructor`, { instructorId: 'settlement-instructor-pekka', instructorName: 'Pekka Nieminen', assignedOn: '2025-02-17' });
    await post('providerInstructor', `${c}/periods/kuty-1/attendance`, { attendedDates: kutyDatesFeb, hoursPerDay: 4 });
    await post('kelaOfficer', `${c}/work-ability-assessments`, { tool: 'kykyviisari', assessedOn: '2025-03-01', score: 6 });
    await post('providerInstructor', `${c}/periods/kuty-1/goal-reviews`, { heldOn: '2025-05-12', participants: { client: true, responsibleOfficerId: 'te-officer-maija', ownInstructorId: 'settlement-instructor-pekka' }, assessment: 'Going well' });
    await post('providerInstructor', `${c}/periods/kuty-1/end`, { endDate: '2025-08-15', endReason: 'transfer_to_other_service', continuation: 'work_trial' });
    await post('employmentOfficer', `${c}/periods`, { periodId: 'trial-1', serviceType: 'work_trial',
      provider: { organisationId: 'provider-jkl-logistics', organisationType: 'provider', providerKind: 'company' }, startDate: '2025-09-01', plannedEndDate: '2026-02-28' });
  });

  afterAll(async () => { await proj?.close(); await t?.close(); });

  it('shows one timeline across organisations and the current responsible officer', async () => {
    const res = await t.http.get(`/clients/${clientId}/path?minPosition=${lastPosition}`).set(await as('employmentOfficer'));
    expect(res.status).toBe(200);
    const { path } = res.body;
    const orgs = new Set(path.timeline.map((e: { organisationId: string }) => e.organisationId));
    expect([...orgs].sort()).toEqual(['hyvaks-sote', 'kela', 'provider-jyvaskyla-settlement', 'te-keski-suomi']);
    expect(path.status.responsibleOfficer).toMatchObject({ officerId: 'te-officer-maija', officerName: 'Maija Virtanen' });
    expect(path.status.endedPeriods).toEqual([expect.objectContaining({ periodId: 'kuty-1', endReason: 'transfer_to_other_service', continuation: 'work_trial', attendedDays: 6 })]);
    expect(path.status.activePeriods).toEqual([expect.objectContaining({ periodId: 'trial-1', serviceType: 'work_trial' })]);
    expect(path.timeline).toContainEqual(expect.objectContaining({ type: 'ClientRegistered', author: { personId: 'te-officer-maija', displayName: 'Maija Virtanen' } }));
    // Business time orders the path: the benefit status of 8.1. precedes the kuty start of 17.2.
    const dates = path.timeline.map((e: { occurredAt: string }) => e.occurredAt.slice(0, 10));
    expect(dates).toEqual([...dates].sort());
  });

  it('serves the caseload, the worklist, outcome statistics and the compensation ledger', async () => {
    const caseload = await t.http.get('/caseloads/te-officer-maija').set(await as('employmentOfficer'));
    expect(caseload.body.clients).toEqual([expect.objectContaining({ clientId, role: 'responsible_officer' })]);
    const worklist = await t.http.get(`/worklists/te-keski-suomi?minPosition=${lastPosition}`).set(await as('employmentOfficer'));
    expect(worklist.body.items).toContainEqual(expect.objectContaining({ clientId, kind: 'multisectoral_plan_due', dueDate: '2025-04-15', overdue: true }));
    const stats = await t.http.get('/statistics/outcomes').set(await as('employmentOfficer'));
    expect(stats.body.byContinuation).toEqual({ work_trial: 1 });
    const ledger = await t.http.get('/compensation/ledger?payer=kela').set(await as('kelaOfficer'));
    expect(ledger.body.rows).toEqual([expect.objectContaining({ month: '2025-02', payer: 'kela', attendedDays: 6, euros: 54 })]);
  });

  it('pages a worklist by cursor: every item once, in order, and refuses a forged cursor', async () => {
    const url = `/worklists/te-keski-suomi?horizonDays=3650&minPosition=${lastPosition}`;
    const whole = await t.http.get(`${url}&limit=1000`).set(await as('employmentOfficer'));
    expect(whole.body.nextCursor).toBeNull();
    expect(whole.body.items.length).toBeGreaterThanOrEqual(2);
    const paged: unknown[] = [];
    let after: string | null = '';
    while (after !== null) {
      const page: { status: number; body: { items: unknown[]; nextCursor: string | null } } = await t.http.get(`${url}&limit=1${after ? `&after=${after}` : ''}`).set(await as('employmentOfficer'));
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      paged.push(...page.body.items);
      after = page.body.nextCursor;
    }
    expect(paged).toEqual(whole.body.items);
    const forged = await t.http.get(`${url}&after=bm90LWEtY3Vyc29y`).set(await as('employmentOfficer'));
    expect(forged.status).toBe(400);
    expect(forged.body.errors).toEqual([expect.objectContaining({ field: 'after' })]);
  });

  it('answers a broken rule with 422 naming it, and changes nothing', async () => {
    const before = await t.http.get(`/clients/${clientId}/path?minPosition=${lastPosition}`).set(await as('employmentOfficer'));
    const res = await t.http.post(`/clients/${clientId}/periods/trial-1/attendance`).set(await as('employmentOfficer'))
      .send({ attendedDates: ['2025-09-20'], hoursPerDay: 6 });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ rule: 'date.in_future', status: 422 });
    await proj.catchUp();
    const after = await t.http.get(`/clients/${clientId}/path`).set(await as('employmentOfficer'));
    expect(after.body.path.timeline.length).toBe(before.body.path.timeline.length);
  });

  it('refuses kuty with a company provider (422) and bad input (400 with the field)', async () => {
    const company = await t.http.post('/clients').set(await as('employmentOfficer')).send({ fullName: 'X', birthDate: 'not-a-date', municipality: 'Y' });
    expect(company.status).toBe(400);
    expect(company.body.errors).toContainEqual(expect.objectContaining({ field: 'birthDate' }));
    const res = await t.http.post(`/clients/${clientId}/periods`).set(await as('wellbeingOfficer')).send({
      serviceType: 'rehabilitative_work_activity', provider: { organisationId: 'x-oy', organisationType: 'provider', providerKind: 'company' },
      startDate: '2025-09-01', plannedEndDate: '2026-02-28', daysPerWeek: 3, hoursPerDay: 4 });
    expect(res.status).toBe(422);
    expect(res.body.rule).toBe('service_period.forbidden_provider_kind');
    const nested = await t.http.post(`/clients/${clientId}/periods`).set(await as('wellbeingOfficer')).send({
      serviceType: 'work_trial', provider: { organisationId: 'x', organisationType: 'provider', providerKind: 'bank' }, startDate: '2025-09-01', plannedEndDate: '2025-10-01' });
    expect(nested.status).toBe(400);
    expect(nested.body.errors).toContainEqual(expect.objectContaining({ field: 'provider.providerKind' }));
  });

  it('is idempotent per Idempotency-Key and guards writes with If-Match (409)', async () => {
    const c = `/clients/${clientId}`;
    const body = { tool: 'vat', assessedOn: '2025-09-10' };
    const first = await t.http.post(`${c}/work-ability-assessments`).set({ ...(await as('kelaOfficer')), 'Idempotency-Key': 'vat-2025-09-10' }).send(body);
    const again = await t.http.post(`${c}/work-ability-assessments`).set({ ...(await as('kelaOfficer')), 'Idempotency-Key': 'vat-2025-09-10' }).send(body);
    expect(first.status).toBe(201);
    expect(again.body).toMatchObject({ replayed: true, streamVersion: first.body.streamVersion, eventIds: first.body.eventIds });
    const stale = await t.http.post(`${c}/work-ability-assessments`).set({ ...(await as('kelaOfficer')), 'If-Match': '"1"' }).send(body);
    expect(stale.status).toBe(409);
  });

  it('answers 404 for an unknown client and 401 without a token', async () => {
    expect((await t.http.get('/clients/nobody/path').set(await as('employmentOfficer'))).status).toBe(404);
    expect((await t.http.post('/clients/nobody/benefit-status').set(await as('employmentOfficer')).send({ asOf: '2025-01-01', currentBenefit: 'none', labourMarketSubsidyDaysLast12Months: 0, labourMarketSubsidyDaysTotal: 0, earningsRelatedMaximumUsed: false, labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 0, socialAssistanceMonthsAsMainIncome: 0 })).status).toBe(404);
    expect((await t.http.get(`/clients/${clientId}/path`)).status).toBe(401);
  });
});
