import { periodMonthsUsed } from './deadlines.js';

// The 24-month gauge of kuty: whole months run, to the period's end or to the day asked about.
describe('months a period has run of its maximum length', () => {
  const kuty = { startDate: '2025-02-17', serviceType: 'rehabilitative_work_activity' };

  it('counts whole months to the day asked about', () => {
    expect(periodMonthsUsed(kuty, '2025-05-15')).toEqual({ monthsUsed: 2, maxMonths: 24 });
    expect(periodMonthsUsed(kuty, '2025-05-16')).toEqual({ monthsUsed: 3, maxMonths: 24 });
  });

  it('stops at the end of an ended period, and at the maximum', () => {
    expect(periodMonthsUsed({ ...kuty, endDate: '2025-08-15' }, '2026-12-04')).toEqual({
      monthsUsed: 5,
      maxMonths: 24,
    });
    expect(periodMonthsUsed(kuty, '2030-01-01')).toEqual({ monthsUsed: 24, maxMonths: 24 });
  });

  it('is null for a service type without a maximum length', () => {
    expect(periodMonthsUsed({ startDate: '2025-01-01', serviceType: 'job_coaching' }, '2025-06-01')).toBeNull();
  });
});
