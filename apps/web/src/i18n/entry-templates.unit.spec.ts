import i18next from 'i18next';
import { ERASED, EVENT_TYPES } from '../../../../libs/events/index.js';
import type { TimelineEntry } from '../api/gaps';
import { describeEntry } from '../views/entry-words';
import { commandWords } from './command-labels';
import { en } from './en';
import { ENTRY_TEMPLATES, entryWords } from './entry-templates';
import { fi } from './fi';
import { sv } from './sv';

const languages = ['fi', 'sv', 'en'] as const;

/** An entry as the API answers it; only the type and the data matter here. */
const entry = (type: string, data: Record<string, unknown>, summary = `${type} (English)`): TimelineEntry => ({
  position: '1',
  eventId: 'e1',
  type,
  occurredAt: '2025-02-17',
  recordedAt: '2025-02-17T10:00:00Z',
  organisationId: 'te-keski-suomi',
  organisationType: 'employment_authority',
  author: { personId: 'p1', displayName: 'Liisa Korhonen' },
  summary,
  data,
});

async function translator(lng: 'fi' | 'sv' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: {
      [lng]: {
        translation: { fi, sv, en }[lng],
        commands: commandWords(lng),
        entries: entryWords(lng),
      },
    },
    ns: ['translation', 'commands', 'entries'],
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe('the timeline entries’ words', () => {
  it('have a template for every event type of the published contract, in Finnish, Swedish and English', () => {
    const has = (type: string) => [type, `${type}_other`].some((k) => languages.every((l) => ENTRY_TEMPLATES[k]?.[l]));
    expect(EVENT_TYPES.length).toBeGreaterThan(30);
    expect(EVENT_TYPES.filter((type) => !has(type))).toEqual([]);
  });

  it('have every plural and variant in all three languages', () => {
    const incomplete = Object.entries(ENTRY_TEMPLATES).filter(([, m]) => !languages.every((l) => m[l]));
    expect(incomplete).toEqual([]);
  });

  it('describe an entry in Finnish from its type and data', async () => {
    const t = await translator('fi');
    const names = new Map([['provider-jyvaskyla-settlement', 'Jyväskylän Setlementti']]);
    expect(
      describeEntry(
        entry('ServicePeriodStarted', {
          serviceType: 'rehabilitative_work_activity',
          provider: { organisationId: 'provider-jyvaskyla-settlement', providerKind: 'association' },
        }),
        t,
        names,
      ),
    ).toBe('Palvelujakso alkoi: kuntouttava työtoiminta, Jyväskylän Setlementti');
    expect(describeEntry(entry('WorkAbilityAssessmentRecorded', { tool: 'kykyviisari' }), t, names)).toBe(
      'Työkyvyn arviointi: Kykyviisari',
    );
    expect(
      describeEntry(
        entry('ServicePeriodEnded', { endReason: 'employment_with_pay_subsidy', continuation: 'pay_subsidised_work' }),
        t,
        names,
      ),
    ).toBe('Jakso päättyi: työllistyminen palkkatuella; jatkopolku: palkkatuettu työ');
    expect(describeEntry(entry('AbsenceReported', { absentDates: ['2025-03-03'], reason: 'illness' }), t, names)).toBe(
      '1 poissaolopäivä ilmoitettu (sairaus)',
    );
    expect(describeEntry(entry('PlanReviewed', { requestedByClient: true }), t, names)).toBe(
      'Suunnitelma tarkistettu asiakkaan pyynnöstä',
    );
  });

  it('says the same in Swedish and English', async () => {
    const data = { serviceType: 'work_trial', to: { organisationId: 'x', name: 'Paja Oy' } };
    expect(describeEntry(entry('ReferralMade', data), await translator('sv'), new Map())).toBe(
      'Hänvisning till arbetsprövning hos Paja Oy',
    );
    expect(describeEntry(entry('ReferralMade', data), await translator('en'), new Map())).toBe(
      'Referral to work trial at Paja Oy',
    );
    expect(describeEntry(entry('GoalReviewHeld', { endAssessment: true }), await translator('en'), new Map())).toBe(
      'End assessment held',
    );
  });

  it('names no event type the contract no longer has', () => {
    const types = new Set<string>(EVENT_TYPES);
    const stale = Object.keys(ENTRY_TEMPLATES).filter((k) => /^[A-Z]/.test(k) && !types.has(k.split('_')[0]));
    expect(stale).toEqual([]);
  });

  it("says an erased personal value in the reader's language", async () => {
    const named = entry('PersonNamed', { role: 'responsible_officer', personName: ERASED }); // as libs/events erases it
    expect(describeEntry(named, await translator('fi'), new Map())).toBe('Vastuuvirkailija nimetty: [poistettu]');
  });

  it("keeps the API's summary for a type it does not know", async () => {
    const t = await translator('fi');
    expect(describeEntry(entry('SomethingNew', {}, 'Something new happened'), t, new Map())).toBe(
      'Something new happened',
    );
  });
});
