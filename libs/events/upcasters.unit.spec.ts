import { upcast, UnknownSchemaVersionError, EVENT_CATALOGUE, type PolkuEvent } from './index.js';

const base = {
  eventId: 'e1',
  clientId: 'c1',
  occurredAt: '2025-02-01',
  recordedAt: '2025-02-01T10:00:00Z',
  actor: { personId: 'p1', displayName: 'P', organisationId: 'o1', organisationType: 'provider' as const },
  correlationId: 'x',
  causationId: null,
};

describe('upcast', () => {
  it('lifts an old AttendanceReported to the current schema', () => {
    const old: PolkuEvent = { ...base, type: 'AttendanceReported', schemaVersion: 0, data: { periodId: 'p' } };
    const up = upcast(old);
    expect(up.schemaVersion).toBe(EVENT_CATALOGUE.AttendanceReported.schemaVersion);
    expect(up.data).toEqual({ periodId: 'p', attendedDates: [], hoursPerDay: 0 });
  });
  it('leaves current events untouched', () => {
    const cur: PolkuEvent = { ...base, type: 'PlanReviewed', schemaVersion: 1, data: { planId: 'a' } };
    expect(upcast(cur)).toBe(cur);
  });
  it('refuses a version from the future', () => {
    const future: PolkuEvent = { ...base, type: 'PlanReviewed', schemaVersion: 9, data: {} };
    expect(() => upcast(future)).toThrow(UnknownSchemaVersionError);
  });
});
