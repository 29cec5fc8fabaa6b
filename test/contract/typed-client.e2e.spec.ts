import createClient, { type Client } from 'openapi-fetch';
import { startTestApp, testProjector, type PrincipalPreset, type TestApp } from '../support/index.js';
import type { paths } from './polku-api.generated.js';
import { responseValidator } from './response-validator.js';

/**
 * An agency's view: a client generated from docs/openapi.json (openapi-typescript +
 * openapi-fetch) drives the real API on SQLite. It compiles against the generated types,
 * and every answer is checked against the document's schema, closed: a field the document
 * does not describe fails as surely as a missing one.
 */
const clock = () => new Date('2025-09-15T10:00:00Z');
const check = responseValidator();

describe('the generated TypeScript client against the running API', () => {
  let t: TestApp;
  let proj: Awaited<ReturnType<typeof testProjector>>;
  let baseUrl: string;
  const clients = new Map<PrincipalPreset, Client<paths>>();

  /** A client for one caller; every answer it gets is checked against the document. */
  async function as(who: PrincipalPreset): Promise<Client<paths>> {
    let client = clients.get(who);
    if (!client) {
      client = createClient<paths>({ baseUrl, headers: await t.authHeader(who) });
      client.use({
        async onResponse({ request, response, schemaPath }) {
          const type = response.headers.get('content-type')?.split(';')[0] ?? '';
          const body = type.endsWith('json') ? await response.clone().json() : await response.clone().text();
          check(schemaPath, request.method.toLowerCase(), response.status, body, type);
          return undefined;
        },
      });
      clients.set(who, client);
    }
    return client;
  }
  const purpose = { 'X-Purpose': 'service planning' };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    proj = await testProjector(t.config);
    proj.follow();
  });
  afterAll(async () => {
    await proj?.close();
    await t?.close();
  });

  it('the check itself refuses a missing field, an undescribed field, a wrong type and an undeclared status', () => {
    const health = { status: 'ok', serves: 'all', eventStore: { head: '1' }, projector: { checkpoint: '1', lag: 0 } };
    expect(() => check('/health', 'get', 200, health)).not.toThrow();
    expect(() => check('/health', 'get', 200, { ...health, eventStore: {} })).toThrow(/head/);
    expect(() => check('/health', 'get', 200, { ...health, surplus: 1 })).toThrow(/additional/);
    expect(() => check('/health', 'get', 200, { ...health, projector: { checkpoint: '1', lag: 'none' } })).toThrow(
      /integer/,
    );
    expect(() => check('/health', 'get', 418, health)).toThrow(/does not declare/);
  });

  it('registers a client, builds a path across organisations and reads it back, every answer as documented', async () => {
    const te = await as('employmentOfficer');
    const reg = await te.POST('/clients', {
      body: { fullName: 'Matti Mallikas', birthDate: '1985-04-12', municipality: 'Jyväskylä' },
    });
    expect(reg.response.status).toBe(201);
    const clientId = reg.data!.clientId;
    const params = { path: { clientId } };
    const ok = async (call: Promise<{ response: Response; error?: unknown }>) => {
      const { response, error } = await call;
      expect({ status: response.status, error }).toEqual({ status: 201, error: undefined });
    };
    await ok(
      te.POST('/clients/{clientId}/benefit-status', {
        params,
        body: {
          asOf: '2025-01-08',
          currentBenefit: 'labour_market_subsidy',
          labourMarketSubsidyDaysLast12Months: 250,
          labourMarketSubsidyDaysTotal: 620,
          earningsRelatedMaximumUsed: true,
          labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 620,
          socialAssistanceMonthsAsMainIncome: 0,
        },
      }),
    );
    await ok(
      te.POST('/clients/{clientId}/plans/employment', {
        params,
        body: { planId: 'ep-1', agreedOn: '2025-01-10', services: [], jobSearchObligation: 'After kuty' },
      }),
    );
    await ok(
      te.POST('/clients/{clientId}/typ-relationship', {
        params,
        body: {
          startDate: '2025-01-15',
          parties: [
            { organisationId: 'te-keski-suomi', organisationType: 'employment_authority', name: 'TE Keski-Suomi' },
            { organisationId: 'hyvaks-sote', organisationType: 'wellbeing_county' },
            { organisationId: 'kela', organisationType: 'kela' },
          ],
        },
      }),
    );
    await ok(
      te.POST('/clients/{clientId}/consents', {
        params,
        body: {
          consentId: 'consent-1',
          scope: {
            organisationIds: [],
            dataKinds: ['identity', 'plans', 'referrals', 'service_periods', 'assessments', 'benefits', 'attendance'],
          },
        },
      }),
    );
    await ok(
      te.POST('/clients/{clientId}/people', {
        params,
        body: {
          personId: 'te-officer-maija',
          personName: 'Maija Virtanen',
          role: 'responsible_officer',
          lead: true,
          namedOn: '2025-01-15',
        },
      }),
    );
    const sote = await as('wellbeingOfficer');
    await ok(
      sote.POST('/clients/{clientId}/people', {
        params,
        body: {
          personId: 'hva-social-worker-jari',
          personName: 'Jari Salo',
          role: 'named_worker',
          namedOn: '2025-01-16',
        },
      }),
    );
    await ok(
      sote.POST('/clients/{clientId}/plans/activation', {
        params,
        body: {
          planId: 'ap-1',
          agreedOn: '2025-02-05',
          employmentPlanId: 'ep-1',
          services: [{ serviceType: 'rehabilitative_work_activity', description: 'Kuty' }],
          kuty: {
            goal: 'Daily rhythm',
            description: 'Second-hand shop work',
            place: 'Jyväskylän Setlementti',
            providerId: 'provider-jyvaskyla-settlement',
            providerKind: 'association',
            hoursPerDay: 4,
            daysPerWeek: 3,
            startDate: '2025-02-17',
            lengthMonths: 6,
            supportAndGuidance: 'Own instructor',
            otherServices: 'None',
            assessmentDate: '2025-08-15',
          },
        },
      }),
    );
    await ok(
      sote.POST('/clients/{clientId}/referrals', {
        params,
        body: {
          referralId: 'ref-1',
          serviceType: 'rehabilitative_work_activity',
          to: { organisationId: 'provider-jyvaskyla-settlement', organisationType: 'provider' },
          reason: 'Kuty',
          madeOn: '2025-02-06',
        },
      }),
    );
    await ok(
      sote.POST('/clients/{clientId}/referrals', {
        params,
        body: {
          referralId: 'ref-2',
          serviceType: 'work_trial',
          to: { organisationId: 'provider-jkl-logistics', organisationType: 'provider' },
          reason: 'Later',
          madeOn: '2025-09-10',
        },
      }),
    );
    const provider = await as('providerInstructor');
    await ok(
      provider.POST('/clients/{clientId}/referrals/{referralId}/accept', {
        params: { path: { clientId, referralId: 'ref-1' } },
        body: { acceptedOn: '2025-02-10' },
      }),
    );
    await ok(
      provider.POST('/clients/{clientId}/periods', {
        params,
        body: {
          periodId: 'kuty-1',
          serviceType: 'rehabilitative_work_activity',
          referralId: 'ref-1',
          planId: 'ap-1',
          provider: {
            organisationId: 'provider-jyvaskyla-settlement',
            organisationType: 'provider',
            providerKind: 'association',
          },
          startDate: '2025-02-17',
          plannedEndDate: '2025-08-16',
          daysPerWeek: 3,
          hoursPerDay: 4,
        },
      }),
    );
    const period = { path: { clientId, periodId: 'kuty-1' } };
    await ok(
      provider.POST('/clients/{clientId}/people', {
        params,
        body: {
          personId: 'settlement-instructor-pekka',
          personName: 'Pekka Nieminen',
          role: 'own_instructor',
          periodId: 'kuty-1',
          namedOn: '2025-02-17',
        },
      }),
    );
    await ok(
      provider.POST('/clients/{clientId}/periods/{periodId}/absences', {
        params: period,
        body: { absentDates: ['2025-02-19'], reason: 'illness' },
      }),
    );
    await ok(
      provider.POST('/clients/{clientId}/periods/{periodId}/attendance', {
        params: period,
        body: { attendedDates: ['2025-02-17', '2025-02-18'], hoursPerDay: 4 },
      }),
    );
    await ok(
      provider.POST('/clients/{clientId}/periods/{periodId}/goal-reviews', {
        params: period,
        body: {
          heldOn: '2025-05-12',
          participants: {
            client: true,
            responsibleOfficerId: 'te-officer-maija',
            ownInstructorId: 'settlement-instructor-pekka',
          },
          assessment: 'Going well',
        },
      }),
    );
    const kela = await as('kelaOfficer');
    const last = await kela.POST('/clients/{clientId}/work-ability-assessments', {
      params,
      body: { tool: 'kykyviisari', assessedOn: '2025-03-01', score: 6 },
    });
    const position = last.data!.position;
    await ok(
      provider.POST('/clients/{clientId}/periods/{periodId}/end', {
        params: period,
        body: { endDate: '2025-08-15', endReason: 'transfer_to_other_service', continuation: 'work_trial' },
      }),
    );

    const read = await te.GET('/clients/{clientId}/path', {
      params: { ...params, query: { minPosition: position }, header: purpose },
    });
    expect(read.response.status).toBe(200);
    const path = read.data!.path;
    expect(path.profile?.municipality).toBe('Jyväskylä');
    expect(path.status.leadOfficer?.organisation.organisationId).toBe('te-keski-suomi');
    expect(path.status.people.map((p) => p.role)).toEqual(['responsible_officer', 'named_worker']);
    expect(path.status.plans.map((p) => p.planId).sort()).toEqual(['ap-1', 'ep-1']);
    expect(path.status.openReferrals.map((r) => r.referralId)).toEqual(['ref-2']);
    expect(path.timeline.length).toBeGreaterThan(10);

    // The lists, logs and audits an agency reads, each as documented.
    expect((await provider.GET('/caseloads/me', { params: { header: purpose } })).response.status).toBe(200);
    expect(
      (await te.GET('/caseloads/{personId}', { params: { path: { personId: 'te-officer-maija' }, header: purpose } }))
        .data?.clients,
    ).toHaveLength(1);
    expect(
      (
        await te.GET('/caseloads/organisations/{organisationId}', {
          params: { path: { organisationId: 'te-keski-suomi' }, header: purpose },
        })
      ).data?.people,
    ).toHaveLength(1);
    expect(
      (await te.GET('/clients/search', { params: { query: { q: 'Mallikas' }, header: purpose } })).response.status,
    ).toBe(200);
    const directory = await te.GET('/organisations', { params: { query: { q: 'keski', limit: 5 } } });
    expect(directory.data?.items.map((o) => o.organisationId)).toContain('te-keski-suomi');
    const worklist = await sote.GET('/worklists/{organisationId}', {
      params: { path: { organisationId: 'hyvaks-sote' }, query: { horizonDays: 365, limit: 1 }, header: purpose },
    });
    expect(worklist.data?.items).toHaveLength(1);
    expect(worklist.data?.nextCursor).toEqual(expect.any(String));
    expect((await te.GET('/statistics/outcomes', {})).data?.total).toBe(1);
    expect((await te.GET('/compensation/ledger', { params: { query: { payer: 'kela' } } })).response.status).toBe(200);
    expect(
      (await te.GET('/service-types', { params: { query: { on: '2025-01-01' } } })).data?.serviceTypes.length,
    ).toBeGreaterThan(1);
    expect((await te.GET('/me')).data?.role).toBe('officer');
    expect((await te.GET('/health')).data?.status).toBe('ok');
    const auditor = await as('auditor');
    expect(
      (await auditor.GET('/audit/usage', { params: { query: { clientId } } })).data?.entries.length,
    ).toBeGreaterThan(0);
    expect((await auditor.GET('/audit/disclosures', {})).response.status).toBe(200);
    expect(
      (await auditor.GET('/clients/{clientId}/access-log', { params: { ...params, header: purpose } })).response.status,
    ).toBe(200);
    expect(
      (await auditor.GET('/audit/clients/{clientId}/events', { params: { ...params, header: purpose } })).data
        ?.events[0].type,
    ).toBe('ClientRegistered');
    expect(
      (
        await auditor.GET('/audit/clients/{clientId}/path', {
          params: { ...params, query: { asOf: '2025-03-01' }, header: purpose },
        })
      ).data?.mode.kind,
    ).toBe('as_of');
    expect((await auditor.GET('/audit/integrity', {})).data?.intact).toBe(true);
    expect((await (await as('admin')).GET('/admin/retention', {})).response.status).toBe(200);
  });

  it('answers problems as documented: validation, rule, conflict, not found, forbidden, unauthenticated', async () => {
    const te = await as('employmentOfficer');
    const bad = await te.POST('/clients', {
      body: { fullName: '', birthDate: '1985-02-30', municipality: 'Jyväskylä', surplus: 1 } as never,
    });
    expect(bad.response.status).toBe(400);
    expect(bad.error?.errors?.map((e) => e.field).sort()).toEqual(['birthDate', 'fullName', 'surplus']);
    const reg = await te.POST('/clients', {
      body: { fullName: 'Liisa L', birthDate: '1990-01-01', municipality: 'Jyväskylä' },
    });
    const clientId = reg.data!.clientId;
    const rule = await te.POST('/clients/{clientId}/referrals', {
      params: { path: { clientId } },
      body: {
        serviceType: 'work_trial',
        to: { organisationId: 'te-keski-suomi', organisationType: 'employment_authority' },
        reason: 'x',
        madeOn: '2025-01-01',
      },
    });
    expect(rule.response.status).toBe(422);
    expect(rule.error?.rule).toEqual(expect.any(String));
    const stale = await te.POST('/clients/{clientId}/people', {
      params: { path: { clientId }, header: { 'If-Match': '"9"' } },
      body: { personId: 'o-1', personName: 'O', role: 'responsible_officer', namedOn: '2025-01-02' },
    });
    expect(stale.response.status).toBe(409);
    const guarded = await te.POST('/clients/{clientId}/people', {
      params: { path: { clientId }, header: { 'If-Match': reg.data!.streamVersion } },
      body: { personId: 'o-1', personName: 'O', role: 'responsible_officer', namedOn: '2025-01-02' },
    });
    expect(guarded.response.status).toBe(201);
    // A body whose schema requires nothing may be left out, as the document says.
    await te.POST('/clients/{clientId}/consents', {
      params: { path: { clientId } },
      body: { consentId: 'c-x', scope: { organisationIds: [], dataKinds: ['plans'] } },
    });
    const withdrawn = await te.POST('/clients/{clientId}/consents/{consentId}/withdraw', {
      params: { path: { clientId, consentId: 'c-x' } },
    });
    expect(withdrawn.response.status).toBe(201);
    expect(
      (await te.GET('/clients/{clientId}/path', { params: { path: { clientId: 'nobody' }, header: purpose } })).response
        .status,
    ).toBe(404);
    const future = await te.GET('/clients/{clientId}/path', {
      params: { path: { clientId }, query: { minPosition: '999999999' }, header: purpose },
    });
    expect([future.response.status, future.error?.field]).toEqual([422, 'minPosition']); // at once: waiting could not help
    expect((await te.GET('/audit/integrity', {})).response.status).toBe(403);
    const anonymous = createClient<paths>({ baseUrl });
    const denied = await anonymous.GET('/me');
    expect(denied.response.status).toBe(401);
    check('/me', 'get', 401, denied.error, 'application/problem+json');
  });
});
