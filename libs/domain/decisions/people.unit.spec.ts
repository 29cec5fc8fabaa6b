import type { PersonRole } from '../../events/index.js';
import type { ClientPathState } from '../client-path/index.js';
import { decide, peopleOn, type ClientCommand } from './index.js';
import { contextOf, decideAndFold, History, kutyRunning, ORG, violation, type OrgKey } from '../test-support/index.js';

// Each organisation names its own people on a client, each in a role; naming one never ends another's.
const name = (
  personId: string,
  role: PersonRole,
  namedOn: string,
  extra: { lead?: boolean; periodId?: string } = {},
): ClientCommand => ({
  type: 'NamePerson',
  data: { personId, personName: `Person ${personId}`, role, namedOn, ...extra },
});
const release = (personId: string, role: PersonRole, releasedOn: string): ClientCommand => ({
  type: 'ReleasePerson',
  data: { personId, role, releasedOn, reason: 'Moved to other duties' },
});
const as = (org: OrgKey) => contextOf(org);
const ruleOf = (cmd: ClientCommand, s: ClientPathState, org: OrgKey = 'employment') =>
  violation(() => decide(cmd, s, as(org))).rule;
const registered = () => new History().registered().state();
/** The TYP officer (lead) of the employment area and the county's named worker. */
const threeOrgs = () => {
  let s = decideAndFold(
    name('liisa', 'responsible_officer', '2025-01-05', { lead: true }),
    kutyRunning().state(),
    as('employment'),
  );
  s = decideAndFold(name('mikko', 'named_worker', '2025-01-06'), s, as('county'));
  return decideAndFold(name('pekka', 'own_instructor', '2025-01-15', { periodId: 'period-1' }), s, as('association'));
};

describe('naming people on a client', () => {
  it("names the responsible officer of the caller's organisation, as the lead", () => {
    const s = decideAndFold(
      name('liisa', 'responsible_officer', '2025-01-05', { lead: true }),
      registered(),
      as('employment'),
    );
    expect(s.people).toEqual([
      {
        personId: 'liisa',
        personName: 'Person liisa',
        organisation: ORG.employment,
        role: 'responsible_officer',
        from: '2025-01-05',
      },
    ]);
    expect(s.leadOfficerId).toBe('liisa');
  });
  it('keeps the employment officer when the county names its social worker', () => {
    const s = threeOrgs();
    expect(s.people.map((p) => [p.personId, p.organisation.organisationId, p.role])).toEqual([
      ['liisa', ORG.employment.organisationId, 'responsible_officer'],
      ['mikko', ORG.county.organisationId, 'named_worker'],
      ['pekka', ORG.association.organisationId, 'own_instructor'],
    ]);
    expect(s.leadOfficerId).toBe('liisa');
  });
  it("names an own instructor on a period, in the period's provider", () =>
    expect(threeOrgs().people[2]).toMatchObject({
      periodId: 'period-1',
      organisation: { organisationId: ORG.association.organisationId },
    }));
  it('refuses an own instructor without a period', () =>
    expect(ruleOf(name('pekka', 'own_instructor', '2025-02-01'), kutyRunning().state(), 'association')).toBe(
      'person.period_required',
    ));
  it('refuses an own instructor of another organisation than the provider', () =>
    expect(
      ruleOf(
        {
          type: 'NamePerson',
          data: {
            personId: 'x',
            personName: 'X',
            role: 'own_instructor',
            periodId: 'period-1',
            namedOn: '2025-02-01',
            organisation: ORG.county,
          },
        },
        kutyRunning().state(),
        'county',
      ),
    ).toBe('person.own_instructor_of_provider'));
  it('refuses an own instructor for an ended period', () =>
    expect(
      ruleOf(
        name('pekka', 'own_instructor', '2025-02-01', { periodId: 'period-1' }),
        kutyRunning().periodEnded('period-1', '2025-01-31').state(),
        'association',
      ),
    ).toBe('service_period.ended'));
  it('refuses an own instructor named before the period starts', () =>
    expect(
      ruleOf(
        name('pekka', 'own_instructor', '2025-01-14', { periodId: 'period-1' }),
        kutyRunning().state(),
        'association',
      ),
    ).toBe('service_period.date_before_start'));
  it("allows an own instructor named on the period's first day", () =>
    expect(
      decide(
        name('pekka', 'own_instructor', '2025-01-15', { periodId: 'period-1' }),
        kutyRunning().state(),
        as('association'),
      ),
    ).toHaveLength(1));
  it('refuses a period on a role other than own instructor', () =>
    expect(
      ruleOf(name('liisa', 'responsible_officer', '2025-02-01', { periodId: 'period-1' }), kutyRunning().state()),
    ).toBe('person.period_only_for_instructor'));
  it('refuses an own instructor as the lead', () =>
    expect(
      ruleOf(
        name('pekka', 'own_instructor', '2025-02-01', { periodId: 'period-1', lead: true }),
        kutyRunning().state(),
        'association',
      ),
    ).toBe('person.lead_role'));
  it('refuses naming the same person in the same role twice', () =>
    expect(ruleOf(name('liisa', 'responsible_officer', '2025-02-01'), threeOrgs())).toBe('person.already_named'));
  it('allows the same person in another role', () =>
    expect(decide(name('liisa', 'named_worker', '2025-02-01'), threeOrgs(), as('employment'))).toHaveLength(1));
  it("ends the own instructor's naming with the period", () => {
    const ended = decideAndFold(
      {
        type: 'EndServicePeriod',
        data: { periodId: 'period-1', endDate: '2025-03-01', endReason: 'planned_end', continuation: 'none' },
      },
      threeOrgs(),
      as('association'),
    );
    expect(ended.people.map((p) => p.personId)).toEqual(['liisa', 'mikko']);
    expect(ended.peopleHistory.find((p) => p.personId === 'pekka')?.to).toBe('2025-03-01');
  });
});

