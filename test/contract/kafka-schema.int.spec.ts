import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { COMMAND_TYPES } from '../../libs/commands/command-table/command-table.js';
import { MessageRejected, parseCommandMessage } from '../../apps/ingest/validate.js';
import { CONTRACT_FILES } from '../../apps/api/cli/write-contract.js';
import { readJson } from './response-validator.js';

/**
 * The published Kafka message schema (docs/kafka-commands.schema.json, also served at
 * /schemas/kafka-commands.json) says exactly what the ingest accepts: real messages of every
 * command pass both, and each kind of broken message is refused by both.
 */
const schema = readJson(CONTRACT_FILES.kafka);
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

const org = (organisationId: string, organisationType: string) => ({ organisationId, organisationType });
const scope = { organisationIds: [], dataKinds: ['plans', 'service_periods'] };
const kuty = {
  goal: 'Daily rhythm',
  description: 'Shop work',
  place: 'Setlementti',
  providerId: 'p-1',
  providerKind: 'association',
  hoursPerDay: 4,
  daysPerWeek: 3,
  startDate: '2025-02-17',
  lengthMonths: 6,
  supportAndGuidance: 'Instructor',
  otherServices: 'None',
  assessmentDate: '2025-08-15',
};
/** One real message body per command type, as an agency system would publish it. */
const DATA: Record<string, Record<string, unknown>> = {
  RegisterClient: { fullName: 'Maija Meikäläinen', birthDate: '1984-05-02', municipality: 'Jyväskylä' },
  GiveConsent: { consentId: 'consent-1', scope, validUntil: '2026-01-01' },
  LimitConsent: { consentId: 'consent-1', scope },
  WithdrawConsent: { consentId: 'consent-1', reason: 'Client asked' },
  RecordBenefitStatus: {
    asOf: '2025-01-08',
    currentBenefit: 'labour_market_subsidy',
    labourMarketSubsidyDaysLast12Months: 250,
    labourMarketSubsidyDaysTotal: 620,
    earningsRelatedMaximumUsed: true,
    labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 620,
    socialAssistanceMonthsAsMainIncome: 0,
  },
  RecordWorkAbilityAssessment: { tool: 'kykyviisari', assessedOn: '2025-03-01', score: 6 },
  StartTypRelationship: {
    startDate: '2025-01-15',
    parties: [org('te-keski-suomi', 'employment_authority'), org('kela', 'kela')],
  },
  EndTypRelationship: { endDate: '2025-12-31', reason: 'employment' },
  RecordServiceNeedAssessment: { assessedOn: '2025-01-20', needs: ['work ability'] },
  AgreeEmploymentPlan: { planId: 'ep-1', agreedOn: '2025-01-10', services: [], jobSearchObligation: 'After kuty' },
  AgreeActivationPlan: {
    planId: 'ap-1',
    agreedOn: '2025-02-05',
    employmentPlanId: 'ep-1',
    services: [{ serviceType: 'rehabilitative_work_activity' }],
    kuty,
  },
  AgreeMultisectoralPlan: {
    agreedOn: '2025-03-01',
    services: [],
    followUp: 'Monthly',
    jobSearchObligation: 'None',
    kelaRehabilitationNeeded: false,
    approvedByOrganisations: [org('hyvaks-sote', 'wellbeing_county')],
    approvedByClient: true,
    kuty,
  },
  ReviewPlan: { planId: 'ap-1', reviewedOn: '2025-05-05', requestedByClient: false, outcome: 'Continue', kuty },
  MakeReferral: {
    referralId: 'ref-1',
    serviceType: 'rehabilitative_work_activity',
    to: org('provider-x', 'provider'),
    reason: 'Kuty',
    madeOn: '2025-02-06',
  },
  AcceptReferral: { referralId: 'ref-1', acceptedOn: '2025-02-10' },
  DeclineReferral: { referralId: 'ref-1', declinedOn: '2025-02-10', reason: 'No capacity' },
  WithdrawReferral: { referralId: 'ref-1', withdrawnOn: '2025-02-10', reason: 'Moved' },
  StartServicePeriod: {
    periodId: 'kuty-1',
    serviceType: 'rehabilitative_work_activity',
    provider: { ...org('provider-x', 'provider'), providerKind: 'association' },
    startDate: '2025-02-17',
    plannedEndDate: '2025-08-16',
    daysPerWeek: 3,
    hoursPerDay: 4,
    planId: 'ap-1',
    place: 'Setlementti',
    travelEuroPerDay: 5.6,
  },
  PauseServicePeriod: { periodId: 'kuty-1', pausedOn: '2025-04-01', reason: 'Illness' },
  ResumeServicePeriod: { periodId: 'kuty-1', resumedOn: '2025-04-15' },
  EndServicePeriod: { periodId: 'kuty-1', endDate: '2025-08-15', endReason: 'planned_end', continuation: 'work_trial' },
  ReportAttendance: { periodId: 'kuty-1', attendedDates: ['2025-02-17', '2025-02-18'], hoursPerDay: 4 },
  HoldGoalReview: {
    periodId: 'kuty-1',
    heldOn: '2025-05-12',
    participants: { client: true, ownInstructorId: 'i-1' },
    assessment: 'Going well',
  },
  ChangeServicePeriod: { periodId: 'kuty-1', changedOn: '2025-05-05', planId: 'ap-1', daysPerWeek: 4 },
  ReportAbsence: { periodId: 'kuty-1', absentDates: ['2025-02-19'], reason: 'illness' },
  NamePerson: {
    personId: 'o-1',
    personName: 'Maija Virtanen',
    role: 'responsible_officer',
    lead: true,
    namedOn: '2025-01-15',
    organisation: org('te-keski-suomi', 'employment_authority'),
  },
  ReleasePerson: { personId: 'o-1', role: 'responsible_officer', releasedOn: '2025-06-01' },
  DesignateLeadOfficer: { personId: 'o-2', designatedOn: '2025-06-01' },
};
const message = (type: string, data: unknown, extra: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  idempotencyKey: `k-${type}`,
  clientId: 'c-1',
  command: { type, data },
  ...extra,
});

