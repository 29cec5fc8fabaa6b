import { decide, type ClientCommand } from './index.js';
import { deadlinesOf, retentionEndsOn } from '../rules/index.js';
import { contextOf, History, violation } from '../test-support/index.js';

// TYP register data is deleted 4 years after the relationship ends (today in tests: 2026-06-30).
const erase: ClientCommand = { type: 'EraseClientData', data: { ground: 'typ_retention' } };
const endedOn = (date: string) => new History().registered().typStarted('2021-01-04').typEnded(date);

describe('erasure after retention', () => {
  it('erases when the relationship ended exactly 4 years ago', () =>
    expect(decide(erase, endedOn('2022-06-30').state(), contextOf('employment')))
      .toEqual([expect.objectContaining({ type: 'ClientDataErased', data: expect.objectContaining({ ground: 'typ_retention_4_years' }) })]));
  it('refuses one day before the 4 years have passed', () =>
    expect(violation(() => decide(erase, endedOn('2022-07-01').state(), contextOf('employment'))).rule).toBe('erasure.retention_not_passed'));
  it('refuses while the relationship is active', () =>
    expect(violation(() => decide(erase, new History().registered().typStarted().state(), contextOf('employment'))).rule).toBe('erasure.typ_relationship_active'));
  it('erases at the client\'s request regardless of retention', () =>
    expect(decide({ type: 'EraseClientData', data: { ground: 'client_request' } }, endedOn('2026-01-01').state(), contextOf('employment'))).toHaveLength(1));
  it('refuses a second erasure and any new entry afterwards', () => {
    const erased = endedOn('2022-01-01').add('ClientDataErased', { erasedOn: '2026-06-30', ground: 'typ_retention_4_years' });
    expect(violation(() => decide(erase, erased.state(), contextOf('employment'))).rule).toBe('client.erased');
    expect(erased.state().erased).toBe(true);
  });
  it('puts the retention end on the register keeper\'s worklist until erased', () => {
    expect(retentionEndsOn(endedOn('2022-06-30').state())).toBe('2026-06-30');
    expect(deadlinesOf(endedOn('2022-06-30').state())).toContainEqual(expect.objectContaining({ kind: 'retention_period_ended', dueDate: '2026-06-30' }));
    const erased = endedOn('2022-01-01').add('ClientDataErased', { erasedOn: '2026-06-30', ground: 'typ_retention_4_years' });
    expect(deadlinesOf(erased.state()).map((d) => d.kind)).not.toContain('retention_period_ended');
  });
});
