import {
  accessCandidateIds,
  identityViewers,
  identityVisibility,
  idsNamedIn,
  NO_END,
  relationshipBases,
  relationshipHolders,
} from './index.js';
import { History, ORG } from '../test-support/index.js';
import type { ClientPathState } from '../client-path/index.js';

const withInstructor = () =>
  new History()
    .registered()
    .typStarted()
    .referral()
    .referralAccepted()
    .periodStarted({ periodId: 'p1' })
    .add(
      'OwnInstructorAssigned',
      { periodId: 'p1', instructorId: 'instr-1', instructorName: 'I', assignedOn: '2025-01-20' },
      'association',
    );

const HISTORIES: Record<string, () => History> = {
  'registered only': () => new History().registered(),
  'TYP started': () => new History().registered().typStarted(),
  'TYP ended': () => new History().registered().typStarted().typEnded('2025-06-01'),
  'open referral': () => new History().registered().typStarted().referral(),
  'declined referral': () => new History().registered().typStarted().referral().referralDeclined(),
  'Kela officer named': () => new History().registered().officerAssigned('officer-x', '2025-01-05', 'kela'),
  'own instructor on a running period': withInstructor,
  'period ended': () => withInstructor().periodEnded('p1', '2025-06-01'),
  'people named per organisation and role, one released': () =>
    new History()
      .registered()
      .typStarted()
      .personNamed('worker-1', 'named_worker', '2025-01-05', 'county')
      .personNamed('officer-9', 'responsible_officer', '2025-01-06', 'kela')
      .personReleased('officer-9', 'responsible_officer', '2025-03-01', 'kela'),
  'kuty people on a running period': () =>
    new History()
      .registered()
      .typStarted()
      .referral()
      .referralAccepted()
      .periodStarted({ periodId: 'period-1' })
      .kutyPeople('period-1'),
  'consent to Kela until a date': () =>
    new History()
      .registered()
      .typStarted()
      .add('ConsentGiven', {
        consentId: 'c1',
        scope: { organisationIds: [ORG.kela.organisationId], dataKinds: ['identity'] },
        validUntil: '2025-12-31',
      }),
  'two consents, one running longer': () =>
    new History()
      .registered()
      .typStarted()
      .add('ConsentGiven', {
        consentId: 'c1',
        scope: { organisationIds: [], dataKinds: ['identity'] },
        validUntil: '2025-06-30',
      })
      .add('ConsentGiven', {
        consentId: 'c2',
        scope: { organisationIds: [ORG.county.organisationId], dataKinds: ['identity', 'plans'] },
        validUntil: '2026-03-31',
      }),
  'a paused period, a referral to a stranger, a limited consent': () =>
    new History()
      .registered()
      .typStarted()
      .referral()
      .referralAccepted()
      .periodStarted({ periodId: 'p1' })
      .periodPaused('p1', '2025-03-01')
      .referral({ referralId: 'referral-2', to: { organisationId: 'org-far', organisationType: 'provider' } })
      .add('ConsentGiven', { consentId: 'c1', scope: { organisationIds: [], dataKinds: ['identity'] } })
      .add('ConsentLimited', {
        consentId: 'c1',
        scope: { organisationIds: ['org-far', 'org-named-by-consent-only'], dataKinds: ['identity', 'plans'] },
      }),
  'an accepted referral whose period ended, and a new one running': () =>
    withInstructor()
      .periodEnded('p1', '2025-06-01')
      .referral({ referralId: 'referral-2', madeOn: '2025-06-02' })
      .referralAccepted('referral-2', '2025-06-03')
      .periodStarted({ periodId: 'p2', referralId: 'referral-2' }, 'association')
      .personNamed('worker-2', 'named_worker', '2025-06-04', 'county'),
  'consent withdrawn': () =>
    new History()
      .registered()
      .typStarted()
      .add('ConsentGiven', { consentId: 'c1', scope: { organisationIds: [], dataKinds: ['identity'] } })
      .add('ConsentWithdrawn', { consentId: 'c1' }),
};

const STRANGERS = ['stranger-org', 'stranger-person'];
const universe = (state: ClientPathState) => [
  ...idsNamedIn(state),
  ...STRANGERS,
  ...Object.values(ORG).map((o) => o.organisationId),
];