async function ingestAccepts(value: unknown): Promise<true | string> {
  try {
    await parseCommandMessage(Buffer.from(JSON.stringify(value)));
    return true;
  } catch (error) {
    if (error instanceof MessageRejected) return `${error.type}: ${error.message}`;
    throw error;
  }
}
const schemaAccepts = (value: unknown): true | string => validate(value) || ajv.errorsText(validate.errors);

describe('the Kafka command message schema', () => {
  it('has one message definition per command the ingest knows, and only those', () => {
    const defined = (schema.oneOf as { $ref: string }[])
      .map((r) => r.$ref.replace('#/$defs/', '').replace(/Message$/, ''))
      .sort();
    expect(defined).toEqual([...COMMAND_TYPES].sort());
    expect(Object.keys(DATA).sort()).toEqual(defined);
  });

  it.each(Object.entries(DATA))('accepts a real %s message, as the ingest does', async (type, data) => {
    const value = message(
      type,
      data,
      type === 'MakeReferral' ? { actor: { personId: 'te-liisa', displayName: 'Liisa Korhonen' } } : {},
    );
    expect({ schema: schemaAccepts(value), ingest: await ingestAccepts(value) }).toEqual({
      schema: true,
      ingest: true,
    });
  });

  const broken: [string, unknown][] = [
    ['an unknown data field', message('AcceptReferral', { ...DATA.AcceptReferral, surplus: 1 })],
    ['a path id missing from data', message('AcceptReferral', { acceptedOn: '2025-02-10' })],
    ['a malformed id', message('AcceptReferral', { referralId: 'has space', acceptedOn: '2025-02-10' })],
    ['a null optional field', message('GiveConsent', { ...DATA.GiveConsent, validUntil: null })],
    ['an impossible date', message('ResumeServicePeriod', { periodId: 'kuty-1', resumedOn: '2025-02-30' })],
    ['a value outside its enum', message('EndTypRelationship', { endDate: '2025-12-31', reason: 'bored' })],
    [
      'a fraction where an integer belongs',
      message('StartServicePeriod', { ...DATA.StartServicePeriod, daysPerWeek: 2.5 }),
    ],
    [
      'an unknown nested field',
      message('StartTypRelationship', { startDate: '2025-01-15', parties: [{ ...org('kela', 'kela'), extra: true }] }),
    ],
    ['an unknown envelope field', message('ResumeServicePeriod', DATA.ResumeServicePeriod, { priority: 'high' })],
    ['another schema version', { ...message('ResumeServicePeriod', DATA.ResumeServicePeriod), schemaVersion: 2 }],
    [
      'an idempotency key with a space',
      { ...message('ResumeServicePeriod', DATA.ResumeServicePeriod), idempotencyKey: 'a b' },
    ],
    [
      'an actor with an unknown field',
      message('ResumeServicePeriod', DATA.ResumeServicePeriod, {
        actor: { personId: 'p', displayName: 'P', role: 'x' },
      }),
    ],
    ['an unknown command', message('DeleteEverything', {})],
  ];
  it.each(broken)('refuses %s, as the ingest does', async (_what, value) => {
    const results = { schema: schemaAccepts(value) === true, ingest: (await ingestAccepts(value)) === true };
    expect(results).toEqual({ schema: false, ingest: false });
  });
});
