import { initialState } from '../client-path/index.js';
import { NotFoundInStreamError } from '../errors.js';
import { addDays } from '../time/index.js';
import { decide, type ClientCommand } from './index.js';
import { contextOf, kutyRunning, ORG, periodData, TODAY, violation, type OrgKey } from '../test-support/index.js';

// Facts cannot be dated after ctx.today; a client must be registered before anything else.
const TOMORROW = addDays(TODAY, 1);

const dated: [string, OrgKey, (on: string) => ClientCommand][] = [
  [
    'RegisterClient',
    'employment',
    (on) => ({ type: 'RegisterClient', data: { fullName: 'X', birthDate: on, municipality: 'Pori' } }),
  ],
  [
    'AgreeEmploymentPlan',
    'employment',
    (on) => ({ type: 'AgreeEmploymentPlan', data: { agreedOn: on, services: [], jobSearchObligation: 'x' } }),
  ],
  [
    'EndTypRelationship',
    'employment',
    (on) => ({ type: 'EndTypRelationship', data: { endDate: on, reason: 'employment' } }),
  ],
  [
    'ReviewPlan',
    'county',
    (on) => ({
      type: 'ReviewPlan',
      data: { planId: 'activation-1', reviewedOn: on, requestedByClient: false, outcome: 'x' },
    }),
  ],
  [
    'MakeReferral',
    'county',
    (on) => ({
      type: 'MakeReferral',
      data: { serviceType: 'work_trial', to: ORG.employment, reason: 'x', madeOn: on },
    }),
  ],
  [
    'ReportAttendance',
    'association',
    (on) => ({ type: 'ReportAttendance', data: { periodId: 'period-1', attendedDates: [on], hoursPerDay: 6 } }),
  ],
  [
    'EndServicePeriod',
    'association',
    (on) => ({
      type: 'EndServicePeriod',
      data: { periodId: 'period-1', endDate: on, endReason: 'planned_end', continuation: 'none' },
    }),
  ],
  [
    'NamePerson',
    'employment',
    (on) => ({
      type: 'NamePerson',
      data: { personId: 'o', personName: 'O', role: 'responsible_officer', namedOn: on },
    }),
  ],
  [
    'ReportAbsence',
    'association',
    (on) => ({ type: 'ReportAbsence', data: { periodId: 'period-1', absentDates: [on], reason: 'illness' } }),
  ],
];

describe('dates after today are refused (date.in_future)', () => {
  // RegisterClient needs an empty history; the rest run on a client with a running kuty period.
  const stateFor = (name: string) => (name === 'RegisterClient' ? initialState() : kutyRunning().state());
  it.each(dated)('%s allows today', (name, org, cmd) => {
    // Today (2026-06-30) is a Tuesday, within the kuty period's 24 months.
    expect(decide(cmd(TODAY), stateFor(name), contextOf(org))).toHaveLength(1);
  });
  it.each(dated)('%s refuses tomorrow', (name, org, cmd) => {
    const e = violation(() => decide(cmd(TOMORROW), stateFor(name), contextOf(org)));
    expect(e.rule).toBe('date.in_future');
  });
  it('refuses a period starting tomorrow', () => {
    const e = violation(() =>
      decide(
        { type: 'StartServicePeriod', data: periodData({ periodId: 'p2', startDate: TOMORROW }) },
        kutyRunning().state(),
        contextOf('county'),
      ),
    );
    expect(e).toMatchObject({ rule: 'date.in_future', field: 'data.startDate' });
  });
  it('judges "future" by ctx.today, not by the clock', () => {
    const cmd = dated[0][2]('2030-01-01');
    expect(decide(cmd, initialState(), contextOf('employment', { today: '2030-01-01' }))).toHaveLength(1);
  });
});

describe('the client must be registered', () => {
  it('throws NotFoundInStreamError for any command on an unregistered client', () => {
    const cmd: ClientCommand = {
      type: 'AgreeEmploymentPlan',
      data: { agreedOn: '2025-01-01', services: [], jobSearchObligation: 'x' },
    };
    expect(() => decide(cmd, initialState(), contextOf('employment'))).toThrow(NotFoundInStreamError);
  });
  it('registers a new client', () => {
    const drafts = decide(dated[0][2]('1990-01-01'), initialState(), contextOf('employment'));
    expect(drafts).toEqual([
      {
        type: 'ClientRegistered',
        occurredAt: TODAY,
        data: { fullName: 'X', birthDate: '1990-01-01', municipality: 'Pori' },
      },
    ]);
  });
  it('refuses registering a client twice', () =>
    expect(
      violation(() => decide(dated[0][2]('1990-01-01'), kutyRunning().state(), contextOf('employment'))).rule,
    ).toBe('client.already_registered'));
  it('throws NotFoundInStreamError for an unknown period', () =>
    expect(() =>
      decide(
        { type: 'PauseServicePeriod', data: { periodId: 'ghost', pausedOn: '2025-02-01', reason: 'x' } },
        kutyRunning().state(),
        contextOf('association'),
      ),
    ).toThrow(NotFoundInStreamError));
});
