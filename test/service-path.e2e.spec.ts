import { startTestApp, testProjector, type TestApp } from './support/index.js';

/**
 * The Central Finland path of docs/walkthrough.md, over HTTP against real SQLite files: a TYP client
 * goes to kuty on the multi-sectoral plan alone, with three people named by three organisations
 * → attendance (a benefit change recorded late) → goal review → end assessment → work trial.
 */
const clock = () => new Date('2025-09-15T10:00:00Z');
const kutyDatesFeb = ['2025-02-17', '2025-02-18', '2025-02-20', '2025-02-24', '2025-02-25', '2025-02-27'];
const kutyDatesMar = ['2025-03-03', '2025-03-04', '2025-03-06'];
const SETTLEMENT = 'provider-jyvaskyla-settlement';
const kutyItems = {
  goal: 'Daily rhythm',
  description: 'Second-hand shop work',
  place: 'Jyväskylän Setlementti',
  providerId: SETTLEMENT,
  providerKind: 'association',
  hoursPerDay: 4,
  daysPerWeek: 3,
  startDate: '2025-02-17',
  lengthMonths: 6,
  supportAndGuidance: 'Own instructor',
  otherServices: 'None',
  assessmentDate: '2025-08-15',
};
const kutyPeriod = {
  serviceType: 'rehabilitative_work_activity',
  referralId: 'ref-1',
  planId: 'msp-1',
  provider: { organisationId: SETTLEMENT, organisationType: 'provider', providerKind: 'association' },
  startDate: '2025-02-17',
  plannedEndDate: '2025-08-16',
  daysPerWeek: 3,
  hoursPerDay: 4,
};
const benefit = (asOf: string, currentBenefit: string) => ({
  asOf,
  currentBenefit,
  labourMarketSubsidyDaysLast12Months: 250,
  labourMarketSubsidyDaysTotal: 620,
  earningsRelatedMaximumUsed: true,
  labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 620,
  socialAssistanceMonthsAsMainIncome: 0,
});

