import {
  bodyOf,
  type CommandForm,
  formFieldOf,
  initialValues,
  organisationChoices,
  organisationFieldOf,
  organisationListRows,
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

/** A consent: its scope names organisations by id, each chosen from the directory. */
const consent: CommandForm = {
  operationId: 'GiveConsent',
  path: '/clients/{clientId}/consents',
  pathParams: [],
  fields: [
    { name: 'scope.organisationIds', kind: 'list', item: 'organisationId', required: true },
    { name: 'scope.dataKinds', kind: 'list', item: 'enum', values: ['plans'], required: true },
    { name: 'validUntil', kind: 'date', required: false },
  ],
};

describe("a list of organisations' ids (a consent's scope), each chosen from the directory", () => {
  const [organisationIds, dataKinds] = consent.fields;

  it('is shown as organisation rows of one id each; other lists are not', () => {
    expect(organisationListRows(organisationIds!)).toMatchObject({
      name: 'scope.organisationIds',
      kind: 'rows',
      item: 'organisation',
      fields: [{ name: 'organisationId', kind: 'text', required: true }],
    });
    expect(organisationListRows(dataKinds!)).toBeUndefined();
  });

  it('starts with none chosen, and sends none as an empty list (every TYP party)', () => {
    const values = initialValues(consent, '2026-12-06');
    expect(values['scope.organisationIds']).toEqual([]);
    expect(bodyOf(consent, { ...values, 'scope.dataKinds': ['plans'] })).toEqual({
      scope: { organisationIds: [], dataKinds: ['plans'] },
    });
  });

  it('sends the chosen ids in their order, leaving out a row left empty', () => {
    const rows = [{ organisationId: 'kela' }, { organisationId: ' ' }, { organisationId: 'hva-keski-suomi' }];
    expect(bodyOf(consent, { 'scope.organisationIds': rows, 'scope.dataKinds': ['plans'] })).toEqual({
      scope: { organisationIds: ['kela', 'hva-keski-suomi'], dataKinds: ['plans'] },
    });
  });

  it("places a refusal of one id beside that row's choice, and one of the list beside the list", () => {
    expect(formFieldOf('data.scope.organisationIds[1]', consent)).toBe('scope.organisationIds[1]');
    expect(formFieldOf('data.scope.organisationIds', consent)).toBe('scope.organisationIds');
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
