import { autoCloseTarget } from '../../src/billing-config/accounting-period.service';
import { addCalendarDays, billingToday, endOfPreviousMonth, isCalendarDate, isoWeekday } from '../../src/billing-config/billing-date';
import { Clock } from '../../src/common/clock';

const clockAt = (iso: string): Clock => ({ now: () => new Date(iso) });

describe('billing dates', () => {
  it('takes today from the clock in the billing time zone, not UTC', () => {
    const lateEveningInChicago = clockAt('2026-11-01T03:30:00Z');
    expect(billingToday(lateEveningInChicago, 'America/Chicago')).toBe('2026-10-31');
    expect(billingToday(lateEveningInChicago, 'UTC')).toBe('2026-11-01');
    expect(billingToday(clockAt('2026-12-31T14:00:00Z'), 'Pacific/Auckland')).toBe('2027-01-01');
  });

  it('accepts only real calendar days written as YYYY-MM-DD', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-5', '2026-01-05T00:00:00Z', '', 20260105, null]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });

  it('moves across months and years, and names ISO weekdays', () => {
    expect(addCalendarDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(endOfPreviousMonth('2026-03-15')).toBe('2026-02-28');
    expect(endOfPreviousMonth('2026-01-01')).toBe('2025-12-31');
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });

  it('lets an automatic close reach the newest month end that has waited long enough', () => {
    expect(autoCloseTarget('2026-11-10', 10)).toBe('2026-10-31');
    expect(autoCloseTarget('2026-11-09', 10)).toBe('2026-09-30');
    expect(autoCloseTarget('2026-11-01', 0)).toBe('2026-10-31');
    expect(autoCloseTarget('2026-10-31', 0)).toBe('2026-10-31');
    expect(autoCloseTarget('2026-12-14', 45)).toBe('2026-09-30');
    expect(autoCloseTarget('2026-12-15', 45)).toBe('2026-10-31');
    expect(autoCloseTarget('2026-03-10', 10)).toBe('2026-02-28');
  });
});