describe('service path end to end (HTTP, SQLite)', () => {
  let t: TestApp;
  let proj: Awaited<ReturnType<typeof testProjector>>;
  let clientId: string;
  let lastPosition = '0';
  const as = async (who: Parameters<TestApp['authHeader']>[0]) => ({
    ...(await t.authHeader(who)),
    'X-Purpose': 'service planning',
  });

  async function post(who: Parameters<TestApp['authHeader']>[0], path: string, body: unknown, expected = 201) {
    const res = await t.http
      .post(path)
      .set(await as(who))
      .send(body as object);
    if (res.status !== expected) throw new Error(`${path} → ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.position) lastPosition = res.body.position;
    return res.body;
  }
  const pathNow = async (who: Parameters<TestApp['authHeader']>[0] = 'employmentOfficer') =>
    (await t.http.get(`/clients/${clientId}/path?minPosition=${lastPosition}`).set(await as(who))).body.path;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    proj = await testProjector(t.config);
    proj.follow();
    const reg = await post('employmentOfficer', '/clients', {
      fullName: 'Matti Mallikas',
      birthDate: '1985-04-12',
      municipality: 'Jyväskylä',
    });
    clientId = reg.clientId;
    const c = `/clients/${clientId}`;
    await post('employmentOfficer', `${c}/benefit-status`, benefit('2025-01-08', 'labour_market_subsidy'));
    await post('employmentOfficer', `${c}/plans/employment`, {
      planId: 'ep-1',
      agreedOn: '2025-01-10',
      services: [],
      jobSearchObligation: 'After kuty',
    });
    const parties = [
      { organisationId: 'te-keski-suomi', organisationType: 'employment_authority' },
      { organisationId: 'hyvaks-sote', organisationType: 'wellbeing_county' },
      { organisationId: 'kela', organisationType: 'kela' },
    ];
    await post('employmentOfficer', `${c}/typ-relationship`, { startDate: '2025-01-15', parties });
    await post('employmentOfficer', `${c}/consents`, {
      consentId: 'consent-1',
      scope: {
        organisationIds: [],
        dataKinds: ['identity', 'plans', 'referrals', 'service_periods', 'assessments', 'benefits', 'attendance'],
      },
    });
    // Three organisations name their own people; the TYP officer leads (asiakasvastaava).
    await post('employmentOfficer', `${c}/people`, {
      personId: 'te-officer-maija',
      personName: 'Maija Virtanen',
      role: 'responsible_officer',
      lead: true,
      namedOn: '2025-01-15',
    });
    await post('wellbeingOfficer', `${c}/people`, {
      personId: 'hva-social-worker-jari',
      personName: 'Jari Salo',
      role: 'named_worker',
      namedOn: '2025-01-16',
    });
    // Kuty on the multi-sectoral plan alone: no activation plan.
    await post('employmentOfficer', `${c}/plans/multisectoral`, {
      planId: 'msp-1',
      agreedOn: '2025-02-05',
      services: [{ serviceType: 'rehabilitative_work_activity' }],
      followUp: 'TYP team every 3 months',
      jobSearchObligation: 'None during kuty',
      kelaRehabilitationNeeded: false,
      approvedByOrganisations: parties,
      approvedByClient: true,
      kuty: kutyItems,
    });
    await post('wellbeingOfficer', `${c}/referrals`, {
      referralId: 'ref-1',
      serviceType: 'rehabilitative_work_activity',
      to: { organisationId: SETTLEMENT, organisationType: 'provider' },
      reason: 'Kuty',
      madeOn: '2025-02-06',
    });
    await post('providerInstructor', `${c}/referrals/ref-1/accept`, { acceptedOn: '2025-02-10' });
    await post('providerInstructor', `${c}/periods`, { ...kutyPeriod, periodId: 'kuty-1', travelEuroPerDay: 5.6 });
    await post('providerInstructor', `${c}/people`, {
      personId: 'settlement-instructor-pekka',
      personName: 'Pekka Nieminen',
      role: 'own_instructor',
      periodId: 'kuty-1',
      namedOn: '2025-02-17',
    });
    await post('providerInstructor', `${c}/periods/kuty-1/attendance`, { attendedDates: kutyDatesFeb, hoursPerDay: 4 });
    await post('providerInstructor', `${c}/periods/kuty-1/attendance`, { attendedDates: kutyDatesMar, hoursPerDay: 4 });
    // a 3-hour day: it happened and is paid, so it is recorded, flagged as an exception
    await post('providerInstructor', `${c}/periods/kuty-1/attendance`, {
      attendedDates: ['2025-03-10'],
      hoursPerDay: 3,
    });
    // recorded late: from 1 March the client lived on earnings-related allowance
    await post('employmentOfficer', `${c}/benefit-status`, benefit('2025-03-01', 'earnings_related'));
    await post('kelaOfficer', `${c}/work-ability-assessments`, {
      tool: 'kykyviisari',
      assessedOn: '2025-03-01',
      score: 6,
    });
    await post('providerInstructor', `${c}/periods/kuty-1/goal-reviews`, {
      heldOn: '2025-05-12',
      participants: {
        client: true,
        responsibleOfficerId: 'te-officer-maija',
        ownInstructorId: 'settlement-instructor-pekka',
      },
      assessment: 'Going well',
    });
    await post('providerInstructor', `${c}/periods/kuty-1/end`, {
      endDate: '2025-08-15',
      endReason: 'transfer_to_other_service',
      continuation: 'work_trial',
    });
    // the end assessment after the period's end, recorded by the TYP officer (the provider's relationship ended with the period)
    await post('employmentOfficer', `${c}/periods/kuty-1/goal-reviews`, {
      heldOn: '2025-08-15',
      endAssessment: true,
      participants: {
        client: true,
        responsibleOfficerId: 'hva-social-worker-jari',
        ownInstructorId: 'settlement-instructor-pekka',
      },
      assessment: 'Goals met',
    });
    await post('employmentOfficer', `${c}/periods`, {
      periodId: 'trial-1',
      serviceType: 'work_trial',
      provider: { organisationId: 'provider-jkl-logistics', organisationType: 'provider', providerKind: 'company' },
      startDate: '2025-09-01',
      plannedEndDate: '2026-02-28',
    });
  });

  afterAll(async () => {
    await proj?.close();
    await t?.close();
  });

  it('shows one timeline across organisations and everyone named on the client', async () => {
    const res = await t.http
      .get(`/clients/${clientId}/path?minPosition=${lastPosition}`)
      .set(await as('employmentOfficer'));
    expect(res.status).toBe(200);
    const { path } = res.body;
    const orgs = new Set(path.timeline.map((e: { organisationId: string }) => e.organisationId));
    expect([...orgs].sort()).toEqual(['hyvaks-sote', 'kela', 'provider-jyvaskyla-settlement', 'te-keski-suomi']);
    // the instructor was named for the period, which has ended: the two officers remain, the history keeps all three
    expect(
      path.status.people.map((p: { personId: string; role: string; lead: boolean }) => [p.personId, p.role, p.lead]),
    ).toEqual([
      ['te-officer-maija', 'responsible_officer', true],
      ['hva-social-worker-jari', 'named_worker', false],
    ]);
    expect(path.status.leadOfficer).toMatchObject({
      personId: 'te-officer-maija',
      organisation: { organisationId: 'te-keski-suomi' },
    });
    expect(path.status.peopleHistory).toContainEqual(
      expect.objectContaining({
        personId: 'settlement-instructor-pekka',
        role: 'own_instructor',
        periodId: 'kuty-1',
        to: '2025-08-15',
      }),
    );
    expect(path.status.endedPeriods).toEqual([
      expect.objectContaining({
        periodId: 'kuty-1',
        planId: 'msp-1',
        place: 'Jyväskylän Setlementti',
        endReason: 'transfer_to_other_service',
        continuation: 'work_trial',
        attendedDays: 10,
        endAssessedOn: '2025-08-15',
      }),
    ]);
    expect(path.status.plans.map((p: { kind: string }) => p.kind).sort()).toEqual(['employment', 'multisectoral']);
    expect(path.status.activePeriods).toEqual([
      expect.objectContaining({ periodId: 'trial-1', serviceType: 'work_trial' }),
    ]);
    expect(path.timeline).toContainEqual(
      expect.objectContaining({
        type: 'ClientRegistered',
        author: { personId: 'te-officer-maija', displayName: 'Maija Virtanen' },
      }),
    );
    // Business time orders the path: the benefit status of 8.1. precedes the kuty start of 17.2.
    const dates = path.timeline.map((e: { occurredAt: string }) => e.occurredAt.slice(0, 10));
    expect(dates).toEqual([...dates].sort());
  });

  it('serves the caseload, the worklist, outcome statistics and the compensation ledger', async () => {
    const caseload = await t.http.get('/caseloads/te-officer-maija').set(await as('employmentOfficer'));
    expect(caseload.body.clients).toEqual([
      expect.objectContaining({ clientId, role: 'responsible_officer', lead: true }),
    ]);
    const social = await t.http.get('/caseloads/hva-social-worker-jari').set(await as('wellbeingOfficer'));
    expect(social.body.clients).toEqual([expect.objectContaining({ clientId, role: 'named_worker', lead: false })]);
    const worklist = await t.http
      .get(`/worklists/te-keski-suomi?minPosition=${lastPosition}`)
      .set(await as('employmentOfficer'));
    expect(worklist.body.items).toContainEqual(
      expect.objectContaining({
        clientId,
        kind: 'plan_review_due',
        refId: 'msp-1',
        dueDate: '2025-05-05',
        overdue: true,
      }),
    );
    const stats = await t.http.get('/statistics/outcomes').set(await as('employmentOfficer'));
    expect(stats.body.byContinuation).toEqual({ work_trial: 1 });
    // February on labour market subsidy: Kela; March, on earnings-related allowance by then: the fund
    const ledger = await t.http.get('/compensation/ledger').set(await as('kelaOfficer'));
    expect(
      ledger.body.rows.map((r: Record<string, unknown>) => [r.month, r.payer, r.component, r.attendedDays, r.euros]),
    ).toEqual([
      ['2025-02', 'kela', 'daily_compensation', 6, 54],
      ['2025-02', 'kela', 'travel', 6, 33.6],
      ['2025-03', 'unemployment_fund', 'daily_compensation', 4, 36],
      ['2025-03', 'unemployment_fund', 'travel', 4, 22.4],
    ]);
  });

  it("reports caseloads per person and role against each role's capacity", async () => {
    const res = await t.http
      .get(`/caseloads/organisations/te-keski-suomi?minPosition=${lastPosition}`)
      .set(await as('employmentOfficer'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      organisationId: 'te-keski-suomi',
      overCapacity: 0,
      people: [
        {
          personId: 'te-officer-maija',
          personName: 'Maija Virtanen',
          role: 'responsible_officer',
          clients: 1,
          capacity: 27,
          overCapacity: false,
        },
      ],
    });
    expect((await t.http.get('/caseloads/organisations/kela').set(await as('employmentOfficer'))).status).toBe(403);
  });

  describe('the 2026 path rules over HTTP (a fresh kuty period on the same client)', () => {
    const c = () => `/clients/${clientId}`;
    const refusal = async (who: Parameters<TestApp['authHeader']>[0], path: string, body: object) => {
      const res = await t.http
        .post(path)
        .set(await as(who))
        .send(body);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      return res.body;
    };
    it('refuses a period that breaks its plan, naming the item', async () => {
      // the kuty period has ended: a new one on the same plan, recorded by the county
      const body = await refusal('wellbeingOfficer', `${c()}/periods`, {
        ...kutyPeriod,
        referralId: undefined,
        periodId: 'kuty-x',
        startDate: '2025-08-25',
        plannedEndDate: '2026-02-24',
        daysPerWeek: 4,
      });
      expect(body).toMatchObject({ rule: 'service_period.plan_days_per_week' });
    });
    it('refuses a goal review with a person not on record, naming the rule', async () => {
      const body = await refusal('wellbeingOfficer', `${c()}/periods/kuty-1/goal-reviews`, {
        heldOn: '2025-08-14',
        participants: {
          client: true,
          responsibleOfficerId: 'somebody-else',
          ownInstructorId: 'settlement-instructor-pekka',
        },
        assessment: 'x',
      });
      expect(body).toMatchObject({ rule: 'goal_review.officer_not_on_record' });
    });
    it("refuses an ordinary goal review after the period's end", async () => {
      const body = await refusal('wellbeingOfficer', `${c()}/periods/kuty-1/goal-reviews`, {
        heldOn: '2025-08-20',
        participants: {
          client: true,
          responsibleOfficerId: 'te-officer-maija',
          ownInstructorId: 'settlement-instructor-pekka',
        },
        assessment: 'x',
      });
      expect(body).toMatchObject({ rule: 'goal_review.after_period_end' });
    });
    it('refuses a pause over reported days and attendance inside a past pause', async () => {
      await post('employmentOfficer', `${c()}/periods/trial-1/attendance`, {
        attendedDates: ['2025-09-02', '2025-09-03'],
        hoursPerDay: 6,
      });
      expect(
        (
          await refusal('employmentOfficer', `${c()}/periods/trial-1/pause`, {
            pausedOn: '2025-09-03',
            reason: 'Illness',
          })
        ).rule,
      ).toBe('service_period.pause_over_attendance');
      await post('employmentOfficer', `${c()}/periods/trial-1/pause`, { pausedOn: '2025-09-04', reason: 'Illness' });
      await post('employmentOfficer', `${c()}/periods/trial-1/resume`, { resumedOn: '2025-09-08' });
      expect(
        (
          await refusal('employmentOfficer', `${c()}/periods/trial-1/attendance`, {
            attendedDates: ['2025-09-05'],
            hoursPerDay: 6,
          })
        ).rule,
      ).toBe('attendance.while_paused');
      await post('employmentOfficer', `${c()}/periods/trial-1/absences`, {
        absentDates: ['2025-09-09'],
        reason: 'illness',
      });
      const path = await pathNow();
      expect(path.status.activePeriods[0]).toMatchObject({
        pauses: [{ from: '2025-09-04', to: '2025-09-07' }],
        absences: [{ date: '2025-09-09', reason: 'illness' }],
      });
    });
    it('records attendance that breaks a limit (a 3-hour day) as an exception, on the path and the worklist', async () => {
      const path = await pathNow('wellbeingOfficer');
      expect(path.status.endedPeriods[0].exceptions).toEqual([
        {
          rule: 'service_period.hours_per_day',
          dates: ['2025-03-10'],
          message: '3 hours a day (Rehabilitative work activity: 4–8)',
        },
      ]);
      expect(path.timeline).toContainEqual(
        expect.objectContaining({
          type: 'AttendanceReported',
          summary: '1 attended day(s) reported; exception: service_period.hours_per_day',
        }),
      );
      const worklist = await t.http
        .get(`/worklists/${SETTLEMENT}?kinds=attendance_exception&minPosition=${lastPosition}`)
        .set(await as('providerInstructor'));
      expect(worklist.body.items).toEqual([
        expect.objectContaining({ clientId, kind: 'attendance_exception', dueDate: '2025-03-10' }),
      ]);
    });
  });

  it('pages a worklist by cursor: every item once, in order, and refuses a forged cursor', async () => {
    const url = `/worklists/te-keski-suomi?horizonDays=3650&minPosition=${lastPosition}`;
    const whole = await t.http.get(`${url}&limit=1000`).set(await as('employmentOfficer'));
    expect(whole.body.nextCursor).toBeNull();
    expect(whole.body.items.length).toBeGreaterThanOrEqual(2);
    const paged: unknown[] = [];
    let after: string | null = '';
    while (after !== null) {
      const page: { status: number; body: { items: unknown[]; nextCursor: string | null } } = await t.http
        .get(`${url}&limit=1${after ? `&after=${after}` : ''}`)
        .set(await as('employmentOfficer'));
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
    const before = await t.http
      .get(`/clients/${clientId}/path?minPosition=${lastPosition}`)
      .set(await as('employmentOfficer'));
    const res = await t.http
      .post(`/clients/${clientId}/periods/trial-1/attendance`)
      .set(await as('employmentOfficer'))
      .send({ attendedDates: ['2025-09-20'], hoursPerDay: 6 });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ rule: 'date.in_future', status: 422 });
    await proj.catchUp();
    const after = await t.http.get(`/clients/${clientId}/path`).set(await as('employmentOfficer'));
    expect(after.body.path.timeline.length).toBe(before.body.path.timeline.length);
  });

  it('refuses kuty with a company provider (422) and bad input (400 with the field)', async () => {
    const company = await t.http
      .post('/clients')
      .set(await as('employmentOfficer'))
      .send({ fullName: 'X', birthDate: 'not-a-date', municipality: 'Y' });
    expect(company.status).toBe(400);
    expect(company.body.errors).toContainEqual(expect.objectContaining({ field: 'birthDate' }));
    const res = await t.http
      .post(`/clients/${clientId}/periods`)
      .set(await as('wellbeingOfficer'))
      .send({
        serviceType: 'rehabilitative_work_activity',
        provider: { organisationId: 'x-oy', organisationType: 'provider', providerKind: 'company' },
        startDate: '2025-09-01',
        plannedEndDate: '2026-02-28',
        daysPerWeek: 3,
        hoursPerDay: 4,
      });
    expect(res.status).toBe(422);
    expect(res.body.rule).toBe('service_period.forbidden_provider_kind');
    const nested = await t.http
      .post(`/clients/${clientId}/periods`)
      .set(await as('wellbeingOfficer'))
      .send({
        serviceType: 'work_trial',
        provider: { organisationId: 'x', organisationType: 'provider', providerKind: 'bank' },
        startDate: '2025-09-01',
        plannedEndDate: '2025-10-01',
      });
    expect(nested.status).toBe(400);
    expect(nested.body.errors).toContainEqual(expect.objectContaining({ field: 'provider.providerKind' }));
  });

  it('is idempotent per Idempotency-Key and guards writes with If-Match (409)', async () => {
    const c = `/clients/${clientId}`;
    const body = { tool: 'vat', assessedOn: '2025-09-10' };
    const first = await t.http
      .post(`${c}/work-ability-assessments`)
      .set({ ...(await as('kelaOfficer')), 'Idempotency-Key': 'vat-2025-09-10' })
      .send(body);
    const again = await t.http
      .post(`${c}/work-ability-assessments`)
      .set({ ...(await as('kelaOfficer')), 'Idempotency-Key': 'vat-2025-09-10' })
      .send(body);
    expect(first.status).toBe(201);
    expect(again.body).toMatchObject({
      replayed: true,
      streamVersion: first.body.streamVersion,
      eventIds: first.body.eventIds,
    });
    const stale = await t.http
      .post(`${c}/work-ability-assessments`)
      .set({ ...(await as('kelaOfficer')), 'If-Match': '"1"' })
      .send(body);
    expect(stale.status).toBe(409);
  });

  it('answers 404 for an unknown client and 401 without a token', async () => {
    expect((await t.http.get('/clients/nobody/path').set(await as('employmentOfficer'))).status).toBe(404);
    expect(
      (
        await t.http
          .post('/clients/nobody/benefit-status')
          .set(await as('employmentOfficer'))
          .send({
            asOf: '2025-01-01',
            currentBenefit: 'none',
            labourMarketSubsidyDaysLast12Months: 0,
            labourMarketSubsidyDaysTotal: 0,
            earningsRelatedMaximumUsed: false,
            labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 0,
            socialAssistanceMonthsAsMainIncome: 0,
          })
      ).status,
    ).toBe(404);
    expect((await t.http.get(`/clients/${clientId}/path`)).status).toBe(401);
  });
});
