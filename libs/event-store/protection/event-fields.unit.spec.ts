import { randomBytes } from 'node:crypto';
import { ERASED, type PolkuEvent, type RecordedEvent } from '../../events/index.js';
import { anEvent } from '../contract/builders.js';
import { PersonalDataDecryptionError } from './errors.js';
import { decryptEventInPlace, encryptEvent, holdsEncryptedData } from './event-fields.js';
import { isEncrypted } from './field-cipher.js';

const key = randomBytes(32);
const CLIENT = 'client-1';

const recorded = (event: PolkuEvent, position: bigint): RecordedEvent => ({
  ...event,
  streamVersion: position,
  globalPosition: position,
});

/** As the inner store hands it over: encrypted, and a fresh object owned by the reader. */
const stored = (type: string, data: unknown, position = 1n): RecordedEvent =>
  recorded(encryptEvent(anEvent(CLIENT, { type, data }), key), position);

const PLAN = {
  planId: 'ap-1',
  agreedOn: '2025-01-12',
  employmentPlanId: 'ep-1',
  services: [
    { serviceType: 'coaching', description: 'viikoittain' },
    { serviceType: 'kuty' },
    { serviceType: 'work_trial', description: 'Kirpputori' },
  ],
  kuty: {
    goal: 'Päivärytmi',
    description: 'Kirpputori',
    place: 'Setlementti',
    providerId: 'prov-1',
    providerKind: 'association',
    hoursPerDay: 4,
    daysPerWeek: 3,
    startDate: '2025-01-19',
    lengthMonths: 6,
    supportAndGuidance: 'Oma ohjaaja',
    otherServices: 'Ei muita',
    assessmentDate: '2025-07-15',
  },
};

describe('encryptEvent', () => {
  it("leaves the caller's event as it was (encryption works on a copy)", () => {
    const event = anEvent(CLIENT, { type: 'ActivationPlanAgreed', data: structuredClone(PLAN) });
    const before = structuredClone(event);
    const encrypted = encryptEvent(event, key);
    expect(event).toEqual(before);
    expect(isEncrypted((encrypted.data as typeof PLAN).kuty.goal)).toBe(true);
  });
});

