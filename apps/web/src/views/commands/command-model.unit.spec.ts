import { bodyOf, type CommandForm, formFieldOf } from './command-model';

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
