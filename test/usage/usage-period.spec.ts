import { usagePeriodAt, usagePeriodsBack } from '../../src/usage/usage-period';

const utc = (text: string) => new Date(`${text}Z`);
const iso = (p: { start: Date; end: Date }) => [p.start.toISOString().slice(0, 10), p.end.toISOString().slice(0, 10)];

describe('usage periods', () => {
  it('run from the anchor day to the same day of the next month, turning at midnight UTC', () => {
    expect(iso(usagePeriodAt(15, utc('2027-05-15T00:00:00')))).toEqual(['2027-05-15', '2027-06-15']);
    expect(iso(usagePeriodAt(15, utc('2027-05-14T23:59:59.999')))).toEqual(['2027-04-15', '2027-05-15']);
    expect(iso(usagePeriodAt(15, utc('2027-06-14T23:00:00')))).toEqual(['2027-05-15', '2027-06-15']);
  });

  it('cross the year and keep a day 28 through February', () => {
    expect(iso(usagePeriodAt(1, utc('2027-01-01T00:00:00')))).toEqual(['2027-01-01', '2027-02-01']);
    expect(iso(usagePeriodAt(20, utc('2027-01-05T12:00:00')))).toEqual(['2026-12-20', '2027-01-20']);
    expect(iso(usagePeriodAt(28, utc('2028-02-29T12:00:00')))).toEqual(['2028-02-28', '2028-03-28']);
  });

  it('go back one after another with no gap and no overlap', () => {
    const periods = usagePeriodsBack(15, utc('2027-03-02T08:00:00'), 4);
    expect(periods.map(iso)).toEqual([
      ['2027-02-15', '2027-03-15'],
      ['2027-01-15', '2027-02-15'],
      ['2026-12-15', '2027-01-15'],
      ['2026-11-15', '2026-12-15'],
    ]);
  });

  it('refuse an anchor day outside 1 to 28', () => {
    expect(() => usagePeriodAt(29, utc('2027-03-02T08:00:00'))).toThrow(RangeError);
    expect(() => usagePeriodAt(0, utc('2027-03-02T08:00:00'))).toThrow(RangeError);
  });
});