describe('relationship holders: relationshipBases seen from the client', () => {
  it.each(Object.keys(HISTORIES))('%s: a subject has a relationship exactly when a holder matches it', (name) => {
    const state = HISTORIES[name]!().state();
    const holders = relationshipHolders(state);
    const ids = universe(state);
    for (const personId of ids) {
      for (const organisationId of ids) {
        const allowed = relationshipBases(state, { personId, organisationId }).length > 0;
        const held = holders.some(
          (h) => (h.organisationId ?? organisationId) === organisationId && (h.personId ?? personId) === personId,
        );
        expect({ personId, organisationId, held }).toEqual({ personId, organisationId, held: allowed });
      }
    }
  });

  it('names the registering organisation, the TYP parties and the named people, in a fixed (sorted) order', () => {
    expect(
      relationshipHolders(
        new History().registered().typStarted().officerAssigned('officer-x', '2025-01-05', 'kela').state(),
      ),
    ).toEqual([
      { organisationId: ORG.county.organisationId, personId: null },
      { organisationId: ORG.kela.organisationId, personId: null },
      { organisationId: ORG.employment.organisationId, personId: null },
      { organisationId: null, personId: 'officer-x' },
    ]);
  });

  it('names nobody for a client with no history', () => expect(relationshipHolders(new History().state())).toEqual([]));

  it('asks about every id the state names, also as the keys of a map of records and not every date', () => {
    const state = {
      ...new History().registered().state(),
      namedPeople: { 'org-z': { lead: { personId: 'p-z', since: '2025-01-01' } } },
    };
    expect(idsNamedIn(state)).toEqual(expect.arrayContaining([ORG.employment.organisationId, 'org-z', 'lead', 'p-z']));
    expect(idsNamedIn(state)).not.toContain('2025-01-01');
  });
});

describe('identity viewers: identityVisibility over time', () => {
  const DAYS = [
    '2024-01-01',
    '2025-06-30',
    '2025-07-01',
    '2025-12-31',
    '2026-01-01',
    '2026-03-31',
    '2026-04-01',
    '9999-12-31',
  ];

  it.each(Object.keys(HISTORIES))(
    '%s: an organisation sees the identity on a day exactly when a viewer row runs to it',
    (name) => {
      const state = HISTORIES[name]!().state();
      const viewers = identityViewers(state);
      for (const organisationId of universe(state)) {
        for (const day of DAYS) {
          const visible = identityVisibility(state, { organisationId, role: 'officer' }, day) !== null;
          const listed = viewers.some((v) => v.organisationId === organisationId && v.until >= day);
          expect({ organisationId, day, listed }).toEqual({ organisationId, day, listed: visible });
        }
      }
    },
  );

  it('the registering organisation sees it with no end; a consent ends with its last valid day', () => {
    const state = HISTORIES['two consents, one running longer']!().state();
    expect(identityViewers(state)).toEqual(
      expect.arrayContaining([
        { organisationId: ORG.employment.organisationId, until: NO_END },
        { organisationId: ORG.county.organisationId, until: '2026-03-31' }, // c1 ends 2025-06-30, c2 runs on
        { organisationId: ORG.kela.organisationId, until: '2025-06-30' },
      ]),
    );
    expect(identityViewers(state)).toHaveLength(3);
  });

  it('a withdrawn consent shows nothing to the other parties', () =>
    expect(identityViewers(HISTORIES['consent withdrawn']!().state())).toEqual([
      { organisationId: ORG.employment.organisationId, until: NO_END },
    ]));
});

describe('the candidates the search row asks about: accessCandidateIds', () => {
  it.each(Object.keys(HISTORIES))('%s: asking only them gives the same holders and viewers', (name) => {
    const state = HISTORIES[name]!().state();
    const candidates = accessCandidateIds(state);
    expect(relationshipHolders(state, candidates)).toEqual(relationshipHolders(state));
    expect(identityViewers(state, candidates)).toEqual(identityViewers(state));
    expect(idsNamedIn(state)).toEqual(expect.arrayContaining(candidates));
  });

  it('are a handful, where the state names many more ids', () => {
    const state = HISTORIES['own instructor on a running period']!().state();
    expect(accessCandidateIds(state).length).toBeLessThan(idsNamedIn(state).length);
  });

  it('an empty id among them (a probe with nobody could match it): every id the state names is asked', () => {
    const base = new History().registered().typStarted().personNamed('worker-1', 'named_worker', '2025-01-05').state();
    const state = { ...base, people: [...base.people, { ...base.people[0]!, personId: '' }] };
    expect(accessCandidateIds(state)).toEqual(idsNamedIn(state));
    expect(relationshipHolders(state, accessCandidateIds(state))).toEqual(relationshipHolders(state));
  });
});