describe('releasing a named person', () => {
  it('releases one person and keeps the others', () => {
    const s = decideAndFold(release('mikko', 'named_worker', '2025-04-01'), threeOrgs(), as('county'));
    expect(s.people.map((p) => p.personId)).toEqual(['liisa', 'pekka']);
    expect(s.peopleHistory.find((p) => p.personId === 'mikko')?.to).toBe('2025-04-01');
  });
  it('clears the lead when the lead is released', () =>
    expect(
      decideAndFold(release('liisa', 'responsible_officer', '2025-04-01'), threeOrgs(), as('employment')).leadOfficerId,
    ).toBeNull());
  it('refuses a release by another organisation than the one that named the person', () =>
    expect(ruleOf(release('mikko', 'named_worker', '2025-04-01'), threeOrgs(), 'employment')).toBe(
      'person.release_by_own_organisation',
    ));
  it('refuses releasing someone not named in that role', () =>
    expect(ruleOf(release('mikko', 'responsible_officer', '2025-04-01'), threeOrgs(), 'county')).toBe(
      'person.not_named',
    ));
  it('refuses a release dated before the naming', () =>
    expect(ruleOf(release('mikko', 'named_worker', '2025-01-05'), threeOrgs(), 'county')).toBe(
      'person.release_before_naming',
    ));
  it('allows a release on the naming day', () =>
    expect(decide(release('mikko', 'named_worker', '2025-01-06'), threeOrgs(), as('county'))).toHaveLength(1));
});

describe('the lead responsible officer (asiakasvastaava)', () => {
  const lead = (personId: string): ClientCommand => ({
    type: 'DesignateLeadOfficer',
    data: { personId, designatedOn: '2025-05-01' },
  });
  it('moves the lead to the named worker without ending anyone', () => {
    const s = decideAndFold(lead('mikko'), threeOrgs(), as('county'));
    expect(s.leadOfficerId).toBe('mikko');
    expect(s.people).toHaveLength(3);
  });
  it('refuses a lead who is not named', () => expect(ruleOf(lead('ghost'), threeOrgs())).toBe('person.lead_not_named'));
  it('refuses the own instructor as the lead', () =>
    expect(ruleOf(lead('pekka'), threeOrgs())).toBe('person.lead_not_named'));
  it('refuses designating the current lead again', () =>
    expect(ruleOf(lead('liisa'), threeOrgs())).toBe('person.already_lead'));
});

describe('people on record on a date', () => {
  it('has a person from the naming day to the release day, not after', () => {
    const s = decideAndFold(release('mikko', 'named_worker', '2025-04-01'), threeOrgs(), as('county'));
    expect(peopleOn(s, '2025-01-05').map((p) => p.personId)).toEqual(['liisa']);
    expect(peopleOn(s, '2025-04-01').map((p) => p.personId)).toContain('mikko');
    expect(peopleOn(s, '2025-04-02').map((p) => p.personId)).not.toContain('mikko');
  });
});

describe('legacy responsible-officer events still replay', () => {
  it("folds an old assignment as a lead naming that replaces the same organisation's officer only", () => {
    const s = new History()
      .registered()
      .officerAssigned('anna', '2025-01-05')
      .officerAssigned('kirsi', '2025-01-06', 'county')
      .officerAssigned('bertta', '2025-03-01')
      .state();
    expect(s.people.map((p) => [p.personId, p.role])).toEqual([
      ['kirsi', 'named_worker'],
      ['bertta', 'responsible_officer'],
    ]);
    expect(s.leadOfficerId).toBe('bertta');
    expect(s.peopleHistory.find((p) => p.personId === 'anna')?.to).toBe('2025-03-01');
  });
});
