import {
  bodyOf,
  type CommandForm,
  formFieldOf,
  organisationChoices,
  organisationFieldOf,
  organisationMatches,
  pickedOrganisationValues,
} from './command-model';

/** A plan with a list of services (rows) and a list of organisations (organisation rows). */
const plan: CommandForm = {
  operationId: 'AgreeMultisectoralPlan',
  path: '/clients/{clientId}/plans/multisectoral',
  pathParams: [],
  fields: [
    { name: 'followUp', kind: 'text', required: true },
    {
      name: 'services',
      kind: 'rows',
      required: true,
      fields: [
        { name: 'serviceType', kind: 'text', required: true },
        { name: 'description', kind: 'longText', required: false },
      ],
    },
    {
      name: 'approvedByOrganisations',
      kind: 'rows',
      item: 'organisation',
      required: true,
      fields: [
        { name: 'organisationId', kind: 'text', required: true },
        { name: 'organisationType', kind: 'enum', required: true, values: ['kela'] },
      ],
    },
  ],
};

describe('a command form with rows (lists of objects)', () => {
  it('sends each row as an object, leaving out its empty optional fields', () => {
    const body = bodyOf(plan, {
      followUp: 'Monthly',
      services: [
        { serviceType: 'rehabilitative_work_activity', description: '' },
        { serviceType: 'x', description: 'y' },
      ],
      approvedByOrganisations: [],
    });
    expect(body).toEqual({
      followUp: 'Monthly',
      services: [{ serviceType: 'rehabilitative_work_activity' }, { serviceType: 'x', description: 'y' }],
      approvedByOrganisations: [],
    });
  });

  it("places a refusal pointing into a row beside that row's field, or beside the row when it is one choice", () => {
    expect(formFieldOf('data.services[1].serviceType', plan)).toBe('services[1].serviceType');
    expect(formFieldOf('services[0].description', plan)).toBe('services[0].description');
    expect(formFieldOf('data.approvedByOrganisations[1].organisationType', plan)).toBe('approvedByOrganisations[1]');
    expect(formFieldOf('data.approvedByOrganisations', plan)).toBe('approvedByOrganisations');
    expect(formFieldOf('data.followUp', plan)).toBe('followUp');
  });
});

describe('organisation fields filled from the directory', () => {
  const referral = [
    { name: 'to.organisationId', kind: 'text' as const },
    { name: 'to.organisationType', kind: 'enum' as const },
    { name: 'reason', kind: 'text' as const },
  ];
  const valo = { organisationId: 'valo-ry', organisationType: 'provider', name: 'Valo ry' };

  it('knows which fields name an organisation and which ask for a provider', () => {
    expect(organisationFieldOf({ name: 'to.organisationId', kind: 'text' })).toEqual({
      prefix: 'to.',
      type: undefined,
    });
    expect(organisationFieldOf({ name: 'provider.organisationId', kind: 'text' })).toEqual({
      prefix: 'provider.',
      type: 'provider',
    });
    expect(organisationFieldOf({ name: 'kuty.providerId', kind: 'text' })).toEqual({
      prefix: undefined,
      type: 'provider',
    });
    expect(organisationFieldOf({ name: 'organisationId', kind: 'text' })).toEqual({ prefix: '', type: undefined });
    expect(organisationFieldOf({ name: 'reason', kind: 'text' })).toBeUndefined();
    expect(organisationFieldOf({ name: 'to.organisationType', kind: 'enum' })).toBeUndefined();
  });

  it('fills the id, and the type and name where the form has them', () => {
    expect(pickedOrganisationValues(referral, referral[0]!, valo)).toEqual({
      'to.organisationId': 'valo-ry',
      'to.organisationType': 'provider',
    });
    const period = [
      ...referral.map((f) => ({ ...f, name: f.name.replace('to.', 'provider.') })),
      { name: 'provider.name', kind: 'text' as const },
    ];
    expect(pickedOrganisationValues(period, period[0]!, valo)).toEqual({
      'provider.organisationId': 'valo-ry',
      'provider.organisationType': 'provider',
      'provider.name': 'Valo ry',
    });
    expect(pickedOrganisationValues(referral, referral[0]!, undefined)).toEqual({ 'to.organisationId': '' });
    expect(
      pickedOrganisationValues(
        [{ name: 'kuty.providerId', kind: 'text' }],
        { name: 'kuty.providerId', kind: 'text' },
        valo,
      ),
    ).toEqual({
      'kuty.providerId': 'valo-ry',
    });
  });

  it('matches a name or id fragment with accents and case folded', () => {
    expect(organisationMatches(valo, 'valo-r')).toBe(true);
    expect(
      organisationMatches({ organisationId: 'p', organisationType: 'provider', name: 'Äänekosken Pajat' }, 'aanekosk'),
    ).toBe(true);
    expect(organisationMatches(valo, 'pajat')).toBe(false);
    expect(organisationMatches(valo, '')).toBe(true);
  });

  it("offers the client's own organisations first, then the directory's, each once, of the asked type", () => {
    const te = { organisationId: 'te', organisationType: 'employment_authority' };
    const pajat = { organisationId: 'pajat', organisationType: 'provider', name: 'Pajat' };
    const choices = organisationChoices([te, valo], [pajat, valo, te]);
    expect(choices.map((c) => [c.organisation.organisationId, c.onPath])).toEqual([
      ['te', true],
      ['valo-ry', true],
      ['pajat', false],
    ]);
    expect(
      organisationChoices([te, valo], [pajat, valo], 'provider').map((c) => c.organisation.organisationId),
    ).toEqual(['valo-ry', 'pajat']);
    // both matched as the API matches the directory: name or id, accents and case folded
    const valon = { ...pajat, organisationId: 'valon-pajat' };
    expect(
      organisationChoices([te, valo], [pajat, valon], undefined, 'VALO').map((c) => c.organisation.organisationId),
    ).toEqual(['valo-ry', 'valon-pajat']);
    expect(organisationChoices([{ ...te, name: 'Työllisyysalue' }], [], undefined, 'tyoll')).toHaveLength(1);
  });
});
