import type {
  ActivationPlanAgreed,
  ClientRegistered,
  EventData,
  PolkuEventType,
  ServiceNeedAssessmentRecorded,
} from './index.js';
import {
  ERASED,
  PERSONAL_FIELDS,
  WORK_ABILITY_TOOLS,
  forEachPersonalValue,
  hasPersonalFields,
  mapPersonalFields,
  mapPersonalFieldsInPlace,
  mapPublicationWithheldFields,
  somePersonalValue,
} from './index.js';

const upper = (value: string | string[]) =>
  typeof value === 'string' ? value.toUpperCase() : value.map((v) => v.toUpperCase());

describe('personal data of events', () => {
  it('maps top-level strings and string arrays, keeping everything else', () => {
    const data: ServiceNeedAssessmentRecorded['data'] = {
      assessmentId: 'a-1',
      assessedOn: '2025-01-02',
      needs: ['housing', 'debt'],
      summary: 'lives alone',
    };
    expect(mapPersonalFields('ServiceNeedAssessmentRecorded', data, upper)).toEqual({
      assessmentId: 'a-1',
      assessedOn: '2025-01-02',
      needs: ['HOUSING', 'DEBT'],
      summary: 'LIVES ALONE',
    });
  });

  it('maps each array item and nested fields, and returns a deep copy', () => {
    const data: ActivationPlanAgreed['data'] = {
      planId: 'ap-1',
      agreedOn: '2025-01-12',
      employmentPlanId: 'ep-1',
      services: [{ serviceType: 'coaching', description: 'weekly' }, { serviceType: 'kuty' }],
      kuty: {
        goal: 'rhythm',
        description: 'shop',
        place: 'Setlementti',
        providerId: 'p-1',
        providerKind: 'association',
        hoursPerDay: 4,
        daysPerWeek: 3,
        startDate: '2025-01-19',
        lengthMonths: 6,
        supportAndGuidance: 'instructor',
        otherServices: 'none',
        assessmentDate: '2025-07-15',
      },
    };
    const before = structuredClone(data);
    const mapped = mapPersonalFields('ActivationPlanAgreed', data, () => ERASED);
    expect(data).toEqual(before); // input untouched
    expect(mapped.services).toEqual([{ serviceType: 'coaching', description: ERASED }, { serviceType: 'kuty' }]);
    expect(mapped.kuty).toMatchObject({
      goal: ERASED,
      description: ERASED,
      supportAndGuidance: ERASED,
      otherServices: ERASED,
      place: 'Setlementti',
      providerId: 'p-1',
      startDate: '2025-01-19',
      hoursPerDay: 4,
    });
  });

  it('skips absent optional fields and missing nested objects', () => {
    const data: ClientRegistered['data'] = { fullName: 'Maija', birthDate: '1984-05-02', municipality: 'Jyväskylä' };
    expect(mapPersonalFields('ClientRegistered', data, () => ERASED)).toEqual({ ...data, fullName: ERASED });
    const plan = { planId: 'ap-1', agreedOn: '2025-01-12', employmentPlanId: 'ep-1', services: [] };
    expect(mapPersonalFields('ActivationPlanAgreed', plan, () => ERASED)).toEqual(plan);
  });

  it('leaves types without personal fields and unknown types as they are', () => {
    expect(hasPersonalFields('AttendanceReported')).toBe(false);
    expect(hasPersonalFields('toString')).toBe(false);
    expect(hasPersonalFields('PlanReviewed')).toBe(true);
    const data = { periodId: 'p-1', attendedDates: ['2025-01-01'], hoursPerDay: 4 };
    expect(mapPersonalFields('AttendanceReported', data, () => ERASED)).toEqual(data);
    expect(mapPersonalFields('SomethingNew', { reason: 'x' }, () => ERASED)).toEqual({ reason: 'x' });
  });

  it('ignores values of the wrong shape instead of failing', () => {
    const odd = { planId: 'ep-1', jobSearchObligation: 42, services: 'none' };
    expect(mapPersonalFields('EmploymentPlanAgreed', odd, () => ERASED)).toEqual(odd);
  });

  it('visits every listed path in full examples of the catalogue types (the list matches catalogue.ts)', () => {
    const svc = [{ serviceType: 's', description: 'd' }];
    const kuty = {
      goal: 'g',
      description: 'd',
      place: 'p',
      providerId: 'p',
      providerKind: 'association',
      hoursPerDay: 4,
      daysPerWeek: 3,
      startDate: '2025-01-19',
      lengthMonths: 6,
      supportAndGuidance: 's',
      otherServices: 'o',
      assessmentDate: '2025-07-15',
    } as const;
    // Typed by the catalogue: renaming a personal field there breaks this until the list follows.
    const samples: { [T in PolkuEventType]?: EventData<T> } = {
      ClientRegistered: { fullName: 'n', personalIdentityCode: 'c', birthDate: '1984-05-02', municipality: 'm' },
      ConsentWithdrawn: { consentId: 'c', reason: 'r' },
      TypRelationshipEnded: { relationshipId: 'r', endDate: '2025-01-01', reason: 'other', note: 'n' },
      ServiceNeedAssessmentRecorded: { assessmentId: 'a', assessedOn: '2025-01-01', needs: ['n'], summary: 's' },
      EmploymentPlanAgreed: { planId: 'p', agreedOn: '2025-01-07', services: svc, jobSearchObligation: 'o' },
      ActivationPlanAgreed: { planId: 'p', agreedOn: '2025-01-12', employmentPlanId: 'e', services: svc, kuty },
      MultisectoralPlanAgreed: {
        planId: 'p',
        agreedOn: '2025-02-01',
        services: svc,
        followUp: 'f',
        jobSearchObligation: 'o',
        kelaRehabilitationNeeded: false,
        approvedByOrganisations: [],
        approvedByClient: true,
        kuty,
      },
      PlanReviewed: { planId: 'p', reviewedOn: '2025-03-01', requestedByClient: false, outcome: 'o', kuty },
      AbsenceReported: { periodId: 'p', absentDates: ['2025-03-03'], reason: 'illness', note: 'n' },
      PersonReleased: {
        personId: 'x',
        organisationId: 'o',
        role: 'named_worker',
        releasedOn: '2025-05-01',
        reason: 'r',
      },
      ReferralMade: {
        referralId: 'r',
        serviceType: 's',
        to: { organisationId: 'o', organisationType: 'provider' },
        reason: 'r',
        madeOn: '2025-01-01',
      },
      ReferralDeclined: { referralId: 'r', declinedOn: '2025-01-01', reason: 'r' },
      ReferralWithdrawn: { referralId: 'r', withdrawnOn: '2025-01-01', reason: 'r' },
      ServicePeriodPaused: { periodId: 'p', pausedOn: '2025-01-01', reason: 'r' },
      ServicePeriodEnded: { periodId: 'p', endDate: '2025-01-01', endReason: 'other', continuation: 'none', note: 'n' },
      GoalReviewHeld: { periodId: 'p', heldOn: '2025-04-13', participants: { client: true }, assessment: 'a' },
      WorkAbilityAssessmentRecorded: {
        assessmentId: 'a',
        tool: WORK_ABILITY_TOOLS[0],
        assessedOn: '2025-01-01',
        summary: 's',
      },
      ResponsibleOfficerReleased: { officerId: 'o', releasedOn: '2025-05-01', reason: 'r' },
    };
    expect(Object.keys(samples).sort()).toEqual(Object.keys(PERSONAL_FIELDS).sort());
    for (const [type, data] of Object.entries(samples)) {
      const seen: string[] = [];
      forEachPersonalValue(type, data, (_value, path) => seen.push(path));
      expect(seen).toEqual(PERSONAL_FIELDS[type as PolkuEventType]);
    }
  });

  it('maps in place when asked: same objects, only the personal values replaced', () => {
    const data = {
      planId: 'ap-1',
      agreedOn: '2025-01-12',
      employmentPlanId: 'ep-1',
      services: [{ serviceType: 'coaching', description: 'weekly' }, { serviceType: 'kuty' }],
      kuty: { goal: 'rhythm', description: 'shop', place: 'Setlementti', hoursPerDay: 4 },
    };
    const { services, kuty } = data;
    const seen: string[] = [];
    mapPersonalFieldsInPlace('ActivationPlanAgreed', data, (value, path) => {
      seen.push(path);
      return path === 'kuty.description' ? undefined : upper(value); // undefined keeps the value
    });
    expect(seen).toEqual(['services[].description', 'kuty.goal', 'kuty.description']);
    expect(data).toEqual({
      planId: 'ap-1',
      agreedOn: '2025-01-12',
      employmentPlanId: 'ep-1',
      services: [{ serviceType: 'coaching', description: 'WEEKLY' }, { serviceType: 'kuty' }],
      kuty: { goal: 'RHYTHM', description: 'shop', place: 'Setlementti', hoursPerDay: 4 },
    });
    expect(data.services).toBe(services);
    expect(data.kuty).toBe(kuty);
    const odd = { planId: 'ep-1', jobSearchObligation: 42, services: 'none' };
    mapPersonalFieldsInPlace('EmploymentPlanAgreed', odd, () => ERASED);
    expect(odd).toEqual({ planId: 'ep-1', jobSearchObligation: 42, services: 'none' });
    mapPersonalFieldsInPlace('toString', { reason: 'x' }, () => {
      throw new Error('no personal fields');
    });
  });

  it('scans without writing, and stops at the first value that matches', () => {
    const data = Object.freeze({
      assessmentId: 'a-1',
      assessedOn: '2025-01-02',
      needs: Object.freeze(['housing', 'debt']),
      summary: 'lives alone',
    });
    const seen: string[] = [];
    forEachPersonalValue('ServiceNeedAssessmentRecorded', data, (_value, path) => seen.push(path));
    expect(seen).toEqual(['needs', 'summary']);
    const tested: unknown[] = [];
    expect(
      somePersonalValue('ServiceNeedAssessmentRecorded', data, (v) => {
        tested.push(v);
        return Array.isArray(v);
      }),
    ).toBe(true);
    expect(tested).toEqual([['housing', 'debt']]);
    expect(somePersonalValue('ServiceNeedAssessmentRecorded', data, (v) => v === 'nothing')).toBe(false);
    expect(somePersonalValue('ClientRegistered', { birthDate: '1984-05-02' }, () => true)).toBe(false);
    expect(somePersonalValue('AttendanceReported', { periodId: 'p-1' }, () => true)).toBe(false);
  });

  it('withholds quasi-identifiers (birth date, municipality) on publication, but never erases them', () => {
    const data: ClientRegistered['data'] = {
      fullName: 'Maija',
      personalIdentityCode: '020584-123A',
      birthDate: '1984-05-02',
      municipality: 'Jyväskylä',
    };
    expect(mapPublicationWithheldFields('ClientRegistered', data, () => 'W')).toEqual({
      fullName: 'W',
      personalIdentityCode: 'W',
      birthDate: 'W',
      municipality: 'W',
    });
    expect(mapPersonalFields('ClientRegistered', data, () => 'E')).toMatchObject({
      birthDate: '1984-05-02',
      municipality: 'Jyväskylä',
    });
    expect(mapPublicationWithheldFields('ReferralMade', { reason: 'r', referralId: 'x' }, () => 'W')).toEqual({
      reason: 'W',
      referralId: 'x',
    });
  });
});
