import { decide, type ClientCommand } from './index.js';
import { deadlinesOf, retentionEndsOn, retentionOf } from '../rules/index.js';
import { contextOf, History, violation } from '../test-support/index.js';

// TYP register data is deleted 4 years after the relationship ends; a client who never had one,
// 10 years (a setting) after the last entry. Today in tests: 2026-06-30.
const erase: ClientCommand = { type: 'EraseClientData', data: { ground: 'retention_ended' } };
const request = (legalGround?: string): ClientCommand => ({
  type: 'EraseClientData',
  data: { ground: 'client_request', ...(legalGround ? { legalGround } : {}) },
});
const endedOn = (date: string) => new History().registered().typStarted('2021-01-04').typEnded(date);
/** A client registered on the given date with no TYP relationship and nothing after. */
const noTyp = (on: string) =>
  new History().add('ClientRegistered', { fullName: 'A', birthDate: '1980-01-01', municipality: 'Pori' }, 'county', on);
const ctx = () => contextOf('employment');

describe('erasure after retention', () => {
  it('erases when the relationship ended exactly 4 years ago', () =>
    expect(decide(erase, endedOn('2022-06-30').state(), ctx())).toEqual([
      expect.objectContaining({
        type: 'ClientDataErased',
        data: expect.objectContaining({ ground: 'typ_retention_4_years' }),
      }),
    ]));
  it('refuses one day before the 4 years have passed', () =>
    expect(violation(() => decide(erase, endedOn('2022-07-01').state(), ctx())).rule).toBe(
      'erasure.retention_not_passed',
    ));
  it('refuses while the relationship is active', () =>
    expect(violation(() => decide(erase, new History().registered().typStarted().state(), ctx())).rule).toBe(
      'erasure.typ_relationship_active',
    ));
  it('refuses a second erasure and any new entry afterwards', () => {
    const erased = endedOn('2022-01-01').add('ClientDataErased', {
      erasedOn: '2026-06-30',
      ground: 'typ_retention_4_years',
    });
    expect(violation(() => decide(erase, erased.state(), ctx())).rule).toBe('client.erased');
    expect(erased.state().erased).toBe(true);
  });
  it("puts the retention end on the register keeper's worklist until erased", () => {
    expect(retentionEndsOn(endedOn('2022-06-30').state())).toBe('2026-06-30');
    expect(deadlinesOf(endedOn('2022-06-30').state())).toContainEqual(
      expect.objectContaining({ kind: 'retention_period_ended', dueDate: '2026-06-30' }),
    );
    const erased = endedOn('2022-01-01').add('ClientDataErased', {
      erasedOn: '2026-06-30',
      ground: 'typ_retention_4_years',
    });
    expect(deadlinesOf(erased.state()).map((d) => d.kind)).not.toContain('retention_period_ended');
  });
});

describe('retention of a client who never had a TYP relationship', () => {
  it('ends 10 years after the last entry', () =>
    expect(retentionOf(noTyp('2016-06-30').state())).toEqual({
      endsOn: '2026-06-30',
      basis: 'records_retention',
      years: 10,
    }));
  it('erases on the day the 10 years have passed', () =>
    expect(decide(erase, noTyp('2016-06-30').state(), ctx())).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ ground: 'records_retention_10_years' }) }),
    ]));
  it('refuses one day before', () =>
    expect(violation(() => decide(erase, noTyp('2016-07-01').state(), ctx())).rule).toBe(
      'erasure.retention_not_passed',
    ));
  it("is on the register keeper's worklist", () =>
    expect(deadlinesOf(noTyp('2016-07-01').state())).toContainEqual(
      expect.objectContaining({
        kind: 'retention_period_ended',
        dueDate: '2026-07-01',
        organisationIds: ['polku:registry-keeper'],
      }),
    ));
});

describe("erasure at the client's request", () => {
  it('is refused while a statutory retention period runs', () => {
    const e = violation(() => decide(request(), endedOn('2026-01-01').state(), ctx()));
    expect(e).toMatchObject({
      rule: 'erasure.retention_period_running',
      field: 'legalGround',
      details: expect.objectContaining({ retentionEndsOn: '2030-01-01' }),
    });
  });
  it('is refused while the TYP relationship is still active', () =>
    expect(violation(() => decide(request(), new History().registered().typStarted().state(), ctx())).rule).toBe(
      'erasure.retention_period_running',
    ));
  it('erases while retention runs when the register keeper records the legal ground, and keeps the ground', () =>
    expect(decide(request('GDPR 17(1)(d): unlawfully processed'), endedOn('2026-01-01').state(), ctx())).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ ground: 'client_request', legalGround: 'GDPR 17(1)(d): unlawfully processed' }),
      }),
    ]));
  it('erases without a legal ground once retention has ended', () =>
    expect(decide(request(), endedOn('2022-06-30').state(), ctx())).toEqual([
      expect.objectContaining({ data: { erasedOn: '2026-06-30', ground: 'client_request' } }),
    ]));
});
