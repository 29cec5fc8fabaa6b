import { kutyDaysInWindow, maxDaysInAny12Months } from './activity-days.js';
import { activityDays } from '../test-support/index.js';

// At most 178 kuty activity days in any 12 months; the window is (end − 12 months, end].
const days178 = activityDays('2025-01-15', 178); // 2025-01-15 … 2025-11-20, Mon–Thu

describe('kutyDaysInWindow', () => {
  it('counts 178 days in the 12 months ending on the last of them', () => {
    expect(days178[177]).toBe('2025-11-20');
    expect(kutyDaysInWindow(days178, '2025-11-20')).toBe(178);
  });
  it('keeps a day exactly one day inside the window (end − 12 months + 1 day)', () => {
    expect(kutyDaysInWindow(['2025-01-15'], '2026-01-14')).toBe(1);
  });
  it('drops a day exactly 12 months before the window end', () => {
    expect(kutyDaysInWindow(['2025-01-15'], '2026-01-15')).toBe(0);
  });
  it('ignores days after the window end', () => {
    expect(kutyDaysInWindow(['2025-03-03', '2025-03-04'], '2025-03-03')).toBe(1);
  });
});

describe('maxDaysInAny12Months', () => {
  it('finds 178 days for 178 attended days within a year', () => {
    expect(maxDaysInAny12Months(days178)).toEqual({ days: 178, windowEnd: '2025-11-20' });
  });
  it('finds 179 days when one more day falls inside the same 12 months', () => {
    expect(maxDaysInAny12Months([...days178, '2025-11-24'])).toEqual({ days: 179, windowEnd: '2025-11-24' });
  });
  it('lets the oldest day drop out 12 months later (178 + a day on 2026-01-15 stays 178)', () => {
    expect(maxDaysInAny12Months([...days178, '2026-01-15']).days).toBe(178);
  });
  it('still counts the oldest day one day earlier (178 + a day on 2026-01-14 is 179)', () => {
    expect(maxDaysInAny12Months([...days178, '2026-01-14'])).toEqual({ days: 179, windowEnd: '2026-01-14' });
  });
  it('does not depend on the order of the input', () => {
    expect(maxDaysInAny12Months([...days178, '2025-11-24'].reverse()).days).toBe(179);
  });
  it('reports no window for no days', () => {
    expect(maxDaysInAny12Months([])).toEqual({ days: 0, windowEnd: null });
  });

  it('looks only at windows ending on or after a date when asked (the windows new dates can change)', () => {
    const history = [...days178, '2025-11-24']; // 179 in the window ending 2025-11-24
    expect(maxDaysInAny12Months(history, '2025-11-24')).toEqual({ days: 179, windowEnd: '2025-11-24' });
    expect(maxDaysInAny12Months([...history, '2026-03-02'], '2026-03-02').windowEnd).toBe('2026-03-02');
    expect(maxDaysInAny12Months(history, '2026-01-01')).toEqual({ days: 0, windowEnd: null });
  });
});
