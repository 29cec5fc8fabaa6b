import type { ClientPathState } from '../client-path/index.js';
import { decide, type ClientCommand } from './index.js';
import { contextOf, decideAndFold, History, kutyRunning, ORG, violation } from '../test-support/index.js';

// One named responsible officer at a time; a new assignment closes the previous one.
const assign = (officerId: string, assignedOn: string): ClientCommand =>
  ({ type: 'AssignResponsibleOfficer', data: { officerId, officerName: `Officer ${officerId}`, assignedOn } });
const release = (officerId: string, releasedOn: string): ClientCommand =>
  ({ type: 'ReleaseResponsibleOfficer', data: { officerId, releasedOn, reason: 'Moved to other duties' } });
const ctx = () => contextOf('employment');
const withA = () => decideAndFold(assign('anna', '2025-01-05'), new History().registered().state(), ctx());
const withAThenB = () => decideAndFold(assign('bertta', '2025-03-01'), withA(), ctx());
const ruleOf = (cmd: ClientCommand, s: ClientPathState) => violation(() => decide(cmd, s, ctx())).rule;

describe('assigning the responsible officer', () => {
  it('defaults the organisation to the actor', () => {
    expect(withA().responsibleOfficer).toEqual({ officerId: 'anna', officerName: 'Officer anna', organisation: ORG.employment, from: '2025-01-05' });
  });
  it('closes the first officer in officerHistory when a second is assigned', () => {
    const s = withAThenB();
    expect(s.responsibleOfficer?.officerId).toBe('bertta');
    expect(s.officerHistory.map(({ officerId, from, to }) => ({ officerId, from, to }))).toEqual([
      { officerId: 'anna', from: '2025-01-05', to: '2025-03-01' },
      { officerId: 'bertta', from: '2025-03-01', to: undefined },
    ]);
  });
  it('refuses assigning the current officer again', () => expect(ruleOf(assign('anna', '2025-02-01'), withA())).toBe('responsible_officer.already_assigned'));
  it('refuses an assignment dated before the current one', () =>
    expect(ruleOf(assign('bertta', '2025-01-04'), withA())).toBe('responsible_officer.before_current'));
  it('allows an assignment on the same day as the current one', () =>
    expect(decide(assign('bertta', '2025-01-05'), withA(), ctx())).toHaveLength(1));
});

describe('releasing the responsible officer', () => {
  it('refuses releasing an earlier officer who is no longer current', () =>
    expect(ruleOf(release('anna', '2025-04-01'), withAThenB())).toBe('responsible_officer.not_assigned'));
  it('refuses a release when nobody is assigned', () =>
    expect(ruleOf(release('anna', '2025-04-01'), new History().registered().state())).toBe('responsible_officer.not_assigned'));
  it('releases the current officer and closes the history', () => {
    const s = decideAndFold(release('bertta', '2025-04-01'), withAThenB(), ctx());
    expect(s.responsibleOfficer).toBeNull();
    expect(s.officerHistory.map((h) => h.to)).toEqual(['2025-03-01', '2025-04-01']);
  });
  it('refuses a release dated before the assignment', () =>
    expect(ruleOf(release('bertta', '2025-02-28'), withAThenB())).toBe('responsible_officer.release_before_assignment'));
  it('allows a release on the assignment day', () =>
    expect(decide(release('bertta', '2025-03-01'), withAThenB(), ctx())).toHaveLength(1));
});

describe('assigning the own instructor of a period', () => {
  const cmd: ClientCommand = { type: 'AssignOwnInstructor', data: { periodId: 'period-1', instructorId: 'i1', instructorName: 'Ilona', assignedOn: '2025-02-01' } };
  it('names the own instructor on an active period', () => {
    const s = decideAndFold(cmd, kutyRunning().state(), contextOf('association'));
    expect(s.periods['period-1'].ownInstructor).toEqual({ instructorId: 'i1', instructorName: 'Ilona', since: '2025-02-01' });
  });
  it('refuses an own instructor for an ended period', () =>
    expect(violation(() => decide(cmd, kutyRunning().periodEnded('period-1', '2025-01-31').state(), contextOf('association'))).rule)
      .toBe('service_period.ended'));
});