describe('decryptEventInPlace', () => {
  it('decrypts array items and nested fields in the event itself, leaving the rest as it was', () => {
    const event = stored('ActivationPlanAgreed', PLAN);
    const { data } = event as { data: typeof PLAN };
    const services = data.services;
    expect(isEncrypted(services[0]!.description)).toBe(true);
    expect(isEncrypted(data.kuty.goal)).toBe(true);
    expect(data.kuty.place).toBe('Setlementti'); // not personal: never encrypted

    const envelope = { ...event };
    decryptEventInPlace(event, key);

    expect(event.data).toEqual(PLAN);
    expect(event.data).toBe(data); // the same objects, changed in place
    expect(data.services).toBe(services);
    expect({ ...event }).toEqual({ ...envelope, data: PLAN }); // the envelope is untouched
  });

  it('touches no other event', () => {
    const first = stored('ServiceNeedAssessmentRecorded', {
      assessmentId: 'a-1',
      assessedOn: '2025-01-06',
      needs: ['velka'],
      summary: 'Asuu yksin',
    });
    const second = stored(
      'PlanReviewed',
      { planId: 'p-1', reviewedOn: '2025-03-01', requestedByClient: false, outcome: 'Jatketaan' },
      2n,
    );
    const secondBefore = structuredClone(second);
    decryptEventInPlace(first, key);
    expect(first.data).toMatchObject({ needs: ['velka'], summary: 'Asuu yksin' });
    expect(second).toEqual(secondBefore);
    expect(holdsEncryptedData(second)).toBe(true);
  });

  it('skips absent optional fields and a missing nested object, inventing nothing', () => {
    const registered = stored('ClientRegistered', {
      fullName: 'Maija',
      birthDate: '1984-05-02',
      municipality: 'Jyväskylä',
    });
    decryptEventInPlace(registered, key);
    expect(registered.data).toEqual({ fullName: 'Maija', birthDate: '1984-05-02', municipality: 'Jyväskylä' });

    const plan = { planId: 'ap-2', agreedOn: '2025-01-12', employmentPlanId: 'ep-1', services: [] };
    const planEvent = stored('ActivationPlanAgreed', plan);
    decryptEventInPlace(planEvent, key);
    expect(planEvent.data).toEqual(plan);
  });

  it('passes values that are not encrypted unchanged (written before protection)', () => {
    const data = { assessmentId: 'a-1', assessedOn: '2025-01-06', needs: ['velka'], summary: 'Asuu yksin' };
    const plain = recorded(anEvent(CLIENT, { type: 'ServiceNeedAssessmentRecorded', data: structuredClone(data) }), 1n);
    decryptEventInPlace(plain, key);
    expect(plain.data).toEqual(data);

    const mixed = stored('ClientRegistered', { fullName: 'Maija', birthDate: '1984-05-02', municipality: 'Jyväskylä' });
    (mixed.data as { personalIdentityCode?: string }).personalIdentityCode = '020584-987X'; // plain, beside an encrypted one
    decryptEventInPlace(mixed, key);
    expect(mixed.data).toMatchObject({ fullName: 'Maija', personalIdentityCode: '020584-987X' });
  });

  it('reads strings as ERASED and string arrays as [ERASED] when the key is destroyed', () => {
    const assessment = stored('ServiceNeedAssessmentRecorded', {
      assessmentId: 'a-1',
      assessedOn: '2025-01-06',
      needs: ['velka', 'päihde'],
      summary: 'Asuu yksin',
    });
    decryptEventInPlace(assessment, null);
    expect(assessment.data).toEqual({
      assessmentId: 'a-1',
      assessedOn: '2025-01-06',
      needs: [ERASED],
      summary: ERASED,
    });

    const plan = stored('ActivationPlanAgreed', PLAN);
    decryptEventInPlace(plan, null);
    expect(plan.data).toMatchObject({
      services: [
        { serviceType: 'coaching', description: ERASED },
        { serviceType: 'kuty' },
        { serviceType: 'work_trial', description: ERASED },
      ],
      kuty: {
        goal: ERASED,
        description: ERASED,
        place: 'Setlementti',
        supportAndGuidance: ERASED,
        otherServices: ERASED,
      },
    });
  });

  it('names the event and the path of a tampered value', () => {
    const plan = stored('ActivationPlanAgreed', PLAN);
    const { kuty } = plan.data as typeof PLAN;
    kuty.goal = tampered(kuty.goal);
    const error = captured(() => decryptEventInPlace(plan, key));
    expect(error).toBeInstanceOf(PersonalDataDecryptionError);
    expect(error).toMatchObject({ eventId: plan.eventId, path: 'kuty.goal' });

    const item = stored('ActivationPlanAgreed', PLAN);
    (item.data as typeof PLAN).services[2]!.description = 'enc:v1:s:bm90IGEgY2lwaGVydGV4dCBhdCBhbGwsIHJlYWxseQ==';
    expect(captured(() => decryptEventInPlace(item, key))).toMatchObject({
      eventId: item.eventId,
      path: 'services[].description',
    });
  });

  it('fails on a value encrypted under another key', () => {
    const event = stored('PlanReviewed', {
      planId: 'p-1',
      reviewedOn: '2025-03-01',
      requestedByClient: false,
      outcome: 'Jatketaan',
    });
    expect(captured(() => decryptEventInPlace(event, randomBytes(32)))).toMatchObject({ path: 'outcome' });
  });
});

/** One base64 character of the payload changed: still well-formed, no longer authentic. */
const tampered = (value: string): string => `${value.slice(0, 20)}${value[20] === 'A' ? 'B' : 'A'}${value.slice(21)}`;

function captured(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}
